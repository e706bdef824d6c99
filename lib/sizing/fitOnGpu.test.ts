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
  describe('Llama-3.1-70B INT8 on one A100 80GB, 4k sequences', () => {
    // A100 80GB: nvidia-smi total 81,920 MiB − 480 MiB driver reserve = 81,440 MiB CUDA total (79.53 GiB).
    // Llama-3.1-70B INT8 linear + BF16 embed/lm_head: 67.67 GiB. A100 → vLLM's 2,048-token / 256-sequence profile:
    // activation peak max(2,048 × 3 × 28,672 × 2 B × 1.5, 256 × 128,256 × 4 B × 3.8) = 0.49 GiB; non-torch 0.25 GiB.
    // One 4,096-token sequence is 327,680 B × 4,096 = 1.25 GiB.
    it("at vLLM's default (0.92): 0.92 × 79.53 − 67.67 − 0.49 − 0.25 = 4.76 GiB of KV cache → 3 sequences", () => {
      const fit = fitOnGpu(A100_70B_INT8);
      expect(fit.memoryUtilization).toBe(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION);
      expect(fit.perGpuCudaTotalBytes).toBe(81_440 * 2 ** 20);
      expect(fit.availableBytes).toBeCloseTo(0.92 * 81_440 * 2 ** 20, 0);
      expect(fit.kvCacheBytesPerGpu / BYTES_PER_GIB).toBeCloseTo(4.76, 2);
      expect(fit.maxBatchAtContext).toBe(3);
      expect(fit.fits).toBe(false); // batch 8
      expect(fit.verdict).toBe('does-not-fit'); // short by 8 × 1.25 − 4.76 = 5.2 GiB, beyond the 1.8 GiB band
      expect(fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 0.9 }).maxBatchAtContext).toBe(2); // 71.58 − 68.41 = 3.17 GiB
    });

    it('with all memory (1.0): 79.53 − 68.41 = 11.12 GiB → 8 sequences, 9 do not', () => {
      const all = fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 1 });
      expect(all.fits).toBe(true);
      expect(all.maxBatchAtContext).toBe(8);
      expect(all.headroomBytes / BYTES_PER_GIB).toBeCloseTo(1.12, 1);
      expect(all.verdict).toBe('tight'); // 1.1 GiB spare is inside the 1.8 GiB uncertainty
    });

    it('Llama-2-70B (32k vocabulary, smaller embeddings) has more room', () => {
      const llama2 = fitOnGpu({ ...A100_70B_INT8, model: 'llama-2-70b' });
      expect(llama2.maxTotalKvTokens).toBeGreaterThan(fitOnGpu(A100_70B_INT8).maxTotalKvTokens);
    });
  });

  it('weights are split across GPUs: BF16 70B (131.4 GiB) needs two H100s, and each holds half', () => {
    const input: FitInput = {
      model: 'llama-3.1-70b',
      weights: 'bf16',
      kvBits: 16,
      contextTokens: 4096,
      batch: 1,
      gpu: 'h100-sxm',
    };
    expect(fitOnGpu(input).fits).toBe(false);
    const two = fitOnGpu({ ...input, gpuCount: 2 });
    expect(two.fits).toBe(true);
    expect(two.perGpuBytes * 2).toBe(two.requiredBytes);
    expect(two.perGpuCudaTotalBytes).toBe(85_017_493_504); // H100 SXM CUDA total (measured)
    expect(two.perGpuAvailableBytes).toBeCloseTo(0.92 * 85_017_493_504, 0);
    expect(two.availableBytes).toBeCloseTo(2 * 0.92 * 85_017_493_504, 0);
  });

  it('the margin band: tight within ±1.8 GiB per GPU of the edge, otherwise fits / does-not-fit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 512, max: 32_768 }), (batch, contextTokens) => {
        const fit = fitOnGpu({ model: 'llama-3.1-8b', weights: 'bf16', kvBits: 16, contextTokens, batch, gpu: 'l40s' });
        const band = 1.8 * BYTES_PER_GIB;
        expect(fit.uncertaintyBytes).toBe(band);
        if (fit.headroomBytes >= band) expect(fit.verdict).toBe('fits');
        else if (fit.headroomBytes <= -band) expect(fit.verdict).toBe('does-not-fit');
        else expect(fit.verdict).toBe('tight');
        if (fit.verdict === 'fits') expect(fit.fits).toBe(true);
        if (fit.verdict === 'does-not-fit') expect(fit.fits).toBe(false);
      }),
    );
  });

  it("uses vLLM's per-GPU token budget by default: 8,192 on H100, 2,048 on A100", () => {
    const h100 = fitOnGpu({ ...A100_70B_INT8, gpu: 'h100-sxm' });
    expect(h100.estimate.activation?.chunkTokens).toBe(8192);
    expect(fitOnGpu(A100_70B_INT8).estimate.activation?.chunkTokens).toBe(2048);
    expect(
      fitOnGpu({ ...A100_70B_INT8, gpu: 'h100-sxm', maxBatchedTokens: 512 }).estimate.activation?.chunkTokens,
    ).toBe(512);
  });

  it('returns 0 when not even one sequence fits, and the model maximum when memory allows more', () => {
    const tooBig = fitOnGpu({ ...A100_70B_INT8, weights: 'bf16' });
    expect(tooBig.fits).toBe(false);
    expect(tooBig.maxBatchAtContext).toBe(0);
    expect(tooBig.maxContextAtBatch).toBe(0);
    expect(tooBig.maxTotalKvTokens).toBe(0);
    const roomy = fitOnGpu({
      model: 'llama-3.1-8b',
      weights: 'int4-g128',
      kvBits: 8,
      contextTokens: 1024,
      batch: 1,
      gpu: 'h200-sxm',
    });
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

  it('fits exactly when batch × context in 16-token blocks ≤ maxTotalKvTokens (models without sliding windows; vLLM reserves whole blocks)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('llama-3.1-70b', 'llama-3.1-8b', 'mixtral-8x7b', 'deepseek-v2-lite', 'qwen2.5-72b-instruct'),
        fc.constantFrom(...GPUS.map((g) => g.id)),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 32_768 }),
        (model, gpu, batch, contextTokens) => {
          const fit = fitOnGpu({ model, weights: 'int4-g128', kvBits: 16, gpu, batch, contextTokens });
          if (fit.maxTotalKvTokens > 0 || fit.fits)
            expect(fit.fits).toBe(batch * Math.ceil(contextTokens / 16) * 16 <= fit.maxTotalKvTokens);
        },
      ),
    );
  });

  it('maxConcurrencyAtContext: KV memory ÷ what one sequence reserves (vLLM "Maximum concurrency"), sliding windows included', () => {
    // Llama-3.1-70B: 327,680 B/token × 8,192 tokens per sequence.
    const llama = fitOnGpu({
      model: 'llama-3.1-70b',
      weights: 'fp8-w8a8',
      kvBits: 16,
      contextTokens: 8192,
      batch: 1,
      gpu: 'h100-sxm',
    });
    expect(llama.maxConcurrencyAtContext).toBeCloseTo(
      (llama.kvCacheBytesPerGpu * llama.gpuCount) / (327_680 * 8192),
      9,
    );
    // Gemma-2-9B on H100 (8,192 batched tokens): 21 full layers × 8,192 + 21 sliding layers × (cdiv(min(4,095 + 8,192, 8,192), 16) + 1) × 16
    // = 8,208 tokens, × 8,192 B per token per layer.
    const gemma = fitOnGpu({
      model: 'gemma-2-9b',
      weights: 'bf16',
      kvBits: 16,
      contextTokens: 8192,
      batch: 1,
      gpu: 'h100-sxm',
    });
    expect(gemma.estimate.kvCacheBytesPerSequence).toBe(8192 * (21 * 8192 + 21 * 8208));
    expect(gemma.maxConcurrencyAtContext).toBeCloseTo(gemma.kvCacheBytesPerGpu / (8192 * (21 * 8192 + 21 * 8208)), 9);
    expect(gemma.maxBatchAtContext).toBe(Math.floor(gemma.maxConcurrencyAtContext));
  });

  it('more memory utilisation never fits less', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (u1, u2) => {
          const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const a = fitOnGpu({ ...A100_70B_INT8, memoryUtilization: lo });
          const b = fitOnGpu({ ...A100_70B_INT8, memoryUtilization: hi });
          expect(b.maxBatchAtContext).toBeGreaterThanOrEqual(a.maxBatchAtContext);
          expect(b.maxTotalKvTokens).toBeGreaterThanOrEqual(a.maxTotalKvTokens);
        },
      ),
    );
  });

  it('rejects bad input with a message naming the field', () => {
    expect(() => fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 0 })).toThrow(
      /^memoryUtilization must be greater than 0/,
    );
    expect(() => fitOnGpu({ ...A100_70B_INT8, memoryUtilization: 1.2 })).toThrow(
      /^memoryUtilization must be at most 1/,
    );
    expect(() => fitOnGpu({ ...A100_70B_INT8, gpu: 'a100' })).toThrow(/^gpu: Unknown GPU: a100/);
    expect(() => fitOnGpu({ ...A100_70B_INT8, gpuCount: 6 })).toThrow(/^gpuCount must divide/);
    expect(() => fitOnGpu({ ...A100_70B_INT8, batch: -1 })).toThrow(/^batch/);
  });
});

