import { describe, expect, it } from 'vitest';
import { getGpu } from '@/lib/hardware';
import { getModel } from '@/lib/models';
import { availableFormula, gpuFitTable, memoryOutcome, memoryResults } from './results';
import { CUSTOM_MODEL, MEMORY_DEFAULTS, parseMemoryState } from './urlState';

const llama70b = getModel('llama-3.1-70b').spec;
const setup = {
  spec: llama70b,
  weights: 'int8-w8a8',
  kvBits: 16,
  contextTokens: 4096,
  batch: 8,
  gpu: 'a100-80gb-sxm',
  gpuCount: 1,
  memoryUtilization: 1,
};

describe('memoryOutcome: engine and DeepSeek-V3.2 cache', () => {
  it("the engine choice changes a sliding-window model's KV term, and the breakdown says whose rule", () => {
    // Gemma-2-9B on an H100 (vLLM's 8,192 batched tokens), 1 × 8,192: sliding layers reserve
    // (cdiv(min(4,095 + 8,192, 8,192), 16) + 1) × 16 = 8,208 tokens under vLLM; llama.cpp GGML_PAD(min(8,192, 4,096 + 512), 256) = 4,608.
    const base = {
      ...MEMORY_DEFAULTS,
      model: 'gemma-2-9b',
      weights: 'bf16',
      context: '8192',
      batch: '1',
      gpu: 'h100-sxm',
    };
    const vllm = memoryOutcome(parseMemoryState({ ...base, engine: 'vllm' }));
    const cpp = memoryOutcome(parseMemoryState({ ...base, engine: 'llama.cpp' }));
    if (!vllm.ok || !cpp.ok) throw new Error('expected results');
    expect(vllm.results.fit.estimate.kvCacheBytes).toBe(8192 * (21 * 8192 + 21 * 8208));
    expect(cpp.results.fit.estimate.kvCacheBytes).toBe(8192 * (21 * 8192 + 21 * 4608));
    expect(vllm.results.fit.estimate.terms[1]!.formula).toContain(
      'KV reserved as vLLM does: window − 1 + batched tokens, in 16-token blocks',
    );
  });
  it('the DeepSeek-V3.2 cache sizes MLA models by its layout and is refused, on the KV field, for others', () => {
    const ok = memoryOutcome(
      parseMemoryState({
        ...MEMORY_DEFAULTS,
        model: 'deepseek-v3',
        weights: 'fp8-w8a8',
        kv: 'fp8-deepseek-v3.2',
        gpu: 'h200-sxm',
        gpus: '8',
      }),
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.blockers));
    expect(ok.results.kvFormula.bytesPerToken).toBe(61 * 788);
    const bad = memoryOutcome(parseMemoryState({ ...MEMORY_DEFAULTS, kv: 'fp8-deepseek-v3.2' }));
    expect(bad).toEqual({
      ok: false,
      blockers: [
        {
          field: 'kv',
          message: expect.stringMatching(/^kvLayout: the FP8 MLA cache layout applies to MLA models only/),
        },
      ],
    });
  });
});

describe('memoryResults(setup)', () => {
  it('Llama-3.1-70B INT8 on one A100 80GB with all memory holds 8 sequences of 4,096 tokens, not 9 (lib/sizing fitOnGpu tests)', () => {
    const r = memoryResults(setup);
    expect(r.fit.fits).toBe(true);
    expect(r.fit.maxBatchAtContext).toBe(8);
    expect(r.fit.estimate.weightsBytes).toBe(72_656_371_712); // 72.7 GB (67.7 GiB)
    expect(r.fit.availableBytes).toBe((81_920 - 480) * 2 ** 20); // CUDA total: nvidia-smi 81,920 MiB − 480 MiB driver reserve
    expect(memoryResults({ ...setup, batch: 9 }).fit.fits).toBe(false);
  });
  it("at vLLM's default 0.92 the same card holds 3 (the calculator's default cap)", () => {
    expect(memoryResults({ ...setup, memoryUtilization: 0.92 }).fit.maxBatchAtContext).toBe(3);
  });
  it('the bar stacks the four terms of the estimate against the available memory', () => {
    const r = memoryResults(setup);
    expect(r.bar.segments.map((s) => s.id)).toEqual(['weights', 'kvCache', 'activations', 'overhead']);
    expect(r.bar.totalBytes).toBe(r.fit.requiredBytes);
    expect(r.bar.availableBytes).toBe(r.fit.availableBytes);
    expect(r.bar.overflows).toBe(false);
  });
  it('show-the-work pieces: bits per weight, KV formula, available memory', () => {
    const r = memoryResults(setup);
    expect(r.bits.formula).toBe('8 + 16/in_features ≈ 8'); // per-channel scale, lib/formats
    expect(r.kvFormula.formula).toBe('2 × 80 layers × 8 KV heads × 128 head_dim × 2 B');
    expect(r.availableFormula).toBe(
      '81,440 MiB as CUDA reports it × 1 GPU × 1.00 gpu_memory_utilization = 85.4 GB (79.5 GiB)',
    );
  });
});

