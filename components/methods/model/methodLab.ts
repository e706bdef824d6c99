/**
 * The method lab's view logic, with no React: reading the widget's inputs, turning two `compareMethods` runs
 * (calibrated on production-like and on shifted data) into the small summary the worker posts to the page, and the
 * rankings, gaps and chart scales the page draws from it.
 */
import type { CompareMethodsResult, LabMethod, LabStep } from '@/lib/quant';
import type { CalibrationSet } from '@/lib/quant';
import { parseNumberInput, type NumberRule } from '@/components/ui/model';

/** Weight bits the lab offers, as the issue asks: 8, 4, 3 and 2. */
export const LAB_BITS = [8, 4, 3, 2] as const;
export type LabBits = (typeof LAB_BITS)[number];
/** Group sizes: null is one group per output channel (row). All divide the lab layer's 256 input columns. */
export const LAB_GROUPS = [null, 128, 64, 32] as const;
export type LabGroup = (typeof LAB_GROUPS)[number];
export const LAB_CALIBRATIONS = ['matched', 'shifted'] as const satisfies readonly CalibrationSet[];

/** One set-up of the lab. */
export interface LabInputs {
  readonly bits: LabBits;
  readonly groupSize: LabGroup;
  /** The calibration set whose details (per-channel errors, AWQ curve, GPTQ steps) are shown. */
  readonly calibration: CalibrationSet;
  readonly seed: number;
}

/** The widget's state as the URL holds it: raw strings. */
export interface LabUrlState extends Record<string, string> {
  bits: string;
  group: string;
  cal: string;
  seed: string;
}

export const LAB_DEFAULTS: LabUrlState = { bits: '4', group: '128', cal: 'matched', seed: '1' };
export const SEED_RULE: NumberRule = { label: 'Seed', min: 0, max: 4294967295, integer: true };

/** The URL value of a group size: `channel` for per channel. */
export const groupKey = (g: LabGroup): string => (g === null ? 'channel' : String(g));

/**
 * Reads the URL state. Unknown bits, group or calibration values fall back to the default (a stale link still opens);
 * a bad seed gives the field's message and no inputs, so nothing is computed from it.
 */
export function readLabInputs(state: LabUrlState): { inputs: LabInputs | null; seedError: string | null } {
  const bits = LAB_BITS.find((b) => String(b) === state.bits) ?? 4;
  const gi = LAB_GROUPS.findIndex((g) => groupKey(g) === state.group);
  const groupSize = gi >= 0 ? LAB_GROUPS[gi]! : 128;
  const calibration = state.cal === 'shifted' ? 'shifted' : 'matched';
  const seed = parseNumberInput(state.seed, SEED_RULE);
  if (!seed.ok) return { inputs: null, seedError: seed.error };
  return { inputs: { bits, groupSize, calibration, seed: seed.value }, seedError: null };
}

/** A stable key of a set-up, to tell a stale worker answer from the current one. */
export const inputsKey = (i: LabInputs): string => `${i.bits}/${groupKey(i.groupSize)}/${i.calibration}/${i.seed}`;

/** How one method did, calibrated on each set, always judged on held-out production-like tokens. */
export interface MethodRow {
  readonly method: LabMethod;
  /** Held-out relative output error ‖WX − ŴX‖_F / ‖WX‖_F, calibrated on production-like data. */
  readonly matched: number;
  /** The same, calibrated on the shifted domain. */
  readonly shifted: number;
  /** ‖W − Ŵ‖_F / ‖W‖_F for the shown calibration. */
  readonly weightError: number;
  /** The error on the calibration tokens themselves for the shown calibration; null for W8A8 (dynamic activations). */
  readonly calibrationError: number | null;
}

/** A GPTQ column step, as `GptqStep` (lib/quant/gptq.ts). */
export interface TraceStep {
  readonly step: number;
  readonly column: number;
  readonly hinvDiag: number;
  readonly errorNorm: number;
  readonly loss: number;
  readonly updateNorm: number;
}

/** Everything the page draws, small enough to post from the worker (plain numbers, no matrices). */
export interface LabSummary {
  readonly inputs: LabInputs;
  readonly rows: number;
  readonly cols: number;
  readonly calibrationTokens: number;
  readonly heldOutTokens: number;
  /** The production domain's outlier input channels. */
  readonly outlierChannels: readonly number[];
  readonly methods: readonly MethodRow[];
  /** Per output channel error of each method, for the shown calibration. */
  readonly channelError: Readonly<Partial<Record<LabMethod, readonly number[]>>>;
  readonly awq: { readonly bestRatio: number; readonly grid: readonly { ratio: number; loss: number }[] };
  /** SmoothQuant's per-input-channel maxima at α = 0.5 (8 bits only). */
  readonly smoothQuant: {
    readonly alpha: number;
    readonly activationBefore: readonly number[];
    readonly activationAfter: readonly number[];
    readonly weightBefore: readonly number[];
    readonly weightAfter: readonly number[];
  } | null;
  /** GPTQ's column-by-column trace, in processing order, without and with act-order. */
  readonly gptqTrace: readonly TraceStep[];
  readonly gptqActOrderTrace: readonly TraceStep[];
  /** Wall-clock milliseconds of both runs. */
  readonly computeMs: number;
}

