import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GPUS } from '../hardware';
import { MODELS } from '../models';
import { BYTES_PER_GIB } from '../units';
import { fitOnGpu, minGpusToFit, type FitInput } from './fitOnGpu';
import { MAX_BATCH, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from './defaults';

const A100_70B_INT8: FitInput = {
  model: 'llama-3.1-70b',
  weights: 'int8-w8a8',
  kvBits: 16,
  contextTokens: 4096,
  batch: 8,
  gpu: 'a100-80gb-sxm',
};

describe('fitOnGpu(input)', () => {
  describe('facts.md §8: "A100 80GB fits 70B INT8 comfortably with batch 8–16"', () => {
    // A100 80GB: nvidia-smi total 81,920 MiB = 80 GiB (lib/hardware, gh-modal-client-2797).
    // Llama-3.1-70B INT8 linear + BF16 embed/lm_head: 67.67 GiB (facts.md §7).
    // Overhead 1000 MiB = 0.98 GiB (DEFAULT_OVERHEAD_BYTES_PER_GPU); workspace
    // 2,048 × 3 × 28,672 × 2 B + b × 128,256 × 4 B ≈ 0.33 GiB (A100 → 2,048-token budget).
    // Left for KV: 80 − 67.67 − 0.98 − 0.33 = 11.02 GiB; one 4,096-token sequence is
    // 327,680 B × 4,096 = 1.25 GiB, so 8 sequences (10 GiB) fit and 9 do not.
    it('batch 8 × 4k just fits (about 1 GiB to spare), batch 16 × 4k does not', () => {
      const eight = fitOnGpu(A100_70B_INT8);
      expect(eight.availableBytes).toBe(80 * BYTES_PER_GIB);
      expect(eight.fits).toBe(true);
      expect(eight.headroomBytes / BYTES_PER_GIB).toBeGreaterThan(0.9);
      expect(eight.headroomBytes / BYTES_PER_GIB).toBeLessThan(1.1);
      expect(eight.maxBatchAtContext).toBe(8);
      // 11.02 GiB / 320 KiB = 36,126 tokens of KV in all (facts.md §8 says ~34k after ~2 GiB overhead)
      expect(eight.maxTotalKvTokens).toBe(36_126);

      const sixteen = fitOnGpu({ ...A100_70B_INT8, batch: 16 });
      expect(sixteen.fits).toBe(false);
      expect(sixteen.headroomBytes / BYTES_PER_GIB).toBeLessThan(-8); // short by 16 × 1.25 − 11.02 ≈ 9 GiB
    });

    it('with vLLM out of the box (gpu_memory_utilization 0.92) not even batch 8 fits: at most 3 × 4k', () => {
      // 0.92 × 80 GiB = 73.6 GiB; 73.6 − 67.67 − 0.98 − 0.33 = 4.62 GiB → 3 sequences of 1.25 GiB
      const vllm = fitOnGpu({ ...A100_70B_INT8, memoryUtilization: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION });
      expect(vllm.fits).toBe(false);
      expect(vllm.maxBatchAtContext).toBe(3);
      expect(fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 0.9 }).maxBatchAtContext).toBe(2);
    });

    it('Llama-2-70B (32k vocabulary, smaller embeddings) has more room: ~43k tokens (facts.md §8)', () => {
      const llama2 = fitOnGpu({ ...A100_70B_INT8, model: 'llama-2-70b' });
      // weights: (68,976,648,192 − 2 × 262,144,000 − 1,318,912) × 1 B + (524,288,000 + 1,318,912) × 2 B ≈ 64.4 GiB
      expect(llama2.maxTotalKvTokens).toBeGreaterThan(42_000);
      expect(llama2.maxTotalKvTokens).toBeLessThan(47_000);
    });
  });

  it('weights are split across GPUs: BF16 70B (131.4 GiB) needs two H100s, and each holds half', () => {
    const input: FitInput = { model: 'llama-3.1-70b', weights: 'bf16', kvBits: 16, contextTokens: 4096, batch: 1, gpu: 'h100-sxm' };
    expect(fitOnGpu(input).fits).toBe(false);
    const two = fitOnGpu({ ...input, gpuCount: 2 });
    expect(two.fits).toBe(true);
    expect(two.perGpuBytes * 2).toBe(two.requiredBytes);
    expect(two.perGpuAvailableBytes).toBe(81_559 * 2 ** 20); // H100 SXM nvidia-smi total
    expect(two.availableBytes).toBe(2 * 81_559 * 2 ** 20);
  });

  it('uses vLLM\'s per-GPU token budget by default: 8,192 on H100, 2,048 on A100', () => {
    const h100 = fitOnGpu({ ...A100_70B_INT8, gpu: 'h100-sxm' });
    expect(h100.estimate.activation?.chunkTokens).toBe(8192);
    expect(fitOnGpu(A100_70B_INT8).estimate.activation?.chunkTokens).toBe(2048);
    expect(fitOnGpu({ ...A100_70B_INT8, gpu: 'h100-sxm', maxBatchedTokens: 512 }).estimate.activation?.chunkTokens).toBe(512);
  });

  it('returns 0 when not even one sequence fits, and the model maximum when memory allows more', () => {
    const tooBig = fitOnGpu({ ...A100_70B_INT8, weights: 'bf16' });
    expect(tooBig.fits).toBe(false);
    expect(tooBig.maxBatchAtContext).toBe(0);
    expect(tooBig.maxContextAtBatch).toBe(0);
    expect(tooBig.maxTotalKvTokens).toBe(0);
    const roomy = fitOnGpu({ model: 'llama-3.1-8b', weights: 'int4-g128', kvBits: 8, contextTokens: 1024, batch: 1, gpu: 'h200-sxm' });
    expect(roomy.maxContextAtBatch).toBe(131_072); // Llama-3.1 max_position_embeddings
    expect(roomy.contextLimitedBy).toBe('model');
  });

  it('the maxima are exact: max fits and max + 1 does not (random model, format, GPU, load)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS.map((m) => m.id)),
        fc.constantFrom('bf16', 'int8-w8a8', 'int4-g128', 'nf4-dq', 'gguf-q4_k'),
        fc.constantFrom(...GPUS.map((g) => g.id)),
        fc.constantFrom(1, 2, 4, 8),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 32_768 }),
        fc.constantFrom(4, 8, 16),
        (model, weights, gpu, gpuCount, batch, contextTokens, kvBits) => {
          const base = { model, weights, gpu, gpuCount, batch, contextTokens, kvBits };
          const fit = fitOnGpu(base); // every catalog model has a multiple of 8 attention heads
          const b = fit.maxBatchAtContext;
          if (b > 0) expect(fitOnGpu({ ...base, batch: b }).fits).toBe(true);
          if (b < MAX_BATCH) expect(fitOnGpu({ ...base, batch: b + 1 }).fits).toBe(false);
          const c = fit.maxContextAtBatch;
          if (c > 0) expect(fitOnGpu({ ...base, contextTokens: c }).fits).toBe(true);
          if (fit.contextLimitedBy === 'memory') expect(fitOnGpu({ ...base, contextTokens: c + 1 }).fits).toBe(false);
          expect(fit.fits).toBe(fit.headroomBytes >= 0);
          expect(fit.fits).toBe(batch <= b);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fits exactly when batch × context ≤ maxTotalKvTokens (models without sliding windows)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('llama-3.1-70b', 'llama-3.1-8b', 'mixtral-8x7b', 'deepseek-v2-lite', 'qwen2.5-72b-instruct'),
        fc.constantFrom(...GPUS.map((g) => g.id)),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 32_768 }),
        (model, gpu, batch, contextTokens) => {
          const fit = fitOnGpu({ model, weights: 'int4-g128', kvBits: 16, gpu, batch, contextTokens });
          if (fit.maxTotalKvTokens > 0 || fit.fits) expect(fit.fits).toBe(batch * contextTokens <= fit.maxTotalKvTokens);
        },
      ),
    );
  });

  it('more memory utilisation never fits less', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (u1, u2) => {
        const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const a = fitOnGpu({ ...A100_70B_INT8, memoryUtilization: lo });
        const b = fitOnGpu({ ...A100_70B_INT8, memoryUtilization: hi });
        expect(b.maxBatchAtContext).toBeGreaterThanOrEqual(a.maxBatchAtContext);
        expect(b.maxTotalKvTokens).toBeGreaterThanOrEqual(a.maxTotalKvTokens);
      }),
    );
  });

  it('rejects bad input with a message naming the field', () => {
    expect(() => fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 0 })).toThrow(/^memoryUtilization must be greater than 0/);
    expect(() => fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 1.2 })).toThrow(/^memoryUtilization must be at most 1/);
    expect(() => fitOnGpu({ ...A100_70B_INT8, gpu: 'a100' })).toThrow(/^gpu: Unknown GPU: a100/);
    expect(() => fitOnGpu({ ...A100_70B_INT8, gpuCount: 6 })).toThrow(/^gpuCount must divide/);
    expect(() => fitOnGpu({ ...A100_70B_INT8, batch: -1 })).toThrow(/^batch/);
  });
});

