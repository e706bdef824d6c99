import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getModel } from '../models';
import { attentionFlopsPerTokenPair, expectedExpertsTouched } from './work';

describe('expectedExpertsTouched(E, k, tokens)', () => {
  it('k for one token, E·(1 − (1 − k/E)^n) in general, → E for many tokens', () => {
    expect(expectedExpertsTouched(8, 2, 1)).toBeCloseTo(2, 12);
    expect(expectedExpertsTouched(8, 2, 4)).toBeCloseTo(8 * (1 - 0.75 ** 4), 12); // 5.46875
    expect(expectedExpertsTouched(256, 8, 10_000)).toBeCloseTo(256, 6);
    expect(expectedExpertsTouched(8, 2, 0)).toBe(0);
  });
  it('never decreases with tokens and never exceeds E', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1e5 }),
        (e, f, n) => {
          const k = Math.max(1, Math.round(f * e));
          const a = expectedExpertsTouched(e, k, n);
          expect(expectedExpertsTouched(e, k, n + 1)).toBeGreaterThanOrEqual(a - 1e-9);
          expect(a).toBeLessThanOrEqual(e + 1e-9);
          expect(a).toBeGreaterThanOrEqual(Math.min(k, e) - 1e-9);
        },
      ),
    );
  });
});

describe('attentionFlopsPerTokenPair(spec, phase)', () => {
  it('GQA: 4 × layers × heads × head_dim (Llama-3.1-70B: 4 × 80 × 64 × 128 = 2,621,440)', () => {
    expect(attentionFlopsPerTokenPair(getModel('llama-3.1-70b').spec, 'decode')).toBe(2_621_440);
  });
  it('MLA: decode over the absorbed latent, prefill over decompressed heads (DeepSeek-V3)', () => {
    const v3 = getModel('deepseek-v3').spec;
    expect(attentionFlopsPerTokenPair(v3, 'decode')).toBe(2 * 61 * 128 * (512 + 64 + 512));
    expect(attentionFlopsPerTokenPair(v3, 'prefill')).toBe(2 * 61 * 128 * (128 + 64 + 128));
  });
});
