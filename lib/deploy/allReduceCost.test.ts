import { describe, expect, it } from 'vitest';
import { tensorParallelAllReduce } from './allReduceCost';

const TP2 = { model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpuCount: 2 } as const;

describe('tensorParallelAllReduce(setup, pass)', () => {
  it('Llama-3.1-70B (80 layers, hidden 8,192, HF config): 160 all-reduces, 2 × 8,192 × 2 B = 32,768 B per layer per token', () => {
    const r = tensorParallelAllReduce({ ...TP2, gpu: 'h100-sxm' }, { decodeBatch: 1 });
    expect(r.allReduces).toBe(160);
    expect(r.bytesPerAllReduce).toBe(16384);
    expect(r.bytesPerLayerPerToken).toBe(32768);
    expect(r.bytesPerPass).toBe(160 * 16384); // 2,621,440 B per decoded token
  });

  it('ring time 2(N − 1)/N · S / B per all-reduce (nccl-tests PERFORMANCE.md), per-direction link bandwidth from the GPU catalog', () => {
    // NVLink 4, 450 GB/s per direction: 160 × 1 × 16,384 / 450e9 = 5.825 µs for one decoded token
    expect(tensorParallelAllReduce({ ...TP2, gpu: 'h100-sxm' }, { decodeBatch: 1 }).seconds).toBeCloseTo(
      (160 * 16384) / 450e9,
      15,
    );
    // H100 PCIe (Gen5 x16, 64 GB/s per direction), a 4,096-token prefill: 160 × 4,096 × 16,384 / 64e9 = 0.16777216 s
    const p = tensorParallelAllReduce({ ...TP2, gpu: 'h100-pcie' }, { promptTokens: 4096 });
    expect(p.bytesPerPass).toBe(4096 * 2621440);
    expect(p.seconds).toBeCloseTo(0.16777216, 10);
    expect(p.seconds).toBeLessThan(p.passSeconds);
    // 4 GPUs move 2 × 3/4 = 1.5× the payload of 2 GPUs' 1×
    const four = tensorParallelAllReduce({ ...TP2, gpu: 'h100-sxm', gpuCount: 4 }, { decodeBatch: 8 });
    const two = tensorParallelAllReduce({ ...TP2, gpu: 'h100-sxm' }, { decodeBatch: 8 });
    expect(four.seconds / two.seconds).toBeCloseTo(1.5, 12);
  });

  it('refuses one GPU (no all-reduce to cost)', () => {
    expect(() => tensorParallelAllReduce({ ...TP2, gpu: 'h100-sxm', gpuCount: 1 }, { decodeBatch: 1 })).toThrow(
      /gpuCount must be 2 or more/,
    );
  });
});
