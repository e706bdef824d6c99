import { formatNumber } from '../units';

/**
 * Bits per weight with at most three decimals and no trailing zeros, for a narrow
 * column: 16 → "16", 4.5 → "4.5", 4.15625 → "4.156", 4.126953125 → "4.127".
 *
 * @throws {RangeError} for NaN or ±Infinity (lib/units `formatNumber`).
 * @example formatBitsPerWeight(4.15625) // "4.156"
 * @example formatBitsPerWeight(8.5)     // "8.5"
 */
export function formatBitsPerWeight(bits: number): string {
  const rounded = Number(formatNumber(bits, 3).replace(/,/g, ''));
  const decimals = [0, 1, 2, 3].find((d) => Number(rounded.toFixed(d)) === rounded) ?? 3;
  return formatNumber(rounded, decimals);
}
