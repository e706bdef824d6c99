import {
  kvCacheFormula,
  kvCacheFormulaDeepseekV32Fp8,
  kvReservationBytesPerSequence,
  kvReservedTokensPerLayer,
  layerAttentionOf,
} from '../models';
import type { KvCacheFormula, KvEngine, KvReservationOptions } from '../models';
import type { ModelSpec } from '../models/types';
import { formatBytesBoth, formatCount, formatGiB, groupDigits } from '../units';
import type { Bytes, Tokens } from '../units';
import { estimateActivationBytes, MLP_LIVE_WIDTHS, ACTIVATION_ELEMENT_BYTES, LOGIT_BYTES } from './activationBytes';
import type { ActivationEstimate } from './activationBytes';
import { DEFAULT_MAX_BATCHED_TOKENS, DEFAULT_MAX_NUM_SEQS, MAX_BATCH, MAX_CONTEXT_TOKENS } from './defaults';
import { vllmNonTorchBytesPerGpu, VLLM_FORWARD_WORKSPACE_FACTOR, VLLM_SAMPLER_LOGIT_COPIES } from './vllmCalibration';
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
import { weightBytes, type WeightBytes } from './weightBytes';

/** What to size: a model, its weight format, its KV cache precision and the load. */
export interface MemoryInput {
  /** Catalog id or a full spec. */
  model: ModelRef;
  /** Weight format id (lib/formats), e.g. "bf16", "int8-w8a8", "int4-g128". */
  weights: string;
  /** Bits per KV-cache element: 16 (BF16/FP16), 8 (FP8/INT8), 4, 32, or any value in (0, 32]. Ignored when `kvLayout` is set. */
  kvBits: number;
  /**
   * A cache whose bytes per token a kernel fixes instead of a per-element width:
   * 'deepseek-v3.2-fp8' is DeepSeek-V3.2 with `--kv-cache-dtype fp8` (656 B fp8_ds_mla + 132 B
   * indexer key per layer; lib/models `kvCacheFormulaDeepseekV32Fp8`). MLA models only.
   */
  kvLayout?: KvLayoutId;
  /**
   * Whose KV reservation rule sizes sliding-window and chunked layers (default 'vllm'):
   * vLLM V1 reserves window − 1 + `maxBatchedTokens` per sliding layer in 16-token blocks;
   * llama.cpp `n_swa · batch + n_ubatch` (512) cells, padded to 256, shared by the sequences
   * (lib/models `kvReservedTokensPerLayer`). The activation and non-torch terms stay vLLM's.
   */
  engine?: KvEngine;
  /** Tokens held per sequence (prompt + generated), 1 … 10,000,000. */
  contextTokens: Tokens;
  /** Concurrent sequences, 1 … 100,000. */
  batch: number;
  /** Tensor-parallel GPUs (default 1). Changes the overhead and activations (paid on every GPU) and, past the KV-head count, the KV cache (replicated). */
  gpuCount?: number;
  /** vLLM's `max_num_batched_tokens`, the profiling forward pass (default {@link DEFAULT_MAX_BATCHED_TOKENS} = 2048; `fitOnGpu` uses vLLM's default for the GPU). */
  maxBatchedTokens?: Tokens;
  /** vLLM's `max_num_seqs`, the sampler warm-up (default {@link DEFAULT_MAX_NUM_SEQS} = 256; `fitOnGpu` uses vLLM's default for the GPU). */
  maxNumSeqs?: number;
  /** Non-torch memory per GPU (default vLLM's, calibrated: 0.25 GiB, + 1.8 GiB of NCCL buffers at TP ≥ 2; {@link vllmNonTorchBytesPerGpu}). */
  overheadBytesPerGpu?: Bytes;
  /** Use this measured activation peak per GPU instead of the estimate (vLLM's "torch peak memory increase"). */
  activationBytes?: Bytes;
}

/** KV-cache layouts {@link estimateMemory} knows besides a plain element width. */
export type KvLayoutId = 'deepseek-v3.2-fp8';

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
  /** KV bytes of one token, one copy (from lib/models `kvCacheBytesPerToken`, or the `kvLayout`'s). */
  kvCacheBytesPerToken: Bytes;
  /** The per-token KV formula (element width, or the `kvLayout`'s fields) behind `kvCacheBytesPerToken`. */
  kvFormula: KvCacheFormula;
  /** KV bytes the engine reserves for one sequence of `contextTokens`, all copies (lib/models `kvReservationBytesPerSequence`). */
  kvCacheBytesPerSequence: Bytes;
  /** The engine whose KV reservation rule was applied. */
  engine: KvEngine;
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
  kvLayout: KvLayoutId | null;
  engine: KvEngine;
  /** The per-token formula (element width or layout) behind `kvCacheBytesPerToken`. */
  kvFormula: KvCacheFormula;
  kvCacheBytesPerToken: Bytes;
  kvReplication: number;
  gpuCount: number;
  maxBatchedTokens: Tokens;
  maxNumSeqs: number;
  overheadBytesPerGpu: Bytes;
  /** Activation peak per GPU, measured (given) or estimated. */
  activationBytesPerGpu: Bytes;
  /** The estimate behind `activationBytesPerGpu`; null when a measured figure was given. */
  activation: ActivationEstimate | null;
}

