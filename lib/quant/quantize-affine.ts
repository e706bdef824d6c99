import { FLOAT32_MAX, FLOAT32_MIN_NORMAL, blockCount, saturateInfinities } from './blocks';
import { roundHalfEven } from './round-half-even';
import type { AffineResult } from './types';
import { assertFiniteValues, assertFloat32ArrayNonEmpty, assertIntegerInRange } from './validate';

const f32 = Math.fround;

/** Options for `quantizeAffine`. */
export interface AffineOptions {
  /** Bits per stored integer: an integer from 2 to 8. */
  bits: number;
  /** Values per (scale, zero point); omit for one pair for the whole tensor. GPTQ commonly uses 128. */
  groupSize?: number;
}

/**
 * Asymmetric ("zero-point", min/max) b-bit quantization in the convention of
 * GPTQ's reference code (IST-DASLab/gptq `quant.py`, `find_params` and
 * `quantize`), per group:
 *
 *   lo = min(min x, 0),  hi = max(max x, 0)   the range always includes 0
 *   if lo = hi = 0: lo = −1, hi = +1           (an all-zero group)
 *   s  = (hi − lo) / (2^b − 1)                 step size, stored as float32
 *   z  = round(−lo / s)                        zero point: the integer that means 0.0
 *   q  = clamp(round(x / s) + z, 0, 2^b − 1)
 *   x̂  = s · (q − z)
 *
 * Rounding is half-to-even (`torch.round`), and the arithmetic is float32
 * at each step, as in the reference (s, −lo / s and x / s are each rounded
 * to float32 before rounding to an integer). Because the range includes 0,
 * the value 0 is always stored exactly (q = z), and since every value lies
 * in [lo, hi] each is off by at most s / 2 (plus float32 rounding).
 *
 * Edge cases, decided here: x̂ is clamped to ±3.4028e38 (a range spanning
 * nearly all of float32 has grid ends just outside it; there GPTQ's float32
 * hi − lo overflows to ∞ and its outputs become NaN, so this code keeps that
 * one subtraction in float64). If s would be below the smallest normal
 * float32 (a group of values all within about 1e−36 of 0), it is raised to
 * 2^−126 so that s is never 0 and the division stays exact; the grid is then
 * coarser than the range needs, and the error bound s / 2 still holds.
 *
 * Groups: consecutive groups of `groupSize` values in memory order, the last
 * possibly partial (GPTQ groups run along a weight row's input dimension;
 * pass the flattened row(s)). Without `groupSize`, one group for everything.
 *
 * Source: IST-DASLab/gptq `quant.py` (`quantize()`, `Quantizer.find_params`
 * with `sym=False`), commit 2d65066; the same formula as PyTorch/torchao
 * fake-quantization ("x_q = clamp(round(x/scale + zp), qmin, qmax)").
 *
 * @throws {TypeError} if `x` is not a Float32Array
 * @throws {RangeError} if `x` is empty or holds NaN/±Infinity, `bits` is not an integer from 2 to 8, or `groupSize` is given and is not a positive integer
 * @example
 * // 4 bits, x = [−1, 0, 0.625, 0.875, 2.75]: lo = −1, hi = 2.75,
 * // s = 3.75 / 15 = 0.25, z = round(1 / 0.25) = 4.
 * // x/s = [−4, 0, 2.5, 3.5, 11] → round half-to-even → [−4, 0, 2, 4, 11] → + z → q.
 * const r = quantizeAffine(Float32Array.of(-1, 0, 0.625, 0.875, 2.75), { bits: 4 });
 * r.scales[0]               // 0.25
 * r.zeroPoints[0]           // 4
 * Array.from(r.q)           // [0, 4, 6, 8, 15]
 * Array.from(r.dequantized) // [-1, 0, 0.5, 1, 2.75]
 */
