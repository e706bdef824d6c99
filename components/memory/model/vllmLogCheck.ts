import { FORMATS, getFormat } from '@/lib/formats';
import { GPUS } from '@/lib/hardware';
import type { Gpu } from '@/lib/hardware';
import { MODELS } from '@/lib/models';
import type { ModelSpec } from '@/lib/models/types';
import {
  cudaTotalBytes,
  fitOnGpu,
  readVllmLog,
  VLLM_KV_UNCERTAINTY_BYTES_PER_GPU,
  type FitResult,
  type VllmLogQuantity,
  type VllmLogReading,
  type VllmLogSettings,
} from '@/lib/sizing';
import { BYTES_PER_GIB, formatCount, formatNumber } from '@/lib/units';
import type { Bytes } from '@/lib/units';
import { MEMORY_DEFAULTS, type MemoryState } from './urlState';

/** What each quantity is called in the table, and the phrases vLLM prints it with (for "not found" messages). */
export const LOG_QUANTITY_LABELS: Readonly<Record<VllmLogQuantity, { label: string; phrases: string }>> = {
  cudaTotal: { label: 'GPU memory (CUDA total)', phrases: '"total_gpu_memory", "Free memory on device"' },
  requested: { label: 'Requested memory', phrases: '"worker requested memory", "the current vLLM instance can use"' },
  weights: { label: 'Weights', phrases: '"Model loading took", "model weights take", "weights memory"' },
  activationPeak: {
    label: 'Activation peak',
    phrases: '"torch peak memory increase", "PyTorch activation peak memory"',
  },
  nonTorch: { label: 'Non-torch memory', phrases: '"non-torch forward increase memory", "non_torch_memory"' },
  kvCache: {
    label: 'KV cache memory',
    phrases: '"Available KV cache memory", "the rest of the memory reserved for KV Cache"',
  },
  kvTokens: { label: 'KV cache tokens', phrases: '"GPU KV cache size: N tokens", "# GPU blocks"' },
  maxConcurrency: { label: 'Maximum concurrency', phrases: '"Maximum concurrency for N tokens per request"' },
};

/** Table order: the budget, its terms, what is left, and what that holds. */
const ROW_ORDER: readonly VllmLogQuantity[] = [
  'cudaTotal',
  'requested',
  'weights',
  'activationPeak',
  'nonTorch',
  'kvCache',
  'kvTokens',
  'maxConcurrency',
];

/**
 * Largest gap between a logged CUDA total and a catalog GPU's for the two to be taken as
 * the same card: **0.3 GiB**. The A100 80GB and the H100 80GB report totals 0.35 GiB apart
 * (81,440 and 81,079 MiB), and vLLM prints totals to 0.01 GiB ("79.19 GiB" on H100 in the
 * llm-d-planner v0.19.0 logs; "79.22GiB" with an older driver in vLLM PR #10511).
 */
export const GPU_MATCH_TOLERANCE_BYTES: Bytes = 0.3 * BYTES_PER_GIB;

/** The set-up the library is run with, and where each part of it came from. */
export interface LogCheckSetup {
  spec: ModelSpec;
  modelName: string;
  weights: string;
  kvBits: number;
  gpu: Gpu;
  gpuCount: number;
  memoryUtilization: number;
  contextTokens: number;
  maxNumSeqs?: number;
  maxBatchedTokens?: number;
  /** One sentence per setting: "Model: Llama-3.1-8B, from the log (meta-llama/Llama-3.1-8B-Instruct)." */
  notes: string[];
}

/** One row of the comparison table. */
export interface LogCheckRow {
  id: VllmLogQuantity;
  label: string;
  /** The log's figure, formatted ("58.11 GiB", "476,016 tokens", "58.11×"). */
  logged: string;
  /** The library's figure for the same set-up, formatted alike. */
  ours: string;
  /** ours − logged, signed, in the row's unit ("+0.04 GiB", "−1,230 tokens"). */
  difference: string;
  /** (ours − logged) / logged, signed ("+0.1 %"); "—" when the log says 0. */
  percent: string;
  /** One sentence on why the two differ. */
  explanation: string;
  /** 1-based line of the log the figure came from. */
  line: number;
  /** How vLLM's figure was derived when it is not printed ("1478 blocks × 16 tokens per block"). */
  derived?: string;
  /** The raw numbers: bytes (memory rows), tokens, or sequences; difference = ours − logged. */
  loggedValue: number;
  oursValue: number;
}

