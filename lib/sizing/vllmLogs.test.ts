import { describe, expect, it } from 'vitest';
import { getGpu } from '../hardware';
import { hasSource } from '../sources';
import { BYTES_PER_GIB } from '../units';
import { fitOnGpu, type FitInput } from './fitOnGpu';
import { VLLM_KV_UNCERTAINTY_BYTES_PER_GPU, cudaTotalBytes } from './vllmCalibration';

/**
 * Published vLLM start-up logs, replayed through fitOnGpu with the settings each log
 * prints (gpu_memory_utilization, tensor_parallel_size, max_num_batched_tokens,
 * max_num_seqs). Expected values are the logs' own lines, quoted.
 */
interface PublishedLog {
  name: string;
  /** Where the log is (sources catalog id + file or comment). */
  source: string;
  vllmVersion: string;
  /** The log lines the expected values are read from. */
  lines: string[];
  input: FitInput;
  /** "Available KV cache memory", GiB per GPU. */
  kvGiBPerGpu: number;
  /** "GPU KV cache size", tokens (for logs that print only GiB: GiB × 2^30 / KV bytes per token, rounded down). */
  kvTokens: number;
}

const H100 = getGpu('h100-sxm');
// max_num_batched_tokens 8192 / max_num_seqs 1024: "Defaulting max_num_batched_tokens to 8192 for OPENAI_API_SERVER
// usage context." / "Defaulting max_num_seqs to 1024 for OPENAI_API_SERVER usage context." (v0.19.0 logs, H100).
const V019 = {
  gpu: H100,
  memoryUtilization: 0.95,
  maxBatchedTokens: 8192,
  maxNumSeqs: 1024,
  kvBits: 16,
  contextTokens: 8192,
  batch: 1,
};
const V019_DIR = 'llm-d-planner-vllm-v0.19-logs: llm-d-incubation/llm-d-planner accuracy/results/v0.19.0/logs/';

