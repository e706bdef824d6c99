import type { TensorParallelSplit } from '@/lib/sizing/tensorParallel';
import { formatBytesBoth, formatCount, formatNumber } from '@/lib/units';

/**
 * One or two sentences for the note beside a deployment row, worded from lib/sizing
 * `tensorParallelSplit` (the numbers live there; this only words them).
 *
 * @example tensorParallelText(tensorParallelSplit({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpuCount: 2 }))
 * // "Tensor-parallel over 2 GPUs: 36.33 GB (33.83 GiB) of weights per GPU, the KV cache is split by head (4 of 8 KV heads per GPU). …"
 */
export function tensorParallelText(split: TensorParallelSplit): string {
  const { gpuCount, totalWeightBytes, weightsPerGpuBytes, kvReplication, kvHeadsPerGpu, numKvHeads, attentionKind } =
    split;
  if (gpuCount === 1) {
    return `One GPU holds all ${formatBytesBoth(totalWeightBytes)} of weights and the whole KV cache; no inter-GPU traffic.`;
  }
  const kv =
    attentionKind === 'mla'
      ? 'the MLA latent KV cache cannot be split by head, so every GPU keeps a full copy'
      : kvReplication > 1
        ? `${formatCount(numKvHeads)} KV heads over ${formatCount(gpuCount)} GPUs: each head is replicated ${formatNumber(kvReplication, 0)}×`
        : `the KV cache is split by head (${formatCount(kvHeadsPerGpu ?? 0)} of ${formatCount(numKvHeads)} KV heads per GPU)`;
  return `Tensor-parallel over ${formatCount(gpuCount)} GPUs: ${formatBytesBoth(weightsPerGpuBytes)} of weights per GPU, ${kv}. The all-reduce after every attention and MLP block is ignored in the roofline, so real TP speed is lower.`;
}
