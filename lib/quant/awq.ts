/**
 * AWQ (Lin et al., "AWQ: Activation-aware Weight Quantization for LLM
 * Compression and Acceleration", MLSys 2024, arXiv 2306.00978): the per-input-
 * channel scale search, as the authors' `auto_scale.py` (`_search_module_scale`)
 * and `quantizer.py` (`pseudo_quantize_tensor`) do it (mit-han-lab/llm-awq,
 * commit d6e797a). The later clipping search (`auto_clip.py`) is not included.
 */
import { assertMatrix, gram, quadraticForm, type Matrix } from './matrix';
import { roundHalfEven } from './round-half-even';
import { assertIntegerInRange, assertPositiveInteger } from './validate';

const f32 = Math.fround;
const F32_1E_5 = f32(1e-5);
const F32_1E_4 = f32(1e-4);

/** Options of AWQ's group quantizer. */
export interface AwqQuantizerOptions {
  /** Bits per weight: an integer from 2 to 8. */
  bits: number;
  /** Input columns per group; must divide W's columns (the reference asserts it). Omit for one group per row. */
  groupSize?: number;
}

/** W quantized with AWQ's quantizer: codes, per-group scales and zeros, and ŵ. */
export interface AwqQuantized {
  readonly codes: Uint8Array;
  /** rows × groups float32 step sizes. */
  readonly scales: Float32Array;
  /** rows × groups zero points (integers in [0, 2^bits − 1]). */
  readonly zeros: Uint8Array;
  /** scale · (code − zero), float32 values, row-major like W. */
  readonly dequantized: Float64Array;
}

/**
 * AWQ's group quantizer (`pseudo_quantize_tensor`, zero_point=True), per row and
 * group of `groupSize` columns, in float32:
 *
 *   s = max(max w − min w, 1e−5) / (2^b − 1)
 *   z = clamp(−round(min w / s), 0, 2^b − 1)
 *   ŵ = (clamp(round(w / s) + z, 0, 2^b − 1) − z) · s
 *
 * Unlike GPTQ's grid (`affineGrid`) the range is not stretched to include 0, so a
 * group of all-positive weights spends every level on [min, max].
 *
 * Source: mit-han-lab/llm-awq `awq/quantize/quantizer.py` `pseudo_quantize_tensor`, commit d6e797a.
 *
 * @throws {RangeError} if bits is not an integer from 2 to 8, or groupSize does not divide the columns
 */
export function awqQuantize(w: Matrix, options: AwqQuantizerOptions): AwqQuantized {
  assertMatrix(w, 'W');
  const { size, groups, maxq } = awqCheck(w.cols, options);
  return awqQuantizeData(w.data, w.rows, w.cols, size, groups, maxq);
}

function awqCheck(cols: number, options: AwqQuantizerOptions): { size: number; groups: number; maxq: number } {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('options must be an object with bits (and optionally groupSize)');
  assertIntegerInRange(options.bits, 'bits', 2, 8);
  const size = options.groupSize ?? cols;
  assertPositiveInteger(size, 'groupSize');
  if (cols % size !== 0)
    throw new RangeError(`groupSize must divide the ${cols} input columns (got ${size}); AWQ's quantizer requires it`);
  return { size, groups: cols / size, maxq: 2 ** options.bits - 1 };
}

function awqQuantizeData(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  size: number,
  groups: number,
  maxq: number,
): AwqQuantized {
  const codes = new Uint8Array(rows * cols);
  const scales = new Float32Array(rows * groups);
  const zeros = new Uint8Array(rows * groups);
  const dequantized = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < groups; g++) {
      const start = r * cols + g * size;
      const end = start + size;
      let min = Infinity;
      let max = -Infinity;
      for (let i = start; i < end; i++) {
        const v = data[i]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      let range = f32(max - min);
      if (range < F32_1E_5) range = F32_1E_5;
      const s = f32(range / maxq);
      let z = -roundHalfEven(f32(min / s));
      z = z < 0 ? 0 : z > maxq ? maxq : z;
      scales[r * groups + g] = s;
      zeros[r * groups + g] = z;
      for (let i = start; i < end; i++) {
        let q = roundHalfEven(f32(data[i]! / s)) + z;
        q = q < 0 ? 0 : q > maxq ? maxq : q;
        codes[i] = q;
        dequantized[i] = f32((q - z) * s);
      }
    }
  }
  return { codes, scales, zeros, dequantized };
}

/** Options of `awqSearchScales`. */
export interface AwqSearchOptions extends AwqQuantizerOptions {
  /** Grid points for the exponent α: α = 0, 1/nGrid, …, (nGrid − 1)/nGrid. Default 20, as the reference. */
  nGrid?: number;
}

/** One point of AWQ's grid search. */
export interface AwqGridPoint {
  /** The exponent α ("ratio" in the reference). */
  readonly ratio: number;
  /** Mean squared output error on the calibration tokens: mean((X·Wᵀ − X·Ŵᵀ)²). */
  readonly loss: number;
}

