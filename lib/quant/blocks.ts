import { assertPositiveInteger } from './validate';

/**
 * The rule for blocks (and groups) in this module, the same as bitsandbytes'
 * `quantize_4bit` / `quantize_blockwise` (`backends/default/ops.py`: `rem = n
 * % blocksize`, then "Scale any partial block"):
 *
 * - values are cut into consecutive blocks of `blockSize`, in memory order;
 * - `n` need not be a multiple of `blockSize`: the last block is then shorter
 *   and gets its own scale from just its own values;
 * - `blockSize` must be a positive integer; 0, negative, fractional or NaN
 *   sizes throw. A `blockSize` larger than `n` gives one (partial) block.
 *
 * @example blockCount(130, 64) // 3 (64 + 64 + 2)
 * @throws {RangeError} if `n` or `blockSize` is not a positive integer
 */
export function blockCount(n: number, blockSize: number, name = 'blockSize'): number {
  assertPositiveInteger(n, 'n');
  assertPositiveInteger(blockSize, name);
  return Math.ceil(n / blockSize);
}

/** Smallest positive normal float32, 2^−126 ≈ 1.1755e−38. */
export const FLOAT32_MIN_NORMAL = 2 ** -126;

/**
 * bitsandbytes' floor on absmax before taking its reciprocal:
 * `absmax.clamp(min=1e-38)` in `backends/default/ops.py` (`quantize_4bit`,
 * `quantize_blockwise`). An all-zero block then scales to 0 × 1e38 = 0 rather
 * than 0/0 = NaN. Rounded to float32 (it is a float32 clamp there).
 */
export const BNB_ABSMAX_FLOOR = Math.fround(1e-38);

/** Largest finite float32, (2 − 2^−23) × 2^127 ≈ 3.4028e38. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Clamps a reconstructed value to the float32 range. A grid stretched over
 * the whole float32 range (values near ±3.4e38) can have its end points a
 * rounding step outside it, and storing those in a Float32Array would give
 * ±Infinity; they are stored as ±3.4028e38 instead.
 */
export function saturateFloat32(v: number): number {
  return v > FLOAT32_MAX ? FLOAT32_MAX : v < -FLOAT32_MAX ? -FLOAT32_MAX : v;
}

/**
 * `saturateFloat32` applied after the fact to `values[start..end)`: replaces
 * ±Infinity (a reconstruction that rounded past the float32 range) with
 * ±3.4028e38. The quantizers call it only for a block whose scale makes
 * that possible, which keeps the check out of their inner loops.
 */
export function saturateInfinities(values: Float32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const v = values[i] as number;
    if (v === Infinity) values[i] = FLOAT32_MAX;
    else if (v === -Infinity) values[i] = -FLOAT32_MAX;
  }
}
