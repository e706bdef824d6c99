import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrix } from './matrix';
import { affineGrid } from './quantize-affine';
import { quantizeRtn } from './rtn';
import { makeLabData } from './lab-data';

describe('quantizeRtn(W, { bits, groupSize, symmetric })', () => {
  it('rounds a hand-checked row: [−1, 0, 0.5, 2] at 2 bits', () => {
    // lo = −1, hi = 2, s = 3/3 = 1, z = round(1/1) = 1; w/s = [−1, 0, 0.5, 2] → round half-even [−1, 0, 0, 2] + 1.
    const r = quantizeRtn(matrix(1, 4, [-1, 0, 0.5, 2]), { bits: 2 });
    expect(Array.from(r.codes)).toEqual([0, 1, 1, 3]);
    expect([r.scales[0], r.zeros[0]]).toEqual([1, 1]);
    expect(Array.from(r.dequantized.data)).toEqual([-1, 0, 0, 2]);
  });

  it('fits one grid per row and group: 2 rows × 4 columns in groups of 2', () => {
    // Row 0, group 0: [0, 3] → s = 1, z = 0; group 1: [−3, 0] → s = 1, z = 3. Row 1, group 0: [0, 6] → s = 2, z = 0.
    const r = quantizeRtn(matrix(2, 4, [0, 3, -3, 0, 0, 6, 1, 1]), { bits: 2, groupSize: 2 });
    expect(r.groups).toBe(2);
    expect(Array.from(r.scales).slice(0, 3)).toEqual([1, 1, 2]);
    expect(Array.from(r.zeros).slice(0, 3)).toEqual([0, 3, 0]);
    expect(Array.from(r.groupIndex)).toEqual([0, 0, 1, 1]);
  });

  it('symmetric grid keeps GPTQ quant.py sym=True: z = 2^(b−1), s = 2·max|w| / (2^b − 1)', () => {
    // [−1.5, 0.75] at 2 bits: hi = max(1.5, 0.75) = 1.5, lo = −1.5, s = 3/3 = 1, z = (3 + 1)/2 = 2.
    expect(affineGrid(-1.5, 0.75, 3, true)).toEqual({ scale: 1, zero: 2 });
    const r = quantizeRtn(matrix(1, 2, [-1.5, 0.75]), { bits: 2, symmetric: true });
    // −1.5 → round(−1.5) = −2 → 0; 0.75 → round(0.75) = 1 → 3.
    expect(Array.from(r.codes)).toEqual([0, 3]);
  });

  it('keeps codes in [0, 2^b − 1] and every weight within s/2 (+ float32 rounding) of its grid value (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 80, maxLength: 80 }),
        (rows, cols, bits, groupSize, values) => {
          const w = matrix(rows, cols, values.slice(0, rows * cols));
          const r = quantizeRtn(w, { bits, groupSize });
          for (let i = 0; i < rows * cols; i++) {
            expect(r.codes[i]).toBeLessThanOrEqual(2 ** bits - 1);
            const g = Math.floor(i / cols) * r.groups + r.groupIndex[i % cols]!;
            const s = r.scales[g]!;
            expect(Math.abs(Math.fround(w.data[i]!) - r.dequantized.data[i]!)).toBeLessThanOrEqual(
              s / 2 + 1e-6 * s + 1e-6,
            );
          }
        },
      ),
    );
  });

  it('shrinks the weight error with every extra bit on the lab layer', () => {
    const { weights } = makeLabData({ rows: 32, cols: 128, calibrationTokens: 1, heldOutTokens: 1, seed: 3 });
    const mse = (bits: number) => {
      const d = quantizeRtn(weights, { bits, groupSize: 32 }).dequantized.data;
      return d.reduce((s, v, i) => s + (v - weights.data[i]!) ** 2, 0);
    };
    const errors = [2, 3, 4, 5, 6, 7, 8].map(mse);
    for (let k = 1; k < errors.length; k++) expect(errors[k]).toBeLessThan(errors[k - 1]! / 2);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => quantizeRtn(matrix(1, 2), { bits: 1 })).toThrow('bits must be an integer from 2 to 8 (got 1)');
    expect(() => quantizeRtn(matrix(1, 2), { bits: 4, groupSize: 0 })).toThrow(
      'groupSize must be a positive integer (got 0)',
    );
  });
});
