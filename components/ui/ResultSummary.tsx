import type { ResultSummaryData } from './model/summary';
import { prefixed } from './prefixed';
import './ResultSummary.css';

const styles = prefixed('rsum');

/**
 * A calculator's verdict and key numbers in one compact bar, kept in view while the inputs scroll past
 * (`position: sticky` from 1100 px up; in normal flow, single column, on narrower screens). Not a live region:
 * the full result below is the one that speaks, so a change is announced once. Hidden in print and on slides.
 */
export function ResultSummary({ summary, label }: { summary: ResultSummaryData; label: string }) {
  return (
    <div className={styles.bar} role="group" aria-label={label} data-tone={summary.tone} data-print="hide">
      <p className={styles.verdict}>{summary.verdict}</p>
      {summary.figures.length ? (
        <dl className={styles.figures}>
          {summary.figures.map((f) => (
            <div key={f.label} className={styles.figure}>
              <dt>{f.label}</dt> <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
