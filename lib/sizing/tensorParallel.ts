import { MAX_GPU_COUNT } from './defaults';
import { resolveModel, type ModelRef } from './inputs';
import { kvReplicationFactor } from './kvReplication';
import { weightBytes } from './weightBytes';
import type { ModelSpec } from '@/lib/models/types';
import type { Bytes } from '@/lib/units';

/**
 * The one tensor-parallel rule: `gpuCount` GPUs can split a model only when the count divides its
 * attention heads (vLLM `ModelConfig.verify_with_parallel_config`: "Total number of attention heads
 * must be divisible by tensor parallel size"). Every other check (assertGpuCount, minGpusToFit,
 * tensorParallelSizes) calls this.
 *
 * @example isTensorParallelSize(getModel('llama-3.1-70b'), 8) // true (64 heads)
 */
export function isTensorParallelSize(spec: Pick<ModelSpec, 'attention'>, gpuCount: number): boolean {
  return Number.isInteger(gpuCount) && gpuCount >= 1 && spec.attention.numHeads % gpuCount === 0;
}

/**
 * The tensor-parallel sizes a model allows, 1 … `maxGpuCount`: those that divide its
 * attention heads (vLLM: "Total number of attention heads must be divisible by tensor
 * parallel size"; lib/sizing `assertGpuCount`).
 *
 * @throws {RangeError} when `maxGpuCount` is not a whole number in 1 … 64; an unknown model id.
 * @example tensorParallelSizes('llama-3.1-70b') // [1, 2, 4, 8] (64 heads)
 */
export function tensorParallelSizes(model: ModelRef, maxGpuCount = 8): number[] {
  if (!Number.isInteger(maxGpuCount) || maxGpuCount < 1 || maxGpuCount > MAX_GPU_COUNT) {
    throw new RangeError(`maxGpuCount must be a whole number of GPUs from 1 to ${MAX_GPU_COUNT} (got ${maxGpuCount})`);
  }
  const spec = resolveModel(model);
  const sizes: number[] = [];
  for (let n = 1; n <= maxGpuCount; n++) if (isTensorParallelSize(spec, n)) sizes.push(n);
  return sizes;
}

/** How a model is split over a tensor-parallel group (the page words it: components/deploy/model). */
export interface TensorParallelSplit {
  gpuCount: number;
  /** Weight bytes each GPU holds: weights / gpuCount. */
  weightsPerGpuBytes: Bytes;
  /** KV heads (or, for MLA, the latent cache) each GPU holds. */
  kvHeadsPerGpu: number | null;
  /** Copies of the KV cache across the group (1 = split, no copy). */
  kvReplication: number;
  /** Weight bytes of the whole model (all GPUs together). */
  totalWeightBytes: Bytes;
  /** The model's attention: 'mla' keeps one latent cache per GPU; otherwise KV heads. */
  attentionKind: ModelSpec['attention']['kind'];
  /** KV heads of the model (1 for MLA's latent cache). */
  numKvHeads: number;
}

/**
 * What tensor parallelism does to a model's memory, and what the roofline leaves out:
 *
 *     weights per GPU = weights / N                   (every linear layer split N ways)
 *     KV heads per GPU = KV heads / N                  (cache split by head; replicated when N > KV heads; MLA always replicated)
 *     ignored          = the all-reduce after each attention and MLP block (2 per layer)
 *
 * Source: lib/sizing `fitOnGpu` and `kvReplicationFactor` (split rules); lib/perf
 * `decodeStep` ("All-reduce communication and kernel launch latency are ignored").
 *
 * @throws {Error} for an unknown model or format id; RangeError for a bad gpuCount.
 * @example tensorParallelSplit({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpuCount: 2 }).kvHeadsPerGpu // 4
 */
export function tensorParallelSplit({
  model,
  weights,
  gpuCount,
}: {
  model: ModelRef;
  weights: string;
  gpuCount: number;
}): TensorParallelSplit {
  const spec = resolveModel(model);
  if (!isTensorParallelSize(spec, gpuCount) || gpuCount > MAX_GPU_COUNT) {
    throw new RangeError(
      `gpuCount must divide the model's ${spec.attention.numHeads} attention heads (got ${gpuCount})`,
    );
  }
  const total = weightBytes(spec, weights).bytes;
  const weightsPerGpuBytes = total / gpuCount;
  const kvReplication = kvReplicationFactor(spec, gpuCount);
  const attention = spec.attention;
  const kvHeadsPerGpu = attention.kind === 'mla' ? null : Math.max(1, attention.numKvHeads / gpuCount);

  const numKvHeads = attention.kind === 'mla' ? 1 : attention.numKvHeads;
  return {
    gpuCount,
    weightsPerGpuBytes,
    kvHeadsPerGpu,
    kvReplication,
    totalWeightBytes: total,
    attentionKind: attention.kind,
    numKvHeads,
  };
}
