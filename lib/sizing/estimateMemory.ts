import { kvCacheBytesPerToken, kvCacheFormula } from '../models';
import type { ModelSpec } from '../models/types';
import { BYTES_PER_MIB, formatBytesBoth, formatCount } from '../units';
import type { Bytes, Tokens } from '../units';
import { estimateActivationBytes, MLP_LIVE_WIDTHS, ACTIVATION_ELEMENT_BYTES, LOGIT_BYTES } from './activationBytes';
import type { ActivationEstimate } from './activationBytes';
import { DEFAULT_MAX_BATCHED_TOKENS, DEFAULT_OVERHEAD_BYTES_PER_GPU, MAX_CONTEXT_TOKENS } from './defaults';
import {
  assertBatch,
  assertContextTokens,
  assertGpuCount,
  assertInteger,
  assertKvBits,
  assertPositive,
  resolveModel,
  type ModelRef,
} from './inputs';
import { kvReplicationFactor } from './kvReplication';
import { kvEffectiveTokens } from './kvTokens';
import { weightBytes, type WeightBytes } from './weightBytes';

/** What to size: a model, its weight format, its KV cache precision and the load. */
export interface MemoryInput {
  /** Catalog id or a full spec. */
  model: ModelRef;
  /** Weight format id (lib/formats), e.g. "bf16", "int8-w8a8", "int4-g128". */
  weights: string;
  /** Bits per KV-cache element: 16 (BF16/FP16), 8 (FP8/INT8), 4, 32, or any value in (0, 32]. */
  kvBits: number;
  /** Tokens held per sequence (prompt + generated), 1 … 10,000,000. */
  contextTokens: Tokens;
  /** Concurrent sequences, 1 … 100,000. */
  batch: number;
  /** Tensor-parallel GPUs (default 1). Changes the overhead (paid per GPU) and, past the KV-head count, the KV cache (replicated). */
  gpuCount?: number;
  /** Per-step token budget for the activation estimate (default {@link DEFAULT_MAX_BATCHED_TOKENS} = 2048, vLLM's). */
  maxBatchedTokens?: Tokens;
  /** CUDA context + runtime memory per GPU (default {@link DEFAULT_OVERHEAD_BYTES_PER_GPU} = 1000 MiB). */
  overheadBytesPerGpu?: Bytes;
  /** Use this measured activation peak instead of the estimate (e.g. from a vLLM startup log). */
  activationBytes?: Bytes;
}

/** One line of the "show the work" panel. */
export interface MemoryTerm {
  id: 'weights' | 'kvCache' | 'activations' | 'overhead';
  label: string;
  /** The formula with the actual numbers and units, ending in the result. */
  formula: string;
  bytes: Bytes;
}

/** Inference memory, by term, summed over all GPUs. */
export interface MemoryEstimate {
  weightsBytes: Bytes;
  kvCacheBytes: Bytes;
  activationBytes: Bytes;
  overheadBytes: Bytes;
  /** weightsBytes + kvCacheBytes + activationBytes + overheadBytes. */
  totalBytes: Bytes;
  /** KV bytes of one token, one copy (from lib/models `kvCacheBytesPerToken`). */
  kvCacheBytesPerToken: Bytes;
  /** Copies of the KV cache across the GPUs (see {@link kvReplicationFactor}). */
  kvReplication: number;
  gpuCount: number;
  /** The weight breakdown behind `weightsBytes`. */
  weights: WeightBytes;
  /** The activation estimate behind `activationBytes`; null when a measured figure was given. */
  activation: ActivationEstimate | null;
  /** Weights, KV cache, activations, overhead, in that order. */
  terms: MemoryTerm[];
  /** Things worth showing next to the result, e.g. a context beyond the model's maximum. */
  warnings: string[];
}

/** Everything about a memory estimate that does not depend on batch and context. @internal */
export interface MemoryPlan {
  spec: ModelSpec;
  weights: WeightBytes;
  kvBits: number;
  kvCacheBytesPerToken: Bytes;
  kvReplication: number;
  gpuCount: number;
  maxBatchedTokens: Tokens;
  overheadBytesPerGpu: Bytes;
  activationOverride: Bytes | undefined;
}