const trace = (t: CompareMethodsResult['gptq']['trace']): TraceStep[] =>
  (t ?? []).map(({ step, column, hinvDiag, errorNorm, loss, updateNorm }) => ({
    step,
    column,
    hinvDiag,
    errorNorm,
    loss,
    updateNorm,
  }));

/**
 * The summary of one set-up from its two runs: `shown` calibrated on `inputs.calibration`, `other` on the other set
 * (same bits, group size and seed). Only the held-out errors are taken from `other`, for the calibration gap.
 *
 * @throws {RangeError} if the runs differ in anything but calibration, or either lacks the GPTQ trace
 */
export function summarizeLab(
  inputs: LabInputs,
  shown: CompareMethodsResult,
  other: CompareMethodsResult,
  computeMs: number,
): LabSummary {
  const o = shown.options;
  if (o.calibration !== inputs.calibration || other.options.calibration === inputs.calibration)
    throw new RangeError('summarizeLab needs the shown calibration first and the other one second');
  if (o.bits !== other.options.bits || o.groupSize !== other.options.groupSize || o.seed !== other.options.seed)
    throw new RangeError('summarizeLab needs two runs of the same bits, group size and seed');
  if (!shown.gptq.trace || !shown.gptqActOrder.trace) throw new RangeError('summarizeLab needs traceGptq: true');
  const byCal = (r: CompareMethodsResult, m: LabMethod) => r.outcomes.find((x) => x.method === m)!.relativeError;
  const matchedRun = inputs.calibration === 'matched' ? shown : other;
  const shiftedRun = inputs.calibration === 'matched' ? other : shown;
  const channelError: Partial<Record<LabMethod, number[]>> = {};
  for (const x of shown.outcomes) channelError[x.method] = Array.from(x.channelError);
  const sq = shown.smoothQuant;
  return {
    inputs,
    rows: o.rows,
    cols: o.cols,
    calibrationTokens: o.calibrationTokens,
    heldOutTokens: o.heldOutTokens,
    outlierChannels: [...shown.data.production.outlierChannels],
    methods: shown.outcomes.map((x) => ({
      method: x.method,
      matched: byCal(matchedRun, x.method),
      shifted: byCal(shiftedRun, x.method),
      weightError: x.weightError,
      calibrationError: x.calibrationError,
    })),
    channelError,
    awq: { bestRatio: shown.awq.bestRatio, grid: shown.awq.grid.map((g) => ({ ratio: g.ratio, loss: g.loss })) },
    smoothQuant: sq
      ? {
          alpha: sq.alpha,
          activationBefore: Array.from(sq.activationMaxBefore),
          activationAfter: Array.from(sq.activationMaxAfter),
          weightBefore: Array.from(sq.weightMaxBefore),
          weightAfter: Array.from(sq.weightMaxAfter),
        }
      : null,
    gptqTrace: trace(shown.gptq.trace),
    gptqActOrderTrace: trace(shown.gptqActOrder.trace),
    computeMs,
  };
}

/** Display names of the methods. */
export const METHOD_LABEL: Readonly<Record<LabMethod, string>> = {
  rtn: 'RTN',
  gptq: 'GPTQ',
  'gptq-act-order': 'GPTQ, act-order',
  awq: 'AWQ',
  w8a8: 'W8A8, no smoothing',
  'smoothquant-w8a8': 'SmoothQuant W8A8',
};

/** A ranked row: a method with its rank (1 = smallest error) for the shown calibration and its calibration gap. */
export interface RankedRow extends MethodRow {
  readonly rank: number;
  /** The error for the shown calibration. */
  readonly error: number;
  /** shifted − matched: how much worse the shifted calibration set makes it on production data (0 for RTN). */
  readonly gap: number;
  /** shifted / matched; null when matched is (near) zero and the ratio says nothing. */
  readonly gapRatio: number | null;
}

/**
 * The methods ranked by held-out error for the shown calibration (ascending; ties keep the lab's order and share
 * a rank), each with its calibration gap: gap = e_shifted − e_matched, gapRatio = e_shifted / e_matched.
 */
export function rankMethods(summary: LabSummary): RankedRow[] {
  const cal = summary.inputs.calibration;
  const rows = summary.methods.map((m) => ({
    ...m,
    error: m[cal],
    gap: m.shifted - m.matched,
    gapRatio: m.matched > 1e-12 ? m.shifted / m.matched : null,
  }));
  const sorted = [...rows].sort((a, b) => a.error - b.error);
  return sorted.map((r) => ({ ...r, rank: 1 + sorted.findIndex((s) => s.error === r.error) }));
}

