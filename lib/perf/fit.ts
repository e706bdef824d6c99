import type { Gpu } from '../hardware/types';
import {
  gemmSeconds,
  type AttentionCalibration,
  type Calibration,
  type GemmCalibration,
  type MathPath,
} from './calibration';
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

/** The peak each benchmark format's math runs at (its tensor-core dtype). */
export const FORMAT_DTYPE: Record<string, 'bf16' | 'fp8' | 'int8'> = {
  bf16: 'bf16',
  'fp8-tensor': 'fp8',
  'fp8-row': 'fp8',
  int8: 'int8',
  'int4-torch': 'bf16',
  'int4-triton': 'bf16',
};

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
      best.set(key, {
        bytes: r.weightBytes,
        flops: 2 * r.tokens * r.n * r.k,
        seconds: r.seconds,
        format: r.format,
        layer: r.layer,
        tp: r.tp,
        tokens: r.tokens,
      });
    }
  }
  return [...best.values()];
}

/** The points of one benchmark kernel. */
export function kernelPoints(rows: readonly GemmMeasurement[], format: string): GemmPoint[] {
  return rows
    .filter((r) => r.format === format && r.seconds > 0)
    .map((r) => ({
      bytes: r.weightBytes,
      flops: 2 * r.tokens * r.n * r.k,
      seconds: r.seconds,
      format: r.format,
      layer: r.layer,
      tp: r.tp,
      tokens: r.tokens,
    }));
}

/**
 * One transformer layer's GEMMs (qkv + o + gate_up + down) per (tp, tokens): the unit
 * a decode step or prefill is made of (80 of them for Llama-3.1-70B, plus lm_head).
 * Only complete layers (all four shapes measured) are returned.
 */
export function layerPoints(rows: readonly GemmMeasurement[], format: string): (GemmPoint & { count: number })[] {
  const groups = new Map<string, GemmPoint & { count: number }>();
  for (const p of kernelPoints(rows, format)) {
    const key = `${p.tp}|${p.tokens}`;
    const g = groups.get(key) ?? {
      bytes: 0,
      flops: 0,
      seconds: 0,
      format,
      layer: 'layer',
      tp: p.tp,
      tokens: p.tokens,
      count: 0,
    };
    g.bytes += p.bytes;
    g.flops += p.flops;
    g.seconds += p.seconds;
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.count === 4);
}

/** The model's time for one GEMM point under a kernel's calibration (one launch). */
export function modelGemmSeconds(
  point: Pick<GemmPoint, 'bytes' | 'flops' | 'tokens'>,
  gpu: Gpu,
  c: GemmCalibration,
): number {
  const peak = peakOpsPerSecond(gpu, FORMAT_DTYPE[c.format] ?? 'bf16');
  return gemmSeconds(
    { bytes: point.bytes, flops: point.flops, count: 1, tokens: point.tokens },
    gpu.bandwidthBytesPerSecond,
    peak,
    c,
  );
}

function range(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let x = lo; x <= hi + step / 2; x += step) out.push(Math.round(x / step) * step);
  return out;
}

/**
 * Fits one kernel's launch time τ and slowdown table to its points (whole layers:
 * {@link layerPoints}, each `count` GEMM launches):
 *
 *     t ≈ τ + slowdown(tokens) × max(bytes/BW, FLOPs/peak)
 *
 * For each τ on a grid (0…12 µs in 0.5 µs steps) and each measured batch, the
 * slowdown is chosen to minimise the largest relative error over that batch's layer
 * shapes (a minimax fit: the model must hold within a stated tolerance at every point,
 * not on average), searched over ±60 % of the median ratio in 0.1 % steps; the τ with
 * the smallest worst error over all batches wins.
 */
