/**
 * The accuracy lab's view logic (no React, no DOM): which formats it lists and in which order, the table rows
 * (perplexity, Δ vs fp16, flip rate, mean KL, bits per weight), the precomputed results, the side-by-side
 * marking of two continuations, and the messages between the page and its worker.
 */
import { formatBitsPerWeight as formatBits } from '@/lib/units';
import { labBitsPerWeight, LAB_STORAGE } from '@/lib/lab/storage';
import type { LabConfig } from '@/lib/lab/model';
import precomputed from './lab-results.json';

/** One format or method of the lab, in table order: fp16 first, then by bits, RTN before the calibrated methods. */
export interface LabFormat {
  readonly id: string;
  /** Short name for the table and the select. */
  readonly label: string;
  /** What it is, in a few words. */
  readonly detail: string;
  /** Whether it needs the calibration text (GPTQ, AWQ, SmoothQuant): slower, several seconds. */
  readonly calibrated: boolean;
}

export const LAB_FORMATS: readonly LabFormat[] = [
  { id: 'fp16', label: 'FP16', detail: 'the trained model as shipped', calibrated: false },
  { id: 'int8', label: 'INT8', detail: 'weights only, per channel', calibrated: false },
  { id: 'w8a8', label: 'W8A8', detail: 'INT8 weights and per-token INT8 activations', calibrated: false },
  { id: 'smoothquant-w8a8', label: 'SmoothQuant W8A8', detail: 'W8A8 with smoothing, α = 0.5', calibrated: true },
  { id: 'nf4', label: 'NF4', detail: 'bitsandbytes NF4, block 64', calibrated: false },
  { id: 'int4-g128', label: 'INT4 RTN', detail: 'round-to-nearest, group 128', calibrated: false },
  { id: 'gptq4-g128', label: 'GPTQ INT4', detail: 'group 128, calibrated', calibrated: true },
  { id: 'awq4-g128', label: 'AWQ INT4', detail: 'group 128, calibrated', calibrated: true },
  { id: 'int3-g128', label: 'INT3 RTN', detail: 'round-to-nearest, group 128', calibrated: false },
  { id: 'gptq3-g128', label: 'GPTQ INT3', detail: 'group 128, calibrated', calibrated: true },
  { id: 'awq3-g128', label: 'AWQ INT3', detail: 'group 128, calibrated', calibrated: true },
  { id: 'int2-g128', label: 'INT2 RTN', detail: 'round-to-nearest, group 128', calibrated: false },
];

const BY_ID = new Map(LAB_FORMATS.map((f) => [f.id, f]));

/** The format with this id, or null. */
export function labFormat(id: string): LabFormat | null {
  return BY_ID.get(id) ?? null;
}

/** One format's numbers on the held-out slice (fp16 has 0 flips and 0 KL by definition). */
export interface LabResult {
  readonly perplexity: number;
  readonly flips: number;
  readonly predictions: number;
  readonly klMeanNats: number;
  /** Seconds the run took (quantize + evaluate), where it was measured. */
  readonly seconds: number;
}

/** The lab model's shapes (bench/lab/labmodel.py preset `lab`), for bits per weight before the file is loaded. */
export const LAB_SHAPES: Pick<LabConfig, 'dModel' | 'dMlp'> = { dModel: 256, dMlp: 768 };

interface PrecomputedFile {
  weightsSha256: string;
  tokens: number;
  predictions: number;
  results: Record<string, { perplexity: number; flips: number; klMeanNats: number; seconds: number }>;
}

/** The committed results (components/accuracy/model/lab-results.json, written by bench/lab/write-lab-results.ts). */
export const PRECOMPUTED: { readonly weightsSha256: string; readonly results: ReadonlyMap<string, LabResult> } =
  (() => {
    const file = precomputed as PrecomputedFile;
    return {
      weightsSha256: file.weightsSha256,
      results: new Map(
        Object.entries(file.results).map(([id, r]) => [id, { ...r, predictions: file.predictions }] as const),
      ),
    };
  })();

/** One row of the table, formatted; `null` numbers show as "not run". */
export interface TableRow {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly bitsPerWeight: string;
  readonly perplexity: string | null;
  readonly delta: string | null;
  readonly flipRate: string | null;
  readonly kl: string | null;
  /** Where the numbers come from. */
  readonly source: 'browser' | 'precomputed' | 'none';
}

const MINUS = '−';
const signed = (x: number, digits: number) => `${x < 0 ? MINUS : '+'}${Math.abs(x).toFixed(digits)}`;

