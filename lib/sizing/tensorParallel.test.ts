import { describe, expect, it } from 'vitest';
import { BYTES_PER_GB } from '@/lib/units';
import { tensorParallelSplit, tensorParallelSizes } from './tensorParallel';

describe('tensorParallelSizes(model, max)', () => {
  it('lists the divisors of the attention heads (Llama-3.1-70B: 64 heads, config.json)', () => {
    expect(tensorParallelSizes('llama-3.1-70b')).toEqual([1, 2, 4, 8]);
    expect(tensorParallelSizes('llama-3.1-70b', 64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    // Gemma-7B: 16 heads
    expect(tensorParallelSizes('gemma-7b', 64)).toEqual([1, 2, 4, 8, 16]);
  });

  it('rejects a bad maximum and an unknown model', () => {
    expect(() => tensorParallelSizes('llama-3.1-70b', 0)).toThrow(/maxGpuCount/);
    expect(() => tensorParallelSizes('no-such-model')).toThrow(/model/);
  });
});

describe('tensorParallelSplit({ model, weights, gpuCount })', () => {
  it('one GPU holds everything', () => {
    const note = tensorParallelSplit({ model: 'llama-3.1-70b', weights: 'int4-g128', gpuCount: 1 });
    expect(note.kvReplication).toBe(1);
    expect(note.kvHeadsPerGpu).toBe(8);
  });

  it('TP=2 splits the weights in half and the 8 KV heads 4 + 4 (lib/sizing kvReplicationFactor)', () => {
    // FP8 weights of Llama-3.1-70B: 72,656,371,712 B (lib/sizing weightBytes example, int8 layout) / 2
    const note = tensorParallelSplit({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpuCount: 2 });
    expect(note.weightsPerGpuBytes / BYTES_PER_GB).toBeCloseTo(36.33, 1);
    expect(note.kvHeadsPerGpu).toBe(4);
    expect(note.kvReplication).toBe(1);
  });

  it('past the KV-head count the cache is replicated (16 GPUs over 8 KV heads: 2 copies)', () => {
    const note = tensorParallelSplit({ model: 'llama-3.1-70b', weights: 'bf16', gpuCount: 16 });
    expect(note.kvReplication).toBe(2);
  });

  it('MLA keeps the latent cache whole on every GPU (DeepSeek-V3)', () => {
    const note = tensorParallelSplit({ model: 'deepseek-v3', weights: 'fp8-w8a8', gpuCount: 8 });
    expect(note.kvHeadsPerGpu).toBeNull();
    expect(note.kvReplication).toBe(8);
  });

  it('rejects a GPU count that does not divide the heads', () => {
    expect(() => tensorParallelSplit({ model: 'llama-3.1-70b', weights: 'bf16', gpuCount: 3 })).toThrow(/gpuCount/);
  });
});
