'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { LabMethod, LabStep } from '@/lib/quant';
import { SelectField } from '@/components/ui/SelectField';
import { NumberField } from '@/components/ui/NumberField';
import { useUrlState } from '@/components/ui/useUrlState';
import { prefixed } from '@/components/ui/prefixed';
// The view model only, by file: model/labRun (the quantizers) must stay out of the page's JavaScript.
import {
  describeValues,
  formatPercent,
  gptqAt,
  groupKey,
  inputsKey,
  LAB_BITS,
  LAB_DEFAULTS,
  LAB_GROUPS,
  linear,
  logScale,
  METHOD_LABEL,
  peakToMedian,
  polyline,
  rankMethods,
  readLabInputs,
  readRanking,
  SEED_RULE,
  STEP_LABEL,
  type LabInputs,
  type LabSummary,
} from './model/methodLab';
import type { LabMessage, LabRequest } from './model/labRun';
import './MethodLab.css';

const styles = prefixed('ml');

/** After this long without an answer the widget says it is computing (shorter runs just update). */
const SLOW_MS = 150;
const METHOD_COLOR: Record<LabMethod, string> = {
  rtn: 'var(--bad)',
  gptq: 'var(--accent)',
  'gptq-act-order': 'var(--c-act)',
  awq: 'var(--ok)',
  w8a8: 'var(--warn)',
  'smoothquant-w8a8': 'var(--c-kv)',
};
const CHANNEL_METHODS: readonly LabMethod[] = ['rtn', 'gptq', 'awq', 'smoothquant-w8a8'];
const CAL_LABEL = { matched: 'production-like', shifted: 'shifted domain' } as const;
const W = 480;
const H = 200;
const PAD = { left: 48, right: 12, top: 10, bottom: 28 };

/** Starts the lab's worker. Next bundles this expression in development; the islands build rewrites its URL. */
function startWorker(): Worker {
  return new Worker(new URL('./methodLab.worker.ts', import.meta.url), { type: 'module' });
}

interface Done {
  key: string;
  summary: LabSummary | null;
  error: string | null;
}

/**
 * Runs the lab in a Web Worker for `inputs`: a change while a run is going terminates that worker (the run is
 * stale) and starts a fresh one. Returns the latest answer (possibly for older inputs, while a new one computes),
 * whether one is pending, whether it has taken over SLOW_MS, and the progress.
 */
function useLabWorker(inputs: LabInputs | null) {
  const key = inputs ? inputsKey(inputs) : null;
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const nextId = useRef(0);
  const posted = useRef<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [progress, setProgress] = useState<{ key: string; fraction: number; step: LabStep } | null>(null);
  const [slowKey, setSlowKey] = useState<string | null>(null);

  useEffect(() => {
    if (!inputs || key === null || posted.current === key) return;
    posted.current = key;
    const id = ++nextId.current;
    if (busy.current && worker.current) {
      worker.current.terminate();
      worker.current = null;
    }
    const slow = setTimeout(() => setSlowKey(key), SLOW_MS);
    const finish = (d: Done) => {
      busy.current = false;
      clearTimeout(slow);
      setDone(d);
    };
    let w = worker.current;
    if (!w) {
      try {
        w = startWorker();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        setTimeout(() => finish({ key, summary: null, error: `The lab could not start its worker: ${message}` }), 0);
        return () => clearTimeout(slow);
      }
      worker.current = w;
    }
    const current = w;
    current.onmessage = (e: MessageEvent<LabMessage>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') setProgress({ key, fraction: m.fraction, step: m.step });
      else if (m.type === 'result') finish({ key, summary: m.summary, error: null });
      else finish({ key, summary: null, error: m.message });
    };
    current.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      current.terminate();
      if (worker.current === current) worker.current = null;
      posted.current = null;
      finish({
        key,
        summary: null,
        error: `The lab's background worker failed${e.message ? ` (${e.message})` : ''}. Reload the page to try again.`,
      });
    };
    busy.current = true;
    const request: LabRequest = { id, inputs };
    current.postMessage(request);
    return () => clearTimeout(slow);
  }, [key, inputs]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const pending = key !== null && done?.key !== key;
  return {
    done,
    pending,
    slow: pending && slowKey === key,
    fraction: progress?.key === key ? progress.fraction : 0,
    step: progress?.key === key ? progress.step : null,
  };
}

