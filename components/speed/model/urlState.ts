import { parseNumberInput, type NumberRule } from '@/components/ui/model';
import { MODELS } from '@/lib/models';
import { GPUS } from '@/lib/hardware';
import { MAX_BATCH } from '@/lib/sizing/defaults';
import { CHART_FORMATS, gpuCountOptions, isChartFormat, kvOptions, speedFormatIds, type ChartFormat } from './options';

/**
 * The speed calculator's state as the raw strings of its fields, which is also its
 * query string (`/tools/speed?model=llama-3.1-70b&weights=int4-g128&gpu=h100-sxm&gpus=1&batch=16&context=1024&kv=bf16&show=bf16,int4-g128`).
 */
export type SpeedStateText = {
  model: string;
  weights: string;
  gpu: string;
  /** Tensor-parallel GPU count. */
  gpus: string;
  batch: string;
  /** Tokens in each sequence's KV cache. */
  context: string;
  /** KV-cache format id (lib/formats `KV_FORMATS`). */
  kv: string;
  /** Comma-separated chart formats ({@link CHART_FORMATS}); empty = none. */
  show: string;
};

export type SpeedField = keyof SpeedStateText;

/** Defaults: Llama-3.1-70B at 4-bit on one H100 SXM, 16 sequences of 1,024 tokens, BF16 KV cache, every chart format. */
export const SPEED_DEFAULTS: Readonly<SpeedStateText> = {
  model: 'llama-3.1-70b',
  weights: 'int4-g128',
  gpu: 'h100-sxm',
  gpus: '1',
  batch: '16',
  context: '1024',
  kv: 'bf16',
  show: CHART_FORMATS.join(','),
};

/** The state, validated: every select resolved to a value that exists, numbers or null, and a message per bad field. */
export interface SpeedState {
  model: string;
  weights: string;
  gpu: string;
  gpuCount: number;
  /** null when the field text is not a valid batch (see `errors.batch`). */
  batch: number | null;
  /** null when the field text is not a valid context (see `errors.context`). */
  contextTokens: number | null;
  kv: string;
  kvBits: number;
  show: ChartFormat[];
  /** A message per field whose text was unusable: shown next to that field. Selects fall back to a valid value. */
  errors: Partial<Record<SpeedField, string>>;
}

/** The batch field's rule (no unit in messages; the field's hint names it): a whole number of sequences, 1 … 100,000 (lib/sizing `MAX_BATCH`). */
export const BATCH_RULE: Omit<NumberRule, 'label'> = { min: 1, max: MAX_BATCH, integer: true };

/**
 * The context field's rule for a model (no unit in messages; the hint names it): a whole number of tokens from 1 to the
 * model's maximum context (`max_position_embeddings`).
 *
 * @throws {Error} for an unknown model id.
 * @example contextRule('llama-3.1-70b').max // 131072
 */
export function contextRule(model: string): Omit<NumberRule, 'label'> {
  const entry = MODELS.find((m) => m.id === model);
  if (!entry) throw new Error(`model: unknown model id "${model}"`);
  return { min: 1, max: entry.spec.maxContextTokens, integer: true };
}

/** Field labels, as the calculator shows them (and as its messages name them). */
export const SPEED_FIELD_LABELS: Readonly<Record<SpeedField, string>> = {
  model: 'Model',
  weights: 'Weight format',
  gpu: 'GPU',
  gpus: 'GPUs (tensor parallel)',
  batch: 'Batch size',
  context: 'Context length',
  kv: 'KV cache',
  show: 'Formats to plot',
};

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Validates the calculator's field texts (typed, or read from a shared link). Never
 * throws: an unknown id in a select falls back to the default with a message; a bad
 * number leaves its value null with {@link parseNumberInput}'s message; a GPU count
 * the model cannot split its heads over falls back to 1 with the allowed counts.
 *
 * @example parseSpeedState({ ...SPEED_DEFAULTS, batch: '-3' }).errors.batch // 'Batch size must be at least 1.'
 * @example parseSpeedState({ ...SPEED_DEFAULTS, gpus: '3' }).gpuCount // 1
 */
