'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MODELS } from '@/lib/models/catalog';
import { GPUS } from '@/lib/hardware/catalog';
import { formatBytesBoth, formatCount } from '@/lib/units';
import { NumberField } from '@/components/ui/NumberField';
import { useUrlState } from '@/components/ui/useUrlState';
import {
  BATCH_RULE,
  SPEED_DEFAULTS,
  SPEED_FIELD_LABELS,
  contextRule,
  parseSpeedState,
  speedStateQuery,
  toggleShownFormat,
  type SpeedField,
  type SpeedStateText,
} from './model/urlState';
import {
  CHART_FORMATS,
  CHART_FORMAT_LABELS,
  SPEED_EXCLUDED_FORMATS,
  gpuCountOptions,
  kvOptions,
  nearestAllowedGpuCount,
  speedFormatGroups,
} from './model/options';
import { batchMarkerAt, buildSpeedChart, type SpeedChart } from './model/chart';
import { speedResults, type SpeedResults } from './model/results';
import { memoizeByKey } from './model/memo';
import { formatDuration, formatRatio, formatRate, formatTokensPerSecond } from '@/lib/units';
import { formatCrossoverBatch } from './model/format';
import './SpeedCalculator.css';
import { SelectField } from '@/components/ui/SelectField';
import './tables.css';
import { prefixed } from '@/components/ui/prefixed';
import { ShareQr } from '@/components/share/ShareQr';
import { ResultSummary } from '@/components/ui/ResultSummary';
import { speedSummary } from './model/summary';

const tableStyles = prefixed('st');

const styles = prefixed('sc');

export interface SpeedCalculatorProps {
  /** Mirror the set-up in the query string (the standalone /tools/speed page). */
  syncUrl?: boolean;
  /** Heading level of the widget title: 2 on a page whose h1 is the tool, 3 inside a lesson section. */
  headingLevel?: 2 | 3;
  initialModel?: string;
  initialWeights?: string;
  initialGpu?: string;
  initialGpus?: number;
  initialBatch?: number;
  initialContext?: number;
  initialKv?: string;
  /** Chart formats shown at first, e.g. ['bf16', 'int4-g128'] (default: all five). */
  initialShow?: string[];
  /**
   * Titles of the sources the GPU figures cite, by id (components/speed/model `gpuSourceTitles`), passed
   * in by the server wrapper so the sources list stays out of the client bundle.
   */
  sourceTitles?: Readonly<Record<string, string>>;
  /** Show the set-up's QR code open (on slides); otherwise it is a collapsed "QR code" disclosure. */
  shareQr?: boolean;
}

// The curves do not depend on the batch, and most re-renders change one field: reuse recent results.
const cachedSpeedChart = memoizeByKey(buildSpeedChart, (input) => JSON.stringify(input));
const cachedSpeedResults = memoizeByKey(speedResults, (state) => JSON.stringify(state));

/** A small marker shape per series slot, so lines differ by more than colour. */
function Marker({ slot, x, y, size = 4 }: { slot: number; x: number; y: number; size?: number }) {
  const s = size;
  switch (slot % 5) {
    case 0:
      return <circle cx={x} cy={y} r={s} />;
    case 1:
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} />;
    case 2:
      return <polygon points={`${x},${y - s * 1.2} ${x + s * 1.1},${y + s * 0.9} ${x - s * 1.1},${y + s * 0.9}`} />;
    case 3:
      return <polygon points={`${x},${y - s * 1.3} ${x + s * 1.3},${y} ${x},${y + s * 1.3} ${x - s * 1.3},${y}`} />;
    default:
      return (
        <path d={`M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`} className={styles.cross} />
      );
  }
}

function SourceLinks({ ids, titles }: { ids: readonly string[]; titles: Readonly<Record<string, string>> }) {
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`/sources#${id}`}>{titles[id] ?? id}</a>
        </span>
      ))}
    </>
  );
}