export function quantizeAffine(x: Float32Array, options: AffineOptions): AffineResult {
  assertFloat32ArrayNonEmpty(x, 'x');
  if (typeof options !== 'object' || options === null)
    throw new TypeError('options must be an object with bits (and optionally groupSize)');
  const { bits, groupSize } = options;
  assertIntegerInRange(bits, 'bits', 2, 8);
  const n = x.length;
  const size = groupSize === undefined ? n : groupSize;
  const groups = blockCount(n, size, 'groupSize');
  const maxq = 2 ** bits - 1;

  const q = new Uint8Array(n);
  const scales = new Float32Array(groups);
  const zeroPoints = new Uint8Array(groups);
  const dequantized = new Float32Array(n);
  for (let g = 0; g < groups; g++) {
    const start = g * size;
    const end = start + size < n ? start + size : n;
    let lo = 0;
    let hi = 0;
    for (let i = start; i < end; i++) {
      const v = x[i] as number;
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
      else if (v !== v) assertFiniteValues(x, 'x'); // NaN: throws, naming the first bad index
    }
    if (lo === -Infinity || hi === Infinity) assertFiniteValues(x, 'x');
    const { scale: s, zero: z } = affineGrid(lo, hi, maxq, false);
    scales[g] = s;
    zeroPoints[g] = z;
    for (let i = start; i < end; i++) {
      const qi = affineCode(x[i] as number, s, z, maxq);
      q[i] = qi;
      dequantized[i] = s * (qi - z);
    }
    // A range spanning nearly all of float32 has grid ends just past it (→ ±Infinity).
    if (s * maxq > FLOAT32_MAX) saturateInfinities(dequantized, start, end);
  }
  return {
    method: 'affine',
    bits,
    groupSize: groupSize === undefined ? null : groupSize,
    q,
    scales,
    zeroPoints,
    dequantized,
  };
}

/** One (step size, zero point) pair of an integer grid: x̂ = scale · (q − zero). */
export interface AffineGrid {
  /** Step size s, a positive float32. */
  readonly scale: number;
  /** Zero point z, an integer in [0, maxq]. */
  readonly zero: number;
}

/**
 * The grid GPTQ's `Quantizer.find_params` (IST-DASLab/gptq `quant.py`, commit
 * 2d65066) fits to values whose minimum is `min` and maximum is `max`, with
 * maxq = 2^b − 1:
 *
 *   lo = min(min, 0),  hi = max(max, 0)                the range always includes 0
 *   symmetric: hi = max(|lo|, hi); if lo < 0: lo = −hi
 *   if lo = hi = 0: lo = −1, hi = +1
 *   s = (hi − lo) / maxq                               float32
 *   z = round(−lo / s)   (asymmetric)   or   z = (maxq + 1) / 2   (symmetric)
 *
 * Symmetric grids keep the reference's quirks: z = 2^(b−1) puts one more
 * level below 0 than above (4 bits: s·(q − 8) for q in 0…15, so +hi itself
 * rounds to 7s), and a group with no negative value keeps lo = 0.
 * Float32 at each step as in the reference; a float32-overflowing hi − lo is
 * kept in float64 and s is raised to 2^−126 if it would be smaller (see
 * `quantizeAffine`).
 */
export function affineGrid(min: number, max: number, maxq: number, symmetric: boolean): AffineGrid {
  let lo = min < 0 ? min : 0;
  let hi = max > 0 ? max : 0;
  if (symmetric) {
    if (-lo > hi) hi = -lo;
    if (lo < 0) lo = -hi;
  }
  if (lo === 0 && hi === 0) {
    lo = -1;
    hi = 1;
  }
  // Float32 like the reference; hi − lo can overflow float32 (up to 2 × 3.4e38),
  // and then (only then) it is kept in float64: divided by maxq ≥ 3 it fits again.
  const range = f32(hi - lo);
  let s = f32((range === Infinity ? hi - lo : range) / maxq);
  if (s < FLOAT32_MIN_NORMAL) s = FLOAT32_MIN_NORMAL;
  if (symmetric) return { scale: s, zero: (maxq + 1) / 2 };
  let z = roundHalfEven(f32(-lo / s));
  if (z > maxq) z = maxq;
  return { scale: s, zero: z };
}

/**
 * The integer code of `x` on the grid (s, z): q = clamp(round(x / s) + z, 0, maxq),
 * with x and x / s rounded to float32 and round half-to-even, as GPTQ's
 * `quantize()` (`quant.py`) computes `torch.clamp(torch.round(x / scale) + zero, 0, maxq)`
 * on float32 tensors. Dequantize with `s * (q − z)`.
 */
export function affineCode(x: number, scale: number, zero: number, maxq: number): number {
  const q = roundHalfEven(f32(f32(x) / scale)) + zero;
  return q < 0 ? 0 : q > maxq ? maxq : q;
}
