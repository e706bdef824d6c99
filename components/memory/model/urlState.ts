import { parseNumberInput, type NumberRule } from '@/components/ui/model';
import { getFormat } from '@/lib/formats';
import { GPUS } from '@/lib/hardware';
import { MODELS } from '@/lib/models';
import type { KvEngine } from '@/lib/models';
import type { ModelSpec } from '@/lib/models/types';
import type { KvLayoutId } from '@/lib/sizing';
import { MAX_BATCH, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing/defaults';
import { readConfigText, type ConfigReading } from './config';
import { allowedGpuCounts, ENGINE_CHOICES, kvChoices } from './options';
import { isWeightChoiceId } from './weightChoice';
import { groupDigits } from '@/lib/units';

/** The model-select value meaning "the config.json pasted below" (never a catalog id). */
export const CUSTOM_MODEL = 'custom';

/**
 * The memory calculator's state as the raw text of its fields, which is also its query
 * string (`/tools/memory?model=llama-3.1-70b&weights=int4-g128&kv=bf16&context=4096&batch=8&gpu=a100-80gb-sxm&gpus=1&util=0.92&engine=vllm`).
 * A pasted config.json is not part of it (too long for a link): with `model=custom`
 * the link says a custom config was used, and the page asks for it again.
 */
export type MemoryStateText = {
  /** Catalog model id, or {@link CUSTOM_MODEL}. */
  model: string;
  /** Weight format id (lib/formats `FORMATS`), or a GGUF file type ("gguf-file-q4_k_m", lib/formats `ggufFileFormatId`). */
  weights: string;
  /** KV-cache format id (lib/formats `KV_FORMATS`). */
  kv: string;
  /** Tokens per sequence (prompt + generated). */
  context: string;
  /** Concurrent sequences. */
  batch: string;
  /** GPU catalog id. */
  gpu: string;
  /** Tensor-parallel GPU count, 1 … 8. */
  gpus: string;
  /** vLLM's gpu_memory_utilization, a fraction in (0, 1] ("0.92"; the old link values 'vllm' and 'full' read as 0.92 and 1). */
  util: string;
  /** Whose KV reservation rule sizes windowed layers: "vllm" (default) or "llama.cpp" (lib/models `KvEngine`). */
  engine: string;
};

export type MemoryField = keyof MemoryStateText | 'config';

/** Defaults: Llama-3.1-70B, 4-bit group-128 weights, BF16 KV cache, 8 sequences of 4,096 tokens on one A100 80GB, vLLM's default gpu_memory_utilization (0.92). */
export const MEMORY_DEFAULTS: Readonly<MemoryStateText> = {
  model: 'llama-3.1-70b',
  weights: 'int4-g128',
  kv: 'bf16',
  context: '4096',
  batch: '8',
  gpu: 'a100-80gb-sxm',
  gpus: '1',
  util: String(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION),
  engine: 'vllm',
};

/** Field labels as the calculator shows them (and as its messages name them). */
export const MEMORY_FIELD_LABELS: Readonly<Record<MemoryField, string>> = {
  model: 'Model',
  weights: 'Weight format',
  kv: 'KV cache precision',
  context: 'Context length',
  batch: 'Batch size',
  gpu: 'GPU',
  gpus: 'Number of GPUs',
  util: 'gpu_memory_utilization',
  engine: 'Engine (KV reservation)',
  config: 'config.json',
};

/**
 * The gpu_memory_utilization field's rule: a fraction from 0.05 to 1, two decimals at most
 * (vLLM accepts (0, 1]; below 0.05 not even a small model's weights fit).
 */
export const UTILIZATION_RULE = { min: 0.05, max: 1 } as const;

/** Old share links said `util=vllm` (0.92) or `util=full` (1.0); they keep working. */
const LEGACY_UTIL: Readonly<Record<string, number>> = { vllm: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, full: 1 };

/**
 * Reads the gpu_memory_utilization text: a number in [0.05, 1] (or a legacy link value),
 * else vLLM's default with a message.
 *
 * @example parseUtilization('0.9')  // { value: 0.9 }
 * @example parseUtilization('vllm') // { value: 0.92 }
 * @example parseUtilization('1.5')  // { value: 0.92, error: 'gpu_memory_utilization must be …' }
 */
export function parseUtilization(text: string): { value: number; error?: string } {
  const legacy = LEGACY_UTIL[text.trim()];
  if (legacy !== undefined) return { value: legacy };
  const value = Number(text.trim());
  if (text.trim() !== '' && Number.isFinite(value) && value >= UTILIZATION_RULE.min && value <= UTILIZATION_RULE.max) {
    return { value: Math.round(value * 100) / 100 };
  }
  return {
    value: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
    error: `gpu_memory_utilization must be a fraction from ${UTILIZATION_RULE.min} to ${UTILIZATION_RULE.max} (got ${quoted(text)}); using vLLM's default ${VLLM_DEFAULT_GPU_MEMORY_UTILIZATION}.`,
  };
}

/** The batch field's rule (no unit in messages: the field's hint names it): a whole number of sequences, 1 … 100,000 (lib/sizing `MAX_BATCH`). */
export const BATCH_RULE: Omit<NumberRule, 'label'> = { min: 1, max: MAX_BATCH, integer: true };

/**
 * The context field's rule: a whole number of tokens from 1 to the model's maximum
 * context (`max_position_embeddings`), past which the model was never meant to run.
 *
 * @example contextRuleFor(getModel('llama-2-70b').spec).max // 4096
 */
export function contextRuleFor(spec: Pick<ModelSpec, 'maxContextTokens'>): Omit<NumberRule, 'label'> {
  return { min: 1, max: spec.maxContextTokens, integer: true };
}

/** The state, validated: selects resolved to values that exist, numbers or null, and one message per bad field. */
export interface MemoryState {
  /** Catalog id or {@link CUSTOM_MODEL}. */
  model: string;
  /** The model's shape; null when the custom config is missing or invalid (see `errors.config`). */
  spec: ModelSpec | null;
  /** "Llama-3.1-70B", or "Your config.json (llama)". */
  modelName: string;
  /** The reading of the pasted config, when `model` is custom. */
  config: ConfigReading | null;
  weights: string;
  kv: string;
  kvBits: number;
  /** lib/sizing `kvLayout` of the KV choice (DeepSeek-V3.2's FP8 cache), or null. */
  kvLayout: KvLayoutId | null;
  /** The engine whose KV reservation rule applies. */
  engine: KvEngine;
  gpu: string;
  gpuCount: number;
  /** null when the text is not a valid batch (see `errors.batch`). */
  batch: number | null;
  /** null when the text is not a valid context (see `errors.context`). */
  contextTokens: number | null;
  /** vLLM's gpu_memory_utilization, (0, 1]; 0.92 by default. */
  memoryUtilization: number;
  /** A message per field whose text was unusable, shown next to that field. Selects fall back to a valid value. */
  errors: Partial<Record<MemoryField, string>>;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Validates the calculator's field texts (typed, or read from a shared link) and, for
 * `model=custom`, the pasted config.json. Never throws, never yields NaN:
 *
 * - an unknown model, format, KV format or GPU id falls back to the default, with a message;
 * - a GPU count the model's heads cannot be split over falls back to the largest allowed
 *   count below it, with a message listing the allowed ones;
 * - a bad number leaves its value null with components/ui/model's message;
 * - a missing or bad custom config leaves `spec` null with a message naming the key.
 *
 * @example parseMemoryState({ ...MEMORY_DEFAULTS, batch: '-3' }).errors.batch // 'Batch size must be at least 1.'
 * @example parseMemoryState({ ...MEMORY_DEFAULTS, gpus: '3' }).gpuCount // 2
 */
export function parseMemoryState(text: MemoryStateText, configText = ''): MemoryState {
  const errors: Partial<Record<MemoryField, string>> = {};

  let model = text.model;
  let spec: ModelSpec | null;
  let modelName: string;
  let config: ConfigReading | null = null;
  if (model === CUSTOM_MODEL) {
    config = readConfigText(configText);
    spec = config.ok ? config.spec : null;
    modelName = config.ok ? config.name : 'Your config.json';
    if (!config.ok) errors.config = config.message;
  } else {
    const entry = MODELS.find((m) => m.id === model) ?? MODELS.find((m) => m.id === MEMORY_DEFAULTS.model)!;
    if (entry.id !== model) errors.model = `Unknown model ${quoted(model)}; showing ${entry.name}.`;
    model = entry.id;
    spec = entry.spec;
    modelName = entry.name;
  }

  const weights = isWeightChoiceId(text.weights) ? text.weights : MEMORY_DEFAULTS.weights;
  if (weights !== text.weights)
    errors.weights = `Unknown weight format ${quoted(text.weights)}; showing ${getFormat(weights).name}.`;

  const kvs = kvChoices();
  const kvChoice = kvs.find((k) => k.id === text.kv) ?? kvs.find((k) => k.id === MEMORY_DEFAULTS.kv)!;
  if (kvChoice.id !== text.kv) errors.kv = `Unknown KV cache format ${quoted(text.kv)}; showing ${kvChoice.label}.`;

  const engineChoice = ENGINE_CHOICES.find((e) => e.id === text.engine) ?? ENGINE_CHOICES[0]!;
  if (engineChoice.id !== text.engine)
    errors.engine = `Unknown engine ${quoted(text.engine)}; showing ${engineChoice.label}.`;

  const gpuEntry = GPUS.find((g) => g.id === text.gpu) ?? GPUS.find((g) => g.id === MEMORY_DEFAULTS.gpu)!;
  if (gpuEntry.id !== text.gpu) errors.gpu = `Unknown GPU ${quoted(text.gpu)}; showing ${gpuEntry.name}.`;

  let gpuCount = 1;
  const requested = /^\s*\d+\s*$/.test(text.gpus) ? Number(text.gpus) : NaN;
  if (spec) {
    const allowed = allowedGpuCounts(spec);
    if (allowed.includes(requested)) gpuCount = requested;
    else {
      gpuCount = allowed.filter((n) => n <= requested).pop() ?? 1;
      errors.gpus = `${MEMORY_FIELD_LABELS.gpus} must be one of ${allowed.join(', ')} for ${modelName}: tensor parallelism splits its ${groupDigits(spec.attention.numHeads)} attention heads evenly over the GPUs (got ${quoted(text.gpus)}; showing ${gpuCount}).`;
    }
  } else if (Number.isInteger(requested) && requested >= 1 && requested <= 8) {
    gpuCount = requested;
  }

  const batchParsed = parseNumberInput(text.batch, { ...BATCH_RULE, label: MEMORY_FIELD_LABELS.batch });
  const batch = batchParsed.ok ? batchParsed.value : null;
  if (!batchParsed.ok) errors.batch = batchParsed.error;

  let contextTokens: number | null = null;
  if (spec) {
    const contextParsed = parseNumberInput(text.context, {
      ...contextRuleFor(spec),
      label: MEMORY_FIELD_LABELS.context,
    });
    contextTokens = contextParsed.ok ? contextParsed.value : null;
    if (!contextParsed.ok) errors.context = contextParsed.error;
  }

  const util = parseUtilization(text.util);
  if (util.error) errors.util = util.error;

  return {
    model,
    spec,
    modelName,
    config,
    weights,
    kv: kvChoice.id,
    kvBits: kvChoice.bits,
    kvLayout: kvChoice.layout,
    engine: engineChoice.id,
    gpu: gpuEntry.id,
    gpuCount,
    batch,
    contextTokens,
    memoryUtilization: util.value,
    errors,
  };
}

const KEYS = Object.keys(MEMORY_DEFAULTS) as Array<keyof MemoryStateText>;

/**
 * The query string of a state (keys in {@link MEMORY_DEFAULTS} order), for a link that
 * reproduces the set-up. The pasted config.json is never included.
 *
 * @example memoryStateQuery(MEMORY_DEFAULTS) // 'model=llama-3.1-70b&weights=int4-g128&kv=bf16&context=4096&batch=8&gpu=a100-80gb-sxm&gpus=1&util=0.92&engine=vllm'
 */
export function memoryStateQuery(text: MemoryStateText): string {
  const params = new URLSearchParams();
  for (const key of KEYS) params.set(key, text[key]);
  return params.toString();
}

/**
 * Reads a query string back into field texts: missing keys keep `defaults`, unknown keys
 * are ignored, values are cut at 200 characters. The result still needs {@link parseMemoryState}.
 *
 * @example memoryStateFromQuery('?batch=64').batch // '64'
 */
export function memoryStateFromQuery(
  query: string,
  defaults: Readonly<MemoryStateText> = MEMORY_DEFAULTS,
): MemoryStateText {
  const params = new URLSearchParams(query);
  const text: MemoryStateText = { ...defaults };
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null) text[key] = value.slice(0, 200);
  }
  return text;
}
