'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { SelectField } from '@/components/ui/SelectField';
import { prefixed } from '@/components/ui/prefixed';
// The view model only: model/accuracyRun (lib/lab and the quantizers) must stay out of the page's JavaScript.
import {
  CONTINUATION_TOKENS,
  diffByPosition,
  firstDifference,
  LAB_FORMATS,
  labFormat,
  MAX_PROMPT_CHARS,
  promptProblem,
  readSessionResults,
  SESSION_KEY,
  tableRows,
  type AccuracyMessage,
  type AccuracyPhase,
  type AccuracyRequest,
  type AccuracyRequestBody,
  type LabResult,
} from './model/accuracyLab';
import './AccuracyLab.css';

const styles = prefixed('al');

/** The lab model, served from public/lab/. */
export const LAB_MODEL_URL = '/lab/kjv-lab.safetensors';

/** Starts the lab's worker. Next bundles this expression in development; the islands build rewrites its URL. */
function startWorker(): Worker {
  return new Worker(new URL('./accuracyLab.worker.ts', import.meta.url), { type: 'module' });
}

const PHASE_LABEL: Record<AccuracyPhase, string> = {
  download: 'Downloading the model',
  quantize: 'Quantizing',
  evaluate: 'Evaluating',
  generate: 'Generating',
};

interface Progress {
  phase: AccuracyPhase;
  format: string | null;
  fraction: number | null;
  bytes?: number;
}

interface Continuation {
  prompt: string;
  format: string;
  reference: string;
  quantized: string;
}

/**
 * The accuracy lab: the small KJV model at fp16 and in every lab format, evaluated in a Web Worker on 1,024
 * held-out predictions (perplexity, Δ vs fp16, next-token flips, mean KL), with precomputed numbers shown until
 * the learner runs a format here; and a prompt box comparing greedy continuations at fp16 and in one format.
 */
