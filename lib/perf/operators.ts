import type { ModelSpec } from '../models/types';
import type { Bytes, Seconds } from '../units';
import {
  blend,
  calibrationFor,
  fastestKernel,
  mathPath,
  slowdownAt,
  type CalibrationMatch,
  type MathPath,
} from './calibration';
import type { DecodePlan } from './decodeStep';

/** One operator class of a forward pass, with its own roof. */
export interface OperatorTime {
  /** Bytes it moves through DRAM, all GPUs together. */
  bytes: Bytes;
  /** FLOPs it does, all GPUs together. */
  flops: number;
  /** bytes / (bandwidth × GPUs [× fraction]). */
  memorySeconds: Seconds;
  /** flops / (peak × GPUs [× fraction]); 0 for pure data movement. */
  computeSeconds: Seconds;
  /** Its time: max of the two for the ceiling; the calibrated blend plus launches for the expected time. */
  seconds: Seconds;
  bound: 'memory' | 'compute';
}

/** A forward pass (one decode step or one prefill) as a sum over operators. */
export interface OperatorBreakdown {
  /** Weight GEMMs: every linear layer, lm_head included (MoE: the experts touched). */
  gemm: OperatorTime;
  /** Attention over the KV cache (decode), or causal self-attention with the KV write (prefill). */
  attention: OperatorTime;
  /** Norms, residual adds, SiLU·mul and RoPE: activation traffic only. */
  smallOps: OperatorTime;
  /** Tensor parallelism: two all-reduces of the hidden state per layer (0 on one GPU). */
  allReduce: OperatorTime;
  /** gemm + attention + smallOps + allReduce: the kernels run one after another. */
  seconds: Seconds;
}

/** The calibrated half of a result: what the kernels we measured would do. */
export interface ExpectedTime {
  breakdown: OperatorBreakdown;
  seconds: Seconds;
  /** The weight GEMMs' math path, e.g. 'weight-only'. */
  path: MathPath;
  /** 'measured' (this GPU was benchmarked) or 'same-architecture' (fractions of a sibling GPU carried over). */
  basis: CalibrationMatch['basis'];
  /** GPU the calibration was measured on. */
  calibratedOn: string;
  /** Kernel the GEMM figures come from. */
  kernel: string;
  /** What a reader must know before trusting this figure; null when nothing special. */
  caveat: string | null;
}

/** Work of one forward pass, before any roof is applied. @internal */
export interface PassWork {
  /** Tokens in the pass: the batch in decode, batch × prompt in prefill (the GEMMs' M). */
  tokens: number;
  gemmBytes: Bytes;
  gemmFlops: number;
  /** GEMM launches per GPU per pass (layers × GEMMs per layer + lm_head). */
  gemmCount: number;
  attentionBytes: Bytes;
  attentionFlops: number;
  /** Attention launches per GPU per pass (one per layer). */
  attentionCount: number;
  smallOpBytes: Bytes;
  /** Bytes of one all-reduce's payload (tokens × hidden × 2) and how many per pass. */
  allReduceBytes: Bytes;
  allReduceCount: number;
}

/**
 * GEMM launches per layer on one GPU: attention projections (fused QKV + O = 2; MLA:
 * q_a, q_b, kv_a, the absorbed kv_b products and o = 5) plus the MLP (fused gate_up +
 * down = 2; MoE: router + grouped gate_up + grouped down = 3, plus 2 for shared experts).
 * These are vLLM's fused layers (`QKVParallelLinear`, `MergedColumnParallelLinear`).
 *
 * @example gemmsPerLayer(llama70bSpec) // 4
 */
export function gemmsPerLayer(spec: ModelSpec): number {
  const attention = spec.attention.kind === 'mla' ? 5 : 2;
  const mlp = spec.mlp.kind === 'dense' ? 2 : 3 + (spec.mlp.numSharedExperts > 0 ? 2 : 0);
  return attention + mlp;
}

