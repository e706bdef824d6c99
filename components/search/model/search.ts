/**
 * The site search's shared definitions: what a searchable document is, the MiniSearch options the build indexes
 * with and the browser loads the index with (they must match: MiniSearch.loadJSON needs the options the index was
 * built with), and the text helpers the build uses to turn MDX and markdown into plain text. No React, no fs.
 */

/** What a result is, shown beside it. */
export type SearchKind = 'lesson' | 'question' | 'glossary' | 'source' | 'page';

export const SEARCH_KIND_LABEL: Readonly<Record<SearchKind, string>> = {
  lesson: 'Lesson',
  question: 'Question',
  glossary: 'Glossary',
  source: 'Source',
  page: 'Page',
};

/** One searchable document: a lesson section, a bank question, a glossary term, a source or a page. */
export interface SearchDoc {
  /** Unique: `lesson:<slug>:<n>`, `question:<id>`, `glossary:<id>`, `source:<id>`, `page:<path>`. */
  id: string;
  kind: SearchKind;
  title: string;
  /** Where it sits, e.g. the lesson's title for a lesson section; empty when the title says it all. */
  context: string;
  /** Where the result links to: a lesson (with a text fragment for a section), `/practice?q=…`, `/glossary#…`, `/sources#…`. */
  url: string;
  /** Plain text that is searched, not stored in the index. */
  text: string;
}

/** The fields of a SearchDoc the index keeps for showing a result. */
export type StoredResult = Pick<SearchDoc, 'id' | 'kind' | 'title' | 'context' | 'url'>;

/**
 * MiniSearch options for both sides: titles weigh three times the body; prefix search (type "quant" for
 * "quantization") and fuzzy matching of one edit in five characters, as MiniSearch's documentation suggests for
 * search-as-you-type (https://lucaong.github.io/minisearch/, "Search options").
 */
export const SEARCH_OPTIONS = {
  fields: ['title', 'context', 'text'],
  storeFields: ['kind', 'title', 'context', 'url'],
  searchOptions: {
    boost: { title: 3, context: 1.5 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND' as const,
    boostDocument: (_id: unknown, _term: string, stored?: Record<string, unknown>) =>
      KIND_BOOST[stored?.kind as SearchKind] ?? 1,
  },
};

/** A definition or a page named by the query beats a passing mention in a long lesson section or question. */
const KIND_BOOST: Readonly<Record<SearchKind, number>> = {
  glossary: 2,
  page: 1.5,
  lesson: 1.2,
  question: 1,
  source: 1,
};

/** The part of a MiniSearch index {@link runSearch} uses. */
export interface Searchable {
  search(query: string, options?: { combineWith?: 'AND' | 'OR' }): Array<Record<string, unknown> & { id: unknown }>;
}

/**
 * Results for `raw`: every word must match (prefix or one edit in five characters); when no document has them all,
 * documents with any of them, best first. At most {@link MAX_RESULTS}; none for a blank query.
 */
export function runSearch(index: Searchable, raw: string): StoredResult[] {
  const q = normalizeQuery(raw);
  if (!q) return [];
  let hits = index.search(q);
  if (hits.length === 0) hits = index.search(q, { combineWith: 'OR' });
  return hits.slice(0, MAX_RESULTS).map((r) => ({
    id: String(r.id),
    kind: r.kind as SearchKind,
    title: String(r.title),
    context: String(r.context ?? ''),
    url: String(r.url),
  }));
}

/** Most results the search box lists. */
export const MAX_RESULTS = 20;

/** Longest query the box reads, in characters (a pasted page is cut here, never searched whole). */
export const MAX_QUERY_LENGTH = 200;

/**
 * Plain text of MDX or markdown, for indexing: drops `export` statements, presenter `<Notes>` blocks, display and
 * inline math, JSX tags (keeping their text content), HTML comments, code fences' markers, link targets and
 * emphasis markers, and collapses white space.
 *
 * @example mdxToText('Read **every** [weight](/x) once: $2N$ FLOPs <Cite id="a" />.') // "Read every weight once: FLOPs ."
 */
export function mdxToText(source: string): string {
  return source
    .replace(/^export const [\s\S]*?\n\};?\n/gm, ' ')
    .replace(/<Notes>[\s\S]*?<\/Notes>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*\/?>/g, ' ')
    .replace(/```[^\n]*\n/g, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/[*_`#>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A URL that scrolls to `text` on `path` and highlights it (a text fragment, `#:~:text=`), supported by
 * Chromium, Safari and Firefox; browsers without it open the page at the top. Dashes, commas and ampersands are
 * percent-encoded as the syntax requires (https://wicg.github.io/scroll-to-text-fragment/#syntax).
 *
 * @example textFragmentUrl('/lessons/speed', 'The roofline, in one line') // "/lessons/speed#:~:text=The%20roofline%2C%20in%20one%20line"
 */
export function textFragmentUrl(path: string, text: string): string {
  const encoded = encodeURIComponent(text).replace(/-/g, '%2D');
  return `${path}#:~:text=${encoded}`;
}

/** The query as the box searches it: trimmed, inner white space collapsed, at most {@link MAX_QUERY_LENGTH} characters. */
export function normalizeQuery(raw: string): string {
  return raw
    .slice(0, MAX_QUERY_LENGTH * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}