/**
 * The method lab: RTN, GPTQ (with and without act-order), AWQ and, at 8 bits, W8A8 with and without SmoothQuant on
 * one synthetic 256 × 256 layer, calibrated on production-like or shifted data and judged on held-out
 * production-like tokens. All numbers come from lib/quant's compareMethods, run in a Web Worker.
 */
export function MethodLab({ syncUrl = false }: { syncUrl?: boolean }) {
  const headingId = useId();
  const [state, update] = useUrlState(LAB_DEFAULTS, syncUrl);
  const { inputs, seedError } = readLabInputs(state);
  const lab = useLabWorker(inputs);
  const summary = lab.done?.summary ?? null;
  const error = lab.done && lab.done.key === (inputs ? inputsKey(inputs) : null) ? lab.done.error : null;

  return (
    <section className={`widget ${styles.lab}`} aria-labelledby={headingId}>
      <h3 id={headingId}>Method lab: RTN vs GPTQ vs AWQ vs SmoothQuant</h3>
      <div className="widget-controls">
        <SelectField label="Weight bits" value={state.bits} onChange={(v) => update({ bits: v })}>
          {LAB_BITS.map((b) => (
            <option key={b} value={String(b)}>
              {b === 8 ? '8 (adds W8A8 and SmoothQuant)' : String(b)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Group size" value={state.group} onChange={(v) => update({ group: v })}>
          {LAB_GROUPS.map((g) => (
            <option key={groupKey(g)} value={groupKey(g)}>
              {g === null ? 'per channel (one group per row)' : `${g} columns`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Calibration data"
          value={state.cal}
          onChange={(v) => update({ cal: v })}
          hint="Evaluation is always on held-out production-like tokens."
        >
          <option value="matched">Production-like (matched)</option>
          <option value="shifted">Another domain (shifted)</option>
        </SelectField>
        <NumberField
          label="Seed"
          text={state.seed}
          onText={(t) => update({ seed: t })}
          rule={SEED_RULE}
          hint="the layer and its data; 0 to 4,294,967,295"
        />
      </div>

      <div className={styles.status} role="status" aria-live="polite" aria-label="Lab status">
        {seedError ? (
          <p>Fix the seed to compute.</p>
        ) : lab.slow ? (
          <p>
            Computing… {Math.round(lab.fraction * 100)}%{lab.step ? ` (${STEP_LABEL[lab.step]})` : ''}{' '}
            <progress max={1} value={lab.fraction} aria-label="Computing the lab" />
          </p>
        ) : summary && !lab.pending ? (
          <p className="field-hint">
            Computed in {(summary.computeMs / 1000).toFixed(1)} s in a background thread: a {summary.rows} ×{' '}
            {summary.cols} layer, {summary.calibrationTokens} calibration and {summary.heldOutTokens} held-out tokens,
            each method calibrated on both sets.
          </p>
        ) : !summary && !error ? (
          <p>Computing…</p>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}

      {summary ? <LabResults summary={summary} pending={lab.pending} /> : null}

      <details className={styles.about}>
        <summary>How the data are made, and what a synthetic layer cannot tell you</summary>
        <p>
          One linear layer, seeded: weights N(0, 1/256); activations where most channels are roughly normal (within
          about ±3.5) and 4 fixed input channels carry outlier features of magnitude 20–50 in every token, as LLM.int8()
          and SmoothQuant describe for real LLMs. The shifted set stands for calibration text from another domain: half
          the outlier channels move, their magnitudes halve, and every other channel gets a new scale and a mean of
          ±0.5. The magnitudes are illustrative, not measured.
        </p>
        <p>
          A 256 × 256 synthetic layer shows <em>how</em> each method works and why calibration data matter; it says
          nothing definitive about a 70B model, where errors compound over 80 layers and the published perplexities
          decide. Those are in the{' '}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an island runs without Next's router */}
          <a href="/lessons/methods">methods lesson</a>&apos;s table of published results.
        </p>
      </details>
    </section>
  );
}

/** What the lab shows for one summary; dimmed and aria-busy while newer inputs compute. */
export function LabResults({ summary, pending }: { summary: LabSummary; pending: boolean }) {
  return (
    <div className={pending ? styles.stale : undefined} aria-busy={pending}>
      <Ranking summary={summary} />
      <ChannelErrors summary={summary} />
      <AwqCurve summary={summary} />
      <SmoothQuantRanges summary={summary} />
      <GptqStepper key={inputsKey(summary.inputs)} summary={summary} />
    </div>
  );
}

function Ranking({ summary }: { summary: LabSummary }) {
  const rows = rankMethods(summary);
  const cal = summary.inputs.calibration;
  return (
    <>
      <p className={styles.reading}>{readRanking(summary)}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Methods ranked by held-out output error">
        <table className="table">
          <caption>
            Held-out output error ‖WX − ŴX‖ / ‖WX‖ (lower is better), ranked for {CAL_LABEL[cal]} calibration;{' '}
            {summary.inputs.bits}-bit weights
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">Method</th>
              <th scope="col" className={`num ${cal === 'matched' ? styles.shown : ''}`}>
                Calibrated on production-like
              </th>
              <th scope="col" className={`num ${cal === 'shifted' ? styles.shown : ''}`}>
                Calibrated on shifted
              </th>
              <th scope="col" className="num">
                Calibration gap
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method}>
                <td className="num">{r.rank}</td>
                <th scope="row">{METHOD_LABEL[r.method]}</th>
                <td className={`num ${cal === 'matched' ? styles.shown : ''}`}>{formatPercent(r.matched)}</td>
                <td className={`num ${cal === 'shifted' ? styles.shown : ''}`}>{formatPercent(r.shifted)}</td>
                <td className="num">
                  {r.gap === 0
                    ? 'none (uses no data)'
                    : `${r.gap > 0 ? '+' : '−'}${formatPercent(Math.abs(r.gap))}${r.gapRatio !== null ? ` (${r.gapRatio.toFixed(2)}×)` : ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ChannelErrors({ summary }: { summary: LabSummary }) {
  const methods = CHANNEL_METHODS.filter((m) => summary.channelError[m]);
  const series = methods.map((m) => ({
    method: m,
    values: summary.channelError[m]!,
    stats: describeValues(summary.channelError[m]!),
  }));
  const yMax = Math.max(...series.map((s) => s.stats.max), 1e-9);
  const x = linear(0, summary.rows - 1, PAD.left, W - PAD.right);
  const y = linear(0, yMax, H - PAD.bottom, PAD.top);
  const label = `Error per output channel, ${CAL_LABEL[summary.inputs.calibration]} calibration: ${series
    .map(
      (s) =>
        `${METHOD_LABEL[s.method]} median ${formatPercent(s.stats.median)}, worst ${formatPercent(s.stats.max)} (channel ${s.stats.argMax})`,
    )
    .join('; ')}.`;
  return (
    <>
      <h4>Error per output channel</h4>
      <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line className={styles.axis} x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        {[0, 0.5, 1].map((t) => (
          <text key={t} className={styles.tick} x={PAD.left - 4} y={y(t * yMax) + 4} textAnchor="end">
            {formatPercent(t * yMax)}
          </text>
        ))}
        <text className={styles.tick} x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle">
          output channel (0–{summary.rows - 1})
        </text>
        {series.map((s) => (
          <polyline
            key={s.method}
            fill="none"
            stroke={METHOD_COLOR[s.method]}
            strokeWidth={1.25}
            points={polyline(s.values, x, y)}
          />
        ))}
      </svg>
      <Legend methods={methods} />
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Error per output channel, summarised">
        <table className="table">
          <caption>Error per output channel ‖X·ΔW_rᵀ‖ / ‖X·W_rᵀ‖ over the {summary.rows} channels</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                90th percentile
              </th>
              <th scope="col" className="num">
                Worst (channel)
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.method}>
                <th scope="row">{METHOD_LABEL[s.method]}</th>
                <td className="num">{formatPercent(s.stats.median)}</td>
                <td className="num">{formatPercent(s.stats.p90)}</td>
                <td className="num">
                  {formatPercent(s.stats.max)} ({s.stats.argMax})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Legend({ methods }: { methods: readonly LabMethod[] }) {
  return (
    <ul className={styles.legend} aria-hidden="true">
      {methods.map((m) => (
        <li key={m}>
          <span className={styles.swatch} style={{ background: METHOD_COLOR[m] }} />
          {METHOD_LABEL[m]}
        </li>
      ))}
    </ul>
  );
}

function AwqCurve({ summary }: { summary: LabSummary }) {
  const { grid, bestRatio } = summary.awq;
  if (grid.length === 0) return null;
  const losses = grid.map((g) => g.loss);
  const lo = Math.min(...losses);
  const hi = Math.max(...losses);
  const x = linear(0, 1, PAD.left, W - PAD.right);
  const y = linear(lo, hi, H - PAD.bottom, PAD.top);
  const best = grid.find((g) => g.ratio === bestRatio) ?? grid[0]!;
  const fmt = (v: number) => v.toExponential(2);
  const label = `AWQ calibration loss against α from 0 to ${grid.at(-1)!.ratio}: ${fmt(grid[0]!.loss)} at α = 0 (plain rounding), lowest ${fmt(best.loss)} at α = ${best.ratio}.`;
  return (
    <>
      <h4>AWQ: loss against α (s = mean|x|^α)</h4>
      <p className="field-hint">
        α = 0 is plain rounding with AWQ&apos;s quantizer; larger α scales up the input channels with large activations
        before rounding. The search keeps α = {bestRatio}.
      </p>
      <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line className={styles.axis} x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <text key={t} className={styles.tick} x={x(t)} y={H - 12} textAnchor="middle">
            {t}
          </text>
        ))}
        <text className={styles.tick} x={PAD.left - 4} y={y(hi) + 4} textAnchor="end">
          {fmt(hi)}
        </text>
        <text className={styles.tick} x={PAD.left - 4} y={y(lo) + 4} textAnchor="end">
          {fmt(lo)}
        </text>
        <polyline
          fill="none"
          stroke="var(--ok)"
          strokeWidth={2}
          points={grid.map((g) => `${x(g.ratio).toFixed(1)},${y(g.loss).toFixed(1)}`).join(' ')}
        />
        <circle cx={x(best.ratio)} cy={y(best.loss)} r={5} fill="none" stroke="var(--fg)" strokeWidth={2} />
      </svg>
      <details>
        <summary>AWQ&apos;s grid as a table</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="AWQ loss by alpha">
          <table className="table">
            <caption>Mean squared output error on the calibration tokens, per α</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  α
                </th>
                <th scope="col" className="num">
                  Loss
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.map((g) => (
                <tr key={g.ratio} className={g.ratio === bestRatio ? styles.best : undefined}>
                  <td className="num">
                    {g.ratio}
                    {g.ratio === bestRatio ? ' (chosen)' : ''}
                  </td>
                  <td className="num">{fmt(g.loss)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function SmoothQuantRanges({ summary }: { summary: LabSummary }) {
  const sq = summary.smoothQuant;
  if (!sq) {
    return (
      <>
        <h4>SmoothQuant (W8A8)</h4>
        <p className="field-hint">Choose 8 weight bits to see W8A8 with and without SmoothQuant, and its ranges.</p>
      </>
    );
  }
  const series = [
    { name: 'Activation max, before', values: sq.activationBefore, color: 'var(--bad)', dash: undefined },
    { name: 'Activation max, after', values: sq.activationAfter, color: 'var(--bad)', dash: '4 3' },
    { name: 'Weight max, before', values: sq.weightBefore, color: 'var(--accent)', dash: undefined },
    { name: 'Weight max, after', values: sq.weightAfter, color: 'var(--accent)', dash: '4 3' },
  ];
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const x = linear(0, summary.cols - 1, PAD.left, W - PAD.right);
  const y = logScale(lo, hi, H - PAD.bottom, PAD.top);
  const stats = series.map((s) => ({ ...s, d: describeValues(s.values), ratio: peakToMedian(s.values) }));
  const label = `SmoothQuant at α = ${sq.alpha}, per input channel maxima on a log scale: ${stats
    .map((s) => `${s.name} ${s.d.max.toFixed(2)} at most, ${s.ratio.toFixed(1)}× the median`)
    .join('; ')}.`;
  return (
    <>
      <h4>SmoothQuant: ranges per input channel, before and after (α = {sq.alpha})</h4>
      <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line className={styles.axis} x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        <text className={styles.tick} x={PAD.left - 4} y={y(hi) + 4} textAnchor="end">
          {hi.toFixed(hi < 1 ? 3 : 1)}
        </text>
        <text className={styles.tick} x={PAD.left - 4} y={y(lo) + 4} textAnchor="end">
          {lo.toFixed(3)}
        </text>
        <text className={styles.tick} x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle">
          input channel (0–{summary.cols - 1}), log scale
        </text>
        {stats.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.color}
            strokeWidth={1.25}
            strokeDasharray={s.dash}
            points={polyline(s.values, x, y)}
          />
        ))}
      </svg>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="SmoothQuant ranges summarised">
        <table className="table">
          <caption>Per-channel maxima: a large max / median is what makes one shared INT8 scale coarse</caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                Max
              </th>
              <th scope="col" className="num">
                Max / median
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.name}>
                <th scope="row">
                  <span className={styles.swatch} style={{ background: s.color }} aria-hidden="true" />
                  {s.name}
                  {s.dash ? ' (dashed)' : ''}
                </th>
                <td className="num">{s.d.median.toFixed(3)}</td>
                <td className="num">{s.d.max.toFixed(3)}</td>
                <td className="num">{s.ratio.toFixed(1)}×</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GptqStepper({ summary }: { summary: LabSummary }) {
  const sliderId = useId();
  const [actOrder, setActOrder] = useState(false);
  const [step, setStep] = useState(0);
  const steps = actOrder ? summary.gptqActOrderTrace : summary.gptqTrace;
  if (steps.length === 0) return null;
  const { current, lossSoFar, remaining } = gptqAt(steps, step);
  const total = steps.reduce((s, t) => s + t.loss, 0);
  const k = current.step;
  const outliers = new Set(summary.outlierChannels);
  const done = new Set(steps.slice(0, k).map((t) => t.column));
  const cellW = (W - 2) / summary.cols;
  return (
    <>
      <h4>GPTQ step by step</h4>
      <p className="field-hint">
        GPTQ rounds one input column at a time for all {summary.rows} output rows, then corrects the columns not yet
        rounded so the layer&apos;s output on the calibration tokens moves as little as possible.
      </p>
      <div className="widget-controls">
        <SelectField
          label="Column order"
          value={actOrder ? 'act' : 'plain'}
          onChange={(v) => {
            setActOrder(v === 'act');
            setStep(0);
          }}
        >
          <option value="plain">Left to right</option>
          <option value="act">act-order (largest H_jj first)</option>
        </SelectField>
        <div className="field">
          <label htmlFor={sliderId}>
            Step {k + 1} of {steps.length}
          </label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={steps.length - 1}
            value={k}
            onChange={(e) => setStep(Number(e.target.value))}
          />
        </div>
        <div className={styles.buttons}>
          <button type="button" onClick={() => setStep(Math.max(0, k - 1))} disabled={k === 0}>
            Previous column
          </button>
          <button type="button" onClick={() => setStep(Math.min(steps.length - 1, k + 1))} disabled={remaining === 0}>
            Next column
          </button>
        </div>
      </div>
      <svg
        className={styles.strip}
        viewBox={`0 0 ${W} 24`}
        role="img"
        aria-label={`${k} columns rounded, column ${current.column} now, ${remaining} left${outliers.has(current.column) ? '; this is an outlier channel' : ''}.`}
      >
        {Array.from({ length: summary.cols }, (_, j) => (
          <rect
            key={j}
            x={1 + j * cellW}
            y={outliers.has(j) ? 0 : 4}
            width={Math.max(cellW - 0.3, 0.5)}
            height={outliers.has(j) ? 24 : 16}
            className={j === current.column ? styles.now : done.has(j) ? styles.done : styles.todo}
          />
        ))}
      </svg>
      <p className="field-hint">Rounded · now · not yet; taller marks are the outlier channels.</p>
      <div role="status" aria-live="polite" aria-label="GPTQ step" className="result">
        <p>
          <strong>
            Step {k + 1}: column {current.column}
            {outliers.has(current.column) ? ' (an outlier channel)' : ''}.
          </strong>{' '}
          Rounding moved it by ‖w − q‖ = {current.errorNorm.toExponential(2)} over the {summary.rows} rows; divided by d
          = [H⁻¹]<sub>jj</sub> = {current.hinvDiag.toExponential(2)} and spread along H⁻¹&apos;s row, a correction of
          norm {current.updateNorm.toExponential(2)} goes into the {remaining} columns not yet rounded. Loss so far{' '}
          {lossSoFar.toExponential(2)} of {total.toExponential(2)}.
        </p>
      </div>
    </>
  );
}
