import { describe, expect, it } from 'vitest';
import { decodeStep } from '../perf';
import { batchCostRatio } from './batchCostRatio';

const ROW = {
  model: 'llama-3.1-70b',
  weights: 'fp8-w8a8',
  gpu: 'h100-sxm',
  gpuCount: 2,
  contextTokens: 1024,
  kvBits: 16,
} as const;

describe('batchCostRatio(row, small, large)', () => {
  it('is the ratio of total decode throughputs (lib/perf decodeStep at each batch)', () => {
    const r = batchCostRatio(ROW, 1, 64);
    const one = decodeStep({ ...ROW, batch: 1 }).tokensPerSecondTotal;
    const many = decodeStep({ ...ROW, batch: 64 }).tokensPerSecondTotal;
    expect(r.ratio).toBeCloseTo(many / one, 12);
    // memory-bound: 64 sequences share each read of the 72.7 GB of weights, so tokens per
    // step grow 64× while the step only grows by the KV reads: 64 × 72.7 / (72.7 + 64 × 0.34) ≈ 49
    expect(r.ratio).toBeGreaterThan(30);
    expect(r.ratio).toBeLessThan(64);
  });

  it('caps the large batch at what fits (1 × H100, 8-bit, 4k: 2 sequences at vLLM’s 0.92, lib/sizing)', () => {
    const r = batchCostRatio({ ...ROW, weights: 'int8-w8a8', gpuCount: 1, contextTokens: 4096 }, 1, 64);
    expect(r.large.decode!.batch).toBe(2);
    expect(r.large.batchCapped).toBe(true);
  });

  it('refuses when nothing fits or a batch is invalid', () => {
    expect(() => batchCostRatio({ ...ROW, weights: 'bf16', gpuCount: 1 }, 1, 64)).toThrow(/no tokens to price/);
    expect(() => batchCostRatio(ROW, 0, 64)).toThrow(/smallBatch/);
  });
});
