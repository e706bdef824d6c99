import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BYTES_PER_GIB } from '../units';
import {
  readVllmLog,
  VLLM_LOG_MAX_CHARS,
  VLLM_LOG_MAX_LINE_CHARS,
  type VllmLogQuantity,
  type VllmLogReading,
} from './vllmLog';
import {
  LOG_V0_19_LLAMA_70B_FP8_TP2,
  LOG_V0_19_LLAMA_8B_TP1,
  LOG_V0_6_4_LLAMA_8B_RTX3090,
  LOG_V0_6_5_LLAMA_3_8B_TP1,
  LOG_V0_8_3_DEEPSEEK_R1_AWQ_TP16,
  LOG_V1_EARLY_LLAMA_70B_W8A8,
} from './testVllmLogs';

const GiB = (x: number) => x * BYTES_PER_GIB;

/** Expected values: the logs' own printed figures (sources in testVllmLogs.ts), converted with 1 GiB = 2^30 B. */
function expectQuantities(r: VllmLogReading, expected: Partial<Record<VllmLogQuantity, number>>) {
  for (const [q, value] of Object.entries(expected) as [VllmLogQuantity, number][]) {
    expect(r.quantities[q]?.value, q).toBeCloseTo(value, 0);
  }
}

describe('readVllmLog: real start-up logs of five vLLM wordings', () => {
  it('v0.19.0, Llama-3.1-8B TP 1 (llm-d-planner d3121e0): every quantity, its line, and the engine settings', () => {
    const r = readVllmLog(LOG_V0_19_LLAMA_8B_TP1);
    expectQuantities(r, {
      weights: GiB(14.99), // "Model loading took 14.99 GiB memory"
      activationPeak: GiB(1.89), // "torch peak memory increase: 1.89GiB"
      nonTorch: GiB(0.25), // "non-torch forward increase memory: 0.25GiB"
      kvCache: GiB(58.11), // "Available KV cache memory: 58.11 GiB"
      kvTokens: 476_016, // "GPU KV cache size: 476,016 tokens"
      maxConcurrency: 58.11, // "Maximum concurrency for 8,192 tokens per request: 58.11x"
      requested: GiB(75.23), // "worker requested memory: 75.23GiB"
      cudaTotal: GiB(79.19), // "Free memory on device (78.68/79.19 GiB)"
    });
    expect(r.missing).toEqual([]);
    expect(r.quantities.weights?.line).toBe(7);
    expect(r.quantities.weights?.excerpt).toContain('Model loading took 14.99 GiB');
    expect(r.quantities.kvTokens?.line).toBe(10);
    expect(r.settings).toMatchObject({
      version: '0.19.0',
      engine: 'V1',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      dtype: 'bfloat16',
      kvCacheDtype: 'auto',
      maxModelLen: 8192,
      tensorParallelSize: 1,
      gpuMemoryUtilization: 0.95,
      maxNumBatchedTokens: 8192, // "Defaulting max_num_batched_tokens to 8192"
      maxNumSeqs: 1024, // "Defaulting max_num_seqs to 1024"
    });
    expect(r.settings.quantization).toBeUndefined(); // "quantization=None"
  });

  it('v0.19.0, Llama-3.3-70B FP8 TP 2: per-GPU figures, TP and quantization from the engine line', () => {
    const r = readVllmLog(LOG_V0_19_LLAMA_70B_FP8_TP2);
    expectQuantities(r, {
      weights: GiB(33.88),
      activationPeak: GiB(1.96),
      nonTorch: GiB(2.1),
      kvCache: GiB(37.28),
      kvTokens: 244_304,
      maxConcurrency: 29.82,
    });
    expect(r.settings).toMatchObject({
      tensorParallelSize: 2,
      quantization: 'compressed-tensors',
      model: 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic',
    });
  });

  it('v0.8.3rc2 (V0, PR #14447): "the current vLLM instance can use …", one line for four terms; no block line', () => {
    const r = readVllmLog(LOG_V0_8_3_DEEPSEEK_R1_AWQ_TP16);
    expectQuantities(r, {
      weights: GiB(21.21), // "model weights take 21.21GiB"
      nonTorch: GiB(0.2), // "non_torch_memory takes 0.20GiB"
      activationPeak: GiB(0.37), // "PyTorch activation peak memory takes 0.37GiB"
      kvCache: GiB(1.57), // "the rest of the memory reserved for KV Cache is 1.57GiB"
      requested: GiB(23.35), // "… = 23.35GiB"
      cudaTotal: GiB(23.58), // "total_gpu_memory (23.58GiB)"
    });
    expect(r.missing).toEqual(['kvTokens', 'maxConcurrency']);
    expect(r.settings).toMatchObject({
      version: '0.8.3rc2.dev224+g49c0d11ec',
      engine: 'V0',
      quantization: 'awq_marlin',
      tensorParallelSize: 16,
      maxModelLen: 2048,
      gpuMemoryUtilization: 0.99,
    });
  });

  it('v0.6.5 (PR #10511): the table of "Memory profiling results", and the model from the pasted command', () => {
    const r = readVllmLog(LOG_V0_6_5_LLAMA_3_8B_TP1);
    expectQuantities(r, {
      weights: GiB(14.96),
      nonTorch: GiB(1.79),
      activationPeak: GiB(1.26),
      kvCache: GiB(53.29),
      requested: GiB(71.29),
      cudaTotal: GiB(79.22),
    });
    expect(r.missing).toEqual(['kvTokens', 'maxConcurrency']);
    expect(r.settings).toMatchObject({ model: 'meta-llama/Meta-Llama-3-8B', gpuMemoryUtilization: 0.9, engine: 'V0' });
    // The table is internally consistent: 79.22 × 0.90 = 71.30 ≈ 71.29; 71.29 − 14.96 − 1.79 − 1.26 = 53.28 ≈ 53.29.
    expect(79.22 * 0.9).toBeCloseTo(71.29, 1);
  });

  it('vLLM of Dec 2024 (issue #10517): "GB" is GiB, the activation peak is peak_torch_memory − weights, blocks × 16 = tokens', () => {
    const r = readVllmLog(LOG_V0_6_4_LLAMA_8B_RTX3090);
    expectQuantities(r, {
      weights: GiB(14.9888), // "Loading model weights took 14.9888 GB" (vLLM divides by 2^30)
      activationPeak: GiB(17.98 - 14.9888), // peak_torch_memory=17.98GiB includes the weights
      nonTorch: GiB(0.35),
      kvCache: GiB(2.89), // kv_cache_size=2.89GiB
      kvTokens: 23_648, // 1,478 blocks × 16; the log's own next line: "stored in KV cache (23648)"
      maxConcurrency: 0.82,
    });
    expect(r.quantities.kvTokens?.derived).toBe('1478 blocks × 16 tokens per block');
    expect(r.quantities.activationPeak?.derived).toContain('peak_torch_memory');
    // 23,648 / 29,000 = 0.815, printed "0.82x": the 16-token block holds.
    expect(23_648 / 29_000).toBeCloseTo(0.82, 2);
    expect(r.settings).toMatchObject({ maxModelLen: 29000, gpuMemoryUtilization: 0.9, engine: 'V0' });
  });

  it('early V1 (PR #12569): "# GPU blocks: 1381" without CPU blocks; the command line gives model, length and utilization', () => {
    const r = readVllmLog(LOG_V1_EARLY_LLAMA_70B_W8A8);
    expectQuantities(r, { weights: GiB(67.7229), kvTokens: 1381 * 16, maxConcurrency: 10.79 });
    // 1,381 × 16 / 2,048 = 10.789: the printed "10.79x".
    expect((1381 * 16) / 2048).toBeCloseTo(10.79, 2);
    expect(r.missing).toEqual(['activationPeak', 'nonTorch', 'kvCache']);
    expect(r.settings).toMatchObject({
      model: 'neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w8a8',
      maxModelLen: 2048,
      gpuMemoryUtilization: 0.98,
    });
    expect(r.settings.engine).toBeUndefined();
  });
});

