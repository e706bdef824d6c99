import { formatCount, formatDuration, formatTokensPerSecond } from '@/lib/units';
import { blockedSummary, type ResultSummaryData } from '@/components/ui/model/summary';
import { SPEED_FIELD_LABELS } from './urlState';
import type { SpeedOutcome } from './results';

/** How the memory check reads in the summary: lib/sizing `fitOnGpu`'s verdict. */
const MEMORY_WORDS = { fits: 'fits', tight: 'tight', 'does-not-fit': 'does not fit' } as const;

/**
 * The speed calculator's summary: the decode step's ceiling time (lib/perf `decodeStep` secondsPerToken, the same
 * figure as the result's first line) as the verdict, then tokens per second per sequence (1 / secondsPerToken) and in
 * total (batch / secondsPerToken), and whether the set-up fits in memory (lib/sizing `fitOnGpu`). A set-up that does
 * not fit reads 'bad'. Without results: the field to fix, by label.
 *
 * @example speedSummary(cachedSpeedResults(parseSpeedState(SPEED_DEFAULTS)), 1).figures.map((f) => f.label)
 * // ['Per sequence', 'Total, 1 sequence', 'Memory']
 */
export function speedSummary(outcome: SpeedOutcome, batch: number | null): ResultSummaryData {
  if (!outcome.ok) return blockedSummary(outcome.field ? [SPEED_FIELD_LABELS[outcome.field]] : ['the set-up']);
  const { step, fit } = outcome.results;
  return {
    tone: fit.verdict === 'does-not-fit' ? 'bad' : fit.verdict === 'tight' ? 'warn' : 'neutral',
    verdict: `${formatDuration(step.secondsPerToken)} per decode step (ceiling)`,
    figures: [
      { label: 'Per sequence', value: formatTokensPerSecond(step.tokensPerSecondPerSequence) },
      {
        label: batch === null ? 'Total' : `Total, ${formatCount(batch)} sequence${batch === 1 ? '' : 's'}`,
        value: formatTokensPerSecond(step.tokensPerSecondTotal),
      },
      { label: 'Memory', value: MEMORY_WORDS[fit.verdict] },
    ],
  };
}
