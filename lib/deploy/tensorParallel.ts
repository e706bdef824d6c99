import { kvReplicationFactor, resolveModel, weightBytes, type ModelRef } from '../sizing';
import { MAX_GPU_COUNT } from '../sizing';
import { formatBytesBoth, formatCount, formatNumber } from '../units';
import type { Bytes } from '../units';

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
  const heads = resolveModel(model).attention.numHeads;
  const sizes: number[] = [];
  for (let n = 1; n <= maxGpuCount; n++) if (heads % n === 0) sizes.push(n);
  return sizes;
}

/** How a model is split over a tensor-parallel group, for the note beside a deployment row. */
export interface TensorParallelNote {
  gpuCount: number;
  /** Weight bytes each GPU holds: weights / gpuCount. */
  weightsPerGpuBytes: Bytes;
  /** KV heads (or, for MLA, the latent cache) each GPU holds. */
  kvHeadsPerGpu: number | null;
  /** Copies of the KV cache across the group (1 = split, no copy). */
  kvReplication: number;
  /** One or two sentences for the page. */
  text: string;
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
 * @example tensorParallelNote({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpuCount: 2 }).kvHeadsPerGpu // 4
 */
export function tensorParallelNote({ model, weights, gpuCount }: { model: ModelRef; weights: string; gpuCount: number }): TensorParallelNote {
  const spec = resolveModel(model);
  if (!tensorParallelSizes(spec, MAX_GPU_COUNT).includes(gpuCount)) {
    throw new RangeError(`gpuCount must divide the model's ${spec.attention.numHeads} attention heads (got ${gpuCount})`);
  }
  const total = weightBytes(spec, weights).bytes;
  const weightsPerGpuBytes = total / gpuCount;
  const kvReplication = kvReplicationFactor(spec, gpuCount);
  const attention = spec.attention;
  const kvHeadsPerGpu = attention.kind === 'mla' ? null : Math.max(1, attention.numKvHeads / gpuCount);

  let text: string;
  if (gpuCount === 1) {
    text = `One GPU holds all ${formatBytesBoth(total)} of weights and the whole KV cache; no inter-GPU traffic.`;
  } else {
    const kv =
      attention.kind === 'mla'
        ? 'the MLA latent KV cache cannot be split by head, so every GPU keeps a full copy'
        : kvReplication > 1
          ? `${formatCount(attention.numKvHeads)} KV heads over ${formatCount(gpuCount)} GPUs: each head is replicated ${formatNumber(kvReplication, 0)}×`
          : `the KV cache is split by head (${formatCount(kvHeadsPerGpu ?? 0)} of ${formatCount(attention.numKvHeads)} KV heads per GPU)`;
    text = `Tensor-parallel over ${formatCount(gpuCount)} GPUs: ${formatBytesBoth(weightsPerGpuBytes)} of weights per GPU, ${kv}. The all-reduce after every attention and MLP block is ignored in the roofline, so real TP speed is lower.`;
  }
  return { gpuCount, weightsPerGpuBytes, kvHeadsPerGpu, kvReplication, text };
}
