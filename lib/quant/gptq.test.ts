import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gptqHessian, gptqQuantize, type GptqStep } from './gptq';
import { makeLabData } from './lab-data';
import { matrix } from './matrix';
import { outputError, outputNorms } from './method-lab';
import { quantizeRtn } from './rtn';

const identity = (n: number) =>
  matrix(
    n,
    n,
    Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)),
  );

describe('gptqHessian(X)', () => {
  it('is (2 / tokens) · XᵀX: hand-checked for X = [[1, 2], [3, 4]]', () => {
    // XᵀX = [[1+9, 2+12], [2+12, 4+16]] = [[10, 14], [14, 20]]; × 2/2.
    expect(Array.from(gptqHessian(matrix(2, 2, [1, 2, 3, 4])).data)).toEqual([10, 14, 14, 20]);
  });
});

describe('gptqQuantize(W, H, options)', () => {
  it("pushes a column's error into a correlated column (OBS update), hand-checked", () => {
    // W = [0.55, 0.62, 1.2], 2 bits: lo = 0, hi = 1.2, s = 0.4, z = 0. H = [[1, −0.5, 0], [−0.5, 1, 0], [0, 0, 1]], no damping.
    // Column 0: 0.55/0.4 = 1.375 → q = 1 (0.4), error 0.15. The optimal update of column 1 is
    // Δw1 = −H11⁻¹·H10·Δw0 = −(−0.5)·(0.4 − 0.55) = −0.075, so w1 = 0.545 → 0.545/0.4 = 1.36 → q = 1.
    // RTN rounds 0.62/0.4 = 1.55 → 2. Column 2 is uncorrelated: 1.2/0.4 = 3 in both.
    const w = matrix(1, 3, [0.55, 0.62, 1.2]);
    const h = matrix(3, 3, [1, -0.5, 0, -0.5, 1, 0, 0, 0, 1]);
    expect(Array.from(gptqQuantize(w, h, { bits: 2, percDamp: 0 }).codes)).toEqual([1, 1, 3]);
    expect(Array.from(quantizeRtn(w, { bits: 2 }).codes)).toEqual([1, 2, 3]);
  });

  it('equals RTN when H is diagonal (no correlation, nothing to feed back)', () => {
    const { weights } = makeLabData({ rows: 8, cols: 40, calibrationTokens: 1, heldOutTokens: 1, seed: 5 });
    for (const groupSize of [undefined, 8]) {
      const g = gptqQuantize(weights, identity(40), { bits: 3, groupSize });
      expect(Array.from(g.codes)).toEqual(Array.from(quantizeRtn(weights, { bits: 3, groupSize }).codes));
    }
  });

  it('zeroes dead columns (H_jj = 0) and orders act-order columns by H_jj descending', () => {
    const h = matrix(3, 3, [2, 0, 0, 0, 0, 0, 0, 0, 5]);
    const r = gptqQuantize(matrix(2, 3, [0.3, 0.9, -0.2, 0.1, -0.7, 0.4]), h, { bits: 4, actOrder: true });
    expect(r.deadColumns).toEqual([1]);
    expect(r.dequantized.data[1]).toBe(0);
    expect(r.dequantized.data[4]).toBe(0);
    // diag after the dead-column fix: [2, 1, 5] → order 2, 0, 1.
    expect(Array.from(r.order)).toEqual([2, 0, 1]);
  });

  it('traces every column once, in processing order, and calls onStep for each', () => {
    const d = makeLabData({ rows: 8, cols: 24, calibrationTokens: 64, heldOutTokens: 1, seed: 9 });
    const seen: GptqStep[] = [];
    const r = gptqQuantize(d.weights, gptqHessian(d.matched), {
      bits: 3,
      groupSize: 8,
      actOrder: true,
      blockSize: 10,
      trace: true,
      onStep: (s) => seen.push(s),
    });
    expect(r.trace).toHaveLength(24);
    expect(seen).toEqual(r.trace);
    expect(r.trace!.map((s) => s.column)).toEqual(Array.from(r.order));
    expect(r.trace!.map((s) => s.step)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(r.trace![23]!.updateNorm).toBe(0); // the last column has nothing left to update
    expect(r.trace!.reduce((s, t) => s + t.loss, 0)).toBeCloseTo(r.loss, 10);
  });

  it('gives the same result for any lazy-batch block size (the blocks only reorder the same updates)', () => {
    const d = makeLabData({ rows: 8, cols: 48, calibrationTokens: 96, heldOutTokens: 1, seed: 11 });
    const H = gptqHessian(d.matched);
    // Without groups the grid is fixed, so every block size must give the same codes.
    const base = gptqQuantize(d.weights, H, { bits: 3, blockSize: 128 });
    for (const blockSize of [1, 7, 16])
      expect(Array.from(gptqQuantize(d.weights, H, { bits: 3, blockSize }).codes)).toEqual(Array.from(base.codes));
  });

  it('keeps codes in [0, 2^b − 1] and ŵ = s·(q − z) of its group (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom(undefined, 4, 7),
        fc.boolean(),
        (seed, bits, groupSize, actOrder) => {
          const d = makeLabData({ rows: 4, cols: 20, calibrationTokens: 32, heldOutTokens: 1, seed });
          const r = gptqQuantize(d.weights, gptqHessian(d.matched), { bits, groupSize, actOrder });
          for (let i = 0; i < r.codes.length; i++) {
            expect(r.codes[i]).toBeLessThanOrEqual(2 ** bits - 1);
            const g = Math.floor(i / 20) * r.groups + r.groupIndex[i % 20]!;
            expect(r.dequantized.data[i]).toBe(Math.fround(r.scales[g]! * (r.codes[i]! - r.zeros[g]!)));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('beats RTN on the calibration output error in almost every case, and by far on average', () => {
    // GPTQ is greedy (one column at a time), not optimal: on small layers it occasionally loses to RTN
    // (2 of 640 cases for 16 × 64 layers in a sweep over seeds, bits and options). Checked in aggregate.
    let wins = 0;
    let ratioSum = 0;
    let n = 0;
    for (let seed = 0; seed < 8; seed++) {
      for (const bits of [2, 3, 4]) {
        const d = makeLabData({ rows: 16, cols: 64, calibrationTokens: 128, heldOutTokens: 1, seed });
        const norms = outputNorms(d.weights, d.matched);
        const g = outputError(
          d.weights,
          gptqQuantize(d.weights, gptqHessian(d.matched), { bits, groupSize: 16 }).dequantized,
          norms,
        ).relative;
        const r = outputError(d.weights, quantizeRtn(d.weights, { bits, groupSize: 16 }).dequantized, norms).relative;
        if (g < r) wins++;
        ratioSum += g / r;
        n++;
      }
    }
    expect(wins).toBeGreaterThanOrEqual(n - 1);
    expect(ratioSum / n).toBeLessThan(0.8);
  });

  it('rejects a Hessian of the wrong size and a singular one without dampening', () => {
    expect(() => gptqQuantize(matrix(2, 3), identity(2), { bits: 4 })).toThrow(
      'H must be in × in = 3 × 3 for W of 2 × 3 (got 2 × 2)',
    );
    expect(() => gptqQuantize(matrix(1, 2, [1, 2]), matrix(2, 2, [1, 1, 1, 1]), { bits: 4, percDamp: 0 })).toThrow(
      /not positive definite.*raise percDamp/,
    );
    expect(() => gptqQuantize(matrix(1, 2), identity(2), { bits: 4, percDamp: 2 })).toThrow(
      'percDamp must be a number at least 0 and at most 1 (got 2)',
    );
  });
});