describe('availableFormula', () => {
  it('writes the vLLM cap and the GPU count', () => {
    expect(availableFormula(getGpu('h100-sxm'), 2, 0.92)).toBe(
      '81,079 MiB as CUDA reports it × 2 GPUs × 0.92 gpu_memory_utilization = 156.4 GB (145.7 GiB)',
    );
  });
});

describe('gpuFitTable(setup)', () => {
  it('BF16 Llama-3.1-70B (141.1 GB of weights) at batch 1 × 4,096, all memory: two H100s, four A100 40GB, one H200, none of 8 T4s', () => {
    const rows = gpuFitTable({ ...setup, weights: 'bf16', batch: 1 });
    const min = (id: string) => rows.find((r) => r.gpu.id === id)!.minGpus;
    expect(min('h100-sxm')).toBe(2); // lib/sizing minGpusToFit example
    expect(min('a100-40gb-sxm')).toBe(4);
    // 131.4 GiB of weights + 0.25 GiB non-torch + 1.25 GiB of KV + 1.97 GiB activation peak < 139.9 GiB CUDA total (143,291 MiB)
    expect(min('h200-sxm')).toBe(1);
    // at vLLM's 0.92: 0.92 × 139.9 = 128.7 GiB < 131.4 GiB of weights: a second H200
    expect(
      gpuFitTable({ ...setup, weights: 'bf16', batch: 1, memoryUtilization: 0.92 }).find(
        (r) => r.gpu.id === 'h200-sxm',
      )!.minGpus,
    ).toBe(2);
    expect(min('mi300x')).toBe(1);
    expect(min('t4')).toBeNull(); // 8 × 15 GiB = 120 GiB < 131.4 GiB
  });
  it('lists every catalog GPU once, with per-GPU use and headroom where it fits', () => {
    const rows = gpuFitTable(setup);
    expect(rows).toHaveLength(13);
    for (const r of rows) {
      if (r.minGpus === null) expect(r.perGpuBytes).toBeNull();
      else {
        expect(r.tried).toContain(r.minGpus);
        expect(r.headroomBytes).toBeGreaterThanOrEqual(0);
        expect(r.perGpuBytes).toBeLessThanOrEqual(r.perGpuAvailableBytes);
      }
    }
  });
});

describe('memoryOutcome(state)', () => {
  it('valid state: results', () => {
    expect(memoryOutcome(parseMemoryState(MEMORY_DEFAULTS)).ok).toBe(true);
  });
  it('invalid numbers: the fields to fix, with their messages, and no results', () => {
    const o = memoryOutcome(parseMemoryState({ ...MEMORY_DEFAULTS, batch: 'abc', context: '' }));
    expect(o).toEqual({
      ok: false,
      blockers: [
        { field: 'context', message: 'Context length is required (1–131,072).' },
        { field: 'batch', message: 'Batch size must be a number (got "abc").' },
      ],
    });
  });
  it('custom model without a config: blocks on the config only', () => {
    const o = memoryOutcome(parseMemoryState({ ...MEMORY_DEFAULTS, model: CUSTOM_MODEL }, ''));
    expect(o.ok).toBe(false);
    expect(!o.ok && o.blockers.map((b) => b.field)).toEqual(['config']);
  });
  it('an error lib/sizing raises anyway is caught and put on the field it names', () => {
    const state = { ...parseMemoryState(MEMORY_DEFAULTS), gpuCount: 3 };
    const o = memoryOutcome(state);
    expect(o.ok).toBe(false);
    expect(!o.ok && o.blockers[0]).toMatchObject({
      field: 'gpus',
      message: expect.stringMatching(/^gpuCount must divide the model's 64 attention heads/),
    });
  });
});
