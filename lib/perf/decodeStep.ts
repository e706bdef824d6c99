import { getFormat } from '../formats';
import type { ComputeDtype, Gpu } from '../hardware/types';
import type { ModelSpec } from '../models/types';
import { kvCacheBytesPerToken } from '../models';
import { kvEffectiveTokens, kvReplicationFactor, resolveGpu, resolveModel, weightBytes } from '../sizing';
import type { GpuRef, ModelRef } from '../sizing';
import { assertBatch, assertContextTokens, assertGpuCount, assertKvBits, assertPositive } from '../sizing/inputs';
import type { Bytes, Seconds, Tokens, TokensPerSecond } from '../units';
import { attentionComputeDtype, effectiveComputeDtype, peakOpsPerSecond } from './computeDtype';
import { attentionFlopsPerTokenPair, expectedExpertsTouched, weightBytesRead, weightWork, type WeightWork } from './work';

/** Fractions of the datasheet peaks a kernel reaches; 1 = peak (the roofline ceiling). */
export interface Efficiency {
  /** Fraction of peak DRAM bandwidth, (0, 1]. Default 1. */
  bandwidth?: number;
  /** Fraction of peak tensor-core throughput, (0, 1]. Default 1. */
  compute?: number;
}

/** One decode step of a batch of sequences. */
export interface DecodeInput {
  model: ModelRef;
  /** Weight format id (lib/formats). */
  weights: string;
  gpu: GpuRef;
  /** Tensor-parallel GPUs (default 1); must divide the attention heads. */
  gpuCount?: number;
  /** Sequences decoded together, 1 … 100,000. */
  batch: number;
  /** Tokens already in each sequence's KV cache, 1 … 10M. */
  contextTokens: Tokens;
  /** Bits per KV-cache element (16 = BF16 cache). */
  kvBits: number;
  efficiency?: Efficiency;
}

/** One decode step's time, throughput, traffic and work, and which roof bounds it. */
export interface DecodeStepResult {
  /** Time of one decode step, which yields one token for every sequence. */
  secondsPerToken: Seconds;
  /** 1 / secondsPerToken: what one user sees. */
  tokensPerSecondPerSequence: TokensPerSecond;
  /** batch / secondsPerToken: what the server produces. */
  tokensPerSecondTotal: TokensPerSecond;
  /** weightBytesRead + kvBytesRead, over all GPUs. */
  bytesRead: Bytes;
  weightBytesRead: Bytes;
  kvBytesRead: Bytes;
  /** linearFlops + attentionFlops. */
  flops: number;
  linearFlops: number;
  attentionFlops: number;
  /** bytesRead / (bandwidth × gpuCount × efficiency.bandwidth). */
  memoryTimeSeconds: Seconds;
  /** linearFlops / peak(computeDtype) + attentionFlops / peak(16-bit), over gpuCount × efficiency.compute. */
  computeTimeSeconds: Seconds;
  bound: 'memory' | 'compute';
  /** The dtype the linear layers run in on this GPU (after any fallback). */
  computeDtype: ComputeDtype;
  /** Explains a fallback (e.g. FP8 on A100 → BF16); null when none. */
  computeDtypeNote: string | null;
  /** The dtype attention runs in (16-bit). */
  attentionDtype: ComputeDtype;
  /** Batch at which compute time equals memory time at this context (real number; Infinity when never compute-bound). */
  crossoverBatch: number;
  /** MoE: expected distinct routed experts read per MoE layer; null for dense models. */
  expertsTouchedPerLayer: number | null;
  gpuCount: number;
}

/** Everything about a decode step that does not depend on the batch. @internal */
export interface DecodePlan {
  spec: ModelSpec;
  gpu: Gpu;
  gpuCount: number;
  work: WeightWork;
  /** KV bytes read per cached token, all copies. */
  kvBytesPerToken: Bytes;
  /** Bytes per second over all GPUs, after efficiency. */
  bandwidth: number;
  /** Linear-layer ops per second over all GPUs, after efficiency. */
  linearPeak: number;
  /** Attention ops per second over all GPUs, after efficiency. */
  attentionPeak: number;
  computeDtype: ComputeDtype;
  computeDtypeNote: string | null;
  attentionDtype: ComputeDtype;
}

