import { BYTES_PER_MIB } from '../units';
import type { Bytes, Tokens } from '../units';

/**
 * Default fixed memory per GPU for the CUDA context, kernels and runtime buffers
 * that no tensor of the model accounts for: **1000 MiB** (1,048,576,000 B).
 *
 * Source: the vram.asmirnov.xyz calculator reserves `1000 * 2 ** 20` bytes as
 * "cudaKernels" (furiousteabag/vram-calculator `app/_lib/index.ts`, commit 63761d2).
 * Other published figures bracket it: gpu_poor uses 650 MB for the CUDA context;
 * llm-d measured vLLM's non-torch memory at 0.15 GiB (TP = 1) and 0.6 GiB (TP ≥ 2)
 * on H100, a figure that leaves out the CUDA context itself
 * (reference/peer-calculators.md §2.3). Override it with `overheadBytesPerGpu`.
 *
 * @example DEFAULT_OVERHEAD_BYTES_PER_GPU // 1_048_576_000
 */
export const DEFAULT_OVERHEAD_BYTES_PER_GPU: Bytes = 1000 * BYTES_PER_MIB;

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
 * the model is loaded, and fits weights + activations + KV cache inside it.
 *
 * Not the default of {@link fitOnGpu} (which uses 1.0 and models the overheads as
 * explicit terms); pass it as `memoryUtilization` to answer "does it fit in vLLM as
 * configured out of the box?".
 *
 * @example VLLM_DEFAULT_GPU_MEMORY_UTILIZATION // 0.92
 */
export const VLLM_DEFAULT_GPU_MEMORY_UTILIZATION = 0.92;

/**
 * Default fraction of the GPU's usable memory that {@link fitOnGpu} may fill: **1.0**.
 * Everything that lives in GPU memory during inference (weights, KV cache,
 * activation workspace, CUDA/runtime overhead) is an explicit term, so no further
 * safety margin is applied by default. vLLM's own default leaves ~8% unused:
 * see {@link VLLM_DEFAULT_GPU_MEMORY_UTILIZATION}.
 *
 * @example DEFAULT_MEMORY_UTILIZATION // 1
 */
export const DEFAULT_MEMORY_UTILIZATION = 1;

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
