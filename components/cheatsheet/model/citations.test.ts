import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SOURCES } from '@/lib/sources';
import { numberSources, shortSourceLabel } from './citations';

describe('numberSources', () => {
  it('numbers in order of first citation and keeps a repeated id at its first number', () => {
    const r = numberSources(['nvidia-h100-datasheet', 'bf16-or-death-2411.02355', 'nvidia-h100-datasheet']);
    expect(r.map((s) => [s.n, s.id])).toEqual([
      [1, 'nvidia-h100-datasheet'],
      [2, 'bf16-or-death-2411.02355'],
    ]);
  });

  it('throws for an id that is not on /sources', () => {
    expect(() => numberSources(['no-such-source'])).toThrow(/Unknown source: no-such-source/);
  });

  it('numbers 1 … k for any list of known ids, k = distinct ids', () => {
    const ids = SOURCES.map((s) => s.id);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ids), { maxLength: 40 }), (list) => {
        const r = numberSources(list);
        expect(r.map((s) => s.n)).toEqual(r.map((_, i) => i + 1));
        expect(r.length).toBe(new Set(list).size);
      }),
    );
  });
});

describe('shortSourceLabel', () => {
  it('cites papers by first author and year', () => {
    // lib/sources: authors "Kurtic et al.", 2024; QLoRA: "Dettmers, Pagnoni, Holtzman, Zettlemoyer", 2023.
    expect(shortSourceLabel('bf16-or-death-2411.02355')).toBe('Kurtic et al., 2024');
    expect(shortSourceLabel('qlora-2305.14314')).toBe('Dettmers et al., 2023');
  });

  it("drops an issue's description and a pull request's quoted title", () => {
    expect(shortSourceLabel('gh-nccl-1264')).toBe('NVIDIA/nccl issue #1264');
    expect(shortSourceLabel('gh-torchao-4002')).toBe('pytorch/ao PR #4002, 2026');
  });

  it('keeps the distinctive end of a long model id', () => {
    expect(shortSourceLabel('nm-llama-3.1-70b-instruct-w4a16')).toBe(
      'neuralmagic/Me…-70B-Instruct-quantized.w4a16, 2024',
    );
    expect(shortSourceLabel('nm-llama-3.1-70b-instruct-w8a16')).not.toBe(
      shortSourceLabel('nm-llama-3.1-70b-instruct-w4a16'),
    );
  });

  it('stays short for every source (44 characters + ", year")', () => {
    for (const s of SOURCES) expect(shortSourceLabel(s.id).length).toBeLessThanOrEqual(44 + 6);
  });
});
