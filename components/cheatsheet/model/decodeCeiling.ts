import { decodeStep } from '@/lib/perf';
import type { ComputeDtype } from '@/lib/hardware/types';
import { minGpusToFit, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, type GpuRef, type ModelRef } from '@/lib/sizing';
import type { Tokens, TokensPerSecond } from '@/lib/units';

/** What {@link batchOneDecodeCeiling} is asked for. */
export interface DecodeCeilingInput {
  /** Catalog model id or spec. */
  model: ModelRef;
  /** Weight format id (lib/formats). */
  weights: string;
  /** GPU catalog id or entry. */
  gpu: GpuRef;
  /** Tokens already cached for the one sequence, 1 … 10M. */
  contextTokens: Tokens;
  /** Bits per KV-cache element (default 16, a BF16 cache). */
  kvBits?: number;
  /** Fraction of each GPU's memory the engine may fill (default vLLM's 0.92). */
  memoryUtilization?: number;
  /** Largest tensor-parallel group tried (default 8, one node). */
  maxGpuCount?: number;
}

/** The batch-1 decode speed limit of a format on the fewest GPUs that hold it. */
export interface DecodeCeiling {
  /** Fewest tensor-parallel GPUs that hold weights + one sequence; null when `maxGpuCount` are not enough. */
  gpuCount: number | null;
  /** Roofline tokens per second one user sees on `gpuCount` GPUs; null when nothing fits. */
  tokensPerSecond: TokensPerSecond | null;
  /** The same on the kernels our GPU benchmark measured (lib/perf `expected`); null where none covers the GPU or format. */
  expectedTokensPerSecond: TokensPerSecond | null;
  /** The dtype the linear layers multiply in there (after any fallback, e.g. FP8 on A100 → bf16). */
  computeDtype: ComputeDtype | null;
  /** True when the format asked for tensor cores the GPU lacks and runs weight-only instead. */
  fellBack: boolean;
}

/**
 * The batch-1 decode ceiling of a model in a weight format on one kind of GPU, on the
 * fewest GPUs that hold it — the number a whiteboard answer gives:
 *
 *     gpuCount       = minGpusToFit(weights + 1 × contextTokens of KV + workspace + overhead,
 *                                   at memoryUtilization) over the tensor-parallel sizes ≤ maxGpuCount
 *     tokensPerSecond = 1 / Σ over operators of max(bytes / (gpuCount × BW), FLOPs / (gpuCount × peak))  (+ all-reduces)
 *                     ≈ gpuCount × BW / (weight bytes + contextTokens × KV bytes per token)   (batch 1 is memory-bound)
 *
 * An upper bound: peak bandwidth, ring all-reduce at datasheet link speed, launch latency ignored (lib/perf
 * `decodeStep`). Sources: lib/sizing `minGpusToFit`, lib/perf `decodeStep`; bandwidths
 * from lib/hardware.
 *
 * @throws {Error} for unknown model, format or GPU ids; {@link RangeError} naming the
 *   field for a bad contextTokens, kvBits, memoryUtilization or maxGpuCount.
 * @example
 * // Llama-3.1-70B W4A16 on one H100 SXM, 8,192 cached tokens, BF16 KV:
 * // 3.35e12 B/s ÷ (37.67e9 B of weights read + 8,192 × 327,680 B of KV) ≈ 83.0 tokens/s
 * batchOneDecodeCeiling({ model: 'llama-3.1-70b', weights: 'int4-g128', gpu: 'h100-sxm', contextTokens: 8192 })
 * // { gpuCount: 1, tokensPerSecond: ≈ 83.0, computeDtype: 'fp16', fellBack: false }
 */
export function batchOneDecodeCeiling(input: DecodeCeilingInput): DecodeCeiling {
  const {
    model,
    weights,
    gpu,
    contextTokens,
    kvBits = 16,
    memoryUtilization = VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
    maxGpuCount = 8,
  } = input;
  const fit = minGpusToFit({ model, weights, kvBits, contextTokens, batch: 1, gpu, memoryUtilization, maxGpuCount });
  if (fit.gpuCount === null)
    return {
      gpuCount: null,
      tokensPerSecond: null,
      expectedTokensPerSecond: null,
      computeDtype: null,
      fellBack: false,
    };
  const step = decodeStep({ model, weights, gpu, gpuCount: fit.gpuCount, batch: 1, contextTokens, kvBits });
  return {
    gpuCount: fit.gpuCount,
    tokensPerSecond: step.tokensPerSecondPerSequence,
    expectedTokensPerSecond: step.expected?.tokensPerSecondPerSequence ?? null,
    computeDtype: step.computeDtype,
    fellBack: step.computeDtypeNote !== null,
  };
}
