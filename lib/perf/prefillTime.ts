import type { ModelSpec } from '../models/types';
import { assertBatch, assertContextTokens } from '../sizing/inputs';
import type { Bytes, Seconds, Tokens } from '../units';
import { planDecode, type Efficiency } from './decodeStep';
import type { GpuRef, ModelRef } from '../sizing';
import { attentionFlopsPerTokenPair, weightBytesRead } from './work';
import {
  ceilingBreakdown,
  expectedBreakdown,
  gemmsPerLayer,
  smallOpBytesPerTokenPerLayer,
  type ExpectedTime,
  type OperatorBreakdown,
  type PassWork,
} from './operators';

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
  /** The per-operator ceiling: sum over operators of max(memory, compute). */
  seconds: Seconds;
  /** Memory roofs summed over operators. */
  memoryTimeSeconds: Seconds;
  /** Compute roofs summed over operators. */
  computeTimeSeconds: Seconds;
  /** Which roof bounds the weight GEMMs: memory below the ridge (≈ 295 tokens for BF16/FP8 on an H100), compute above. */
  bound: 'memory' | 'compute';
  /** Weights read once + KV cache written and read once. */
  bytes: Bytes;
  linearFlops: number;
  attentionFlops: number;
  /** The ceiling operator by operator. */
  operators: OperatorBreakdown;
  /** The calibrated estimate (null where no measurement covers the GPU generation or math path). */
  expected: ExpectedTime | null;
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
 * A prefill (time to first token, without queueing) as a sum over operators, like
 * {@link decodeStep}, with T = batch × promptTokens tokens in one pass:
 *
 *     GEMMs      max(W/BW, 2·P·T/peak_lin)              W: weights read once (MoE: experts touched by T tokens)
 *     attention  max(2·T·kv/BW, F_pair·pairs/peak_16)   KV written and read once; causal pairs p(p+1)/2 per prompt
 *     small ops  T × layers × small-op bytes / BW
 *     all-reduce 2·layers × ring(T·h·2 B)               tensor parallelism only
 *
 * The GEMMs' arithmetic intensity is ≈ T FLOP per weight byte for BF16 (2T for FP8),
 * so a prefill is **compute-bound only once T exceeds the ridge** (peak/bandwidth ≈ 295
 * tokens for BF16 and FP8 on an H100 SXM; ≈ 80 for W4A16 g128): short prompts behave
 * like decode, and there 4-bit weights are faster (review F03). Long prompts are
 * compute-bound, where weight-only 4-bit gains nothing at best and our benchmark shows
 * it slower than BF16 (dequantisation costs ALU time: `expected`), and W8A8 on INT8/FP8
 * tensor cores gains up to 2×. Chunked prefill (vLLM's per-step token budget) re-reads
 * the weights once per chunk; this is one pass.
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
  const w: PassWork = {
    tokens,
    gemmBytes: weightBytesRead(plan.work, tokens),
    gemmFlops: 2 * plan.work.linearParamsPerToken * tokens,
    gemmCount: plan.spec.numLayers * gemmsPerLayer(plan.spec) + 1,
    attentionBytes: 2 * tokens * plan.kvBytesPerToken,
    attentionFlops: attentionFlopsPerTokenPair(plan.spec, 'prefill') * batch * causalPairs(plan.spec, p),
    attentionCount: plan.spec.numLayers,
    smallOpBytes: tokens * plan.spec.numLayers * smallOpBytesPerTokenPerLayer(plan.spec),
    allReduceBytes: tokens * plan.spec.hiddenSize * 2,
    allReduceCount: plan.gpuCount > 1 ? 2 * plan.spec.numLayers : 0,
  };
  const operators = ceilingBreakdown(plan, w);
  const o = operators;
  return {
    seconds: o.seconds,
    memoryTimeSeconds:
      o.gemm.memorySeconds + o.attention.memorySeconds + o.smallOps.memorySeconds + o.allReduce.memorySeconds,
    computeTimeSeconds: o.gemm.computeSeconds + o.attention.computeSeconds,
    bound: o.gemm.bound,
    bytes: w.gemmBytes + w.attentionBytes,
    linearFlops: w.gemmFlops,
    attentionFlops: w.attentionFlops,
    operators,
    expected: expectedBreakdown(plan, w),
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
