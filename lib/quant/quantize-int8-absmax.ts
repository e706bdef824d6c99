import { FLOAT32_MAX, FLOAT32_MIN_NORMAL, blockCount, saturateInfinities } from './blocks';
import { roundHalfEven } from './round-half-even';
import type { Int8AbsmaxResult } from './types';
import { assertFiniteValues, assertFloat32ArrayNonEmpty } from './validate';

/**
 * Symmetric ("absmax") INT8 quantization, per tensor or per block:
 *
 *   scale = absmax / 127                  absmax = max |x_i| over the block (or tensor)
 *   q_i   = round(x_i / scale)            an integer in [−127, 127]
 *   x̂_i   = q_i × scale
 *
 * So the largest magnitude maps to ±127 and 0 maps to 0 exactly. Every value
 * is off by at most scale / 2 (half a step), since nothing is clipped.
 *
 * Arithmetic is float32, as `torch.round(x / scale)` on float32 tensors
 * does it: scale = float32(absmax / 127), x / scale is rounded to float32,
 * then rounded to an integer half-to-even (`roundHalfEven`), as
 * `torch.round` does. bitsandbytes (`int8_vectorwise_quant`) writes the
 * same formula as `torch.round(A * (127.0 / row_stats))`, multiplying by
 * 127/absmax instead of dividing by absmax/127; in float32 the two can
 * differ by one step for a value within a rounding error of a tie (they
 * agreed on all 20,517 values of the per-tensor reference test,
 * `fixtures/torch-reference.json`).
 *
 * Stored: the float32 scale (bitsandbytes stores absmax instead; same
 * information). Edge cases, decided here and not in bitsandbytes (which gives
 * NaN for an all-zero row): an all-zero block gets scale 0 and q = 0; a
 * scale that would underflow float32 (absmax below about 1.5e−36) is raised
 * to the smallest normal float32, 2^−126, so the division stays exact and
 * |q| ≤ 127 still holds; and x̂ is clamped to ±3.4028e38, since for absmax
 * near the float32 maximum, 127 × scale can round just past it.
 *
 * Blocks: without `blockSize`, one scale for the whole tensor (per-tensor).
 * With it, consecutive blocks of `blockSize` values, the last one possibly
 * partial (see `blockCount`). bitsandbytes' LLM.int8() uses one scale per
 * matrix row, which is `blockSize` = row length.
 *
 * Source: Hugging Face blog "A Gentle Introduction to 8-bit Matrix
 * Multiplication" (`hf-bitsandbytes-integration.md`, commit 0097a38), worked
 * example; bitsandbytes `backends/default/ops.py` `int8_vectorwise_quant`.
 *
 * @throws {TypeError} if `x` is not a Float32Array
 * @throws {RangeError} if `x` is empty or holds NaN/±Infinity, or `blockSize` is given and is not a positive integer
 * @example
 * // The HF blog's example: absmax 5.4, scale 5.4/127 ≈ 0.04252.
 * const r = quantizeInt8Absmax(Float32Array.of(1.2, -0.5, -4.3, 1.2, -3.1, 0.8, 2.4, 5.4));
 * Array.from(r.q) // [28, -12, -101, 28, -73, 19, 56, 127]
 */
export function quantizeInt8Absmax(x: Float32Array, { blockSize }: { blockSize?: number } = {}): Int8AbsmaxResult {
  assertFloat32ArrayNonEmpty(x, 'x');
  const n = x.length;
  const size = blockSize === undefined ? n : blockSize;
  const blocks = blockCount(n, size);

  const q = new Int8Array(n);
  const scales = new Float32Array(blocks);
  const dequantized = new Float32Array(n);
  for (let b = 0; b < blocks; b++) {
    const start = b * size;
    const end = start + size < n ? start + size : n;
    let absmax = 0;
    for (let i = start; i < end; i++) {
      const a = Math.abs(x[i] as number);
      if (!(a <= absmax)) {
        if (a > absmax) absmax = a;
        else assertFiniteValues(x, 'x'); // a is NaN: throws, naming the first bad index
      }
    }
    if (absmax === Infinity) assertFiniteValues(x, 'x');

    let scale = Math.fround(absmax / 127);
    if (scale < FLOAT32_MIN_NORMAL) scale = absmax === 0 ? 0 : FLOAT32_MIN_NORMAL;
    scales[b] = scale;
    if (scale === 0) continue; // all zeros: q and dequantized are already 0
    for (let i = start; i < end; i++) {
      let qi = roundHalfEven(Math.fround((x[i] as number) / scale));
      // Cannot exceed ±127 by more than rounding (|x| ≤ absmax); clamp for safety.
      if (qi > 127) qi = 127;
      else if (qi < -127) qi = -127;
      q[i] = qi;
      dequantized[i] = qi * scale;
    }
    // For absmax near the float32 maximum, 127 × scale can round past it (→ ±Infinity).
    if (127 * scale > FLOAT32_MAX) saturateInfinities(dequantized, start, end);
  }
  return { method: 'int8-absmax', blockSize: blockSize === undefined ? null : blockSize, q, scales, dequantized };
}