/** Validates and resolves the batch- and context-independent inputs. @internal */
export function planMemory(input: Omit<MemoryInput, 'batch' | 'contextTokens'>): MemoryPlan {
  const spec = resolveModel(input.model);
  assertKvBits(input.kvBits);
  const gpuCount = input.gpuCount ?? 1;
  assertGpuCount(gpuCount, spec);
  const maxBatchedTokens = input.maxBatchedTokens ?? DEFAULT_MAX_BATCHED_TOKENS;
  assertInteger(maxBatchedTokens, 'maxBatchedTokens', 1, MAX_CONTEXT_TOKENS, 'tokens');
  const overheadBytesPerGpu = input.overheadBytesPerGpu ?? DEFAULT_OVERHEAD_BYTES_PER_GPU;
  assertPositive(overheadBytesPerGpu, 'overheadBytesPerGpu', Infinity, true);
  if (input.activationBytes !== undefined) assertPositive(input.activationBytes, 'activationBytes', Infinity, true);
  if (typeof input.weights !== 'string' || input.weights === '') {
    throw new Error(`weights must be a weight format id (got ${JSON.stringify(input.weights)})`);
  }
  let weights: WeightBytes;
  try {
    weights = weightBytes(spec, input.weights);
  } catch (error) {
    throw new Error(`weights: ${(error as Error).message}`);
  }
  return {
    spec,
    weights,
    kvBits: input.kvBits,
    kvCacheBytesPerToken: kvCacheBytesPerToken(spec, { bits: input.kvBits }),
    kvReplication: kvReplicationFactor(spec, gpuCount),
    gpuCount,
    maxBatchedTokens,
    overheadBytesPerGpu,
    activationOverride: input.activationBytes,
  };
}

/** KV cache bytes of `batch` sequences of `contextTokens`, all copies. @internal */
export function kvBytesAt(plan: MemoryPlan, batch: number, contextTokens: Tokens): Bytes {
  return plan.kvCacheBytesPerToken * plan.kvReplication * kvEffectiveTokens(plan.spec, contextTokens) * batch;
}

/** Activation bytes at a load (the override when one was given). @internal */
export function activationBytesAt(plan: MemoryPlan, batch: number, contextTokens: Tokens): Bytes {
  if (plan.activationOverride !== undefined) return plan.activationOverride;
  return estimateActivationBytes(plan.spec, { batch, contextTokens, maxBatchedTokens: plan.maxBatchedTokens }).bytes;
}

/** Overhead bytes over all GPUs. @internal */
export function overheadBytesOf(plan: MemoryPlan): Bytes {
  return plan.overheadBytesPerGpu * plan.gpuCount;
}