/** Validates and resolves everything but batch and context. @internal */
export function planDecode(input: Omit<DecodeInput, 'batch' | 'contextTokens'>): DecodePlan {
  const spec = resolveModel(input.model);
  const gpu = resolveGpu(input.gpu);
  const gpuCount = input.gpuCount ?? 1;
  assertGpuCount(gpuCount, spec);
  assertKvBits(input.kvBits);
  const bandwidthEfficiency = input.efficiency?.bandwidth ?? 1;
  const computeEfficiency = input.efficiency?.compute ?? 1;
  assertPositive(bandwidthEfficiency, 'efficiency.bandwidth', 1);
  assertPositive(computeEfficiency, 'efficiency.compute', 1);
  if (typeof input.weights !== 'string' || input.weights === '') {
    throw new Error(`weights must be a weight format id (got ${JSON.stringify(input.weights)})`);
  }
  let format;
  let weights;
  try {
    format = getFormat(input.weights);
    weights = weightBytes(spec, input.weights);
  } catch (error) {
    throw new Error(`weights: ${(error as Error).message}`);
  }
  const dtype = effectiveComputeDtype(format.computeDtype, gpu);
  const attentionDtype = attentionComputeDtype(gpu);
  return {
    spec,
    gpu,
    gpuCount,
    work: weightWork(spec, weights),
    kvBytesPerToken: kvCacheBytesPerToken(spec, { bits: input.kvBits }) * kvReplicationFactor(spec, gpuCount),
    bandwidth: gpu.bandwidthBytesPerSecond * gpuCount * bandwidthEfficiency,
    linearPeak: peakOpsPerSecond(gpu, dtype.dtype) * gpuCount * computeEfficiency,
    attentionPeak: peakOpsPerSecond(gpu, attentionDtype) * gpuCount * computeEfficiency,
    computeDtype: dtype.dtype,
    computeDtypeNote: dtype.note,
    attentionDtype,
  };
}

/** Memory time and compute time of one decode step at a (real-valued) batch. @internal */
export function decodeTimes(plan: DecodePlan, batch: number, contextTokens: Tokens) {
  const weightBytes = weightBytesRead(plan.work, batch);
  const attended = kvEffectiveTokens(plan.spec, contextTokens);
  const kvBytes = batch * attended * plan.kvBytesPerToken;
  const linearFlops = 2 * plan.work.linearParamsPerToken * batch;
  const attentionFlops = attentionFlopsPerTokenPair(plan.spec, 'decode') * attended * batch;
  return {
    weightBytes,
    kvBytes,
    linearFlops,
    attentionFlops,
    memoryTime: (weightBytes + kvBytes) / plan.bandwidth,
    computeTime: linearFlops / plan.linearPeak + attentionFlops / plan.attentionPeak,
  };
}

/**
 * The batch at which a decode step turns from memory-bound to compute-bound at a
 * given context (the ridge point of the roofline, as a batch size).
 *
 * Dense models, closed form. Per step, memory time is (W + b·m)/BW and compute time
 * is b·c, where W = weight bytes read once per step, m = KV bytes per sequence +
 * embedding row, c = per-sequence FLOPs / peak. Setting them equal:
 *
 *     b* = (W / BW) / (c − m / BW),   Infinity when c ≤ m / BW
 *
 * (at long context the KV read grows as fast as the attention FLOPs, and attention's
 * intensity, H/Hkv FLOP per byte for a BF16 cache, is far below any GPU's ridge).
 * MoE: W grows with b (more experts touched), so b* is found by bisection on
 * compute − memory, which is convex in b and negative at 0, hence has one root.
 *
 * Ignoring the KV cache, for BF16 weights (2 bytes, 2 FLOPs per weight per token)
 * b* = peak / bandwidth: 989e12 / 3.35e12 ≈ 295 on an H100 SXM.
 *
 * @example crossoverBatch(planDecode({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', kvBits: 16 }), 1) // ≈ 295
 * @internal
 */