const LOGS: [PublishedLog, PublishedLog, PublishedLog, PublishedLog, PublishedLog, PublishedLog] = [
  {
    name: 'Llama-3.1-8B-Instruct BF16, TP 1, H100',
    source: `${V019_DIR}meta-llama-llama-3-1-8b---h100-80gb--tp1pp1dp1--8192.log`,
    vllmVersion: '0.19.0',
    lines: [
      "non-default args: {… 'max_model_len': 8192, 'gpu_memory_utilization': 0.95, …}",
      'worker requested memory: 75.23GiB',
      'Total non KV cache memory: 17.12GiB; torch peak memory increase: 1.89GiB; non-torch forward increase memory: 0.25GiB; weights memory: 14.99GiB.',
      'Available KV cache memory: 58.11 GiB',
      'GPU KV cache size: 476,000 tokens',
    ],
    input: { ...V019, model: 'llama-3.1-8b', weights: 'bf16' },
    kvGiBPerGpu: 58.11,
    kvTokens: 476_000,
  },
  {
    name: 'Llama-3.1-8B-Instruct BF16, TP 2, H100',
    source: `${V019_DIR}meta-llama-llama-3-1-8b---h100-80gb--tp2pp1dp1--8192.log`,
    vllmVersion: '0.19.0',
    lines: [
      "non-default args: {… 'max_model_len': 8192, 'tensor_parallel_size': 2, 'gpu_memory_utilization': 0.95, …}",
      'Total non KV cache memory: 11.47GiB; torch peak memory increase: 1.89GiB; non-torch forward increase memory: 2.07GiB; weights memory: 7.51GiB.',
      'Available KV cache memory: 63.76 GiB',
      'GPU KV cache size: 1,044,688 tokens',
    ],
    input: { ...V019, model: 'llama-3.1-8b', weights: 'bf16', gpuCount: 2 },
    kvGiBPerGpu: 63.76,
    kvTokens: 1_044_688,
  },
  {
    name: 'Llama-3.3-70B-Instruct FP8-dynamic, TP 2, H100',
    source: `${V019_DIR}fp8dyn-llama-3-3-70b--h100-80gb--tp2pp1dp1--8192.log`,
    vllmVersion: '0.19.0',
    lines: [
      "non-default args: {'model_tag': 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', … 'max_model_len': 8192, 'tensor_parallel_size': 2, 'gpu_memory_utilization': 0.95, …}",
      'Total non KV cache memory: 37.95GiB; torch peak memory increase: 1.96GiB; non-torch forward increase memory: 2.1GiB; weights memory: 33.88GiB.',
      'Available KV cache memory: 37.28 GiB',
      'GPU KV cache size: 244,304 tokens',
      'Maximum concurrency for 8,192 tokens per request: 29.82x',
    ],
    input: { ...V019, model: 'llama-3.3-70b-instruct', weights: 'fp8-w8a8', gpuCount: 2 },
    kvGiBPerGpu: 37.28,
    kvTokens: 244_304,
  },
  {
    name: 'Llama-3.3-70B-Instruct FP8-dynamic, TP 4, H100',
    source: `${V019_DIR}fp8dyn-llama-3-3-70b--h100-80gb--tp4pp1dp1--8192.log`,
    vllmVersion: '0.19.0',
    lines: [
      'Total non KV cache memory: 21.14GiB; torch peak memory increase: 1.97GiB; non-torch forward increase memory: 2.21GiB; weights memory: 16.96GiB.',
      'Available KV cache memory: 54.09 GiB',
      'GPU KV cache size: 708,992 tokens',
    ],
    input: { ...V019, model: 'llama-3.3-70b-instruct', weights: 'fp8-w8a8', gpuCount: 4 },
    kvGiBPerGpu: 54.09,
    kvTokens: 708_992,
  },
  {
    name: 'Mixtral-8x7B-Instruct BF16, TP 2, H100',
    source: `${V019_DIR}mistralai-mixtral-8x7b-i--h100-80gb--tp2pp1dp1--8192.log`,
    vllmVersion: '0.19.0',
    lines: [
      'Total non KV cache memory: 46.79GiB; torch peak memory increase: 1.21GiB; non-torch forward increase memory: 2.07GiB; weights memory: 43.51GiB.',
      'Available KV cache memory: 28.44 GiB',
      'GPU KV cache size: 465,936 tokens',
    ],
    input: { ...V019, model: 'mixtral-8x7b', weights: 'bf16', gpuCount: 2 },
    kvGiBPerGpu: 28.44,
    kvTokens: 465_936,
  },
  {
    name: 'Meta-Llama-3-8B BF16, TP 1, H100 (vLLM V0)',
    source: 'vllm-pr-10511: vllm-project/vllm PR #10511, youkaichao comment of 2024-12-14 ("Some sanity checks")',
    vllmVersion: '0.6.5 (development build)',
    lines: [
      '$ vllm serve meta-llama/Meta-Llama-3-8B',
      'total_gpu_memory     79.22GiB',
      'gpu_memory_utilization       0.90',
      'model weights take   14.96GiB',
      'non_torch_memory     1.79GiB',
      'PyTorch activation peak memory       1.26GiB',
      'available_kv_cache_memory    53.29GiB',
    ],
    // V0 defaults then: max_num_seqs 256; chunked prefill off below 32k context, so the profiling pass
    // runs max_model_len = 8,192 tokens. Llama-3-8B has Llama-3.1-8B's shape (32 layers, 8 KV heads, 128,256 vocab).
    input: {
      gpu: H100,
      memoryUtilization: 0.9,
      maxBatchedTokens: 8192,
      maxNumSeqs: 256,
      kvBits: 16,
      contextTokens: 8192,
      batch: 1,
      model: 'llama-3.1-8b',
      weights: 'bf16',
    },
    kvGiBPerGpu: 53.29,
    // The log prints GiB only: 53.29 × 2^30 B ÷ 131,072 B per token (32 layers × 2 × 8 heads × 128 × 2 B) = 436,551.
    kvTokens: 436_551,
  },
];

/** The tight case: a 3 GiB pool, where a 0.2 GiB residual is 7 % of the tokens; inside the margin band, not the 5 % test. */
const QWEN_72B_TP2: PublishedLog = {
  name: 'Qwen2.5-72B-Instruct BF16, TP 2, H100',
  source: `${V019_DIR}qwen-qwen2-5-72b-instruc--h100-80gb--tp2pp1dp1--8192.log`,
  vllmVersion: '0.19.0',
  lines: [
    'Total non KV cache memory: 72.19GiB; torch peak memory increase: 2.29GiB; non-torch forward increase memory: 2.09GiB; weights memory: 67.8GiB.',
    'Available KV cache memory: 3.04 GiB',
    'GPU KV cache size: 19,920 tokens',
  ],
  input: { ...V019, model: 'qwen2.5-72b-instruct', weights: 'bf16', gpuCount: 2 },
  kvGiBPerGpu: 3.04,
  kvTokens: 19_920,
};

