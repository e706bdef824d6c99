import type { FitResult } from '@/lib/sizing';
import { formatCount, formatGB } from '@/lib/units';
import { blockedSummary, type ResultSummaryData, type SummaryTone } from '@/components/ui/model/summary';
import { MEMORY_FIELD_LABELS, type MemoryField } from './urlState';
import type { MemoryOutcome } from './results';

/**
 * The verdict line of a fit, the same words in the result area and in the summary bar:
 * 'fits' → "Fits", 'does-not-fit' → "Does not fit", 'tight' → "Tight: fits by the estimate" or
 * "Tight: short by the estimate" (the point estimate's side of zero; lib/sizing `fitOnGpu`'s band).
 */
export function memoryVerdictLabel(fit: Pick<FitResult, 'verdict' | 'fits'>): string {
  if (fit.verdict === 'fits') return 'Fits';
  if (fit.verdict === 'does-not-fit') return 'Does not fit';
  return fit.fits ? 'Tight: fits by the estimate' : 'Tight: short by the estimate';
}

const TONES: Readonly<Record<FitResult['verdict'], SummaryTone>> = {
  fits: 'good',
  tight: 'warn',
  'does-not-fit': 'bad',
};

/**
 * The memory calculator's summary: the verdict, then "Needs" (requiredBytes of availableBytes, GB = 10⁹ bytes, as the
 * result's first line), the headroom or shortfall (availableBytes − requiredBytes), and the largest batch at the
 * chosen context (lib/sizing `fitOnGpu`'s maxBatchAtContext). Without results: the fields to fix, by label.
 *
 * @example memorySummary(memoryOutcome(parseMemoryState(MEMORY_DEFAULTS))).figures.map((f) => f.label)
 * // ['Needs', 'To spare', 'Largest batch']
 */
export function memorySummary(outcome: MemoryOutcome, contextTokens: number | null): ResultSummaryData {
  if (!outcome.ok)
    return blockedSummary(
      outcome.blockers.map((b) => (b.field ? MEMORY_FIELD_LABELS[b.field as MemoryField] : 'the set-up')),
    );
  const fit = outcome.results.fit;
  const short = fit.headroomBytes < 0;
  return {
    tone: TONES[fit.verdict],
    verdict: memoryVerdictLabel(fit),
    figures: [
      { label: 'Needs', value: `${formatGB(fit.requiredBytes)} of ${formatGB(fit.availableBytes)}` },
      { label: short ? 'Short by' : 'To spare', value: formatGB(Math.abs(fit.headroomBytes)) },
      {
        label: contextTokens === null ? 'Largest batch' : `Largest batch at ${formatCount(contextTokens)} tokens`,
        value:
          fit.maxBatchAtContext === 0
            ? 'none'
            : `${formatCount(fit.maxBatchAtContext)} sequence${fit.maxBatchAtContext === 1 ? '' : 's'}`,
      },
    ],
  };
}
