import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getModel, kvCacheBytesPerSequence, MODELS } from '../models';
import { BYTES_PER_GB } from '../units';
import { estimateMemory, type MemoryInput } from './estimateMemory';
import { DEFAULT_OVERHEAD_BYTES_PER_GPU } from './defaults';

const LLAMA_70B_INT8_8x4K: MemoryInput = {
  model: 'llama-3.1-70b',
  weights: 'int8-w8a8',
  kvBits: 16,
  contextTokens: 4096,
  batch: 8,
};

describe('estimateMemory(input)', () => {
  it('Llama-3.1-70B INT8, BF16 KV, 8 × 4,096 tokens: every term by hand', () => {
    const m = estimateMemory(LLAMA_70B_INT8_8x4K);
    // weights: docs/provenance.md §7, 72,656,371,712 B (see weightBytes.test.ts)
    expect(m.weightsBytes).toBe(72_656_371_712);
    // KV: 2 × 80 layers × 8 KV heads × 128 × 2 B = 327,680 B/token (docs/provenance.md §7) × 4,096 × 8
    expect(m.kvCacheBytesPerToken).toBe(327_680);
    expect(m.kvCacheBytes).toBe(327_680 * 4096 * 8); // 10,737,418,240 B = 10 GiB
    // activation peak (no GPU given: vLLM's small-card defaults, 2,048 tokens and 256 sequences):
    // max(2,048 × 3 × 28,672 × 2 B × 1.5 = 528,482,304 B, 256 × 128,256 × 4 B × 3.8 = 499,069,747.2 B)
    expect(m.activationBytes).toBe(528_482_304);
    // non-torch: 0.25 GiB × 1 GPU (vLLM v0.19 "non-torch forward increase memory: 0.25GiB")
    expect(m.overheadBytes).toBe(0.25 * 2 ** 30);
    expect(m.totalBytes).toBe(72_656_371_712 + 10_737_418_240 + 528_482_304 + 268_435_456); // 84,190,707,712
  });

  it('is inference only: four terms (weights, KV, activations, overhead), no gradients or optimizer state', () => {
    const m = estimateMemory(LLAMA_70B_INT8_8x4K);
    expect(m.terms.map((t) => t.id)).toEqual(['weights', 'kvCache', 'activations', 'overhead']);
    expect(m.terms.reduce((sum, t) => sum + t.bytes, 0)).toBe(m.totalBytes);
    // The viral post's "gradients overhead" would add at least the weights again: the total here stays far below 2 × weights.
    expect(m.totalBytes).toBeLessThan(2 * m.weightsBytes);
  });

  it('writes each formula with the actual numbers and units', () => {
    const [weights, kv, activations, overhead] = estimateMemory(LLAMA_70B_INT8_8x4K).terms;
    expect(weights?.formula).toBe(
      '68,451,041,280 params × 8 bits / 8 + 2,102,665,216 params (embedding, lm_head, norms) × 16 bits / 8 = 72.7 GB (67.7 GiB)',
    );
    expect(kv?.formula).toBe(
      '2 × 80 layers × 8 KV heads × 128 head_dim × 2 B = 327,680 B/token × 4,096 tokens × 8 sequences = 10.7 GB (10.0 GiB)',
    );
    expect(activations?.formula).toContain(
      'max(2,048 tokens × 3 × 28,672 × 2 B × 1.5, 256 × 128,256 logits × 4 B × 3.8)',
    );
    expect(activations?.formula).toContain('calibrated');
    expect(overhead?.formula).toBe('0.25 GiB = 0.3 GB (0.3 GiB)');
    expect(estimateMemory({ ...LLAMA_70B_INT8_8x4K, gpuCount: 2 }).terms[3]?.formula).toBe(
      '2.05 GiB (incl. NCCL buffers) per GPU × 2 GPUs = 4.4 GB (4.1 GiB)',
    );
  });

  it('KV cache depends on kvBits, never on the weight format (a bug of some public VRAM calculators, which size the cache by the weight format)', () => {
    const kv = (weights: string, kvBits: number) =>
      estimateMemory({ ...LLAMA_70B_INT8_8x4K, weights, kvBits }).kvCacheBytes;
    expect(kv('bf16', 16)).toBe(kv('int4-g128', 16));
    expect(kv('bf16', 16)).toBe(kv('gguf-q4_k', 16));
    expect(kv('bf16', 8)).toBe(kv('bf16', 16) / 2);
  });

  it('uses KV heads, not attention heads (GQA): 1.34 GB per 4,096-token Llama-3.1-70B sequence (docs/provenance.md §7)', () => {
    const kv = estimateMemory({ ...LLAMA_70B_INT8_8x4K, batch: 1 }).kvCacheBytes;
    expect(kv / BYTES_PER_GB).toBeCloseTo(1.34, 2); // not 8× that, as with 64 heads
  });

  describe('KV cache = what the engine reserves (lib/models kvReservationBytesPerSequence)', () => {
    // Gemma-2-9B: 42 layers, 21 sliding (window 4,096), 8 KV heads × 256 head_dim:
    // 2 × 8 × 256 × 2 B = 8,192 B per token per layer.
    const perLayer = 2 * 8 * 256 * 2;

    it('vLLM V1 (vllm/v1/kv_cache_interface.py): full layers cdiv(len, 16) blocks, sliding (cdiv(min(w − 1 + batched, len), 16) + 1) blocks', () => {
      // estimateMemory's default max_num_batched_tokens is 2,048 (vLLM SchedulerConfig default).
      // 8,192 tokens: full 8,192; sliding min(4,095 + 2,048, 8,192) = 6,143 → 384 blocks + 1 = 6,160 tokens.
      const at8k = estimateMemory({ model: 'gemma-2-9b', weights: 'bf16', kvBits: 16, contextTokens: 8192, batch: 3 });
      expect(at8k.kvCacheBytes).toBe(perLayer * (21 * 8192 + 21 * 6160) * 3);
      expect(at8k.engine).toBe('vllm');
      expect(at8k.terms[1]!.formula).toContain(
        'KV reserved as vLLM does: window − 1 + batched tokens, in 16-token blocks',
      );
      // 100 tokens: full cdiv(100, 16) = 7 blocks = 112; sliding min(6,143, 100) = 100 → 7 + 1 = 8 blocks = 128.
      const at100 = estimateMemory({ model: 'gemma-2-9b', weights: 'bf16', kvBits: 16, contextTokens: 100, batch: 3 });
      expect(at100.kvCacheBytes).toBe(perLayer * (21 * 112 + 21 * 128) * 3);
      // 8,192 batched tokens (fitOnGpu's H100 default) at 32,768: sliding cdiv(12,287, 16) + 1 = 769 blocks = 12,304.
      const big = estimateMemory({
        model: 'gemma-2-9b',
        weights: 'bf16',
        kvBits: 16,
        contextTokens: 32768,
        batch: 1,
        maxBatchedTokens: 8192,
      });
      expect(big.kvCacheBytes).toBe(perLayer * (21 * 32768 + 21 * 12_304));
      // Full-attention models: the context in 16-token blocks (4,100 → 257 blocks = 4,112 tokens); Llama-3.1-70B 327,680 B/token.
      const llama = estimateMemory({ ...LLAMA_70B_INT8_8x4K, contextTokens: 4100, batch: 1 });
      expect(llama.kvCacheBytes).toBe(327_680 * 4112);
      expect(llama.terms[1]!.formula).toContain('4,112 tokens (4,100 in 16-token blocks)');
    });

    it('llama.cpp (src/llama-kv-cache-iswa.cpp): full layers n_ctx, SWA cache GGML_PAD(min(n_ctx, n_swa · n_seq + n_ubatch), 256) shared by the sequences', () => {
      // 3 sequences of 8,192: full 3 × 8,192 per layer; SWA min(24,576, 4,096 × 3 + 512 = 12,800) → 12,800 (a multiple of 256).
      const m = estimateMemory({
        model: 'gemma-2-9b',
        weights: 'bf16',
        kvBits: 16,
        contextTokens: 8192,
        batch: 3,
        engine: 'llama.cpp',
      });
      expect(m.kvCacheBytes).toBe(perLayer * (21 * 8192 * 3 + 21 * 12_800));
      expect(m.engine).toBe('llama.cpp');
      expect(m.terms[1]!.formula).toContain('KV reserved as llama.cpp does');
      // No windows: llama.cpp holds exactly n_ctx (no 16-token blocks).
      expect(
        estimateMemory({ ...LLAMA_70B_INT8_8x4K, contextTokens: 4100, batch: 1, engine: 'llama.cpp' }).kvCacheBytes,
      ).toBe(327_680 * 4100);
    });

    it("reservation ≥ the bare window, ≤ the full context plus the engine's rounding (one 16-token block, or one 256-cell pad, per windowed layer)", () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...MODELS.map((m) => m.id)),
          fc.constantFrom('vllm' as const, 'llama.cpp' as const),
          fc.integer({ min: 1, max: 64 }),
          fc.integer({ min: 1, max: 140_000 }),
          fc.integer({ min: 1, max: 20_000 }),
          (model, engine, batch, contextTokens, maxBatchedTokens) => {
            const spec = getModel(model).spec;
            const m = estimateMemory({
              model,
              weights: 'bf16',
              kvBits: 16,
              contextTokens,
              batch,
              engine,
              maxBatchedTokens,
            });
            const perTokenLayer = m.kvCacheBytesPerToken / spec.numLayers;
            const windowed = spec.slidingWindow ? Math.min(spec.slidingWindow.numLayers, spec.numLayers) : 0;
            const bare = kvCacheBytesPerSequence(spec, { bits: 16, contextTokens }) * batch;
            const fullContext = engine === 'vllm' ? Math.ceil(contextTokens / 16) * 16 : contextTokens;
            const rounding = engine === 'vllm' ? windowed * 16 * batch : windowed * 255;
            expect(m.kvCacheBytes).toBeGreaterThanOrEqual(bare);
            expect(m.kvCacheBytes).toBeLessThanOrEqual(
              perTokenLayer * (spec.numLayers * fullContext * batch + rounding),
            );
          },
        ),
      );
    });

    it('DeepSeek-V3.2 FP8 cache: 656 B fp8_ds_mla + 132 B indexer key per layer (vLLM PR #25896)', () => {
      const m = estimateMemory({
        model: 'deepseek-v3',
        weights: 'fp8-w8a8',
        kvBits: 8,
        kvLayout: 'deepseek-v3.2-fp8',
        contextTokens: 4096,
        batch: 2,
      });
      expect(m.kvCacheBytesPerToken).toBe(61 * (656 + 132)); // 48,068 B, not 61 × 576 = 35,136 B of a plain FP8 MLA cache
      expect(m.kvCacheBytes).toBe(61 * 788 * 4096 * 2);
      expect(() => estimateMemory({ ...LLAMA_70B_INT8_8x4K, kvLayout: 'deepseek-v3.2-fp8' })).toThrow(
        /^kvLayout: the FP8 MLA cache layout applies to MLA models only/,
      );
      expect(() => estimateMemory({ ...LLAMA_70B_INT8_8x4K, kvLayout: 'fp4' as never })).toThrow(/^kvLayout must be/);
      expect(() => estimateMemory({ ...LLAMA_70B_INT8_8x4K, engine: 'sglang' as never })).toThrow(
        /^engine must be "vllm" or "llama.cpp"/,
      );
    });
  });

  it('pays non-torch memory (+ NCCL buffers under TP) and the activation peak on every GPU, and replicates KV heads past the KV-head count (and MLA latents always)', () => {
    const one = estimateMemory({ ...LLAMA_70B_INT8_8x4K, gpuCount: 1 });
    const eight = estimateMemory({ ...LLAMA_70B_INT8_8x4K, gpuCount: 8 });
    const sixteen = estimateMemory({ ...LLAMA_70B_INT8_8x4K, gpuCount: 16 });
    expect(one.overheadBytes).toBe(DEFAULT_OVERHEAD_BYTES_PER_GPU);
    expect(eight.overheadBytes).toBe(8 * (DEFAULT_OVERHEAD_BYTES_PER_GPU + 1.8 * 2 ** 30));
    expect(eight.activationBytes).toBe(8 * one.activationBytes); // not divided by TP
    expect(eight.kvCacheBytes).toBe(one.kvCacheBytes); // 8 KV heads over 8 GPUs: one each
    expect(sixteen.kvReplication).toBe(2);
    expect(sixteen.kvCacheBytes).toBe(2 * one.kvCacheBytes);
    expect(sixteen.terms[1]?.formula).toContain('× 2 copies');
    const v3 = (gpuCount: number) =>
      estimateMemory({
        model: 'deepseek-v3',
        weights: 'fp8-w8a8',
        kvBits: 16,
        contextTokens: 4096,
        batch: 1,
        gpuCount,
      });
    // DeepSeek-V3 latent: 61 × (512 + 64) × 2 B = 70,272 B/token (docs/provenance.md §7), on each of 8 GPUs
    expect(v3(1).kvCacheBytes).toBe(70_272 * 4096);
    expect(v3(8).kvCacheBytes).toBe(8 * 70_272 * 4096);
  });

  it('options: overheadBytesPerGpu, maxBatchedTokens and a measured activationBytes replace the defaults', () => {
    const m = estimateMemory({
      ...LLAMA_70B_INT8_8x4K,
      overheadBytesPerGpu: 650e6,
      maxBatchedTokens: 8192,
      activationBytes: undefined,
    });
    expect(m.overheadBytes).toBe(650e6);
    expect(m.activation?.chunkTokens).toBe(8192);
    const measured = estimateMemory({ ...LLAMA_70B_INT8_8x4K, activationBytes: 4.8 * 2 ** 30 });
    expect(measured.activationBytes).toBe(4.8 * 2 ** 30);
    expect(measured.activation).toBeNull();
    expect(measured.terms[2]?.formula).toMatch(/^given: /);
  });

  it('warns when the context exceeds the model maximum', () => {
    const m = estimateMemory({ model: 'llama-2-70b', weights: 'bf16', kvBits: 16, contextTokens: 8192, batch: 1 });
    expect(m.warnings).toEqual(["contextTokens (8,192) exceeds the model's maximum context of 4,096 tokens"]);
    expect(estimateMemory(LLAMA_70B_INT8_8x4K).warnings).toEqual([]);
  });

  it('is non-decreasing in batch and in context (random catalog model and format)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS.map((m) => m.id)),
        fc.constantFrom('bf16', 'int8-w8a8', 'int4-g128', 'gguf-q4_k'),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 200_000 }),
        (model, weights, batch, contextTokens) => {
          const at = (b: number, c: number) =>
            estimateMemory({ model, weights, kvBits: 16, batch: b, contextTokens: c }).totalBytes;
          expect(at(batch + 1, contextTokens)).toBeGreaterThanOrEqual(at(batch, contextTokens));
          expect(at(batch, contextTokens + 1)).toBeGreaterThanOrEqual(at(batch, contextTokens));
        },
      ),
    );
  });

  describe('rejects bad input with a message naming the field', () => {
    const bad: Array<[Partial<MemoryInput>, RegExp]> = [
      [{ contextTokens: 0 }, /^contextTokens must be a whole number of tokens from 1 to 10,000,000 \(got 0\)$/],
      [{ contextTokens: 4096.5 }, /^contextTokens must be a whole number of tokens .*\(got 4096.5\)/],
      [{ contextTokens: 10_000_001 }, /^contextTokens must be a whole number of tokens from 1 to 10,000,000/],
      [{ contextTokens: Number.NaN }, /^contextTokens/],
      [{ contextTokens: '4096' as unknown as number }, /^contextTokens must be a whole number/],
      [{ batch: 0 }, /^batch must be a whole number of sequences from 1 to 100,000 \(got 0\)$/],
      [{ batch: 100_001 }, /^batch must be a whole number of sequences from 1 to 100,000/],
      [{ batch: 2.5 }, /^batch must be a whole number of sequences/],
      [{ kvBits: 0 }, /^kvBits must be greater than 0/],
      [{ kvBits: 64 }, /^kvBits must be at most 32/],
      [{ kvBits: Number.POSITIVE_INFINITY }, /^kvBits must be a finite number/],
      [{ gpuCount: 3 }, /^gpuCount must divide the model's 64 attention heads/],
      [{ gpuCount: 0 }, /^gpuCount must be a whole number of GPUs from 1 to 64/],
      [{ maxBatchedTokens: 0 }, /^maxBatchedTokens/],
      [{ overheadBytesPerGpu: -1 }, /^overheadBytesPerGpu must be zero or more/],
      [{ activationBytes: Number.NaN }, /^activationBytes/],
      [{ model: 'gpt-5' }, /^model: /],
      [{ weights: 'int3' }, /^weights: /],
      [{ weights: '' }, /^weights must be a weight format id/],
    ];
    it.each(bad)('%o', (patch, message) => {
      expect(() => estimateMemory({ ...LLAMA_70B_INT8_8x4K, ...patch })).toThrow(message);
    });
  });
});