/** Validates and resolves the batch- and context-independent inputs. @internal */
export function planMemory(input: Omit<MemoryInput, 'batch' | 'contextTokens'>): MemoryPlan {
  const spec = resolveModel(input.model);
  assertKvBits(input.kvBits);
  const engine = input.engine ?? 'vllm';
  if (engine !== 'vllm' && engine !== 'llama.cpp')
    throw new RangeError(`engine must be "vllm" or "llama.cpp" (got ${JSON.stringify(engine)})`);
  const kvLayout = input.kvLayout ?? null;
  if (kvLayout !== null && kvLayout !== 'deepseek-v3.2-fp8') {
    throw new RangeError(`kvLayout must be "deepseek-v3.2-fp8" or absent (got ${JSON.stringify(kvLayout)})`);
  }
  let kvFormula: KvCacheFormula;
  try {
    kvFormula = kvLayout ? kvCacheFormulaDeepseekV32Fp8(spec) : kvCacheFormula(spec, { bits: input.kvBits });
  } catch (error) {
    throw new RangeError(`kvLayout: ${(error as Error).message}`);
  }
  const gpuCount = input.gpuCount ?? 1;
  assertGpuCount(gpuCount, spec);
  const maxBatchedTokens = input.maxBatchedTokens ?? DEFAULT_MAX_BATCHED_TOKENS;
  assertInteger(maxBatchedTokens, 'maxBatchedTokens', 1, MAX_CONTEXT_TOKENS, 'tokens');
  const maxNumSeqs = input.maxNumSeqs ?? DEFAULT_MAX_NUM_SEQS;
  assertInteger(maxNumSeqs, 'maxNumSeqs', 1, MAX_BATCH, 'sequences');
  const overheadBytesPerGpu = input.overheadBytesPerGpu ?? vllmNonTorchBytesPerGpu(gpuCount);
  assertPositive(overheadBytesPerGpu, 'overheadBytesPerGpu', Infinity, true);
  if (input.activationBytes !== undefined) assertPositive(input.activationBytes, 'activationBytes', Infinity, true);
  const activation =
    input.activationBytes === undefined ? estimateActivationBytes(spec, { maxBatchedTokens, maxNumSeqs }) : null;
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
    kvLayout,
    engine,
    kvFormula,
    kvCacheBytesPerToken: kvFormula.bytesPerToken,
    kvReplication: kvReplicationFactor(spec, gpuCount),
    gpuCount,
    maxBatchedTokens,
    maxNumSeqs,
    overheadBytesPerGpu,
    activationBytesPerGpu: activation ? activation.bytes : (input.activationBytes ?? 0),
    activation,
  };
}

/** The engine settings of a plan's KV reservation at a load. @internal */
export function kvReservationOptions(plan: MemoryPlan, batch: number, contextTokens: Tokens): KvReservationOptions {
  return { engine: plan.engine, contextTokens, maxNumBatchedTokens: plan.maxBatchedTokens, sequences: batch };
}

/**
 * KV cache bytes the engine reserves for `batch` sequences of `contextTokens`, all copies:
 * kvReservationBytesPerSequence(spec, bytesPerToken × copies, engine settings) × batch. @internal
 */
export function kvBytesAt(plan: MemoryPlan, batch: number, contextTokens: Tokens): Bytes {
  const perSequence = kvReservationBytesPerSequence(
    plan.spec,
    plan.kvCacheBytesPerToken * plan.kvReplication,
    kvReservationOptions(plan, batch, contextTokens),
  );
  // llama.cpp's SWA cache is shared by the sequences, so one sequence's share can be fractional: round the whole.
  return plan.engine === 'vllm' ? perSequence * batch : Math.round(perSequence * batch);
}

/**
 * How the reserved tokens per sequence were counted, for the KV line of the breakdown: the
 * plain context, the context in 16-token blocks, or each layer kind's reservation and the rule.
 */