export type LogCheckOutcome =
  | { ok: false; error: string }
  | {
      ok: true;
      rows: LogCheckRow[];
      setup: LogCheckSetup;
      /** "vLLM 0.19.0 (V1)", or null when the log does not say. */
      version: string | null;
      /** "Not found in the log: …" naming each core quantity missing and its phrases; null when none is. */
      missingMessage: string | null;
      reading: VllmLogReading;
    };

// ---------------------------------------------------------------------------
// From the log's settings to a set-up.

/**
 * The catalog model a vLLM `--model` names: the last path segment, lower-cased, a leading
 * "meta-" dropped, must start with a catalog id (without "-instruct") followed by "-" or
 * its end; the longest such id wins. Fine-tunes and quantized repos of a model
 * ("Llama-3.3-70B-Instruct-fp8-dynamic") have its shape.
 *
 * @example catalogModelForLog('RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic')?.id // 'llama-3.3-70b-instruct'
 * @example catalogModelForLog('meta-llama/Meta-Llama-3-8B') // null (Llama-3-8B is not in the catalog)
 */
export function catalogModelForLog(model: string): (typeof MODELS)[number] | null {
  const segments = model.split('/').filter((s) => s !== '');
  let name = (segments[segments.length - 1] ?? '').toLowerCase();
  if (name.startsWith('meta-')) name = name.slice('meta-'.length);
  let best: (typeof MODELS)[number] | null = null;
  let bestLength = 0;
  for (const m of MODELS) {
    const core = m.id.endsWith('-instruct') ? m.id.slice(0, -'-instruct'.length) : m.id;
    const next = name[core.length];
    if (name.startsWith(core) && (next === undefined || next === '-' || next === '_') && core.length > bestLength) {
      best = m;
      bestLength = core.length;
    }
  }
  return best;
}

/**
 * The weight format (lib/formats id) a log's `quantization`, `dtype` and model name point
 * to; null when they do not say. fp8 (or "fp8" in a compressed-tensors repo name) → FP8
 * W8A8; compressed-tensors "w8a8" → INT8 W8A8, "w8a16" → INT8 W8A16, "w4a16" → symmetric
 * INT4 g128; awq / gptq → INT4 g128; bitsandbytes → NF4; no quantization → the dtype
 * (bfloat16, float16, float32).
 */
export function weightFormatForLog(settings: Pick<VllmLogSettings, 'quantization' | 'dtype' | 'model'>): string | null {
  const q = (settings.quantization ?? '').toLowerCase();
  const name = (settings.model ?? '').toLowerCase();
  if (q.includes('fp8') || ((q === '' || q === 'compressed-tensors') && name.includes('fp8'))) return 'fp8-w8a8';
  if (q === '' || q === 'compressed-tensors') {
    if (name.includes('w8a8')) return 'int8-w8a8';
    if (name.includes('w8a16')) return 'int8-w8a16';
    if (name.includes('w4a16')) return 'int4-g128-sym';
    if (name.includes('awq') || name.includes('gptq')) return 'int4-g128';
  }
  if (q.startsWith('awq') || q.startsWith('gptq')) return 'int4-g128';
  if (q.startsWith('bitsandbytes')) return 'nf4';
  if (q !== '') return null;
  const dtype = (settings.dtype ?? '').toLowerCase();
  if (dtype === 'bfloat16') return 'bf16';
  if (dtype === 'float16' || dtype === 'half') return 'fp16';
  if (dtype === 'float32' || dtype === 'float') return 'fp32';
  return null;
}

/** KV-cache bits from `kv_cache_dtype` (fp8* → 8) or, for "auto", the model dtype (float32 → 32, 16-bit → 16); null when unknown. */
export function kvBitsForLog(settings: Pick<VllmLogSettings, 'kvCacheDtype' | 'dtype'>): number | null {
  const kv = (settings.kvCacheDtype ?? 'auto').toLowerCase();
  if (kv.startsWith('fp8') || kv.startsWith('int8')) return 8;
  if (kv !== 'auto') return null;
  const dtype = (settings.dtype ?? '').toLowerCase();
  if (dtype === 'float32' || dtype === 'float') return 32;
  if (dtype === 'bfloat16' || dtype === 'float16' || dtype === 'half') return 16;
  return null;
}

