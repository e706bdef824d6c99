import { describe, expect, it } from 'vitest';
import { getGpu } from '@/lib/hardware';
import {
  expertsTouched,
  figuresUsed,
  formatBandwidth,
  kvAttentionIntensity,
  ridgePoint,
  weightIntensity,
} from './figures';

describe('formatBandwidth(bytesPerSecond)', () => {
  it('prints datasheet bandwidths as written (docs/provenance.md §6)', () => {
    expect(formatBandwidth(3.35e12)).toBe('3.35 TB/s');
    expect(formatBandwidth(2.039e12)).toBe('2.039 TB/s');
    expect(formatBandwidth(864e9)).toBe('864 GB/s');
    expect(() => formatBandwidth(0)).toThrow(RangeError);
  });
});

describe('figuresUsed(gpu, dtypes)', () => {
  it('lists bandwidth and each dtype peak with its sources (H100 SXM: datasheet copy, secondary)', () => {
    const rows = figuresUsed(getGpu('h100-sxm'), ['int8', 'bf16', 'bf16']);
    expect(rows.map((r) => [r.label, r.value, r.status])).toEqual([
      ['Memory bandwidth', '3.35 TB/s', 'secondary'],
      ['INT8 dense tensor peak', '1,979 TOPS', 'secondary'],
      ['BF16 dense tensor peak', '989 TFLOPS', 'secondary'],
    ]);
    expect(rows[0]!.sourceIds).toEqual(['nvidia-h100-datasheet']);
  });
  it('flags the H100 NVL peaks as unverified (docs/provenance.md §6 ⚠️)', () => {
    const rows = figuresUsed(getGpu('h100-nvl'), ['bf16']);
    expect(rows[1]!.status).toBe('unverified');
  });
  it('throws for a dtype the GPU has no peak for (A100 FP8)', () => {
    expect(() => figuresUsed(getGpu('a100-80gb-sxm'), ['fp8'])).toThrow();
  });
});

describe('ridgePoint(gpu, dtype)', () => {
  it('H100 SXM BF16: 989e12 / 3.35e12 ≈ 295 FLOP/byte; A100 80GB BF16: 312e12 / 2.039e12 ≈ 153', () => {
    expect(ridgePoint(getGpu('h100-sxm'), 'bf16')).toBeCloseTo(989 / 3.35, 9);
    expect(ridgePoint(getGpu('a100-80gb-sxm'), 'bf16')).toBeCloseTo(312 / 2.039, 9);
  });
});

describe('weightIntensity(weights, batch)', () => {
  it('2 FLOPs per weight per sequence over the bytes of one weight', () => {
    expect(weightIntensity('bf16', 1)).toBe(1);
    expect(weightIntensity('bf16', 64)).toBe(64);
    expect(weightIntensity('int4-g128', 1)).toBeCloseTo(16 / 4.15625, 12);
    expect(() => weightIntensity('bf16', 0)).toThrow(RangeError);
    expect(() => weightIntensity('nope', 1)).toThrow(/Unknown weight format/);
  });
});

describe('kvAttentionIntensity(model, kvBits)', () => {
  it('is heads / KV heads for a 16-bit GQA cache: Llama-3.1-70B 64 / 8 = 8 FLOP/byte (docs/provenance.md §7 config)', () => {
    expect(kvAttentionIntensity('llama-3.1-70b', 16)).toBe(8);
    expect(kvAttentionIntensity('llama-3.1-70b', 8)).toBe(16);
  });
});

describe('expertsTouched(model, batch)', () => {
  it('Mixtral (8 experts, top-2): 2 at batch 1, 8·(1 − 0.75⁴) = 5.46875 at batch 4', () => {
    expect(expertsTouched('mixtral-8x7b', 1)).toEqual({ touched: 2, routedExperts: 8, perToken: 2 });
    expect(expertsTouched('mixtral-8x7b', 4).touched).toBeCloseTo(5.46875, 12);
    expect(() => expertsTouched('llama-3.1-70b', 1)).toThrow(/dense/);
    expect(() => expertsTouched('mixtral-8x7b', 0)).toThrow(RangeError);
  });
});
