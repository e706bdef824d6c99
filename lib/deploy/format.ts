import { formatNumber } from '../units';

/**
 * Dollars for display, precise enough to compare set-ups: two decimals from $1 up,
 * three below $1 (cheap tokens differ in the third place), thousands separators.
 * Throws on NaN/Infinity like every lib/units formatter.
 *
 * @example formatDollars(0.61299) // "$0.613"
 * @example formatDollars(12.3456) // "$12.35"
 * @example formatDollars(1234.5)  // "$1,234.50"
 */
export function formatDollars(usd: number): string {
  return `$${formatNumber(usd, Math.abs(usd) >= 1 ? 2 : 3)}`;
}

/**
 * A token rate for display: one decimal below 100 tokens/s, whole numbers above.
 *
 * @example formatTokensPerSecond(41.90) // "41.9"
 * @example formatTokensPerSecond(906.3) // "906"
 */
export function formatTokensPerSecond(tokensPerSecond: number): string {
  return formatNumber(tokensPerSecond, tokensPerSecond >= 100 ? 0 : 1);
}

/**
 * A duration for display: milliseconds below one second (one decimal below 10 ms),
 * seconds with two decimals from one second up.
 *
 * @example formatDuration(0.1547) // "155 ms"
 * @example formatDuration(0.00423) // "4.2 ms"
 * @example formatDuration(2.5) // "2.50 s"
 */
export function formatDuration(seconds: number): string {
  if (seconds >= 1) return `${formatNumber(seconds, 2)} s`;
  const ms = seconds * 1000;
  return `${formatNumber(ms, ms < 10 ? 1 : 0)} ms`;
}
