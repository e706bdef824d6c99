import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getGpu } from '@/lib/hardware';
import { weightBytes } from '@/lib/sizing';
import { batchOneDecodeCeiling } from './decodeCeiling';

const base = { model: 'llama-3.1-70b', contextTokens: 8192 } as const;

describe('batchOneDecodeCeiling', () => {
  it('gives W4A16 on one H100 SXM about 83 tokens/s at 8,192 cached tokens', () => {
    // lib/perf decodeStep doc: 37,666,783,232 B read per token at 1 token of context, i.e.
    // 37,666,455,552 B of weights (+ one embedding row) + 327,680 B of KV. At 8,192 tokens the
    // KV read is 8,192 × 327,680 = 2,684,354,560 B → 40,350,810,112 B; plus 80 × 339,968 B of norm and
    // activation traffic (lib/perf small ops) → 40,378,007,552 B; 3.35e12 / that = 82.97.
    const c = batchOneDecodeCeiling({ ...base, weights: 'int4-g128', gpu: 'h100-sxm' });
    expect(c.gpuCount).toBe(1);
    expect(c.tokensPerSecond).toBeCloseTo(82.97, 2);
    // expected on the measured kernels: slower than the ceiling, and only where a calibration covers the GPU
    expect(c.expectedTokensPerSecond).not.toBeNull();
    expect(c.expectedTokensPerSecond!).toBeLessThan(c.tokensPerSecond!);
    expect(
      batchOneDecodeCeiling({ ...base, weights: 'int4-g128', gpu: 'a100-80gb-sxm' }).expectedTokensPerSecond,
    ).toBeNull();
    expect(c.computeDtype).toBe('fp16');
    expect(c.fellBack).toBe(false);
  });

  it('puts BF16 on two H100s, whose bandwidth adds up (the all-reduces add only ~6 µs at batch 1)', () => {
    // 141.1 GB of BF16 weights > 0.92 × 85.5 GB of one H100. Bytes read: 141,107,412,992 − the
    // 2,101,346,304 B embedding (a gather) + a 16,384 B row + 2,684,354,560 B KV = 141,690,437,632 B;
    // 2 × 3.35e12 / that = 47.29 tokens/s.
    const c = batchOneDecodeCeiling({ ...base, weights: 'bf16', gpu: 'h100-sxm' });
    expect(c.gpuCount).toBe(2);
    expect(c.tokensPerSecond).toBeCloseTo(47.29, 1);
  });

  it("needs two H200s for BF16 at vLLM's 0.92 but one with the whole card", () => {
    // H200: 143,771 MiB = 150.75 GB reported; × 0.92 = 138.7 GB < 141.1 GB of weights. At 1.0 the
    // weights, 2.7 GB of KV, the workspace and 1,000 MiB of overhead fit in 150.75 GB.
    expect(batchOneDecodeCeiling({ ...base, weights: 'bf16', gpu: 'h200-sxm' }).gpuCount).toBe(2);
    expect(batchOneDecodeCeiling({ ...base, weights: 'bf16', gpu: 'h200-sxm', memoryUtilization: 1 }).gpuCount).toBe(1);
  });

  it('runs FP8 weight-only on an A100 (no FP8 tensor cores), at the same batch-1 speed as INT8 W8A16', () => {
    const fp8 = batchOneDecodeCeiling({ ...base, weights: 'fp8-w8a8', gpu: 'a100-80gb-sxm' });
    const int8 = batchOneDecodeCeiling({ ...base, weights: 'int8-w8a16', gpu: 'a100-80gb-sxm' });
    expect(fp8.fellBack).toBe(true);
    expect(fp8.computeDtype).toBe('bf16');
    expect(int8.fellBack).toBe(false);
    expect(fp8.tokensPerSecond).toBeCloseTo(int8.tokensPerSecond!, 6);
  });

  it('returns nulls when the largest group allowed is not enough', () => {
    // BF16 70B on 2 × RTX 4090 (2 × 25.8 GB reported) cannot hold 141.1 GB.
    expect(batchOneDecodeCeiling({ ...base, weights: 'bf16', gpu: 'rtx-4090', maxGpuCount: 2 })).toEqual({
      gpuCount: null,
      tokensPerSecond: null,
      expectedTokensPerSecond: null,
      computeDtype: null,
      fellBack: false,
    });
  });

  it('names the field for bad input', () => {
    expect(() => batchOneDecodeCeiling({ ...base, weights: 'int4-g128', gpu: 'h100-sxm', contextTokens: 0 })).toThrow(
      /contextTokens/,
    );
    expect(() => batchOneDecodeCeiling({ ...base, weights: 'nope', gpu: 'h100-sxm' })).toThrow(/weights/);
    expect(() => batchOneDecodeCeiling({ ...base, weights: 'int4-g128', gpu: 'nope' })).toThrow(/gpu/);
  });

  it('never beats N × bandwidth / linear-weight bytes, and slows down as the context grows', () => {
    const formats = ['bf16', 'fp8-w8a8', 'int8-w8a16', 'int4-g128', 'nf4-dq'];
    const gpus = ['h100-sxm', 'h200-sxm', 'a100-80gb-sxm', 'l40s'];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.constantFrom(...gpus),
        fc.integer({ min: 1, max: 16_384 }),
        fc.integer({ min: 1, max: 16_384 }),
        (weights, gpu, a, b) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          const s = batchOneDecodeCeiling({ model: 'llama-3.1-70b', weights, gpu, contextTokens: short });
          const l = batchOneDecodeCeiling({ model: 'llama-3.1-70b', weights, gpu, contextTokens: long });
          if (s.gpuCount === null || s.tokensPerSecond === null) return;
          const bound =
            (s.gpuCount * getGpu(gpu).bandwidthBytesPerSecond) / weightBytes('llama-3.1-70b', weights).linearBytes;
          expect(s.tokensPerSecond).toBeLessThanOrEqual(bound);
          if (l.gpuCount === s.gpuCount) expect(l.tokensPerSecond!).toBeLessThanOrEqual(s.tokensPerSecond);
        },
      ),
      { numRuns: 60 },
    );
  });
});
