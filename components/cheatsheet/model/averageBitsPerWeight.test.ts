import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORMATS, formatBitsBreakdown } from '@/lib/formats';
import { averageBitsPerWeight, overheadExpression } from './averageBitsPerWeight';

describe('averageBitsPerWeight', () => {
  it("averages llama.cpp's Q4_K_M file of Llama 3.1 70B to about 4.89 bits", () => {
    // llama.cpp tools/quantize/README.md: 43.1 GB; 43.1e9 × 8 / 70,553,706,496 = 4.8871…, close to the
    // 4.8944 the same README measures for the 8B model's Q4_K_M file.
    expect(averageBitsPerWeight(43.1e9, 70_553_706_496)).toBeCloseTo(4.8871, 4);
  });

  it('gives a 24 GB RTX 4090 under 3 bits per weight of Llama-3.1-70B', () => {
    // nvidia-smi 24,564 MiB = 25,757,220,864 B (RLinf/RLinf#255); 70,553,706,496 params (lib/models).
    // 25,757,220,864 × 8 / 70,553,706,496 = 2.92057…
    expect(averageBitsPerWeight(25_757_220_864, 70_553_706_496)).toBeCloseTo(2.9206, 4);
  });

  it('inverts params × bits / 8', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 32, noNaN: true }), fc.integer({ min: 1, max: 1e12 }), (bits, params) => {
        expect(averageBitsPerWeight((params * bits) / 8, params)).toBeCloseTo(bits, 9);
      }),
    );
  });

  it('names the bad argument', () => {
    expect(() => averageBitsPerWeight(-1, 10)).toThrow(/bytes/);
    expect(() => averageBitsPerWeight(1, 0)).toThrow(/params/);
    expect(() => averageBitsPerWeight(Number.NaN, 10)).toThrow(/bytes/);
  });
});

describe('overheadExpression', () => {
  it('keeps the first step of each kind of formula', () => {
    expect(overheadExpression('4 + 16/128 + 4/128 = 4.15625')).toBe('4 + 16/128 + 4/128');
    expect(overheadExpression('144 B × 8 / 256 = 4 + 0.1875 + 0.1875 + 0.125 = 4.5')).toBe('144 B × 8 / 256');
    expect(overheadExpression('8 + 32/in_features ≈ 8')).toBe('8 + 32/in_features');
    expect(overheadExpression('no result here')).toBe('no result here');
  });

  it('leaves a non-empty expression with no result for every catalog format', () => {
    for (const f of FORMATS) {
      const e = overheadExpression(formatBitsBreakdown(f.id).formula);
      expect(e.length).toBeGreaterThan(0);
      expect(e).not.toMatch(/ = | ≈ /);
    }
  });
});
