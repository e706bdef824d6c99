'use client';

import { useDeferredValue, useId, useMemo, useState, type ChangeEvent } from 'react';
import { MODELS } from '@/lib/models/catalog';
import { GPUS } from '@/lib/hardware/catalog';
import { MAX_BATCH, MAX_CONTEXT_TOKENS, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing/defaults';
import { bytesToGB, bytesToGiB, formatBytesBoth, formatCount, formatGB, formatGiB, formatNumber } from '@/lib/units';
import { NumberField } from '@/components/ui/NumberField';
import { useUrlState } from '@/components/ui/useUrlState';
import { checkConfigFileSize, configParamsLine, readConfigText } from './model/config';
import {
  ENGINE_CHOICES,
  gpuCountChoices,
  kvChoices,
  nearestAllowedGpuCount,
  weightFormatFamilies,
  weightFormatOptionLabel,
} from './model/options';
import {
  BATCH_RULE,
  CUSTOM_MODEL,
  MEMORY_DEFAULTS,
  MEMORY_FIELD_LABELS,
  UTILIZATION_RULE,
  contextRuleFor,
  memoryStateQuery,
  parseMemoryState,
  type MemoryField,
  type MemoryState,
  type MemoryStateText,
} from './model/urlState';
import { memoryOutcome, type MemoryOutcome, type MemoryResults } from './model/results';
import { memorySummary, memoryVerdictLabel } from './model/summary';
import { GGUF_FILES_GROUP_LABEL, ggufFileChoices, weightChoiceHint, weightChoiceInfo } from './model/weightChoice';
import { cssPercent, formatBytesPerToken, formatHeadroom, formatShare } from './model/format';
import './MemoryCalculator.css';
import { SelectField as BaseSelectField } from '@/components/ui/SelectField';
import { prefixed } from '@/components/ui/prefixed';
import { ShareQr } from '@/components/share/ShareQr';
import { useSharedState } from '@/components/present/useSharedState';
import { stringRecordGuard } from '@/components/present/model/sync';
import { MAX_URL_VALUE_CHARS } from '@/components/ui/model/urlValues';
import { ResultSummary } from '@/components/ui/ResultSummary';

const styles = prefixed('mc');

/** Checks the fields another window of a slide deck sends (same names, bounded texts; parseMemoryState validates the texts). */
const isMemoryText = stringRecordGuard(
  Object.keys(MEMORY_DEFAULTS) as Array<keyof MemoryStateText>,
  MAX_URL_VALUE_CHARS,
);

function SelectField({ wide = false, ...props }: Parameters<typeof BaseSelectField>[0] & { wide?: boolean }) {
  return <BaseSelectField {...props} className={wide ? `field ${styles.wide}` : 'field'} />;
}

export interface MemoryCalculatorProps {
  /** Mirror the set-up in the query string (the standalone /tools/memory page). */
  syncUrl?: boolean;
  /** Heading level of the widget title: 2 on a page whose h1 is the tool, 3 inside a lesson section. */
  headingLevel?: 2 | 3;
  initialModel?: string;
  initialWeights?: string;
  initialKv?: string;
  initialContext?: number;
  initialBatch?: number;
  initialGpu?: string;
  initialGpus?: number;
  /** Start at this gpu_memory_utilization instead of vLLM's default 0.92. */
  initialUtilization?: number;
  /** Whose KV reservation rule: 'vllm' (default) or 'llama.cpp'. */
  initialEngine?: string;
  /** The widget's title (its region's name). */
  title?: string;
  /** Show the set-up's QR code open (on slides); otherwise it is a collapsed "QR code" disclosure. */
  shareQr?: boolean;
  /**
   * On a slide deck: share the fields with the deck's other windows under this key (presenter and
   * audience show the same set-up; components/present/useSharedState). Not with `syncUrl`.
   */
  sharedKey?: string;
}

const EXAMPLE_CONFIG = JSON.stringify(MODELS.find((m) => m.id === 'llama-3.1-8b')!.config, null, 2);
const ANY_CONTEXT_RULE = { min: 1, max: MAX_CONTEXT_TOKENS, integer: true };

/**
 * Inference memory calculator: weights + KV cache + activation workspace + CUDA/runtime
 * overhead for a catalog model or a pasted config.json, a weight format, a KV-cache
 * precision, a load (context × batch) and a GPU group; whether it fits, how far it
 * stretches, which GPUs would hold it, and every term's formula. Wiring only: every
 * number comes from lib/sizing through components/memory/model.
 */
export function MemoryCalculator({
  syncUrl = false,
  headingLevel = 3,
  initialModel,
  initialWeights,
  initialKv,
  initialContext,
  initialBatch,
  initialGpu,
  initialGpus,
  initialUtilization,
  initialEngine,
  title = 'Inference memory calculator',
  shareQr = false,
  sharedKey,
}: MemoryCalculatorProps) {
  const id = useId();
  const defaults = useMemo<MemoryStateText>(
    () => ({
      model: initialModel ?? MEMORY_DEFAULTS.model,
      weights: initialWeights ?? MEMORY_DEFAULTS.weights,
      kv: initialKv ?? MEMORY_DEFAULTS.kv,
      context: initialContext !== undefined ? String(initialContext) : MEMORY_DEFAULTS.context,
      batch: initialBatch !== undefined ? String(initialBatch) : MEMORY_DEFAULTS.batch,
      gpu: initialGpu ?? MEMORY_DEFAULTS.gpu,
      gpus: initialGpus !== undefined ? String(initialGpus) : MEMORY_DEFAULTS.gpus,
      util: initialUtilization !== undefined ? String(initialUtilization) : MEMORY_DEFAULTS.util,
      engine: initialEngine ?? MEMORY_DEFAULTS.engine,
    }),
    [
      initialModel,
      initialWeights,
      initialKv,
      initialContext,
      initialBatch,
      initialGpu,
      initialGpus,
      initialUtilization,
      initialEngine,
    ],
  );
  const [urlText, urlUpdate] = useUrlState(defaults, syncUrl);
  const [sharedText, setSharedText] = useSharedState<MemoryStateText>(
    sharedKey && !syncUrl ? sharedKey : null,
    defaults,
    isMemoryText,
  );
  const shared = Boolean(sharedKey) && !syncUrl;
  const text = shared ? sharedText : urlText;
  const update = shared ? (patch: Partial<MemoryStateText>) => setSharedText((t) => ({ ...t, ...patch })) : urlUpdate;
  const [configText, setConfigText] = useState('');
  const [fileMessage, setFileMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [copy, setCopy] = useState<{ ok: boolean; url: string } | null>(null);

  // Field messages follow every keystroke; the results (13 GPUs × up to 4 fits, three
  // tables) render from deferred copies of the same inputs, so typing never waits for them.
  const state = useMemo(() => parseMemoryState(text, configText), [text, configText]);
  const deferredText = useDeferredValue(text);
  const deferredConfig = useDeferredValue(configText);
  const deferred = useMemo(() => {
    const deferredState = parseMemoryState(deferredText, deferredConfig);
    return { state: deferredState, outcome: memoryOutcome(deferredState) };
  }, [deferredText, deferredConfig]);
  const resultsView = useMemo(
    () => (
      <ResultsArea state={deferred.state} outcome={deferred.outcome} SubHeading={headingLevel === 2 ? 'h3' : 'h4'} />
    ),
    [deferred, headingLevel],
  );
  const summary = memorySummary(deferred.outcome, deferred.state.contextTokens);

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${id}-h`;
  const isCustom = state.model === CUSTOM_MODEL;
  const weightInfo = weightChoiceInfo(state.weights, state.spec);
  // GGUF option labels carry bits per weight for this model; sizing all 14 files costs ~80 ms, so it waits for the menu's first use.
  const [ggufBits, setGgufBits] = useState(false);
  const ggufFiles = useMemo(
    () => ggufFileChoices(state.spec, { withBits: ggufBits, selected: state.weights }),
    [state.spec, ggufBits, state.weights],
  );
  const kvFormat = kvChoices().find((k) => k.id === state.kv)!;
  const query = memoryStateQuery(text);

  const setModel = (model: string) => {
    if (model === CUSTOM_MODEL) {
      const reading = readConfigText(configText);
      update({ model, gpus: reading.ok ? String(nearestAllowedGpuCount(reading.spec, state.gpuCount)) : text.gpus });
      return;
    }
    const entry = MODELS.find((m) => m.id === model);
    update({ model, gpus: entry ? String(nearestAllowedGpuCount(entry.spec, state.gpuCount)) : text.gpus });
  };

  const setConfig = (next: string) => {
    setConfigText(next);
    const reading = readConfigText(next);
    if (reading.ok) update({ gpus: String(nearestAllowedGpuCount(reading.spec, state.gpuCount)) });
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // Size first: an oversized file is refused before it is read (reading it into the textarea froze the page).
    const tooBig = checkConfigFileSize(file.name, file.size);
    if (tooBig) {
      setFileMessage({ text: tooBig, error: true });
      e.target.value = '';
      return;
    }
    file.text().then(
      (content) => {
        setFileMessage({ text: `Read ${file.name} (${formatCount(file.size)} bytes).`, error: false });
        setConfig(content);
      },
      () => setFileMessage({ text: `Could not read ${file.name}.`, error: true }),
    );
  };

  const copyLink = () => {
    const url = `${window.location.origin}${window.location.pathname}?${query}`;
    if (!navigator.clipboard?.writeText) {
      setCopy({ ok: false, url });
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setCopy({ ok: true, url }),
      () => setCopy({ ok: false, url }),
    );
  };

  const gpuChoices = gpuCountChoices(state.spec);
  const catalogEntry = MODELS.find((m) => m.id === state.model);
  const heads = state.spec ? formatCount(state.spec.attention.numHeads) : null;

  return (
    <section className={`widget ${styles.widget}`} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <p className={styles.lead}>
        GPU memory = weights + KV cache + activation workspace + CUDA/runtime overhead. Inference keeps no gradients and
        no optimizer state.
      </p>
      <ResultSummary summary={summary} label="Result summary" />

      <div className="widget-controls">
        <SelectField
          label={MEMORY_FIELD_LABELS.model}
          value={state.model}
          error={state.errors.model}
          onChange={setModel}
          hint={
            catalogEntry?.officialParams
              ? `${catalogEntry.officialParams} parameters, as the publisher words it.`
              : undefined
          }
        >
          <optgroup label="Catalog">
            {MODELS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Your own">
            <option value={CUSTOM_MODEL}>Paste or upload a config.json…</option>
          </optgroup>
        </SelectField>
        <SelectField
          label={MEMORY_FIELD_LABELS.weights}
          value={state.weights}
          error={state.errors.weights}
          onChange={(weights) => update({ weights })}
          onFocus={() => setGgufBits(true)}
          wide
          hint={weightChoiceHint(weightInfo)}
        >
          {weightFormatFamilies().map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {weightFormatOptionLabel(f)}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label={GGUF_FILES_GROUP_LABEL}>
            {ggufFiles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        </SelectField>
      </div>

      {isCustom ? (
        <ConfigInput
          text={configText}
          onText={setConfig}
          onFile={onFile}
          onExample={() => setConfig(EXAMPLE_CONFIG)}
          fileMessage={fileMessage}
          state={state}
          syncUrl={syncUrl}
        />
      ) : null}

      <div className="widget-controls">
        <SelectField
          label={MEMORY_FIELD_LABELS.kv}
          value={state.kv}
          error={state.errors.kv}
          onChange={(kv) => update({ kv })}
          hint={
            <>
              Set separately from the weights (vLLM <code>--kv-cache-dtype</code>). {kvFormat.summary}
            </>
          }
        >
          {kvChoices().map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <NumberField
          label={MEMORY_FIELD_LABELS.context}
          text={text.context}
          onText={(context) => update({ context })}
          rule={state.spec ? contextRuleFor(state.spec) : ANY_CONTEXT_RULE}
          hint={
            state.spec
              ? `Tokens per sequence, prompt + generated: 1 to ${formatCount(state.spec.maxContextTokens)} (the model's max_position_embeddings).`
              : 'Tokens per sequence, prompt + generated.'
          }
        />
        <NumberField
          label={MEMORY_FIELD_LABELS.batch}
          text={text.batch}
          onText={(batch) => update({ batch })}
          rule={BATCH_RULE}
          hint={`Sequences in flight at once, each with its own KV cache: 1 to ${formatCount(MAX_BATCH)}.`}
        />
      </div>
      <div className="widget-controls">
        <SelectField
          label={MEMORY_FIELD_LABELS.gpu}
          value={state.gpu}
          error={state.errors.gpu}
          onChange={(gpu) => update({ gpu })}
        >
          {GPUS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={MEMORY_FIELD_LABELS.gpus}
          value={String(state.gpuCount)}
          error={state.errors.gpus}
          onChange={(gpus) => update({ gpus })}
          hint={
            state.spec
              ? `Tensor parallelism splits the ${heads} attention heads evenly, so only counts that divide ${heads} can be chosen.`
              : "Counts that divide the model's attention heads."
          }
        >
          {gpuChoices.map((c) => (
            <option key={c.count} value={String(c.count)} disabled={!c.allowed}>
              {c.allowed ? String(c.count) : `${c.count} — does not divide ${heads} heads`}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="widget-controls" data-print="hide">
        <NumberField
          label={MEMORY_FIELD_LABELS.util}
          text={text.util}
          onText={(util) => update({ util })}
          rule={UTILIZATION_RULE}
          inputMode="decimal"
          hint={`The fraction of each GPU's memory, as CUDA reports it, that vLLM may fill: ${UTILIZATION_RULE.min} to ${UTILIZATION_RULE.max}. vLLM's default, used by every fit on this site, is ${formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}.`}
        />
        <SelectField
          label={MEMORY_FIELD_LABELS.engine}
          value={state.engine}
          error={state.errors.engine}
          onChange={(engine) => update({ engine })}
          hint={
            <>
              Whose KV-cache rule sizes sliding-window and chunked layers. vLLM V1 reserves window − 1 +
              max_num_batched_tokens per sliding layer, in 16-token blocks; llama.cpp n_swa × sequences + n_ubatch (512)
              cells, padded to 256. Full-attention layers hold the whole context either way.
            </>
          }
        >
          {ENGINE_CHOICES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </SelectField>
      </div>

      <div className={styles.share}>
        {syncUrl ? (
          <>
            <button type="button" className={styles.button} onClick={copyLink}>
              Copy link to this set-up
            </button>
            <p className="field-hint" data-print="hide">
              The link stores every field above
              {isCustom
                ? '; a pasted config.json is not included (too long for a link), so whoever opens it is asked to paste it again'
                : ''}
              .
            </p>
            <div role="status" aria-live="polite" className={styles.copyStatus} data-print="hide">
              {copy === null ? null : copy.ok ? (
                'Link copied.'
              ) : (
                <>
                  <label htmlFor={`${id}-url`}>Copying was blocked; select the link and copy it:</label>
                  <input
                    id={`${id}-url`}
                    type="text"
                    readOnly
                    value={copy.url}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                </>
              )}
            </div>
          </>
        ) : (
          <p className="field-hint" data-print="hide">
            <a href={`/tools/memory?${query}`}>Open this set-up in the full-page calculator</a>
            {isCustom ? ' (the pasted config.json does not travel with the link)' : ''}.
          </p>
        )}
        <ShareQr
          path={`/tools/memory?${query}`}
          open={shareQr}
          note={isCustom ? 'the pasted config.json is not in the link' : undefined}
        />
      </div>

      {resultsView}
    </section>
  );
}

/** The verdict, bar, GPU table and work for a state, or the fields to fix first. */
function ResultsArea({
  state,
  outcome,
  SubHeading,
}: {
  state: MemoryState;
  outcome: MemoryOutcome;
  SubHeading: 'h3' | 'h4';
}) {
  if (!outcome.ok) {
    return (
      <div className={`result ${styles.placeholder}`} role="status" aria-live="polite" aria-label="Result">
        <p>
          <strong>No result yet.</strong> Fix {outcome.blockers.length === 1 ? 'this field' : 'these fields'} first:
        </p>
        <ul>
          {outcome.blockers.map((b) => (
            <li key={`${b.field}-${b.message}`}>
              {b.field ? <strong>{MEMORY_FIELD_LABELS[b.field as MemoryField]}: </strong> : null}
              {b.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const weightInfo = weightChoiceInfo(state.weights, state.spec);
  const kvFormat = kvChoices().find((k) => k.id === state.kv)!;
  return (
    <Results
      r={outcome.results}
      state={state}
      formatName={weightInfo.name}
      kvName={kvFormat.name}
      SubHeading={SubHeading}
      caveats={weightInfo.notes}
    />
  );
}

function ConfigInput({
  text,
  onText,
  onFile,
  onExample,
  fileMessage,
  state,
  syncUrl,
}: {
  text: string;
  onText: (text: string) => void;
  onFile: (e: ChangeEvent<HTMLInputElement>) => void;
  onExample: () => void;
  fileMessage: { text: string; error: boolean } | null;
  state: MemoryState;
  syncUrl: boolean;
}) {
  const id = useId();
  // An empty box that was never typed in or left is not yet an error: its message reads as a hint until then.
  const [touched, setTouched] = useState(false);
  const error = state.errors.config;
  const showError = error !== undefined && (touched || text.trim() !== '');
  const reading = state.config;
  const describedBy = [`${id}-hint`, error ? `${id}-err` : `${id}-ok`].join(' ');
  return (
    <div className={styles.config}>
      <div className="field">
        <label htmlFor={`${id}-ta`}>{MEMORY_FIELD_LABELS.config}</label>
        <textarea
          id={`${id}-ta`}
          className={styles.textarea}
          rows={8}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setTouched(true);
            onText(e.target.value);
          }}
          onBlur={() => setTouched(true)}
          aria-invalid={showError ? true : undefined}
          aria-describedby={describedBy}
          placeholder={'{ "model_type": "llama", "hidden_size": 8192, … }'}
        />
        <p className="field-hint" id={`${id}-hint`}>
          The model&apos;s <code>config.json</code> from its Hugging Face repository. It stays in this page: nothing is
          uploaded
          {syncUrl ? ', and it is not part of the link' : ''}.
        </p>
        {showError ? (
          <p className="field-error" id={`${id}-err`} role="alert">
            {error}
          </p>
        ) : error ? (
          <p className="field-hint" id={`${id}-err`}>
            {error}
          </p>
        ) : reading?.ok ? (
          <p className={styles.read} id={`${id}-ok`}>
            Read: {reading.summary}. {configParamsLine(reading.params)}
          </p>
        ) : null}
      </div>
      <div className={styles.configSide}>
        <div className="field">
          <label htmlFor={`${id}-file`}>Or upload config.json</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            onChange={onFile}
            aria-describedby={`${id}-filecap${fileMessage ? ` ${id}-filemsg` : ''}`}
            aria-invalid={fileMessage?.error ? true : undefined}
          />
          <p className="field-hint" id={`${id}-filecap`}>
            Up to 1 MB.
          </p>
          {fileMessage ? (
            <p
              className={fileMessage.error ? 'field-error' : 'field-hint'}
              id={`${id}-filemsg`}
              role={fileMessage.error ? 'alert' : undefined}
            >
              {fileMessage.text}
            </p>
          ) : null}
        </div>
        <button type="button" className={styles.button} onClick={onExample}>
          Fill in Llama-3.1-8B&apos;s config
        </button>
      </div>
    </div>
  );
}

/** A byte count as GB over GiB, for narrow table cells. */
function TwoUnits({ bytes }: { bytes: number }) {
  return (
    <>
      {formatGB(bytes)}
      <br />
      <span className={styles.gib}>{formatGiB(bytes)}</span>
    </>
  );
}

function Results({
  r,
  state,
  formatName,
  kvName,
  SubHeading,
  caveats,
}: {
  r: MemoryResults;
  state: MemoryState;
  formatName: string;
  kvName: string;
  SubHeading: 'h3' | 'h4';
  caveats: readonly string[];
}) {
  const { fit, bar } = r;
  const batch = state.batch!;
  const context = state.contextTokens!;
  const gpu = GPUS.find((g) => g.id === state.gpu)!;
  const group = `${formatCount(state.gpuCount)} × ${gpu.name}`;
  const barLabel = `${bar.segments.map((s) => `${s.label} ${formatGB(s.bytes)}`).join(', ')}; total ${formatGB(bar.totalBytes)} against ${formatGB(bar.availableBytes)} available${bar.overflows ? ': it does not fit' : ''}.`;
  return (
    <>
      <div className="result" role="status" aria-live="polite" aria-label="Result">
        <p
          className={`result-big ${fit.verdict === 'fits' ? styles.fits : fit.verdict === 'tight' ? styles.tight : styles.noFit}`}
        >
          {memoryVerdictLabel(fit)}
        </p>
        {fit.verdict === 'tight' ? (
          <p>
            The headroom is within the model&apos;s uncertainty ({formatGiB(fit.uncertaintyBytes / fit.gpuCount, 1)} per
            GPU, the largest gap between this model and published vLLM start-up logs): read the &ldquo;Available KV
            cache memory&rdquo; line of your own log.
          </p>
        ) : null}
        <p>
          {state.modelName}, {formatName} weights, {kvName} KV cache, {formatCount(batch)} × {formatCount(context)}{' '}
          tokens on {group}: needs <strong>{formatBytesBoth(fit.requiredBytes)}</strong> of{' '}
          <strong>{formatBytesBoth(fit.availableBytes)}</strong> — {formatHeadroom(fit.headroomBytes)}.
          {state.gpuCount > 1 ? (
            <>
              {' '}
              Each GPU holds {formatBytesBoth(fit.perGpuBytes)} of its {formatBytesBoth(fit.perGpuAvailableBytes)}.
            </>
          ) : null}
        </p>
        <ul className={styles.limits}>
          <li>
            Largest batch at {formatCount(context)} tokens:{' '}
            <strong>
              {fit.maxBatchAtContext === 0
                ? 'none — not even one sequence fits'
                : `${formatCount(fit.maxBatchAtContext)} sequence${fit.maxBatchAtContext === 1 ? '' : 's'}${fit.maxBatchAtContext === MAX_BATCH ? " (the calculator's limit)" : ''}`}
            </strong>
          </li>
          <li>
            Longest context at batch {formatCount(batch)}:{' '}
            <strong>
              {fit.maxContextAtBatch === 0
                ? 'none — the weights and overhead leave no room'
                : `${formatCount(fit.maxContextAtBatch)} tokens${fit.contextLimitedBy === 'model' ? " (the model's maximum; memory would allow more)" : ''}`}
            </strong>
          </li>
          <li>
            Room for KV cache: <strong>{formatCount(fit.maxTotalKvTokens)} tokens</strong> in all sequences together, at{' '}
            {formatBytesPerToken(fit.estimate.kvCacheBytesPerToken)} per token
            {fit.estimate.kvReplication === 1
              ? ''
              : `, kept in ${formatCount(fit.estimate.kvReplication)} copies across the GPUs`}
          </li>
        </ul>
      </div>

      <figure className={styles.figure}>
        <figcaption className={styles.caption}>
          Where the memory goes, against what {group} offers at gpu_memory_utilization{' '}
          {formatNumber(state.memoryUtilization, 2)}
        </figcaption>
        <div className={styles.bar} role="img" aria-label={barLabel}>
          {bar.segments.map((s) => (
            <span
              key={s.id}
              className={`${styles.seg} ${styles[s.id]}`}
              style={{ left: cssPercent(s.start), width: cssPercent(s.width) }}
            />
          ))}
          <span className={styles.line} style={{ left: cssPercent(bar.availableAt) }} />
        </div>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Memory by term">
          <table className={`table ${styles.legend}`}>
            <caption className="sr-only">Memory by term, in GB (10⁹ bytes) and GiB (2³⁰ bytes)</caption>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col" className="num">
                  GB
                </th>
                <th scope="col" className="num">
                  GiB
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {bar.segments.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <span className={styles.term}>
                      <span className={`${styles.swatch} ${styles[s.id]}`} aria-hidden="true" />
                      {s.label}
                    </span>
                  </th>
                  <td className="num">{formatNumber(bytesToGB(s.bytes), 2)}</td>
                  <td className="num">{formatNumber(bytesToGiB(s.bytes), 2)}</td>
                  <td className="num">{formatShare(s.shareOfTotal)}</td>
                </tr>
              ))}
              <tr className={styles.total}>
                <th scope="row">Total needed</th>
                <td className="num">{formatNumber(bytesToGB(bar.totalBytes), 2)}</td>
                <td className="num">{formatNumber(bytesToGiB(bar.totalBytes), 2)}</td>
                <td className="num">100%</td>
              </tr>
              <tr>
                <th scope="row">
                  <span className={styles.term}>
                    <span className={styles.lineSwatch} aria-hidden="true" />
                    Available (dashed line)
                  </span>
                </th>
                <td className="num">{formatNumber(bytesToGB(bar.availableBytes), 2)}</td>
                <td className="num">{formatNumber(bytesToGiB(bar.availableBytes), 2)}</td>
                <td className="num">—</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="field-hint">
          GB = 10⁹ bytes, as datasheets and file sizes count; GiB = 2³⁰ bytes, as nvidia-smi and allocators count.
        </p>
      </figure>

      {r.warnings.length > 0 ? (
        <ul className={styles.warnings} aria-label="Warnings">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      <SubHeading className={styles.subheading}>Which GPUs hold this set-up</SubHeading>
      <p className="field-hint">
        Same model, formats and load on each catalog GPU, 1 to 8 of them (only counts that divide the attention heads).
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Which GPUs hold this set-up">
        <table className={`table ${styles.gpuTable}`}>
          <caption className="sr-only">Fewest GPUs of each kind that hold the set-up</caption>
          <thead>
            <tr>
              <th scope="col">GPU</th>
              <th scope="col" className="num">
                Usable per GPU
              </th>
              <th scope="col" className="num">
                Fewest GPUs
              </th>
              <th scope="col" className="num">
                Each GPU holds
              </th>
            </tr>
          </thead>
          <tbody>
            {r.gpuTable.map((row) => (
              <tr key={row.gpu.id} className={row.gpu.id === state.gpu ? styles.selected : undefined}>
                <th scope="row">
                  {row.gpu.name}
                  {row.gpu.id === state.gpu ? <span className={styles.selectedTag}> (selected)</span> : null}
                </th>
                <td className="num">
                  <TwoUnits bytes={row.perGpuAvailableBytes} />
                </td>
                <td className="num">
                  {row.minGpus === null
                    ? `none of ${row.tried.join('/')}`
                    : `${formatCount(row.minGpus)}${row.verdict === 'tight' ? ' (tight)' : ''}`}
                </td>
                <td className="num">{row.perGpuBytes === null ? '—' : <TwoUnits bytes={row.perGpuBytes} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <details className="work">
        <summary>Show the work</summary>
        <p>Every term, with this set-up&apos;s numbers (1 GB = 10⁹ bytes, 1 GiB = 2³⁰ bytes):</p>
        <ol className={styles.terms}>
          {fit.estimate.terms.map((t) => (
            <li key={t.id}>
              <strong>{t.label}</strong>: <code>{t.formula}</code>
            </li>
          ))}
          <li>
            <strong>Available</strong>: <code>{r.availableFormula}</code>
          </li>
        </ol>
        <p>
          <strong>Bits per weight of {formatName}</strong>, scales and zero-points included:{' '}
          <code>{r.bits.formula}</code>. The embedding, output head and norms stay at 16 bits where the format keeps
          them there (GPTQ, AWQ, bitsandbytes); GGUF quantises them too.
        </p>
        {r.bits.assumptions.length + caveats.length > 0 ? (
          <ul>
            {[...r.bits.assumptions, ...caveats].map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        ) : null}
        <p>
          <strong>KV cache per token</strong> at {kvName}: <code>{r.kvFormula.formula}</code> ={' '}
          {formatBytesPerToken(r.kvFormula.bytesPerToken)} ({formatCount(r.kvFormula.valuesPerToken)} cached values per
          token). It depends on the attention shape and the KV precision, never on the weight format.{' '}
          {state.engine === 'vllm'
            ? 'The KV term counts what vLLM reserves per sequence: the context in 16-token blocks, and on a sliding-window layer window − 1 + max_num_batched_tokens in blocks (+ 1), not just the window.'
            : 'The KV term counts what llama.cpp reserves: n_ctx cells per layer, and on a sliding-window layer n_swa × sequences + n_ubatch (512) cells padded to 256, not just the window.'}
        </p>
        <p>
          <strong>Largest batch and context</strong>: the largest whole numbers for which the same total still fits,
          found by exact bisection (lib/sizing <code>fitOnGpu</code>). The activation peak and non-torch memory follow
          vLLM&apos;s start-up profile for this GPU, calibrated on published vLLM logs (see{' '}
          <a href="/sources">sources</a>); the budget is gpu_memory_utilization × the memory CUDA reports, as vLLM
          computes it.
        </p>
      </details>
    </>
  );
}