describe('fitOnGpu reproduces published vLLM start-up logs', () => {
  for (const log of LOGS) {
    it(`${log.name}, vLLM ${log.vllmVersion}: "GPU KV cache size" within 5 % (${log.source})`, () => {
      const fit = fitOnGpu(log.input);
      const error = fit.maxTotalKvTokens / log.kvTokens - 1;
      expect(Math.abs(error), `${fit.maxTotalKvTokens} tokens vs ${log.kvTokens} logged`).toBeLessThan(0.05);
    });
  }

  it('covers two vLLM versions and tensor parallel 1 and 2', () => {
    expect(new Set(LOGS.map((l) => l.vllmVersion)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(LOGS.map((l) => l.input.gpuCount ?? 1))).toEqual(new Set([1, 2, 4]));
  });

  it('every residual ("Available KV cache memory" predicted − logged, per GPU) is inside the stated uncertainty', () => {
    for (const log of [...LOGS, QWEN_72B_TP2]) {
      const residual = fitOnGpu(log.input).kvCacheBytesPerGpu - log.kvGiBPerGpu * BYTES_PER_GIB;
      expect(Math.abs(residual), log.name).toBeLessThanOrEqual(VLLM_KV_UNCERTAINTY_BYTES_PER_GPU);
    }
  });

  it('and the uncertainty is no wider than the largest residual needs (rounded up to 0.1 GiB)', () => {
    const worst = Math.max(
      ...[...LOGS, QWEN_72B_TP2].map((log) =>
        Math.abs(fitOnGpu(log.input).kvCacheBytesPerGpu / BYTES_PER_GIB - log.kvGiBPerGpu),
      ),
    );
    expect(VLLM_KV_UNCERTAINTY_BYTES_PER_GPU / BYTES_PER_GIB).toBeCloseTo(Math.ceil(worst * 10) / 10, 5);
  });

  it('Qwen2.5-72B at TP 2 (3 GiB of KV cache) is inside the band: a one-request fit reads "tight"', () => {
    const fit = fitOnGpu(QWEN_72B_TP2.input);
    expect(Math.abs(fit.kvCacheBytesPerGpu / BYTES_PER_GIB - QWEN_72B_TP2.kvGiBPerGpu)).toBeLessThan(0.3);
    // 2 × 3.04 GiB logged hold 19,920 tokens: 2 sequences of 8,192 fit by the point estimate; the band says 'tight'.
    expect(fitOnGpu({ ...QWEN_72B_TP2.input, batch: 2 }).verdict).toBe('tight');
  });

  it('weights per GPU match the logged "weights memory" within 0.5 %', () => {
    const logged: [PublishedLog, number][] = [
      [LOGS[0], 14.99],
      [LOGS[1], 7.51],
      [LOGS[2], 33.88],
      [LOGS[3], 16.96],
      [LOGS[4], 43.51],
    ];
    for (const [log, gib] of logged) {
      const fit = fitOnGpu(log.input);
      expect(fit.estimate.weightsBytes / fit.gpuCount / BYTES_PER_GIB / gib - 1, log.name).toBeLessThan(0.005);
      expect(fit.estimate.weightsBytes / fit.gpuCount / BYTES_PER_GIB / gib - 1, log.name).toBeGreaterThan(-0.005);
    }
  });

  it('the budget is gpu_memory_utilization × the CUDA total: "worker requested memory: 75.23GiB" at 0.95 on H100', () => {
    // 0.95 × 81,079 MiB (CUDA total, "Free memory on device (78.68/79.19 GiB)") = 75.22 GiB
    expect(fitOnGpu(LOGS[0].input).perGpuAvailableBytes / BYTES_PER_GIB).toBeCloseTo(75.23, 1);
    expect(cudaTotalBytes(H100) / BYTES_PER_GIB).toBeCloseTo(79.19, 1);
  });

  it('every calibration source is on /sources', () => {
    for (const id of [
      'llm-d-planner-vllm-v0.19-logs',
      'vllm-pr-10511',
      'vllm-pr-2031',
      'vllm-arg-utils-batch-defaults',
      'measured-h100-sxm-memory',
    ]) {
      expect(hasSource(id), id).toBe(true);
    }
  });
});
