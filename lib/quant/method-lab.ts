/**
 * The method lab's one entry point: quantize one synthetic linear layer with
 * RTN, GPTQ (with and without act-order), AWQ and, at 8 bits, W8A8 with and
 * without SmoothQuant, calibrated on production-like or shifted data, and
 * measure each on held-out production-like inputs.
 */
import { awqSearchScales, type AwqResult } from './awq';
import { gptqHessian, gptqQuantize, type GptqResult } from './gptq';
import { makeLabData, type LabData } from './lab-data';
import { gram, matmulTransB, quadraticForm, type Matrix } from './matrix';
import { quantizeRtn, type QuantizedMatrix } from './rtn';
import {
  quantizeWeightsInt8PerRow,
  smoothQuant,
  w8a8Output,
  type ActivationQuant,
  type SmoothQuantResult,
} from './smoothquant';
import { assertIntegerInRange, assertNumberInRange, assertPositiveInteger } from './validate';

/** The methods the lab compares. */
export type LabMethod = 'rtn' | 'gptq' | 'gptq-act-order' | 'awq' | 'w8a8' | 'smoothquant-w8a8';

/** Which data the methods are calibrated on; evaluation is always on held-out production-like data. */
export type CalibrationSet = 'matched' | 'shifted';

/** Options of `compareMethods`; every field but bits, calibration and seed has a default. */
export interface CompareMethodsOptions {
  /** Output channels; default 256. */
  rows?: number;
  /** Input channels; default 256. */
  cols?: number;
  /** Weight bits: 2, 3, 4 or 8. At 8, W8A8 and SmoothQuant W8A8 are added. */
  bits: number;
  /** Input columns per group for RTN, GPTQ and AWQ; default 128; null for one group per row. AWQ needs it to divide cols. */
  groupSize?: number | null;
  calibration: CalibrationSet;
  /** Seed of the layer and its data, 0 to 2^32 − 1. */
  seed: number;
  /** Calibration tokens; default 512. */
  calibrationTokens?: number;
  /** Held-out evaluation tokens; default 512. */
  heldOutTokens?: number;
  /** Outlier input channels; default max(2, cols / 64) (`makeLabData`). */
  outlierChannels?: number;
  /** GPTQ dampening; default 0.01. */
  percDamp?: number;
  /** SmoothQuant migration strength; default 0.5. */
  alpha?: number;
  /** INT8 activation granularity for the W8A8 methods; default 'per-token'. */
  activationQuant?: ActivationQuant;
  /** Record GPTQ's per-column steps (`GptqResult.trace`); default false. */
  traceGptq?: boolean;
  /**
   * Called as the run advances, with the share done (0 to 1, never decreasing) and the step now running.
   * GPTQ reports after every column (its `onStep`); the other steps when they finish. For a worker's progress bar.
   */
  onProgress?: (fraction: number, step: LabStep) => void;
}

/** The steps of `compareMethods`, in order. */
export type LabStep = 'data' | 'rtn' | 'gptq' | 'gptq-act-order' | 'awq' | 'evaluate' | 'w8a8';

/**
 * Rough share of a 4-bit run's time per step (`timingsMs` of the default layer, rounded: AWQ's 20-point search is
 * the largest), used only to turn steps into a progress fraction; they sum to 1.
 */
const STEP_WEIGHT: Readonly<Record<LabStep, number>> = {
  data: 0.05,
  rtn: 0.02,
  gptq: 0.2,
  'gptq-act-order': 0.2,
  awq: 0.43,
  evaluate: 0.05,
  w8a8: 0.05,
};

/** How one method did on the held-out, production-like tokens. */
export interface MethodOutcome {
  readonly method: LabMethod;
  /** ‖Y − Ŷ‖_F / ‖Y‖_F with Y = X·Wᵀ on the held-out tokens. */
  readonly relativeError: number;
  /** Per output channel r: ‖Y_:r − Ŷ_:r‖ / ‖Y_:r‖. */
  readonly channelError: Float64Array;
  /** ‖W − Ŵ‖_F / ‖W‖_F: how far the weights moved (GPTQ moves them more than RTN, on purpose). */
  readonly weightError: number;
  /** ‖W − Ŵ‖ measured on the calibration tokens instead: ‖(W − Ŵ)·Xcalᵀ‖_F / ‖W·Xcalᵀ‖_F; null for W8A8 methods. */
  readonly calibrationError: number | null;
}

