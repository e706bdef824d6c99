import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStep } from '../perf';
import { fitOnGpu, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '../sizing';
import { planDeploymentRow, type DeploymentRowInput, type DeploymentRowPlan } from './planDeploymentRow';

const BASE: DeploymentRowInput = {
  model: 'llama-3.1-70b',
  weights: 'int8-w8a8',
  gpu: 'h100-sxm',
  gpuCount: 1,
  contextTokens: 4096,
  targetBatch: 16,
  kvBits: 16,
  dollarsPerGpuHour: null,
};

function ok(input: DeploymentRowInput): DeploymentRowPlan {
  const row = planDeploymentRow(input);
  if (!row.ok) throw new Error(`expected a plan, got ${row.message}`);
  return row;
}

describe('planDeploymentRow(input)', () => {
  it('INT8 W8A8 on one H100, 16 × 4k: does not fit, capacity 2, speed quoted at 2 (capped)', () => {
    // H100 SXM at vLLM's 0.92: 0.92 × 79.18 GiB (CUDA total) = 72.84 GiB; − 67.67 GiB INT8 weights − 1.97 GiB activation
    // peak − 0.25 GiB non-torch = 2.95 GiB → room for 2 sequences of 1.25 GiB (lib/sizing fitOnGpu, checked against it too)
    const row = ok(BASE);
    expect(row.fits).toBe(false);
    expect(row.maxBatchAtContext).toBe(fitOnGpu({ ...BASE, batch: 16 }).maxBatchAtContext);
    expect(row.maxBatchAtContext).toBe(2);
    expect(row.batchCapped).toBe(true);
    expect(row.decode?.batch).toBe(2);
    const step = decodeStep({ ...BASE, batch: 2 });
    expect(row.decode?.tokensPerSecondTotal).toBe(step.tokensPerSecondTotal);
    expect(row.decode?.tokensPerSecondPerSequence).toBe(step.tokensPerSecondPerSequence);
    expect(row.costStatus).toBe('no-price');
    expect(row.costPerMillionTokensUsd).toBeNull();
  });

  it('4-bit g128 on one H100 fits 16 × 4k and quotes speed at the full target', () => {
    const row = ok({ ...BASE, weights: 'int4-g128' });
    expect(row.fits).toBe(true);
    expect(row.batchCapped).toBe(false);
    expect(row.decode?.batch).toBe(16);
    expect(row.maxBatchAtContext).toBeGreaterThan(16);
  });

  it('a typed price gives $ per million tokens = $/h × GPUs / (tokens/s × 3600) × 1e6', () => {
    const row = ok({ ...BASE, weights: 'fp8-w8a8', gpuCount: 2, dollarsPerGpuHour: 3 });
    expect(row.costStatus).toBe('ok');
    const tps = row.decode!.tokensPerSecondTotal;
    expect(row.costPerMillionTokensUsd).toBeCloseTo(((3 * 2) / (tps * 3600)) * 1e6, 10);
  });

  it('a set-up where not one sequence fits has no speed and no cost, even with a price', () => {
    // BF16 70B (141.1 GB) on one H100 80GB
    const row = ok({ ...BASE, weights: 'bf16', dollarsPerGpuHour: 2 });
    expect(row.maxBatchAtContext).toBe(0);
    expect(row.decode).toBeNull();
    expect(row.costStatus).toBe('no-fit');
    expect(row.costPerMillionTokensUsd).toBeNull();
  });

  it("vLLM's 0.92 (the default) holds fewer sequences than 1.0 (A100 80GB INT8 4k: 3 vs 8, lib/sizing tests)", () => {
    const a100 = { ...BASE, gpu: 'a100-80gb-sxm', targetBatch: 8 };
    const all = ok({ ...a100, memoryUtilization: 1 });
    expect(all.maxBatchAtContext).toBe(8);
    expect(all.fits).toBe(true);
    const vllm = ok({ ...a100, memoryUtilization: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION });
    expect(vllm.maxBatchAtContext).toBe(3);
    expect(vllm.fits).toBe(false);
    expect(ok(a100).maxBatchAtContext).toBe(3); // the default is vLLM's
  });

  it('FP8 on A100 runs weight-only and says why', () => {
    const row = ok({ ...BASE, gpu: 'a100-80gb-sxm', weights: 'fp8-w8a8', gpuCount: 2 });
    expect(row.decode?.computeDtype).toBe('bf16');
    expect(row.decode?.computeDtypeNote).toMatch(/no fp8 tensor cores/);
  });

  it('turns bad input into a message on the right field instead of throwing', () => {
    expect(planDeploymentRow({ ...BASE, gpuCount: 3 })).toMatchObject({ ok: false, field: 'gpuCount' });
    expect(planDeploymentRow({ ...BASE, contextTokens: 0 })).toMatchObject({ ok: false, field: 'contextTokens' });
    expect(planDeploymentRow({ ...BASE, targetBatch: 0 })).toMatchObject({ ok: false, field: 'targetBatch' });
    expect(planDeploymentRow({ ...BASE, weights: 'int3' })).toMatchObject({ ok: false, field: 'weights' });
    expect(planDeploymentRow({ ...BASE, gpu: 'tpu' })).toMatchObject({ ok: false, field: 'gpu' });
    expect(planDeploymentRow({ ...BASE, dollarsPerGpuHour: -1 })).toMatchObject({
      ok: false,
      field: 'dollarsPerGpuHour',
    });
    expect(planDeploymentRow({ ...BASE, dollarsPerGpuHour: Number.NaN })).toMatchObject({
      ok: false,
      field: 'dollarsPerGpuHour',
    });
  });

  it('never quotes speed above capacity, and every number it returns is finite (fast-check)', () => {
    const formats = ['bf16', 'fp8-w8a8', 'int8-w8a8', 'int4-g128', 'nf4', 'gguf-q4_k'];
    const gpus = ['h100-sxm', 'a100-80gb-sxm', 'l40s', 'rtx-4090', 'h200-sxm'];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.constantFrom(...gpus),
        fc.constantFrom(1, 2, 4, 8),
        fc.integer({ min: 1, max: 131_072 }),
        fc.integer({ min: 1, max: 512 }),
        fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: null }),
        (weights, gpu, gpuCount, contextTokens, targetBatch, price) => {
          const row = ok({ ...BASE, weights, gpu, gpuCount, contextTokens, targetBatch, dollarsPerGpuHour: price });
          if (row.decode) {
            expect(row.decode.batch).toBeLessThanOrEqual(row.maxBatchAtContext);
            expect(row.decode.batch).toBeLessThanOrEqual(targetBatch);
            expect(Number.isFinite(row.decode.tokensPerSecondTotal)).toBe(true);
            expect(row.decode.tokensPerSecondTotal).toBeGreaterThan(0);
          } else {
            expect(row.maxBatchAtContext).toBe(0);
          }
          expect(row.fits).toBe(row.maxBatchAtContext >= targetBatch);
          if (row.costPerMillionTokensUsd !== null) expect(Number.isFinite(row.costPerMillionTokensUsd)).toBe(true);
          expect(row.costStatus === 'ok').toBe(price !== null && row.decode !== null);
        },
      ),
      { numRuns: 60 },
    );
  });
});
