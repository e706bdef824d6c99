import { getFormat } from '../formats';
import type { ComputeDtype, Gpu } from '../hardware/types';
import type { ModelSpec } from '../models/types';
import { kvAttendedTokens, kvCacheBytesPerToken } from '../models';
import { kvReplicationFactor, resolveGpu, resolveModel, weightBytes } from '../sizing';
import type { GpuRef, ModelRef } from '../sizing';
import { assertBatch, assertContextTokens, assertGpuCount, assertKvBits, assertPositive } from '../sizing/inputs';
import type { Bytes, Seconds, Tokens, TokensPerSecond } from '../units';
import { attentionComputeDtype, effectiveComputeDtype, peakOpsPerSecond } from './computeDtype';
import {
  attentionFlopsPerTokenPair,
  expectedExpertsTouched,
  weightBytesRead,
  weightWork,
  type WeightWork,
} from './work';
import {
  ceilingBreakdown,
  expectedBreakdown,
  gemmsPerLayer,
  smallOpBytesPerTokenPerLayer,
  type ExpectedTime,
  type OperatorBreakdown,
  type PassWork,
} from './operators';

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
  /** Memory roofs summed over operators: (weights + KV + small-op bytes) / bandwidth, plus all-reduce time. */
  memoryTimeSeconds: Seconds;
  /** Compute roofs summed over operators: linearFlops / peak(computeDtype) + attentionFlops / peak(16-bit). */
  computeTimeSeconds: Seconds;
  /** Which roof bounds the weight GEMMs (attention over the cache is memory-bound at any batch). */
  bound: 'memory' | 'compute';
  /** The ceiling, operator by operator; `secondsPerToken` is its `seconds`. */
  operators: OperatorBreakdown;
  /** The calibrated estimate from our GPU benchmark; null where no measurement covers this GPU generation or math path. */
  expected: ExpectedDecode | null;
  /** The dtype the linear layers run in on this GPU (after any fallback). */
  computeDtype: ComputeDtype;
  /** Explains a fallback (e.g. FP8 on A100 → BF16); null when none. */
  computeDtypeNote: string | null;
  /** The dtype attention runs in (16-bit). */
  attentionDtype: ComputeDtype;
  /** Batch at which the weight GEMMs turn compute-bound (independent of context; Infinity when never). */
  crossoverBatch: number;
  /** MoE: expected distinct routed experts read per MoE layer; null for dense models. */
  expertsTouchedPerLayer: number | null;
  gpuCount: number;
}

/** The expected (calibrated) decode step: per-operator times and throughputs. */
export interface ExpectedDecode extends ExpectedTime {
  secondsPerToken: Seconds;
  tokensPerSecondPerSequence: TokensPerSecond;
  tokensPerSecondTotal: TokensPerSecond;
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
  /** Linear-layer and attention peaks over all GPUs, without the user's efficiency (the calibration supplies its own). */
  linearPeakIdeal: number;
  attentionPeakIdeal: number;
  computeDtype: ComputeDtype;
  computeDtypeNote: string | null;
  attentionDtype: ComputeDtype;
  /** Storage bits per linear-layer weight (the math path depends on it). */
  bitsPerWeight: number;
  kvBits: number;
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
    linearPeakIdeal: peakOpsPerSecond(gpu, dtype.dtype) * gpuCount,
    attentionPeakIdeal: peakOpsPerSecond(gpu, attentionDtype) * gpuCount,
    computeDtype: dtype.dtype,
    computeDtypeNote: dtype.note,
    attentionDtype,
    bitsPerWeight: weights.bitsPerWeight,
    kvBits: input.kvBits,
  };
}

/**
 * The work of one decode step of `batch` sequences at `contextTokens` of context,
 * split by operator class. @internal
 */
