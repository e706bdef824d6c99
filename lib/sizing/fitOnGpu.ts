import type { Bytes, Tokens } from '../units';
import { DEFAULT_MEMORY_UTILIZATION, MAX_BATCH, MAX_CONTEXT_TOKENS, vllmDefaultMaxBatchedTokens } from './defaults';
import { estimateMemory, overheadBytesOf, planMemory, totalBytesAt, activationBytesAt, type MemoryEstimate, type MemoryInput, type MemoryPlan } from './estimateMemory';
import { assertBatch, assertContextTokens, assertFraction, resolveGpu, type GpuRef } from './inputs';

/** A memory estimate plus the GPUs it must fit on. */
export interface FitInput extends MemoryInput {
  /** GPU catalog id or entry; every GPU of the group is this model of card. */
  gpu: GpuRef;
  /** Tensor-parallel GPUs (default 1); must divide the model's attention heads. */
  gpuCount?: number;
  /** Fraction of each GPU's usable memory the engine may fill, (0, 1] (default 1.0; vLLM's default is 0.92). */
  memoryUtilization?: number;
}

/** Whether a configuration fits, with how much room, and the largest load that would. */
export interface FitResult {
  fits: boolean;
  /** `estimate.totalBytes`: weights + KV + activations + overhead over all GPUs. */
  requiredBytes: Bytes;
  /** usableMemoryBytes × gpuCount × memoryUtilization. */
  availableBytes: Bytes;
  /** availableBytes − requiredBytes; negative when it does not fit. */
  headroomBytes: Bytes;
  /** requiredBytes / gpuCount: what each GPU holds (tensor parallelism splits weights, KV heads and workspace evenly). */
  perGpuBytes: Bytes;
  /** usableMemoryBytes × memoryUtilization. */
  perGpuAvailableBytes: Bytes;
  /** Largest batch of `contextTokens`-token sequences that fits (0 if even one does not; at most 100,000). */
  maxBatchAtContext: number;
  /** Longest context per sequence that fits at `batch` (0 if not even one token; at most the model's maximum context). */
  maxContextAtBatch: Tokens;
  /** 'model' when memory would allow more than the model's maximum context. */
  contextLimitedBy: 'memory' | 'model';
  /** KV-cache capacity in tokens (all sequences together) left after weights, overhead and the activation workspace: vLLM's "GPU KV cache size". 0 when none. */
  maxTotalKvTokens: Tokens;
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
 * Does a model fit on `gpuCount` GPUs of one type, and what is the largest batch /
 * context / KV pool that would?
 *
 *     availableBytes = usableMemoryBytes × gpuCount × memoryUtilization
 *     fits           ⇔ estimateMemory(input).totalBytes ≤ availableBytes
 *     maxBatchAtContext = max { b ∈ ℕ : total(b, contextTokens) ≤ availableBytes }
 *     maxContextAtBatch = max { c ∈ ℕ : total(batch, c) ≤ availableBytes }
 *     maxTotalKvTokens  = ⌊(availableBytes − weights − overhead − activations) / KV bytes per token⌋
 *
 * total(b, c) is non-decreasing in b and c (the activation term saturates at the
 * token budget), so the maxima are found by exact integer bisection: the returned
 * max fits and max + 1 does not.
 *
 * Tensor parallelism: weights are split across GPUs, the KV cache by heads (replicated
 * when GPUs outnumber KV heads, and always for MLA), the workspace evenly; the CUDA/runtime
 * overhead is paid on every GPU. Totals are compared with the total memory, which
 * is the same as comparing per-GPU shares when the split is even (`perGpuBytes`).
 * Pipeline parallelism and uneven splits are not modelled.
 *
 * Defaults: `memoryUtilization` = 1.0 (every consumer of memory is an explicit term;
 * pass {@link VLLM_DEFAULT_GPU_MEMORY_UTILIZATION} = 0.92 to mirror vLLM out of the box);
 * `maxBatchedTokens` = vLLM's default for that GPU ({@link vllmDefaultMaxBatchedTokens}:
 * 2048 on A100 and < 70 GiB cards, 8192 on H100/H200-class cards).
 *
 * @throws {RangeError} naming the field for invalid load, `memoryUtilization` outside (0, 1],
 *   `gpuCount` not dividing the attention heads; {@link estimateMemory}'s errors.
 * @example
 * // facts.md §8: Llama-3.1-70B INT8 on one A100 80GB (80 GiB usable), BF16 KV, 4k context:
 * // 80 GiB − 67.67 GiB weights − 0.98 GiB overhead − 0.33 GiB workspace = 11.02 GiB
 * // = 36,126 tokens of 320 KiB: 8 sequences of 4,096 (1.25 GiB each) fit, 9 do not.
 * fitOnGpu({ model: 'llama-3.1-70b', weights: 'int8-w8a8', kvBits: 16, contextTokens: 4096, batch: 8, gpu: 'a100-80gb-sxm' }).maxBatchAtContext // 8
 */
