import type { Gpu } from '../hardware/types';
import { BYTES_PER_GIB, BYTES_PER_MIB } from '../units';
import type { Bytes } from '../units';

/**
 * Calibration of the sizing model against published vLLM start-up logs.
 *
 * vLLM sizes its KV cache once, at start-up (`vllm/v1/worker/gpu_worker.py`,
 * `determine_available_memory`):
 *
 *     requested = gpu_memory_utilization × total memory CUDA reports (per GPU)
 *     KV cache  = requested − weights − torch peak increase − non-torch increase
 *
 * and prints each term: "worker requested memory: 75.23GiB", "Memory profiling takes …
 * torch peak memory increase: 1.89GiB; non-torch forward increase memory: 0.25GiB;
 * weights memory: 14.99GiB", "Available KV cache memory: 58.11 GiB", "GPU KV cache size:
 * 476,000 tokens". The constants below reproduce those terms. Each says which log lines
 * it was read from; `vllmLogs.test.ts` replays every log and checks the KV-cache token
 * count within 5 %.
 *
 * The logs (sources catalog ids):
 * - `llm-d-planner-vllm-v0.19-logs`: vLLM v0.19.0 on H100 80GB, TP 1/2/4, max_model_len 8192,
 *   gpu_memory_utilization 0.95 (llm-d-incubation/llm-d-planner `accuracy/results/v0.19.0/`).
 * - `vllm-pr-10511`: vLLM v0.6.5 development build on H100, Llama-3-8B at TP 1 and 2,
 *   gpu_memory_utilization 0.90 (vllm-project/vllm PR #10511, comment of 2024-12-14).
 */

/**
 * Memory the NVIDIA driver keeps out of what CUDA reports, per GPU: **480 MiB**.
 * `nvidia-smi` lists it as "Reserved" inside its "Total"; `cudaMemGetInfo` (and so vLLM's
 * `total_gpu_memory`) does not include it.
 *
 * Source: this project's H100 SXM (driver 580.159.04): nvidia-smi total 81,559 MiB,
 * Reserved 480 MiB, CUDA total 85,017,493,504 B = 81,079 MiB (`measured-h100-sxm-memory`).
 * vLLM v0.19.0 prints the same figure on H100 80GB: "Free memory on device (78.68/79.19 GiB)"
 * (`llm-d-planner-vllm-v0.19-logs`); vLLM PR #10511 printed "total_gpu_memory 79.22GiB"
 * with an older driver. Used for NVIDIA cards whose catalog entry has no measured
 * `cudaVisibleMemoryBytes`; AMD totals are taken as rocm-smi reports them (no
 * measurement of the difference was found).
 */
export const NVIDIA_DRIVER_RESERVED_BYTES: Bytes = 480 * BYTES_PER_MIB;

/**
 * Total memory CUDA reports for one GPU, the figure vLLM multiplies by
 * `gpu_memory_utilization`:
 *
 *     cudaTotal = gpu.cudaVisibleMemoryBytes                       (measured, when the catalog has it)
 *               = gpu.usableMemoryBytes − 480 MiB                  (NVIDIA, nvidia-smi total − driver reserve)
 *               = gpu.usableMemoryBytes                            (AMD)
 *
 * @example cudaTotalBytes(getGpu('h100-sxm')) // 85_017_493_504 (81,079 MiB = 79.18 GiB)
 * @example cudaTotalBytes(getGpu('h200-sxm')) // (143,771 − 480) MiB = 143,291 MiB
 */
export function cudaTotalBytes(gpu: Pick<Gpu, 'vendor' | 'usableMemoryBytes' | 'cudaVisibleMemoryBytes'>): Bytes {
  if (gpu.cudaVisibleMemoryBytes !== undefined) return gpu.cudaVisibleMemoryBytes;
  return gpu.vendor === 'nvidia' ? gpu.usableMemoryBytes - NVIDIA_DRIVER_RESERVED_BYTES : gpu.usableMemoryBytes;
}

/**
 * Non-torch memory vLLM profiles on every GPU at tensor parallel 1: **0.25 GiB**
 * (cuBLAS/attention workspaces and other allocations outside PyTorch's allocator made
 * during the profiling forward pass; the CUDA context itself is already outside
 * `requested` in vLLM v0.19).
 *
 * Source: vLLM v0.19.0, Llama-3.1-8B-Instruct TP 1 on H100: "non-torch forward increase
 * memory: 0.25GiB" (0.24–0.26 GiB for every TP-1 run of `llm-d-planner-vllm-v0.19-logs`
 * except Granite, 0.46 GiB). Older vLLM measured more here: PR #10511 (v0.6.5) printed
 * "non_torch_memory 1.79GiB" at TP 1, which the calibration residuals absorb
 * ({@link VLLM_KV_UNCERTAINTY_BYTES_PER_GPU}).
 */
export const VLLM_NON_TORCH_BYTES_PER_GPU: Bytes = 0.25 * BYTES_PER_GIB;

