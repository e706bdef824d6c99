'use client';

import { useId, useState } from 'react';
import { MODELS } from '@/lib/models';
import { FORMATS, KV_FORMATS } from '@/lib/formats';
import { GPUS } from '@/lib/hardware';
import { VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, tensorParallelSizes } from '@/lib/sizing';
import { planDeployment, type DeploymentRowError, type DeploymentRowPlan } from '@/lib/deploy';
import { parseDollarsPerHour, tensorParallelText } from './model';
import { formatDollars, formatRate } from '@/lib/units';
import { parseNumberInput } from '@/components/ui/model';
import { formatBytesBoth, formatCount, formatNumber } from '@/lib/units';
import { NumberField } from '@/components/ui/NumberField';
import './DeploymentPlanner.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('dp');

interface SetupState {
  key: number;
  weights: string;
  gpu: string;
  gpuCount: number;
  priceText: string;
}

/** The three set-ups the lesson starts from; lib decides whether each fits. */
const DEFAULT_SETUPS: SetupState[] = [
  { key: 1, weights: 'int8-w8a8', gpu: 'h100-sxm', gpuCount: 1, priceText: '' },
  { key: 2, weights: 'int4-g128', gpu: 'h100-sxm', gpuCount: 1, priceText: '' },
  { key: 3, weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2, priceText: '' },
];
/** What "Add a set-up" adds first: the unquantised baseline. */
const NEXT_SETUPS: Array<Omit<SetupState, 'key' | 'priceText'>> = [
  { weights: 'bf16', gpu: 'h100-sxm', gpuCount: 2 },
  { weights: 'bf16', gpu: 'a100-80gb-sxm', gpuCount: 4 },
  { weights: 'int8-w8a8', gpu: 'a100-80gb-sxm', gpuCount: 1 },
];
const MAX_SETUPS = 6;

const formatName = (id: string) => FORMATS.find((f) => f.id === id)?.name ?? id;
const gpuName = (id: string) => GPUS.find((g) => g.id === id)?.name ?? id;

/**
 * Compares deployment set-ups (weight format × GPU × GPU count) for one model and
 * load: fit, capacity, roofline decode speed at the batch that fits, and $ per million
 * output tokens from a price the reader types. Wiring only: lib/deploy computes.
 */
