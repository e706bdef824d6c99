import { getGpu } from '@/lib/hardware';
import { getModel } from '@/lib/models';
import { decodeCurve } from '@/lib/perf/decodeCurve';
import { decodeStep } from '@/lib/perf/decodeStep';
import { fitOnGpu } from '@/lib/sizing/fitOnGpu';
import { formatCount } from '@/lib/units';
import type { ComputeDtype } from '@/lib/hardware/types';
import { formatRate } from '@/lib/units';
import { formatCrossoverBatch } from './format';
import { CHART_FORMATS, CHART_FORMAT_LABELS, type ChartFormat } from './options';
import { compactTickLabel, decadeDomain, logScale, logSpacedBatches, logTicks, powerOfTwoTicks } from './scales';

/** Batch axis of the speed chart: 1 … 1,024 sequences, log scale. */
export const CHART_BATCH_MIN = 1;
export const CHART_BATCH_MAX = 1024;

/** Pixel geometry of the chart for a given width. */
export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Plot area, inside the margins. */
  plot: { left: number; right: number; top: number; bottom: number };
  /** Label every n-th power of two on the batch axis (2 when narrow). */
  xLabelEvery: number;
  /** Narrow (plot under 420 px): use short axis titles. */
  compact: boolean;
}

/**
 * The chart's geometry for a container `widthPx` wide (clamped to 300 … 880 px):
 * height = 0.62 × width within 280 … 400 px; margins leave room for tick labels and
 * axis titles. The SVG is drawn at this size in CSS pixels, so text stays legible
 * on a 360 px phone instead of being scaled down.
 *
 * @throws {RangeError} for a width that is not a finite number.
 * @example chartLayout(640).plot // { left: 64, right: 624, top: 16, bottom: 344 }
 */
export function chartLayout(widthPx: number): ChartLayout {
  if (!Number.isFinite(widthPx)) throw new RangeError(`widthPx must be a finite number (got ${widthPx})`);
  const width = Math.round(Math.min(880, Math.max(300, widthPx)));
  const height = Math.round(Math.min(400, Math.max(280, width * 0.62)));
  const margin = { top: 16, right: 16, bottom: 52, left: 64 };
  const plotWidth = width - margin.left - margin.right;
  // 11 batch labels need ≈ 34 px each ("1024" at 12 px).
  const xLabelEvery = plotWidth / 11 < 34 ? 2 : 1;
  return {
    width,
    height,
    margin,
    plot: { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom },
    xLabelEvery,
    compact: plotWidth < 420,
  };
}

/** One sampled point of a series, in data and pixel coordinates. */
export interface ChartPoint {
  batch: number;
  tokensPerSecondTotal: number;
  x: number;
  y: number;
  bound: 'memory' | 'compute';
  /** Weights + KV cache + workspace for this batch fit in the GPUs' memory (lib/sizing `fitOnGpu`). */
  fits: boolean;
  /** Calibrated tokens/s on the kernels our benchmark measured; null where none covers the GPU or format. */
  expectedTokensPerSecondTotal: number | null;
}

/** One format's curve. */
export interface ChartSeries {
  weights: ChartFormat;
  label: string;
  /** Position in {@link CHART_FORMATS}: a stable colour and marker slot whatever is shown. */
  slot: number;
  /** The dtype its linear layers run in on this GPU (after any fallback). */
  computeDtype: ComputeDtype;
  /** lib/perf's explanation when the GPU lacks the format's tensor cores (FP8 on A100). */
  computeDtypeNote: string | null;
  /** Real-valued crossover batch at this context (Infinity = never compute-bound). */
  crossoverBatch: number;
  /** The crossover point on the curve when it lies on the axis (1 … 1,024); null otherwise. */
  crossover: { batch: number; tokensPerSecondTotal: number; x: number; y: number } | null;
  /** Largest batch of this context that fits in memory (0 = not even one). */
  maxBatchThatFits: number;
  /** SVG path of the part that fits in memory ('' when none). */
  fitPath: string;
  /** SVG path of the part that does not fit ('' when all fits); starts at the last fitting point so the line is unbroken. */
  overflowPath: string;
  /** SVG path of the expected (calibrated) curve over the batches that fit ('' when not measured for this GPU or format). */
  expectedPath: string;
  /** Points at the power-of-two batches, for markers and the data table. */
  ticks: ChartPoint[];
  /** Label of an earlier series this one coincides with (same throughput and fit at every batch), else null. */
  sameAs: string | null;
}

/** Everything needed to draw the chart and its text alternative. */
export interface SpeedChart {
  layout: ChartLayout;
  xTicks: Array<{ value: number; x: number; label: string | null }>;
  yTicks: Array<{ value: number; y: number; label: string | null; major: boolean }>;
  series: ChartSeries[];
  /** The calculator's batch as a vertical marker, when it lies on the axis. */
  batchMarker: { batch: number; x: number } | null;
  /** One sentence per finding, for the SVG description and screen readers. */
  summary: string;
}

