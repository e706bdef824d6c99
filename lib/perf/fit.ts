import type { Gpu } from '../hardware/types';
import { blend, type AttentionCalibration, type Calibration, type GemmCalibration, type MathPath } from './calibration';
import { peakOpsPerSecond } from './computeDtype';

/** One GEMM timing from `bench/gpu/bench.py` (a row of its `gemm` array). */
export interface GemmMeasurement {
  /** Benchmark format: bf16, fp8-tensor, fp8-row, int8, int4-torch, int4-triton. */
  format: string;
  /** Llama-3.1-70B layer: qkv, o, gate_up, down. */
  layer: string;
  /** Tensor-parallel degree of the shard. */
  tp: number;
  /** Output and input features of the shard. */
  n: number;
  k: number;
  /** Rows of the activation matrix (batch in decode, prompt tokens in prefill). */
  tokens: number;
  seconds: number;
  /** Bytes of the weight shard, scales included. */
  weightBytes: number;
}

/** One decode-attention timing (a row of the benchmark's `attention` array). */
export interface AttentionMeasurement {
  kernel: string;
  kv: 'bf16' | 'fp8';
  context: number;
  batch: number;
  seconds: number;
  kvBytes: number;
}

/** Which benchmark formats feed which math path; weight-only takes the faster INT4 kernel at each point. */
export const PATH_FORMATS: Record<MathPath, readonly string[]> = {
  bf16: ['bf16'],
  'fp8-w8a8': ['fp8-row'],
  'int8-w8a8': ['int8'],
  'weight-only': ['int4-torch', 'int4-triton'],
};

const PATH_DTYPE = { bf16: 'bf16', 'fp8-w8a8': 'fp8', 'int8-w8a8': 'int8', 'weight-only': 'bf16' } as const;

/** A GEMM point reduced to what the model sees. */
export interface GemmPoint {
  bytes: number;
  flops: number;
  seconds: number;
  /** Benchmark format of the fastest kernel at this point. */
  format: string;
  layer: string;
  tp: number;
  tokens: number;
}

/**
 * The points of one math path: for each (layer, tp, tokens), the fastest of the
 * path's kernels. FLOPs = 2 × tokens × n × k; bytes = the weight shard's bytes.
 */
export function pathPoints(rows: readonly GemmMeasurement[], path: MathPath): GemmPoint[] {
  const best = new Map<string, GemmPoint>();
  for (const r of rows) {
    if (!PATH_FORMATS[path].includes(r.format) || !(r.seconds > 0)) continue;
    const key = `${r.layer}|${r.tp}|${r.tokens}`;
    const prev = best.get(key);
    if (!prev || r.seconds < prev.seconds) {
      best.set(key, { bytes: r.weightBytes, flops: 2 * r.tokens * r.n * r.k, seconds: r.seconds, format: r.format, layer: r.layer, tp: r.tp, tokens: r.tokens });
    }
  }
  return [...best.values()];
}

/** The model's time for one GEMM point under a calibration (one launch). */
export function modelGemmSeconds(point: Pick<GemmPoint, 'bytes' | 'flops'>, gpu: Gpu, path: MathPath, c: Pick<GemmCalibration, 'bandwidthFraction' | 'computeFraction' | 'launchSeconds' | 'sharpness'>): number {
  const peak = peakOpsPerSecond(gpu, PATH_DTYPE[path]);
  return c.launchSeconds + blend(point.bytes / (c.bandwidthFraction * gpu.bandwidthBytesPerSecond), point.flops / (c.computeFraction * peak), c.sharpness);
}

function range(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let x = lo; x <= hi + step / 2; x += step) out.push(Math.round(x / step) * step);
  return out;
}

/**
 * Fits (η_bw, η_c, τ, p) of one math path to its points by grid search, minimising the
 * largest relative error |model − measured| / measured (a minimax fit, since the
 * model must hold within a stated tolerance at every point, not on average).
 * Grid: η_bw 0.30…1.00 and η_c 0.20…1.00 in steps of 0.01, τ 0…12 µs in 0.5 µs,
 * p ∈ {1.5, 2, 2.5, 3, 4, 5, 6, 8, 12, 20}.
 */
export function fitGemm(points: readonly GemmPoint[], gpu: Gpu, path: MathPath, kernel: string): GemmCalibration | null {
  if (points.length === 0) return null;
  const peak = peakOpsPerSecond(gpu, PATH_DTYPE[path]);
  const bw = gpu.bandwidthBytesPerSecond;
  const tm1 = points.map((p) => p.bytes / bw);
  const tc1 = points.map((p) => p.flops / peak);
  let best = { err: Infinity, eb: 1, ec: 1, tau: 0, p: 4 };
  for (const p of [1.5, 2, 2.5, 3, 4, 5, 6, 8, 12, 20]) {
    for (const tau of range(0, 12e-6, 0.5e-6)) {
      for (const eb of range(0.3, 1, 0.01)) {
        for (const ec of range(0.2, 1, 0.01)) {
          let worst = 0;
          for (let i = 0; i < points.length; i++) {
            const t = tau + blend(tm1[i]! / eb, tc1[i]! / ec, p);
            const e = Math.abs(t - points[i]!.seconds) / points[i]!.seconds;
            if (e > worst) {
              worst = e;
              if (worst >= best.err) break;
            }
          }
          if (worst < best.err) best = { err: worst, eb, ec, tau, p };
        }
      }
    }
  }
  return {
    bandwidthFraction: best.eb,
    computeFraction: best.ec,
    launchSeconds: best.tau,
    sharpness: best.p,
    kernel,
    maxRelativeError: best.err,
    points: points.length,
  };
}

