import { BNB_ABSMAX_FLOOR, blockCount, saturateFloat32 } from './blocks';
import { bucketize } from './codebook';
import { DYNAMIC_MAP_8BIT } from './dynamic-map';
import type { DoubleQuantResult } from './types';

const f32 = Math.fround;

/**
 * Double quantization (QLoRA §3 "Double Quantization"): store the per-block
 * absmax values themselves in 8 bits.
 *
 * What bitsandbytes does (`functional.py` `quantize_4bit` with
 * `compress_statistics=True`, then `quantize_blockwise(absmax, blocksize=256)`
 * with the signed dynamic map, `backends/default/ops.py`):
 *
 *   offset     = mean(absmax)                          (one float32 per tensor)
 *   c_i        = absmax_i − offset                     (centre: absmax are all ≥ 0)
 *   A_j        = max |c_i| over second-level block j   (one float32 per 256 absmax)
 *   code_i     = nearest level of the dynamic map to c_i / A_j   (ties go to the lower level)
 *   absmax'_i  = DYNAMIC_MAP[code_i] × A_j + offset    (what dequantization uses)
 *
 * Arithmetic is float32 at each step, as in torch (c_i / A_j is computed as
 * c_i × float32(1 / A_j), as bitsandbytes does); the mean is summed in
 * float64 and then rounded to float32 (torch sums in float32 in its own
 * order, which can differ in the last bit). Like the 4-bit blocks, the last
 * second-level block may be partial. A zero `A_j` (all absmax equal to the
 * mean) is floored at 1e−38 before dividing, as bitsandbytes does, so it
 * stores code 127 (0.0) and reconstructs `offset` exactly.
 *
 * Storage: 8 bits per first-level block + 32 bits per `blockSize` blocks +
 * one 32-bit offset per tensor (see `nf4BitsPerWeight`).
 *
 * Source: bitsandbytes `bitsandbytes/functional.py` (`quantize_4bit`,
 * `create_dynamic_map`), `backends/default/ops.py` (`quantize_blockwise`,
 * `_gemm_4bit_default_impl`: "per-block scale = absmax_code[absmax_8bit[i]] *
 * absmax[i // 256] + absmax_offset"); QLoRA, arXiv 2305.14314, §3.
 *
 * @param absmax first-level absmax values (finite, ≥ 0), e.g. `quantizeNF4(x).absmax`
 * @throws {RangeError} if `absmax` is empty, holds a negative or non-finite value, or `blockSize` is not a positive integer
 * @example
 * // Two blocks' absmax, 1 and 3: offset = 2, centred [−1, 1], A = 1.
 * // −1 → code 0 (−0.99296875, the most negative level), 1 → code 255 (1.0).
 * const r = doubleQuantizeAbsmax(Float32Array.of(1, 3));
 * r.offset              // 2
 * Array.from(r.codes)   // [0, 255]
 * r.dequantized[0]      // 1.0070312023162842 (= −0.99296873807907 × 1 + 2, in float32)
 */
export function doubleQuantizeAbsmax(
  absmax: Float32Array,
  { blockSize = 256 }: { blockSize?: number } = {},
): DoubleQuantResult {
  if (!(absmax instanceof Float32Array)) throw new TypeError('absmax must be a Float32Array');
  if (absmax.length === 0) throw new RangeError('absmax must contain at least one value (got an empty array)');
  const n = absmax.length;
  const blocks = blockCount(n, blockSize);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = absmax[i] as number;
    if (!(a >= 0 && a <= 3.4028234663852886e38))
      throw new RangeError(`absmax[${i}] must be a finite number ≥ 0 (got ${a})`);
    sum += a;
  }
  const offset = f32(sum / n);

  const map = DYNAMIC_MAP_8BIT;
  const codes = new Uint8Array(n);
  const secondLevelAbsmax = new Float32Array(blocks);
  const dequantized = new Float32Array(n);
  for (let b = 0; b < blocks; b++) {
    const start = b * blockSize;
    const end = Math.min(start + blockSize, n);
    let blockMax = 0;
    for (let i = start; i < end; i++) {
      const c = Math.abs(f32((absmax[i] as number) - offset));
      if (c > blockMax) blockMax = c;
    }
    secondLevelAbsmax[b] = blockMax;
    // bitsandbytes, in float32: clamp(c * (1 / A.clamp(min=1e-38)), -1, 1), then bucketize.
    const inverse = f32(1 / (blockMax > BNB_ABSMAX_FLOOR ? blockMax : BNB_ABSMAX_FLOOR));
    for (let i = start; i < end; i++) {
      const centred = f32((absmax[i] as number) - offset);
      const scaled = Math.min(1, Math.max(-1, f32(centred * inverse)));
      const code = map.sortedCodes[bucketize(map.midpoints, scaled)] as number;
      codes[i] = code;
      dequantized[i] = saturateFloat32(f32(f32((map.levels[code] as number) * blockMax) + offset));
    }
  }
  return { blockSize, codes, offset, secondLevelAbsmax, dequantized };
}
