/**
 * What the accuracy lab's Web Worker does, apart from the worker's wiring so Node tests can run it: download the
 * model once (with progress), then evaluate formats on the held-out slice or continue a prompt at fp16 and in a
 * chosen format. Every request ends in `done` or one `error` message; nothing throws. The page never imports
 * this module (it would pull lib/lab and the quantizers into the page's JavaScript); only the worker does.
 * Cancelling is the page's job: it terminates the worker (a run is one synchronous computation).
 */
import { CALIBRATED_QUANTIZERS, isCalibrated, quantizeModelCalibrated } from '@/lib/lab/calibrated';
import { continuePrompt } from '@/lib/lab/generate';
import { compareToReference, evaluateTokens, type TokenEvaluation } from '@/lib/lab/metrics';
import { loadLabModel, type LabModel } from '@/lib/lab/model';
import { BUILTIN_QUANTIZERS, quantizeModel, type LabQuantizer } from '@/lib/lab/quantize-model';
import { encodeText } from '@/lib/lab/tokenizer';
import heldout from '@/lib/lab/data/kjv-heldout.json';
import calibrationText from '@/lib/lab/data/kjv-calibration.json';
import type { AccuracyMessage, AccuracyRequest, LabResult } from './accuracyLab';

/** Held-out tokens evaluated: 1,025 (1,024 predictions, 4 windows), as bench/lab/eval.py and the fixtures. */
export const EVAL_TOKENS = 1025;
/** Largest model file accepted (the lab model is about 4.2 MB; issue 16 caps it at 5 MB). */
export const MAX_MODEL_BYTES = 8_000_000;
/** Quantized models kept for prompts, most recent last (each about 8 MB of float32 weights). */
const KEEP_QUANTIZED = 2;

const QUANTIZERS = new Map<string, LabQuantizer>(
  [...BUILTIN_QUANTIZERS, ...CALIBRATED_QUANTIZERS].map((q) => [q.id, q]),
);

/** How the worker fetches: `fetch` in the browser; tests pass their own. */
export type Fetcher = (url: string) => Promise<Response>;

/** The worker's state between requests: the model (once downloaded), its fp16 evaluation, recent quantized models. */
export interface AccuracyState {
  modelUrl: string | null;
  model: LabModel | null;
  reference: TokenEvaluation | null;
  quantized: [string, LabModel][];
}

export function createState(): AccuracyState {
  return { modelUrl: null, model: null, reference: null, quantized: [] };
}

/**
 * Downloads the model file, posting progress as bytes arrive (a fraction when the server sends Content-Length).
 * @throws {Error} with a message for the page when the download or the file fails
 */
async function download(url: string, id: number, post: (m: AccuracyMessage) => void, fetcher: Fetcher) {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (err) {
    throw new Error(
      `Could not download the model (${url}): ${err instanceof Error ? err.message : String(err)}. Check the connection and run again.`,
    );
  }
  if (!res.ok) throw new Error(`Could not download the model (${url}): the server answered ${res.status}.`);
  const total = Number(res.headers.get('content-length')) || null;
  if (total !== null && total > MAX_MODEL_BYTES)
    throw new Error(`The model file is ${total} bytes, more than the ${MAX_MODEL_BYTES} the lab accepts.`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (received > MAX_MODEL_BYTES)
      throw new Error(`The model file is more than the ${MAX_MODEL_BYTES} bytes the lab accepts.`);
    post({
      type: 'progress',
      id,
      phase: 'download',
      format: null,
      fraction: total ? received / total : null,
      bytes: received,
    });
  }
  const bytes = new Uint8Array(received);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return bytes;
}