export interface SpeedChartInput {
  model: string;
  gpu: string;
  gpuCount: number;
  contextTokens: number;
  kvBits: number;
  formats: readonly ChartFormat[];
  widthPx: number;
  /** The calculator's current batch (marked on the chart), or null. */
  batch?: number | null;
}

function pathOf(points: readonly ChartPoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

/** Relative closeness, for deciding that two curves are the same line. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * The "total tokens/s vs batch" chart of a decode roofline, one curve per format:
 *
 * - x: batch 1 … 1,024, log scale, ticks at powers of two.
 * - y: total tokens/s = batch / step time (lib/perf `decodeCurve`), log scale over
 *   whole decades. On log–log axes the memory-bound part rises with slope ≈ 1 and the
 *   compute-bound part is flat, so the crossover (lib/perf's `crossoverBatch`) is the knee.
 * - Each curve is sampled at 8 batches per doubling plus the integers either side of
 *   its crossover and of its memory limit, so the knee and the break are drawn where
 *   they are. The crossover marker's height is interpolated between those two integers.
 * - Solid where the batch fits in memory (lib/sizing `fitOnGpu` `maxBatchAtContext`),
 *   dashed where it does not: the roofline itself ignores capacity.
 * - A thin dotted companion per format: the expected tokens/s on the kernels our GPU
 *   benchmark measured (lib/perf `expected`), where a calibration covers the GPU.
 *
 * Pure: the same input gives the same paths, so a server render and a client render agree.
 *
 * @throws lib/perf and lib/sizing errors (unknown ids, bad batch/context/kvBits/gpuCount), naming the field;
 *   RangeError for an empty `formats` list.
 * @example
 * buildSpeedChart({ model: 'llama-3.1-70b', gpu: 'h100-sxm', gpuCount: 1, contextTokens: 1024, kvBits: 16, formats: ['bf16', 'int4-g128'], widthPx: 640 })
 *   .series.map((s) => Math.round(s.crossoverBatch)) // [963, 261]
 */
export function buildSpeedChart(input: SpeedChartInput): SpeedChart {
  if (input.formats.length === 0) throw new RangeError('formats must name at least one chart format');
  const layout = chartLayout(input.widthPx);
  const base = {
    model: input.model,
    gpu: input.gpu,
    gpuCount: input.gpuCount,
    contextTokens: input.contextTokens,
    kvBits: input.kvBits,
  };

  const maxFit = new Map<ChartFormat, number>();
  for (const weights of input.formats) {
    maxFit.set(weights, fitOnGpu({ ...base, weights, batch: 1 }).maxBatchAtContext);
  }
  // Crossovers first (they do not depend on the batches sampled), to add their neighbours as samples.
  const steps = input.formats.map((weights) => decodeStep({ ...base, weights, batch: 1 }));
  const extra: number[] = [];
  for (const step of steps) {
    if (Number.isFinite(step.crossoverBatch))
      extra.push(Math.floor(step.crossoverBatch), Math.ceil(step.crossoverBatch));
  }
  for (const m of maxFit.values()) extra.push(m, m + 1);
  const batches = logSpacedBatches(CHART_BATCH_MIN, CHART_BATCH_MAX, 8, extra);
  const curves = decodeCurve({ ...base, weights: [...input.formats], batches });

  const all = curves.flatMap((c) =>
    c.points.flatMap((p) =>
      p.expectedTokensPerSecondTotal === null
        ? [p.tokensPerSecondTotal]
        : [p.tokensPerSecondTotal, p.expectedTokensPerSecondTotal],
    ),
  );
  const yDomain = decadeDomain(all);
  const x = logScale([CHART_BATCH_MIN, CHART_BATCH_MAX], [layout.plot.left, layout.plot.right]);
  const y = logScale(yDomain, [layout.plot.bottom, layout.plot.top]);

  const series: ChartSeries[] = curves.map((curve, i) => {
    const weights = curve.weights as ChartFormat;
    const fitLimit = maxFit.get(weights) ?? 0;
    const points: ChartPoint[] = curve.points.map((p) => ({
      batch: p.batch,
      tokensPerSecondTotal: p.tokensPerSecondTotal,
      x: x(p.batch),
      y: y(p.tokensPerSecondTotal),
      bound: p.bound,
      fits: p.batch <= fitLimit,
      expectedTokensPerSecondTotal: p.expectedTokensPerSecondTotal,
    }));
    const expectedPoints = points
      .filter((p) => p.fits && p.expectedTokensPerSecondTotal !== null)
      .map((p) => ({ ...p, y: y(p.expectedTokensPerSecondTotal!) }));
    const fitting = points.filter((p) => p.fits);
    const lastFit = fitting[fitting.length - 1];
    const overflow = points.filter((p) => !p.fits);
    const b = curve.crossoverBatch;
    let crossover: ChartSeries['crossover'] = null;
    if (Number.isFinite(b) && b >= CHART_BATCH_MIN && b <= CHART_BATCH_MAX) {
      const lo = points.find((p) => p.batch === Math.floor(b))!;
      const hi = points.find((p) => p.batch === Math.ceil(b))!;
      const t = hi.batch === lo.batch ? 0 : (b - lo.batch) / (hi.batch - lo.batch);
      const tps = lo.tokensPerSecondTotal + t * (hi.tokensPerSecondTotal - lo.tokensPerSecondTotal);
      crossover = { batch: b, tokensPerSecondTotal: tps, x: x(b), y: y(tps) };
    }
    const step = steps[i]!;
    return {
      weights,
      label: CHART_FORMAT_LABELS[weights],
      slot: CHART_FORMATS.indexOf(weights),
      computeDtype: step.computeDtype,
      computeDtypeNote: step.computeDtypeNote,
      crossoverBatch: b,
      crossover,
      maxBatchThatFits: fitLimit,
      fitPath: pathOf(fitting),
      overflowPath: overflow.length === 0 ? '' : pathOf(lastFit ? [lastFit, ...overflow] : overflow),
      expectedPath: expectedPoints.length > 1 ? pathOf(expectedPoints) : '',
      ticks: points.filter((p) => Number.isInteger(Math.log2(p.batch))),
      sameAs: null,
    };
  });

  for (let i = 0; i < series.length; i++) {
    const s = series[i]!;
    const twin = series
      .slice(0, i)
      .find(
        (o) =>
          o.maxBatchThatFits === s.maxBatchThatFits &&
          curves[series.indexOf(o)]!.points.every((p, k) =>
            close(p.tokensPerSecondTotal, curves[i]!.points[k]!.tokensPerSecondTotal),
          ),
      );
    if (twin) s.sameAs = twin.label;
  }

  const xTicks = powerOfTwoTicks(CHART_BATCH_MIN, CHART_BATCH_MAX).map((value, i) => ({
    value,
    x: x(value),
    label: i % layout.xLabelEvery === 0 ? String(value) : null,
  }));
  const yTicks = logTicks(yDomain).map((t) => ({
    value: t.value,
    y: y(t.value),
    label: t.labelled ? compactTickLabel(t.value) : null,
    major: t.major,
  }));
  const batchMarker = batchMarkerAt(layout, input.batch ?? null);

  return { layout, xTicks, yTicks, series, batchMarker, summary: chartSummary(input, series) };
}

/**
 * Where the calculator's batch sits on the chart's batch axis, or null when it is
 * off the axis (below 1, above 1,024) or not a valid number. Separate from
 * {@link buildSpeedChart} so a batch change can move the marker without rebuilding
 * the curves.
 *
 * @example batchMarkerAt(chartLayout(640), 32) // { batch: 32, x: 344 } (halfway between 64 and 624)
 */
export function batchMarkerAt(layout: ChartLayout, batch: number | null): { batch: number; x: number } | null {
  if (batch === null || !Number.isFinite(batch) || batch < CHART_BATCH_MIN || batch > CHART_BATCH_MAX) return null;
  const x = logScale([CHART_BATCH_MIN, CHART_BATCH_MAX], [layout.plot.left, layout.plot.right]);
  return { batch, x: x(batch) };
}

/** Best series at a batch (ties: the first in legend order). */
function fastestAt(series: readonly ChartSeries[], batch: number): { label: string; tps: number } | null {
  let best: { label: string; tps: number } | null = null;
  for (const s of series) {
    const p = s.ticks.find((t) => t.batch === batch);
    if (p && (best === null || p.tokensPerSecondTotal > best.tps * (1 + 1e-9)))
      best = { label: s.label, tps: p.tokensPerSecondTotal };
  }
  return best;
}

/**
 * A plain-language description of the chart: the fastest format at batch 1 and at
 * 1,024, each format's crossover, and which batches fit in memory.
 */
export function chartSummary(
  input: Pick<SpeedChartInput, 'model' | 'gpu' | 'gpuCount' | 'contextTokens'>,
  series: readonly ChartSeries[],
): string {
  const model = getModel(input.model).name;
  const gpu = getGpu(input.gpu).name;
  const parts: string[] = [
    `Roofline upper bound on total decode throughput for ${model} on ${formatCount(input.gpuCount)} × ${gpu} at ${formatCount(input.contextTokens)} tokens of context, batch 1 to 1,024 (both axes logarithmic).`,
  ];
  const first = fastestAt(series, CHART_BATCH_MIN);
  const last = fastestAt(series, CHART_BATCH_MAX);
  if (first) parts.push(`At batch 1 the fastest is ${first.label} (${formatRate(first.tps)} tokens/s).`);
  if (last) parts.push(`At batch 1,024 the fastest is ${last.label} (${formatRate(last.tps)} tokens/s).`);
  parts.push(
    `Crossover to compute-bound: ${series.map((s) => `${s.label} ${formatCrossoverBatch(s.crossoverBatch)}`).join('; ')}.`,
  );
  const fitText = series.map((s) =>
    s.maxBatchThatFits === 0
      ? `${s.label} does not fit even at batch 1`
      : s.maxBatchThatFits >= CHART_BATCH_MAX
        ? `${s.label} fits at every batch shown`
        : `${s.label} fits up to batch ${formatCount(s.maxBatchThatFits)}`,
  );
  parts.push(`Memory: ${fitText.join('; ')} (dashed beyond).`);
  return parts.join(' ');
}
