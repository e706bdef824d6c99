import type { Bytes } from '@/lib/units';

/** One term of a memory estimate, as lib/sizing `MemoryTerm` gives it. */
export interface BarTerm {
  id: string;
  label: string;
  bytes: Bytes;
}

/** One segment of the stacked bar, in fractions of the bar's full width. */
export interface BarSegment extends BarTerm {
  /** Left edge, in [0, 1]. */
  start: number;
  /** Width, in [0, 1]. */
  width: number;
  /** bytes / total of all terms, in [0, 1] (0 when the total is 0). */
  shareOfTotal: number;
}

/** A horizontal stacked bar of memory terms against the memory available. */
export interface StackedBar {
  segments: BarSegment[];
  /** Sum of the terms. */
  totalBytes: Bytes;
  availableBytes: Bytes;
  /** What the full width stands for: max(total, available), so neither is cut off. */
  scaleBytes: Bytes;
  /** Where the "available" line sits, in [0, 1]. */
  availableAt: number;
  /** Where the stack ends, in [0, 1]. */
  totalAt: number;
  /** total > available. */
  overflows: boolean;
}

/**
 * Lays out memory terms as a stacked horizontal bar with a line at the memory
 * available. The bar's width stands for max(total, available), so a set-up that fits
 * shows free space after the stack and one that does not shows the stack running past
 * the line:
 *
 *     start_i = Σ_{j<i} bytes_j / scale,  width_i = bytes_i / scale,  scale = max(Σ bytes, available)
 *
 * @throws {RangeError} when a term or the available memory is negative or not finite.
 * @example
 * stackedBar([{ id: 'weights', label: 'Weights', bytes: 60 }, { id: 'kv', label: 'KV', bytes: 20 }], 100)
 * // segments at 0–0.6 and 0.6–0.8; availableAt 1, totalAt 0.8, overflows false
 */
export function stackedBar(terms: readonly BarTerm[], availableBytes: Bytes): StackedBar {
  for (const t of terms) {
    if (!Number.isFinite(t.bytes) || t.bytes < 0)
      throw new RangeError(`${t.label} must be a finite number of bytes ≥ 0 (got ${t.bytes})`);
  }
  if (!Number.isFinite(availableBytes) || availableBytes < 0) {
    throw new RangeError(`availableBytes must be a finite number ≥ 0 (got ${availableBytes})`);
  }
  const totalBytes = terms.reduce((sum, t) => sum + t.bytes, 0);
  const scaleBytes = Math.max(totalBytes, availableBytes);
  const frac = (bytes: number) => (scaleBytes === 0 ? 0 : Math.min(1, bytes / scaleBytes));
  let running = 0;
  const segments = terms.map((t) => {
    const segment: BarSegment = {
      ...t,
      start: frac(running),
      width: frac(t.bytes),
      shareOfTotal: totalBytes === 0 ? 0 : t.bytes / totalBytes,
    };
    running += t.bytes;
    return segment;
  });
  return {
    segments,
    totalBytes,
    availableBytes,
    scaleBytes,
    availableAt: frac(availableBytes),
    totalAt: frac(totalBytes),
    overflows: totalBytes > availableBytes,
  };
}