/** The catalog GPU whose CUDA total is within 0.3 GiB of `totalBytes`: `preferred` if it is, else the nearest; null if none. */
export function gpuForCudaTotal(totalBytes: Bytes, preferred: Gpu): Gpu | null {
  const gap = (g: Gpu) => Math.abs(cudaTotalBytes(g) - totalBytes);
  if (gap(preferred) <= GPU_MATCH_TOLERANCE_BYTES) return preferred;
  let best: Gpu | null = null;
  for (const g of GPUS) if (gap(g) <= GPU_MATCH_TOLERANCE_BYTES && (!best || gap(g) < gap(best))) best = g;
  return best;
}

const gib = (bytes: Bytes, digits = 2) => `${formatNumber(bytes / BYTES_PER_GIB, digits)} GiB`;

/** vLLM V0's defaults: max_num_seqs 256; without chunked prefill, one profiling pass of max(max_model_len, 2048) tokens. */
const V0_MAX_NUM_SEQS = 256;
const V0_MIN_BATCHED_TOKENS = 2048;

/**
 * The set-up to run the library with: each setting the log states (model, weight format,
 * KV precision, GPU from its CUDA total, tensor-parallel size, gpu_memory_utilization,
 * max_model_len, max_num_seqs, max_num_batched_tokens), else the calculator's.
 * For V0 logs without those scheduler lines, V0's defaults (256 sequences; one pass of
 * max(max_model_len, 2,048) tokens without chunked prefill: `SchedulerConfig` of vLLM ≤ 0.8).
 */
