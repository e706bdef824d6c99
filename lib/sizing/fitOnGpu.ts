import { isTensorParallelSize } from './tensorParallel';
import type { Bytes, Tokens } from '../units';
import { DEFAULT_MEMORY_UTILIZATION, MAX_BATCH, MAX_CONTEXT_TOKENS, vllmDefaultMaxBatchedTokens } from './defaults';
import {
  estimateMemory,
  kvBytesAt,
  overheadBytesOf,
  planMemory,
  totalBytesAt,
  activationBytesOf,
  type MemoryEstimate,
  type MemoryInput,
  type MemoryPlan,
} from './estimateMemory';
import { cudaTotalBytes, VLLM_KV_UNCERTAINTY_BYTES_PER_GPU, vllmDefaultMaxNumSeqs } from './vllmCalibration';
import { assertBatch, assertContextTokens, assertFraction, resolveGpu, type GpuRef } from './inputs';

/** A memory estimate plus the GPUs it must fit on. */
export interface FitInput extends MemoryInput {
  /** GPU catalog id or entry; every GPU of the group is this model of card. */
  gpu: GpuRef;
  /** Tensor-parallel GPUs (default 1); must divide the model's attention heads. */
  gpuCount?: number;
  /** vLLM's `gpu_memory_utilization`: the fraction of each GPU's CUDA-reported memory the engine may fill, (0, 1] (default 0.92, vLLM's). */
  memoryUtilization?: number;
}

/**
 * A fit verdict with the model's uncertainty: 'fits' when the headroom exceeds the
 * calibration uncertainty on every GPU, 'does-not-fit' when the shortfall does, 'tight'
 * in between (the real engine may go either way: read its log).
 */
export type FitVerdict = 'fits' | 'tight' | 'does-not-fit';

/** How each verdict reads in a sentence ("… on one H100: tight"). The same words on every page. */
export const FIT_VERDICT_WORDS: Readonly<Record<FitVerdict, string>> = {
  fits: 'fits',
  tight: 'is tight',
  'does-not-fit': 'does not fit',
};

/** Whether a configuration fits, with how much room, and the largest load that would. */
export interface FitResult {
  /** requiredBytes ≤ availableBytes (the point estimate; see `verdict` for the band). */
  fits: boolean;
  /** The point estimate with its margin band: |headroom| < uncertaintyBytes is 'tight'. */
  verdict: FitVerdict;
  /** The model's uncertainty over all GPUs: {@link VLLM_KV_UNCERTAINTY_BYTES_PER_GPU} × gpuCount. */
  uncertaintyBytes: Bytes;
  /** `estimate.totalBytes`: weights + KV + activations + overhead over all GPUs. */
  requiredBytes: Bytes;
  /** cudaTotalBytes × gpuCount × memoryUtilization: vLLM's "requested memory" over all GPUs. */
  availableBytes: Bytes;
  /** availableBytes − requiredBytes; negative when it does not fit. */
  headroomBytes: Bytes;
  /** requiredBytes / gpuCount: what each GPU holds (tensor parallelism splits weights, KV heads and workspace evenly). */
  perGpuBytes: Bytes;
  /** Total memory CUDA reports per GPU (nvidia-smi total − driver reserve; {@link cudaTotalBytes}). */
  perGpuCudaTotalBytes: Bytes;
  /** perGpuCudaTotalBytes × memoryUtilization: vLLM's "worker requested memory". */
  perGpuAvailableBytes: Bytes;
  /** Largest batch of `contextTokens`-token sequences that fits (0 if even one does not; at most 100,000). */
  maxBatchAtContext: number;
  /** Longest context per sequence that fits at `batch` (0 if not even one token; at most the model's maximum context). */
  maxContextAtBatch: Tokens;
  /** 'model' when memory would allow more than the model's maximum context. */
  contextLimitedBy: 'memory' | 'model';
  /** KV-cache capacity in tokens (all sequences together) left after weights, overhead and the activation peak: vLLM's "GPU KV cache size". 0 when none. */
  maxTotalKvTokens: Tokens;
  /**
   * KV-cache memory over all GPUs ÷ what one sequence of `contextTokens` reserves (the engine's rule, all
   * copies): vLLM's "Maximum concurrency for N tokens per request", unrounded. 0 when no memory is left.
   */
  maxConcurrencyAtContext: number;
  /** KV-cache memory per GPU: vLLM's "Available KV cache memory" (negative when the weights alone overflow). */
  kvCacheBytesPerGpu: Bytes;
  gpuCount: number;
  memoryUtilization: number;
  /** The estimate behind `requiredBytes`, with its terms. */
  estimate: MemoryEstimate;
}

/**
 * Largest integer x in [lo, hi] with ok(x) true, for a monotone predicate (true then
 * false) known to hold at lo. Exact: ok(result) is true and, below hi, ok(result + 1) is false.
 */
