import { describe, expect, it } from 'vitest';
import { FP4, FP4_CODEBOOK, FP4_RAW_CODES } from './fp4-codebook';

describe('FP4_CODEBOOK', () => {
  it('is bitsandbytes get_4bit_type("fp4") in bit-pattern order, divided by 12', () => {
    // functional.py: [0, 0.0625, 8, 12, 4, 6, 2, 3, -0, -0.0625, -8, -12, -4, -6, -2, -3], then data /= data.abs().max().
    expect(FP4_RAW_CODES).toEqual([0, 0.0625, 8, 12, 4, 6, 2, 3, -0, -0.0625, -8, -12, -4, -6, -2, -3]);
    expect(FP4_CODEBOOK.map((v) => Math.round(v * 12 * 1e4) / 1e4)).toEqual([
      0, 0.0625, 8, 12, 4, 6, 2, 3, -0, -0.0625, -8, -12, -4, -6, -2, -3,
    ]);
    expect(FP4_CODEBOOK[3]).toBe(1);
    expect(FP4_CODEBOOK[2]).toBe(Math.fround(8 / 12)); // 0.6666666865348816
    expect(FP4_CODEBOOK[1]).toBe(Math.fround(0.0625 / 12)); // 0.005208333…
  });

  it('is not sorted: the code is a bit pattern (sign = high bit), so codes 8–15 negate codes 0–7', () => {
    expect(FP4_CODEBOOK[2] as number).toBeLessThan(FP4_CODEBOOK[3] as number);
    expect(FP4_CODEBOOK[3] as number).toBeGreaterThan(FP4_CODEBOOK[4] as number);
    for (let c = 0; c < 8; c++) expect(FP4_CODEBOOK[c + 8]).toBe(-(FP4_CODEBOOK[c] as number));
    expect(Object.is(FP4_CODEBOOK[8], -0)).toBe(true);
  });

  it('has 15 distinct levels and 14 midpoints in its sorted view; −0 is code 8', () => {
    expect(FP4.sortedLevels).toHaveLength(15);
    expect(FP4.midpoints).toHaveLength(14);
    expect(FP4.negativeZeroCode).toBe(8);
    expect(FP4.sortedCodes[FP4.zeroSortedIndex]).toBe(0);
    expect(Array.from(FP4.sortedCodes)).toEqual([11, 10, 13, 12, 15, 14, 9, 0, 1, 6, 7, 4, 5, 2, 3]);
  });

  it("has the decision points of bitsandbytes' CUDA kernel as positive midpoints (dQuantizeFP4)", () => {
    // csrc/kernels.cu dQuantizeFP4 pivots: 0.00260417, 0.0859375, 0.20833333, 0.29166667, 0.4166667, 0.583333, 0.8333333.
    const positive = Array.from(FP4.midpoints).filter((m) => m > 0);
    expect(positive.map((m) => Number(m.toPrecision(6)))).toEqual([
      0.00260417, 0.0859375, 0.208333, 0.291667, 0.416667, 0.583333, 0.833333,
    ]);
  });
});
