/**
 * The compact result summary a calculator keeps in view while its inputs change (components/ui/ResultSummary.tsx):
 * a verdict and the two or three numbers that matter. Plain data, built by each calculator's model from the same
 * results its full result area shows, so the two never disagree. No React, no DOM.
 */

/** How the verdict reads at a glance: its colour and icon-free weight. */
export type SummaryTone = 'good' | 'warn' | 'bad' | 'neutral';

/** One key number: "Needs" → "74.3 GB of 73.5 GB". */
export interface SummaryFigure {
  label: string;
  value: string;
}

export interface ResultSummaryData {
  tone: SummaryTone;
  /** The verdict in a few words ("Fits", "Does not fit", "28.6 ms per decode step"). */
  verdict: string;
  /** At most {@link MAX_SUMMARY_FIGURES} figures, most important first. */
  figures: readonly SummaryFigure[];
}

/** A summary bar stays one or two lines tall on a 1280 px screen: three figures at most. */
export const MAX_SUMMARY_FIGURES = 3;

/**
 * The summary shown while a calculator has no result: which field to fix (by its label), or a generic line.
 * @example blockedSummary(['Batch size']) // { tone: 'neutral', verdict: 'No result yet', figures: [{ label: 'Fix', value: 'Batch size' }] }
 */
export function blockedSummary(fieldLabels: readonly string[]): ResultSummaryData {
  const unique = [...new Set(fieldLabels.filter((l) => l.length > 0))];
  return {
    tone: 'neutral',
    verdict: 'No result yet',
    figures: unique.length ? [{ label: 'Fix', value: unique.join(', ') }] : [],
  };
}
