import { formatBytesBoth, formatCount, formatNumber, assertFinite } from '@/lib/units';
import type { Bytes } from '@/lib/units';

/**
 * KV-cache bytes per token with the KiB beside them (KV caches are allocated in
 * pages of whole tokens, so bytes per token is the unit engineers quote).
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatBytesPerToken(327_680) // "327,680 B (320 KiB)"
 * @example formatBytesPerToken(70_272)  // "70,272 B (68.6 KiB)"
 */
export function formatBytesPerToken(bytes: Bytes): string {
  assertFinite(bytes, 'bytes per token');
  const kib = bytes / 1024;
  const kibText = Number.isInteger(kib) ? formatCount(kib) : formatNumber(kib, 1);
  return `${formatCount(bytes)} B (${kibText} KiB)`;
}

/**
 * A fraction as a percentage for a legend: one decimal, "<0.1%" for a sliver, "0%" for nothing.
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatShare(0.8571) // "85.7%"
 * @example formatShare(0.0004) // "<0.1%"
 */
export function formatShare(fraction: number): string {
  assertFinite(fraction, 'fraction');
  if (fraction === 0) return '0%';
  if (fraction > 0 && fraction < 0.0005) return '<0.1%';
  return `${formatNumber(fraction * 100, 1)}%`;
}

/**
 * Headroom as words: "1.1 GB (1.0 GiB) to spare", or "5.0 GB (4.7 GiB) short" when negative.
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example formatHeadroom(-5e9) // "5.0 GB (4.7 GiB) short"
 */
export function formatHeadroom(headroomBytes: Bytes): string {
  assertFinite(headroomBytes, 'headroom');
  return headroomBytes >= 0 ? `${formatBytesBoth(headroomBytes)} to spare` : `${formatBytesBoth(-headroomBytes)} short`;
}

/**
 * A fraction in [0, 1] as a CSS percentage for a bar segment's position or width,
 * clamped to [0, 100]%, three decimals.
 *
 * @throws {RangeError} for NaN or ±Infinity.
 * @example cssPercent(0.46295795) // "46.296%"
 */
export function cssPercent(fraction: number): string {
  assertFinite(fraction, 'fraction');
  return `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(3)}%`;
}