export function AccuracyLab({ modelUrl = LAB_MODEL_URL }: { modelUrl?: string }) {
  const headingId = useId();
  const promptId = useId();
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(0);
  const activeId = useRef<number | null>(null);
  const promptedRef = useRef('');
  const [results, setResults] = useState<Map<string, LabResult>>(() => new Map());
  const [format, setFormat] = useState('int4-g128');
  const [running, setRunning] = useState<null | 'evaluate' | 'generate'>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [prompt, setPrompt] = useState('And God said, ');
  const [promptFormat, setPromptFormat] = useState('int3-g128');
  const [promptError, setPromptError] = useState<string | null>(null);
  const [continuation, setContinuation] = useState<Continuation | null>(null);

  // Results computed earlier in this browser session.
  useEffect(() => {
    // sessionStorage exists only after hydration (the server renders the precomputed table); read it once here.
    let saved: Map<string, LabResult>;
    try {
      saved = readSessionResults(window.sessionStorage.getItem(SESSION_KEY));
    } catch {
      return; // storage blocked: start empty
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved.size > 0) setResults(saved);
  }, []);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const remember = useCallback((id: string, r: LabResult) => {
    setResults((prev) => {
      const next = new Map(prev).set(id, r);
      try {
        window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(Object.fromEntries(next)));
      } catch {
        // storage full or blocked: keep the results in memory only
      }
      return next;
    });
  }, []);

  const send = useCallback(
    (request: AccuracyRequestBody, prompted?: string) => {
      const id = ++nextId.current;
      activeId.current = id;
      setError(null);
      setNotice(null);
      setRunning(request.type);
      setProgress(null);
      promptedRef.current = prompted ?? '';
      let w = worker.current;
      if (!w) {
        let fresh: Worker;
        try {
          fresh = startWorker();
        } catch (err) {
          setRunning(null);
          setError(
            `The lab could not start its background worker: ${err instanceof Error ? err.message : String(err)}`,
          );
          return;
        }
        // One handler per worker, set when it starts; requests are told apart by id (activeId).
        fresh.onmessage = (e: MessageEvent<AccuracyMessage>) => {
          const m = e.data;
          if (m.id !== activeId.current) return;
          if (m.type === 'progress')
            setProgress({ phase: m.phase, format: m.format, fraction: m.fraction, bytes: m.bytes });
          else if (m.type === 'row') remember(m.format, m.result);
          else if (m.type === 'continuation')
            setContinuation({
              prompt: promptedRef.current,
              format: m.format,
              reference: m.reference,
              quantized: m.quantized,
            });
          else {
            activeId.current = null;
            setRunning(null);
            setProgress(null);
            if (m.type === 'error') setError(m.message);
          }
        };
        fresh.onerror = (e: ErrorEvent) => {
          e.preventDefault();
          fresh.terminate();
          if (worker.current === fresh) worker.current = null;
          activeId.current = null;
          setRunning(null);
          setProgress(null);
          setError(`The lab's background worker failed${e.message ? ` (${e.message})` : ''}. Try again.`);
        };
        worker.current = fresh;
        w = fresh;
      }
      const current = w;
      current.postMessage({ ...request, id, modelUrl } as AccuracyRequest);
    },
    [modelUrl, remember],
  );

  const cancel = () => {
    worker.current?.terminate();
    worker.current = null;
    activeId.current = null;
    setRunning(null);
    setProgress(null);
    setNotice('Cancelled. Rows already computed are kept.');
  };

  const runOne = () => send({ type: 'evaluate', formats: format === 'fp16' ? ['fp16'] : ['fp16', format] });
  const runAll = () => {
    const todo = LAB_FORMATS.map((f) => f.id).filter((id) => !results.has(id));
    if (todo.length === 0) {
      setNotice('Every format has already been run in this browser.');
      return;
    }
    send({ type: 'evaluate', formats: todo.includes('fp16') ? todo : ['fp16', ...todo] });
  };
  const runPrompt = () => {
    const problem = promptProblem(prompt);
    setPromptError(problem);
    if (problem) return;
    send({ type: 'generate', prompt, format: promptFormat, maxNewTokens: CONTINUATION_TOKENS }, prompt);
  };

  const rows = tableRows(results);
  const busyFormat = running === 'evaluate' ? progress?.format : null;

  return (
    <section className={`widget ${styles.lab}`} aria-labelledby={headingId}>
      <h3 id={headingId}>Accuracy lab: a small model, quantized in your browser</h3>
      <p className="field-hint">
        A 2.1 M-parameter byte-level model trained on the King James Bible, judged on 1,024 next-byte predictions of
        held-out text. Numbers marked “precomputed” were computed by this site&apos;s code on this model; run a format
        to compute it again here: a few seconds per format, longer for GPTQ and AWQ, which calibrate first (10–40 s each
        on our small build machine).
      </p>
      <div className="widget-controls">
        <SelectField label="Format or method" value={format} onChange={setFormat}>
          {LAB_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label} ({f.detail})
            </option>
          ))}
        </SelectField>
      </div>
      <div className={styles.buttons}>
        <button type="button" onClick={runOne} disabled={running !== null}>
          Run {labFormat(format)?.label ?? format}
        </button>
        <button type="button" onClick={runAll} disabled={running !== null}>
          Run all
        </button>
        <button type="button" onClick={cancel} disabled={running === null}>
          Cancel
        </button>
      </div>

      <div className={styles.status} role="status" aria-live="polite" aria-label="Accuracy lab status">
        {running ? (
          <p>
            {progress ? describeProgress(progress) : 'Starting…'}{' '}
            <progress max={1} value={progress?.fraction ?? undefined} aria-label="Accuracy lab progress" />
          </p>
        ) : notice ? (
          <p>{notice}</p>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}

      <div className="table-wrap" tabIndex={0} role="region" aria-label="Accuracy by format">
        <table className="table">
          <caption>
            Held-out accuracy of the small model by format (1,024 predictions; lower perplexity, fewer flips and lower
            KL are better)
          </caption>
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Bits per weight
              </th>
              <th scope="col" className="num">
                Perplexity
              </th>
              <th scope="col" className="num">
                Δ vs FP16
              </th>
              <th scope="col" className="num">
                Next-token flips
              </th>
              <th scope="col" className="num">
                Mean KL (nats)
              </th>
              <th scope="col">Numbers</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-format={r.id} aria-busy={busyFormat === r.id ? true : undefined}>
                <th scope="row">
                  {r.label} <span className="muted">{r.detail}</span>
                </th>
                <td className="num">{r.bitsPerWeight}</td>
                <td className="num">{r.perplexity ?? 'not run'}</td>
                <td className="num">{r.delta ?? '—'}</td>
                <td className="num">{r.flipRate ?? '—'}</td>
                <td className="num">{r.kl ?? '—'}</td>
                <td>
                  {r.source === 'browser'
                    ? `run here (${(results.get(r.id)?.seconds ?? 0).toFixed(1)} s)`
                    : r.source === 'precomputed'
                      ? 'precomputed'
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>Type a prompt: FP16 and a quantized format, side by side</h4>
      <div className="widget-controls">
        <div className="field">
          <label htmlFor={promptId}>Prompt</label>
          <textarea
            id={promptId}
            rows={2}
            value={prompt}
            maxLength={MAX_PROMPT_CHARS * 2}
            onChange={(e) => setPrompt(e.target.value)}
            aria-invalid={promptError ? true : undefined}
            aria-describedby={promptError ? `${promptId}-err` : `${promptId}-hint`}
          />
          <p className="field-hint" id={`${promptId}-hint`}>
            The model has only read the King James Bible, byte by byte: biblical English works best.
          </p>
          {promptError ? (
            <p className="field-error" id={`${promptId}-err`}>
              {promptError}
            </p>
          ) : null}
        </div>
        <SelectField label="Compare FP16 with" value={promptFormat} onChange={setPromptFormat}>
          {LAB_FORMATS.filter((f) => f.id !== 'fp16').map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className={styles.buttons}>
        <button type="button" onClick={runPrompt} disabled={running !== null}>
          Continue the prompt
        </button>
      </div>
      {continuation ? <Continuations c={continuation} /> : null}

      <details className={styles.about}>
        <summary>What a 2 M-parameter model can and cannot tell you about a 70B one</summary>
        <p>
          It can show what the metrics mean and how the methods rank on a real trained network: perplexity barely moves
          at 8 bits, 4-bit formats cost a little, 3 bits costs more unless the method corrects for it, 2-bit RTN breaks
          the model; flips and KL see differences that perplexity hides. The numbers were checked against a PyTorch
          evaluation of the same quantized weights.
        </p>
        <p>
          It cannot give the size of the effect at 70B. A small model has little redundancy, so each rounding error
          matters more (small models lose more from quantization in every published comparison). And the large
          activation outliers that make 8-bit activations hard in big models only emerge at scale: LLM.int8() found them
          from about 6.7B parameters (Dettmers et al., arXiv 2208.07339, §4), so W8A8 here is easier than in a 70B model
          and SmoothQuant has little to fix. For the published 70B numbers see the{' '}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an island runs without Next's router */}
          <a href="/lessons/precision">precision lesson</a> and the{' '}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an island runs without Next's router */}
          <a href="/lessons/methods">methods lesson</a>.
        </p>
      </details>
    </section>
  );
}

function describeProgress(p: Progress): string {
  const name = p.format ? ` ${labFormat(p.format)?.label ?? p.format}` : '';
  const pct = p.fraction !== null ? ` ${Math.round(p.fraction * 100)}%` : '';
  const bytes = p.phase === 'download' && p.bytes !== undefined ? ` (${(p.bytes / 1e6).toFixed(1)} MB)` : '';
  return `${PHASE_LABEL[p.phase]}${name}…${pct}${bytes}`;
}

/** The two continuations, with the characters where the quantized one differs marked (not by colour alone). */
function Continuations({ c }: { c: Continuation }) {
  const label = labFormat(c.format)?.label ?? c.format;
  const at = firstDifference(c.reference, c.quantized);
  const summary =
    at === null
      ? `${label} continues exactly as FP16 for all ${Array.from(c.reference).length} characters.`
      : `${label} first differs from FP16 at character ${at + 1}; differing characters are underlined and marked.`;
  return (
    <div className={styles.continuations}>
      <p className={styles.summary}>{summary}</p>
      <div className={styles.pair}>
        <figure className={styles.side}>
          <figcaption>FP16</figcaption>
          <p className={styles.text}>
            <span className="muted">{c.prompt}</span>
            {c.reference}
          </p>
        </figure>
        <figure className={styles.side}>
          <figcaption>{label}</figcaption>
          <p className={styles.text}>
            <span className="muted">{c.prompt}</span>
            {diffByPosition(c.quantized, c.reference).map((s, i) =>
              s.same ? (
                <span key={i}>{s.text}</span>
              ) : (
                <mark key={i} className={styles.diff}>
                  <span className="sr-only">[differs: </span>
                  {s.text}
                  <span className="sr-only">]</span>
                </mark>
              ),
            )}
          </p>
        </figure>
      </div>
    </div>
  );
}
