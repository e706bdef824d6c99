import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GPUS } from '../hardware';
import { MODELS } from '../models';
import { bitsPerWeight } from '../formats';
import { decodeStep, type DecodeInput } from './decodeStep';

// Llama-3.1-70B (meta-llama/Llama-3.1-70B config.json, counted by lib/models): linear weights 68,451,041,280; embedding = lm_head = 1,050,673,152;
// norms 1,318,912; hidden 8,192; 80 layers × 64 heads × 128 head_dim; 327,680 B of BF16 KV per token.
const LINEAR = 68_451_041_280;
const LM_HEAD = 1_050_673_152;
const NORMS = 1_318_912;
const H100_BW = 3.35e12; // H100 SXM datasheet
const H100_BF16 = 989e12; // H100 SXM datasheet, dense (1,979 sparse halved)

const base: DecodeInput = {
  model: 'llama-3.1-70b',
  weights: 'bf16',
  gpu: 'h100-sxm',
  batch: 1,
  contextTokens: 1,
  kvBits: 16,
};

describe('decodeStep(input)', () => {
  it('batch-1 Llama-3.1-70B 4-bit on an H100 SXM: ceiling = bandwidth / bytes moved per token ≈ 89 tokens/s (≈ 84 if the whole ~40 GB file were read)', () => {
    // Bytes read per token at batch 1, context 1:
    //   linear 68,451,041,280 × 4.15625 / 8 = 35,562,869,040 B (GPTQ/AWQ g128 with zero-points)
    //   lm_head and norms at BF16: (1,050,673,152 + 1,318,912) × 2 = 2,103,984,128 B
    //   one embedding row (a gather, not the whole 2.1 GB matrix): 8,192 × 2 = 16,384 B
    //   KV of one token: 327,680 B                                   → bytesRead 37,666,783,232 B
    //   small ops (norms, residuals, SiLU·mul, RoPE): 80 × 339,968 B = 27,197,440 B
    //   → 3.35e12 / 37,693,980,672 = 88.87 tokens/s.
    const bpw = bitsPerWeight('int4-g128');
    const bytes = (LINEAR * bpw) / 8 + (LM_HEAD + NORMS) * 2 + 8192 * 2 + 327_680;
    const step = decodeStep({ ...base, weights: 'int4-g128' });
    expect(step.bytesRead).toBeCloseTo(bytes, 0);
    expect(step.operators.smallOps.bytes).toBe(80 * 339_968);
    expect(step.tokensPerSecondTotal).toBeCloseTo(H100_BW / (bytes + 80 * 339_968), 9);
    expect(step.tokensPerSecondTotal).toBeGreaterThan(84);
    expect(step.tokensPerSecondTotal).toBeLessThan(90);
    expect(step.bound).toBe('memory');
    expect(step.computeDtype).toBe('fp16'); // weight-only: dequantised, 16-bit tensor cores
  });

  it('BF16 Llama-3.1-70B is memory-bound at batch 1: ≈ 24 tokens/s, compute time ~300× smaller', () => {
    const step = decodeStep(base);
    expect(step.bound).toBe('memory');
    // (141,107,412,992 − 2,101,346,304 + 16,384 + 327,680 + 27,197,440) B / 3.35e12 B/s = 41.50 ms
    expect(step.memoryTimeSeconds).toBeCloseTo(
      (141_107_412_992 - 2 * LM_HEAD + 16_384 + 327_680 + 27_197_440) / H100_BW,
      12,
    );
    expect(step.tokensPerSecondTotal).toBeCloseTo(24.1, 1);
    expect(step.memoryTimeSeconds / step.computeTimeSeconds).toBeGreaterThan(250);
  });

  it('BF16 GEMM crossover on H100 SXM ≈ peak / bandwidth = 989e12 / 3.35e12 ≈ 295 (2 FLOPs and 2 bytes per weight), at any context', () => {
    // Weight bytes read per step W = 2 × 69,503,033,344 (everything but the embedding matrix);
    // FLOPs per sequence f = 2 × 69,501,714,432 (linear weights incl. lm_head, no norms).
    // b* = (W / BW) / (f / P − g / BW) with g = 16,384 B (embedding row) ≈ 295.2 × W / f ≈ 295.3.
    const crossover = decodeStep(base).crossoverBatch;
    expect(crossover / (H100_BF16 / H100_BW)).toBeGreaterThan(0.995);
    expect(crossover / (H100_BF16 / H100_BW)).toBeLessThan(1.005);
    // the KV cache is another kernel: the GEMM crossover does not move with context (review F01)
    expect(decodeStep({ ...base, contextTokens: 32_768 }).crossoverBatch).toBe(crossover);
    // and at that batch, the GEMMs' two roofs agree
    const at = decodeStep({ ...base, batch: Math.round(crossover) });
    expect(at.operators.gemm.computeSeconds / at.operators.gemm.memorySeconds).toBeCloseTo(1, 2);
    expect(decodeStep({ ...base, batch: 200 }).bound).toBe('memory');
    expect(decodeStep({ ...base, batch: 400 }).bound).toBe('compute');
  });

  it('per operator, FP8 W8A8 beats W4A16 at H200, 1,024-token context, batch 128 (the pooled roofline said the opposite)', () => {
    // Review F01, appendix table (same byte and FLOP counts, without small ops): pooled max(ΣB/BW, ΣF/peak)
    // gave INT4 6,980 vs FP8 5,413 tok/s; per operator FP8 5,413 vs INT4 4,752. With small ops added both drop ~3 %.
    const at = { ...base, gpu: 'h200-sxm', contextTokens: 1024, batch: 128 };
    const fp8 = decodeStep({ ...at, weights: 'fp8-w8a8' }).tokensPerSecondTotal;
    const int4 = decodeStep({ ...at, weights: 'int4-g128' }).tokensPerSecondTotal;
    expect(fp8).toBeGreaterThan(int4);
    expect(fp8 / 5413).toBeGreaterThan(0.95);
    expect(fp8 / 5413).toBeLessThan(1);
    expect(int4 / 4752).toBeGreaterThan(0.95);
    expect(int4 / 4752).toBeLessThan(1);
  });

  it('W4A16 crosses over ~3.7× earlier than BF16: same 16-bit compute, 16/4.16 fewer bytes on linear layers (lm_head stays BF16)', () => {
    const bf16 = decodeStep(base).crossoverBatch;
    const w4 = decodeStep({ ...base, weights: 'int4-g128' }).crossoverBatch;
    // ratio ≈ W_bf16 / W_w4 = 139,006,066,688 / 37,666,455,552 = 3.69
    expect(bf16 / w4).toBeGreaterThan(3.5);
    expect(bf16 / w4).toBeLessThan(16 / bitsPerWeight('int4-g128'));
  });

  it('W8A8 INT8 runs its GEMMs on INT8 tensor cores at 2× the BF16 peak; the whole step gains less (small ops and attention do not speed up)', () => {
    // H100 SXM datasheet: INT8 1,979 vs BF16 989 TOPS dense
    const big = { ...base, batch: 8192 };
    const int8 = decodeStep({ ...big, weights: 'int8-w8a8' });
    const bf16 = decodeStep(big);
    expect(int8.computeDtype).toBe('int8');
    expect(int8.bound).toBe('compute');
    expect(bf16.operators.gemm.seconds / int8.operators.gemm.seconds).toBeCloseTo(1979 / 989, 6);
    const stepRatio = int8.tokensPerSecondTotal / bf16.tokensPerSecondTotal;
    expect(stepRatio).toBeGreaterThan(1.8);
    expect(stepRatio).toBeLessThan(2);
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
    // crossover by bisection: the GEMMs' compute and memory times meet there
    const at = decodeStep({ ...base, model: 'mixtral-8x7b', batch: Math.round(one.crossoverBatch) });
    expect(at.operators.gemm.computeSeconds / at.operators.gemm.memorySeconds).toBeCloseTo(1, 2);
  });

  it('tensor parallelism divides compute and traffic by the GPU count and adds two all-reduces per layer', () => {
    const one = decodeStep({ ...base, batch: 16, contextTokens: 4096 });
    const four = decodeStep({ ...base, batch: 16, contextTokens: 4096, gpuCount: 4 });
    // ring all-reduce of 16 × 8,192 × 2 B = 262,144 B: 2·3/4 × 262,144 B / 450e9 B/s (NVLink 4 per direction), 160 per step
    const allReduce = 160 * 1.5 * (262_144 / 450e9);
    expect(four.operators.allReduce.seconds).toBeCloseTo(allReduce, 15);
    expect(four.secondsPerToken).toBeCloseTo(one.secondsPerToken / 4 + allReduce, 12);
    expect(one.operators.allReduce.seconds).toBe(0);
    expect(four.bytesRead).toBe(one.bytesRead);
  });

  it('long context: KV reads dominate, attention stays memory-bound (H/Hkv = 8 FLOPs per KV byte), the GEMM crossover does not move', () => {
    const step = decodeStep({ ...base, weights: 'int4-g128', batch: 64, contextTokens: 32_768 });
    expect(step.kvBytesRead).toBeGreaterThan(step.weightBytesRead);
    expect(step.operators.attention.bound).toBe('memory');
    expect(step.crossoverBatch).toBe(decodeStep({ ...base, weights: 'int4-g128' }).crossoverBatch);
    // (37,666,439,168 B / 3.35e12) / (2 × 69,501,714,432 / 989e12 − 16,384 / 3.35e12) = 11.244 ms / 0.14055 ms ≈ 80.0
    // (≈ 295 × 4.156 / 16 ≈ 77 if the BF16 lm_head were 4-bit too)
    expect(step.crossoverBatch).toBeGreaterThan(79.5);
    expect(step.crossoverBatch).toBeLessThan(80.5);
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

    it('secondsPerToken is the sum of the operators, at least the pooled bound and at most both roofs added', () => {
      fc.assert(
        fc.property(arbInput, (input) => {
          const s = decodeStep(input);
          const o = s.operators;
          expect(s.secondsPerToken).toBe(
            o.gemm.seconds + o.attention.seconds + o.smallOps.seconds + o.allReduce.seconds,
          );
          expect(s.secondsPerToken).toBeGreaterThanOrEqual(
            Math.max(s.memoryTimeSeconds, s.computeTimeSeconds) * (1 - 1e-12),
          );
          expect(s.secondsPerToken).toBeLessThanOrEqual((s.memoryTimeSeconds + s.computeTimeSeconds) * (1 + 1e-12));
          expect(o.gemm.seconds).toBe(Math.max(o.gemm.memorySeconds, o.gemm.computeSeconds));
          expect(s.bound === 'compute').toBe(o.gemm.computeSeconds > o.gemm.memorySeconds);
          if (s.expected) expect(s.expected.secondsPerToken).toBeGreaterThanOrEqual(s.secondsPerToken * (1 - 1e-9)); // expected is never faster than the ceiling
          expect(s.tokensPerSecondTotal).toBeCloseTo(input.batch * s.tokensPerSecondPerSequence, 6);
        }),
      );
    });

    it('more bandwidth or more compute is never slower', () => {
      fc.assert(
        fc.property(
          arbInput,
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          (input, e1, e2) => {
            const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
            const slowBw = decodeStep({ ...input, efficiency: { bandwidth: lo } }).secondsPerToken;
            const fastBw = decodeStep({ ...input, efficiency: { bandwidth: hi } }).secondsPerToken;
            expect(fastBw).toBeLessThanOrEqual(slowBw);
            const slowC = decodeStep({ ...input, efficiency: { compute: lo } }).secondsPerToken;
            const fastC = decodeStep({ ...input, efficiency: { compute: hi } }).secondsPerToken;
            expect(fastC).toBeLessThanOrEqual(slowC);
          },
        ),
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
    expect(() => decodeStep({ ...base, efficiency: { bandwidth: 0 } })).toThrow(
      /^efficiency.bandwidth must be greater than 0/,
    );
    expect(() => decodeStep({ ...base, efficiency: { compute: 1.5 } })).toThrow(
      /^efficiency.compute must be at most 1/,
    );
    expect(() => decodeStep({ ...base, weights: 'int3' })).toThrow(/^weights: /);
    expect(() => decodeStep({ ...base, gpu: 'tpu-v5' })).toThrow(/^gpu: /);
  });
});
