import { describe, expect, it } from 'vitest';
import { prefillRoofline, prefillTime } from './prefillTime';

const base = { model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', promptTokens: 4096 };

describe('prefillTime(input) / prefillRoofline(input)', () => {
  it('Llama-3.1-70B BF16, one 4,096-token prompt on H100 SXM: compute-bound, ≈ 0.63 s', () => {
    // linear: 2 × 69,501,714,432 × 4,096 = 5.6936e14 FLOPs → 0.5757 s at 989e12
    // attention: 4 × 80 × 64 × 128 × (4,096 × 4,097 / 2) = 2.1996e13 FLOPs → 0.0222 s
    // small ops: 4,096 × 80 × 339,968 B = 1.114e11 B → 0.0333 s at 3.35e12 B/s
    // (the weights, 1.39e11 B / 3.35e12 = 0.0415 s, hide under the GEMMs' compute)
    const r = prefillRoofline(base);
    expect(r.linearFlops).toBe(2 * 69_501_714_432 * 4096);
    expect(r.attentionFlops).toBe(4 * 80 * 64 * 128 * ((4096 * 4097) / 2));
    expect(r.bound).toBe('compute');
    expect(r.seconds).toBeCloseTo((r.linearFlops + r.attentionFlops) / 989e12 + (4096 * 80 * 339_968) / 3.35e12, 12);
    expect(prefillTime(base)).toBeCloseTo(0.631, 3);
  });

  it('weight-only 4-bit does not speed up a compute-bound prefill (ceiling); W8A8 INT8 halves the GEMM time', () => {
    const bf16 = prefillRoofline(base);
    expect(prefillTime({ ...base, weights: 'int4-g128' })).toBeCloseTo(bf16.seconds, 12); // same FLOPs at the same 16-bit peak
    const int8 = prefillRoofline({ ...base, weights: 'int8-w8a8' });
    // linear at 1,979 TOPS, attention still at 989 TFLOPS, small ops unchanged
    expect(int8.operators.gemm.seconds).toBeCloseTo(int8.linearFlops / 1979e12, 12);
    expect(int8.operators.attention.seconds).toBeCloseTo(bf16.operators.attention.seconds, 12);
    expect(bf16.seconds / int8.seconds).toBeGreaterThan(1.8);
  });

  it('short prompts are memory-bound below the ridge, where 4-bit prefill beats FP8 (review F03)', () => {
    // GEMM intensity ≈ tokens FLOP per BF16 byte: ridge ≈ 989e12 / 3.35e12 ≈ 295 tokens for BF16 (and FP8: 2× peak, ½ bytes)
    const fp8At128 = prefillRoofline({ ...base, weights: 'fp8-w8a8', promptTokens: 128 });
    const int4At128 = prefillRoofline({ ...base, weights: 'int4-g128', promptTokens: 128 });
    expect(fp8At128.bound).toBe('memory');
    expect(prefillRoofline({ ...base, promptTokens: 256 }).bound).toBe('memory');
    expect(prefillRoofline({ ...base, promptTokens: 320 }).bound).toBe('compute');
    expect(int4At128.seconds).toBeLessThan(fp8At128.seconds);
    // and above the ridge FP8 wins
    expect(prefillTime({ ...base, weights: 'fp8-w8a8', promptTokens: 2048 })).toBeLessThan(
      prefillTime({ ...base, weights: 'int4-g128', promptTokens: 2048 }),
    );
  });

  it('a one-token prompt is memory-bound (it is a decode step)', () => {
    expect(prefillRoofline({ ...base, promptTokens: 1 }).bound).toBe('memory');
  });

  it('grows with prompt length and batch', () => {
    expect(prefillTime({ ...base, promptTokens: 8192 })).toBeGreaterThan(2 * prefillTime(base)); // attention is quadratic
    expect(prefillTime({ ...base, batch: 2 })).toBeCloseTo(2 * prefillTime(base), 9);
  });

  it('caps sliding-window attention: Gemma-2-9B attends fewer pairs than a full-attention model would', () => {
    const r = prefillRoofline({ model: 'gemma-2-9b', weights: 'bf16', gpu: 'h100-sxm', promptTokens: 8192 });
    // 42 layers × 16 heads × 256 head_dim; 21 full layers see 8,192·8,193/2 pairs, 21 windowed layers
    // 4,096·4,097/2 + 4,096 × 4,096
    const perPair = 2 * 16 * (256 + 256);
    const pairs = 21 * ((8192 * 8193) / 2) + 21 * ((4096 * 4097) / 2 + 4096 * 4096);
    expect(r.attentionFlops).toBeCloseTo(perPair * pairs, -3);
  });

  it('rejects bad input naming the field', () => {
    expect(() => prefillTime({ ...base, promptTokens: 0 })).toThrow(/^promptTokens must be a whole number of tokens/);
    expect(() => prefillTime({ ...base, batch: 0 })).toThrow(/^batch/);
  });
});
