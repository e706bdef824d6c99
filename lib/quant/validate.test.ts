import { describe, expect, it } from 'vitest';
import {
  assertFiniteValues,
  assertFloat32ArrayNonEmpty,
  assertIntegerInRange,
  assertNumberInRange,
  assertPositiveInteger,
} from './validate';

describe('argument checks', () => {
  it('assertFloat32ArrayNonEmpty names the argument', () => {
    expect(() => assertFloat32ArrayNonEmpty([1], 'x')).toThrow(new TypeError('x must be a Float32Array'));
    expect(() => assertFloat32ArrayNonEmpty(new Float32Array(0), 'weights')).toThrow(
      'weights must contain at least one value (got an empty array)',
    );
    expect(() => assertFloat32ArrayNonEmpty(Float32Array.of(1), 'x')).not.toThrow();
  });

  it('assertFiniteValues reports the first NaN or ±Infinity with its index', () => {
    expect(() => assertFiniteValues([0, 1, Infinity, Number.NaN], 'x')).toThrow(
      'x[2] must be a finite number (got Infinity)',
    );
    expect(() => assertFiniteValues([0, 1], 'x')).not.toThrow();
  });

  it('assertPositiveInteger rejects 0, negatives, fractions, NaN, strings, and values over the cap', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '3'])
      expect(() => assertPositiveInteger(bad, 'n')).toThrow(`n must be a positive integer (got ${String(bad)})`);
    expect(() => assertPositiveInteger(1001, 'n', 1000)).toThrow('n must be at most 1,000 (got 1,001)');
    expect(() => assertPositiveInteger(1000, 'n', 1000)).not.toThrow();
  });

  it('assertIntegerInRange and assertNumberInRange state the allowed range', () => {
    expect(() => assertIntegerInRange(9, 'bits', 2, 8)).toThrow('bits must be an integer from 2 to 8 (got 9)');
    expect(() => assertNumberInRange(0, 'std', 0, 1, { minExclusive: true })).toThrow(
      'std must be a number greater than 0 and at most 1 (got 0)',
    );
    expect(() => assertNumberInRange(1, 'p', 0, 1, { maxExclusive: true })).toThrow(
      'p must be a number at least 0 and less than 1 (got 1)',
    );
    expect(() => assertNumberInRange(0.5, 'p', 0, 1)).not.toThrow();
  });
});
