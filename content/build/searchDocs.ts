import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { SOURCES } from '@/lib/sources';
import type { Question } from '@/lib/practice/types';
import { GLOSSARY } from '../glossary';
import type { LessonMeta } from '../schema';
import {
  mdxToText,
  runSearch,
  SEARCH_OPTIONS,
  textFragmentUrl,
  type SearchDoc,
  type StoredResult,
} from '@/components/search/model/search';

/**
 * One document per section of a lesson: the text before the first `##` heading is the lesson's introduction
 * (linked to the lesson), and each `## heading` (or `<h2 id="…">` in the fact-check lesson) starts a section,
 * linked to its anchor when it has one, else to its heading as a text fragment.
 */
export function lessonDocs(slug: string, meta: LessonMeta, source: string): SearchDoc[] {
  const base = `/lessons/${slug}`;
  const docs: SearchDoc[] = [];
  let title = meta.title;
  let url = base;
  let lines: string[] = [meta.summary];
  const flush = () => {
    const text = mdxToText(lines.join('\n'));
    if (text) docs.push({ id: `lesson:${slug}:${docs.length}`, kind: 'lesson', title, context: meta.title, url, text });
  };
  for (const line of source.split('\n')) {
    const md = /^##\s+(.+?)\s*$/.exec(line);
    const jsx = /^<h2 id="([a-z0-9-]+)">(.*)<\/h2>\s*$/.exec(line);
    if (md || jsx) {
      flush();
      lines = [];
      if (jsx) {
        title = mdxToText(jsx[2]!);
        url = `${base}#${jsx[1]}`;
      } else {
        title = mdxToText(md![1]!);
        // A heading with markup or math does not render as its source text: link to the lesson instead.
        url = /^[^$<`*_[\]]+$/.test(md![1]!) ? textFragmentUrl(base, md![1]!) : base;
      }
      continue;
    }
    lines.push(line);
  }
  flush();
  return docs;
}

/** One document per bank question: its prompt, linked to the question alone on /practice. */
export function questionDocs(questions: readonly Question[]): SearchDoc[] {
  return questions.map((q) => {
    const prompt = mdxToText(q.prompt.md);
    return {
      id: `question:${q.id}`,
      kind: 'question',
      title: prompt.length > 110 ? `${prompt.slice(0, 107).replace(/\s+\S*$/, '')}…` : prompt,
      context: `Practice · ${q.factor} · ${q.level}`,
      url: `/practice?q=${encodeURIComponent(q.id)}`,
      text: `${prompt} ${q.tags.join(' ')}`,
    };
  });
}

/** One document per glossary term, linked to its anchor. */
export function glossaryDocs(): SearchDoc[] {
  return GLOSSARY.map((t) => ({
    id: `glossary:${t.id}`,
    kind: 'glossary',
    title: t.term,
    context: t.expansion ?? '',
    url: `/glossary#${t.id}`,
    text: `${(t.aliases ?? []).join(' ')} ${t.definition}`,
  }));
}

/** One document per source, linked to its entry on /sources. */
export function sourceDocs(): SearchDoc[] {
  return SOURCES.map((s) => ({
    id: `source:${s.id}`,
    kind: 'source',
    title: s.title,
    context: [s.authors, s.year].filter(Boolean).join(', '),
    url: `/sources#${s.id}`,
    text: `${s.id} ${s.usedFor}`,
  }));
}

/** Pages that are not lessons but are worth finding by name. */
export const PAGE_DOCS: readonly SearchDoc[] = [
  {
    id: 'page:/tools/memory',
    kind: 'page',
    title: 'Memory calculator',
    context: 'Calculators',
    url: '/tools/memory',
    text: 'weights KV cache activations overhead fit GPU memory',
  },
  {
    id: 'page:/tools/speed',
    kind: 'page',
    title: 'Speed calculator',
    context: 'Calculators',
    url: '/tools/speed',
    text: 'decode roofline tokens per second crossover batch',
  },
  {
    id: 'page:/tools/rounding',
    kind: 'page',
    title: 'Rounding demo',
    context: 'Calculators',
    url: '/tools/rounding',
    text: 'INT8 INT4 NF4 FP4 rounding error sample weights',
  },
  {
    id: 'page:/tools/accuracy',
    kind: 'page',
    title: 'Accuracy lab',
    context: 'Calculators',
    url: '/tools/accuracy',
    text: 'small model perplexity flips KL divergence GPTQ AWQ SmoothQuant W8A8 NF4 INT4 prompt continuation',
  },
  {
    id: 'page:/practice',
    kind: 'page',
    title: 'Practice',
    context: '',
    url: '/practice',
    text: 'question bank spaced repetition FSRS mistakes',
  },
  {
    id: 'page:/interview',
    kind: 'page',
    title: 'Mock interview',
    context: '',
    url: '/interview',
    text: 'timed interview follow-ups rubric scorecard',
  },
  {
    id: 'page:/cheatsheet',
    kind: 'page',
    title: 'Cheat sheet',
    context: '',
    url: '/cheatsheet',
    text: 'formulas printable decision tree GPU table',
  },
  {
    id: 'page:/the-post',
    kind: 'page',
    title: 'The post: what it claims, and the verdicts',
    context: '',
    url: '/the-post',
    text: 'original viral post claims Goldman Sachs interview',
  },
];

/** Every searchable document of the site, from the lessons (read from `lessonDir`), the bank, the glossary and sources. */
export function collectSearchDocs(
  lessons: ReadonlyArray<{ slug: string; meta: LessonMeta }>,
  questions: readonly Question[],
  lessonDir: string = path.join(process.cwd(), 'content', 'lessons'),
): SearchDoc[] {
  return [
    ...lessons.flatMap((l) =>
      lessonDocs(l.slug, l.meta, fs.readFileSync(path.join(lessonDir, `${l.slug}.mdx`), 'utf8')),
    ),
    ...questionDocs(questions),
    ...glossaryDocs(),
    ...sourceDocs(),
    ...PAGE_DOCS,
  ];
}

/**
 * The static search index: a MiniSearch index of `docs` (title, context and text searched; kind, title, context
 * and url stored for display), serialised as MiniSearch's JSON, which the browser loads with
 * `MiniSearch.loadJSON(json, SEARCH_OPTIONS)`. Throws naming the id when two documents share one.
 */
export function buildSearchIndex(docs: readonly SearchDoc[]): string {
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.id)) throw new Error(`search index: two documents with id "${d.id}"`);
    seen.add(d.id);
  }
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs as SearchDoc[]);
  return JSON.stringify(index);
}

/** Results for `query` from a serialised index, as the browser gets them (for tests and checks). */
export function searchIndex(json: string, query: string): StoredResult[] {
  return runSearch(MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS), query);
}