export function fitOnGpu(input: FitInput): FitResult {
  assertContextTokens(input.contextTokens);
  assertBatch(input.batch);
  const gpu = resolveGpu(input.gpu);
  const memoryUtilization = input.memoryUtilization ?? DEFAULT_MEMORY_UTILIZATION;
  assertFraction(memoryUtilization, 'memoryUtilization');

  const memoryInput: MemoryInput = { ...input, maxBatchedTokens: input.maxBatchedTokens ?? vllmDefaultMaxBatchedTokens(gpu) };
  const estimate = estimateMemory(memoryInput);
  const plan = planMemory(memoryInput);
  const gpuCount = plan.gpuCount;

  const perGpuAvailableBytes = gpu.usableMemoryBytes * memoryUtilization;
  const availableBytes = perGpuAvailableBytes * gpuCount;
  const requiredBytes = estimate.totalBytes;
  const fitsAt = (batch: number, contextTokens: number) => totalBytesAt(plan, batch, contextTokens) <= availableBytes;

  const maxBatchAtContext = fitsAt(1, input.contextTokens)
    ? largestTrue((b) => fitsAt(b, input.contextTokens), 1, MAX_BATCH)
    : 0;

  const contextCap = Math.min(MAX_CONTEXT_TOKENS, plan.spec.maxContextTokens);
  const memoryContext = fitsAt(input.batch, 1) ? largestTrue((c) => fitsAt(input.batch, c), 1, contextCap) : 0;
  const contextLimitedBy = memoryContext === contextCap && fitsAt(input.batch, contextCap + 1) ? 'model' : 'memory';

  return {
    fits: requiredBytes <= availableBytes,
    requiredBytes,
    availableBytes,
    headroomBytes: availableBytes - requiredBytes,
    perGpuBytes: requiredBytes / gpuCount,
    perGpuAvailableBytes,
    maxBatchAtContext,
    maxContextAtBatch: memoryContext,
    contextLimitedBy,
    maxTotalKvTokens: kvPoolTokens(plan, availableBytes, input.batch, input.contextTokens),
    gpuCount,
    memoryUtilization,
    estimate,
  };
}

/** ⌊(available − weights − overhead − activations) / KV bytes per token (all copies)⌋, at least 0. */
function kvPoolTokens(plan: MemoryPlan, availableBytes: Bytes, batch: number, contextTokens: Tokens): Tokens {
  const poolBytes = availableBytes - plan.weights.bytes - overheadBytesOf(plan) - activationBytesAt(plan, batch, contextTokens);
  const perToken = plan.kvCacheBytesPerToken * plan.kvReplication;
  return poolBytes <= 0 ? 0 : Math.floor(poolBytes / perToken);
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
  const heads = planMemory({ ...rest, gpuCount: 1 }).spec.attention.numHeads;
  if (!Number.isInteger(maxGpuCount) || maxGpuCount < 1 || maxGpuCount > 64) {
    throw new RangeError(`maxGpuCount must be a whole number of GPUs from 1 to 64 (got ${maxGpuCount})`);
  }
  const tried: number[] = [];
  for (let gpuCount = 1; gpuCount <= maxGpuCount; gpuCount++) {
    if (heads % gpuCount !== 0) continue;
    tried.push(gpuCount);
    const fit = fitOnGpu({ ...rest, gpuCount });
    if (fit.fits) return { gpuCount, fit, tried };
  }
  return { gpuCount: null, fit: null, tried };
}
