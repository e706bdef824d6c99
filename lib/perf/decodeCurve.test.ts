import { describe, expect, it } from 'vitest';
import { decodeCurve } from './decodeCurve';
import { decodeStep } from './decodeStep';

const base = { model: 'llama-3.1-70b', gpu: 'h100-sxm', contextTokens: 1024, kvBits: 16 };

describe('decodeCurve(input)', () => {
  it('one series per format, one point per batch, each equal to decodeStep', () => {
    const batches = [1, 8, 64, 512];
    const series = decodeCurve({ ...base, weights: ['bf16', 'int4-g128', 'int8-w8a8'], batches });
    expect(series.map((s) => s.weights)).toEqual(['bf16', 'int4-g128', 'int8-w8a8']);
    for (const s of series) {
      expect(s.points.map((p) => p.batch)).toEqual(batches);
      for (const p of s.points) {
        const step = decodeStep({ ...base, weights: s.weights, batch: p.batch });
        expect(p.tokensPerSecondTotal).toBe(step.tokensPerSecondTotal);
        expect(p.bound).toBe(step.bound);
      }
      expect(s.crossoverBatch).toBe(decodeStep({ ...base, weights: s.weights, batch: 1 }).crossoverBatch);
    }
  });

  it('shows the trade: W4A16 wins at batch 1, W8A8 INT8 wins once both are compute-bound', () => {
    const [bf16, w4, int8] = decodeCurve({
      ...base,
      contextTokens: 1,
      weights: ['bf16', 'int4-g128', 'int8-w8a8'],
      batches: [1, 4096],
    });
    const at = (s: typeof bf16, i: number) => s!.points[i]!.tokensPerSecondTotal;
    expect(at(w4, 0)).toBeGreaterThan(at(int8, 0));
    expect(at(int8, 0)).toBeGreaterThan(at(bf16, 0));
    expect(at(int8, 1)).toBeGreaterThan(at(w4, 1));
    expect(at(w4, 1)).toBeCloseTo(at(bf16, 1), 6); // both compute-bound at the same 16-bit peak
  });

  it('accepts a single format id', () => {
    expect(decodeCurve({ ...base, weights: 'bf16', batches: [1] })).toHaveLength(1);
  });

  it('rejects empty lists and bad batches, naming them', () => {
    expect(() => decodeCurve({ ...base, weights: [], batches: [1] })).toThrow(/^weights must name at least one/);
    expect(() => decodeCurve({ ...base, weights: 'bf16', batches: [] })).toThrow(/^batches must list at least one/);
    expect(() => decodeCurve({ ...base, weights: 'bf16', batches: [1, 0] })).toThrow(
      /^batches\[1\] must be a whole number/,
    );
  });
});