/** Everything the lab shows for one setting. */
export interface CompareMethodsResult {
  /** The options with defaults filled in. */
  readonly options: Required<Omit<CompareMethodsOptions, 'groupSize' | 'outlierChannels' | 'onProgress'>> & {
    groupSize: number | null;
    outlierChannels: number;
  };
  readonly data: LabData;
  /** One outcome per method, in the order rtn, gptq, gptq-act-order, awq[, w8a8, smoothquant-w8a8]. */
  readonly outcomes: readonly MethodOutcome[];
  readonly rtn: QuantizedMatrix;
  readonly gptq: GptqResult;
  readonly gptqActOrder: GptqResult;
  readonly awq: AwqResult;
  /** SmoothQuant at bits = 8, else null. */
  readonly smoothQuant: SmoothQuantResult | null;
  /** Wall-clock milliseconds per step, for the UI's progress estimate. */
  readonly timingsMs: Readonly<Record<string, number>>;
}

/**
 * Runs the lab. The layer and its three activation sets come from
 * `makeLabData(seed)`; the methods are calibrated on the `calibration` set
 * (production-like `matched`, or `shifted`) and judged on the held-out set:
 *
 *   relative output error = ‖X·Wᵀ − X·Ŵᵀ‖_F / ‖X·Wᵀ‖_F
 *
 * computed for weight-only methods from the held-out Gram matrix G = XᵀX as
 * √(Σ_r ΔW_r·G·ΔW_rᵀ / Σ_r W_r·G·W_rᵀ) (`outputError`: the same number, fewer operations), and for
 * W8A8 from the simulated INT8 output. RTN uses GPTQ's grid (`quantizeRtn`), AWQ its
 * own quantizer (`awqQuantize`), as in the authors' code.
 *
 * @throws {RangeError} for an option out of range (bits not 2, 3, 4 or 8; a size out of range;
 *   an AWQ group size that does not divide cols), naming the option
 */