/** The result of AWQ's scale search. */
export interface AwqResult {
  readonly bestRatio: number;
  /** The loss at bestRatio (the smallest on the grid). */
  readonly bestLoss: number;
  /** Every grid point, in order. */
  readonly grid: readonly AwqGridPoint[];
  /** Mean |x| per input channel over the calibration tokens (float32): AWQ's activation statistic. */
  readonly activationMean: Float32Array;
  /** The chosen per-input-channel scales s (float32). W·diag(s) is quantized; X·diag(s)⁻¹ is what it multiplies. */
  readonly scales: Float32Array;
  /** Q(W·diag(s)) as stored: codes, group scales and zeros. */
  readonly quantized: AwqQuantized;
  /** The effective weights Q(W·diag(s))·diag(s)⁻¹, float32 values (rows × cols), for comparing with W. */
  readonly dequantized: Matrix;
}

/**
 * AWQ's scale search for one linear layer W (out × in) with calibration
 * activations X (tokens × in), as `_search_module_scale` does it:
 *
 *   x̄_j = mean_t |X_tj|                                        (`get_act_scale`)
 *   for α in 0, 1/20, …, 19/20:
 *     s_j = max(x̄_j^α, 1e−4);  s /= √(max s · min s)
 *     Ŵ = Q(W·diag(s)) · diag(s)⁻¹                             (Q = `awqQuantize`)
 *     loss(α) = mean((X·Wᵀ − X·Ŵᵀ)²)
 *   keep the α with the smallest loss (the first one on ties).
 *
 * α = 0 gives s = 1, plain round-to-nearest with AWQ's quantizer, so the search is
 * never worse than RTN on the calibration loss. In a model the scales are folded
 * into the previous operator (a norm or linear layer), so X·diag(s)⁻¹ costs nothing.
 * Scales and quantization are float32 as in the reference; the loss is computed
 * in float64 from the Gram matrix XᵀX (loss = Σ_r ΔW_r·XᵀX·ΔW_rᵀ / (tokens · out),
 * the same number up to float32 rounding).
 *
 * Source: mit-han-lab/llm-awq `awq/quantize/auto_scale.py` (`get_act_scale`,
 * `_search_module_scale`), commit d6e797a; paper §3.2 eq. 4–5.
 *
 * @throws {RangeError} if W or X is malformed or their sizes disagree, or an option is out of range
 */
export function awqSearchScales(w: Matrix, x: Matrix, options: AwqSearchOptions): AwqResult {
  assertMatrix(w, 'W');
  assertMatrix(x, 'X');
  if (x.cols !== w.cols) throw new RangeError(`X must have W's ${w.cols} input columns (got ${x.cols})`);
  const { size, groups, maxq } = awqCheck(w.cols, options);
  const nGrid = options.nGrid ?? 20;
  assertPositiveInteger(nGrid, 'nGrid', 1000);
  const { rows, cols } = w;
  const tokens = x.rows;

  // Mean |x| per channel, summed in float64 and rounded once to float32 (torch sums float32 pairwise).
  const activationMean = new Float32Array(cols);
  const acc = new Float64Array(cols);
  for (let t = 0; t < tokens; t++) for (let j = 0; j < cols; j++) acc[j]! += Math.abs(x.data[t * cols + j]!);
  for (let j = 0; j < cols; j++) activationMean[j] = f32(acc[j]! / tokens);

  const outputSq = quadraticForm(gram(x));
  const W = Float64Array.from(w.data, f32);
  const scaled = new Float64Array(rows * cols);
  const delta = new Float64Array(cols);
  const grid: AwqGridPoint[] = [];
  let best = {
    ratio: -1,
    loss: Infinity,
    scales: new Float32Array(0),
    quantized: null as AwqQuantized | null,
    deq: new Float64Array(0),
  };
  for (let k = 0; k < nGrid; k++) {
    const ratio = (k * 1) / nGrid;
    const r32 = f32(ratio);
    const s = new Float32Array(cols);
    let smax = -Infinity;
    let smin = Infinity;
    for (let j = 0; j < cols; j++) {
      let v = f32(Math.pow(activationMean[j]!, r32));
      if (v < F32_1E_4) v = F32_1E_4;
      s[j] = v;
      if (v > smax) smax = v;
      if (v < smin) smin = v;
    }
    const norm = f32(Math.sqrt(f32(smax * smin)));
    for (let j = 0; j < cols; j++) s[j] = f32(s[j]! / norm);
    for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) scaled[r * cols + j] = f32(W[r * cols + j]! * s[j]!);
    const quantized = awqQuantizeData(scaled, rows, cols, size, groups, maxq);
    const deq = new Float64Array(rows * cols);
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < cols; j++) {
        const v = f32(quantized.dequantized[r * cols + j]! / s[j]!);
        deq[r * cols + j] = v;
        delta[j] = W[r * cols + j]! - v;
      }
      sum += outputSq(delta); // ΔW_r·XᵀX·ΔW_rᵀ = ‖X·ΔW_rᵀ‖²
    }
    const loss = sum / (tokens * rows);
    grid.push({ ratio, loss });
    if (loss < best.loss) best = { ratio, loss, scales: s, quantized, deq };
  }
  return {
    bestRatio: best.ratio,
    bestLoss: best.loss,
    grid,
    activationMean,
    scales: best.scales,
    quantized: best.quantized!,
    dequantized: { rows, cols, data: best.deq },
  };
}
