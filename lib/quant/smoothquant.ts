/**
 * SmoothQuant (Xiao et al., "SmoothQuant: Accurate and Efficient Post-Training
 * Quantization for Large Language Models", ICML 2023, arXiv 2211.10438) for one
 * linear layer, simulated W8A8: INT8 weights and INT8 activations.
 */
import { assertMatrix, dot, type Matrix } from './matrix';
import { quantizeInt8Absmax } from './quantize-int8-absmax';
import { assertNumberInRange } from './validate';

const f32 = Math.fround;
const F32_1E_5 = f32(1e-5);

/** How activations are quantized to INT8 at run time: one absmax per token (row of X) or one for the whole X. */
export type ActivationQuant = 'per-token' | 'per-tensor';

/** Options of `smoothQuant`. */
export interface SmoothQuantOptions {
  /** Migration strength α, from 0 to 1; default 0.5 ("a well-balanced point", paper §4). */
  alpha?: number;
}

/** A smoothed and INT8-quantized layer, and the ranges the smoothing changed. */
export interface SmoothQuantResult {
  readonly alpha: number;
  /** s_j per input channel (float32): X is divided by s, W's column j multiplied by it. */
  readonly smoothing: Float32Array;
  /** max_t |X_tj| per input channel on the calibration tokens, before (act_scales) and after (÷ s_j) smoothing. */
  readonly activationMaxBefore: Float32Array;
  readonly activationMaxAfter: Float32Array;
  /** max_r |W_rj| per input channel, before and after (× s_j) smoothing. */
  readonly weightMaxBefore: Float32Array;
  readonly weightMaxAfter: Float32Array;
  /** W·diag(s) in INT8, one absmax scale per output row: codes (rows × cols) and scales (rows). */
  readonly weightCodes: Int8Array;
  readonly weightScales: Float32Array;
  /** The INT8 weights dequantized: Q(W·diag(s)), rows × cols. */
  readonly smoothedWeights: Matrix;
}

/**
 * SmoothQuant's smoothing factors and INT8 weights, from calibration activations X
 * (tokens × in) and weights W (out × in), as `smooth_ln_fcs` and `W8A8Linear` do it:
 *
 *   s_j = max(max_t |X_tj|^α / max(max_r |W_rj|, 1e−5)^(1−α), 1e−5)     (paper eq. 4)
 *   X' = X·diag(s)⁻¹  (folded into the previous LayerNorm in a model),  W' = W·diag(s)
 *   W' → INT8 per output row: scale = max|W'_r| / 127, q = round(w / scale)
 *
 * α = 0 leaves the activations alone apart from scaling each channel by 1 / max|W_j|; α = 1
 * moves the whole activation range into the weights. Float32 arithmetic.
 *
 * Sources: mit-han-lab/smoothquant (commit c61476d) `smoothquant/smooth.py`
 * (`smooth_ln_fcs`), `calibration.py` (`get_act_scales`: max |x| per channel) and
 * `fake_quant.py` (`quantize_weight_per_channel_absmax`); the paper, §4 eq. 4.
 * An all-zero weight row gets scale 0 here (the reference clamps absmax to 1e−5); both give ŵ = 0.
 *
 * @throws {RangeError} if W or X is malformed or their sizes disagree, or alpha is not in [0, 1]
 */
export function smoothQuant(w: Matrix, x: Matrix, options: SmoothQuantOptions = {}): SmoothQuantResult {
  assertMatrix(w, 'W');
  assertMatrix(x, 'X');
  if (x.cols !== w.cols) throw new RangeError(`X must have W's ${w.cols} input columns (got ${x.cols})`);
  const alpha = options.alpha ?? 0.5;
  assertNumberInRange(alpha, 'alpha', 0, 1);
  const { cols } = w;
  const activationMaxBefore = columnAbsMax(x);
  const weightMaxBefore = columnAbsMax(w);
  const smoothing = new Float32Array(cols);
  for (let j = 0; j < cols; j++) {
    const wm = Math.max(weightMaxBefore[j]!, F32_1E_5);
    const s = f32(f32(Math.pow(activationMaxBefore[j]!, alpha)) / f32(Math.pow(wm, 1 - alpha)));
    smoothing[j] = s < F32_1E_5 ? F32_1E_5 : s;
  }
  const q = quantizeWeightsInt8PerRow(w, smoothing);
  const activationMaxAfter = Float32Array.from(activationMaxBefore, (v, j) => v / smoothing[j]!);
  const weightMaxAfter = Float32Array.from(weightMaxBefore, (v, j) => v * smoothing[j]!);
  return {
    alpha,
    smoothing,
    activationMaxBefore,
    activationMaxAfter,
    weightMaxBefore,
    weightMaxAfter,
    weightCodes: q.codes,
    weightScales: q.scales,
    smoothedWeights: q.dequantized,
  };
}

