import { gpuFigureStatus } from '@/lib/hardware/gpuFigureStatus';
import type { ComputeDtype, Gpu, GpuFigure, Source } from '@/lib/hardware/types';
import { peakOpsPerSecond } from '@/lib/perf/computeDtype';
import { attentionFlopsPerTokenPair, expectedExpertsTouched } from '@/lib/perf/work';
import { getModel, kvCacheBytesPerToken } from '@/lib/models';
import { getFormat, bitsPerWeight } from '@/lib/formats';
import { formatCount } from '@/lib/units';
import { formatPeak } from '@/lib/units';

/** Display names of tensor-core dtypes. */
export const DTYPE_LABELS: Readonly<Record<ComputeDtype, string>> = {
  fp32: 'FP32',
  tf32: 'TF32',
  bf16: 'BF16',
  fp16: 'FP16',
  fp8: 'FP8',
  int8: 'INT8',
  int4: 'INT4',
  fp4: 'FP4',
};

/** One datasheet figure a result used, with how sure we are of it and where it comes from. */
export interface FigureUsed {
  figure: GpuFigure;
  /** "Memory bandwidth", "BF16 dense tensor peak". */
  label: string;
  /** "3.35 TB/s", "989 TFLOPS". */
  value: string;
  /** The best status among the sources that back it (lib/hardware `gpuFigureStatus`). */
  status: Source['status'];
  /** Ids of the sources list entries (`/sources#id`) that back it. */
  sourceIds: string[];
}

/**
 * A bandwidth as datasheets print it: TB/s with up to 4 significant digits from
 * 1 TB/s, else GB/s.
 *
 * @example formatBandwidth(3.35e12) // "3.35 TB/s"
 * @example formatBandwidth(2.039e12) // "2.039 TB/s"
 * @example formatBandwidth(864e9) // "864 GB/s"
 */
export function formatBandwidth(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0)
    throw new RangeError(`bandwidth must be a finite number > 0 (got ${bytesPerSecond})`);
  return bytesPerSecond >= 1e12
    ? `${Number((bytesPerSecond / 1e12).toPrecision(4))} TB/s`
    : `${formatCount(bytesPerSecond / 1e9)} GB/s`;
}

/**
 * The GPU figures a roofline result rests on: the memory bandwidth and the dense
 * tensor-core peak of each dtype used (the linear layers' dtype and attention's),
 * each with its source ids and status, so the page can link to /sources and flag
 * an 'unverified' figure.
 *
 * @throws {Error} when the GPU states no such figure (a catalog bug).
 * @example figuresUsed(getGpu('h100-nvl'), ['bf16']).map((f) => f.status) // ['secondary', 'unverified']
 */
export function figuresUsed(gpu: Gpu, dtypes: readonly ComputeDtype[]): FigureUsed[] {
  const sourcesOf = (figure: GpuFigure) => [
    ...new Set(gpu.sources.filter((s) => s.figures.includes(figure)).map((s) => s.id)),
  ];
  const rows: FigureUsed[] = [
    {
      figure: 'bandwidth',
      label: 'Memory bandwidth',
      value: formatBandwidth(gpu.bandwidthBytesPerSecond),
      status: gpuFigureStatus(gpu, 'bandwidth'),
      sourceIds: sourcesOf('bandwidth'),
    },
  ];
  for (const dtype of [...new Set(dtypes)]) {
    rows.push({
      figure: dtype,
      label: `${DTYPE_LABELS[dtype]} dense tensor peak`,
      value: formatPeak(peakOpsPerSecond(gpu, dtype) / 1e12, dtype),
      status: gpuFigureStatus(gpu, dtype),
      sourceIds: sourcesOf(dtype),
    });
  }
  return rows;
}

/**
 * The ridge point of a GPU's roofline for one dtype: peak operations per byte of
 * DRAM traffic. Kernels doing fewer operations per byte are bandwidth-bound.
 *
 *     ridge = peak(dtype) [op/s] / bandwidth [B/s]
 *
 * Source: GPU catalog (lib/hardware) dense peaks and datasheet bandwidth.
 *
 * @throws {Error} when the GPU lists no peak for the dtype.
 * @example ridgePoint(getGpu('h100-sxm'), 'bf16') // 989e12 / 3.35e12 ≈ 295.2
 */
export function ridgePoint(gpu: Gpu, dtype: ComputeDtype): number {
  return peakOpsPerSecond(gpu, dtype) / gpu.bandwidthBytesPerSecond;
}

/**
 * Arithmetic intensity of the weight matmuls in one decode step: FLOPs per byte of
 * weights read, when `batch` sequences share each weight read.
 *
 *     intensity = 2 × batch / (bits per weight / 8)   [FLOP/byte]
 *
 * (2 FLOPs per multiply–accumulate, one MAC per weight per sequence). KV-cache reads
 * are left out: they only lower it.
 *
 * @throws {Error} for an unknown format; RangeError for a batch that is not a finite number > 0.
 * @example weightIntensity('bf16', 1)        // 1 FLOP/byte
 * @example weightIntensity('int4-g128', 1)   // 2 × 8 / 4.15625 ≈ 3.85
 */
export function weightIntensity(weights: string, batch: number): number {
  if (!Number.isFinite(batch) || batch <= 0) throw new RangeError(`batch must be a finite number > 0 (got ${batch})`);
  getFormat(weights);
  return (2 * batch) / (bitsPerWeight(weights) / 8);
}

/**
 * Arithmetic intensity of decode attention over the KV cache: FLOPs per byte of
 * cache read. Each cached token costs 4·L·H·d FLOPs (QKᵀ and softmax·V) and
 * 2·L·H_kv·d·(bits/8) bytes, so for GQA with a 16-bit cache it is H / H_kv:
 *
 *     intensity = attentionFlopsPerTokenPair(decode) / kvCacheBytesPerToken
 *
 * Far below every GPU's ridge point, so KV reads are always bandwidth-bound.
 *
 * @throws {Error} for an unknown model; RangeError for bad kvBits.
 * @example kvAttentionIntensity('llama-3.1-70b', 16) // 64 heads / 8 KV heads = 8
 */
export function kvAttentionIntensity(model: string, kvBits: number): number {
  const spec = getModel(model).spec;
  return attentionFlopsPerTokenPair(spec, 'decode') / kvCacheBytesPerToken(spec, { bits: kvBits });
}

/**
 * Routed experts a decode step reads per MoE layer at a batch (uniform routing,
 * lib/perf `expectedExpertsTouched`: E·(1 − (1 − k/E)^batch)), with E and k.
 *
 * @throws {Error} for an unknown or dense model; RangeError for a batch < 1.
 * @example expertsTouched('mixtral-8x7b', 1) // { touched: 2, routedExperts: 8, perToken: 2 }
 */
export function expertsTouched(
  model: string,
  batch: number,
): { touched: number; routedExperts: number; perToken: number } {
  const spec = getModel(model).spec;
  if (spec.mlp.kind !== 'moe') throw new Error(`model: ${model} is dense, not a mixture of experts`);
  if (!Number.isFinite(batch) || batch < 1) throw new RangeError(`batch must be a finite number ≥ 1 (got ${batch})`);
  const { numRoutedExperts, expertsPerToken } = spec.mlp;
  return {
    touched: expectedExpertsTouched(numRoutedExperts, expertsPerToken, batch),
    routedExperts: numRoutedExperts,
    perToken: expertsPerToken,
  };
}