/**
 * Extra non-torch memory per GPU when tensor parallelism is on (TP ≥ 2): **1.8 GiB**,
 * the NCCL communicator and custom all-reduce buffers.
 *
 * Source: vLLM v0.19.0 on H100 (`llm-d-planner-vllm-v0.19-logs`): "non-torch forward
 * increase memory" 2.07 GiB (Llama-3.1-8B TP 2), 2.13 GiB (TP 4), 2.1 GiB
 * (Llama-3.3-70B FP8 TP 2), 2.21 GiB (TP 4), against 0.25 GiB at TP 1: +1.82 to +1.96 GiB.
 * vLLM PR #10511 (v0.6.5), Llama-3-8B: "non_torch_memory 1.79GiB" at TP 1, "3.58GiB" at
 * TP 2: +1.79 GiB. The PR author: "the extra is communication buffers"; vLLM PR #2031
 * found TP > 1 runs exceeding the cap before this memory was profiled.
 */
export const VLLM_TP_COMM_BYTES_PER_GPU: Bytes = 1.8 * BYTES_PER_GIB;

/**
 * vLLM's non-torch memory per GPU for a tensor-parallel group of `gpuCount`:
 *
 *     nonTorch = 0.25 GiB + (gpuCount ≥ 2 ? 1.8 GiB : 0)
 *
 * @example vllmNonTorchBytesPerGpu(1) // 268_435_456 (0.25 GiB)
 * @example vllmNonTorchBytesPerGpu(2) // 2,201,170,739 B (2.05 GiB)
 */
export function vllmNonTorchBytesPerGpu(gpuCount: number): Bytes {
  return VLLM_NON_TORCH_BYTES_PER_GPU + (gpuCount >= 2 ? VLLM_TP_COMM_BYTES_PER_GPU : 0);
}

/**
 * Live FP32 copies of the logits during vLLM's sampler warm-up: **3.8**. At start-up vLLM
 * runs the sampler on `max_num_seqs` dummy requests (logits, probabilities, sorted
 * copies for top-p/top-k), each `max_num_seqs × vocab × 4 B`. The vocabulary is not
 * split by tensor parallelism, so every GPU holds all of it.
 *
 * Source: the torch peak of vLLM v0.19.0 runs whose sampler dominates (max_num_seqs 1024,
 * `llm-d-planner-vllm-v0.19-logs`): Llama-3.1-8B 1.89 GiB ÷ (1024 × 128,256 × 4 B) = 3.86;
 * Qwen2.5-7B 2.21 GiB ÷ (1024 × 152,064 × 4 B) = 3.81; gemma-2-2b 3.62 GiB ÷ (1024 × 256,000 × 4 B) = 3.71.
 * The same peak at TP 1, 2 and 4 (1.89 GiB for Llama-3.1-8B at each).
 */
export const VLLM_SAMPLER_LOGIT_COPIES = 3.8;

/**
 * Ratio of vLLM's profiled forward-pass peak to the live MLP intermediates of one
 * `max_num_batched_tokens` chunk (`chunk × 3 × intermediate × 2 B`): **1.5**. The
 * rest is the residual stream, attention, norms and allocator rounding.
 *
 * Source (`llm-d-planner-vllm-v0.19-logs`, max_num_batched_tokens 8192): Llama-3.3-70B
 * FP8 "torch peak memory increase: 1.96GiB" at TP 2 and 1.97 GiB at TP 4, against
 * 8192 × 3 × 28,672 × 2 B = 1.31 GiB (ratio 1.49; the peak does not shrink with TP, so
 * it is applied per GPU, not divided); CodeLlama-7B 0.77 GiB against 0.50 GiB (1.53).
 */
export const VLLM_FORWARD_WORKSPACE_FACTOR = 1.5;

/**
 * The model's uncertainty on the KV-cache memory of one GPU: **1.8 GiB**, the largest
 * absolute residual (predicted − logged "Available KV cache memory") over the calibration
 * logs, rounded up to 0.1 GiB. The residuals (checked in `vllmLogs.test.ts`):
 * v0.19.0 Llama-3.1-8B TP 1 +0.04, TP 2 +0.08; Llama-3.3-70B FP8 TP 2 +0.09, TP 4 +0.19;
 * Qwen2.5-72B TP 2 +0.24; Mixtral-8x7B TP 2 −0.72 GiB; v0.6.5 (PR #10511) Llama-3-8B
 * TP 1 +1.78 GiB (older vLLM counted 1.5 GiB more non-torch memory). A fit whose
 * headroom is within this band on each GPU is reported as 'tight'.
 */
export const VLLM_KV_UNCERTAINTY_BYTES_PER_GPU: Bytes = 1.8 * BYTES_PER_GIB;

/**
 * vLLM's default `max_num_seqs` for the OpenAI-compatible server: 1024 on GPUs with at
 * least 70 GiB that are not A100s, else 256. The sampler warm-up runs this many rows.
 *
 * Source: `EngineArgs.get_batch_defaults` in `vllm/engine/arg_utils.py` (the same branch
 * as {@link vllmDefaultMaxBatchedTokens}); v0.19.0 logs "Defaulting max_num_seqs to 1024
 * for OPENAI_API_SERVER usage context" on H100.
 *
 * @example vllmDefaultMaxNumSeqs(getGpu('h100-sxm')) // 1024
 * @example vllmDefaultMaxNumSeqs(getGpu('l40s'))     // 256
 */
export function vllmDefaultMaxNumSeqs(gpu: { id: string; name: string; usableMemoryBytes: Bytes }): number {
  const isA100 = /a100/i.test(gpu.id) || /a100/i.test(gpu.name);
  return gpu.usableMemoryBytes >= 70 * BYTES_PER_GIB && !isA100 ? 1024 : 256;
}