export function DeploymentPlanner({ initialModel = 'llama-3.1-70b' }: { initialModel?: string }) {
  const id = useId();
  const [modelId, setModelId] = useState(initialModel);
  const [contextText, setContextText] = useState('4096');
  const [batchText, setBatchText] = useState('16');
  const [kvId, setKvId] = useState('bf16');
  const [vllmUtil, setVllmUtil] = useState(true);
  const [setups, setSetups] = useState<SetupState[]>(DEFAULT_SETUPS);
  const [nextKey, setNextKey] = useState(DEFAULT_SETUPS.length + 1);

  const model = MODELS.find((m) => m.id === modelId) ?? MODELS[0]!;
  const tpSizes = tensorParallelSizes(model.spec, 8);
  const contextRule = {
    label: 'Context length',
    min: 1,
    max: model.spec.maxContextTokens,
    integer: true,
    unit: 'tokens',
  };
  const batchRule = { label: 'Target concurrency', min: 1, max: 10_000, integer: true, unit: 'sequences' };
  const context = parseNumberInput(contextText, contextRule);
  const batch = parseNumberInput(batchText, batchRule);
  const kvBits = KV_FORMATS.find((f) => f.id === kvId)?.bitsPerElement ?? 16;
  const prices = setups.map((s) => parseDollarsPerHour(s.priceText));

  const plan =
    context.ok && batch.ok
      ? planDeployment({
          model: model.spec,
          contextTokens: context.value,
          targetBatch: batch.value,
          kvBits,
          memoryUtilization: vllmUtil ? VLLM_DEFAULT_GPU_MEMORY_UTILIZATION : 1,
          candidates: setups.map((s, i) => {
            const price = prices[i]!;
            return {
              weights: s.weights,
              gpu: s.gpu,
              gpuCount: s.gpuCount,
              dollarsPerGpuHour: price.kind === 'ok' ? price.dollarsPerGpuHour : null,
            };
          }),
        })
      : null;

  const update = (key: number, patch: Partial<SetupState>) =>
    setSetups((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const remove = (key: number) => setSetups((all) => all.filter((s) => s.key !== key));
  const add = () => {
    const template = NEXT_SETUPS[(nextKey - DEFAULT_SETUPS.length - 1) % NEXT_SETUPS.length]!;
    setSetups((all) => [...all, { ...template, key: nextKey, priceText: '' }]);
    setNextKey((k) => k + 1);
  };

  const headingId = `${id}-h`;
  const ctxLabel = context.ok ? formatCount(context.value) : '…';
  const batchLabel = batch.ok ? formatCount(batch.value) : '…';
  const utilPct = formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION * 100, 0);
  const tableCaption = `${model.name}, ${batchLabel} sequences × ${ctxLabel} tokens, KV cache ${KV_FORMATS.find((f) => f.id === kvId)?.name ?? kvId}, ${vllmUtil ? `${utilPct}% of memory` : 'all usable memory'}`;

  return (
    <section className="widget" aria-labelledby={headingId}>
      <h3 id={headingId}>Deployment planner</h3>
      <p className={`field-hint ${styles.intro}`}>
        Speeds are roofline upper bounds (peak bandwidth and tensor-core peaks, no all-reduce, no kernel overheads);
        costs are floors for GPUs running flat out at that speed. No prices are built in: type what you pay.
      </p>

      <div className={`widget-controls ${styles.controls}`}>
        <div className="field">
          <label htmlFor={`${id}-model`}>Model</label>
          <select id={`${id}-model`} value={modelId} onChange={(e) => setModelId(e.target.value)}>
            {MODELS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
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
          label="Target concurrency"
          text={batchText}
          onText={setBatchText}
          rule={batchRule}
          hint="Sequences decoded at once."
        />
        <div className="field">
          <label htmlFor={`${id}-kv`}>KV cache precision</label>
          <select id={`${id}-kv`} value={kvId} onChange={(e) => setKvId(e.target.value)}>
            {KV_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={styles.check}>
        <input id={`${id}-util`} type="checkbox" checked={vllmUtil} onChange={(e) => setVllmUtil(e.target.checked)} />
        <label htmlFor={`${id}-util`}>
          Leave memory free as vLLM does by default (gpu_memory_utilization ={' '}
          {formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}, {utilPct}% of each GPU)
        </label>
      </div>

      <p className={styles.setupsIntro} data-print="hide">
        Set-ups to compare. The price is what one GPU costs you per hour; costs appear once you type it.
      </p>
      <div className={styles.setups}>
        {setups.map((s, i) => {
          const price = prices[i]!;
          const row = plan?.rows[i];
          const priceId = `${id}-price-${s.key}`;
          const rowError = row && !row.ok ? row : null;
          const counts = tpSizes.includes(s.gpuCount) ? tpSizes : [...tpSizes, s.gpuCount].sort((a, b) => a - b);
          return (
            <fieldset key={s.key} className={styles.setup} data-print="hide">
              <legend>Set-up {i + 1}</legend>
              <div className={styles.setupFields}>
                <div className={`field ${styles.wide}`}>
                  <label htmlFor={`${id}-w-${s.key}`}>Weight format</label>
                  <select
                    id={`${id}-w-${s.key}`}
                    value={s.weights}
                    onChange={(e) => update(s.key, { weights: e.target.value })}
                  >
                    {FORMATS.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field ${styles.wide}`}>
                  <label htmlFor={`${id}-g-${s.key}`}>GPU</label>
                  <select
                    id={`${id}-g-${s.key}`}
                    value={s.gpu}
                    onChange={(e) => update(s.key, { gpu: e.target.value })}
                  >
                    {GPUS.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field ${styles.narrow}`}>
                  <label htmlFor={`${id}-n-${s.key}`}>GPU count</label>
                  <select
                    id={`${id}-n-${s.key}`}
                    value={s.gpuCount}
                    onChange={(e) => update(s.key, { gpuCount: Number(e.target.value) })}
                  >
                    {counts.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field ${styles.narrow}`}>
                  <label htmlFor={priceId}>$ per GPU-hour</label>
                  <input
                    id={priceId}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="your price"
                    value={s.priceText}
                    onChange={(e) => update(s.key, { priceText: e.target.value })}
                    aria-invalid={price.kind === 'error'}
                    aria-describedby={price.kind === 'error' ? `${priceId}-err` : undefined}
                  />
                  {price.kind === 'error' ? (
                    <p className="field-error" id={`${priceId}-err`} role="alert">
                      {price.message}
                    </p>
                  ) : null}
                </div>
                {setups.length > 1 ? (
                  <button
                    type="button"
                    className={styles.remove}
                    onClick={() => remove(s.key)}
                    aria-label={`Remove set-up ${i + 1}`}
                  >
                    Remove
                  </button>
                ) : null}
              </div>
              {rowError ? (
                <p className="field-error" role="alert">
                  {rowError.message}
                </p>
              ) : null}
            </fieldset>
          );
        })}
      </div>
      {setups.length < MAX_SETUPS ? (
        <button type="button" className={styles.add} onClick={add}>
          Add a set-up
        </button>
      ) : null}

      <p role="status" aria-live="polite" className={styles.summary}>
        {plan ? summarize(plan.rows, plan.comparison) : 'Fix the highlighted field above to see results.'}
      </p>

      {plan ? (
        <>
          <p className={styles.caption} id={`${id}-cap`}>
            {tableCaption}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Set-ups compared side by side">
            <table className={`table ${styles.grid}`} aria-describedby={`${id}-cap`}>
              <caption className="sr-only">Set-ups compared side by side</caption>
              <thead>
                <tr>
                  <td className={styles.corner} />
                  {setups.map((s, i) => (
                    <th key={s.key} scope="col">
                      Set-up {i + 1}
                      <span className={styles.sub}>
                        {formatName(s.weights)}, {s.gpuCount} × {gpuName(s.gpu)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">
                    Holds {batchLabel} × {ctxLabel} tokens?
                  </th>
                  {plan.rows.map((row, i) => (
                    <td key={setups[i]!.key}>
                      {row.ok ? (
                        <span className={row.fits ? styles.yes : styles.no}>{row.fits ? 'Yes' : 'No'}</span>
                      ) : (
                        'not computed'
                      )}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Max concurrent sequences at {ctxLabel} tokens</th>
                  {plan.rows.map((row, i) => (
                    <td key={setups[i]!.key}>{row.ok ? formatCount(row.maxBatchAtContext) : 'not computed'}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Decode tokens/s per sequence</th>
                  {plan.rows.map((row, i) => (
                    <td key={setups[i]!.key}>
                      {row.ok && row.decode ? (
                        <>
                          {formatRate(row.decode.tokensPerSecondPerSequence)}
                          <span className={styles.sub}>
                            at batch {formatCount(row.decode.batch)}
                            {row.batchCapped ? ' (capped)' : ''}
                          </span>
                        </>
                      ) : row.ok ? (
                        'nothing fits'
                      ) : (
                        'not computed'
                      )}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Decode tokens/s total</th>
                  {plan.rows.map((row, i) => (
                    <td key={setups[i]!.key}>
                      {row.ok && row.decode
                        ? formatRate(row.decode.tokensPerSecondTotal)
                        : row.ok
                          ? 'nothing fits'
                          : 'not computed'}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">$ per 1M output tokens</th>
                  {plan.rows.map((row, i) => (
                    <td key={setups[i]!.key}>{costText(row, prices[i]!.kind)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Memory needed of available</th>
                  {plan.rows.map((row, i) => (
                    <td key={setups[i]!.key}>
                      {row.ok ? (
                        <>
                          {formatBytesBoth(row.requiredBytes)}
                          <span className={styles.sub}>of {formatBytesBoth(row.availableBytes)}</span>
                        </>
                      ) : (
                        'not computed'
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <ol className={styles.notes} aria-label="Notes per set-up">
            {plan.rows.map((row, i) => (
              <li key={setups[i]!.key}>
                <strong>Set-up {i + 1}.</strong> {row.ok ? notesFor(row, batch.ok ? batch.value : 0) : row.message}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function costText(row: DeploymentRowPlan | DeploymentRowError, priceKind: 'empty' | 'ok' | 'error'): string {
  if (!row.ok) return 'not computed';
  if (priceKind === 'error') return 'fix the price';
  if (row.costStatus === 'ok' && row.costPerMillionTokensUsd !== null)
    return formatDollars(row.costPerMillionTokensUsd);
  if (row.costStatus === 'no-fit') return 'no tokens: nothing fits';
  return 'enter $/hour';
}

function notesFor(row: DeploymentRowPlan, target: number): string {
  const parts: string[] = [];
  if (row.maxBatchAtContext === 0) {
    parts.push('Not even one sequence fits: the weights, CUDA context and one sequence of KV cache exceed the memory.');
  } else if (row.batchCapped && row.decode) {
    parts.push(
      `Speed is quoted at ${formatCount(row.decode.batch)} sequences, the most that fit, not the ${formatCount(target)} you asked for.`,
    );
  }
  if (row.decode?.computeDtypeNote) parts.push(row.decode.computeDtypeNote);
  if (row.decode) parts.push(`Decode is ${row.decode.bound}-bound at this batch.`);
  parts.push(tensorParallelText(row.tensorParallel));
  parts.push(...row.warnings.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}.`));
  return parts.join(' ');
}

function listSetups(indices: readonly number[]): string {
  const names = indices.map((i) => String(i + 1));
  if (names.length === 1) return `Set-up ${names[0]}`;
  return `Set-ups ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function summarize(
  rows: ReadonlyArray<DeploymentRowPlan | DeploymentRowError>,
  c: ReturnType<typeof planDeployment>['comparison'],
): string {
  const name = (i: number) => `set-up ${i + 1}`;
  const parts: string[] = [];
  const fitting = c.fittingIndices;
  parts.push(
    fitting.length === 0
      ? 'No set-up holds the target concurrency.'
      : fitting.length === rows.length
        ? `${rows.length === 1 ? 'The set-up holds' : 'Every set-up holds'} the target concurrency.`
        : `${listSetups(fitting)} ${fitting.length === 1 ? 'holds' : 'hold'} the target concurrency.`,
  );
  const most = c.mostConcurrentIndex;
  const mostRow = most === null ? null : rows[most];
  if (most !== null && mostRow?.ok)
    parts.push(`Most sequences: ${name(most)} (${formatCount(mostRow.maxBatchAtContext)}).`);
  const fast = c.fastestPerSequenceIndex;
  if (fast !== null) parts.push(`Fastest per user: ${name(fast)}.`);
  const cheap = c.cheapestIndex;
  const cheapRow = cheap === null ? null : rows[cheap];
  if (cheap !== null && cheapRow?.ok && cheapRow.costPerMillionTokensUsd !== null) {
    parts.push(
      c.pricedCount === 1
        ? `Cost: ${name(cheap)} at ${formatDollars(cheapRow.costPerMillionTokensUsd)} per million tokens; price the others to compare.`
        : `Cheapest per million tokens: ${name(cheap)} (${formatDollars(cheapRow.costPerMillionTokensUsd)}).`,
    );
  } else {
    parts.push('Type a $ per GPU-hour to compare cost.');
  }
  return parts.join(' ');
}
