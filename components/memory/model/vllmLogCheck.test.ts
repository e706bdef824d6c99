import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getGpu } from '@/lib/hardware';
import { BYTES_PER_GIB } from '@/lib/units';
import {
  LOG_V0_19_LLAMA_70B_FP8_TP2,
  LOG_V0_19_LLAMA_8B_TP1,
  LOG_V0_6_4_LLAMA_8B_RTX3090,
  LOG_V0_6_5_LLAMA_3_8B_TP1,
  LOG_V0_8_3_DEEPSEEK_R1_AWQ_TP16,
  LOG_V1_EARLY_LLAMA_70B_W8A8,
} from '@/lib/sizing/testVllmLogs';
import { MEMORY_DEFAULTS, parseMemoryState, type MemoryStateText } from './urlState';
import {
  catalogModelForLog,
  compareVllmLog,
  gpuForCudaTotal,
  kvBitsForLog,
  weightFormatForLog,
  type LogCheckOutcome,
} from './vllmLogCheck';

const calculator = (patch: Partial<MemoryStateText> = {}) => parseMemoryState({ ...MEMORY_DEFAULTS, ...patch });

function ok(outcome: LogCheckOutcome) {
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}
const row = (o: ReturnType<typeof ok>, id: string) => {
  const r = o.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
const gibDiff = (o: ReturnType<typeof ok>, id: string) =>
  (row(o, id).oursValue - row(o, id).loggedValue) / BYTES_PER_GIB;

describe('compareVllmLog on real logs (sources in lib/sizing/testVllmLogs.ts)', () => {
  it('v0.19.0 Llama-3.1-8B TP 1 on H100: set-up read from the log, every term within 0.05 GiB', () => {
    const o = ok(compareVllmLog(LOG_V0_19_LLAMA_8B_TP1, calculator())); // calculator on its defaults: 70B INT4 on A100
    expect(o.version).toBe('vLLM 0.19.0 (V1)');
    expect(o.missingMessage).toBeNull();
    expect(o.setup).toMatchObject({
      modelName: 'Llama-3.1-8B',
      weights: 'bf16',
      kvBits: 16,
      gpuCount: 1,
      memoryUtilization: 0.95,
      contextTokens: 8192,
      maxNumSeqs: 1024,
      maxBatchedTokens: 8192,
    });
    expect(o.setup.gpu.id).toBe('h100-sxm'); // 79.19 GiB CUDA total
    expect(o.rows.map((r) => r.id)).toEqual([
      'cudaTotal',
      'requested',
      'weights',
      'activationPeak',
      'nonTorch',
      'kvCache',
      'kvTokens',
      'maxConcurrency',
    ]);
    // Logged: 14.99 / 1.89 / 0.25 / 58.11 GiB (the log's lines); ours from fitOnGpu with the same settings.
    for (const id of ['weights', 'activationPeak', 'nonTorch', 'kvCache'])
      expect(Math.abs(gibDiff(o, id)), id).toBeLessThan(0.05);
    expect(row(o, 'weights').logged).toBe('14.99 GiB');
    expect(row(o, 'kvTokens').logged).toBe('476,016 tokens');
    expect(Math.abs(row(o, 'kvTokens').oursValue / 476_016 - 1)).toBeLessThan(0.005);
    expect(row(o, 'maxConcurrency').logged).toBe('58.11×');
    expect(row(o, 'kvCache').explanation).toMatch(/inside the model's uncertainty of 1\.8 GiB per GPU/);
    expect(row(o, 'kvCache').line).toBe(9);
  });

  it('v0.19.0 Llama-3.3-70B FP8 TP 2: FP8 format from compressed-tensors + the repo name, TP 2, per-GPU rows', () => {
    const o = ok(compareVllmLog(LOG_V0_19_LLAMA_70B_FP8_TP2, calculator()));
    expect(o.setup).toMatchObject({ modelName: 'Llama-3.3-70B-Instruct', weights: 'fp8-w8a8', gpuCount: 2 });
    // Logged 33.88 / 1.96 / 2.1 / 37.28 GiB per GPU.
    for (const id of ['weights', 'activationPeak', 'nonTorch', 'kvCache'])
      expect(Math.abs(gibDiff(o, id)), id).toBeLessThan(0.1);
    expect(row(o, 'nonTorch').explanation).toContain('1.8 GiB for NCCL');
    expect(Math.abs(row(o, 'maxConcurrency').oursValue - 29.82)).toBeLessThan(0.15);
  });

  it("v0.8.3rc2 V0 (PR #14447): the model is not in the catalog, so the calculator's is used and named; missing lines named", () => {
    const o = ok(compareVllmLog(LOG_V0_8_3_DEEPSEEK_R1_AWQ_TP16, calculator({ model: 'llama-3.1-8b' })));
    expect(o.setup.notes[0]).toMatch(/the log's \/models\/wanzhenchn_DeepSeek-R1-AWQ\/ is not in the catalog/);
    expect(o.setup).toMatchObject({ weights: 'int4-g128', gpuCount: 16, memoryUtilization: 0.99, contextTokens: 2048 });
    expect(o.setup.gpu.id).toBe('rtx-3090'); // 23.58 GiB is within 0.3 GiB of the RTX 3090's CUDA total
    expect(o.missingMessage).toBe(
      'Not found in the log: KV cache tokens ("GPU KV cache size: N tokens", "# GPU blocks"); Maximum concurrency ("Maximum concurrency for N tokens per request").',
    );
    expect(row(o, 'weights').explanation).toMatch(/not INT4 group-128 .* throughout .* or not this model/);
  });

  it('v0.6.5 (PR #10511) with the calculator on Llama-3.1-8B BF16: V0 profiling defaults and the non-torch gap explained', () => {
    const o = ok(
      compareVllmLog(
        LOG_V0_6_5_LLAMA_3_8B_TP1,
        calculator({ model: 'llama-3.1-8b', weights: 'bf16', context: '8192' }),
      ),
    );
    expect(o.version).toBe('vLLM V0 (version not printed)');
    expect(o.setup).toMatchObject({
      maxNumSeqs: 256,
      maxBatchedTokens: 8192,
      memoryUtilization: 0.9,
      contextTokens: 8192,
    });
    expect(Math.abs(gibDiff(o, 'weights'))).toBeLessThan(0.05); // 14.96 GiB logged
    expect(gibDiff(o, 'nonTorch')).toBeCloseTo(0.25 - 1.79, 2); // "non_torch_memory 1.79GiB" vs ours 0.25 GiB
    expect(row(o, 'nonTorch').explanation).toMatch(/V0 releases measured it differently/);
    // KV: 53.29 GiB logged; the calibration's residual for this log is +1.78 GiB (lib/sizing/vllmLogs.test.ts).
    expect(Math.abs(gibDiff(o, 'kvCache'))).toBeLessThanOrEqual(1.8);
  });

  it('Dec 2024 V0 (issue #10517) with the calculator on BF16: blocks × 16 against our tokens, derived rows say so', () => {
    const o = ok(compareVllmLog(LOG_V0_6_4_LLAMA_8B_RTX3090, calculator({ model: 'llama-3.1-8b', weights: 'bf16' })));
    expect(o.setup.gpu.id).toBe('rtx-3090');
    expect(row(o, 'kvTokens').derived).toBe('1478 blocks × 16 tokens per block');
    expect(row(o, 'activationPeak').derived).toMatch(/peak_torch_memory 17\.98 GiB − weights 14\.9888 GB/);
    expect(Math.abs(gibDiff(o, 'weights'))).toBeLessThan(0.05); // "Loading model weights took 14.9888 GB" (GiB)
    expect(row(o, 'kvTokens').explanation).toContain('block count × 16');
  });

  it('early V1 (PR #12569): model and W8A8 format from the command line; weights agree within 0.1 %', () => {
    const o = ok(compareVllmLog(LOG_V1_EARLY_LLAMA_70B_W8A8, calculator({ gpu: 'h100-sxm' })));
    expect(o.setup).toMatchObject({
      modelName: 'Llama-3.1-70B',
      weights: 'int8-w8a8',
      memoryUtilization: 0.98,
      contextTokens: 2048,
    });
    // "Loading model weights took 67.7229 GB" (GiB) vs 72,656,371,712 B = 67.67 GiB (lib/sizing estimateMemory's example)
    expect(Math.abs(row(o, 'weights').oursValue / row(o, 'weights').loggedValue - 1)).toBeLessThan(0.001);
    expect(o.missingMessage).toMatch(/^Not found in the log: Activation peak .*; Non-torch memory .*; KV cache memory/);
  });
});

describe('compareVllmLog: bad input', () => {
  it('empty, garbage and garbled logs give a message, never a crash', () => {
    expect(compareVllmLog('', calculator())).toEqual({
      ok: false,
      error: 'Paste the start-up log of a vLLM server first.',
    });
    const garbage = compareVllmLog('hello\nworld, this is not a log', calculator());
    expect(garbage.ok).toBe(false);
    expect(!garbage.ok && garbage.error).toMatch(
      /^No vLLM memory lines found in 2 lines\. Looked for "Model loading took"/,
    );
    const garbled = compareVllmLog('Available KV cache memory: 5x GiB', calculator());
    expect(!garbled.ok && garbled.error).toMatch(/could not read the number on line 1 \(KV cache memory\)/);
  });

  it('a custom model without a config and no model in the log: asks for one', () => {
    const o = compareVllmLog('Available KV cache memory: 5 GiB', calculator({ model: 'custom' }));
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error).toMatch(/choose a model, or paste its config\.json/);
  });

  it('a TP size the model cannot split over is reported, not thrown', () => {
    const o = compareVllmLog(
      "non-default args: {'model': 'meta-llama/Llama-3.1-8B', 'tensor_parallel_size': 3}\nAvailable KV cache memory: 5 GiB",
      calculator(),
    );
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error).toMatch(/gpuCount must divide the model's 32 attention heads/);
  });

  it('any text: no throw, and every figure shown is free of NaN and Infinity', () => {
    const pieces = [
      'Available KV cache memory: ',
      'GPU KV cache size: ',
      'Maximum concurrency for ',
      ' tokens per request: ',
      'model weights take ',
      '0',
      '1e309',
      '-2',
      '5',
      'GiB',
      '\n',
      "non-default args: {'tensor_parallel_size': ",
      "'max_model_len': ",
      "'gpu_memory_utilization': ",
      '}',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 40 }),
        (parts) => {
          const o = compareVllmLog(parts.join(''), calculator());
          const text = JSON.stringify(
            o.ok
              ? o.rows.map(({ logged, ours, difference, percent, explanation }) => [
                  logged,
                  ours,
                  difference,
                  percent,
                  explanation,
                ])
              : o.error,
          );
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('helpers', () => {
  it('catalogModelForLog: longest catalog id that prefixes the repo name', () => {
    expect(catalogModelForLog('meta-llama/Llama-3.1-8B-Instruct')?.id).toBe('llama-3.1-8b');
    expect(catalogModelForLog('RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic')?.id).toBe('llama-3.3-70b-instruct');
    expect(catalogModelForLog('neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w8a8')?.id).toBe('llama-3.1-70b');
    expect(catalogModelForLog('mistralai/Mixtral-8x7B-Instruct-v0.1')?.id).toBe('mixtral-8x7b');
    expect(catalogModelForLog('/models/llama-3.1-80b')).toBeNull();
    expect(catalogModelForLog('meta-llama/Meta-Llama-3-8B')).toBeNull();
  });

  it('weightFormatForLog and kvBitsForLog', () => {
    expect(
      weightFormatForLog({ quantization: 'compressed-tensors', model: 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic' }),
    ).toBe('fp8-w8a8');
    expect(weightFormatForLog({ quantization: 'awq_marlin' })).toBe('int4-g128');
    expect(weightFormatForLog({ dtype: 'bfloat16' })).toBe('bf16');
    expect(weightFormatForLog({ quantization: 'compressed-tensors', model: 'x/Llama-w4a16' })).toBe('int4-g128-sym');
    expect(weightFormatForLog({ quantization: 'something-new' })).toBeNull();
    expect(kvBitsForLog({ kvCacheDtype: 'fp8_e4m3' })).toBe(8);
    expect(kvBitsForLog({ kvCacheDtype: 'auto', dtype: 'float32' })).toBe(32);
    expect(kvBitsForLog({})).toBeNull();
  });

  it('gpuForCudaTotal: the preferred card when within 0.3 GiB, else the nearest; A100 80GB and H100 are told apart', () => {
    const h100 = getGpu('h100-sxm');
    const a100 = getGpu('a100-80gb-sxm');
    expect(gpuForCudaTotal(79.19 * BYTES_PER_GIB, a100)?.id).toBe('h100-sxm'); // A100 80GB reports 79.53 GiB
    expect(gpuForCudaTotal(79.19 * BYTES_PER_GIB, getGpu('h100-pcie'))?.id).toBe('h100-pcie');
    expect(gpuForCudaTotal(79.53 * BYTES_PER_GIB, h100)?.id).toBe('a100-80gb-sxm');
    expect(gpuForCudaTotal(5 * BYTES_PER_GIB, h100)).toBeNull();
  });
});
