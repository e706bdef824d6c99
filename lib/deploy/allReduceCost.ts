import { decodeStep, prefillRoofline } from '../perf';
import { resolveModel } from '../sizing';
import type { Bytes, Seconds, Tokens } from '../units';
import type { ServingSetup } from './sloBatch';

/** One pass of a tensor-parallel group and what its all-reduces cost. */
export interface AllReduceCost {
  /** Tokens the pass carries: the batch for a decode step, the prompt for a prefill. */
  tokens: Tokens;
  /** 2 per layer (Megatron-style TP: after attention and after the MLP); 0 on one GPU. */
  allReduces: number;
  /** Payload of one all-reduce: tokens × hidden × 2 B (BF16 activations). */
  bytesPerAllReduce: Bytes;
  /** Per layer and token: 2 all-reduces × hidden × 2 B. */
  bytesPerLayerPerToken: Bytes;
  /** Every all-reduce of the pass together. */
  bytesPerPass: Bytes;
  /** Ring bandwidth time of those all-reduces over the GPU's interconnect (lib/perf); latency not included. */
  seconds: Seconds;
  /** The pass's whole ceiling time, all-reduces included. */
  passSeconds: Seconds;
}

/**
 * The all-reduce traffic of tensor parallelism for one decode step (`batch` tokens) or
 * one prefill (`promptTokens`), as lib/perf counts it:
 *
 *     all-reduces per pass = 2 · layers                       (Shoeybi et al., arXiv 1909.08053 §3)
 *     bytes per all-reduce = tokens · hidden · 2 B
 *     time                 = all-reduces · 2(N − 1)/N · bytes / per-direction link bandwidth   (nccl-tests PERFORMANCE.md)
 *
 * The time is a bandwidth floor: each all-reduce also pays a fixed latency that lib/perf
 * does not model, which dominates the small all-reduces of decode at small batch.
 *
 * @throws {RangeError} when gpuCount < 2 (no all-reduce to cost); errors of decodeStep / prefillRoofline.
 * @example tensorParallelAllReduce({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2 }, { decodeBatch: 1 }).bytesPerLayerPerToken // 32768 (2 × 8,192 × 2 B)
 */
export function tensorParallelAllReduce(
  setup: Omit<ServingSetup, 'contextTokens'> & { contextTokens?: Tokens },
  pass: { decodeBatch: number } | { promptTokens: Tokens },
): AllReduceCost {
  const { model, weights, gpu, gpuCount = 1, contextTokens = 1, kvBits = 16 } = setup;
  if (!Number.isInteger(gpuCount) || gpuCount < 2)
    throw new RangeError(`gpuCount must be 2 or more for tensor parallelism (got ${gpuCount})`);
  const spec = resolveModel(model);
  const isDecode = 'decodeBatch' in pass;
  const tokens = isDecode ? pass.decodeBatch : pass.promptTokens;
  const operators = isDecode
    ? decodeStep({ model: spec, weights, gpu, gpuCount, batch: tokens, contextTokens, kvBits }).operators
    : prefillRoofline({ model: spec, weights, gpu, gpuCount, promptTokens: tokens }).operators;
  const allReduces = 2 * spec.numLayers;
  const bytesPerPass = operators.allReduce.bytes;
  return {
    tokens,
    allReduces,
    bytesPerAllReduce: bytesPerPass / allReduces,
    bytesPerLayerPerToken: (2 * bytesPerPass) / allReduces / tokens,
    bytesPerPass,
    seconds: operators.allReduce.seconds,
    passSeconds: operators.seconds,
  };
}