/**
 * Activation bytes per token per layer moved by the operators between the GEMMs,
 * at 2 bytes per element, counted for vLLM's fused kernels:
 *
 *     2 × fused add + RMSNorm (read x and residual, write both: 4h each)  = 8h
 *   + SiLU·mul (read gate and up, write one: 3I)                          = 3I
 *   + RoPE on queries and keys (read and write: 2(H + Hkv)·d)
 *
 * times 2 bytes. Llama-3.1-70B: 2 × (8·8,192 + 3·28,672 + 2·72·128) = 339,968 B.
 * MoE layers count the routed experts' width × top-k. MLA counts its query and
 * latent widths for RoPE. An estimate of traffic, not a measurement.
 *
 * @example smallOpBytesPerTokenPerLayer(llama70bSpec) // 339_968
 */
export function smallOpBytesPerTokenPerLayer(spec: ModelSpec): Bytes {
  const h = spec.hiddenSize;
  const mlp =
    spec.mlp.kind === 'dense'
      ? spec.mlp.intermediateSize
      : spec.mlp.expertIntermediateSize * spec.mlp.expertsPerToken +
        spec.mlp.sharedExpertIntermediateSize * spec.mlp.numSharedExperts;
  const a = spec.attention;
  const rope =
    a.kind === 'mla'
      ? 2 * a.numHeads * a.qkRopeHeadDim + 2 * a.qkRopeHeadDim
      : 2 * (a.numHeads + a.numKvHeads) * a.headDim;
  return 2 * (8 * h + 3 * mlp + rope);
}

/** One all-reduce's time on a ring: 2(N − 1)/N × payload / per-direction link bandwidth. @internal */
function allReduceSeconds(bytes: number, gpuCount: number, linkBytesPerSecond: number): number {
  if (gpuCount <= 1) return 0;
  return ((2 * (gpuCount - 1)) / gpuCount) * (bytes / linkBytesPerSecond);
}

function op(
  bytes: number,
  flops: number,
  memorySeconds: number,
  computeSeconds: number,
  seconds: number,
): OperatorTime {
  return {
    bytes,
    flops,
    memorySeconds,
    computeSeconds,
    seconds,
    bound: computeSeconds > memorySeconds ? 'compute' : 'memory',
  };
}

/**
 * The per-operator **ceiling** of a pass (F01 of the expert review): each operator
 * class at the better of its own two roofs, and the classes added, since they are
 * different kernels run one after another:
 *
 *     t = max(W/BW, F_lin/peak_lin) + max(KV/BW, F_attn/peak_16) + small/BW + all-reduce
 *
 * (per GPU: bytes and FLOPs split over N GPUs, each with its own BW and peak).
 * Pooling all bytes against all FLOPs, max(ΣB/BW, ΣF/peak), lets KV traffic hide GEMM
 * compute and ranks formats wrongly at mid batches (Yuan et al., LLM-Viewer,
 * arXiv 2402.16363, applies the roofline per layer the same way).
 * All-reduce: ring over the GPU's interconnect (datasheet per-direction figure).
 */
export function ceilingBreakdown(plan: DecodePlan, w: PassWork): OperatorBreakdown {
  const bw = plan.bandwidth;
  const peakLin = plan.linearPeak;
  const peak16 = plan.attentionPeak;
  const gm = w.gemmBytes / bw;
  const gc = w.gemmFlops / peakLin;
  const am = w.attentionBytes / bw;
  const ac = w.attentionFlops / peak16;
  const sm = w.smallOpBytes / bw;
  const ar =
    w.allReduceCount *
    allReduceSeconds(w.allReduceBytes, plan.gpuCount, plan.gpu.interconnect.bytesPerSecondPerDirection);
  const gemm = op(w.gemmBytes, w.gemmFlops, gm, gc, Math.max(gm, gc));
  const attention = op(w.attentionBytes, w.attentionFlops, am, ac, Math.max(am, ac));
  const smallOps = op(w.smallOpBytes, 0, sm, 0, sm);
  const allReduce = op(w.allReduceBytes * w.allReduceCount, 0, ar, 0, ar);
  return {
    gemm,
    attention,
    smallOps,
    allReduce,
    seconds: gemm.seconds + attention.seconds + smallOps.seconds + allReduce.seconds,
  };
}