export function parseSpeedState(text: SpeedStateText): SpeedState {
  const errors: Partial<Record<SpeedField, string>> = {};

  const modelEntry = MODELS.find((m) => m.id === text.model);
  const model = modelEntry ? text.model : SPEED_DEFAULTS.model;
  const modelName = (MODELS.find((m) => m.id === model) ?? MODELS[0]!).name;
  if (!modelEntry) errors.model = `Unknown model ${quoted(text.model)}; showing ${modelName}.`;

  const weightIds = speedFormatIds();
  const weights = weightIds.includes(text.weights) ? text.weights : SPEED_DEFAULTS.weights;
  if (weights !== text.weights)
    errors.weights = `Unknown or unsupported weight format ${quoted(text.weights)}; showing ${SPEED_DEFAULTS.weights}.`;

  const gpuEntry = GPUS.find((g) => g.id === text.gpu);
  const gpu = gpuEntry ? text.gpu : SPEED_DEFAULTS.gpu;
  if (!gpuEntry) errors.gpu = `Unknown GPU ${quoted(text.gpu)}; showing ${GPUS.find((g) => g.id === gpu)!.name}.`;

  const allowed = gpuCountOptions(model);
  const requested = Number(text.gpus);
  let gpuCount = 1;
  if (/^\d+$/.test(text.gpus.trim()) && allowed.includes(requested)) gpuCount = requested;
  else
    errors.gpus = `${SPEED_FIELD_LABELS.gpus} must be one of ${allowed.join(', ')} for ${modelName} (the GPU count must divide its attention heads); got ${quoted(text.gpus)}, showing 1.`;

  const batchParsed = parseNumberInput(text.batch, { ...BATCH_RULE, label: SPEED_FIELD_LABELS.batch });
  const batch = batchParsed.ok ? batchParsed.value : null;
  if (!batchParsed.ok) errors.batch = batchParsed.error;

  const contextParsed = parseNumberInput(text.context, { ...contextRule(model), label: SPEED_FIELD_LABELS.context });
  const contextTokens = contextParsed.ok ? contextParsed.value : null;
  if (!contextParsed.ok) errors.context = contextParsed.error;

  const kvChoices = kvOptions();
  const kvChoice = kvChoices.find((k) => k.id === text.kv) ?? kvChoices.find((k) => k.id === SPEED_DEFAULTS.kv)!;
  if (kvChoice.id !== text.kv) errors.kv = `Unknown KV cache format ${quoted(text.kv)}; showing ${kvChoice.name}.`;

  const requestedShow = text.show
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const show = CHART_FORMATS.filter((f) => requestedShow.includes(f));
  const unknown = requestedShow.filter((s) => !isChartFormat(s));
  if (unknown.length > 0)
    errors.show = `Ignored unknown chart format${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')}.`;

  return { model, weights, gpu, gpuCount, batch, contextTokens, kv: kvChoice.id, kvBits: kvChoice.bits, show, errors };
}

/**
 * The query string of a state (keys in {@link SPEED_DEFAULTS} order), for a link that
 * reproduces the set-up.
 *
 * @example speedStateQuery(SPEED_DEFAULTS) // 'model=llama-3.1-70b&weights=int4-g128&gpu=h100-sxm&gpus=1&batch=16&context=1024&kv=bf16&show=bf16%2Cint8-w8a8%2Cfp8-w8a8%2Cint8-w8a16%2Cint4-g128'
 */
export function speedStateQuery(text: SpeedStateText): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(SPEED_DEFAULTS) as SpeedField[]) params.set(key, text[key]);
  return params.toString();
}

/**
 * Reads a query string back into field texts: keys not given keep their defaults,
 * unknown keys are ignored, values are cut at 200 characters. The result still
 * needs {@link parseSpeedState}.
 *
 * @example speedStateFromQuery('?batch=64').batch // '64'
 */
export function speedStateFromQuery(query: string): SpeedStateText {
  const params = new URLSearchParams(query);
  const text: SpeedStateText = { ...SPEED_DEFAULTS };
  for (const key of Object.keys(SPEED_DEFAULTS) as SpeedField[]) {
    const value = params.get(key);
    if (value !== null) text[key] = value.slice(0, 200);
  }
  return text;
}

/**
 * Toggles one chart format in the `show` text, keeping legend order.
 *
 * @example toggleShownFormat('bf16,int4-g128', 'int8-w8a8', true) // 'bf16,int8-w8a8,int4-g128'
 */
export function toggleShownFormat(show: string, format: ChartFormat, on: boolean): string {
  const current = new Set(show.split(',').map((s) => s.trim()));
  if (on) current.add(format);
  else current.delete(format);
  return CHART_FORMATS.filter((f) => current.has(f)).join(',');
}