function largestTrue(ok: (x: number) => boolean, lo: number, hi: number): number {
  if (ok(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Does a model fit on `gpuCount` GPUs of one type in vLLM, and what is the largest batch /
 * context / KV pool that would? Mirrors vLLM's start-up accounting (calibrated against
 * its logs: lib/sizing/vllmCalibration.ts):
 *
 *     perGpuAvailable = cudaTotal × memoryUtilization          (vLLM "worker requested memory")
 *     availableBytes  = perGpuAvailable × gpuCount
 *     fits            ⇔ estimateMemory(input).totalBytes ≤ availableBytes
 *     kvCachePerGpu   = perGpuAvailable − (weights + activations + non-torch) / gpuCount
 *                       (vLLM "Available KV cache memory")
 *     maxTotalKvTokens  = ⌊kvCache over all GPUs / KV bytes per token (all copies)⌋   (vLLM "GPU KV cache size")
 *     maxConcurrencyAtContext = kvCache over all GPUs / KV reserved by one sequence     (vLLM "Maximum concurrency")
 *     maxBatchAtContext = max { b ∈ ℕ : total(b, contextTokens) ≤ availableBytes }   (vLLM "Maximum concurrency", rounded down)
 *     maxContextAtBatch = max { c ∈ ℕ : total(batch, c) ≤ availableBytes }
 *     verdict = 'fits' if headroom ≥ U, 'does-not-fit' if headroom ≤ −U, else 'tight';
 *               U = 1.8 GiB × gpuCount ({@link VLLM_KV_UNCERTAINTY_BYTES_PER_GPU})
 *
 * total(b, c) is non-decreasing in b and c, so the maxima are found by exact integer
 * bisection: the returned max fits and max + 1 does not.
 *
 * Tensor parallelism: weights are split across GPUs, the KV cache by heads (replicated
 * when GPUs outnumber KV heads, and always for MLA); the activation peak and the
 * non-torch memory (with NCCL buffers at TP ≥ 2) are paid in full on every GPU. Totals
 * are compared with the total memory, which is the same as comparing per-GPU shares
 * when the split is even (`perGpuBytes`). Pipeline parallelism and uneven splits are
 * not modelled.
 *
 * The KV cache is what the engine reserves (`engine`, default vLLM: sliding-window layers hold
 * window − 1 + `maxBatchedTokens` tokens in 16-token blocks; see {@link estimateMemory}).
 *
 * Defaults (vLLM's): `memoryUtilization` 0.92; `maxBatchedTokens` and `maxNumSeqs` from
 * `get_batch_defaults` for the GPU ({@link vllmDefaultMaxBatchedTokens},
 * {@link vllmDefaultMaxNumSeqs}: 8,192 / 1,024 on H100/H200-class cards, 2,048 / 256 on
 * A100 and < 70 GiB cards).
 *
 * @throws {RangeError} naming the field for invalid load, `memoryUtilization` outside (0, 1],
 *   `gpuCount` not dividing the attention heads; {@link estimateMemory}'s errors.
 * @example
 * // Llama-3.1-70B FP8 on one H100 SXM, BF16 KV, 8k context, vLLM defaults:
 * // 0.92 × 79.18 GiB = 72.84 GiB; − 67.67 GiB weights − 1.97 GiB activation peak − 0.25 GiB
 * // non-torch = 2.96 GiB of KV cache = 9,686 tokens of 320 KiB: one 8,192-token sequence.
 * fitOnGpu({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', kvBits: 16, contextTokens: 8192, batch: 1, gpu: 'h100-sxm' }).maxBatchAtContext // 1
 */
export function fitOnGpu(input: FitInput): FitResult {
  assertContextTokens(input.contextTokens);
  assertBatch(input.batch);
  const gpu = resolveGpu(input.gpu);
  const memoryUtilization = input.memoryUtilization ?? DEFAULT_MEMORY_UTILIZATION;
  assertFraction(memoryUtilization, 'memoryUtilization');

  const memoryInput: MemoryInput = {
    ...input,
    maxBatchedTokens: input.maxBatchedTokens ?? vllmDefaultMaxBatchedTokens(gpu),
    maxNumSeqs: input.maxNumSeqs ?? vllmDefaultMaxNumSeqs(gpu),
  };
  const estimate = estimateMemory(memoryInput);
  const plan = planMemory(memoryInput);
  const gpuCount = plan.gpuCount;

  const perGpuCudaTotalBytes = cudaTotalBytes(gpu);
  const perGpuAvailableBytes = perGpuCudaTotalBytes * memoryUtilization;
  const availableBytes = perGpuAvailableBytes * gpuCount;
  const requiredBytes = estimate.totalBytes;
  const fitsAt = (batch: number, contextTokens: number) => totalBytesAt(plan, batch, contextTokens) <= availableBytes;

  const maxBatchAtContext = fitsAt(1, input.contextTokens)
    ? largestTrue((b) => fitsAt(b, input.contextTokens), 1, MAX_BATCH)
    : 0;

  const contextCap = Math.min(MAX_CONTEXT_TOKENS, plan.spec.maxContextTokens);
  const memoryContext = fitsAt(input.batch, 1) ? largestTrue((c) => fitsAt(input.batch, c), 1, contextCap) : 0;
  const contextLimitedBy = memoryContext === contextCap && fitsAt(input.batch, contextCap + 1) ? 'model' : 'memory';

  const headroomBytes = availableBytes - requiredBytes;
  const uncertaintyBytes = VLLM_KV_UNCERTAINTY_BYTES_PER_GPU * gpuCount;
  const kvCacheBytes = availableBytes - plan.weights.bytes - overheadBytesOf(plan) - activationBytesOf(plan);
  return {
    fits: requiredBytes <= availableBytes,
    verdict: fitVerdict(headroomBytes, uncertaintyBytes),
    uncertaintyBytes,
    requiredBytes,
    availableBytes,
    headroomBytes,
    perGpuBytes: requiredBytes / gpuCount,
    perGpuCudaTotalBytes,
    perGpuAvailableBytes,
    maxBatchAtContext,
    maxContextAtBatch: memoryContext,
    contextLimitedBy,
    maxTotalKvTokens: kvPoolTokens(plan, kvCacheBytes),
    maxConcurrencyAtContext: kvCacheBytes <= 0 ? 0 : kvCacheBytes / kvBytesAt(plan, 1, input.contextTokens),
    kvCacheBytesPerGpu: kvCacheBytes / gpuCount,
    gpuCount,
    memoryUtilization,
    estimate,
  };
}

/** ⌊KV-cache bytes / KV bytes per token (all copies)⌋, at least 0. */
function kvPoolTokens(plan: MemoryPlan, poolBytes: Bytes): Tokens {
  const perToken = plan.kvCacheBytesPerToken * plan.kvReplication;
  return poolBytes <= 0 ? 0 : Math.floor(poolBytes / perToken);
}

/**
 * The margin band of a fit: 'fits' when headroom ≥ uncertainty, 'does-not-fit' when
 * headroom ≤ −uncertainty, 'tight' in between.
 *
 * @example fitVerdict(2 * 2 ** 30, 1.8 * 2 ** 30)  // 'fits'
 * @example fitVerdict(-1 * 2 ** 30, 1.8 * 2 ** 30) // 'tight'
 */
export function fitVerdict(headroomBytes: Bytes, uncertaintyBytes: Bytes): FitVerdict {
  if (headroomBytes >= uncertaintyBytes) return 'fits';
  if (headroomBytes <= -uncertaintyBytes) return 'does-not-fit';
  return 'tight';
}

/** The smallest GPU count that fits, and the fit there. */
export interface MinGpusResult {
  /** Smallest tensor-parallel size in 1 … maxGpuCount that fits; null when none does. */
  gpuCount: number | null;
  /** The fit at `gpuCount` (null when none fits). */
  fit: FitResult | null;
  /** The GPU counts tried, in order: those in 1 … maxGpuCount that divide the attention heads. */
  tried: number[];
}

/**
 * The minimum number of GPUs (tensor parallel, 1 … `maxGpuCount`, default 8) on which
 * the configuration fits. Only counts that divide the attention heads are valid
 * tensor-parallel sizes (for 64 heads: 1, 2, 4, 8), so only those are tried.
 *
 * @throws {RangeError} when `maxGpuCount` is not an integer in 1 … 64; {@link fitOnGpu}'s errors.
 * @example
 * // Llama-3.1-70B BF16 (141.1 GB) on H100 SXM 80GB at batch 1 × 4k: 2 GPUs
 * minGpusToFit({ model: 'llama-3.1-70b', weights: 'bf16', kvBits: 16, contextTokens: 4096, batch: 1, gpu: 'h100-sxm' }).gpuCount // 2
 */
export function minGpusToFit(input: Omit<FitInput, 'gpuCount'> & { maxGpuCount?: number }): MinGpusResult {
  const { maxGpuCount = 8, ...rest } = input;
  const spec = planMemory({ ...rest, gpuCount: 1 }).spec;
  if (!Number.isInteger(maxGpuCount) || maxGpuCount < 1 || maxGpuCount > 64) {
    throw new RangeError(`maxGpuCount must be a whole number of GPUs from 1 to 64 (got ${maxGpuCount})`);
  }
  const tried: number[] = [];
  for (let gpuCount = 1; gpuCount <= maxGpuCount; gpuCount++) {
    if (!isTensorParallelSize(spec, gpuCount)) continue;
    tried.push(gpuCount);
    const fit = fitOnGpu({ ...rest, gpuCount });
    if (fit.fits) return { gpuCount, fit, tried };
  }
  return { gpuCount: null, fit: null, tried };
}
