import { isTensorParallelSize } from './tensorParallel';
import { getModel } from '../models';
import type { ModelSpec } from '../models/types';
import { getGpu } from '../hardware';
import type { Gpu } from '../hardware/types';
import { MAX_BATCH, MAX_CONTEXT_TOKENS, MAX_GPU_COUNT } from './defaults';
import { MAX_KV_BITS } from '../models';
import { groupDigits } from '../units';

/** A model given either by catalog id (e.g. "llama-3.1-70b") or as a full spec (a custom config). */
export type ModelRef = string | ModelSpec;

/** A GPU given either by catalog id (e.g. "h100-sxm") or as a full entry (a custom card). */
export type GpuRef = string | Gpu;

/**
 * The spec of a model given by id or by value.
 * @throws {Error} when the id is not in the catalog (the message names `model`).
 */
export function resolveModel(model: ModelRef, field = 'model'): ModelSpec {
  if (typeof model !== 'string') return model;
  let entry: { spec: ModelSpec } | undefined;
  try {
    entry = getModel(model);
  } catch (error) {
    throw new Error(`${field}: ${(error as Error).message}`);
  }
  if (!entry) throw new Error(`${field}: unknown model id "${model}"`);
  return entry.spec;
}

/**
 * The catalog entry of a GPU given by id or by value.
 * @throws {Error} when the id is not in the catalog (the message names `gpu`).
 */
export function resolveGpu(gpu: GpuRef, field = 'gpu'): Gpu {
  if (typeof gpu !== 'string') return gpu;
  let entry: Gpu | undefined;
  try {
    entry = getGpu(gpu);
  } catch (error) {
    throw new Error(`${field}: ${(error as Error).message}`);
  }
  if (!entry) throw new Error(`${field}: unknown GPU id "${gpu}"`);
  return entry;
}

function show(x: unknown): string {
  return typeof x === 'number' ? String(x) : JSON.stringify(x);
}

/** Throws a RangeError naming `field` unless `x` is an integer in [min, max]: "batch must be a whole number of sequences from 1 to 100,000 (got 0)". */
export function assertInteger(x: unknown, field: string, min: number, max: number, unit: string): asserts x is number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw new RangeError(
      `${field} must be a whole number of ${unit} from ${groupDigits(min)} to ${groupDigits(max)} (got ${show(x)})`,
    );
  }
}

/** Throws a RangeError naming `field` unless `x` is a finite number in (0, max] (or [0, max] when `allowZero`). */
export function assertPositive(x: unknown, field: string, max = Infinity, allowZero = false): asserts x is number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new RangeError(`${field} must be a finite number (got ${show(x)})`);
  if (allowZero ? x < 0 : x <= 0)
    throw new RangeError(`${field} must be ${allowZero ? 'zero or more' : 'greater than 0'} (got ${show(x)})`);
  if (x > max) throw new RangeError(`${field} must be at most ${max} (got ${show(x)})`);
}

/** `contextTokens`: an integer in [1, 10,000,000]. */
export function assertContextTokens(x: unknown, field = 'contextTokens'): asserts x is number {
  assertInteger(x, field, 1, MAX_CONTEXT_TOKENS, 'tokens');
}

/** `batch`: an integer in [1, 100,000]. */
export function assertBatch(x: unknown, field = 'batch'): asserts x is number {
  assertInteger(x, field, 1, MAX_BATCH, 'sequences');
}

/** `kvBits`: a number in (0, 32] (4, 8, 16 and 32 are the usual values). */
export function assertKvBits(x: unknown, field = 'kvBits'): asserts x is number {
  assertPositive(x, field, MAX_KV_BITS);
}

/**
 * `gpuCount`: an integer in [1, 64] that divides the model's attention heads, as
 * tensor parallelism requires (vLLM: "Total number of attention heads must be
 * divisible by tensor parallel size").
 */
export function assertGpuCount(x: unknown, spec: ModelSpec, field = 'gpuCount'): asserts x is number {
  assertInteger(x, field, 1, MAX_GPU_COUNT, 'GPUs');
  if (!isTensorParallelSize(spec, x)) {
    throw new RangeError(
      `${field} must divide the model's ${spec.attention.numHeads} attention heads for tensor parallelism (got ${x})`,
    );
  }
}

/** `memoryUtilization`: a fraction in (0, 1]. */
export function assertFraction(x: unknown, field: string): asserts x is number {
  assertPositive(x, field, 1);
}
