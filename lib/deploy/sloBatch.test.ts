import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStep } from '../perf';
import { fitOnGpu } from '../sizing';
import { largestBatchWithinItl } from './sloBatch';

const FP8_TP2 = {
  model: 'llama-3.1-70b',
  weights: 'fp8-w8a8',
  gpu: 'h100-sxm',
  gpuCount: 2,
  contextTokens: 4096,
} as const;
const step = (batch: number) => decodeStep({ ...FP8_TP2, batch, kvBits: 16 });

describe('largestBatchWithinItl(setup, itlSeconds)', () => {
  it('fitBatch is lib/sizing fitOnGpu’s largest batch at vLLM’s default utilisation (55 for FP8 on 2 × H100 SXM at 4,096 tokens)', () => {
    const r = largestBatchWithinItl(FP8_TP2, 0.03);
    expect(r.fitBatch).toBe(fitOnGpu({ ...FP8_TP2, batch: 1, kvBits: 16 }).maxBatchAtContext);
    expect(r.fitBatch).toBe(55);
    expect(r.atFit.secondsPerToken).toBeCloseTo(step(55).secondsPerToken, 12);
  });

  it('stops at the last batch whose step meets the target: the next batch misses it (ceiling and estimate)', () => {
    const r = largestBatchWithinItl(FP8_TP2, 0.02);
    const b = r.withinItl!.batch;
    expect(b).toBeLessThan(r.fitBatch);
    expect(step(b).secondsPerToken).toBeLessThanOrEqual(0.02);
    expect(step(b + 1).secondsPerToken).toBeGreaterThan(0.02);
    const e = largestBatchWithinItl(FP8_TP2, 0.03).expected!;
    const eb = e.withinItl!.batch;
    expect(step(eb).expected!.secondsPerToken).toBeLessThanOrEqual(0.03);
    expect(step(eb + 1).expected!.secondsPerToken).toBeGreaterThan(0.03);
  });

  it('a target the ceiling meets at every batch that fits returns the fit batch; one below batch 1 returns null', () => {
    expect(largestBatchWithinItl(FP8_TP2, 1).withinItl!.batch).toBe(55);
    // batch 1's ceiling step is ≈ 10.7 ms (80 GB of FP8 weights over 2 × 3.35 TB/s): 5 ms is out of reach
    expect(largestBatchWithinItl(FP8_TP2, 0.005).withinItl).toBeNull();
  });

  it('a looser target never gives a smaller batch, and the estimate never allows more than the ceiling', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.008, max: 0.06, noNaN: true }),
        fc.double({ min: 0, max: 0.02, noNaN: true }),
        (itl, extra) => {
          const a = largestBatchWithinItl(FP8_TP2, itl);
          const b = largestBatchWithinItl(FP8_TP2, itl + extra);
          expect(b.withinItl?.batch ?? 0).toBeGreaterThanOrEqual(a.withinItl?.batch ?? 0);
          expect(a.expected!.withinItl?.batch ?? 0).toBeLessThanOrEqual(a.withinItl?.batch ?? 0);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses a non-positive target and a set-up where nothing fits', () => {
    expect(() => largestBatchWithinItl(FP8_TP2, 0)).toThrow(/itlSeconds must be a positive/);
    expect(() => largestBatchWithinItl(FP8_TP2, Number.NaN)).toThrow(/itlSeconds/);
    expect(() => largestBatchWithinItl({ ...FP8_TP2, weights: 'bf16', gpuCount: 1 }, 0.05)).toThrow(
      /not even one sequence fits/,
    );
  });
});