describe('minGpusToFit(input)', () => {
  it('BF16 Llama-3.1-70B (141.1 GB) at 1 × 4k needs 2 H100s; INT8 (72.7 GB) needs 1', () => {
    const input = {
      model: 'llama-3.1-70b',
      weights: 'bf16',
      kvBits: 16,
      contextTokens: 4096,
      batch: 1,
      gpu: 'h100-sxm',
    };
    const bf16 = minGpusToFit(input);
    expect(bf16.gpuCount).toBe(2);
    expect(bf16.tried).toEqual([1, 2]);
    expect(bf16.fit?.fits).toBe(true);
    expect(minGpusToFit({ ...input, weights: 'int8-w8a8' }).gpuCount).toBe(1);
  });

  it('tries only tensor-parallel sizes that divide the heads, and returns null when 8 are not enough', () => {
    // Llama-3.1-405B BF16: 811.7 GB > 8 × 85.5 GB
    const r = minGpusToFit({
      model: 'llama-3.1-405b',
      weights: 'bf16',
      kvBits: 16,
      contextTokens: 4096,
      batch: 1,
      gpu: 'h100-sxm',
    });
    expect(r.gpuCount).toBeNull();
    expect(r.fit).toBeNull();
    expect(r.tried).toEqual([1, 2, 4, 8]);
    // 16 H100s would do (maxGpuCount raised)
    expect(
      minGpusToFit({
        model: 'llama-3.1-405b',
        weights: 'bf16',
        kvBits: 16,
        contextTokens: 4096,
        batch: 1,
        gpu: 'h100-sxm',
        maxGpuCount: 16,
      }).gpuCount,
    ).toBe(16);
  });

  it('rejects a bad maxGpuCount', () => {
    expect(() => minGpusToFit({ ...A100_70B_INT8, maxGpuCount: 0 })).toThrow(/^maxGpuCount/);
  });
});
