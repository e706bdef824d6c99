import { assertFinite, formatNumber } from './index';
import type { Seconds, TokensPerSecond } from './index';
import { formatCount } from './index';

/** Digits after the point that leave `significant` significant digits for |x| (x ≠ 0), never negative. */
function decimalsFor(x: number, significant: number): number {
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  return Math.max(0, significant - 1 - magnitude);
}

/** x rounded to `significant` significant digits (only the digits shown; the scale is kept). */
function roundSignificant(x: number, significant: number): number {
  if (x === 0) return 0;
  if (Math.abs(x) < 1e-15) return Number(x.toPrecision(significant));
  const decimals = decimalsFor(x, significant);
  const factor = 10 ** (Math.floor(Math.log10(Math.abs(x))) - significant + 1);
  return decimals > 0 ? Number(x.toFixed(decimals)) : Math.round(x / factor) * factor;
}

/** `x` with 3 significant digits and thousands separators: 88.24 → "88.2", 3625.2 → "3,625", 0.5979 → "0.598". */
function significant3(x: number): string {
  if (x === 0) return '0';
  // Far below anything a page shows; keeps toFixed within its 0…100 digits.
  if (Math.abs(x) < 1e-15) return String(Number(x.toPrecision(3)));
  const rounded = roundSignificant(x, 3);
  return formatNumber(rounded, decimalsFor(rounded, 3));
}

/**
 * A duration for people, 3 significant digits, in µs, ms or s:
 * under 1 ms → µs, under 1 s → ms, else s (compared after rounding).
 *
 * @throws {RangeError} for NaN, ±Infinity or a negative duration (nothing blank or NaN reaches a page).
 * @example formatDuration(0.011344) // "11.3 ms"
 * @example formatDuration(0.5979)   // "598 ms"
 * @example formatDuration(2.5)      // "2.50 s"
 * @example formatDuration(4.2e-5)   // "42.0 µs"
 */
export function formatDuration(seconds: Seconds): string {
  assertFinite(seconds, 'seconds');
  if (seconds < 0) throw new RangeError(`seconds must not be negative (got ${seconds})`);
  if (seconds === 0) return '0 s';
  // Compare after rounding, so 0.99996 s reads "1.00 s", not "1,000 ms".
  if (roundSignificant(seconds * 1e6, 3) < 1000) return `${significant3(seconds * 1e6)} µs`;
  if (roundSignificant(seconds * 1e3, 3) < 1000) return `${significant3(seconds * 1e3)} ms`;
  return `${significant3(seconds)} s`;
}

/**
 * A throughput, 3 significant digits below 1,000, whole numbers above:
 * 88.24 → "88.2 tokens/s", 3625.2 → "3,625 tokens/s".
 *
 * @throws {RangeError} for NaN, ±Infinity or a negative rate.
 * @example formatTokensPerSecond(88.24) // "88.2 tokens/s"
 * @example formatTokensPerSecond(3625.2) // "3,625 tokens/s"
 */
export function formatTokensPerSecond(rate: TokensPerSecond): string {
  return `${formatRate(rate)} tokens/s`;
}

/** The number part of {@link formatTokensPerSecond}: "88.2", "3,625". @throws {RangeError} as it. */
export function formatRate(rate: number): string {
  assertFinite(rate, 'tokens per second');
  if (rate < 0) throw new RangeError(`tokens per second must not be negative (got ${rate})`);
  return rate >= 1000 ? formatCount(rate) : significant3(rate);
}

const SI: ReadonlyArray<[number, string]> = [
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * A quantity with an SI prefix (powers of 1000, never binary) and 3 significant digits:
 * FLOPs, FLOP/s, bytes/s.
 *
 * @throws {RangeError} for NaN, ±Infinity or a negative value.
 * @example formatSi(5.6936e14, 'FLOP')  // "569 TFLOP"
 * @example formatSi(3.35e12, 'B/s')     // "3.35 TB/s"
 * @example formatSi(989e12, 'FLOP/s')   // "989 TFLOP/s"
 * @example formatSi(512, 'FLOP')        // "512 FLOP"
 */
export function formatSi(value: number, unit: string): string {
  assertFinite(value, unit);
  if (value < 0) throw new RangeError(`${unit} must not be negative (got ${value})`);
  for (const [scale, prefix] of SI) {
    // Round first so 999.96e9 shows as "1.00 T…", not "1,000 G…".
    if (roundSignificant(value / scale, 3) >= 1) return `${significant3(value / scale)} ${prefix}${unit}`;
  }
  return `${significant3(value)} ${unit}`;
}

/**
 * A speed-up or ratio with two decimals and a multiplication sign: 2.0010 → "2.00×".
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatRatio(16 / 4.15625) // "3.85×"
 */
export function formatRatio(ratio: number, digits = 2): string {
  assertFinite(ratio, 'ratio');
  return `${formatNumber(ratio, digits)}×`;
}

/**
 * A peak throughput from the GPU catalog, as datasheets print it: TFLOPS for float
 * dtypes, TOPS for integers, e.g. 989 → "989 TFLOPS", 1979 → "1,979 TOPS".
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatPeak(989, 'bf16')  // "989 TFLOPS"
 * @example formatPeak(1979, 'int8') // "1,979 TOPS"
 * @example formatPeak(362.05, 'bf16') // "362.05 TFLOPS"
 */
export function formatPeak(tflops: number, dtype: string): string {
  assertFinite(tflops, 'peak');
  const digits = Number.isInteger(tflops) ? 0 : Number.isInteger(tflops * 10) ? 1 : 2;
  return `${formatNumber(tflops, digits)} ${dtype.startsWith('int') ? 'TOPS' : 'TFLOPS'}`;
}

/**
 * Dollars for display, precise enough to compare set-ups: two decimals from $1 up,
 * three below $1 (cheap tokens differ in the third place), thousands separators.
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatDollars(0.61299) // "$0.613"
 * @example formatDollars(12.3456) // "$12.35"
 * @example formatDollars(1234.5)  // "$1,234.50"
 */
export function formatDollars(usd: number): string {
  return `$${formatNumber(usd, Math.abs(usd) >= 1 ? 2 : 3)}`;
}

/**
 * Bits per weight with at most three decimals and no trailing zeros, for a narrow
 * column: 16 → "16", 4.5 → "4.5", 4.15625 → "4.156", 4.126953125 → "4.127".
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatBitsPerWeight(4.15625) // "4.156"
 * @example formatBitsPerWeight(8.5)     // "8.5"
 */
export function formatBitsPerWeight(bits: number): string {
  const rounded = Number(formatNumber(bits, 3).replace(/,/g, ''));
  const decimals = [0, 1, 2, 3].find((d) => Number(rounded.toFixed(d)) === rounded) ?? 3;
  return formatNumber(rounded, decimals);
}