describe('readVllmLog: what it must not read', () => {
  it('the v0.19 start-up snapshot "non_torch_memory=0.51GiB" (the CUDA context) is not the profiled non-torch memory', () => {
    // llm-d-planner d3121e0, …/meta-llama-llama-3-1-8b---h100-80gb--tp1pp1dp1--8192.log line 74.
    const snapshot =
      '(EngineCore pid=242) DEBUG 04-22 00:03:47 [v1/worker/gpu_worker.py:284] worker init memory snapshot: torch_peak=0.0GiB, free_memory=78.68GiB, total_memory=79.19GiB, cuda_memory=0.51GiB, torch_memory=0.0GiB, non_torch_memory=0.51GiB, timestamp=1776816227.5468106, auto_measure=True';
    const r = readVllmLog(snapshot);
    expect(r.quantities.nonTorch).toBeUndefined();
    expect(r.quantities.cudaTotal?.value).toBeCloseTo(GiB(79.19), 0);
  });

  it('a garbled number is listed as unreadable, never NaN, and the quantity is missing', () => {
    const r = readVllmLog(
      'INFO [gpu_worker.py:436] Available KV cache memory: 5x.1 GiB\nGPU KV cache size: lots tokens',
    );
    expect(r.quantities.kvCache).toBeUndefined();
    expect(r.missing).toContain('kvCache');
    expect(r.unreadable.map((u) => u.quantity)).toEqual(['kvCache', 'kvTokens']);
    expect(r.unreadable[0]?.line).toBe(1);
  });

  it("keeps the first value and lists other workers' different values", () => {
    const r = readVllmLog(
      'Available KV cache memory: 34.96 GiB\nAvailable KV cache memory: 34.78 GiB\nAvailable KV cache memory: 34.96 GiB',
    );
    expect(r.quantities.kvCache?.value).toBeCloseTo(GiB(34.96), 0);
    expect(r.quantities.kvCache?.otherValues.map((v) => v / BYTES_PER_GIB)).toEqual([34.78]);
  });

  it('empty input: nothing found, every core quantity missing', () => {
    const r = readVllmLog('');
    expect(r.quantities).toEqual({});
    expect(r.missing).toHaveLength(6);
  });

  it('cuts the input at 2,000,000 characters and a line at 20,000', () => {
    const long = `${'x'.repeat(VLLM_LOG_MAX_LINE_CHARS)} Available KV cache memory: 1 GiB\nAvailable KV cache memory: 2 GiB`;
    const r = readVllmLog(long);
    expect(r.longLines).toBe(1);
    expect(r.quantities.kvCache?.value).toBe(GiB(2));
    const huge = readVllmLog(`${'\n'.repeat(VLLM_LOG_MAX_CHARS)}Available KV cache memory: 1 GiB`);
    expect(huge.truncated).toBe(true);
    expect(huge.quantities.kvCache).toBeUndefined();
  });
});

