import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FP4_CODEBOOK } from './fp4-codebook';
import { quantizeFP4 } from './quantize-fp4';

describe('quantizeFP4(x, { blockSize })', () => {
  it('stores bit-pattern codes: the doc example', () => {
    // absmax 12 → scaled [1, 0.5, −0.25, −0.001] → raw FP4 values 12 (code 3), 6 (code 5), −3 (code 15), −0 (code 8).
    const r = quantizeFP4(Float32Array.of(12, 6, -3, -0.012));
    expect(Array.from(r.codes)).toEqual([3, 5, 15, 8]);
    expect(Array.from(r.dequantized)).toEqual([12, 6, -3, -0]);
    expect(r.method).toBe('fp4');
  });

  it('maps a hand-checked block, using the sorted view of the unsorted table', () => {
    // absmax 1. FP4 levels ×12: 0, 0.0625, 2, 3, 4, 6, 8, 12. Midpoints ×12: 0.03125, 1.03125, 2.5, 3.5, 5, 7, 10.
    //  0.9  → 10.8 ×12 > 10 → 12 (code 3);  0.2 → 2.4 < 2.5 → 2 (code 6);  −0.3 → −3.6 → −4 (code 12);
    //  0.004 → 0.048 > 0.03125 → 0.0625 (code 1);  −0.002 → −0.024 → −0 (code 8);  0.45 → 5.4 → 6 (code 5)
    const r = quantizeFP4(Float32Array.of(1, 0.9, 0.2, -0.3, 0.004, -0.002, 0.45), { blockSize: 8 });
    expect(Array.from(r.codes)).toEqual([3, 3, 6, 12, 1, 8, 5]);
  });

  it('sends a value exactly on a midpoint to the lower level (negative side too)', () => {
    // Midpoint between 0.5 (code 5) and 0.6667 (code 2) is float32(7/12); between −0.6667 (10) and −0.5 (13) its negative.
    const m = Math.fround((Math.fround(6 / 12) + Math.fround(8 / 12)) / 2);
    const r = quantizeFP4(Float32Array.of(1, m, -m), { blockSize: 3 });
    expect(Array.from(r.codes)).toEqual([3, 5, 10]);
  });

  it('dequantized[i] is FP4_CODEBOOK[codes[i]] × absmax, and never NaN/Infinity (property)', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 200, noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = quantizeFP4(x, { blockSize: 10 });
        for (let i = 0; i < x.length; i++) {
          const expected = Math.fround(
            (FP4_CODEBOOK[r.codes[i] as number] as number) * (r.absmax[Math.floor(i / 10)] as number),
          );
          expect(r.dequantized[i]).toBe(expected);
          expect(Number.isFinite(r.dequantized[i])).toBe(true);
        }
      }),
    );
  });

  it('throws for a bad blockSize', () => {
    expect(() => quantizeFP4(Float32Array.of(1), { blockSize: -1 })).toThrow(
      'blockSize must be a positive integer (got -1)',
    );
  });
});