async function ensureModel(
  state: AccuracyState,
  url: string,
  id: number,
  post: (m: AccuracyMessage) => void,
  fetcher: Fetcher,
): Promise<LabModel> {
  if (state.model && state.modelUrl === url) return state.model;
  const bytes = await download(url, id, post, fetcher);
  let model: LabModel;
  try {
    model = loadLabModel(bytes);
  } catch (err) {
    throw new Error(`The downloaded file is not a lab model: ${err instanceof Error ? err.message : String(err)}`);
  }
  Object.assign(state, { model, modelUrl: url, reference: null, quantized: [] });
  return model;
}

const heldoutTokens = () => encodeText((heldout as { text: string }).text).subarray(0, EVAL_TOKENS);

function quantized(state: AccuracyState, model: LabModel, format: string, onFraction: (f: number) => void): LabModel {
  if (format === 'fp16') return model;
  const hit = state.quantized.find(([f]) => f === format);
  if (hit) return hit[1];
  const q = QUANTIZERS.get(format);
  if (!q) throw new Error(`Unknown format "${format}".`);
  const qm = isCalibrated(q)
    ? quantizeModelCalibrated(model, q, encodeText((calibrationText as { text: string }).text), {
        onProgress: (d, t) => onFraction(d / t),
      })
    : quantizeModel(model, q);
  state.quantized = [...state.quantized.filter(([f]) => f !== format), [format, qm] as [string, LabModel]].slice(
    -KEEP_QUANTIZED,
  );
  return qm;
}

/**
 * Runs one request against `state`, posting progress, rows or a continuation, then `done`; or one `error`.
 * `now` gives milliseconds (for the seconds each format took).
 */
export async function handleRequest(
  state: AccuracyState,
  request: AccuracyRequest,
  post: (m: AccuracyMessage) => void,
  fetcher: Fetcher,
  now: () => number = Date.now,
): Promise<void> {
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    if (typeof request !== 'object' || request === null) throw new TypeError('The request is empty.');
    const model = await ensureModel(state, request.modelUrl, id, post, fetcher);
    const tokens = heldoutTokens();
    const progress = (phase: 'quantize' | 'evaluate' | 'generate', format: string) => (fraction: number) =>
      post({ type: 'progress', id, phase, format, fraction });
    if (request.type === 'evaluate') {
      for (const format of request.formats) {
        if (format !== 'fp16' && !QUANTIZERS.has(format)) throw new Error(`Unknown format "${format}".`);
        const t0 = now();
        if (!state.reference) {
          state.reference = evaluateTokens(model, tokens, (d, t) => progress('evaluate', 'fp16')(d / t));
        }
        let result: LabResult;
        if (format === 'fp16') {
          const ev = state.reference;
          result = {
            perplexity: ev.perplexity,
            flips: 0,
            predictions: ev.predictions,
            klMeanNats: 0,
            seconds: (now() - t0) / 1000,
          };
        } else {
          const qm = quantized(state, model, format, progress('quantize', format));
          const ev = evaluateTokens(qm, tokens, (d, t) => progress('evaluate', format)(d / t));
          const cmp = compareToReference(ev, state.reference);
          result = {
            perplexity: ev.perplexity,
            flips: cmp.flips,
            predictions: ev.predictions,
            klMeanNats: cmp.klMeanNats,
            seconds: (now() - t0) / 1000,
          };
        }
        post({ type: 'row', id, format, result });
      }
    } else if (request.type === 'generate') {
      const options = { maxNewTokens: request.maxNewTokens, mode: 'greedy' as const };
      post({ type: 'progress', id, phase: 'generate', format: 'fp16', fraction: 0 });
      const reference = continuePrompt(model, request.prompt, options).text;
      const qm = quantized(state, model, request.format, progress('quantize', request.format));
      post({ type: 'progress', id, phase: 'generate', format: request.format, fraction: 0.5 });
      const text = continuePrompt(qm, request.prompt, options).text;
      post({ type: 'continuation', id, format: request.format, reference, quantized: text });
    } else {
      throw new TypeError(`Unknown request type "${String((request as { type?: unknown }).type)}".`);
    }
    post({ type: 'done', id });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