export function crossoverBatch(plan: DecodePlan, contextTokens: Tokens): number {
  const gap = (b: number) => {
    const t = decodeTimes(plan, b, contextTokens);
    return t.computeTime - t.memoryTime;
  };
  if (plan.work.moeLayers === 0) {
    const attended = kvEffectiveTokens(plan.spec, contextTokens);
    const fixedTime = plan.work.alwaysReadBytes / plan.bandwidth;
    const perSequenceMemory = (attended * plan.kvBytesPerToken + plan.work.gatherBytesPerToken) / plan.bandwidth;
    const perSequenceCompute =
      (2 * plan.work.linearParamsPerToken) / plan.linearPeak +
      (attentionFlopsPerTokenPair(plan.spec, 'decode') * attended) / plan.attentionPeak;
    const slope = perSequenceCompute - perSequenceMemory;
    return slope > 0 ? fixedTime / slope : Infinity;
  }
  let hi = 1;
  while (gap(hi) <= 0) {
    hi *= 2;
    if (hi > 1e12) return Infinity;
  }
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gap(mid) <= 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Roofline model of one decode step: every sequence in the batch gets one token.
 *
 *     bytesRead = weight bytes read + batch × contextTokens × KV bytes per token
 *                 (sliding-window layers read at most their window: {@link kvEffectiveTokens})
 *     flops     = 2 × linear params per token × batch
 *               + attention FLOPs per (query, cached token) × contextTokens × batch
 *     time      = max(bytesRead / bandwidth, linearFlops / peak(computeDtype) + attentionFlops / peak(bf16))
 *
 * - Weight bytes read: all weights once per step, except the input embedding (a
 *   gather of one row per sequence) and, for MoE, the routed experts nobody
 *   picked: per MoE layer E·(1 − (1 − k/E)^batch) experts are read (uniform routing;
 *   {@link expectedExpertsTouched}).
 * - Attention FLOPs per (query, cached token): 4 × layers × heads × head_dim
 *   (QKᵀ and softmax·V, 2 FLOPs per MAC each). MLA decode uses the absorbed form:
 *   2 × layers × heads × (2 × kv_lora_rank + rope dim).
 * - computeDtype: the format's (weight-only → bf16; W8A8 INT8 → int8; FP8 → fp8),
 *   falling back to 16-bit where the GPU lacks those tensor cores
 *   ({@link effectiveComputeDtype}: FP8 on A100 runs weight-only, dequantised to BF16).
 *   Attention always runs at the 16-bit peak.
 * - Tensor parallelism: bytes and FLOPs are split evenly over `gpuCount` GPUs, each
 *   with its own bandwidth and peak (KV replicated past the KV-head count, and always
 *   for MLA). All-reduce communication and kernel launch latency are ignored.
 *
 * With efficiency {1, 1} this is an **upper bound** on speed (a lower bound on time):
 * real kernels reach perhaps 60–90% of peak bandwidth and less of peak FLOPs.
 * Prefill, sampling and scheduling time are not included.
 *
 * @throws {RangeError} naming the field: batch, contextTokens, kvBits, gpuCount,
 *   efficiency.bandwidth / efficiency.compute outside (0, 1].
 * @throws {Error} for unknown model, weights or gpu ids.
 * @example
 * // Llama-3.1-70B W4A16 on one H100 SXM at batch 1, 1 token of context:
 * // 37,666,783,232 B read per token (the 39.77 GB checkpoint minus the 2.10 GB BF16
 * // embedding, which is a gather, plus one row and 320 KiB of KV) → 3.35e12 / 3.767e10:
 * decodeStep({ model: 'llama-3.1-70b', weights: 'int4-g128', gpu: 'h100-sxm', batch: 1, contextTokens: 1, kvBits: 16 }).tokensPerSecondTotal // ≈ 88.94
 */
export function decodeStep(input: DecodeInput): DecodeStepResult {
  assertBatch(input.batch);
  assertContextTokens(input.contextTokens);
  const plan = planDecode(input);
  return decodeStepWithPlan(plan, input.batch, input.contextTokens);
}

/** {@link decodeStep} on an already validated plan. @internal */
export function decodeStepWithPlan(plan: DecodePlan, batch: number, contextTokens: Tokens): DecodeStepResult {
  const t = decodeTimes(plan, batch, contextTokens);
  const secondsPerToken = Math.max(t.memoryTime, t.computeTime);
  return {
    secondsPerToken,
    tokensPerSecondPerSequence: 1 / secondsPerToken,
    tokensPerSecondTotal: batch / secondsPerToken,
    bytesRead: t.weightBytes + t.kvBytes,
    weightBytesRead: t.weightBytes,
    kvBytesRead: t.kvBytes,
    flops: t.linearFlops + t.attentionFlops,
    linearFlops: t.linearFlops,
    attentionFlops: t.attentionFlops,
    memoryTimeSeconds: t.memoryTime,
    computeTimeSeconds: t.computeTime,
    bound: t.computeTime > t.memoryTime ? 'compute' : 'memory',
    computeDtype: plan.computeDtype,
    computeDtypeNote: plan.computeDtypeNote,
    attentionDtype: plan.attentionDtype,
    crossoverBatch: crossoverBatch(plan, contextTokens),
    expertsTouchedPerLayer:
      plan.work.moeLayers > 0 ? expectedExpertsTouched(plan.work.numExperts, plan.work.expertsPerToken, batch) : null,
    gpuCount: plan.gpuCount,
  };
}
