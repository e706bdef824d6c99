import { formatBitsBreakdown, ggufFileTypeOfId, type BitsBreakdown } from '@/lib/formats';
import { GPUS, getGpu } from '@/lib/hardware';
import type { Gpu } from '@/lib/hardware';
import { type KvCacheFormula, type KvEngine } from '@/lib/models';
import type { ModelSpec } from '@/lib/models/types';
import { cudaTotalBytes, fitOnGpu, minGpusToFit, type FitResult, type FitVerdict, type KvLayoutId } from '@/lib/sizing';
import { BYTES_PER_MIB, formatBytesBoth, formatCount, formatNumber } from '@/lib/units';
import type { Bytes } from '@/lib/units';
import { stackedBar, type StackedBar } from './bar';
import { MEMORY_MAX_GPUS } from './options';
import { MEMORY_FIELD_LABELS, type MemoryField, type MemoryState } from './urlState';
import { weightChoiceInfo } from './weightChoice';

/** lib/formats' breakdown of a catalog format, or a GGUF file type's mix on this model (its notes go with the caveats). */
function weightsBits(weights: string, spec: ModelSpec): Pick<BitsBreakdown, 'formula' | 'assumptions'> {
  const info = weightChoiceInfo(weights, spec);
  if (info.formula === null) throw new Error(`weights: ${info.name} cannot be sized for this model`);
  return ggufFileTypeOfId(weights) ? { formula: info.formula, assumptions: [] } : formatBitsBreakdown(weights);
}

/** The set-up to size, all fields valid. */
export interface MemorySetup {
  spec: ModelSpec;
  weights: string;
  kvBits: number;
  /** lib/sizing `kvLayout` (DeepSeek-V3.2's FP8 cache), or null/absent for a plain element width. */
  kvLayout?: KvLayoutId | null;
  /** Whose KV reservation rule applies (default 'vllm'). */
  engine?: KvEngine;
  contextTokens: number;
  batch: number;
  gpu: string;
  gpuCount: number;
  memoryUtilization: number;
}

/** One row of the "which GPUs fit" table. */
export interface GpuFitRow {
  gpu: Gpu;
  /** CUDA-reported memory per GPU × gpu_memory_utilization. */
  perGpuAvailableBytes: Bytes;
  /** Fewest GPUs of this kind (1 … 8, dividing the heads) on which the set-up fits; null when none does. */
  minGpus: number | null;
  /** The counts tried (those that divide the heads). */
  tried: number[];
  /** What each GPU holds at `minGpus` (null when none fits). */
  perGpuBytes: Bytes | null;
  /** Headroom over the whole group at `minGpus` (null when none fits). */
  headroomBytes: Bytes | null;
  /** The margin band at `minGpus`: 'fits' or 'tight' (null when none fits). */
  verdict: FitVerdict | null;
}

/**
 * For every GPU in the catalog, the fewest GPUs of that kind (1 … 8, tensor parallel)
 * the set-up fits on: lib/sizing `minGpusToFit` per GPU, same model, formats, load and
 * memory cap. The GPU and count chosen in the set-up are ignored.
 *
 * @example gpuFitTable(setup).find((r) => r.gpu.id === 'h100-sxm')?.minGpus // 1 for 4-bit Llama-3.1-70B at 8 × 4,096 tokens
 */
export function gpuFitTable(setup: Omit<MemorySetup, 'gpu' | 'gpuCount'>): GpuFitRow[] {
  return GPUS.map((gpu) => {
    const r = minGpusToFit({
      model: setup.spec,
      weights: setup.weights,
      kvBits: setup.kvBits,
      kvLayout: setup.kvLayout ?? undefined,
      engine: setup.engine,
      contextTokens: setup.contextTokens,
      batch: setup.batch,
      gpu,
      memoryUtilization: setup.memoryUtilization,
      maxGpuCount: MEMORY_MAX_GPUS,
    });
    return {
      gpu,
      perGpuAvailableBytes: cudaTotalBytes(gpu) * setup.memoryUtilization,
      minGpus: r.gpuCount,
      tried: r.tried,
      perGpuBytes: r.fit ? r.fit.perGpuBytes : null,
      headroomBytes: r.fit ? r.fit.headroomBytes : null,
      verdict: r.fit ? r.fit.verdict : null,
    };
  });
}

/**
 * The memory the set-up may fill, written out as vLLM computes it:
 * "81,440 MiB as CUDA reports it × 1 GPU × 0.92 gpu_memory_utilization = 78.6 GB (73.2 GiB)".
 */
