import { bitsPerWeight, getFormat } from '../formats';
import type { ComputeDtype } from '../hardware/types';
import { resolveGpu, type GpuRef } from '../sizing';
import { effectiveComputeDtype, peakOpsPerSecond } from './computeDtype';

/** How much faster one weight format can be than another, at best, in each regime. */
export interface SpeedupCeiling {
  /**
   * Memory-bound ceiling: baseline bits per weight ÷ candidate bits per weight.
   * What a memory-bound decode step can gain at most on the linear layers, if the
   * weights dominate the bytes read (small batch, short context).
   */
  memoryBoundRatio: number;
  /**
   * Compute-bound ceiling: peak(candidate's compute dtype) ÷ peak(baseline's), on this GPU.
   * What large-batch decode and prefill can gain at most.
   */
  computeBoundRatio: number;
  /** max(memoryBoundRatio, computeBoundRatio): no regime beats it. */
  ceiling: number;
  candidateComputeDtype: ComputeDtype;
  baselineComputeDtype: ComputeDtype;
}

/**
 * Upper bounds on the speed-up of a weight format over a baseline format (BF16 by
 * default) on one GPU, from first principles:
 *
 *     memoryBoundRatio  = bitsPerWeight(baseline) / bitsPerWeight(candidate)
 *     computeBoundRatio = peak(computeDtype(candidate)) / peak(computeDtype(baseline))
 *
 * Each operator of a step takes max(bytes / bandwidth, FLOPs / peak); a format can
 * shrink the weight bytes (weight-only quantisation) or raise the GEMMs' peak (W8A8 on
 * INT8/FP8 tensor cores), so at the same batch no regime gains more than the larger
 * ratio (the KV cache and small ops do not shrink with the weights). For the post's
 * "1.5–2×" and "5×": INT8/FP8 W8A8 compute-bound ceiling = 624/312 = 2 on A100 and
 * 1,979/989 ≈ 2.0 on H100 ("1.5–2×" can only be a compute-bound, W8A8-kernel figure);
 * weight-only 4-bit with g128 scales and zero-points: 16 / 4.15625 ≈ 3.85 at the same
 * batch. 2- and 3-bit GGUF files can pass 5× on a memory-bound step, and per-GPU
 * throughput can rise further because freed memory admits larger batches.
 *
 * @throws {Error} for unknown format or GPU ids, naming `weights`, `baseline` or `gpu`.
 * @example speedupCeiling({ gpu: 'h100-sxm', weights: 'int4-g128' }).memoryBoundRatio // 16 / 4.15625 ≈ 3.8496
 */
export function speedupCeiling({
  gpu,
  weights,
  baseline = 'bf16',
}: {
  gpu: GpuRef;
  weights: string;
  baseline?: string;
}): SpeedupCeiling {
  const card = resolveGpu(gpu);
  const format = (id: string, field: string) => {
    try {
      return { format: getFormat(id), bits: bitsPerWeight(id) };
    } catch (error) {
      throw new Error(`${field}: ${(error as Error).message}`);
    }
  };
  const candidate = format(weights, 'weights');
  const base = format(baseline, 'baseline');
  const candidateDtype = effectiveComputeDtype(candidate.format.computeDtype, card).dtype;
  const baselineDtype = effectiveComputeDtype(base.format.computeDtype, card).dtype;
  const memoryBoundRatio = base.bits / candidate.bits;
  const computeBoundRatio = peakOpsPerSecond(card, candidateDtype) / peakOpsPerSecond(card, baselineDtype);
  return {
    memoryBoundRatio,
    computeBoundRatio,
    ceiling: Math.max(memoryBoundRatio, computeBoundRatio),
    candidateComputeDtype: candidateDtype,
    baselineComputeDtype: baselineDtype,
  };
}