/**
 * The **expected** time of a pass: the same operators with the efficiencies our GPU
 * benchmark measured (`bench/gpu`, reduced by `scripts/calibrate-perf.ts`):
 *
 *     gemm      = launches × τ + slowdown(batch) × max(W/BW, F/peak)     (fastest measured kernel of the math path)
 *     attention = layers × τ_a + max(KV/(η_kv·BW), F_attn/(η_c,bf16·peak_16))
 *     small ops = bytes / (η_read·BW)
 *     all-reduce: as the ceiling (not yet measured: two-GPU runs are pending)
 *
 * Returns null when no calibration covers this GPU's architecture or this math path
 * (INT4/FP4 tensor-core formats, W4A8): the page then shows the ceiling alone.
 */
export function expectedBreakdown(plan: DecodePlan, w: PassWork): ExpectedTime | null {
  const match = calibrationFor(plan.gpu);
  if (!match) return null;
  const path = mathPath(plan.computeDtype, plan.bitsPerWeight);
  if (!path) return null;
  const g16 = match.calibration.kernels.bf16;
  if (!g16) return null;
  const a = match.calibration.attention;
  const n = plan.gpuCount;
  const bw = plan.gpu.bandwidthBytesPerSecond * n;
  const peakLin = plan.linearPeakIdeal;
  const peak16 = plan.attentionPeakIdeal;
  const fastest = fastestKernel(
    match.calibration,
    path,
    { bytes: w.gemmBytes, flops: w.gemmFlops, count: w.gemmCount, tokens: w.tokens },
    bw,
    peakLin,
  );
  if (!fastest) return null;
  const g = fastest.kernel;
  const slow = slowdownAt(g, w.tokens);
  const gm = (w.gemmBytes / bw) * slow;
  const gc = (w.gemmFlops / peakLin) * slow;
  const gemmTime = fastest.seconds;
  const kvFraction = plan.kvBits <= 8 ? a.bandwidthFraction.fp8 : a.bandwidthFraction.bf16;
  const am = w.attentionBytes / (kvFraction * bw);
  const ac = w.attentionFlops / (g16.computeFraction * peak16);
  const attentionTime = w.attentionCount * a.launchSeconds + Math.max(am, ac);
  const sm = w.smallOpBytes / (match.calibration.readBandwidthFraction * bw);
  const ar = w.allReduceCount * allReduceSeconds(w.allReduceBytes, n, plan.gpu.interconnect.bytesPerSecondPerDirection);

  const gemm = op(w.gemmBytes, w.gemmFlops, gm, gc, gemmTime);
  const attention = op(w.attentionBytes, w.attentionFlops, am, ac, attentionTime);
  const smallOps = op(w.smallOpBytes, 0, sm, 0, sm);
  const allReduce = op(w.allReduceBytes * w.allReduceCount, 0, ar, 0, ar);
  const seconds = gemm.seconds + attention.seconds + smallOps.seconds + allReduce.seconds;
  return {
    breakdown: { gemm, attention, smallOps, allReduce, seconds },
    seconds,
    path,
    basis: match.basis,
    calibratedOn: match.calibration.gpuId,
    kernel: g.kernel,
    caveat:
      path === 'weight-only'
        ? `Our benchmark has no Marlin or Machete (vLLM's W4A16 kernels); the INT4 kernels it could run reached ${Math.round(
            100 *
              Math.max(
                ...match.calibration.paths['weight-only'].map(
                  (f) => match.calibration.kernels[f]?.bandwidthFraction ?? 0,
                ),
              ),
          )} % of peak bandwidth at batch 1, where Marlin reports near-ideal speed up to batch 16–32. Read this as a floor, not as vLLM's speed.`
        : null,
  };
}

export { blend };