export function logCheckSetup(
  reading: VllmLogReading,
  calculator: MemoryState,
): { ok: true; setup: LogCheckSetup } | { ok: false; error: string } {
  const s = reading.settings;
  const notes: string[] = [];
  const q = reading.quantities;

  const match = s.model ? catalogModelForLog(s.model) : null;
  let spec: ModelSpec;
  let modelName: string;
  if (match) {
    spec = match.spec;
    modelName = match.name;
    notes.push(`Model: ${match.name}, from the log (${s.model}).`);
  } else if (calculator.spec) {
    spec = calculator.spec;
    modelName = calculator.modelName;
    notes.push(
      s.model
        ? `Model: ${calculator.modelName}, the calculator's: the log's ${s.model} is not in the catalog (paste its config.json in the calculator to use it).`
        : `Model: ${calculator.modelName}, the calculator's (the log does not name one).`,
    );
  } else {
    return {
      ok: false,
      error: `The log names no model in the catalog${s.model ? ` (${s.model})` : ''}, and the calculator has none: choose a model, or paste its config.json, in the calculator above.`,
    };
  }

  const logFormat = weightFormatForLog(s);
  const weights = logFormat && FORMATS.some((f) => f.id === logFormat) ? logFormat : calculator.weights;
  notes.push(
    logFormat
      ? `Weights: ${getFormat(weights).name}, from the log (${s.quantization ? `quantization=${s.quantization}` : weightFormatForLog({ dtype: s.dtype }) === logFormat ? `dtype=${s.dtype}` : `the model name ${s.model}`}).`
      : `Weights: ${getFormat(weights).name}, the calculator's (the log does not say).`,
  );

  const logKv = kvBitsForLog(s);
  const kvBits = logKv ?? calculator.kvBits;
  notes.push(
    logKv !== null
      ? `KV cache: ${kvBits} bits, from the log (kv_cache_dtype=${s.kvCacheDtype ?? 'auto'}).`
      : `KV cache: ${kvBits} bits, the calculator's.`,
  );

  const calcGpu = GPUS.find((g) => g.id === calculator.gpu) ?? GPUS.find((g) => g.id === MEMORY_DEFAULTS.gpu)!;
  const loggedTotal =
    q.cudaTotal?.value ??
    (q.requested && s.gpuMemoryUtilization ? q.requested.value / s.gpuMemoryUtilization : undefined);
  let gpu = calcGpu;
  if (loggedTotal !== undefined) {
    const found = gpuForCudaTotal(loggedTotal, calcGpu);
    if (found) {
      gpu = found;
      notes.push(
        `GPU: ${found.name}, ${found.id === calcGpu.id ? "the calculator's, which matches" : 'matching'} the log's ${gib(loggedTotal)} CUDA total.`,
      );
    } else {
      notes.push(
        `GPU: ${calcGpu.name}, the calculator's: no catalog GPU reports the log's ${gib(loggedTotal)} (${calcGpu.name} reports ${gib(cudaTotalBytes(calcGpu))}).`,
      );
    }
  } else {
    notes.push(`GPU: ${calcGpu.name}, the calculator's (the log prints no total memory).`);
  }

  const gpuCount = s.tensorParallelSize ?? calculator.gpuCount;
  notes.push(
    s.tensorParallelSize
      ? `Tensor parallel: ${gpuCount}, from the log.`
      : `Tensor parallel: ${gpuCount}, the calculator's.`,
  );
  const memoryUtilization = s.gpuMemoryUtilization ?? calculator.memoryUtilization;
  notes.push(
    s.gpuMemoryUtilization
      ? `gpu_memory_utilization: ${memoryUtilization}, from the log.`
      : `gpu_memory_utilization: ${memoryUtilization}, the calculator's.`,
  );
  const contextTokens = s.maxModelLen ?? calculator.contextTokens ?? Number(MEMORY_DEFAULTS.context);
  notes.push(
    s.maxModelLen
      ? `max_model_len: ${formatCount(contextTokens)} tokens, from the log.`
      : `max_model_len: ${formatCount(contextTokens)} tokens, the calculator's context length.`,
  );

  let maxNumSeqs = s.maxNumSeqs;
  let maxBatchedTokens = s.maxNumBatchedTokens;
  if (s.engine === 'V0') {
    maxNumSeqs ??= V0_MAX_NUM_SEQS;
    if (maxBatchedTokens === undefined && s.chunkedPrefill !== true)
      maxBatchedTokens = Math.max(contextTokens, V0_MIN_BATCHED_TOKENS);
    notes.push(
      `Profiling pass: ${formatCount(maxBatchedTokens ?? 0)} tokens and ${formatCount(maxNumSeqs)} sequences (vLLM V0's defaults where the log does not print them).`,
    );
  } else if (maxNumSeqs !== undefined || maxBatchedTokens !== undefined) {
    notes.push(
      `Profiling pass: ${maxBatchedTokens !== undefined ? `${formatCount(maxBatchedTokens)} tokens` : "vLLM's default tokens"} and ${maxNumSeqs !== undefined ? `${formatCount(maxNumSeqs)} sequences` : "vLLM's default sequences"}, from the log.`,
    );
  }

  return {
    ok: true,
    setup: {
      spec,
      modelName,
      weights,
      kvBits,
      gpu,
      gpuCount,
      memoryUtilization,
      contextTokens,
      maxNumSeqs,
      maxBatchedTokens,
      notes,
    },
  };
}

// ---------------------------------------------------------------------------
// The rows.

/** A signed figure: "+0.04 GiB", "−1,230 tokens", and "±0.00 GiB" when it rounds to zero. */
function signed(x: number, text: (abs: number) => string): string {
  const t = text(Math.abs(x));
  return `${t === text(0) ? '±' : x > 0 ? '+' : '−'}${t}`;
}

function formatValue(id: VllmLogQuantity, value: number): string {
  if (id === 'kvTokens') return `${formatCount(value)} tokens`;
  if (id === 'maxConcurrency') return `${formatNumber(value, 2)}×`;
  return gib(value);
}

function formatDifference(id: VllmLogQuantity, diff: number): string {
  if (id === 'kvTokens') return signed(diff, (a) => `${formatCount(a)} tokens`);
  if (id === 'maxConcurrency') return signed(diff, (a) => `${formatNumber(a, 2)}×`);
  return signed(diff, (a) => gib(a));
}

function oursFor(id: VllmLogQuantity, fit: FitResult): number {
  const n = fit.gpuCount;
  switch (id) {
    case 'cudaTotal':
      return fit.perGpuCudaTotalBytes;
    case 'requested':
      return fit.perGpuAvailableBytes;
    case 'weights':
      return fit.estimate.weightsBytes / n;
    case 'activationPeak':
      return fit.estimate.activationBytes / n;
    case 'nonTorch':
      return fit.estimate.overheadBytes / n;
    case 'kvCache':
      return fit.kvCacheBytesPerGpu;
    case 'kvTokens':
      return fit.maxTotalKvTokens;
    case 'maxConcurrency':
      return fit.maxConcurrencyAtContext;
  }
}