/** A relative error as a percentage with 2 decimals, e.g. 0.09321 → "9.32%"; very small ones with 3 ("0.295%"). */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite error: ${x}`);
  const pct = x * 100;
  return `${pct.toFixed(Math.abs(pct) < 1 ? 3 : 2)}%`;
}

/** Order statistics of a list of values: min, median, 90th percentile (nearest rank) and max, and where the max is. */
export function describeValues(values: readonly number[]): {
  min: number;
  median: number;
  p90: number;
  max: number;
  argMax: number;
} {
  if (values.length === 0) throw new RangeError('describeValues needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  let argMax = 0;
  values.forEach((v, i) => {
    if (v > values[argMax]!) argMax = i;
  });
  return { min: sorted[0]!, median: at(0.5), p90: at(0.9), max: sorted.at(-1)!, argMax };
}

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the range's middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * A log10 map from [d0, d1] (both > 0) to [r0, r1], for ranges spanning orders of magnitude (SmoothQuant's
 * per-channel maxima); values ≤ 0 are drawn at d0.
 */
export function logScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (!(d0 > 0) || !(d1 > 0)) throw new RangeError('logScale needs a positive domain');
  const f = linear(Math.log10(d0), Math.log10(d1), r0, r1);
  return (v) => f(Math.log10(Math.max(v, d0)));
}

/** Polyline points "x,y x,y …" for values drawn against their index. */
export function polyline(values: readonly number[], x: (i: number) => number, y: (v: number) => number): string {
  return values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
}

/** Where GPTQ is after `step` columns: the step's record, the loss so far Σ loss, and how many columns are left. */
export function gptqAt(
  steps: readonly TraceStep[],
  step: number,
): { current: TraceStep; lossSoFar: number; remaining: number } {
  if (steps.length === 0) throw new RangeError('the GPTQ trace is empty');
  const k = Math.min(Math.max(0, Math.round(Number.isFinite(step) ? step : 0)), steps.length - 1);
  let lossSoFar = 0;
  for (let i = 0; i <= k; i++) lossSoFar += steps[i]!.loss;
  return { current: steps[k]!, lossSoFar, remaining: steps.length - 1 - k };
}

/** Max over values divided by their median: how much one channel stretches a shared INT8 range. */
export function peakToMedian(values: readonly number[]): number {
  const d = describeValues(values);
  return d.median > 0 ? d.max / d.median : 0;
}

/** Human text for the worker's current step, for the progress line. */
export const STEP_LABEL: Readonly<Record<LabStep, string>> = {
  data: 'making the layer and its activations',
  rtn: 'round-to-nearest',
  gptq: 'GPTQ, column by column',
  'gptq-act-order': 'GPTQ with act-order',
  awq: "AWQ's search over α",
  evaluate: 'measuring on held-out tokens',
  w8a8: 'W8A8 and SmoothQuant',
};

/**
 * One or two sentences reading the ranking as an interviewer would: which method wins for the shown calibration
 * and by how much against RTN (ratio e_RTN / e_best), and what the shifted calibration set does to the
 * data-driven methods on production data (compared with RTN, which uses no data).
 */
export function readRanking(summary: LabSummary): string {
  const ranked = rankMethods(summary);
  const cal = summary.inputs.calibration;
  const calText = cal === 'matched' ? 'production-like data' : 'the shifted set';
  const best = ranked[0]!;
  const rtn = ranked.find((r) => r.method === 'rtn')!;
  const parts: string[] = [];
  if (best.method === 'rtn') {
    parts.push(`Calibrated on ${calText}, no method beats round-to-nearest (${formatPercent(rtn.error)}).`);
  } else {
    const ratio = best.error > 0 ? rtn.error / best.error : null;
    parts.push(
      `Calibrated on ${calText}, ${METHOD_LABEL[best.method]} has the smallest held-out error (${formatPercent(best.error)})` +
        (ratio !== null ? `, ${ratio.toFixed(2)}× less than RTN (${formatPercent(rtn.error)}).` : '.'),
    );
  }
  const dataDriven = (['gptq', 'awq'] as const).flatMap((m) => ranked.filter((r) => r.method === m));
  const worse = dataDriven.filter((r) => r.shifted > rtn.shifted);
  const gptq = dataDriven.find((r) => r.method === 'gptq');
  if (gptq) {
    parts.push(
      `Calibrated on the shifted set instead, GPTQ's error on production data goes from ${formatPercent(gptq.matched)} to ${formatPercent(gptq.shifted)}` +
        (worse.length
          ? ` and ${worse.map((r) => METHOD_LABEL[r.method]).join(' and ')} ${worse.length > 1 ? 'fall' : 'falls'} behind RTN, which uses no data.`
          : `; RTN, which uses no data, stays at ${formatPercent(rtn.shifted)}.`),
    );
  }
  return parts.join(' ');
}