/** Total bytes at a load; non-decreasing in batch and in contextTokens. @internal */
export function totalBytesAt(plan: MemoryPlan, batch: number, contextTokens: Tokens): Bytes {
  return plan.weights.bytes + kvBytesAt(plan, batch, contextTokens) + activationBytesAt(plan, batch, contextTokens) + overheadBytesOf(plan);
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * GPU memory needed to serve a model for INFERENCE: weights + KV cache +
 * activation workspace + CUDA/runtime overhead, summed over all GPUs.
 *
 *     weightsBytes    = weightBytes(model, weights).bytes                (all experts for MoE)
 *     kvCacheBytes    = kvCacheBytesPerToken(kvBits) × contextTokens × batch × kvReplication
 *                       (sliding-window layers count min(contextTokens, window): {@link kvEffectiveTokens})
 *     activationBytes = min(batch × contextTokens, maxBatchedTokens) × 3 × mlpWidth × 2 B
 *                       + min(batch, maxBatchedTokens) × vocab × 4 B     (an estimate)
 *     overheadBytes   = overheadBytesPerGpu × gpuCount
 *
 * Inference holds **no gradients and no optimizer state**: those exist only in
 * training (QLoRA computes gradients for its LoRA adapters only). Adding a
 * "gradients overhead" to an inference estimate, as the viral post does, is wrong
 * (facts.md §8). The KV cache depends on `kvBits` only, never on the weight format.
 *
 * Sources: weights, facts.md §7; KV per token, lib/models (2 · L · Hkv · head_dim · bytes,
 * MLA latent for DeepSeek); activations, {@link estimateActivationBytes}; overhead and
 * token budget, {@link DEFAULT_OVERHEAD_BYTES_PER_GPU} and {@link DEFAULT_MAX_BATCHED_TOKENS}.
 *
 * @throws {RangeError} naming the field: `contextTokens` or `batch` not an integer in
 *   range (1 … 10M tokens, 1 … 100k sequences), `kvBits` outside (0, 32], `gpuCount`
 *   not dividing the attention heads, a negative overhead.
 * @throws {Error} for an unknown `model` or `weights` id.
 * @example
 * // Llama-3.1-70B, INT8 weights (BF16 embed/lm_head), BF16 KV, 8 × 4,096 tokens, 1 GPU:
 * // 72,656,371,712 B weights + 327,680 B/token × 32,768 tokens = 10,737,418,240 B KV
 * // + 356,425,728 B activations + 1,048,576,000 B overhead ≈ 84.8 GB (79.0 GiB)
 * estimateMemory({ model: 'llama-3.1-70b', weights: 'int8-w8a8', kvBits: 16, contextTokens: 4096, batch: 8 }).kvCacheBytes // 10_737_418_240
 */
export function estimateMemory(input: MemoryInput): MemoryEstimate {
  assertContextTokens(input.contextTokens);
  assertBatch(input.batch);
  const plan = planMemory(input);
  const { batch, contextTokens } = input;
  const { spec, weights, gpuCount } = plan;

  const kvCacheBytes = kvBytesAt(plan, batch, contextTokens);
  const activation =
    plan.activationOverride === undefined
      ? estimateActivationBytes(spec, { batch, contextTokens, maxBatchedTokens: plan.maxBatchedTokens })
      : null;
  const activationBytes = activation ? activation.bytes : (plan.activationOverride ?? 0);
  const overheadBytes = overheadBytesOf(plan);
  const totalBytes = weights.bytes + kvCacheBytes + activationBytes + overheadBytes;

  const weightsFormula =
    weights.sixteenBitParams > 0
      ? `${formatCount(weights.quantizedParams)} params × ${weights.bitsPerWeight} bits / 8 + ${formatCount(weights.sixteenBitParams)} params (${weights.embeddingsAt16Bit ? 'embedding, lm_head, norms' : 'norms'}) × 16 bits / 8 = ${formatBytesBoth(weights.bytes)}`
      : `${formatCount(weights.quantizedParams)} params × ${weights.bitsPerWeight} bits / 8 = ${formatBytesBoth(weights.bytes)}`;

  const copies = plan.kvReplication === 1 ? '' : ` × ${formatCount(plan.kvReplication)} copies (replicated across GPUs)`;
  const effectiveTokens = kvEffectiveTokens(spec, contextTokens);
  const cached =
    effectiveTokens === contextTokens
      ? plural(contextTokens, 'token', 'tokens')
      : `${formatCount(effectiveTokens)} tokens (${formatCount(contextTokens)}, sliding-window layers capped at ${formatCount(spec.slidingWindow?.windowTokens ?? 0)})`;
  const kvFormula = `${kvCacheFormula(spec, { bits: plan.kvBits }).formula} = ${formatCount(plan.kvCacheBytesPerToken)} B/token × ${cached} × ${plural(batch, 'sequence', 'sequences')}${copies} = ${formatBytesBoth(kvCacheBytes)}`;

  const activationFormula = activation
    ? `min(${formatCount(batch)} × ${formatCount(contextTokens)}, ${formatCount(plan.maxBatchedTokens)}) = ${formatCount(activation.chunkTokens)} tokens × ${MLP_LIVE_WIDTHS} × ${formatCount(activation.mlpWidth)} × ${ACTIVATION_ELEMENT_BYTES} B + ${formatCount(activation.logitRows)} × ${formatCount(spec.vocabSize)} logits × ${LOGIT_BYTES} B = ${formatBytesBoth(activationBytes)} (estimate)`
    : `given: ${formatBytesBoth(activationBytes)}`;

  const overheadFormula = `${formatCount(plan.overheadBytesPerGpu / BYTES_PER_MIB)} MiB × ${plural(gpuCount, 'GPU', 'GPUs')} = ${formatBytesBoth(overheadBytes)}`;

  const warnings: string[] = [];
  if (contextTokens > spec.maxContextTokens) {
    warnings.push(
      `contextTokens (${formatCount(contextTokens)}) exceeds the model's maximum context of ${formatCount(spec.maxContextTokens)} tokens`,
    );
  }

  return {
    weightsBytes: weights.bytes,
    kvCacheBytes,
    activationBytes,
    overheadBytes,
    totalBytes,
    kvCacheBytesPerToken: plan.kvCacheBytesPerToken,
    kvReplication: plan.kvReplication,
    gpuCount,
    weights,
    activation,
    terms: [
      { id: 'weights', label: 'Weights', formula: weightsFormula, bytes: weights.bytes },
      { id: 'kvCache', label: 'KV cache', formula: kvFormula, bytes: kvCacheBytes },
      { id: 'activations', label: 'Activations (peak workspace)', formula: activationFormula, bytes: activationBytes },
      { id: 'overhead', label: 'CUDA context and runtime', formula: overheadFormula, bytes: overheadBytes },
    ],
    warnings,
  };
}
