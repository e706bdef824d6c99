'use client';

import { useId, useState, useTransition } from 'react';
import { formatCount } from '@/lib/units';
import { VLLM_LOG_MAX_CHARS } from '@/lib/sizing/vllmLog';
import { MEMORY_DEFAULTS, memoryStateFromQuery, parseMemoryState } from './model/urlState';
import { compareVllmLog, type LogCheckOutcome } from './model/vllmLogCheck';
import './VllmLogCheck.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('vlc');

export interface VllmLogCheckProps {
  /**
   * Read the calculator's set-up from the page's query string when the log does not state a
   * setting (the /tools/memory page, whose calculator keeps its set-up in the URL); otherwise
   * the calculator's defaults are used.
   */
  followCalculatorUrl?: boolean;
  /** Heading level of the widget title: 2 on a tool page, 3 inside a lesson section. */
  headingLevel?: 2 | 3;
  title?: string;
}

/**
 * "Check my vLLM log": paste a vLLM start-up log, press Compare, and see each memory figure
 * it states beside this site's estimate for the same set-up, with the difference and why.
 * Wiring only: reading and comparing are lib/sizing `readVllmLog` and components/memory/model
 * `compareVllmLog` (linear in the paste, which is cut at 2,000,000 characters).
 */
export function VllmLogCheck({
  followCalculatorUrl = false,
  headingLevel = 3,
  title = 'Check my vLLM log',
}: VllmLogCheckProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<LogCheckOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  const compare = () => {
    const query = followCalculatorUrl ? window.location.search : '';
    startTransition(() => {
      const calculator = parseMemoryState(memoryStateFromQuery(query, MEMORY_DEFAULTS));
      setOutcome(compareVllmLog(text, calculator));
    });
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${id}-h`;
  const error = outcome && !outcome.ok ? outcome.error : null;
  const describedBy = [`${id}-hint`, error ? `${id}-err` : null].filter(Boolean).join(' ');

  return (
    <section className={`widget ${styles.widget}`} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <p className={styles.lead}>
        vLLM prints its memory accounting when it starts. Paste that log to see each figure beside this site&apos;s
        estimate for the same model, format, GPU and settings, and why they differ.
      </p>
      <div className="field">
        <label htmlFor={`${id}-ta`}>vLLM start-up log</label>
        <textarea
          id={`${id}-ta`}
          className={styles.textarea}
          rows={10}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          placeholder="INFO … Model loading took 14.99 GiB memory … Available KV cache memory: 58.11 GiB … GPU KV cache size: 476,016 tokens"
        />
        <p className="field-hint" id={`${id}-hint`}>
          The lines from <code>vllm serve</code> up to &ldquo;Maximum concurrency&rdquo;; the wording of vLLM V0 (from
          late 2024) and V1 is read. Settings the log does not print (model, GPU, format) are taken from{' '}
          {followCalculatorUrl ? 'the calculator above' : "the calculator's defaults"}. It stays in this page; the first{' '}
          {formatCount(VLLM_LOG_MAX_CHARS)} characters are read.
        </p>
        {error ? (
          <p className="field-error" id={`${id}-err`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className={styles.actions}>
        <button type="button" className={styles.button} onClick={compare} disabled={pending}>
          Compare
        </button>
        {text !== '' ? (
          <button
            type="button"
            className={styles.secondary}
            onClick={() => {
              setText('');
              setOutcome(null);
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" aria-label="Log comparison" className={styles.result}>
        {outcome && outcome.ok ? <Comparison outcome={outcome} /> : null}
      </div>
    </section>
  );
}

function Comparison({ outcome }: { outcome: Extract<LogCheckOutcome, { ok: true }> }) {
  const { setup } = outcome;
  return (
    <>
      <p>
        {outcome.version ? <>{outcome.version}: </> : 'vLLM version not printed: '}
        {setup.modelName} on {formatCount(setup.gpuCount)} × {setup.gpu.name}.
      </p>
      {outcome.missingMessage ? <p className={styles.missing}>{outcome.missingMessage}</p> : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="The log against the calculator">
        <table className={`table ${styles.table}`}>
          <caption>
            vLLM&apos;s figures beside this site&apos;s, per GPU (tokens and concurrency: the whole engine)
          </caption>
          <thead>
            <tr>
              <th scope="col">Quantity</th>
              <th scope="col" className="num">
                vLLM log
              </th>
              <th scope="col" className="num">
                This site
              </th>
              <th scope="col" className="num">
                Difference
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {outcome.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.label}
                  <span className={styles.line}>
                    line {formatCount(r.line)}
                    {r.derived ? `: ${r.derived}` : ''}
                  </span>
                </th>
                <td className="num">{r.logged}</td>
                <td className="num">{r.ours}</td>
                <td className="num">
                  {r.difference}
                  <br />
                  <span className={styles.pct}>{r.percent}</span>
                </td>
                <td className={styles.why}>{r.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="work">
        <summary>The set-up compared</summary>
        <ul className={styles.notes}>
          {setup.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