/** A share as a percentage with one decimal: 0.0185546875 → "1.9 %". */
export function formatShare(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

/**
 * Bits per weight of the quantized linear layers, by lib/formats' storage rule
 * (lib/lab `labBitsPerWeight`), with at most 3 decimals (lib/units): "16", "8.1", "4.156".
 */
export function labBits(id: string, shapes: Pick<LabConfig, 'dModel' | 'dMlp'> = LAB_SHAPES): string {
  if (!LAB_STORAGE[id]) return '—';
  const config = { ...shapes, vocabSize: 256, contextTokens: 256, nLayers: 1, nHeads: 1, normEps: 0 };
  return formatBits(labBitsPerWeight(config, id));
}

/**
 * The table rows in LAB_FORMATS order. For each format: this browser's result if there is one, else the
 * precomputed one, else nothing. Δ vs fp16 = ppl − ppl(fp16) (absolute, and relative in %), taken from the same
 * source as the row when fp16 has been run there, else from the precomputed fp16.
 */
export function tableRows(
  browser: ReadonlyMap<string, LabResult>,
  pre: ReadonlyMap<string, LabResult> = PRECOMPUTED.results,
): TableRow[] {
  return LAB_FORMATS.map((f) => {
    const mine = browser.get(f.id);
    const r = mine ?? pre.get(f.id);
    const source: TableRow['source'] = mine ? 'browser' : r ? 'precomputed' : 'none';
    const base = (mine ? browser.get('fp16') : undefined) ?? pre.get('fp16') ?? browser.get('fp16');
    // A perplexity is ≥ 1 (exp of a mean of −log p, p ≤ 1); anything else is not shown rather than printed as NaN.
    const valid = (x: LabResult | undefined): x is LabResult =>
      !!x && Number.isFinite(x.perplexity) && x.perplexity >= 1;
    const ok = valid(r);
    const d = ok && valid(base) ? r.perplexity - base.perplexity : null;
    return {
      id: f.id,
      label: f.label,
      detail: f.detail,
      bitsPerWeight: labBits(f.id),
      perplexity: ok ? r.perplexity.toFixed(4) : null,
      delta:
        f.id === 'fp16' && ok
          ? '—'
          : d !== null && valid(base) && Number.isFinite(d) && Number.isFinite(100 * (d / base.perplexity))
            ? `${signed(d, 4)} (${signed(100 * (d / base.perplexity), 2)} %)`
            : null,
      flipRate:
        ok && r.predictions > 0 && Number.isFinite(r.flips)
          ? `${formatShare(r.flips / r.predictions)} (${r.flips})`
          : null,
      kl: ok && Number.isFinite(r.klMeanNats) ? (r.klMeanNats === 0 ? '0' : r.klMeanNats.toPrecision(3)) : null,
      source,
    };
  });
}

/** A run of characters in a continuation: the same as the other side at the same position, or not. */
export interface DiffSegment {
  readonly text: string;
  readonly same: boolean;
}

/**
 * Marks where `text` differs from `other`, character by character at the same position (greedy continuations of
 * the same prompt: once they diverge they rarely line up again, so position is the honest comparison).
 * Consecutive characters with the same status are merged. Characters past the end of `other` differ.
 *
 * @example diffByPosition('the lord', 'the LORD') // [{ text: 'the ', same: true }, { text: 'lord', same: false }]
 */
export function diffByPosition(text: string, other: string): DiffSegment[] {
  const a = Array.from(text);
  const b = Array.from(other);
  const out: { text: string; same: boolean }[] = [];
  a.forEach((ch, i) => {
    const same = ch === b[i];
    const last = out[out.length - 1];
    if (last && last.same === same) last.text += ch;
    else out.push({ text: ch, same });
  });
  return out;
}

/** Index of the first character where the two differ, or null when one is a prefix of the other and equal in length. */
export function firstDifference(a: string, b: string): number | null {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return i;
  return null;
}

/** Characters the prompt box accepts, and tokens (bytes) generated per continuation. */
export const MAX_PROMPT_CHARS = 200;
export const CONTINUATION_TOKENS = 120;

/** A request from the page to the worker. `modelUrl` is fetched once per worker. */
export type AccuracyRequest =
  | { readonly type: 'evaluate'; readonly id: number; readonly modelUrl: string; readonly formats: readonly string[] }
  | {
      readonly type: 'generate';
      readonly id: number;
      readonly modelUrl: string;
      readonly prompt: string;
      readonly format: string;
      readonly maxNewTokens: number;
    };

/** A request as the page writes it: the widget adds `id` and `modelUrl`. */
export type AccuracyRequestBody = AccuracyRequest extends infer R
  ? R extends AccuracyRequest
    ? Omit<R, 'id' | 'modelUrl'>
    : never
  : never;

/** What the worker is doing, for the progress line. */
export type AccuracyPhase = 'download' | 'quantize' | 'evaluate' | 'generate';

/** What the worker posts back, tagged with the request's id. */
export type AccuracyMessage =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly phase: AccuracyPhase;
      /** The format being worked on (null while downloading). */
      readonly format: string | null;
      /** 0 to 1 within this phase, or null when unknown (a download without Content-Length). */
      readonly fraction: number | null;
      /** Bytes received so far, while downloading. */
      readonly bytes?: number;
    }
  | { readonly type: 'row'; readonly id: number; readonly format: string; readonly result: LabResult }
  | {
      readonly type: 'continuation';
      readonly id: number;
      readonly format: string;
      readonly reference: string;
      readonly quantized: string;
    }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Checks the prompt box: null when it can run, else what to fix. */
export function promptProblem(prompt: string): string | null {
  if (prompt.trim().length === 0) return 'Type a prompt first.';
  if (Array.from(prompt).length > MAX_PROMPT_CHARS)
    return `Keep the prompt to ${MAX_PROMPT_CHARS} characters (it has ${Array.from(prompt).length}).`;
  return null;
}

/** sessionStorage key of the results computed in this browser (per model file). */
export const SESSION_KEY = `accuracy-lab:${PRECOMPUTED.weightsSha256.slice(0, 16)}`;

/** Reads cached results from a sessionStorage string; anything malformed is dropped, never thrown. */
export function readSessionResults(json: string | null): Map<string, LabResult> {
  const out = new Map<string, LabResult>();
  if (!json) return out;
  try {
    const data = JSON.parse(json) as unknown;
    if (typeof data !== 'object' || data === null) return out;
    for (const [id, r] of Object.entries(data as Record<string, unknown>)) {
      if (!BY_ID.has(id) || typeof r !== 'object' || r === null) continue;
      const { perplexity, flips, predictions, klMeanNats, seconds } = r as Record<string, unknown>;
      const nums = [perplexity, flips, predictions, klMeanNats, seconds];
      if (nums.every((v) => typeof v === 'number' && Number.isFinite(v)))
        out.set(id, { perplexity, flips, predictions, klMeanNats, seconds } as LabResult);
    }
  } catch {
    // a corrupt cache is ignored
  }
  return out;
}