export function fitGemm(
  points: readonly (GemmPoint & { count?: number })[],
  gpu: Gpu,
  format: string,
  kernel: string,
): GemmCalibration | null {
  if (points.length === 0) return null;
  const peak = peakOpsPerSecond(gpu, FORMAT_DTYPE[format] ?? 'bf16');
  const bw = gpu.bandwidthBytesPerSecond;
  const buckets = new Map<number, { c: number; t: number; n: number }[]>();
  for (const p of points) {
    const list = buckets.get(p.tokens) ?? [];
    list.push({ c: Math.max(p.bytes / bw, p.flops / peak), t: p.seconds, n: p.count ?? 1 });
    buckets.set(p.tokens, list);
  }
  const tokens = [...buckets.keys()].sort((x, y) => x - y);
  let best: { err: number; tau: number; table: [number, number][] } = { err: Infinity, tau: 0, table: [] };
  for (const tau of range(0, 12e-6, 0.5e-6)) {
    let worst = 0;
    const table: [number, number][] = [];
    for (const m of tokens) {
      const pts = buckets.get(m)!;
      const ratios = pts.map((q) => Math.max((q.t - q.n * tau) / q.c, 1e-3)).sort((x, y) => x - y);
      const median = ratios[Math.floor(ratios.length / 2)]!;
      let bestF = { err: Infinity, f: median };
      for (let k = -600; k <= 600; k++) {
        const f = median * (1 + k / 1000);
        let e = 0;
        for (const q of pts) e = Math.max(e, Math.abs(q.n * tau + f * q.c - q.t) / q.t);
        if (e < bestF.err) bestF = { err: e, f };
      }
      table.push([m, Number(bestF.f.toPrecision(5))]);
      worst = Math.max(worst, bestF.err);
      if (worst >= best.err) break;
    }
    if (worst < best.err && table.length === tokens.length) best = { err: worst, tau, table };
  }
  // the error of the rounded table, as shipped
  const shipped = { slowdownByTokens: best.table, launchSeconds: best.tau };
  let err = 0;
  for (const p of points)
    err = Math.max(
      err,
      Math.abs(
        gemmSeconds({ bytes: p.bytes, flops: p.flops, count: p.count ?? 1, tokens: p.tokens }, bw, peak, shipped) -
          p.seconds,
      ) / p.seconds,
    );
  return {
    slowdownByTokens: best.table,
    launchSeconds: best.tau,
    bandwidthFraction: 1 / best.table[0]![1],
    computeFraction: 1 / best.table[best.table.length - 1]![1],
    format,
    kernel,
    maxRelativeError: err,
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
  provenance: {
    gpu_name: string;
    driver?: string;
    nvidia_smi: string;
    torch: string;
    cuda: string;
    triton: string;
    date: string;
  };
  bandwidth: { read_bytes_per_second: number };
  kernels: Record<string, string>;
  gemm: {
    format: string;
    layer: string;
    tp: number;
    n: number;
    k: number;
    tokens?: number;
    seconds?: number;
    weight_bytes?: number;
    check_passed?: boolean;
  }[];
  attention: {
    kernel: string;
    kv: 'bf16' | 'fp8';
    context: number;
    batch?: number;
    seconds?: number;
    kv_bytes?: number;
    check_passed?: boolean;
  }[];
}

/** GEMM rows that ran and passed their correctness check. */
export function gemmRows(raw: BenchResults): GemmMeasurement[] {
  return raw.gemm
    .filter(
      (r) =>
        r.seconds !== undefined && r.tokens !== undefined && r.weight_bytes !== undefined && r.check_passed === true,
    )
    .map((r) => ({
      format: r.format,
      layer: r.layer,
      tp: r.tp,
      n: r.n,
      k: r.k,
      tokens: r.tokens!,
      seconds: r.seconds!,
      weightBytes: r.weight_bytes!,
    }));
}

/** Attention rows that ran and passed their check. */
export function attentionRows(raw: BenchResults): AttentionMeasurement[] {
  return raw.attention
    .filter((r) => r.seconds !== undefined && r.kv_bytes !== undefined && r.check_passed === true)
    .map((r) => ({
      kernel: r.kernel,
      kv: r.kv,
      context: r.context,
      batch: r.batch ?? 0,
      seconds: r.seconds!,
      kvBytes: r.kv_bytes!,
    }));
}

/** Calibration of one GPU from one benchmark run. */
export function calibrate(raw: BenchResults, gpu: Gpu, resultsFile: string): Calibration {
  const rows = gemmRows(raw);
  const kernels: Record<string, GemmCalibration> = {};
  for (const format of [...new Set(rows.map((r) => r.format))].sort()) {
    const fit = fitGemm(layerPoints(rows, format), gpu, format, raw.kernels[format] ?? format);
    if (fit) kernels[format] = fit;
  }
  const p = raw.provenance;
  return {
    gpuId: gpu.id,
    architecture: gpu.architecture,
    resultsFile,
    provenance: `${p.gpu_name}; nvidia-smi ${p.nvidia_smi}; PyTorch ${p.torch}, CUDA ${p.cuda}, Triton ${p.triton}; ${p.date}`,
    readBandwidthFraction: raw.bandwidth.read_bytes_per_second / gpu.bandwidthBytesPerSecond,
    kernels,
    paths: PATH_FORMATS,
    attention: fitAttention(attentionRows(raw), gpu, 'triton-split-k'),
  };
}
