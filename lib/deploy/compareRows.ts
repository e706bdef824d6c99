import type { DeploymentRowError, DeploymentRowPlan } from './planDeploymentRow';

/** Which row wins on each axis; null when no row qualifies. Ties go to the earlier row. */
export interface DeploymentComparison {
  /** Lowest $ per million output tokens among rows with a price that fit at least one sequence. */
  cheapestIndex: number | null;
  /** Rows that have a cost to compare. */
  pricedCount: number;
  /** Most concurrent sequences at the context length. */
  mostConcurrentIndex: number | null;
  /** Highest decode tokens/s per sequence (what one user sees), at each row's decode batch. */
  fastestPerSequenceIndex: number | null;
  /** Highest total decode tokens/s, at each row's decode batch. */
  highestThroughputIndex: number | null;
  /** Rows that hold the full target concurrency. */
  fittingIndices: number[];
}

function argBest<T>(rows: readonly T[], score: (row: T) => number | null): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  rows.forEach((row, i) => {
    const s = score(row);
    if (s !== null && Number.isFinite(s) && s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

/**
 * Compares deployment rows side by side: cheapest per token, most capacity, fastest
 * per user, most tokens in total. Rows with errors never win; a row that holds no
 * sequence has no speed or cost and never wins those axes.
 *
 *     cheapest = argmin costPerMillionTokensUsd   (rows with costStatus 'ok')
 *     capacity = argmax maxBatchAtContext         (rows holding ≥ 1 sequence)
 *
 * @example
 * compareDeploymentRows([a, b]).cheapestIndex // index of the lower $ / 1M tokens
 */
export function compareDeploymentRows(
  rows: ReadonlyArray<DeploymentRowPlan | DeploymentRowError>,
): DeploymentComparison {
  const plan = (row: DeploymentRowPlan | DeploymentRowError) => (row.ok ? row : null);
  return {
    cheapestIndex: argBest(rows, (r) => {
      const p = plan(r);
      return p && p.costStatus === 'ok' && p.costPerMillionTokensUsd !== null ? -p.costPerMillionTokensUsd : null;
    }),
    pricedCount: rows.filter((r) => r.ok && r.costStatus === 'ok').length,
    mostConcurrentIndex: argBest(rows, (r) => {
      const p = plan(r);
      return p && p.maxBatchAtContext > 0 ? p.maxBatchAtContext : null;
    }),
    fastestPerSequenceIndex: argBest(rows, (r) => plan(r)?.decode?.tokensPerSecondPerSequence ?? null),
    highestThroughputIndex: argBest(rows, (r) => plan(r)?.decode?.tokensPerSecondTotal ?? null),
    fittingIndices: rows.flatMap((r, i) => (r.ok && r.fits ? [i] : [])),
  };
}