export function availableFormula(gpu: Gpu, gpuCount: number, memoryUtilization: number): string {
  const cuda = cudaTotalBytes(gpu);
  const total = cuda * gpuCount * memoryUtilization;
  return `${formatCount(Math.round(cuda / BYTES_PER_MIB))} MiB as CUDA reports it × ${formatCount(gpuCount)} GPU${gpuCount === 1 ? '' : 's'} × ${formatNumber(memoryUtilization, 2)} gpu_memory_utilization = ${formatBytesBoth(total)}`;
}

/** Everything the calculator shows for a valid set-up. */
export interface MemoryResults {
  fit: FitResult;
  bar: StackedBar;
  gpuTable: GpuFitRow[];
  /** The bits-per-weight arithmetic of the chosen weights (a GGUF file: its mix of block types on this model). */
  bits: Pick<BitsBreakdown, 'formula' | 'assumptions'>;
  kvFormula: KvCacheFormula;
  availableFormula: string;
  /** lib/sizing's warnings, as they come. */
  warnings: string[];
}

/**
 * Sizes a valid set-up: the fit on the chosen GPUs (lib/sizing `fitOnGpu`, whose
 * estimate uses vLLM's default token budget for that GPU), the stacked bar of its terms
 * against the memory available, the fit table over every catalog GPU, and the pieces of
 * the "show the work" panel.
 *
 * @throws lib/sizing's errors for an invalid set-up (see {@link memoryOutcome}, which catches them).
 */
export function memoryResults(setup: MemorySetup): MemoryResults {
  const fit = fitOnGpu({
    model: setup.spec,
    weights: setup.weights,
    kvBits: setup.kvBits,
    kvLayout: setup.kvLayout ?? undefined,
    engine: setup.engine,
    contextTokens: setup.contextTokens,
    batch: setup.batch,
    gpu: setup.gpu,
    gpuCount: setup.gpuCount,
    memoryUtilization: setup.memoryUtilization,
  });
  const gpu = getGpu(setup.gpu);
  return {
    fit,
    bar: stackedBar(fit.estimate.terms, fit.availableBytes),
    gpuTable: gpuFitTable(setup),
    bits: weightsBits(setup.weights, setup.spec),
    kvFormula: fit.estimate.kvFormula,
    availableFormula: availableFormula(gpu, setup.gpuCount, setup.memoryUtilization),
    warnings: fit.estimate.warnings,
  };
}

/** A field to fix before results can be shown. */
export interface Blocker {
  field: MemoryField | null;
  message: string;
}

export type MemoryOutcome = { ok: true; results: MemoryResults } | { ok: false; blockers: Blocker[] };

/** lib/sizing names the field first in its messages ("batch must be …"); map those names to the calculator's fields. */
const LIB_FIELDS: ReadonlyArray<[RegExp, MemoryField]> = [
  [/^contextTokens\b/, 'context'],
  [/^batch\b/, 'batch'],
  [/^gpuCount\b/, 'gpus'],
  [/^weights\b/, 'weights'],
  [/^(kvBits|bits|kvLayout)\b/, 'kv'],
  [/^engine\b/, 'engine'],
  [/^memoryUtilization\b/, 'util'],
  [/^gpu\b/, 'gpu'],
  [/^model\b/, 'model'],
];

/**
 * Results for a validated state, or the list of fields to fix first. Never throws:
 * a missing number or config blocks with the field's own message, and an error lib/sizing
 * raises anyway is caught and attributed to the field its message names.
 *
 * @example memoryOutcome(parseMemoryState({ ...MEMORY_DEFAULTS, batch: 'abc' }))
 * // { ok: false, blockers: [{ field: 'batch', message: 'Batch size must be a number (got "abc").' }] }
 */
export function memoryOutcome(state: MemoryState): MemoryOutcome {
  const blockers: Blocker[] = [];
  const block = (field: MemoryField) => {
    blockers.push({ field, message: state.errors[field] ?? `${MEMORY_FIELD_LABELS[field]} is not valid.` });
  };
  if (!state.spec) block('config');
  if (state.contextTokens === null && state.spec) block('context');
  if (state.batch === null) block('batch');
  if (blockers.length > 0 || !state.spec || state.contextTokens === null || state.batch === null)
    return { ok: false, blockers };
  try {
    return {
      ok: true,
      results: memoryResults({
        spec: state.spec,
        weights: state.weights,
        kvBits: state.kvBits,
        kvLayout: state.kvLayout,
        engine: state.engine,
        contextTokens: state.contextTokens,
        batch: state.batch,
        gpu: state.gpu,
        gpuCount: state.gpuCount,
        memoryUtilization: state.memoryUtilization,
      }),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const field = LIB_FIELDS.find(([re]) => re.test(message))?.[1] ?? null;
    return { ok: false, blockers: [{ field, message }] };
  }
}
