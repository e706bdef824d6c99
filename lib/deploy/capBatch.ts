/** The batch a decode estimate uses, and whether memory forced it below the target. */
export interface CappedBatch {
  /** min(targetBatch, maxBatchAtContext); 0 when not even one sequence fits. */
  decodeBatch: number;
  /** True when fewer sequences fit than the target asks for. */
  capped: boolean;
}

/**
 * Caps a target concurrency at the most sequences that fit in memory, so a speed or
 * cost figure is never quoted for a batch the GPUs cannot hold:
 *
 *     decodeBatch = min(targetBatch, maxBatchAtContext)
 *
 * `maxBatchAtContext` comes from lib/sizing `fitOnGpu`.
 *
 * @throws {RangeError} when `targetBatch` is not a whole number ≥ 1 or `maxBatchAtContext` not a whole number ≥ 0.
 * @example capBatchAtFit(16, 7)  // { decodeBatch: 7, capped: true }
 * @example capBatchAtFit(8, 32)  // { decodeBatch: 8, capped: false }
 * @example capBatchAtFit(8, 0)   // { decodeBatch: 0, capped: true }
 */
export function capBatchAtFit(targetBatch: number, maxBatchAtContext: number): CappedBatch {
  if (!Number.isInteger(targetBatch) || targetBatch < 1) {
    throw new RangeError(`targetBatch must be a whole number of sequences ≥ 1 (got ${targetBatch})`);
  }
  if (!Number.isInteger(maxBatchAtContext) || maxBatchAtContext < 0) {
    throw new RangeError(`maxBatchAtContext must be a whole number ≥ 0 (got ${maxBatchAtContext})`);
  }
  const decodeBatch = Math.min(targetBatch, maxBatchAtContext);
  return { decodeBatch, capped: decodeBatch < targetBatch };
}
