'use client';

import { useId, useState } from 'react';
import { GPUS, getGpu, gpuFigureStatus, lowBitTensorCoreSupport } from '@/lib/hardware';
import { getModel } from '@/lib/models';
import { tensorParallelSizes } from '@/lib/sizing';
import { decideQuantization, type AccuracyTolerance, type Decision, type Workload } from '@/lib/decision';
import { parseNumberInput } from '@/components/ui/model';
import { VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing';
import { formatNumber } from '@/lib/units';
import { NumberField } from '@/components/ui/NumberField';
import './DecisionChecklist.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('dc');

const MODEL_ID = 'llama-3.1-70b';

/**
 * The decision as a checklist: the reader's constraints in, a recommended weight
 * format out, with reasons (lib computations or citations), alternatives and an
 * answer to say aloud. Wiring only: lib/decision decides.
 */
export function DecisionChecklist() {
  const id = useId();
  const model = getModel(MODEL_ID);
  const [gpuId, setGpuId] = useState('h100-sxm');
  const [gpuCount, setGpuCount] = useState(2);
  const [workload, setWorkload] = useState<Workload>('throughput');
  const [tolerance, setTolerance] = useState<AccuracyTolerance>('small');
  const [evaluationBudget, setEvaluationBudget] = useState(true);
  const [calibrationData, setCalibrationData] = useState(true);
  const [contextText, setContextText] = useState('4096');
  const [concurrencyText, setConcurrencyText] = useState('32');

  const contextRule = {
    label: 'Context length',
    min: 1,
    max: model.spec.maxContextTokens,
    integer: true,
    unit: 'tokens',
  };
  const concurrencyRule = { label: 'Concurrent sequences', min: 1, max: 10_000, integer: true, unit: 'sequences' };
  const context = parseNumberInput(contextText, contextRule);
  const concurrency = parseNumberInput(concurrencyText, concurrencyRule);
  const card = getGpu(gpuId);
  const lowBit = lowBitTensorCoreSupport(card);
  const lowBitText = lowBit.length
    ? lowBit
        .map((d) => `${d.toUpperCase()}${gpuFigureStatus(card, d) === 'unverified' ? ' (unverified)' : ''}`)
        .join(', ')
    : 'none';
  const hasFp8 = lowBit.includes('fp8');

  let decision: Decision | null = null;
  let error: string | null = null;
  if (context.ok && concurrency.ok) {
    try {
      decision = decideQuantization({
        model: MODEL_ID,
        gpu: gpuId,
        gpuCount,
        workload,
        accuracyTolerance: tolerance,
        evaluationBudget,
        calibrationData,
        contextTokens: context.value,
        concurrency: concurrency.value,
      });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }

  const headingId = `${id}-h`;
  return (
    <section className="widget" aria-labelledby={headingId}>
      <h3 id={headingId}>Decision checklist for {model.name}</h3>
      <p className="field-hint">
        Fits are computed at vLLM&apos;s default gpu_memory_utilization (
        {formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}), as on every page of this site; speeds are roofline
        upper bounds. Throughput work is ranked by tokens per GPU-second at the largest batch that fits; latency work by
        time per token at your concurrency.
      </p>

      <div className={`widget-controls ${styles.controls}`}>
        <div className="field">
          <label htmlFor={`${id}-gpu`}>GPU you have</label>
          <select
            id={`${id}-gpu`}
            value={gpuId}
            onChange={(e) => setGpuId(e.target.value)}
            aria-describedby={`${id}-tc`}
          >
            {GPUS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <p className="field-hint" id={`${id}-tc`}>
            FP8 tensor cores: <strong>{hasFp8 ? 'yes' : 'no'}</strong> (low-bit tensor cores: {lowBitText})
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-count`}>GPUs per replica</label>
          <select id={`${id}-count`} value={gpuCount} onChange={(e) => setGpuCount(Number(e.target.value))}>
            {tensorParallelSizes(model.spec, 8).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          label="Context length"
          text={contextText}
          onText={setContextText}
          rule={contextRule}
          hint="Tokens per sequence: prompt + output."
        />
        <NumberField
          label="Concurrent sequences"
          text={concurrencyText}
          onText={setConcurrencyText}
          rule={concurrencyRule}
          hint="Requests in flight at peak."
        />
      </div>

      <div className={styles.groups}>
        <fieldset className={styles.group}>
          <legend>Serving</legend>
          <label className={styles.choice}>
            <input
              type="radio"
              name={`${id}-workload`}
              checked={workload === 'latency'}
              onChange={() => setWorkload('latency')}
            />
            <span>Latency-bound: interactive, each user waits for tokens</span>
          </label>
          <label className={styles.choice}>
            <input
              type="radio"
              name={`${id}-workload`}
              checked={workload === 'throughput'}
              onChange={() => setWorkload('throughput')}
            />
            <span>Throughput-bound: batch jobs, total tokens per GPU-hour</span>
          </label>
        </fieldset>
        <fieldset className={styles.group}>
          <legend>Accuracy tolerance</legend>
          <label className={styles.choice}>
            <input
              type="radio"
              name={`${id}-tolerance`}
              checked={tolerance === 'none'}
              onChange={() => setTolerance('none')}
            />
            <span>No measurable loss allowed</span>
          </label>
          <label className={styles.choice}>
            <input
              type="radio"
              name={`${id}-tolerance`}
              checked={tolerance === 'small'}
              onChange={() => setTolerance('small')}
            />
            <span>A small loss (about a point on the task metric) is acceptable</span>
          </label>
        </fieldset>
        <fieldset className={styles.group}>
          <legend>What you have</legend>
          <label className={styles.choice}>
            <input type="checkbox" checked={evaluationBudget} onChange={(e) => setEvaluationBudget(e.target.checked)} />
            <span>An evaluation budget: time and data to test on our own task before launch</span>
          </label>
          <label className={styles.choice}>
            <input type="checkbox" checked={calibrationData} onChange={(e) => setCalibrationData(e.target.checked)} />
            <span>Calibration data representative of the task</span>
          </label>
        </fieldset>
      </div>

      <div className={styles.result}>
        <p role="status" aria-live="polite" className={styles.verdict}>
          {decision ? (
            <>
              Recommendation: <strong>{decision.recommendation.label}</strong>
              {decision.shortfall
                ? decision.shortfall.gpusNeeded !== null
                  ? ` — on ${decision.shortfall.gpusNeeded} GPUs: ${gpuCount} hold only ${decision.shortfall.maxConcurrent} of your sequences`
                  : ` — but even 8 GPUs do not hold this load; shorten the context or split it across replicas`
                : null}
            </>
          ) : error ? (
            `Cannot decide: ${error}`
          ) : (
            'Fix the highlighted field above to see a recommendation.'
          )}
        </p>
        {decision ? (
          <>
            <h4 className={styles.sub}>
              Every candidate, both metrics (
              {decision.metric === 'tokens-per-gpu-second'
                ? 'ranked by tokens per GPU-second'
                : 'ranked by latency per token'}
              )
            </h4>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Every candidate, both metrics">
              <table className={`table ${styles.metrics}`}>
                <caption className="sr-only">
                  Throughput and latency of each candidate format on {gpuCount} × {card.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Format</th>
                    <th scope="col" className="num">
                      Largest batch that fits
                    </th>
                    <th scope="col" className="num">
                      Tokens/s per GPU at that batch
                    </th>
                    <th scope="col" className="num">
                      ms per token at your {concurrency.ok ? concurrency.value : ''} sequences
                    </th>
                    <th scope="col">Allowed</th>
                  </tr>
                </thead>
                <tbody>
                  {decision.candidates.map((cand) => (
                    <tr
                      key={cand.formatId}
                      aria-current={cand.formatId === decision!.recommendation.formatId ? 'true' : undefined}
                    >
                      <th scope="row">
                        {cand.label}
                        {cand.formatId === decision!.recommendation.formatId ? ' (chosen)' : ''}
                      </th>
                      <td className="num">{cand.maxConcurrent}</td>
                      <td className="num">
                        {cand.tokensPerGpuSecond === null
                          ? '—'
                          : formatNumber(cand.tokensPerGpuSecond, cand.tokensPerGpuSecond < 10 ? 1 : 0)}
                      </td>
                      <td className="num">
                        {cand.secondsPerTokenAtConcurrency === null
                          ? 'does not fit'
                          : formatNumber(cand.secondsPerTokenAtConcurrency * 1000, 1)}
                        {cand.verdict === 'tight' ? ' (tight)' : ''}
                      </td>
                      <td>{cand.eligible ? 'yes' : 'no (accuracy)'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h4 className={styles.sub}>Why</h4>
            <ol className={styles.reasons}>
              {decision.reasons.map((r, i) => (
                <li key={i}>
                  <span className={r.basis === 'computed' ? styles.computed : styles.cited}>
                    {r.basis === 'computed' ? 'computed' : 'cited'}
                  </span>{' '}
                  {r.text}
                  {r.sources.map((s) => (
                    <span key={s.id}>
                      {' '}
                      <a href={`/sources#${s.id}`} className={styles.source}>
                        [{s.label}]
                      </a>
                    </span>
                  ))}
                </li>
              ))}
            </ol>
            <h4 className={styles.sub}>Not chosen</h4>
            <ul className={styles.alternatives}>
              {decision.alternatives.map((a) => (
                <li key={a.formatId}>
                  <strong>{a.label}.</strong> {a.why}
                </li>
              ))}
            </ul>
            <h4 className={styles.sub}>Say it in the interview</h4>
            <blockquote className={styles.spoken}>
              <p>{decision.spokenAnswer}</p>
            </blockquote>
          </>
        ) : null}
      </div>
    </section>
  );
}
