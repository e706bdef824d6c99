import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shortSourceLabel, sourceLinksFor } from './links';
import { SOURCES } from './catalog';

describe('sourceLinksFor', () => {
  it('links catalog ids to their /sources anchor and lessons to their page', () => {
    // Hand-checked against lib/sources/catalog.ts: the QLoRA entry's first author and year.
    const [qlora, lesson] = sourceLinksFor(['qlora-2305.14314', 'lesson:fact-check']);
    expect(qlora).toMatchObject({ href: '/sources#qlora-2305.14314', label: 'Dettmers et al., 2023' });
    expect(qlora!.title).toMatch(/^QLoRA/);
    expect(lesson).toEqual({ href: '/lessons/fact-check', label: 'Fact-check lesson', title: 'Fact-check lesson' });
  });

  it('throws for an id the catalog lacks, so no link points nowhere', () => {
    expect(() => sourceLinksFor(['no-such-source'])).toThrow('Unknown source: no-such-source');
  });

  it('keeps order and drops duplicates, for any list of catalog ids', () => {
    const ids = SOURCES.map((s) => s.id);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ids), { maxLength: 12 }), (refs) => {
        const hrefs = sourceLinksFor(refs).map((l) => l.href);
        expect(hrefs).toEqual([...new Set(refs)].map((id) => `/sources#${id}`));
      }),
    );
  });
});

describe('shortSourceLabel (the one label rule: lesson citations, question sources, the cheat sheet)', () => {
  it('keeps hyphenated names whole (a config path is its own label)', () => {
    // lib/sources: title "meta-llama/Llama-3.1-70B config.json", no year.
    expect(shortSourceLabel('hf-config-llama-3.1-70b')).toBe('meta-llama/Llama-3.1-70B config.json');
  });
  // First-author labels for papers, issue and model-id shortening: components/cheatsheet/model/citations.test.ts.
});
