import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allLessons } from '../lessons';
import { loadQuestionBank } from '../questions';
import { GLOSSARY } from '../glossary';
import { SOURCES } from '@/lib/sources';
import { buildSearchIndex, collectSearchDocs, lessonDocs, searchIndex } from './searchDocs';
import { MAX_QUERY_LENGTH, mdxToText, normalizeQuery, textFragmentUrl } from '@/components/search/model/search';

describe('the search index (built at build time into out/search-index.json)', () => {
  const lessons = allLessons();
  const questions = loadQuestionBank();
  const docs = collectSearchDocs(lessons, questions);
  const json = buildSearchIndex(docs);

  it('holds every lesson, question, glossary term and source, each with a URL inside the site', () => {
    const count = (kind: string) => docs.filter((d) => d.kind === kind).length;
    expect(count('question')).toBe(questions.length);
    expect(count('glossary')).toBe(GLOSSARY.length);
    expect(count('source')).toBe(SOURCES.length);
    for (const l of lessons)
      expect(
        docs.some((d) => d.url === `/lessons/${l.slug}`),
        l.slug,
      ).toBe(true);
    for (const d of docs) {
      expect(d.url, d.id).toMatch(/^\/[a-z]/);
      expect(d.title.trim().length, d.id).toBeGreaterThan(0);
    }
  });

  it('finds a glossary term first by its name, and a question by words of its prompt', () => {
    expect(searchIndex(json, 'W4A16')[0]).toMatchObject({ kind: 'glossary', url: '/glossary#w4a16' });
    expect(searchIndex(json, 'ridge point')[0]).toMatchObject({ kind: 'glossary', url: '/glossary#ridge-point' });
    const q = questions[0]!;
    const words = mdxToText(q.prompt.md)
      .split(' ')
      .filter((w) => /^[A-Za-z]{6,}$/.test(w))
      .slice(0, 4)
      .join(' ');
    expect(searchIndex(json, words).map((r) => r.url)).toContain(`/practice?q=${encodeURIComponent(q.id)}`);
  });

  it('finds sources by title and lesson sections by their heading, linking to the anchor or the heading', () => {
    expect(searchIndex(json, 'QLoRA efficient finetuning')[0]?.url).toBe('/sources#qlora-2305.14314');
    // The fact-check lesson's claim sections have ids (content/claims.ts).
    expect(searchIndex(json, 'gradients').map((r) => r.url)).toContain('/lessons/fact-check#gradients');
  });

  it('matches prefixes and small typos, and falls back to any word when no document has them all', () => {
    expect(searchIndex(json, 'smoothq').map((r) => r.url)).toContain('/glossary#smoothquant');
    expect(searchIndex(json, 'roofilne').map((r) => r.url)).toContain('/glossary#roofline');
    expect(searchIndex(json, 'smoothquant zzzqqqxxx').map((r) => r.url)).toContain('/glossary#smoothquant');
    expect(searchIndex(json, '   ')).toEqual([]);
  });

  it('rejects two documents with one id', () => {
    const d = docs[0]!;
    expect(() => buildSearchIndex([d, { ...d }])).toThrow(`two documents with id "${d.id}"`);
  });
});

describe('lessonDocs', () => {
  const meta = { title: 'T', summary: 'Sum.', factor: 'memory', order: 1, minutes: 5 } as const;

  it('makes one document per section, linking plain headings by text fragment and JSX headings by id', () => {
    const src = [
      'export const meta = {',
      "  title: 'T',",
      '};',
      'Intro with $x^2$ math.',
      '<Notes>',
      '- presenter only',
      '</Notes>',
      '## Weights, bytes and the KV-cache',
      'Text <Cite id="a" /> here.',
      '## With `code`',
      'More.',
      '<h2 id="sizes">“FP32 280 GB”</h2>',
      'Claim text.',
    ].join('\n');
    const docs = lessonDocs('memory', meta, src);
    expect(docs.map((d) => [d.title, d.url, d.text])).toEqual([
      ['T', '/lessons/memory', 'Sum. Intro with math.'],
      [
        'Weights, bytes and the KV-cache',
        '/lessons/memory#:~:text=Weights%2C%20bytes%20and%20the%20KV%2Dcache',
        'Text here.',
      ],
      ['With code', '/lessons/memory', 'More.'],
      ['“FP32 280 GB”', '/lessons/memory#sizes', 'Claim text.'],
    ]);
  });
});

describe('search text helpers', () => {
  it('turns MDX into plain text (hand-written example)', () => {
    expect(mdxToText('Read **every** [weight](/x) once: $2N$ FLOPs <Cite id="a" />.')).toBe(
      'Read every weight once: FLOPs .',
    );
  });

  it('percent-encodes what a text fragment reserves', () => {
    expect(textFragmentUrl('/lessons/speed', 'A, B & C-D')).toBe('/lessons/speed#:~:text=A%2C%20B%20%26%20C%2DD');
  });

  it('normalises any query quickly, to at most the maximum length, with no leading or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (raw) => {
        const q = normalizeQuery(raw);
        expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(q).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
    const start = performance.now();
    normalizeQuery('1' + ' '.repeat(60_000) + 'x');
    expect(performance.now() - start).toBeLessThan(50);
  });
});