/**
 * W·diag(s) (or W itself, `smoothing` = null) in INT8 with one absmax scale per
 * output row, SmoothQuant's `quantize_weight_per_channel_absmax` (`fake_quant.py`):
 * scale_r = max_j |W'_rj| / 127, q = round(w / scale_r) half-to-even, via `quantizeInt8Absmax`
 * with one block per row. Float32.
 */
export function quantizeWeightsInt8PerRow(
  w: Matrix,
  smoothing: Float32Array | null,
): { codes: Int8Array; scales: Float32Array; dequantized: Matrix } {
  const { rows, cols } = w;
  if (smoothing !== null && smoothing.length !== cols)
    throw new RangeError(`smoothing must have ${cols} entries (got ${smoothing.length})`);
  const scaled = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++)
      scaled[r * cols + j] = smoothing === null ? w.data[r * cols + j]! : f32(w.data[r * cols + j]!) * smoothing[j]!;
  }
  const q = quantizeInt8Absmax(scaled, { blockSize: cols });
  return { codes: q.q, scales: q.scales, dequantized: { rows, cols, data: Float64Array.from(q.dequantized) } };
}

/**
 * The layer's simulated W8A8 output for activations X (tokens × in):
 * Ŷ = Q_a(X·diag(s)⁻¹) · Q(W·diag(s))ᵀ, with Q_a INT8 absmax per token (each row
 * of X' its own scale, computed at run time) or per tensor (one scale for X'), as
 * SmoothQuant's `W8A8Linear` fake-quantizes its input (`quantize_activation_per_token_absmax`,
 * `quantize_activation_per_tensor_absmax` in `fake_quant.py`, commit c61476d).
 * Pass `smoothing` = null (or all ones) for plain W8A8 without SmoothQuant.
 *
 * @throws {RangeError} if the sizes disagree
 */
export function w8a8Output(
  weightsInt8: Matrix,
  smoothing: Float32Array | null,
  x: Matrix,
  activationQuant: ActivationQuant,
): Matrix {
  assertMatrix(x, 'X');
  const { rows: tokens, cols } = x;
  if (weightsInt8.cols !== cols)
    throw new RangeError(`X must have W's ${weightsInt8.cols} input columns (got ${cols})`);
  if (smoothing !== null && smoothing.length !== cols)
    throw new RangeError(`smoothing must have ${cols} entries (got ${smoothing.length})`);
  const xs = new Float32Array(tokens * cols);
  for (let t = 0; t < tokens; t++)
    for (let j = 0; j < cols; j++)
      xs[t * cols + j] = smoothing === null ? x.data[t * cols + j]! : x.data[t * cols + j]! / smoothing[j]!;
  const qa = quantizeInt8Absmax(xs, activationQuant === 'per-token' ? { blockSize: cols } : {});
  const out = weightsInt8.rows;
  const y = new Float64Array(tokens * out);
  const W = weightsInt8.data;
  const A = Float64Array.from(qa.dequantized);
  for (let t = 0; t < tokens; t++) {
    for (let r = 0; r < out; r++) {
      y[t * out + r] = dot(A, t * cols, W, r * cols, cols);
    }
  }
  return { rows: tokens, cols: out, data: y };
}

/** max_i |M_ij| per column j, as float32. */
function columnAbsMax(m: Matrix): Float32Array {
  const out = new Float32Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const v = Math.abs(m.data[i * m.cols + j]!);
      if (v > out[j]!) out[j] = v;
    }
  }
  return out;
}
