import { NF4 } from './nf4-codebook';
import { quantize4bit, type FourBitOptions } from './quantize-4bit';
import type { FourBitResult } from './types';

/**
 * Blockwise NF4 quantization, as bitsandbytes `quantize_4bit(x,
 * quant_type="nf4")` does it (reference kernel: `backends/default/ops.py`).
 *
 * For each block of `blockSize` consecutive values:
 *
 *   absmax  = max |x_i| over the block               (stored, float32)
 *   s_i     = clamp(x_i / absmax, −1, 1)             (a number in [−1, 1])
 *   code_i  = index of the NF4 level nearest to s_i  (stored, 4 bits)
 *   x̂_i     = NF4_CODEBOOK[code_i] × absmax          (dequantized, float32)
 *
 * "Nearest" is bitsandbytes' `bucketize` against the 15 midpoints between
 * neighbouring levels; a value exactly on a midpoint takes the lower level.
 * The arithmetic is bitsandbytes' float32 arithmetic: s_i is computed as
 * x_i × float32(1 / absmax), rounded to float32, as both its CPU and CUDA
 * kernels do, so codes match bitsandbytes even for values a rounding error
 * away from a midpoint. As in bitsandbytes' reference kernel, absmax is
 * floored at 1e−38 before taking the reciprocal, so an all-zero block stores
 * code 7 (0.0) and dequantizes to 0, never NaN. (The CUDA kernel has no
 * floor: 0 × ∞ = NaN fails every comparison of its decision tree, so it
 * stores code 0, −1.0, which also dequantizes to 0 × −1 = 0.)
 *
 * Blocks: `n` need not be a multiple of `blockSize`; the last block is then
 * partial, with its own absmax (bitsandbytes does the same). `blockSize` must
 * be a positive integer (bitsandbytes itself accepts 32, 64, …, 4096 on GPU;
 * any size is allowed here so learners can try 8 or 1000).
 *
 * With `doubleQuant: true`, the absmax values are double-quantized
 * (`doubleQuantizeAbsmax`) and `dequantized` uses the reconstructed absmax,
 * as bitsandbytes does with `compress_statistics=True`. The codes do not
 * change: they are chosen with the exact absmax, before it is compressed.
 *
 * Source: QLoRA (Dettmers et al., arXiv 2305.14314) §3; bitsandbytes
 * `bitsandbytes/functional.py` `quantize_4bit`, `backends/default/ops.py`
 * `_get_4bit_quantize_bounds` and `quantize_4bit` (commit 95f9af3); `csrc/kernels.cu`
 * `kQuantizeBlockwise` (`smem_absmax_value[0] = 1.0f / local_abs_max`).
 *
 * @throws {TypeError} if `x` is not a Float32Array
 * @throws {RangeError} if `x` is empty or holds NaN/±Infinity, or `blockSize` is not a positive integer
 * @example
 * // One block, absmax = 0.5. Scaled: [1, −0.5, 0.1, 0.02].
 * //  1     → code 15 (1.0)
 * // −0.5   → code 2 (−0.5251): nearest, midpoints −0.6107 < −0.5 ≤ −0.4600
 * //  0.1   → code 8 (0.0796):  0.0398 < 0.1 ≤ 0.1203
 * //  0.02  → code 7 (0.0):    −0.0455 < 0.02 ≤ 0.0398
 * const r = quantizeNF4(Float32Array.of(0.5, -0.25, 0.05, 0.01));
 * Array.from(r.codes) // [15, 2, 8, 7]
 * r.absmax[0]         // 0.5
 * r.dequantized[1]    // -0.26253652572631836 (= −0.5250730514526367 × 0.5)
 */
export function quantizeNF4(x: Float32Array, options: FourBitOptions = {}): FourBitResult {
  return quantize4bit('nf4', NF4, x, options);
}
