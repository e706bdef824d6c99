import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLabData } from './lab-data';
import { matmulTransB, matrix } from './matrix';
import { quantizeWeightsInt8PerRow, smoothQuant, w8a8Output } from './smoothquant';

describe('smoothQuant(W, X, { alpha })', () => {
  it('balances a hand-checked layer at α = 0.5: s_j = √(max|X_j| / max|W_j|)', () => {
    // max|X| per channel = [4, 1], max|W| per channel = [1, 4]: s = [√4/√1, √1/√4] = [2, 0.5];
    // after smoothing both ranges are √(4·1) = 2 in each channel.
    const x = matrix(2, 2, [4, -1, -2, 0.5]);
    const w = matrix(2, 2, [1, 4, -0.5, 2]);
    const r = smoothQuant(w, x, { alpha: 0.5 });
    expect(Array.from(r.smoothing)).toEqual([2, 0.5]);
    expect(Array.from(r.activationMaxAfter)).toEqual([2, 2]);
    expect(Array.from(r.weightMaxAfter)).toEqual([2, 2]);
  });

  it('equalizes activation and weight ranges per channel at α = 0.5 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (seed) => {
        const d = makeLabData({ rows: 4, cols: 12, calibrationTokens: 16, heldOutTokens: 1, seed });
        const r = smoothQuant(d.weights, d.matched);
        for (let j = 0; j < 12; j++) {
          const target = Math.sqrt(r.activationMaxBefore[j]! * r.weightMaxBefore[j]!);
          expect(r.activationMaxAfter[j]! / target).toBeCloseTo(1, 5);
          expect(r.weightMaxAfter[j]! / target).toBeCloseTo(1, 5);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('leaves the full-precision product unchanged: (X / s)·(W·s)ᵀ = X·Wᵀ before quantization', () => {
    const d = makeLabData({ rows: 8, cols: 32, calibrationTokens: 64, heldOutTokens: 16, seed: 2 });
    const r = smoothQuant(d.weights, d.matched, { alpha: 0.8 });
    const xs = matrix(
      16,
      32,
      Array.from(d.heldOut.data, (v, i) => v / r.smoothing[i % 32]!),
    );
    const ws = matrix(
      8,
      32,
      Array.from(d.weights.data, (v, i) => v * r.smoothing[i % 32]!),
    );
    const y = matmulTransB(d.heldOut, d.weights).data;
    const y2 = matmulTransB(xs, ws).data;
    y.forEach((v, i) => expect(y2[i]).toBeCloseTo(v, 4));
  });

  it('cuts the W8A8 output error on activations with outlier channels (per-token and per-tensor)', () => {
    const d = makeLabData({ rows: 32, cols: 128, calibrationTokens: 256, heldOutTokens: 256, seed: 7 });
    const y = matmulTransB(d.heldOut, d.weights).data;
    const rel = (yHat: Float64Array) =>
      Math.sqrt(yHat.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / y.reduce((s, v) => s + v * v, 0));
    for (const mode of ['per-token', 'per-tensor'] as const) {
      const plain = rel(w8a8Output(quantizeWeightsInt8PerRow(d.weights, null).dequantized, null, d.heldOut, mode).data);
      const r = smoothQuant(d.weights, d.matched);
      const smooth = rel(w8a8Output(r.smoothedWeights, r.smoothing, d.heldOut, mode).data);
      expect(smooth).toBeLessThan(plain / 2);
    }
  });

  it('rejects α outside [0, 1]', () => {
    expect(() => smoothQuant(matrix(1, 1, [1]), matrix(1, 1, [1]), { alpha: 1.5 })).toThrow(
      'alpha must be a number at least 0 and at most 1 (got 1.5)',
    );
  });
});