function kvTokensText(plan: MemoryPlan, batch: number, contextTokens: Tokens): string {
  const options = kvReservationOptions(plan, batch, contextTokens);
  const layers = layerAttentionOf(plan.spec);
  const groups = new Map<string, { count: number; tokens: number; kind: string }>();
  for (const layer of layers) {
    const tokens = kvReservedTokensPerLayer(layer, options);
    const key = `${layer.kind}:${tokens}`;
    const g = groups.get(key) ?? { count: 0, tokens, kind: layer.kind };
    g.count += 1;
    groups.set(key, g);
  }
  const average = [...groups.values()].reduce((s, g) => s + g.count * g.tokens, 0) / layers.length;
  const tokensWord = (n: number) => `${groupDigits(n)} ${n === 1 ? 'token' : 'tokens'}`;
  // Every layer reserves the same (no windows, or windows the context does not reach): one count says it.
  if (new Set([...groups.values()].map((g) => g.tokens)).size === 1) {
    return average === contextTokens
      ? tokensWord(contextTokens)
      : `${tokensWord(average)} (${formatCount(contextTokens)} in 16-token blocks)`;
  }
  const parts = [...groups.values()].map(
    (g) => `${g.count} ${g.kind} ${g.count === 1 ? 'layer' : 'layers'} × ${groupDigits(g.tokens)}`,
  );
  const chunked = layers.some((l) => l.kind === 'chunked');
  const rule =
    plan.engine === 'vllm'
      ? `KV reserved as vLLM does: window − 1 + batched tokens, in 16-token blocks${chunked ? ' (a chunked layer: chunk + batched tokens)' : ''}; max_num_batched_tokens ${formatCount(plan.maxBatchedTokens)}`
      : `KV reserved as llama.cpp does: window × ${plural(batch, 'sequence', 'sequences')} + 512 n_ubatch cells, padded to 256 and shared by the sequences${chunked ? '; chunked layers hold the whole context' : ''}`;
  return `${tokensWord(average)} (layer average of ${parts.join(' + ')}; ${rule})`;
}

/** Activation bytes over all GPUs: the per-GPU peak on every GPU (vLLM profiles it once; it does not depend on the load). @internal */
export function activationBytesOf(plan: MemoryPlan): Bytes {
  return plan.activationBytesPerGpu * plan.gpuCount;
}

/** Overhead bytes over all GPUs. @internal */
export function overheadBytesOf(plan: MemoryPlan): Bytes {
  return plan.overheadBytesPerGpu * plan.gpuCount;
}

