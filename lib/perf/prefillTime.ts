import type { ModelSpec } from '../models/types';
import { assertBatch, assertContextTokens } from '../sizing/inputs';
import type { Bytes, Seconds, Tokens } from '../units';
import { planDecode, type Efficiency } from './decodeStep';
import type { GpuRef, ModelRef } from '../sizing';
import { attentionFlopsPerTokenPair, weightBytesRead } from './work';

/** A prefill: `batch` prompts of `promptTokens` tokens each, processed in one pass. */
export interface PrefillInput {
  model: ModelRef;
  weights: string;
  gpu: GpuRef;
  gpuCount?: number;
  /** Tokens per prompt, 1 … 10M. */
  promptTokens: Tokens;
  /** Prompts, 1 … 100,000 (default 1). */
  batch?: number;
  /** Bits per KV-cache element written (default 16). */
  kvBits?: number;
  efficiency?: Efficiency;
}

export interface PrefillResult {
  /** max(memoryTimeSeconds, computeTimeSeconds). */
  seconds: Seconds;
  memoryTimeSeconds: Seconds;
  computeTimeSeconds: Seconds;
  bound: 'memory' | 'compute';
  /** Weights read once + KV cache written. */
  bytes: Bytes;
  linearFlops: number;
  attentionFlops: number;
}

/**
 * (query, key) pairs a causal prompt of `p` tokens attends, averaged over layers:
 * p(p + 1)/2 for full-attention layers; sliding-window layers see at most `window` keys
 * per query: W(W + 1)/2 + (p − W)·W once p > W.
 */
function causalPairs(spec: ModelSpec, p: number): number {
  const full = (p * (p + 1)) / 2;
  const window = spec.slidingWindow;
  if (!window) return full;
  const w = window.windowTokens;
  const windowedPairs = p <= w ? full : (w * (w + 1)) / 2 + (p - w) * w;
  const windowed = Math.min(window.numLayers, spec.numLayers);
  return ((spec.numLayers - windowed) * full + windowed * windowedPairs) / spec.numLayers;
}

/**
 * Roofline model of a prefill (time to first token, without queueing):
 *
 *     tokens         = batch × promptTokens
 *     linearFlops    = 2 × linear params per token × tokens
 *     attentionFlops = attention FLOPs per (query, key) pair × batch × p(p + 1)/2   (causal; sliding windows capped)
 *     bytes          = weights read once (MoE: experts touched by `tokens` tokens) + tokens × KV bytes per token
 *     seconds        = max(bytes / bandwidth, linearFlops / peak(computeDtype) + attentionFlops / peak(bf16))
 *
 * With thousands of tokens per pass, prefill is compute-bound on every GPU in the
 * catalog; weight-only quantisation (W4A16) does not speed it up, W8A8 (INT8/FP8
 * tensor cores) can. Chunked prefill re-reads the weights once per chunk, which this
 * ignores (it matters only for chunks below the ridge point, ~300 tokens on H100).
 * Same assumptions as {@link decodeStep}: peak figures (an upper bound on speed),
 * even tensor-parallel split, no communication.
 *
 * @throws {RangeError} naming the field for invalid promptTokens, batch, kvBits, gpuCount or efficiency.
 * @example
 * // Llama-3.1-70B BF16 on one H100 SXM, one 4,096-token prompt:
 * // 2 × 69.5e9 × 4,096 ≈ 5.69e14 FLOPs + 4·80·64·128 × 4,096·4,097/2 ≈ 2.2e13 → ≈ 0.60 s at 989 TFLOPS
 * prefillRoofline({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', promptTokens: 4096 }).bound // 'compute'
 */
export function prefillRoofline(input: PrefillInput): PrefillResult {
  assertContextTokens(input.promptTokens, 'promptTokens');
  const batch = input.batch ?? 1;
  assertBatch(batch);
  const plan = planDecode({ ...input, kvBits: input.kvBits ?? 16 });
  const p = input.promptTokens;
  const tokens = batch * p;

  const linearFlops = 2 * plan.work.linearParamsPerToken * tokens;
  const attentionFlops = attentionFlopsPerTokenPair(plan.spec, 'prefill') * batch * causalPairs(plan.spec, p);
  const bytes = weightBytesRead(plan.work, tokens) + tokens * plan.kvBytesPerToken;
  const memoryTimeSeconds = bytes / plan.bandwidth;
  const computeTimeSeconds = linearFlops / plan.linearPeak + attentionFlops / plan.attentionPeak;
  return {
    seconds: Math.max(memoryTimeSeconds, computeTimeSeconds),
    memoryTimeSeconds,
    computeTimeSeconds,
    bound: computeTimeSeconds > memoryTimeSeconds ? 'compute' : 'memory',
    bytes,
    linearFlops,
    attentionFlops,
  };
}

/**
 * Seconds to prefill `batch` prompts of `promptTokens` tokens: `prefillRoofline(input).seconds`.
 * A lower bound on time to first token (peak roofline).
 *
 * @throws {RangeError} as {@link prefillRoofline}.
 * @example prefillTime({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', promptTokens: 4096 }) // ≈ 0.60
 */
export function prefillTime(input: PrefillInput): Seconds {
  return prefillRoofline(input).seconds;
}
