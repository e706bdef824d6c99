/**
 * Round-to-nearest (RTN) integer quantization of a weight matrix, per output
 * channel and per group of input columns: the baseline that GPTQ and AWQ are
 * measured against, on the same grid as GPTQ (`affineGrid`, `affineCode`).
 */
import type { Matrix } from './matrix';
import { assertMatrix } from './matrix';
import { affineCode, affineGrid } from './quantize-affine';
import { assertIntegerInRange, assertPositiveInteger } from './validate';

const f32 = Math.fround;

/** Options shared by the integer weight quantizers of the method lab (RTN, GPTQ). */
export interface IntWeightOptions {
  /** Bits per weight: an integer from 2 to 8. */
  bits: number;
  /**
   * Input columns per (scale, zero point) in each output row; omit for one pair per
   * row ("per channel"). GPTQ and AWQ checkpoints commonly use 128.
   */
  groupSize?: number;
  /** GPTQ's `sym=True` grid (zero point fixed at 2^(b−1)); default false (asymmetric min/max, as AWQ and `quantizeAffine`). */
  symmetric?: boolean;
}

/**
 * A quantized weight matrix (out × in) as a GPTQ-style checkpoint stores it:
 * integer codes, and per output row one float32 scale and integer zero point
 * per group. Weight (r, c) is `scales[r·groups + g] · (codes[r·cols + c] − zeros[r·groups + g])`
 * with g = `groupIndex[c]` (the `g_idx` of GPTQ checkpoints: ⌊c / groupSize⌋,
 * except after GPTQ's act-order, where groups follow the processing order).
 */
export interface QuantizedMatrix {
  readonly bits: number;
  readonly groupSize: number | null;
  readonly symmetric: boolean;
  readonly rows: number;
  readonly cols: number;
  /** Groups per row. */
  readonly groups: number;
  /** One integer in [0, 2^bits − 1] per weight, row-major. */
  readonly codes: Uint8Array;
  /** rows × groups float32 step sizes. */
  readonly scales: Float32Array;
  /** rows × groups zero points, integers in [0, 2^bits − 1]. */
  readonly zeros: Uint8Array;
  /** The group of each input column (length cols). */
  readonly groupIndex: Int32Array;
  /** The weights a kernel computes back: scale · (code − zero), float32 values. */
  readonly dequantized: Matrix;
}

/** Checks the options of the integer weight quantizers; returns groupSize (cols when omitted) and maxq. */
export function checkIntWeightOptions(
  w: Matrix,
  options: IntWeightOptions,
): { size: number; groups: number; maxq: number; symmetric: boolean } {
  assertMatrix(w, 'W');
  if (typeof options !== 'object' || options === null)
    throw new TypeError('options must be an object with bits (and optionally groupSize)');
  assertIntegerInRange(options.bits, 'bits', 2, 8);
  if (options.groupSize !== undefined) assertPositiveInteger(options.groupSize, 'groupSize');
  const size = options.groupSize === undefined ? w.cols : Math.min(options.groupSize, w.cols);
  return { size, groups: Math.ceil(w.cols / size), maxq: 2 ** options.bits - 1, symmetric: options.symmetric === true };
}

/**
 * RTN: each weight rounded to the nearest level of its group's grid, with no
 * error correction. For each output row r and group g of input columns
 * [g·groupSize, (g+1)·groupSize) (the last group may be shorter):
 *
 *   (s, z) = affineGrid(min, max of the group's weights)   GPTQ `quant.py` find_params
 *   q = clamp(round(w / s) + z, 0, 2^b − 1),  ŵ = s · (q − z)
 *
 * This is what GPTQ's `llama.py --nearest` runs (a `Quantizer` with
 * `perchannel=True`, then `quantize` on every weight), and the "RTN" rows of
 * the GPTQ and AWQ papers. Weights are rounded to float32 first, as a float32 checkpoint holds them.
 *
 * Source: IST-DASLab/gptq `quant.py` (`Quantizer.find_params`, `quantize`) and
 * `llama.py` (`--nearest`), commit 2d65066.
 *
 * @throws {RangeError} if W is malformed, bits is not an integer from 2 to 8, or groupSize is not a positive integer
 * @example
 * // One row [−1, 0, 0.5, 2], 2 bits: lo = −1, hi = 2, s = 3/3 = 1, z = 1; q = [0, 1, 2 (0.5 → 0, half to even, + 1 = 1)…]
 * quantizeRtn(matrix(1, 4, [-1, 0, 0.5, 2]), { bits: 2 }).codes // Uint8Array [0, 1, 1, 3]
 */
export function quantizeRtn(w: Matrix, options: IntWeightOptions): QuantizedMatrix {
  const { size, groups, maxq, symmetric } = checkIntWeightOptions(w, options);
  const { rows, cols } = w;
  const codes = new Uint8Array(rows * cols);
  const scales = new Float32Array(rows * groups);
  const zeros = new Uint8Array(rows * groups);
  const deq = new Float64Array(rows * cols);
  const groupIndex = new Int32Array(cols);
  for (let c = 0; c < cols; c++) groupIndex[c] = Math.floor(c / size);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < groups; g++) {
      const start = r * cols + g * size;
      const end = r * cols + Math.min((g + 1) * size, cols);
      let min = Infinity;
      let max = -Infinity;
      for (let i = start; i < end; i++) {
        const v = f32(w.data[i]!);
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const { scale, zero } = affineGrid(min, max, maxq, symmetric);
      scales[r * groups + g] = scale;
      zeros[r * groups + g] = zero;
      for (let i = start; i < end; i++) {
        const q = affineCode(w.data[i]!, scale, zero, maxq);
        codes[i] = q;
        deq[i] = f32(scale * (q - zero));
      }
    }
  }
  return {
    bits: options.bits,
    groupSize: options.groupSize ?? null,
    symmetric,
    rows,
    cols,
    groups,
    codes,
    scales,
    zeros,
    groupIndex,
    dequantized: { rows, cols, data: deq },
  };
}
