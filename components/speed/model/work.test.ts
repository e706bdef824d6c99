import { describe, expect, it } from 'vitest';
import { decodeStep } from '@/lib/perf/decodeStep';
import { prefillRoofline } from '@/lib/perf/prefillTime';
import { decodeWork, prefillWork } from './work';
import { libErrorField } from './errors';

const input = {
  model: 'llama-3.1-70b',
  weights: 'int4-g128',
  gpu: 'h100-sxm',
  gpuCount: 1,
  batch: 16,
  contextTokens: 1024,
  kvBits: 16,
};

describe('decodeWork(input, step)', () => {
  it('fills in the numbers: 16 × 1,024 × 327,680 B of KV (320 KiB per token, docs/provenance.md §7)', () => {
    const lines = decodeWork(input, decodeStep(input));
    expect(lines.map((l) => l.label)).toEqual([
      'Weights read',
      'KV cache read',
      'Bytes read per step',
      'Linear-layer FLOPs',
      'Attention FLOPs',
      'Weight GEMMs',
      'Attention over the KV cache',
      'Norms, residuals, SiLU, RoPE',
      'All-reduce',
      'Step time (ceiling)',
    ]);
    expect(lines[1]!.formula).toBe('16 sequences × 1,024 cached tokens × 327,680 B per token');
    expect(lines[1]!.value).toBe('5.37 GB (5.00 GiB)'); // 16 × 1,024 × 327,680 = 5,368,709,120 B = 5 GiB
    expect(lines[3]!.formula).toBe('2 × 69,501,714,432 weights each token multiplies × 16 sequences');
    expect(lines[5]!.formula).toMatch(/FP16 989 TFLOPS/);
    expect(lines[5]!.formula).toMatch(/memory-bound/); // batch 16 < the W4A16 GEMM crossover (≈ 80)
    expect(lines[6]!.formula).toMatch(/memory-bound/); // attention over the cache: always
    expect(lines[8]!.formula).toBe('none on one GPU');
    expect(lines[9]!.formula).toMatch(/times add/);
    for (const l of lines) expect(`${l.formula} ${l.value}`).not.toMatch(/NaN|Infinity|undefined/);
  });
  it('mentions GPUs, KV copies and MoE experts when they apply', () => {
    const tp = { ...input, gpuCount: 8 };
    expect(decodeWork(tp, decodeStep(tp))[5]!.formula).toMatch(/× 8 GPUs/);
    expect(decodeWork(tp, decodeStep(tp))[8]!.formula).toMatch(/NVLink 4: 900 GB\/s/);
    const moe = { ...input, model: 'mixtral-8x7b', weights: 'bf16', batch: 4 };
    expect(decodeWork(moe, decodeStep(moe))[0]!.formula).toMatch(/routed experts touched/);
    const mla = { ...input, model: 'deepseek-v2-lite', weights: 'bf16', gpuCount: 2 };
    expect(decodeWork(mla, decodeStep(mla))[1]!.formula).toMatch(/2 copies across GPUs/);
  });
});

describe('prefillWork(input, result)', () => {
  it('shows a 4,096-token BF16 prefill: GEMMs compute-bound (576 ms), ≈ 631 ms in all (lib/perf prefillTime test)', () => {
    const r = prefillRoofline({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', promptTokens: 4096 });
    const lines = prefillWork({ gpu: 'h100-sxm', gpuCount: 1, promptTokens: 4096 }, r);
    expect(lines[1]!.formula).toMatch(/compute-bound/);
    expect(lines[1]!.value).toBe('576 ms');
    expect(lines[3]!.value).toBe('631 ms');
  });
  it('shows a 128-token prefill as memory-bound: below the ridge a prompt behaves like decode', () => {
    const r = prefillRoofline({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpu: 'h100-sxm', promptTokens: 128 });
    expect(prefillWork({ gpu: 'h100-sxm', gpuCount: 1, promptTokens: 128 }, r)[1]!.formula).toMatch(/memory-bound/);
  });
});

describe('libErrorField(message)', () => {
  it('maps lib messages to the calculator field they name', () => {
    expect(libErrorField("gpuCount must divide the model's 64 attention heads for tensor parallelism (got 3)")).toBe(
      'gpus',
    );
    expect(libErrorField('batch must be a whole number of sequences from 1 to 100,000 (got 0)')).toBe('batch');
    expect(libErrorField('contextTokens must be a whole number of tokens from 1 to 10,000,000 (got 0)')).toBe(
      'context',
    );
    expect(libErrorField('weights: Unknown weight format: x')).toBe('weights');
    expect(libErrorField('gpu: Unknown GPU: x')).toBe('gpu');
    expect(libErrorField('kvBits must be greater than 0 (got 0)')).toBe('kv');
    expect(libErrorField('something else')).toBeNull();
  });
});
