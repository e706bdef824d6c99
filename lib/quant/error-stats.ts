import { FLOAT32_MAX } from './blocks';

/** How far a dequantized tensor is from the original. */
export interface ErrorStats {
  /** Mean squared error: Σ(x − x̂)² / n. */
  readonly mse: number;
  /** Root mean squared error: √mse, in the units of the weights. */
  readonly rmse: number;
  /** Largest |x − x̂|. */
  readonly maxAbsError: number;
  /**
   * Signal-to-quantization-noise ratio in decibels: 10 · log10(Σx² / Σ(x − x̂)²).
   * Higher is better; each extra bit of a uniform quantizer adds about 6 dB.
   * `null` when the ratio has no finite value: the reconstruction is exact
   * (no noise, SQNR would be +∞) or the signal is all zeros (SQNR would be −∞).
   */
  readonly sqnrDb: number | null;
}

/**
 * Error statistics of a reconstruction `dequantized` against the original `x`.
 *
 * Squares are summed after dividing by the largest magnitude (as BLAS `nrm2`
 * does), so neither tiny errors (1e−200, whose squares would underflow to 0)
 * nor large values lose precision; inputs must lie in the float32 range, so
 * the MSE (at most (6.8e38)² ≈ 4.6e77) is always a finite float64.
 *
 * SQNR: signal-to-quantization-noise ratio, the usual figure of merit for a
 * quantizer (e.g. Gray & Neuhoff, "Quantization", IEEE Trans. Inf. Theory 1998).
 *
 * @throws {RangeError} if the arrays are empty, differ in length, or hold NaN, ±Infinity or values beyond ±3.4e38
 * @example
 * const s = errorStats([1, 2, 3, 4], [1, 2, 3, 5]);
 * s.mse         // 0.25  (= 1² / 4)
 * s.rmse        // 0.5
 * s.maxAbsError // 1
 * s.sqnrDb      // 14.771212547196624 (= 10 · log10(30 / 1))
 * @example errorStats([1, 2], [1, 2]).sqnrDb // null (exact)
 */
export function errorStats(x: ArrayLike<number>, dequantized: ArrayLike<number>): ErrorStats {
  if (x.length === 0) throw new RangeError('x must contain at least one value (got an empty array)');
  if (dequantized.length !== x.length) {
    throw new RangeError(
      `dequantized must have the same length as x (got ${dequantized.length}, expected ${x.length})`,
    );
  }
  assertFloat32Range(x, 'x');
  assertFloat32Range(dequantized, 'dequantized');
  const n = x.length;
  let maxAbsX = 0;
  let maxAbsError = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    maxAbsX = Math.max(maxAbsX, Math.abs(v));
    maxAbsError = Math.max(maxAbsError, Math.abs(v - (dequantized[i] as number)));
  }
  if (maxAbsError === 0) return { mse: 0, rmse: 0, maxAbsError: 0, sqnrDb: null };
  let signal = 0; // Σ (x / maxAbsX)²
  let noise = 0; // Σ (e / maxAbsError)²
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const e = (v - (dequantized[i] as number)) / maxAbsError;
    noise += e * e;
    if (maxAbsX > 0) signal += (v / maxAbsX) ** 2;
  }
  const rmse = maxAbsError * Math.sqrt(noise / n);
  // 10·log10(Σx² / Σe²), with the scale factors taken out of the logarithm.
  const sqnrDb =
    maxAbsX === 0 ? null : 20 * (Math.log10(maxAbsX) - Math.log10(maxAbsError)) + 10 * Math.log10(signal / noise);
  return { mse: rmse * rmse, rmse, maxAbsError, sqnrDb };
}

function assertFloat32Range(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(Math.abs(v) <= FLOAT32_MAX)) {
      throw new RangeError(
        Number.isFinite(v)
          ? `${name}[${i}] must be within the float32 range ±3.4e38 (got ${v})`
          : `${name}[${i}] must be a finite number (got ${v})`,
      );
    }
  }
}