const U = VLLM_KV_UNCERTAINTY_BYTES_PER_GPU;
const uText = gib(U, 1);

function explain(
  id: VllmLogQuantity,
  diff: number,
  pct: number | null,
  fit: FitResult,
  setup: LogCheckSetup,
  reading: VllmLogReading,
): string {
  const inside = Math.abs(diff) <= U;
  const band = inside
    ? `inside the model's uncertainty of ${uText} per GPU`
    : `outside the model's uncertainty of ${uText} per GPU`;
  const gpus = `${setup.gpuCount} GPU${setup.gpuCount === 1 ? '' : 's'}`;
  const v0 = reading.settings.engine === 'V0';
  switch (id) {
    case 'cudaTotal':
      return `The catalog's CUDA total for ${setup.gpu.name} (nvidia-smi's total less the driver's reserve); a gap means another card, driver or MIG slice.`;
    case 'requested':
      return `gpu_memory_utilization ${setup.memoryUtilization} × the CUDA total per GPU: it differs only as the totals do.`;
    case 'weights': {
      const format = getFormat(setup.weights).name;
      return pct !== null && Math.abs(pct) <= 2
        ? `vLLM measures the loaded tensors; ours counts ${setup.modelName}'s parameters at ${formatNumber(fit.estimate.weights.bitsPerWeight, 3)} bits (${format}) ÷ ${gpus}, and they agree.`
        : `vLLM measures the loaded tensors; ours counts ${setup.modelName}'s parameters at ${formatNumber(fit.estimate.weights.bitsPerWeight, 3)} bits (${format}) ÷ ${gpus}: a gap this size means the checkpoint is not ${format} throughout (layers kept at 16 bits, another group size) or not this model.`;
    }
    case 'activationPeak': {
      const a = fit.estimate.activation;
      const pass = a ? ` (${formatCount(a.chunkTokens)} tokens, ${formatCount(a.logitRows)} sequences)` : '';
      return `vLLM profiles its activation peak on a dummy batch${pass}; ours is the fit calibrated on vLLM logs, and the difference is ${band}.`;
    }
    case 'nonTorch':
      return v0
        ? `vLLM measures memory outside PyTorch's allocator (cuBLAS workspaces, NCCL buffers); ours is calibrated on vLLM v0.19 logs, and V0 releases measured it differently (vLLM PR #10511 printed 1.79 GiB at TP 1).`
        : `vLLM measures memory outside PyTorch's allocator (cuBLAS workspaces, NCCL buffers under tensor parallelism); ours is 0.25 GiB${setup.gpuCount >= 2 ? ' + 1.8 GiB for NCCL' : ''}, calibrated on vLLM v0.19 logs.`;
    case 'kvCache':
      return `What is left per GPU (requested − weights − activation peak − non-torch), so it carries the differences of the rows above: ${band}.`;
    case 'kvTokens':
      return `KV memory over ${formatCount((fit.estimate.kvCacheBytesPerToken * fit.estimate.kvReplication) / setup.gpuCount)} B per token per GPU${reading.quantities.kvTokens?.derived ? "; vLLM's figure is its block count × 16" : ''}: it follows the KV cache row unless the cache layout differs (FP8 cache, sliding windows).`;
    case 'maxConcurrency':
      return `KV memory ÷ what one request of ${formatCount(setup.contextTokens)} tokens (max_model_len) reserves, in 16-token blocks, sliding-window layers at window − 1 + max_num_batched_tokens, as vLLM divides: it follows the KV cache row.`;
  }
}

/**
 * Lines up what a vLLM start-up log states with the library's terms for the same set-up
 * ({@link logCheckSetup}: the log's settings, else the calculator's), one row per quantity
 * found: the logged figure, ours (lib/sizing `fitOnGpu`), the difference in the row's unit
 * and in % of the logged figure, and a sentence on why they differ.
 *
 *     ours: weights, activation peak, non-torch = estimate term ÷ GPUs; KV cache = fit.kvCacheBytesPerGpu;
 *           KV tokens = fit.maxTotalKvTokens; concurrency = fit.maxConcurrencyAtContext (KV memory ÷ one request's reservation)
 *     difference = ours − logged;  % = difference ÷ logged × 100
 *
 * Never throws: an empty paste, a log without any of the phrases, or a set-up the library
 * rejects gives `{ ok: false, error }` with a message; missing lines are named in
 * `missingMessage`.
 */
