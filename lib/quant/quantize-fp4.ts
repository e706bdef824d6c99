import { FP4 } from './fp4-codebook';
import { quantize4bit, type FourBitOptions } from './quantize-4bit';
import type { FourBitResult } from './types';

/**
 * Blockwise FP4 quantization, as bitsandbytes `quantize_4bit(x,
 * quant_type="fp4")` does it. Same block procedure as `quantizeNF4`
 * (absmax per block, scale into [−1, 1], nearest level, ties to the lower
 * level, partial last block allowed), with the FP4 table instead of NF4.
 *
 * FP4 codes are bit patterns (1 sign, 2 exponent, 1 mantissa bit), so the
 * table `FP4_CODEBOOK` is not sorted: code 2 is 0.667, code 3 is 1.0, code 4
 * is 0.333. Nearest-level search uses the sorted view of the 15 distinct
 * levels and its 14 midpoints (bitsandbytes: `argsort(code)` then
 * `order[bucketize(...)]`).
 *
 * Ties: a value exactly on a midpoint takes the lower level, as in the
 * reference kernel. (The CUDA kernel compares |x| against the positive
 * midpoints, so for a negative value exactly on a midpoint it picks the level
 * nearer zero instead; only exact ties differ.)
 *
 * Zero has two codes, +0 (0) and −0 (8), which decode to the same value. A
 * negative value that rounds to zero is stored as −0 (code 8), like the sign
 * bit in bitsandbytes' CUDA kernel (`dQuantizeFP4`: `sign = x < 0 ? 0b1000 :
 * 0`). (The CPU reference kernel picks between the two by argsort's order of
 * equal keys, which is not specified; the dequantized value is 0 either way.)
 *
 * Source: bitsandbytes `functional.py` `get_4bit_type("fp4")`,
 * `backends/default/ops.py` `quantize_4bit`, `csrc/kernels.cu` `dQuantizeFP4`.
 *
 * @throws {TypeError} if `x` is not a Float32Array
 * @throws {RangeError} if `x` is empty or holds NaN/±Infinity, or `blockSize` is not a positive integer
 * @example
 * // absmax = 12. Scaled: [1, 0.5, −0.25, −0.001] → levels 1 (code 3), 0.5 (code 5),
 * // −0.25 (code 15, raw −3), −0 (code 8: rounds to zero, negative).
 * const r = quantizeFP4(Float32Array.of(12, 6, -3, -0.012));
 * Array.from(r.codes) // [3, 5, 15, 8]
 * Array.from(r.dequantized) // [12, 6, -3, -0]
 */
export function quantizeFP4(x: Float32Array, options: FourBitOptions = {}): FourBitResult {
  return quantize4bit('fp4', FP4, x, options);
}
