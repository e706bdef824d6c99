import { describe, expect, it } from 'vitest';
import { compareDeploymentRows } from './compareRows';
import { planDeployment } from './planDeployment';
import type { DeploymentRowError } from './planDeploymentRow';

const LOAD = { model: 'llama-3.1-70b', contextTokens: 4096, targetBatch: 16, kvBits: 16 } as const;

describe('planDeployment / compareDeploymentRows', () => {
  it('compares the three default set-ups of the lesson (70B, 16 × 4k)', () => {
    const plan = planDeployment({
      ...LOAD,
      candidates: [
        { weights: 'int8-w8a8', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: null },
        { weights: 'int4-g128', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: null },
        { weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2, dollarsPerGpuHour: null },
      ],
    });
    expect(plan.rows).toHaveLength(3);
    // INT8 on one card holds 7 (< 16); 4-bit on one card and FP8 on two hold 16
    expect(plan.comparison.fittingIndices).toEqual([1, 2]);
    // two H100s hold the most sequences (2 × 80 GiB − 67.7 GiB of weights)
    expect(plan.comparison.mostConcurrentIndex).toBe(2);
    // no price typed: nothing to call cheapest
    expect(plan.comparison.cheapestIndex).toBeNull();
    expect(plan.comparison.pricedCount).toBe(0);
  });

  it('with equal $/GPU-hour the cheaper row is the one with more tokens per GPU-second', () => {
    const plan = planDeployment({
      ...LOAD,
      candidates: [
        { weights: 'int4-g128', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: 2 },
        { weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2, dollarsPerGpuHour: 2 },
      ],
    });
    const [a, b] = plan.rows;
    if (!a?.ok || !b?.ok) throw new Error('expected plans');
    const perGpu = (r: typeof a) => r.decode!.tokensPerSecondTotal / r.gpuCount;
    expect(plan.comparison.cheapestIndex).toBe(perGpu(a) > perGpu(b) ? 0 : 1);
    expect(plan.comparison.pricedCount).toBe(2);
  });

  it('rows with errors or without a fit never win; ties go to the earlier row', () => {
    const err: DeploymentRowError = { ok: false, field: 'gpuCount', message: 'gpuCount must divide …' };
    const plan = planDeployment({
      ...LOAD,
      candidates: [
        { weights: 'bf16', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: 1 },
        { weights: 'int4-g128', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: 1 },
        { weights: 'int4-g128', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: 1 },
      ],
    });
    const cmp = compareDeploymentRows([err, ...plan.rows]);
    expect(cmp.cheapestIndex).toBe(2);
    expect(cmp.mostConcurrentIndex).toBe(2);
    expect(cmp.fastestPerSequenceIndex).toBe(2);
    expect(cmp.fittingIndices).toEqual([2, 3]);
    expect(compareDeploymentRows([])).toEqual({
      cheapestIndex: null,
      pricedCount: 0,
      mostConcurrentIndex: null,
      fastestPerSequenceIndex: null,
      highestThroughputIndex: null,
      fittingIndices: [],
    });
  });
});
