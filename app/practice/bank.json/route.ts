import { loadQuestionBank } from '@/content/questions';
import { compactQuestion } from '@/lib/practice';
import { GENERATORS } from '@/lib/practice/generators';

export const dynamic = 'force-static';

/**
 * The whole question bank for `/practice`, as one static JSON file
 * (out/practice/bank.json): compacted questions (HTML only) plus the generator
 * templates. The page fetches it, so its own HTML stays small.
 */
export function GET(): Response {
  const body = JSON.stringify({ questions: loadQuestionBank().map(compactQuestion), templates: GENERATORS });
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