function Chart({
  chart,
  batchMarker,
  titleId,
  descId,
}: {
  chart: SpeedChart;
  batchMarker: { batch: number; x: number } | null;
  titleId: string;
  descId: string;
}) {
  const { layout } = chart;
  const { plot } = layout;
  return (
    <svg
      className={styles.svg}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
    >
      <title id={titleId}>
        Total decode tokens per second against batch size, per weight format (roofline upper bound)
      </title>
      <desc id={descId}>{chart.summary}</desc>
      <g className={styles.grid} aria-hidden="true">
        {chart.yTicks.map((t) => (
          <line
            key={`y${t.value}`}
            x1={plot.left}
            x2={plot.right}
            y1={t.y}
            y2={t.y}
            className={t.major ? styles.gridMajor : undefined}
          />
        ))}
        {chart.xTicks.map((t) => (
          <line key={`x${t.value}`} x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} />
        ))}
      </g>
      <g className={styles.axis} aria-hidden="true">
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
        {chart.xTicks.map((t) =>
          t.label === null ? null : (
            <text key={`xl${t.value}`} x={t.x} y={plot.bottom + 16} textAnchor="middle">
              {t.label}
            </text>
          ),
        )}
        {chart.yTicks.map((t) =>
          t.label === null ? null : (
            <text key={`yl${t.value}`} x={plot.left - 6} y={t.y + 4} textAnchor="end">
              {t.label}
            </text>
          ),
        )}
        <text x={(plot.left + plot.right) / 2} y={layout.height - 8} textAnchor="middle" className={styles.axisTitle}>
          {layout.compact ? 'Batch size (log scale)' : 'Batch size (sequences decoded together, log scale)'}
        </text>
        <text
          x={0}
          y={0}
          transform={`translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className={styles.axisTitle}
        >
          {layout.compact ? 'Total tokens/s (log)' : 'Total tokens/s (log scale)'}
        </text>
      </g>
      {batchMarker ? (
        <g className={styles.batchMarker} aria-hidden="true">
          <line x1={batchMarker.x} x2={batchMarker.x} y1={plot.top} y2={plot.bottom} />
          <text
            x={batchMarker.x + (batchMarker.x > plot.right - 70 ? -4 : 4)}
            y={plot.top + 12}
            textAnchor={batchMarker.x > plot.right - 70 ? 'end' : 'start'}
          >
            batch {formatCount(batchMarker.batch)}
          </text>
        </g>
      ) : null}
      {chart.series.map((s) => (
        <g key={s.weights} className={`${styles.series} ${styles[`s${s.slot}`]}`} aria-hidden="true">
          {s.fitPath ? <path d={s.fitPath} className={styles.line} /> : null}
          {s.overflowPath ? <path d={s.overflowPath} className={styles.overflow} /> : null}
          {s.expectedPath ? <path d={s.expectedPath} className={styles.expectedLine} /> : null}
          {s.ticks.map((t) => (
            <g key={t.batch} className={t.fits ? styles.marker : styles.markerFaded}>
              <Marker slot={s.slot} x={t.x} y={t.y} />
            </g>
          ))}
          {s.crossover ? <circle cx={s.crossover.x} cy={s.crossover.y} r={7} className={styles.crossover} /> : null}
        </g>
      ))}
    </svg>
  );
}

/**
 * Decode-speed calculator: a roofline upper bound on decode time per token for a
 * model, weight format, GPU (× tensor-parallel count), batch, context and KV
 * precision, with the memory and compute times side by side, the crossover batch,
 * the prefill time, a memory check and a throughput-vs-batch chart of five formats.
 * Wiring only: every number comes from lib/perf, lib/sizing and components/speed/model.
 */
export function SpeedCalculator({
  syncUrl = false,
  headingLevel = 3,
  initialModel,
  initialWeights,
  initialGpu,
  initialGpus,
  initialBatch,
  initialContext,
  initialKv,
  initialShow,
  sourceTitles = {},
  shareQr = false,
}: SpeedCalculatorProps) {
  const id = useId();
  const defaults = useMemo<SpeedStateText>(
    () => ({
      model: initialModel ?? SPEED_DEFAULTS.model,
      weights: initialWeights ?? SPEED_DEFAULTS.weights,
      gpu: initialGpu ?? SPEED_DEFAULTS.gpu,
      gpus: initialGpus !== undefined ? String(initialGpus) : SPEED_DEFAULTS.gpus,
      batch: initialBatch !== undefined ? String(initialBatch) : SPEED_DEFAULTS.batch,
      context: initialContext !== undefined ? String(initialContext) : SPEED_DEFAULTS.context,
      kv: initialKv ?? SPEED_DEFAULTS.kv,
      show: initialShow ? initialShow.join(',') : SPEED_DEFAULTS.show,
    }),
    [initialModel, initialWeights, initialGpu, initialGpus, initialBatch, initialContext, initialKv, initialShow],
  );
  const [text, update] = useUrlState(defaults, syncUrl);
  const state = parseSpeedState(text);
  const outcome = cachedSpeedResults(state);
  const modelEntry = MODELS.find((m) => m.id === state.model)!;
  const gpuEntry = GPUS.find((g) => g.id === state.gpu)!;

  const chartBox = useRef<HTMLDivElement>(null);
  const [chartWidth, setChartWidth] = useState(640);
  useEffect(() => {
    const el = chartBox.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width && width > 0) setChartWidth(Math.round(width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  let chart: SpeedChart | null = null;
  let chartError: string | null = null;
  if (state.contextTokens === null) chartError = 'The chart appears when the context length is valid.';
  else if (state.show.length === 0) chartError = 'Tick at least one format to plot.';
  else {
    try {
      chart = cachedSpeedChart({
        model: state.model,
        gpu: state.gpu,
        gpuCount: state.gpuCount,
        contextTokens: state.contextTokens,
        kvBits: state.kvBits,
        formats: state.show,
        widthPx: chartWidth,
      });
    } catch (error) {
      chartError = error instanceof Error ? error.message : String(error);
    }
  }
  const batchMarker = chart ? batchMarkerAt(chart.layout, state.batch) : null;

  const fieldError = (field: SpeedField) =>
    state.errors[field] ?? (!outcome.ok && outcome.field === field ? outcome.message : undefined);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${id}-h`;
  const excluded = SPEED_EXCLUDED_FORMATS['llm-int8']!;

  return (
    <section className={`widget ${styles.widget}`} aria-labelledby={headingId}>
      <Heading id={headingId}>Decode speed calculator</Heading>
      <p className={styles.bound}>
        <strong>Ceiling and expected, not a serving engine.</strong> The ceiling runs every operator at the datasheet
        bandwidth and dense tensor-core peak (all-reduces at the link&rsquo;s datasheet speed); the expected figure uses
        what our H100 benchmark&rsquo;s kernels reached. Neither counts scheduling, sampling or a real engine&rsquo;s
        kernels. GPU figures and their sources: <a href="/sources">Sources</a>.
      </p>
      <ResultSummary summary={speedSummary(outcome, state.batch)} label="Result summary" />

      <div className={`widget-controls ${styles.controls}`}>
        <SelectField
          label={SPEED_FIELD_LABELS.model}
          value={state.model}
          error={state.errors.model}
          onChange={(model) => update({ model, gpus: String(nearestAllowedGpuCount(model, state.gpuCount)) })}
        >
          {MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={SPEED_FIELD_LABELS.weights}
          value={state.weights}
          error={fieldError('weights')}
          onChange={(weights) => update({ weights })}
        >
          {speedFormatGroups().map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          label={SPEED_FIELD_LABELS.gpu}
          value={state.gpu}
          error={fieldError('gpu')}
          onChange={(gpu) => update({ gpu })}
        >
          {GPUS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={SPEED_FIELD_LABELS.gpus}
          value={String(state.gpuCount)}
          error={fieldError('gpus')}
          hint={`Counts that divide the model's ${formatCount(modelEntry.spec.attention.numHeads)} attention heads.`}
          onChange={(gpus) => update({ gpus })}
        >
          {gpuCountOptions(state.model).map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </SelectField>
        <NumberField
          label={SPEED_FIELD_LABELS.batch}
          text={text.batch}
          onText={(batch) => update({ batch })}
          rule={BATCH_RULE}
          hint="Sequences decoded together, one token each per step."
        />
        <NumberField
          label={SPEED_FIELD_LABELS.context}
          text={text.context}
          onText={(context) => update({ context })}
          rule={contextRule(state.model)}
          hint={`Tokens cached per sequence (prompt + generated so far), at most ${formatCount(modelEntry.spec.maxContextTokens)}. Also the prompt length for prefill.`}
        />
        <SelectField
          label={SPEED_FIELD_LABELS.kv}
          value={state.kv}
          error={fieldError('kv')}
          onChange={(kv) => update({ kv })}
        >
          {kvOptions().map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
      </div>

      <p className={`field-hint ${styles.excluded}`}>
        {excluded.reason} <a href={`/sources#${excluded.sourceId}`}>Source</a>.
      </p>

      <ShareQr path={`/tools/speed?${speedStateQuery(text)}`} open={shareQr} />

      {outcome.ok ? (
        <ResultsView
          outcome={outcome.results}
          batch={state.batch!}
          contextTokens={state.contextTokens!}
          gpuCount={state.gpuCount}
          gpuName={gpuEntry.name}
          sourceTitles={sourceTitles}
        />
      ) : (
        <div className="result" role="status" aria-live="polite">
          <p className={styles.placeholder}>
            {outcome.field
              ? `Results appear when the ${SPEED_FIELD_LABELS[outcome.field].toLowerCase()} field is valid.`
              : outcome.message}
          </p>
        </div>
      )}

      <figure className={styles.figure}>
        <figcaption className={styles.caption}>
          <strong>Total decode throughput vs batch</strong> for {modelEntry.name} on {formatCount(state.gpuCount)} ×{' '}
          {gpuEntry.name}
          {state.contextTokens !== null ? <> at {formatCount(state.contextTokens)} tokens of context</> : null} —
          roofline upper bound.
        </figcaption>
        <fieldset className={styles.formats}>
          <legend>{SPEED_FIELD_LABELS.show}</legend>
          {CHART_FORMATS.map((f, slot) => (
            <label key={f} className={`${styles.check} ${styles[`s${slot}`]}`}>
              <input
                type="checkbox"
                checked={state.show.includes(f)}
                onChange={(e) => update({ show: toggleShownFormat(text.show, f, e.target.checked) })}
              />
              <svg width="22" height="12" aria-hidden="true" className={styles.swatch}>
                <line x1="0" x2="22" y1="6" y2="6" />
                <g className={styles.marker}>
                  <Marker slot={slot} x={11} y={6} size={3.5} />
                </g>
              </svg>
              {CHART_FORMAT_LABELS[f]}
            </label>
          ))}
          {state.errors.show ? (
            <p className="field-error" role="alert">
              {state.errors.show}
            </p>
          ) : null}
        </fieldset>
        <div ref={chartBox} className={styles.chartBox}>
          {chart ? (
            <Chart chart={chart} batchMarker={batchMarker} titleId={`${id}-ct`} descId={`${id}-cd`} />
          ) : (
            <p className={styles.placeholder}>{chartError}</p>
          )}
        </div>
        {chart ? (
          <>
            <ul className={styles.legend}>
              {chart.series.map((s) => (
                <li key={s.weights} className={styles[`s${s.slot}`]}>
                  <svg width="22" height="12" aria-hidden="true" className={styles.swatch}>
                    <line x1="0" x2="22" y1="6" y2="6" />
                    <g className={styles.marker}>
                      <Marker slot={s.slot} x={11} y={6} size={3.5} />
                    </g>
                  </svg>
                  <span>
                    <strong>{s.label}</strong>: crossover {formatCrossoverBatch(s.crossoverBatch)}
                    {s.maxBatchThatFits === 0
                      ? '; does not fit even at batch 1'
                      : s.maxBatchThatFits >= 1024
                        ? '; fits at every batch shown'
                        : `; fits up to batch ${formatCount(s.maxBatchThatFits)}`}
                    {s.sameAs ? `; same line as ${s.sameAs}` : ''}
                    {s.computeDtypeNote ? (
                      <>
                        {' '}
                        — <em>{s.computeDtypeNote}</em>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
              <li className={styles.legendKey}>
                Solid and dashed lines are the ceiling; circles mark the GEMM crossover from memory-bound to
                compute-bound; dashed parts do not fit in GPU memory (weights + KV cache + workspace); the thin dotted
                line beside each format is the expected speed on the kernels our H100 benchmark measured (where it
                covers the GPU and format); the vertical line is your batch. Formats with the same bytes per weight
                share a ceiling line while memory-bound.
              </li>
            </ul>
            <details className="work">
              <summary>Chart data as a table</summary>
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Chart data">
                <table className="table">
                  <caption className={styles.tableCaption}>
                    Total tokens/s by batch size, ceiling (and expected on measured kernels). “C” = GEMMs compute-bound,
                    otherwise memory-bound; “†” = does not fit in memory.
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Batch</th>
                      {chart.series.map((s) => (
                        <th key={s.weights} scope="col" className={`num ${tableStyles.numHead}`}>
                          {s.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {chart.xTicks.map((t, row) => (
                      <tr key={t.value}>
                        <th scope="row" className={`num ${tableStyles.numHead}`}>
                          {formatCount(t.value)}
                        </th>
                        {chart!.series.map((s) => {
                          const p = s.ticks[row]!;
                          return (
                            <td key={s.weights} className="num">
                              {formatRate(p.tokensPerSecondTotal)}
                              {p.expectedTokensPerSecondTotal !== null
                                ? ` (${formatRate(p.expectedTokensPerSecondTotal)})`
                                : ''}
                              {p.bound === 'compute' ? ' C' : ''}
                              {p.fits ? '' : ' †'}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">Crossover batch</th>
                      {chart.series.map((s) => (
                        <td key={s.weights} className="num">
                          {formatCrossoverBatch(s.crossoverBatch)}
                        </td>
                      ))}
                    </tr>
                    <tr>
                      <th scope="row">Largest batch that fits</th>
                      {chart.series.map((s) => (
                        <td key={s.weights} className="num">
                          {formatCount(s.maxBatchThatFits)}
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </details>
          </>
        ) : null}
      </figure>
    </section>
  );
}

function ResultsView({
  outcome: r,
  batch,
  contextTokens,
  gpuCount,
  gpuName,
  sourceTitles,
}: {
  outcome: SpeedResults;
  batch: number;
  contextTokens: number;
  gpuCount: number;
  gpuName: string;
  sourceTitles: Readonly<Record<string, string>>;
}) {
  const { step, prefill, fit, ceiling } = r;
  return (
    <>
      <div className="result" role="status" aria-live="polite">
        <p className="result-big">
          {formatDuration(step.secondsPerToken)} per decode step <span className={styles.ceilingTag}>ceiling</span>
        </p>
        <p className={styles.rates}>
          <span>
            <strong>{formatTokensPerSecond(step.tokensPerSecondPerSequence)}</strong> per sequence
          </span>
          <span>
            <strong>{formatTokensPerSecond(step.tokensPerSecondTotal)}</strong> in total ({formatCount(batch)}{' '}
            sequences)
          </span>
        </p>
        <p className={styles.expected}>{r.expectedText}</p>
        <p className={step.bound === 'memory' ? styles.boundMemory : styles.boundCompute}>
          <strong>Weight GEMMs {step.bound === 'memory' ? 'memory-bound' : 'compute-bound'}</strong>:{' '}
          {step.bound === 'memory'
            ? 'reading the weights takes longer than multiplying them.'
            : 'the multiplications take longer than reading the weights.'}{' '}
          Attention over the KV cache is a separate kernel, memory-bound at any batch.
        </p>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Where the decode step's time goes">
        <table className="table">
          <caption>Where the step&rsquo;s time goes: each operator at its own roof, the times added</caption>
          <thead>
            <tr>
              <th scope="col">Operator</th>
              <th scope="col" className="num">
                Ceiling
              </th>
              <th scope="col" className="num">
                Expected
              </th>
              <th scope="col">Bound</th>
              <th scope="col">Share of ceiling</th>
            </tr>
          </thead>
          <tbody>
            {r.operators.map((o) => (
              <tr key={o.label}>
                <th scope="row">{o.label}</th>
                <td className="num">{o.ceiling}</td>
                <td className="num">{o.expected}</td>
                <td>{o.bound}</td>
                <td>
                  <span className={styles.bar} style={{ width: `${(o.share * 100).toFixed(1)}%` }} />
                  <span className="sr-only">{(o.share * 100).toFixed(0)} %</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <p>
          <strong>GEMM crossover</strong> (any context): {formatCrossoverBatch(step.crossoverBatch)}
          {step.crossoverBatch === Infinity
            ? ' — the weight GEMMs never turn compute-bound on this GPU.'
            : step.crossoverBatch < 1
              ? ' — compute-bound even for one sequence.'
              : ` sequences; ${batch >= step.crossoverBatch ? 'your batch is past it: more sequences now cost GEMM compute time.' : 'below it, extra sequences add only their KV-cache reads and activations to the step.'}`}
        </p>
        <p>
          <strong>Prefill</strong> of one {formatCount(contextTokens)}-token prompt (time to first token, before
          queueing): at least {formatDuration(prefill.seconds)}
          {prefill.expected ? <>, expected {formatDuration(prefill.expected.seconds)}</> : null}; its GEMMs are{' '}
          {prefill.bound}-bound
          {prefill.bound === 'memory' ? ' (a prompt shorter than the ridge point behaves like a decode step).' : '.'}
        </p>
        <p>
          <strong>Kernel in vLLM</strong>: {r.kernel.kernel}
          {r.kernel.support === 'fallback'
            ? ' (fallback)'
            : r.kernel.support === 'unsupported'
              ? ' — vLLM does not run this format on this GPU'
              : ''}
          {r.kernel.note ? `. ${r.kernel.note}` : ''}
        </p>
      </div>
      <p className={styles.dtype}>{r.computeSentence}</p>
      <p>
        <strong>Versus BF16 on this GPU</strong>, this format can be at most {formatRatio(ceiling.memoryBoundRatio)}{' '}
        faster when memory-bound (bits per weight) and {formatRatio(ceiling.computeBoundRatio)} when compute-bound
        (tensor-core peak ratio).
      </p>
      {fit.fits ? (
        <p className={styles.fits}>
          <strong>Fits</strong> in {formatCount(gpuCount)} × {gpuName}: {formatBytesBoth(fit.requiredBytes)} of{' '}
          {formatBytesBoth(fit.availableBytes)}; up to {formatCount(fit.maxBatchAtContext)} sequences of{' '}
          {formatCount(contextTokens)} tokens fit.
        </p>
      ) : (
        <p className={styles.noFit} role="note">
          <strong>Does not fit</strong> in {formatCount(gpuCount)} × {gpuName}: needs{' '}
          {formatBytesBoth(fit.requiredBytes)}, has {formatBytesBoth(fit.availableBytes)}
          {fit.maxBatchAtContext > 0
            ? ` (at most ${formatCount(fit.maxBatchAtContext)} sequences of ${formatCount(contextTokens)} tokens fit)`
            : ''}
          . The times above assume it would.
        </p>
      )}
      <p className={styles.figures}>
        <strong>GPU figures used</strong> (datasheet, dense):{' '}
        {r.figures.map((f, i) => (
          <span key={f.figure}>
            {i > 0 ? '; ' : ''}
            {f.label} <span className="num">{f.value}</span>
            {f.status === 'unverified' ? (
              <strong className={styles.unverified}>
                {' '}
                (⚠ unverified: commonly quoted, not checked against the datasheet)
              </strong>
            ) : null}
          </span>
        ))}
        . From <SourceLinks ids={[...new Set(r.figures.flatMap((f) => f.sourceIds))]} titles={sourceTitles} />
        {r.figures.some((f) => f.status === 'secondary') ? ', read in copies of the datasheet tables' : ''}.
      </p>
      <details className="work">
        <summary>Show the work</summary>
        <p>
          One decode step produces one token for each of the {formatCount(batch)} sequences. Each operator is its own
          kernel with its own roof, <code>max(bytes ÷ bandwidth, FLOPs ÷ peak)</code>, and the kernels run one after
          another, so their times add.
        </p>
        <ol>
          {[...r.work, ...r.prefillWork].map((line) => (
            <li key={line.label}>
              <strong>{line.label}</strong>: {line.formula} = <span className="num">{line.value}</span>
            </li>
          ))}
        </ol>
        <p className="muted">
          Assumptions of the ceiling: every weight is read once per step; tensor parallelism splits bytes and FLOPs
          evenly over {formatCount(gpuCount)} GPU{gpuCount === 1 ? '' : 's'} and adds two ring all-reduces per layer at
          the link&rsquo;s datasheet bandwidth; attention runs in 16 bits; peaks are reached. The expected figures
          replace the peaks by what our benchmark&rsquo;s kernels reached and add each kernel&rsquo;s fixed launch time.
        </p>
      </details>
    </>
  );
}