describe('minGpusToFit(input)', () => {
  it('BF16 Llama-3.1-70B (141.1 GB) at 1 × 4k needs 2 H100s; INT8 (72.7 GB) needs 1', () => {
    const input = { model: 'llama-3.1-70b', weights: 'bf16', kvBits: 16, contextTokens: 4096, batch: 1, gpu: 'h100-sxm' };
    const bf16 = minGpusToFit(input);
    expect(bf16.gpuCount).toBe(2);
    expect(bf16.tried).toEqual([1, 2]);
    expect(bf16.fit?.fits).toBe(true);
    expect(minGpusToFit({ ...input, weights: 'int8-w8a8' }).gpuCount).toBe(1);
  });

  it('tries only tensor-parallel sizes that divide the heads, and returns null when 8 are not enough', () => {
    // Llama-3.1-405B BF16: 811.7 GB > 8 × 85.5 GB
    const r = minGpusToFit({ model: 'llama-3.1-405b', weights: 'bf16', kvBits: 16, contextTokens: 4096, batch: 1, gpu: 'h100-sxm' });
    expect(r.gpuCount).toBeNull();
    expect(r.fit).toBeNull();
    expect(r.tried).toEqual([1, 2, 4, 8]);
    // 16 H100s would do (maxGpuCount raised)
    expect(minGpusToFit({ model: 'llama-3.1-405b', weights: 'bf16', kvBits: 16, contextTokens: 4096, batch: 1, gpu: 'h100-sxm', maxGpuCount: 16 }).gpuCount).toBe(16);
  });

  it('rejects a bad maxGpuCount', () => {
    expect(() => minGpusToFit({ ...A100_70B_INT8, maxGpuCount: 0 })).toThrow(/^maxGpuCount/);
  });
});
