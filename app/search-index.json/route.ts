import { allLessons } from '@/content/lessons';
import { loadQuestionBank } from '@/content/questions';
import { buildSearchIndex, collectSearchDocs } from '@/content/build/searchDocs';

export const dynamic = 'force-static';

/**
 * The site search's index as one static JSON file (out/search-index.json), built at build time from the lessons,
 * the question bank, the glossary and the sources (content/build/searchDocs.ts). /search fetches it, with
 * MiniSearch, only when the search box is used.
 */
export function GET(): Response {
  const body = buildSearchIndex(collectSearchDocs(allLessons(), loadQuestionBank()));
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