export function decodeWorkOf(plan: DecodePlan, batch: number, contextTokens: Tokens): PassWork {
  const attended = kvAttendedTokens(plan.spec, contextTokens);
  return {
    tokens: batch,
    gemmBytes: weightBytesRead(plan.work, batch),
    gemmFlops: 2 * plan.work.linearParamsPerToken * batch,
    gemmCount: plan.spec.numLayers * gemmsPerLayer(plan.spec) + 1,
    attentionBytes: batch * attended * plan.kvBytesPerToken,
    attentionFlops: attentionFlopsPerTokenPair(plan.spec, 'decode') * attended * batch,
    attentionCount: plan.spec.numLayers,
    smallOpBytes: batch * plan.spec.numLayers * smallOpBytesPerTokenPerLayer(plan.spec),
    allReduceBytes: batch * plan.spec.hiddenSize * 2,
    allReduceCount: plan.gpuCount > 1 ? 2 * plan.spec.numLayers : 0,
  };
}

/**
 * The batch at which the **weight GEMMs** of a decode step turn from memory-bound to
 * compute-bound (their ridge point, as a batch size). It does not depend on the
 * context: attention over the KV cache is a separate kernel with its own roof, and
 * it stays memory-bound at any batch (its intensity, H/Hkv FLOP per BF16 byte, is far
 * below every GPU's ridge).
 *
 * Dense models, closed form: memory time (W + b·g)/BW equals compute time 2·P·b/peak at
 *
 *     b* = (W / BW) / (2P / peak − g / BW)
 *
 * with W the weight bytes read once per step, g the embedding row gathered per
 * sequence and P the linear parameters per token. For BF16 weights (2 bytes, 2 FLOPs
 * per weight) b* ≈ peak / bandwidth = 989e12 / 3.35e12 ≈ 295 on an H100 SXM; for INT4
 * g128 (4.156 bits) with BF16 math, ≈ 295 × 4.156/16 ≈ 77. MoE: W grows with b (more
 * experts touched), so b* is found by bisection; the gap is convex in b and negative at 0.
 *
 * @example crossoverBatch(planDecode({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', kvBits: 16 })) // ≈ 295
 * @internal
 */
