import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shortSourceLabel, sourceLinksFor } from './links';
import { SOURCES } from './catalog';

describe('sourceLinksFor', () => {
  it('links catalog ids to their /sources anchor and lessons to their page', () => {
    // Hand-checked against lib/sources/catalog.ts: the QLoRA entry's title and year.
    const [qlora, lesson] = sourceLinksFor(['qlora-2305.14314', 'lesson:fact-check']);
    expect(qlora).toMatchObject({ href: '/sources#qlora-2305.14314', label: 'QLoRA, 2023' });
    expect(qlora!.title).toMatch(/^QLoRA/);
    expect(lesson).toEqual({ href: '/lessons/fact-check', label: 'Fact-check lesson', title: 'Fact-check lesson' });
  });

  it('throws for an id the catalog lacks, so no link points nowhere', () => {
    expect(() => sourceLinksFor(['no-such-source'])).toThrow('Unknown source: no-such-source');
  });

  it('keeps order and drops duplicates, for any list of catalog ids', () => {
    const ids = SOURCES.map((s) => s.id);
    fc.assert(fc.property(fc.array(fc.constantFrom(...ids), { maxLength: 12 }), (refs) => {
      const hrefs = sourceLinksFor(refs).map((l) => l.href);
      expect(hrefs).toEqual([...new Set(refs)].map((id) => `/sources#${id}`));
    }));
  });
});

describe('shortSourceLabel', () => {
  it('cuts at the first colon, spaced dash or parenthesis, adds the year', () => {
    expect(shortSourceLabel('GPTQ: Accurate Post-Training Quantization', 2022)).toBe('GPTQ, 2022');
    expect(shortSourceLabel('NVIDIA H100 Tensor Core GPU Datasheet')).toBe('NVIDIA H100 Tensor Core GPU Datasheet'); // six words, no authors: kept whole
    expect(shortSourceLabel('vLLM (cache config)')).toBe('vLLM');
    // Hyphens inside names are not cut points.
    expect(shortSourceLabel('meta-llama/Llama-3.1-70B config.json')).toBe('meta-llama/Llama-3.1-70B config.json');
    // A long title with no short name before a colon: the first author, or six words.
    expect(shortSourceLabel('FP8 Formats for Deep Learning', 2022, 'Micikevicius, Stosic, Burgess')).toBe('Micikevicius et al., 2022');
    expect(shortSourceLabel('NF4 Isn’t Information Theoretically Optimal (and that’s Good)', 2023, 'Yoshida')).toBe('Yoshida, 2023');
    expect(shortSourceLabel('We ran over half a million evaluations on quantized LLMs', 2024)).toBe('We ran over half a million…, 2024');
  });
});