describe('readVllmLog: any input', () => {
  const fragments = [
    'Available KV cache memory: ',
    'GPU KV cache size: ',
    'Maximum concurrency for ',
    ' tokens per request: ',
    '# GPU blocks: ',
    'model weights take ',
    'non_torch_memory',
    'Memory profiling results: ',
    'peak_torch_memory=',
    'with config: ',
    "non-default args: {'",
    'vllm serve ',
    ' --max-model-len ',
    'version ',
    'LLM engine (v',
    'GiB',
    'GB',
    '1',
    '0.5',
    '-3',
    ',',
    '.',
    '=',
    ':',
    ' ',
    '\n',
    '\r',
    '(',
    "'",
    'x',
  ];
  const arbLog = fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string(), fc.double().map(String)), { maxLength: 200 })
    .map((a) => a.join(''));

  it('never throws and never yields a non-finite value or a negative count', () => {
    fc.assert(
      fc.property(arbLog, (text) => {
        const r = readVllmLog(text);
        for (const v of Object.values(r.quantities)) {
          expect(Number.isFinite(v.value)).toBe(true);
          expect(v.line).toBeGreaterThanOrEqual(1);
          expect(v.line).toBeLessThanOrEqual(r.lineCount);
        }
        for (const v of Object.values(r.settings)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        expect(r.missing.every((q) => r.quantities[q] === undefined)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a real log the same with garbage around it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (before, after) => {
        const r = readVllmLog(`${before.replaceAll('\n', ' ')}\n${LOG_V0_19_LLAMA_8B_TP1}\n${after}`);
        expect(r.quantities.kvTokens?.value).toBe(476_016);
        expect(r.quantities.kvCache?.value).toBeCloseTo(GiB(58.11), 0);
      }),
      { numRuns: 50 },
    );
  });

  it('1 MB of adversarial text parses in well under 100 ms (best of three runs)', () => {
    const MB = 1_000_000;
    const cases: Record<string, string> = {
      digits: '1'.repeat(MB),
      commasAndDots: '1,1.'.repeat(MB / 4),
      newlines: '\n'.repeat(MB),
      shortLines: 'abcdefghijkl\n'.repeat(MB / 13),
      phraseLines: 'Available KV cache memory: 1\n'.repeat(MB / 29),
      garbledUnits: 'Available KV cache memory: x GiB\n'.repeat(MB / 33),
      concurrency: 'Maximum concurrency for 1 tokens per request: 2x\n'.repeat(MB / 49),
      configLines: 'with config: model=x, dtype=y\n'.repeat(MB / 30),
      triggerSoup: 'KV Cacheversionutilization# GPU blocks:'.repeat(MB / 39),
      triggerLines: 'version utilization KV Cache\n'.repeat(MB / 29),
      oneLongLine: `Available KV cache memory: ${'9'.repeat(MB)}`,
    };
    for (const [name, text] of Object.entries(cases)) {
      readVllmLog(text); // warm up
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        readVllmLog(text);
        best = Math.min(best, performance.now() - t0);
      }
      expect(best, name).toBeLessThan(100);
    }
  });
});
