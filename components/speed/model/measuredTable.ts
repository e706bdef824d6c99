import { getGpu } from '@/lib/hardware';
import { CALIBRATIONS, gemmSeconds } from '@/lib/perf/calibration';
import { peakOpsPerSecond } from '@/lib/perf/computeDtype';
import { FORMAT_DTYPE, layerPoints, type GemmMeasurement } from '@/lib/perf/fit';
import { formatDuration } from '@/lib/units';

/** One row of the measured-versus-model table: one kernel, one batch, one transformer layer of Llama-3.1-70B. */
export interface MeasuredRow {
  format: string;
  kernel: string;
  tokens: number;
  measured: string;
  expected: string;
  ceiling: string;
  /** (expected − measured) / measured, as a signed percentage string. */
  error: string;
  /** |error| as a number, for tests and highlighting. */
  absError: number;
  /** Ceiling ÷ measured: at most 1 unless a kernel beat the datasheet (it would mean the roofline is wrong). */
  ceilingOverMeasured: number;
}

/** What the committed measurements file holds for one GPU (lib/perf/data/measurements.json). */
export interface CommittedMeasurements {
  gpuId: string;
  resultsFile: string;
  gemm: ReadonlyArray<readonly [string, string, number, number, number, number, number, number]>;
}

const LABELS: Record<string, string> = {
  bf16: 'BF16',
  'fp8-row': 'FP8 W8A8 (per-token × per-channel)',
  'fp8-tensor': 'FP8 W8A8 (per-tensor)',
  int8: 'INT8 W8A8',
  'int4-torch': 'INT4 W4A16 (tinygemm)',
  'int4-triton': 'INT4 W4A16 (our Triton kernel)',
};

/**
 * Measured time of one Llama-3.1-70B transformer layer's four GEMMs (qkv, o, gate_up,
 * down) at a tensor-parallel degree, beside the calibrated model and the roofline
 * ceiling, for the kernels and batches asked for. The model's error is
 * (expected − measured) / measured; the unit test holds every layer to 15 %.
 *
 * @example measuredRows(data, { tp: 1, tokens: [1, 256] })[0] // { format: 'BF16', tokens: 1, measured: '…', … }
 */
export function measuredRows(
  data: CommittedMeasurements,
  opts: { tp: number; tokens: readonly number[]; formats?: readonly string[] },
): MeasuredRow[] {
  const gpu = getGpu(data.gpuId);
  const cal = CALIBRATIONS.find((c) => c.gpuId === data.gpuId);
  if (!cal) return [];
  const rows: GemmMeasurement[] = data.gemm.map(([format, layer, tp, n, k, tokens, seconds, weightBytes]) => ({
    format,
    layer,
    tp,
    n,
    k,
    tokens,
    seconds,
    weightBytes,
  }));
  const formats = opts.formats ?? Object.keys(LABELS);
  const out: MeasuredRow[] = [];
  for (const format of formats) {
    const kernel = cal.kernels[format];
    if (!kernel) continue;
    const peak = peakOpsPerSecond(gpu, FORMAT_DTYPE[format] ?? 'bf16');
    const points = layerPoints(rows, format)
      .filter((p) => p.tp === opts.tp && opts.tokens.includes(p.tokens))
      .sort((a, b) => a.tokens - b.tokens);
    for (const p of points) {
      const expected = gemmSeconds(
        { bytes: p.bytes, flops: p.flops, count: 4, tokens: p.tokens },
        gpu.bandwidthBytesPerSecond,
        peak,
        kernel,
      );
      const ceiling = Math.max(p.bytes / gpu.bandwidthBytesPerSecond, p.flops / peak);
      const err = (expected - p.seconds) / p.seconds;
      out.push({
        format: LABELS[format] ?? format,
        kernel: kernel.kernel,
        tokens: p.tokens,
        measured: formatDuration(p.seconds),
        expected: formatDuration(expected),
        ceiling: formatDuration(ceiling),
        error: `${err >= 0 ? '+' : '−'}${Math.abs(100 * err).toFixed(1)} %`,
        absError: Math.abs(err),
        ceilingOverMeasured: ceiling / p.seconds,
      });
    }
  }
  return out;
}

/** The provenance line of a calibration: GPU, driver, versions, date, and the results file. */
export function measuredProvenance(gpuId: string): string | null {
  const cal = CALIBRATIONS.find((c) => c.gpuId === gpuId);
  return cal ? `${cal.provenance}. Results: ${cal.resultsFile}.` : null;
}