export function compareMethods(options: CompareMethodsOptions): CompareMethodsResult {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const rows = options.rows ?? 256;
  const cols = options.cols ?? 256;
  const { bits, calibration, seed } = options;
  if (![2, 3, 4, 8].includes(bits)) throw new RangeError(`bits must be 2, 3, 4 or 8 (got ${String(bits)})`);
  if (calibration !== 'matched' && calibration !== 'shifted')
    throw new RangeError(`calibration must be 'matched' or 'shifted' (got ${String(calibration)})`);
  const groupSize = options.groupSize === undefined ? Math.min(128, cols) : options.groupSize;
  if (groupSize !== null) {
    assertPositiveInteger(groupSize, 'groupSize');
    if (cols % groupSize !== 0) throw new RangeError(`groupSize must divide cols = ${cols} (got ${groupSize})`);
  }
  const calibrationTokens = options.calibrationTokens ?? 512;
  const heldOutTokens = options.heldOutTokens ?? 512;
  const percDamp = options.percDamp ?? 0.01;
  const alpha = options.alpha ?? 0.5;
  const activationQuant = options.activationQuant ?? 'per-token';
  if (activationQuant !== 'per-token' && activationQuant !== 'per-tensor') {
    throw new RangeError(`activationQuant must be 'per-token' or 'per-tensor' (got ${String(activationQuant)})`);
  }
  assertNumberInRange(percDamp, 'percDamp', 0, 1);
  assertNumberInRange(alpha, 'alpha', 0, 1);
  assertIntegerInRange(seed, 'seed', 0, 2 ** 32 - 1);
  const outlierChannels = options.outlierChannels ?? Math.max(2, Math.round(cols / 64));
  const traceGptq = options.traceGptq === true;
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new RangeError('onProgress must be a function');
  const steps: LabStep[] = [
    'data',
    'rtn',
    'gptq',
    'gptq-act-order',
    'awq',
    'evaluate',
    ...(bits === 8 ? ['w8a8' as const] : []),
  ];
  const totalWeight = steps.reduce((sum, st) => sum + STEP_WEIGHT[st], 0);
  let doneWeight = 0;
  /** Reports `share` (0 to 1) of `step` as done. */
  const progress = (step: LabStep, share: number) =>
    onProgress?.(Math.min(1, (doneWeight + STEP_WEIGHT[step] * share) / totalWeight), step);
  const finish = (step: LabStep) => {
    progress(step, 1);
    doneWeight += STEP_WEIGHT[step];
  };

  const timingsMs: Record<string, number> = {};
  let t0 = now();
  const lap = (name: string) => {
    const t = now();
    timingsMs[name] = t - t0;
    t0 = t;
  };

  const data = makeLabData({ rows, cols, calibrationTokens, heldOutTokens, seed, outlierChannels });
  const W = data.weights;
  const xCal = calibration === 'matched' ? data.matched : data.shifted;
  const held = outputNorms(W, data.heldOut);
  const cal = outputNorms(W, xCal);
  lap('data');
  finish('data');

  const gs = groupSize ?? undefined;
  const rtn = quantizeRtn(W, { bits, groupSize: gs });
  lap('rtn');
  finish('rtn');
  const H = gptqHessian(xCal);
  const columnProgress = (step: LabStep) =>
    onProgress ? (s: { step: number }) => progress(step, (s.step + 1) / cols) : undefined;
  const gptq = gptqQuantize(W, H, { bits, groupSize: gs, percDamp, trace: traceGptq, onStep: columnProgress('gptq') });
  lap('gptq');
  finish('gptq');
  const gptqActOrder = gptqQuantize(W, H, {
    bits,
    groupSize: gs,
    percDamp,
    actOrder: true,
    trace: traceGptq,
    onStep: columnProgress('gptq-act-order'),
  });
  lap('gptqActOrder');
  finish('gptq-act-order');
  const awq = awqSearchScales(W, xCal, { bits, groupSize: gs });
  lap('awq');
  finish('awq');

  const outcomes: MethodOutcome[] = [
    weightOnlyOutcome('rtn', W, rtn.dequantized, held, cal),
    weightOnlyOutcome('gptq', W, gptq.dequantized, held, cal),
    weightOnlyOutcome('gptq-act-order', W, gptqActOrder.dequantized, held, cal),
    weightOnlyOutcome('awq', W, awq.dequantized, held, cal),
  ];
  lap('evaluate');
  finish('evaluate');

  let sq: SmoothQuantResult | null = null;
  if (bits === 8) {
    const y = matmulTransB(data.heldOut, W);
    // Plain W8A8: no smoothing (s = 1), the same INT8 quantizers.
    const plainW = quantizeWeightsInt8PerRow(W, null).dequantized;
    outcomes.push(w8a8Outcome('w8a8', W, plainW, y, w8a8Output(plainW, null, data.heldOut, activationQuant)));
    sq = smoothQuant(W, xCal, { alpha });
    const sqEffective = unscale(sq.smoothedWeights, sq.smoothing);
    outcomes.push(
      w8a8Outcome(
        'smoothquant-w8a8',
        W,
        sqEffective,
        y,
        w8a8Output(sq.smoothedWeights, sq.smoothing, data.heldOut, activationQuant),
      ),
    );
    lap('w8a8');
    finish('w8a8');
  }

  return {
    options: {
      rows,
      cols,
      bits,
      groupSize,
      calibration,
      seed,
      calibrationTokens,
      heldOutTokens,
      outlierChannels,
      percDamp,
      alpha,
      activationQuant,
      traceGptq,
    },
    data,
    outcomes,
    rtn,
    gptq,
    gptqActOrder,
    awq,
    smoothQuant: sq,
    timingsMs,
  };
}

/**
 * Squared output norms for measuring Ŵ against W on activations X, from the
 * quadratic form q(v) = v·XᵀX·vᵀ = ‖X·vᵀ‖² (`quadraticForm(gram(X))`).
 */
export interface OutputNorms {
  /** q(v) for a weight row v. */
  readonly q: (v: ArrayLike<number>) => number;
  /** q(W_r) per output row of the original W. */
  readonly rowSq: Float64Array;
  readonly totalSq: number;
}

