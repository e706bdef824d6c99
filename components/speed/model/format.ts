import { assertFinite, formatCount } from '@/lib/units';

/**
 * The crossover batch of a decode roofline for people: "≈ 295", "never" (KV-cache
 * reads grow as fast as the compute, so the step stays memory-bound), or "below 1"
 * (compute-bound even for one sequence).
 *
 * @throws {RangeError} for NaN, a negative value or −Infinity.
 * @example formatCrossoverBatch(295.4)    // "≈ 295"
 * @example formatCrossoverBatch(Infinity) // "never"
 * @example formatCrossoverBatch(0.4)      // "below 1"
 */
export function formatCrossoverBatch(batch: number): string {
  if (batch === Infinity) return 'never';
  assertFinite(batch, 'crossover batch');
  if (batch < 0) throw new RangeError(`crossover batch must not be negative (got ${batch})`);
  if (batch < 1) return 'below 1';
  return `≈ ${formatCount(batch)}`;
}
