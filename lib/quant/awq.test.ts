import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awqQuantize, awqSearchScales } from './awq';
import { makeLabData } from './lab-data';
import { matrix } from './matrix';

describe('awqQuantize (llm-awq pseudo_quantize_tensor)', () => {
  it("uses the group's own min and max, not a range stretched to 0: hand-checked", () => {
    // [1, 2, 3, 4] at 2 bits: s = (4 − 1)/3 = 1, z = −round(1/1) = −1 → clamped to 0.
    // q = clamp(round(w / 1) + 0, 0, 3) = [1, 2, 3, 3]: AWQ's grid then reaches only 3, and 4 is clipped
    // (the reference's behaviour for an all-positive group: its zero point cannot go below 0).
    const r = awqQuantize(matrix(1, 4, [1, 2, 3, 4]), { bits: 2 });
    expect([r.scales[0], r.zeros[0]]).toEqual([1, 0]);
    expect(Array.from(r.codes)).toEqual([1, 2, 3, 3]);
    // [−1, 0, 2] at 2 bits: s = 1, z = −round(−1) = 1, q = [0, 1, 3] → ŵ = [−1, 0, 2].
    expect(Array.from(awqQuantize(matrix(1, 3, [-1, 0, 2]), { bits: 2 }).dequantized)).toEqual([-1, 0, 2]);
  });

  it('refuses a group size that does not divide the columns, as the reference asserts', () => {
    expect(() => awqQuantize(matrix(1, 6), { bits: 4, groupSize: 4 })).toThrow(
      "groupSize must divide the 6 input columns (got 4); AWQ's quantizer requires it",
    );
  });
});

describe('awqSearchScales(W, X, options)', () => {
  const d = makeLabData({ rows: 16, cols: 64, calibrationTokens: 128, heldOutTokens: 1, seed: 4, outlierChannels: 2 });

  it('searches α = 0, 0.05, …, 0.95; α = 0 is plain RTN (s = 1) and the best is never worse', () => {
    const r = awqSearchScales(d.weights, d.matched, { bits: 3, groupSize: 16 });
    expect(r.grid.map((p) => p.ratio)).toEqual(Array.from({ length: 20 }, (_, k) => k / 20));
    expect(r.bestLoss).toBe(Math.min(...r.grid.map((p) => p.loss)));
    expect(r.bestLoss).toBeLessThanOrEqual(r.grid[0]!.loss);
    // At α = 0 the loss is RTN's with AWQ's quantizer: mean((X·(W − Q(W))ᵀ)²).
    const q = awqQuantize(d.weights, { bits: 3, groupSize: 16 }).dequantized;
    let sum = 0;
    for (let t = 0; t < d.matched.rows; t++) {
      for (let r2 = 0; r2 < 16; r2++) {
        let e = 0;
        for (let j = 0; j < 64; j++)
          e += d.matched.data[t * 64 + j]! * (Math.fround(d.weights.data[r2 * 64 + j]!) - q[r2 * 64 + j]!);
        sum += e * e;
      }
    }
    expect(r.grid[0]!.loss).toBeCloseTo(sum / (128 * 16), 12);
  });

  it('scales the outlier channels up most (they have the largest mean |x|), normalized so √(max·min) = 1', () => {
    const r = awqSearchScales(d.weights, d.matched, { bits: 3, groupSize: 16 });
    expect(r.bestRatio).toBeGreaterThan(0);
    const order = Array.from(r.scales.keys()).sort((a, b) => r.scales[b]! - r.scales[a]!);
    expect(order.slice(0, 2).sort((a, b) => a - b)).toEqual([...d.production.outlierChannels]);
    const max = Math.max(...r.scales);
    const min = Math.min(...r.scales);
    expect(Math.sqrt(max * min)).toBeCloseTo(1, 5);
  });

  it('never does worse than α = 0 on the calibration loss, for any bits and seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 2, max: 8 }), (seed, bits) => {
        const e = makeLabData({ rows: 4, cols: 16, calibrationTokens: 32, heldOutTokens: 1, seed });
        const r = awqSearchScales(e.weights, e.matched, { bits, groupSize: 8, nGrid: 5 });
        expect(r.bestLoss).toBeLessThanOrEqual(r.grid[0]!.loss);
        for (const c of r.quantized.codes) expect(c).toBeLessThanOrEqual(2 ** bits - 1);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects X with the wrong number of channels', () => {
    expect(() => awqSearchScales(d.weights, matrix(2, 3), { bits: 4 })).toThrow(
      "X must have W's 64 input columns (got 3)",
    );
  });
});