/**
 * Fits decode attention: t = τ + KV bytes / (η_kv · BW), one τ for both KV widths and
 * one η per width, minimax over the Triton kernel's points (the SDPA rows are a
 * cross-check, not fitted).
 */
export function fitAttention(rows: readonly AttentionMeasurement[], gpu: Gpu, kernel: string): AttentionCalibration {
  const pts = rows.filter((r) => r.kernel === kernel && r.seconds > 0);
  const bw = gpu.bandwidthBytesPerSecond;
  let best = { err: Infinity, tau: 0, bf16: 1, fp8: 1 };
  for (const tau of range(0, 30e-6, 0.5e-6)) {
    const fracFor = (kv: 'bf16' | 'fp8') => {
      let bestKv = { err: Infinity, eta: 1 };
      for (const eta of range(0.3, 1, 0.005)) {
        let worst = 0;
        for (const r of pts) {
          if (r.kv !== kv) continue;
          const e = Math.abs(tau + r.kvBytes / (eta * bw) - r.seconds) / r.seconds;
          if (e > worst) worst = e;
        }
        if (worst < bestKv.err) bestKv = { err: worst, eta };
      }
      return bestKv;
    };
    const b = fracFor('bf16');
    const f = fracFor('fp8');
    const err = Math.max(b.err, f.err);
    if (err < best.err) best = { err, tau, bf16: b.eta, fp8: f.eta };
  }
  return {
    bandwidthFraction: { bf16: best.bf16, fp8: best.fp8 },
    launchSeconds: best.tau,
    kernel,
    maxRelativeError: best.err,
    points: pts.length,
  };
}

/** The benchmark's JSON, as far as the fit reads it. */
export interface BenchResults {
  provenance: { gpu_name: string; driver?: string; nvidia_smi: string; torch: string; cuda: string; triton: string; date: string };
  bandwidth: { read_bytes_per_second: number };
  kernels: Record<string, string>;
  gemm: { format: string; layer: string; tp: number; n: number; k: number; tokens?: number; seconds?: number; weight_bytes?: number; check_passed?: boolean }[];
  attention: { kernel: string; kv: 'bf16' | 'fp8'; context: number; batch?: number; seconds?: number; kv_bytes?: number; check_passed?: boolean }[];
}

/** GEMM rows that ran and passed their correctness check. */
export function gemmRows(raw: BenchResults): GemmMeasurement[] {
  return raw.gemm
    .filter((r) => r.seconds !== undefined && r.tokens !== undefined && r.weight_bytes !== undefined && r.check_passed === true)
    .map((r) => ({ format: r.format, layer: r.layer, tp: r.tp, n: r.n, k: r.k, tokens: r.tokens!, seconds: r.seconds!, weightBytes: r.weight_bytes! }));
}

/** Attention rows that ran and passed their check. */
export function attentionRows(raw: BenchResults): AttentionMeasurement[] {
  return raw.attention
    .filter((r) => r.seconds !== undefined && r.kv_bytes !== undefined && r.check_passed === true)
    .map((r) => ({ kernel: r.kernel, kv: r.kv, context: r.context, batch: r.batch ?? 0, seconds: r.seconds!, kvBytes: r.kv_bytes! }));
}

/** Calibration of one GPU from one benchmark run. */
export function calibrate(raw: BenchResults, gpu: Gpu, resultsFile: string): Calibration {
  const rows = gemmRows(raw);
  const kernelOf = (path: MathPath) => PATH_FORMATS[path].map((f) => raw.kernels[f] ?? f).join(' | ');
  const gemm = {} as Record<MathPath, GemmCalibration | null>;
  for (const path of Object.keys(PATH_FORMATS) as MathPath[]) gemm[path] = fitGemm(pathPoints(rows, path), gpu, path, kernelOf(path));
  const p = raw.provenance;
  return {
    gpuId: gpu.id,
    architecture: gpu.architecture,
    resultsFile,
    provenance: `${p.gpu_name}; nvidia-smi ${p.nvidia_smi}; PyTorch ${p.torch}, CUDA ${p.cuda}, Triton ${p.triton}; ${p.date}`,
    readBandwidthFraction: raw.bandwidth.read_bytes_per_second / gpu.bandwidthBytesPerSecond,
    gemm,
    attention: fitAttention(attentionRows(raw), gpu, 'triton-split-k'),
  };
}
