import { describe, expect, it } from 'vitest';
import { GPUS, getGpu } from '../hardware';
import { bitsPerWeight, FORMATS } from '../formats';
import { speedupCeiling } from './speedupCeiling';
import { effectiveComputeDtype } from './computeDtype';

describe('speedupCeiling({ gpu, weights, baseline })', () => {
  it('the post\'s "8-bit gives 1.5–2×": the W8A8 compute-bound ceiling is peak(int8)/peak(bf16) = 2 on A100 and H100', () => {
    // A100: 624 / 312 = 2 exactly; H100 SXM: 1,979 / 989 = 2.001 (datasheet sparse figures halved)
    expect(speedupCeiling({ gpu: 'a100-80gb-sxm', weights: 'int8-w8a8' }).computeBoundRatio).toBe(2);
    expect(speedupCeiling({ gpu: 'h100-sxm', weights: 'int8-w8a8' }).computeBoundRatio).toBeCloseTo(2, 2);
    expect(speedupCeiling({ gpu: 'h100-sxm', weights: 'fp8-w8a8' }).computeBoundRatio).toBeCloseTo(2, 2);
    // weight-only INT8 (W8A16) dequantises to BF16: no compute-bound gain
    expect(speedupCeiling({ gpu: 'h100-sxm', weights: 'int8-w8a16' }).computeBoundRatio).toBe(1);
  });

  it('weight-only 4-bit: memory-bound ceiling = 16 / bits per weight = 16 / 4.15625 ≈ 3.85, compute-bound 1', () => {
    const c = speedupCeiling({ gpu: 'h100-sxm', weights: 'int4-g128' });
    expect(bitsPerWeight('int4-g128')).toBe(4.15625);
    expect(c.memoryBoundRatio).toBeCloseTo(3.8496, 4);
    expect(c.computeBoundRatio).toBe(1);
    // Marlin README: ideal ≈ 3.87× = 16 / 4.125 for symmetric g128
    expect(speedupCeiling({ gpu: 'a100-80gb-sxm', weights: 'int4-g128-sym' }).memoryBoundRatio).toBeCloseTo(3.8788, 4);
  });

  it('the post\'s "5× throughput": no 4-bit-or-wider format reaches 5× over BF16 on any catalog GPU, in either regime', () => {
    for (const gpu of GPUS) {
      for (const format of FORMATS.filter((f) => bitsPerWeight(f.id) >= 4)) {
        expect(speedupCeiling({ gpu: gpu.id, weights: format.id }).ceiling, `${format.id} on ${gpu.id}`).toBeLessThan(
          5,
        );
      }
    }
  });

  it('FP8 on A100 has no FP8 tensor cores: compute-bound ratio 1 (weight-only), memory-bound 2', () => {
    const c = speedupCeiling({ gpu: 'a100-80gb-sxm', weights: 'fp8-w8a8' });
    expect(c.candidateComputeDtype).toBe('bf16');
    expect(c.computeBoundRatio).toBe(1);
    expect(c.memoryBoundRatio).toBe(2);
  });
});

describe('speedupCeiling errors', () => {
  it('unknown ids throw, naming the field', () => {
    expect(() => speedupCeiling({ gpu: 'h100-sxm', weights: 'int3' })).toThrow(/^weights: /);
    expect(() => speedupCeiling({ gpu: 'h100-sxm', weights: 'bf16', baseline: 'fp64' })).toThrow(/^baseline: /);
    expect(() => speedupCeiling({ gpu: 'v100', weights: 'bf16' })).toThrow(/^gpu: /);
  });
});

describe('effectiveComputeDtype(requested, gpu)', () => {
  it('keeps a dtype the GPU has; falls back to 16-bit where it has none', () => {
    expect(effectiveComputeDtype('fp8', getGpu('h100-sxm'))).toEqual({
      dtype: 'fp8',
      requested: 'fp8',
      fellBack: false,
      note: null,
    });
    expect(effectiveComputeDtype('fp8', getGpu('a100-80gb-sxm')).dtype).toBe('bf16');
    expect(effectiveComputeDtype('int4', getGpu('h100-sxm')).dtype).toBe('bf16'); // Hopper has no INT4 tensor cores
    expect(effectiveComputeDtype('int4', getGpu('a100-80gb-sxm')).dtype).toBe('int4');
    expect(effectiveComputeDtype('bf16', getGpu('t4'))).toMatchObject({ dtype: 'fp16', fellBack: true }); // Turing: FP16 only
    expect(effectiveComputeDtype('fp4', getGpu('b200')).dtype).toBe('fp4');
  });
});
