import { groupDigits } from '../units';
/**
 * Argument checks shared by the quantizers. Every message starts with the name
 * of the argument or field it is about (`blockSize`, `x[3]`, `bits`), because
 * the site shows these messages next to the form field that caused them.
 *
 * One rule for bad input across the module: throw a `RangeError` (or a
 * `TypeError` for the wrong kind of value). Nothing here returns NaN, and no
 * function silently fixes an argument.
 */

/**
 * Throws unless `x` is a non-empty `Float32Array`. The quantizers check
 * finiteness themselves while they scan for absmax (saving a pass over large
 * arrays), calling `assertFiniteValues` for the message when they find a bad value.
 */
export function assertFloat32ArrayNonEmpty(x: unknown, name: string): asserts x is Float32Array {
  if (!(x instanceof Float32Array)) throw new TypeError(`${name} must be a Float32Array`);
  if (x.length === 0) throw new RangeError(`${name} must contain at least one value (got an empty array)`);
}

/** Throws on the first NaN or ±Infinity in `values`, naming its index. */
export function assertFiniteValues(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // `v - v` is NaN exactly when v is NaN or ±Infinity; one compare per value.
    if (v - v !== 0) throw new RangeError(`${name}[${i}] must be a finite number (got ${v})`);
  }
}

/** Throws unless `value` is an integer in [1, max]. */
export function assertPositiveInteger(
  value: unknown,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer (got ${String(value)})`);
  }
  if (value > max) throw new RangeError(`${name} must be at most ${groupDigits(max)} (got ${groupDigits(value)})`);
}

/** Throws unless `value` is an integer in [min, max]. */
export function assertIntegerInRange(value: unknown, name: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
}

/** Throws unless `value` is a finite number in [min, max] (either end may be excluded). */
export function assertNumberInRange(
  value: unknown,
  name: string,
  min: number,
  max: number,
  { minExclusive = false, maxExclusive = false } = {},
): asserts value is number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max);
  if (!ok) {
    const range = `${minExclusive ? 'greater than' : 'at least'} ${min} and ${maxExclusive ? 'less than' : 'at most'} ${max}`;
    throw new RangeError(`${name} must be a number ${range} (got ${String(value)})`);
  }
}
