import { describe, expect, it } from 'vitest';
import { prefillRoofline, prefillTime } from './prefillTime';

const base = { model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', promptTokens: 4096 };

describe('prefillTime(input) / prefillRoofline(input)', () => {
  it('Llama-3.1-70B BF16, one 4,096-token prompt on H100 SXM: compute-bound, ≈ 0.60 s', () => {
    // linear: 2 × 69,501,714,432 × 4,096 = 5.6936e14 FLOPs
    // attention: 4 × 80 × 64 × 128 × (4,096 × 4,097 / 2) = 2.1996e13 FLOPs
    // (5.6936e14 + 2.1996e13) / 989e12 = 0.5979 s; weights 1.39e11 B / 3.35e12 = 0.0419 s
    const r = prefillRoofline(base);
    expect(r.linearFlops).toBe(2 * 69_501_714_432 * 4096);
    expect(r.attentionFlops).toBe(4 * 80 * 64 * 128 * ((4096 * 4097) / 2));
    expect(r.bound).toBe('compute');
    expect(r.seconds).toBeCloseTo((r.linearFlops + r.attentionFlops) / 989e12, 12);
    expect(prefillTime(base)).toBeCloseTo(0.598, 3);
  });

  it('weight-only 4-bit does not speed up a compute-bound prefill; W8A8 INT8 halves the linear-layer time', () => {
    const bf16 = prefillTime(base);
    expect(prefillTime({ ...base, weights: 'int4-g128' })).toBeCloseTo(bf16, 12); // same FLOPs at the same 16-bit peak
    const int8 = prefillRoofline({ ...base, weights: 'int8-w8a8' });
    // linear at 1,979 TOPS, attention still at 989 TFLOPS
    expect(int8.seconds).toBeCloseTo(int8.linearFlops / 1979e12 + int8.attentionFlops / 989e12, 12);
    expect(bf16 / int8.seconds).toBeGreaterThan(1.9);
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