export function compareVllmLog(text: string, calculator: MemoryState): LogCheckOutcome {
  if (text.trim() === '') return { ok: false, error: 'Paste the start-up log of a vLLM server first.' };
  const reading = readVllmLog(text);
  const foundAny = ROW_ORDER.some((id) => reading.quantities[id] !== undefined);
  if (!foundAny) {
    const garbled = reading.unreadable.length > 0 ? ` ${unreadableMessage(reading)}` : '';
    return {
      ok: false,
      error: `No vLLM memory lines found in ${formatCount(reading.lineCount)} line${reading.lineCount === 1 ? '' : 's'}. Looked for ${VLLM_CORE_PHRASES}.${garbled}`,
    };
  }
  const resolved = logCheckSetup(reading, calculator);
  if (!resolved.ok) return resolved;
  const setup = resolved.setup;
  let fit: FitResult;
  try {
    fit = fitOnGpu({
      model: setup.spec,
      weights: setup.weights,
      kvBits: setup.kvBits,
      contextTokens: setup.contextTokens,
      batch: 1,
      gpu: setup.gpu,
      gpuCount: setup.gpuCount,
      memoryUtilization: setup.memoryUtilization,
      maxNumSeqs: setup.maxNumSeqs,
      maxBatchedTokens: setup.maxBatchedTokens,
    });
  } catch (error) {
    return {
      ok: false,
      error: `The library cannot size this set-up: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }

  const rows: LogCheckRow[] = [];
  for (const id of ROW_ORDER) {
    const logged = reading.quantities[id];
    if (!logged) continue;
    const ours = oursFor(id, fit);
    const diff = ours - logged.value;
    const pct = logged.value === 0 ? null : (diff / logged.value) * 100;
    rows.push({
      id,
      label: LOG_QUANTITY_LABELS[id].label,
      logged: formatValue(id, logged.value),
      ours: formatValue(id, ours),
      difference: formatDifference(id, diff),
      percent: pct === null ? '—' : signed(pct, (a) => `${formatNumber(a, 1)} %`),
      explanation: explain(id, diff, pct, fit, setup, reading),
      line: logged.line,
      ...(logged.derived ? { derived: logged.derived } : {}),
      loggedValue: logged.value,
      oursValue: ours,
    });
  }

  const s = reading.settings;
  const version = s.version
    ? `vLLM ${s.version}${s.engine ? ` (${s.engine})` : ''}`
    : s.engine
      ? `vLLM ${s.engine} (version not printed)`
      : null;
  return { ok: true, rows, setup, version, missingMessage: missingMessage(reading), reading };
}

const VLLM_CORE_PHRASES = ['weights', 'activationPeak', 'nonTorch', 'kvCache', 'kvTokens', 'maxConcurrency']
  .map((id) => LOG_QUANTITY_LABELS[id as VllmLogQuantity].phrases)
  .join(', ');

function unreadableMessage(reading: VllmLogReading): string {
  return `Found but could not read the number on ${reading.unreadable
    .slice(0, 4)
    .map((u) => `line ${formatCount(u.line)} (${LOG_QUANTITY_LABELS[u.quantity].label})`)
    .join(', ')}.`;
}

/** "Not found in the log: activation peak ("torch peak memory increase", …); …." or null when every core quantity is there. */
export function missingMessage(reading: VllmLogReading): string | null {
  if (reading.missing.length === 0) return null;
  const names = reading.missing.map((id) => `${LOG_QUANTITY_LABELS[id].label} (${LOG_QUANTITY_LABELS[id].phrases})`);
  const garbled = reading.unreadable.length > 0 ? ` ${unreadableMessage(reading)}` : '';
  const cut = reading.truncated ? ' Only the first 2,000,000 characters were read.' : '';
  return `Not found in the log: ${names.join('; ')}.${garbled}${cut}`;
}
