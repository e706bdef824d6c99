import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GPUS } from '../hardware';
import { MODELS } from '../models';
import { bitsPerWeight } from '../formats';
import { decodeStep, type DecodeInput } from './decodeStep';

// Llama-3.1-70B (facts.md §7): linear weights 68,451,041,280; embedding = lm_head = 1,050,673,152;
// norms 1,318,912; hidden 8,192; 80 layers × 64 heads × 128 head_dim; 327,680 B of BF16 KV per token.
const LINEAR = 68_451_041_280;
const LM_HEAD = 1_050_673_152;
const NORMS = 1_318_912;
const H100_BW = 3.35e12; // facts.md §6
const H100_BF16 = 989e12; // facts.md §6, dense

const base: DecodeInput = { model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', batch: 1, contextTokens: 1, kvBits: 16 };

describe('decodeStep(input)', () => {
  it('batch-1 Llama-3.1-70B 4-bit on an H100 SXM: ceiling = bandwidth / bytes read per token ≈ 89 tokens/s (facts.md §6 says ≈ 84 for ~40 GB)', () => {
    // Bytes read per token at batch 1, context 1:
    //   linear 68,451,041,280 × 4.15625 / 8 = 35,562,869,040 B (GPTQ/AWQ g128 with zero-points)
    //   lm_head and norms at BF16: (1,050,673,152 + 1,318,912) × 2 = 2,103,984,128 B
    //   one embedding row (a gather, not the whole 2.1 GB matrix): 8,192 × 2 = 16,384 B
    //   KV of one token: 327,680 B
    //   = 37,666,783,232 B → 3.35e12 / 37,666,783,232 = 88.94 tokens/s.
    // facts.md's "≈ 84" divides by the whole ~40 GB checkpoint, embedding matrix included.
    const bpw = bitsPerWeight('int4-g128');
    const bytes = (LINEAR * bpw) / 8 + (LM_HEAD + NORMS) * 2 + 8192 * 2 + 327_680;
    const step = decodeStep({ ...base, weights: 'int4-g128' });
    expect(step.bytesRead).toBeCloseTo(bytes, 0);
    expect(step.tokensPerSecondTotal).toBeCloseTo(H100_BW / bytes, 9);
    expect(step.tokensPerSecondTotal).toBeGreaterThan(84);
    expect(step.tokensPerSecondTotal).toBeLessThan(90);
    expect(step.bound).toBe('memory');
    expect(step.computeDtype).toBe('fp16'); // weight-only: dequantised, 16-bit tensor cores
  });

  it('BF16 Llama-3.1-70B is memory-bound at batch 1: ≈ 24 tokens/s, compute time ~300× smaller', () => {
    const step = decodeStep(base);
    expect(step.bound).toBe('memory');
    // (141,107,412,992 − 2,101,346,304 + 16,384 + 327,680) B / 3.35e12 B/s = 41.49 ms
    expect(step.memoryTimeSeconds).toBeCloseTo((141_107_412_992 - 2 * LM_HEAD + 16_384 + 327_680) / H100_BW, 12);
    expect(step.tokensPerSecondTotal).toBeCloseTo(24.1, 1);
    expect(step.memoryTimeSeconds / step.computeTimeSeconds).toBeGreaterThan(250);
  });

  it('BF16 crossover on H100 SXM ≈ peak / bandwidth = 989e12 / 3.35e12 ≈ 295 (2 FLOPs and 2 bytes per weight; KV ignored)', () => {
    // Weight bytes read per step W = 2 × 69,503,033,344 (everything but the embedding matrix);
    // FLOPs per sequence f = 2 × 69,501,714,432 (linear weights incl. lm_head, no norms).
    // b* = (W / BW) / (f / P − m / BW) with m = 344,064 B (KV + embedding row) at context 1
    //    ≈ 295.2 × W / f × (1 + 0.07%) ≈ 295.4.
    const crossover = decodeStep(base).crossoverBatch;
    expect(crossover / (H100_BF16 / H100_BW)).toBeGreaterThan(0.995);
    expect(crossover / (H100_BF16 / H100_BW)).toBeLessThan(1.005);
    // and at that batch, the two times agree
    const at = decodeStep({ ...base, batch: Math.round(crossover) });
    expect(at.computeTimeSeconds / at.memoryTimeSeconds).toBeCloseTo(1, 2);
    expect(decodeStep({ ...base, batch: 200 }).bound).toBe('memory');
    expect(decodeStep({ ...base, batch: 400 }).bound).toBe('compute');
  });

  it('W4A16 crosses over ~3.7× earlier than BF16: same 16-bit compute, 16/4.16 fewer bytes on linear layers (lm_head stays BF16)', () => {
    const bf16 = decodeStep(base).crossoverBatch;
    const w4 = decodeStep({ ...base, weights: 'int4-g128' }).crossoverBatch;
    // ratio ≈ W_bf16 / W_w4 = 139,006,066,688 / 37,666,455,552 = 3.69
    expect(bf16 / w4).toBeGreaterThan(3.5);
    expect(bf16 / w4).toBeLessThan(16 / bitsPerWeight('int4-g128'));
  });

  it('W8A8 INT8 runs on INT8 tensor cores at 2× the BF16 peak: compute-bound throughput ratio → 2 at large batch', () => {
    // facts.md §6: H100 SXM INT8 1,979 vs BF16 989 TOPS dense; attention stays BF16 (negligible at context 1)
    const big = { ...base, batch: 8192 };
    const int8 = decodeStep({ ...big, weights: 'int8-w8a8' });
    const bf16 = decodeStep(big);
    expect(int8.computeDtype).toBe('int8');
    expect(int8.bound).toBe('compute');
    expect(int8.tokensPerSecondTotal / bf16.tokensPerSecondTotal).toBeGreaterThan(1.99);
    expect(int8.tokensPerSecondTotal / bf16.tokensPerSecondTotal).toBeLessThan(2.01);
  });

  it('FP8 on A100 (no FP8 tensor cores) falls back to weight-only: BF16 compute, FP8 bytes', () => {
    const a100 = decodeStep({ ...base, weights: 'fp8-w8a8', gpu: 'a100-80gb-sxm' });
    expect(a100.computeDtype).toBe('bf16');
    expect(a100.computeDtypeNote).toMatch(/no fp8 tensor cores/);
    expect(a100.weightBytesRead).toBe(decodeStep({ ...base, weights: 'fp8-w8a8', gpu: 'h100-sxm' }).weightBytesRead);
    expect(decodeStep({ ...base, weights: 'fp8-w8a8' }).computeDtype).toBe('fp8');
  });

  it('MoE reads only the experts touched: Mixtral at batch 1 reads ≈ active weights; at large batch, all experts', () => {
    const one = decodeStep({ ...base, model: 'mixtral-8x7b' });
    expect(one.expertsTouchedPerLayer).toBe(2);
    // active 12,879,925,248 params minus the 131,072,000-param embedding matrix, at 2 B, + one row + KV
    expect(one.weightBytesRead).toBeCloseTo((12_879_925_248 - 131_072_000) * 2 + 4096 * 2, 0);
    const many = decodeStep({ ...base, model: 'mixtral-8x7b', batch: 4096 });
    expect(many.expertsTouchedPerLayer).toBeCloseTo(8, 6);
    expect(many.weightBytesRead).toBeCloseTo((46_702_792_704 - 131_072_000) * 2 + 4096 * 4096 * 2, -3);
    // crossover by bisection: compute and memory times meet there
    const at = decodeStep({ ...base, model: 'mixtral-8x7b', batch: Math.round(one.crossoverBatch) });
    expect(at.computeTimeSeconds / at.memoryTimeSeconds).toBeCloseTo(1, 2);
  });

  it('tensor parallelism divides time by the GPU count (ideal: no all-reduce)', () => {
    const one = decodeStep({ ...base, batch: 16, contextTokens: 4096 });
    const four = decodeStep({ ...base, batch: 16, contextTokens: 4096, gpuCount: 4 });
    expect(four.secondsPerToken).toBeCloseTo(one.secondsPerToken / 4, 12);
    expect(four.bytesRead).toBe(one.bytesRead);
  });

  it('long context: KV reads dominate and no batch is compute-bound (attention does H/Hkv = 8 FLOPs per KV byte)', () => {
    const step = decodeStep({ ...base, weights: 'int4-g128', batch: 64, contextTokens: 32_768 });
    expect(step.kvBytesRead).toBeGreaterThan(step.weightBytesRead);
    expect(step.crossoverBatch).toBe(Number.POSITIVE_INFINITY);
  });

  describe('properties (random catalog model, format, GPU, context)', () => {
    const arbInput = fc.record({
      model: fc.constantFrom(...MODELS.map((m) => m.id)),
      weights: fc.constantFrom('bf16', 'int8-w8a8', 'fp8-w8a8', 'int4-g128', 'nf4-dq', 'gguf-q4_k'),
      gpu: fc.constantFrom(...GPUS.map((g) => g.id)),
      gpuCount: fc.constantFrom(1, 2, 8),
      contextTokens: fc.integer({ min: 1, max: 131_072 }),
      kvBits: fc.constantFrom(4, 8, 16),
      batch: fc.integer({ min: 1, max: 4096 }),
    });

    it('total tokens/s never falls as batch grows (memory capacity ignored)', () => {
      fc.assert(
        fc.property(arbInput, fc.integer({ min: 1, max: 512 }), (input, more) => {
          const a = decodeStep(input).tokensPerSecondTotal;
          const b = decodeStep({ ...input, batch: input.batch + more }).tokensPerSecondTotal;
          expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        }),
      );
    });

    it('secondsPerToken is at least both lower bounds and equals the larger', () => {
      fc.assert(
        fc.property(arbInput, (input) => {
          const s = decodeStep(input);
          expect(s.secondsPerToken).toBeGreaterThanOrEqual(s.memoryTimeSeconds);
          expect(s.secondsPerToken).toBeGreaterThanOrEqual(s.computeTimeSeconds);
          expect(s.secondsPerToken).toBe(Math.max(s.memoryTimeSeconds, s.computeTimeSeconds));
          expect(s.bound === 'compute').toBe(s.computeTimeSeconds > s.memoryTimeSeconds);
          expect(s.tokensPerSecondTotal).toBeCloseTo(input.batch * s.tokensPerSecondPerSequence, 6);
        }),
      );
    });

    it('more bandwidth or more compute is never slower', () => {
      fc.assert(
        fc.property(arbInput, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (input, e1, e2) => {
          const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
          const slowBw = decodeStep({ ...input, efficiency: { bandwidth: lo } }).secondsPerToken;
          const fastBw = decodeStep({ ...input, efficiency: { bandwidth: hi } }).secondsPerToken;
          expect(fastBw).toBeLessThanOrEqual(slowBw);
          const slowC = decodeStep({ ...input, efficiency: { compute: lo } }).secondsPerToken;
          const fastC = decodeStep({ ...input, efficiency: { compute: hi } }).secondsPerToken;
          expect(fastC).toBeLessThanOrEqual(slowC);
        }),
      );
    });

    it('the bound flips at the crossover batch: memory-bound 0.5% below it, compute-bound 0.5% above', () => {
      let checked = 0;
      fc.assert(
        fc.property(arbInput, (input) => {
          const crossover = decodeStep(input).crossoverBatch;
          if (!(crossover < 50_000)) return;
          const below = Math.floor(crossover * 0.995);
          const above = Math.ceil(crossover * 1.005);
          if (below >= 1) expect(decodeStep({ ...input, batch: below }).bound).toBe('memory');
          expect(decodeStep({ ...input, batch: above }).bound).toBe('compute');
          checked++;
        }),
        { numRuns: 300 },
      );
      expect(checked).toBeGreaterThan(10); // short contexts give finite crossovers often enough
    });
  });

  it('rejects bad input with a message naming the field', () => {
    expect(() => decodeStep({ ...base, batch: 0 })).toThrow(/^batch must be a whole number/);
    expect(() => decodeStep({ ...base, contextTokens: -5 })).toThrow(/^contextTokens/);
    expect(() => decodeStep({ ...base, kvBits: 0 })).toThrow(/^kvBits/);
    expect(() => decodeStep({ ...base, gpuCount: 3 })).toThrow(/^gpuCount must divide/);
    expect(() => decodeStep({ ...base, efficiency: { bandwidth: 0 } })).toThrow(/^efficiency.bandwidth must be greater than 0/);
    expect(() => decodeStep({ ...base, efficiency: { compute: 1.5 } })).toThrow(/^efficiency.compute must be at most 1/);
    expect(() => decodeStep({ ...base, weights: 'int3' })).toThrow(/^weights: /);
    expect(() => decodeStep({ ...base, gpu: 'tpu-v5' })).toThrow(/^gpu: /);
  });
});