/** Prepares `outputError` for weights W and activations X (the row norms of X·Wᵀ are computed once). */
export function outputNorms(w: Matrix, x: Matrix): OutputNorms {
  if (x.cols !== w.cols) throw new RangeError(`X must have W's ${w.cols} input columns (got ${x.cols})`);
  const q = quadraticForm(gram(x));
  const rowSq = new Float64Array(w.rows);
  let totalSq = 0;
  for (let r = 0; r < w.rows; r++) {
    rowSq[r] = q(w.data.subarray(r * w.cols, (r + 1) * w.cols));
    totalSq += rowSq[r]!;
  }
  return { q, rowSq, totalSq };
}

/**
 * Relative output error of Ŵ against W on activations X, with `norms` = outputNorms(W, X):
 * ‖X·(W − Ŵ)ᵀ‖_F / ‖X·Wᵀ‖_F = √(Σ_r q(ΔW_r) / Σ_r q(W_r)), and per output channel r
 * ‖X·ΔW_rᵀ‖ / ‖X·W_rᵀ‖ = √(q(ΔW_r) / q(W_r)), since ‖X·vᵀ‖² = v·XᵀX·vᵀ for a row vector v.
 */
export function outputError(
  w: Matrix,
  wHat: Matrix,
  norms: OutputNorms,
): { relative: number; perChannel: Float64Array } {
  const { rows, cols } = w;
  if (wHat.rows !== rows || wHat.cols !== cols)
    throw new RangeError(`Ŵ must be ${rows} × ${cols} like W (got ${wHat.rows} × ${wHat.cols})`);
  const perChannel = new Float64Array(rows);
  const d = new Float64Array(cols);
  let num = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) d[j] = w.data[r * cols + j]! - wHat.data[r * cols + j]!;
    const e = Math.max(norms.q(d), 0);
    num += e;
    perChannel[r] = norms.rowSq[r]! > 0 ? Math.sqrt(e / norms.rowSq[r]!) : 0;
  }
  return { relative: norms.totalSq > 0 ? Math.sqrt(num / norms.totalSq) : 0, perChannel };
}

function weightOnlyOutcome(
  method: LabMethod,
  w: Matrix,
  wHat: Matrix,
  held: OutputNorms,
  cal: OutputNorms,
): MethodOutcome {
  const e = outputError(w, wHat, held);
  return {
    method,
    relativeError: e.relative,
    channelError: e.perChannel,
    weightError: relativeDistance(w.data, wHat.data),
    calibrationError: outputError(w, wHat, cal).relative,
  };
}

function w8a8Outcome(method: LabMethod, w: Matrix, wEffective: Matrix, y: Matrix, yHat: Matrix): MethodOutcome {
  const { rows: tokens, cols: out } = y;
  const channelError = new Float64Array(out);
  const num = new Float64Array(out);
  const den = new Float64Array(out);
  for (let t = 0; t < tokens; t++) {
    for (let r = 0; r < out; r++) {
      const v = y.data[t * out + r]!;
      num[r]! += (v - yHat.data[t * out + r]!) ** 2;
      den[r]! += v * v;
    }
  }
  let n = 0;
  let d = 0;
  for (let r = 0; r < out; r++) {
    channelError[r] = den[r]! > 0 ? Math.sqrt(num[r]! / den[r]!) : 0;
    n += num[r]!;
    d += den[r]!;
  }
  return {
    method,
    relativeError: d > 0 ? Math.sqrt(n / d) : 0,
    channelError,
    weightError: relativeDistance(w.data, wEffective.data),
    calibrationError: null,
  };
}

/** ‖a − b‖ / ‖a‖. */
function relativeDistance(a: Float64Array, b: Float64Array): number {
  let n = 0;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    n += (a[i]! - b[i]!) ** 2;
    d += a[i]! ** 2;
  }
  return d > 0 ? Math.sqrt(n / d) : 0;
}

/** The effective weights Q(W·diag(s))·diag(s)⁻¹. */
function unscale(m: Matrix, s: Float32Array): Matrix {
  const { rows, cols } = m;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) data[r * cols + j] = m.data[r * cols + j]! / s[j]!;
  return { rows, cols, data };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
