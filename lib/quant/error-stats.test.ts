import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorStats } from './error-stats';

describe('errorStats(x, dequantized)', () => {
  it('computes MSE, RMSE, max |error| and SQNR: the doc example', () => {
    // errors [0, 0, 0, −1]: MSE = 1/4, RMSE = 0.5; Σx² = 1 + 4 + 9 + 16 = 30, Σe² = 1 → 10·log10(30) = 14.771 dB.
    const s = errorStats([1, 2, 3, 4], [1, 2, 3, 5]);
    expect(s).toMatchObject({ mse: 0.25, rmse: 0.5, maxAbsError: 1 });
    expect(s.sqnrDb).toBeCloseTo(14.771212547196624, 12);
  });

  it('returns sqnrDb null (not Infinity) for an exact reconstruction, and for an all-zero signal', () => {
    expect(errorStats([1, 2], [1, 2]).sqnrDb).toBeNull();
    expect(errorStats([0, 0], [0.5, 0]).sqnrDb).toBeNull();
    expect(errorStats([0, 0], [0, 0])).toEqual({ mse: 0, rmse: 0, maxAbsError: 0, sqnrDb: null });
  });

  it('gives about 6.02 dB per bit for a uniform quantizer of a uniform signal', () => {
    // Textbook result: SQNR = 20·log10(2^b) ≈ 6.02·b dB for a full-scale uniform input.
    const n = 1 << 16;
    const x = Float64Array.from({ length: n }, (_, i) => -1 + (2 * (i + 0.5)) / n);
    const step = 2 / 256; // 8 bits over [−1, 1]
    const q = x.map((v) => (Math.floor(v / step) + 0.5) * step);
    expect(errorStats(x, q).sqnrDb).toBeCloseTo(6.0206 * 8, 1);
  });

  it('stays finite when the error is a subnormal double far below the signal', () => {
    // Σx²/Σe² = 1e12 / 1e-640 overflows float64; its logarithm (6520 dB) does not.
    expect(errorStats([1e6, 1e-320], [1e6, 0]).sqnrDb).toBeCloseTo(20 * (6 + 320), 0);
  });

  it('keeps tiny errors that would underflow when squared', () => {
    const s = errorStats([1e-200, 0], [0, 0]);
    expect(s.maxAbsError).toBe(1e-200);
    expect(s.rmse).toBeCloseTo(1e-200 / Math.SQRT2, 214);
    expect(s.sqnrDb).toBeCloseTo(0, 10); // all of the signal is error: Σx² = Σe²
  });

  it('does not overflow for float32 values near ±3.4e38', () => {
    const s = errorStats(Float32Array.of(3.4e38, -3.4e38), Float32Array.of(-3.4e38, 3.4e38));
    expect(s.maxAbsError).toBeCloseTo(6.8e38, -35);
    expect(Number.isFinite(s.mse)).toBe(true);
    expect(s.sqnrDb).toBeCloseTo(10 * Math.log10(1 / 4), 10);
  });

  it('has MSE ≥ 0, RMSE² = MSE and max |error| ≥ RMSE (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
          { minLength: 1, maxLength: 50 },
        ),
        (pairs) => {
          const s = errorStats(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          expect(s.mse).toBeGreaterThanOrEqual(0);
          expect(Math.abs(s.rmse * s.rmse - s.mse)).toBeLessThanOrEqual(s.mse * 1e-12);
          expect(s.maxAbsError).toBeGreaterThanOrEqual(s.rmse * (1 - 1e-12));
          if (s.sqnrDb !== null) expect(Number.isFinite(s.sqnrDb)).toBe(true);
        },
      ),
    );
  });

  it('throws for empty input, mismatched lengths or non-finite values, naming the argument', () => {
    expect(() => errorStats([], [])).toThrow('x must contain at least one value (got an empty array)');
    expect(() => errorStats([1, 2], [1])).toThrow('dequantized must have the same length as x (got 1, expected 2)');
    expect(() => errorStats([1, Number.NaN], [1, 2])).toThrow('x[1] must be a finite number (got NaN)');
    expect(() => errorStats([1, 2], [Infinity, 2])).toThrow('dequantized[0] must be a finite number (got Infinity)');
    expect(() => errorStats([1e39, 2], [1, 2])).toThrow('x[0] must be within the float32 range ±3.4e38 (got 1e+39)');
  });
});