export function crossoverBatch(plan: DecodePlan): number {
  const gap = (b: number) =>
    (2 * plan.work.linearParamsPerToken * b) / plan.linearPeak - weightBytesRead(plan.work, b) / plan.bandwidth;
  if (plan.work.moeLayers === 0) {
    const fixedTime = plan.work.alwaysReadBytes / plan.bandwidth;
    const slope =
      (2 * plan.work.linearParamsPerToken) / plan.linearPeak - plan.work.gatherBytesPerToken / plan.bandwidth;
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
 * One decode step (every sequence of the batch gets one token) as a **sum over
 * operators**, each at its own roof:
 *
 *     t_ceiling = max(W/BW, F_lin/peak_lin)                 weight GEMMs (lm_head included)
 *               + max(b·c·kv/BW, F_attn/peak_16)            attention over the KV cache
 *               + small-op bytes/BW                         norms, residuals, SiLU·mul, RoPE
 *               + 2·layers × all-reduce(b·h·2 B)            tensor parallelism, ring over NVLink/PCIe
 *
 * and, where our GPU benchmark covers the GPU's generation and the format's math
 * path, an **expected** time from the same operators at the measured efficiencies
 * ({@link expectedBreakdown}; `expected` is null otherwise).
 *
 * - Weight bytes: every weight once per step, except the input embedding (a gather of
 *   one row per sequence) and, for MoE, the routed experts nobody picked
 *   (E·(1 − (1 − k/E)^batch) per MoE layer, uniform routing: {@link expectedExpertsTouched}).
 * - FLOPs: 2 per weight per sequence; attention 4·layers·heads·head_dim per (query,
 *   cached token) (MLA decode, absorbed: 2·layers·heads·(2·kv_lora_rank + rope)).
 * - computeDtype: the format's (weight-only → 16-bit; W8A8 → INT8/FP8), falling back to
 *   16 bits where the GPU lacks those tensor cores ({@link effectiveComputeDtype}).
 *   Attention always runs at the 16-bit peak.
 * - Tensor parallelism: bytes and FLOPs split evenly over `gpuCount` GPUs (KV replicated
 *   past the KV-head count, and always for MLA); two all-reduces per layer.
 *
 * `secondsPerToken` and the throughputs are the **ceiling** (with `efficiency` {1, 1}
 * an upper bound on speed); `memoryTimeSeconds`/`computeTimeSeconds` are the two roofs
 * summed over operators, `bound` and `crossoverBatch` are the weight GEMMs'.
 * Prefill, sampling and scheduling time are not included.
 *
 * @throws {RangeError} naming the field: batch, contextTokens, kvBits, gpuCount,
 *   efficiency.bandwidth / efficiency.compute outside (0, 1].
 * @throws {Error} for unknown model, weights or gpu ids.
 * @example
 * // Llama-3.1-70B W4A16 on one H100 SXM at batch 1, 1 token of context: the GEMMs read
 * // 37,666,455,552 B (the 39.77 GB checkpoint minus the 2.10 GB BF16 embedding, plus one row),
 * // attention 327,680 B, small ops 80 × 339,968 B → 3.35e12 / 3.7694e10 ≈ 88.9 tokens/s:
 * decodeStep({ model: 'llama-3.1-70b', weights: 'int4-g128', gpu: 'h100-sxm', batch: 1, contextTokens: 1, kvBits: 16 }).tokensPerSecondTotal // ≈ 88.9
 */
export function decodeStep(input: DecodeInput): DecodeStepResult {
  assertBatch(input.batch);
  assertContextTokens(input.contextTokens);
  const plan = planDecode(input);
  return decodeStepWithPlan(plan, input.batch, input.contextTokens);
}

/** {@link decodeStep} on an already validated plan. @internal */
export function decodeStepWithPlan(plan: DecodePlan, batch: number, contextTokens: Tokens): DecodeStepResult {
  const w = decodeWorkOf(plan, batch, contextTokens);
  const ceiling = ceilingBreakdown(plan, w);
  const expected = expectedBreakdown(plan, w);
  const secondsPerToken = ceiling.seconds;
  const memoryTime =
    ceiling.gemm.memorySeconds +
    ceiling.attention.memorySeconds +
    ceiling.smallOps.memorySeconds +
    ceiling.allReduce.memorySeconds;
  const computeTime = ceiling.gemm.computeSeconds + ceiling.attention.computeSeconds;
  return {
    secondsPerToken,
    tokensPerSecondPerSequence: 1 / secondsPerToken,
    tokensPerSecondTotal: batch / secondsPerToken,
    bytesRead: w.gemmBytes + w.attentionBytes,
    weightBytesRead: w.gemmBytes,
    kvBytesRead: w.attentionBytes,
    flops: w.gemmFlops + w.attentionFlops,
    linearFlops: w.gemmFlops,
    attentionFlops: w.attentionFlops,
    memoryTimeSeconds: memoryTime,
    computeTimeSeconds: computeTime,
    bound: ceiling.gemm.bound,
    operators: ceiling,
    expected: expected && {
      ...expected,
      secondsPerToken: expected.seconds,
      tokensPerSecondPerSequence: 1 / expected.seconds,
      tokensPerSecondTotal: batch / expected.seconds,
    },
    computeDtype: plan.computeDtype,
    computeDtypeNote: plan.computeDtypeNote,
    attentionDtype: plan.attentionDtype,
    crossoverBatch: crossoverBatch(plan),
    expertsTouchedPerLayer:
      plan.work.moeLayers > 0 ? expectedExpertsTouched(plan.work.numExperts, plan.work.expertsPerToken, batch) : null,
    gpuCount: plan.gpuCount,
  };
}