/** Total bytes at a load; non-decreasing in batch and in contextTokens. @internal */
export function totalBytesAt(plan: MemoryPlan, batch: number, contextTokens: Tokens): Bytes {
  return plan.weights.bytes + kvBytesAt(plan, batch, contextTokens) + activationBytesOf(plan) + overheadBytesOf(plan);
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * GPU memory needed to serve a model for INFERENCE the way vLLM accounts for it:
 * weights + KV cache + profiled activation peak + non-torch memory, summed over all GPUs.
 *
 *     weightsBytes    = weightBytes(model, weights).bytes                (all experts for MoE)
 *     kvCacheBytes    = kvReservationBytesPerSequence(kvCacheBytesPerToken(kvBits) × kvReplication, engine) × batch
 *                       (the engine's reservation: full layers the context in 16-token blocks (vLLM);
 *                        sliding layers window − 1 + maxBatchedTokens in blocks, + 1 block (vLLM V1
 *                        SlidingWindowSpec) or n_swa · batch + 512 padded to 256 (llama.cpp); lib/models
 *                        kvReservedTokensPerLayer. maxBatchedTokens defaults to 2,048, vLLM's
 *                        SchedulerConfig default; fitOnGpu uses the GPU's server default.)
 *     activationBytes = max(maxBatchedTokens × 3 × mlpWidth × 2 B × 1.5,
 *                           maxNumSeqs × vocab × 4 B × 3.8) × gpuCount   (calibrated; every GPU pays it)
 *     overheadBytes   = (0.25 GiB + (gpuCount ≥ 2 ? 1.8 GiB NCCL : 0)) × gpuCount
 *
 * Inference holds **no gradients and no optimizer state**: those exist only in
 * training (QLoRA computes gradients for its LoRA adapters only). Adding a
 * "gradients overhead" to an inference estimate, as the viral post does, is wrong
 * (docs/provenance.md §8). The KV cache depends on `kvBits` only, never on the weight format.
 *
 * Sources: weights, lib/sizing `weightBytes`; KV per token, lib/models (2 · L · Hkv · head_dim · bytes,
 * MLA latent for DeepSeek); activations, {@link estimateActivationBytes}; non-torch memory,
 * {@link vllmNonTorchBytesPerGpu}; calibration logs in lib/sizing/vllmCalibration.ts.
 *
 * @throws {RangeError} naming the field: `contextTokens` or `batch` not an integer in
 *   range (1 … 10M tokens, 1 … 100k sequences), `kvBits` outside (0, 32], `gpuCount`
 *   not dividing the attention heads, a negative overhead.
 * @throws {Error} for an unknown `model` or `weights` id.
 * @example
 * // Llama-3.1-70B, INT8 weights (BF16 embed/lm_head), BF16 KV, 8 × 4,096 tokens, 1 GPU:
 * // 72,656,371,712 B weights + 327,680 B/token × 32,768 tokens = 10,737,418,240 B KV
 * estimateMemory({ model: 'llama-3.1-70b', weights: 'int8-w8a8', kvBits: 16, contextTokens: 4096, batch: 8 }).kvCacheBytes // 10_737_418_240
 */
export function estimateMemory(input: MemoryInput): MemoryEstimate {
  assertContextTokens(input.contextTokens);
  assertBatch(input.batch);
  const plan = planMemory(input);
  const { batch, contextTokens } = input;
  const { spec, weights, gpuCount } = plan;

  const kvCacheBytes = kvBytesAt(plan, batch, contextTokens);
  const activation = plan.activation;
  const activationBytes = activationBytesOf(plan);
  const overheadBytes = overheadBytesOf(plan);
  const totalBytes = weights.bytes + kvCacheBytes + activationBytes + overheadBytes;

  const weightsFormula =
    weights.sixteenBitParams > 0
      ? `${formatCount(weights.quantizedParams)} params × ${weights.bitsPerWeight} bits / 8 + ${formatCount(weights.sixteenBitParams)} params (${weights.embeddingsAt16Bit ? 'embedding, lm_head, norms' : 'norms'}) × 16 bits / 8 = ${formatBytesBoth(weights.bytes)}`
      : `${formatCount(weights.quantizedParams)} params × ${weights.bitsPerWeight} bits / 8 = ${formatBytesBoth(weights.bytes)}`;

  const copies =
    plan.kvReplication === 1 ? '' : ` × ${formatCount(plan.kvReplication)} copies (replicated across GPUs)`;
  const cached = kvTokensText(plan, batch, contextTokens);
  const kvFormula = `${plan.kvFormula.formula} = ${formatCount(plan.kvCacheBytesPerToken)} B/token × ${cached} × ${plural(batch, 'sequence', 'sequences')}${copies} = ${formatBytesBoth(kvCacheBytes)}`;

  const perGpus = gpuCount === 1 ? '' : ` per GPU × ${plural(gpuCount, 'GPU', 'GPUs')}`;
  const activationFormula = activation
    ? `max(${formatCount(activation.chunkTokens)} tokens × ${MLP_LIVE_WIDTHS} × ${formatCount(activation.mlpWidth)} × ${ACTIVATION_ELEMENT_BYTES} B × ${VLLM_FORWARD_WORKSPACE_FACTOR}, ${formatCount(activation.logitRows)} × ${formatCount(spec.vocabSize)} logits × ${LOGIT_BYTES} B × ${VLLM_SAMPLER_LOGIT_COPIES}) = ${formatGiB(activation.bytes, 2)}${perGpus} = ${formatBytesBoth(activationBytes)} (calibrated on vLLM logs)`
    : `given: ${formatGiB(plan.activationBytesPerGpu, 2)}${perGpus} = ${formatBytesBoth(activationBytes)}`;

  const overheadFormula = `${formatGiB(plan.overheadBytesPerGpu, 2)}${gpuCount >= 2 ? ' (incl. NCCL buffers)' : ''}${perGpus} = ${formatBytesBoth(overheadBytes)}`;

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
    kvFormula: plan.kvFormula,
    kvCacheBytesPerSequence: kvCacheBytes / batch,
    engine: plan.engine,
    kvReplication: plan.kvReplication,
    gpuCount,
    weights,
    activation,
    terms: [
      { id: 'weights', label: 'Weights', formula: weightsFormula, bytes: weights.bytes },
      { id: 'kvCache', label: 'KV cache', formula: kvFormula, bytes: kvCacheBytes },
      {
        id: 'activations',
        label: 'Activation peak (vLLM profile)',
        formula: activationFormula,
        bytes: activationBytes,
      },
      { id: 'overhead', label: 'Non-torch memory (cuBLAS, NCCL)', formula: overheadFormula, bytes: overheadBytes },
    ],
    warnings,
  };
}
