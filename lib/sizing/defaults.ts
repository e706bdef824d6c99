import { VLLM_NON_TORCH_BYTES_PER_GPU } from './vllmCalibration';
import type { Bytes, Tokens } from '../units';

/**
 * Default non-torch memory of one GPU without tensor parallelism: **0.25 GiB**, vLLM's
 * profiled "non-torch forward increase memory" (see {@link VLLM_NON_TORCH_BYTES_PER_GPU}
 * for the log it is read from). Under tensor parallelism each GPU also holds 1.8 GiB of
 * NCCL buffers ({@link vllmNonTorchBytesPerGpu}). Override with `overheadBytesPerGpu`.
 *
 * @example DEFAULT_OVERHEAD_BYTES_PER_GPU // 268_435_456
 */
export const DEFAULT_OVERHEAD_BYTES_PER_GPU: Bytes = VLLM_NON_TORCH_BYTES_PER_GPU;

/**
 * Default `max_num_seqs` for {@link estimateMemory} when no GPU is known: **256**, vLLM's
 * server default on GPUs under 70 GiB and on A100s (`fitOnGpu` uses
 * {@link vllmDefaultMaxNumSeqs} for the GPU it is given: 1024 on H100-class cards).
 */
export const DEFAULT_MAX_NUM_SEQS = 256;

/**
 * Default per-step token budget for the activation estimate: **2048 tokens**.
 *
 * Source: vLLM. `SchedulerConfig.DEFAULT_MAX_NUM_BATCHED_TOKENS = 2048`
 * (`vllm/config/scheduler.py`), and the OpenAI-server default on GPUs with less than
 * 70 GiB or on A100s (`EngineArgs.get_batch_defaults`, `vllm/engine/arg_utils.py`).
 * On ≥ 70 GiB GPUs other than A100 (H100, H200, MI300X) the server default is 8192
 * (the offline `LLM` class uses 16384/8192): see {@link vllmDefaultMaxBatchedTokens}.
 * Chunked prefill is always on in vLLM V1, so a prefill never runs more than
 * this many tokens through the model at once.
 *
 * @example DEFAULT_MAX_BATCHED_TOKENS // 2048
 */
export const DEFAULT_MAX_BATCHED_TOKENS: Tokens = 2048;

/**
 * vLLM's `--gpu-memory-utilization` default: **0.92** in current vLLM
 * (`vllm/config/cache.py`, `CacheConfig.gpu_memory_utilization = Field(default=0.92)`;
 * docs.vllm.ai/en/stable/cli/serve). It was **0.9** in earlier releases
 * (e.g. v0.6.4 docs; PR #2162). vLLM applies it to the GPU's total memory, before
 * the model is loaded, to the total memory CUDA reports, and fits weights + activations
 * + non-torch memory + KV cache inside it.
 *
 * The default of {@link fitOnGpu} and of every page that shows a fit.
 *
 * @example VLLM_DEFAULT_GPU_MEMORY_UTILIZATION // 0.92
 */
export const VLLM_DEFAULT_GPU_MEMORY_UTILIZATION = 0.92;

/**
 * Default fraction of each GPU's CUDA-reported memory that {@link fitOnGpu} may fill:
 * vLLM's own default, {@link VLLM_DEFAULT_GPU_MEMORY_UTILIZATION} = **0.92**, so every page
 * answers "does it fit in vLLM as configured out of the box?". The remaining 8 % holds
 * what vLLM leaves outside its budget (CUDA context, CUDA-graph pool).
 *
 * @example DEFAULT_MEMORY_UTILIZATION // 0.92
 */
export const DEFAULT_MEMORY_UTILIZATION = VLLM_DEFAULT_GPU_MEMORY_UTILIZATION;

/** Largest accepted `contextTokens`: 10 million tokens (beyond any released model). */
export const MAX_CONTEXT_TOKENS: Tokens = 10_000_000;

/** Largest accepted `batch`: 100,000 concurrent sequences. */
export const MAX_BATCH = 100_000;

/** Largest accepted `gpuCount`: 64. */
export const MAX_GPU_COUNT = 64;

/**
 * vLLM's default `max_num_batched_tokens` for the OpenAI-compatible server on a
 * given GPU: 8192 when the GPU has at least 70 GiB and is not an A100, else 2048.
 *
 * Source: `EngineArgs.get_batch_defaults` in `vllm/engine/arg_utils.py` (vLLM V1);
 * the A100 exception cites vLLM PR #17885 (a larger budget reduced A100 throughput).
 * vLLM reads the device name; here the A100 test is on the catalog id and name.
 *
 * @example vllmDefaultMaxBatchedTokens({ id: 'h100-sxm', name: 'H100 SXM', usableMemoryBytes: 81_559 * 2 ** 20 }) // 8192
 * @example vllmDefaultMaxBatchedTokens({ id: 'a100-80gb-sxm', name: 'A100 80GB SXM', usableMemoryBytes: 80 * 2 ** 30 }) // 2048
 */
export function vllmDefaultMaxBatchedTokens(gpu: { id: string; name: string; usableMemoryBytes: Bytes }): Tokens {
  const isA100 = /a100/i.test(gpu.id) || /a100/i.test(gpu.name);
  return gpu.usableMemoryBytes >= 70 * 2 ** 30 && !isA100 ? 8192 : 2048;
}
