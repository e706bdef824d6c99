import { countParams } from '@/lib/models';
import { FORMATS, GGUF_FILE_BPW, bitsPerWeight } from '@/lib/formats';
import {
  estimateMemory,
  resolveGpu,
  resolveModel,
  vllmDefaultMaxBatchedTokens,
  vllmDefaultMaxNumSeqs,
  weightBytes,
  type GpuRef,
  type ModelRef,
} from './';
import { assertFraction, assertGpuCount } from './inputs';
import type { Bytes, Tokens } from '@/lib/units';

/** The load whose memory must be set aside before the weights: KV cache, workspace, CUDA context. */
export interface ReservedLoad {
  contextTokens: Tokens;
  batch: number;
  kvBits: number;
}

/** How many bytes are left for the weights on a GPU group, and what was set aside. */
export interface WeightBudget {
  /** usableMemoryBytes × gpuCount × memoryUtilization. */
  availableBytes: Bytes;
  /** CUDA context + runtime overhead on every GPU (0 when no load is reserved). */
  overheadBytes: Bytes;
  /** KV cache of `batch` × `contextTokens` (0 when no load is reserved). */
  kvCacheBytes: Bytes;
  /** Activation workspace estimate (0 when no load is reserved). */
  activationBytes: Bytes;
  /** availableBytes − overhead − KV − activations; may be negative. */
  budgetBytes: Bytes;
}

/**
 * The memory left for weights once a load is reserved:
 *
 *     budget = usable × gpuCount × memoryUtilization − (overhead + KV cache + activations)
 *
 * The reserved terms are lib/sizing `estimateMemory`'s (they do not depend on the
 * weight format), with vLLM's per-GPU token budget as `fitOnGpu` uses. With
 * `load: null` nothing is reserved: the budget is the whole usable memory ("weights
 * alone").
 *
 * @throws {RangeError} naming the field for a bad gpuCount, memoryUtilization or load; an unknown model/GPU.
 * @example
 * // RTX 4090: nvidia-smi 24,564 MiB = 25,757,220,864 B, nothing reserved
 * weightBudget({ model: 'llama-3.1-70b', gpu: 'rtx-4090', load: null }).budgetBytes // 25_757_220_864
 */
export function weightBudget({
  model,
  gpu,
  gpuCount = 1,
  memoryUtilization = 1,
  load,
}: {
  model: ModelRef;
  gpu: GpuRef;
  gpuCount?: number;
  memoryUtilization?: number;
  load: ReservedLoad | null;
}): WeightBudget {
  const spec = resolveModel(model);
  const card = resolveGpu(gpu);
  assertGpuCount(gpuCount, spec);
  assertFraction(memoryUtilization, 'memoryUtilization');
  const availableBytes = card.usableMemoryBytes * gpuCount * memoryUtilization;
  if (load === null) {
    return { availableBytes, overheadBytes: 0, kvCacheBytes: 0, activationBytes: 0, budgetBytes: availableBytes };
  }
  const estimate = estimateMemory({
    model: spec,
    weights: 'bf16',
    kvBits: load.kvBits,
    contextTokens: load.contextTokens,
    batch: load.batch,
    gpuCount,
    maxBatchedTokens: vllmDefaultMaxBatchedTokens(card),
    maxNumSeqs: vllmDefaultMaxNumSeqs(card),
  });
  const reserved = estimate.overheadBytes + estimate.kvCacheBytes + estimate.activationBytes;
  return {
    availableBytes,
    overheadBytes: estimate.overheadBytes,
    kvCacheBytes: estimate.kvCacheBytes,
    activationBytes: estimate.activationBytes,
    budgetBytes: availableBytes - reserved,
  };
}

/**
 * The most bits per weight, averaged over EVERY parameter (embedding and output head
 * included, as GGUF quantises them), that keep a model's weights within a byte budget:
 *
 *     maxBits = budgetBytes × 8 / totalParams
 *
 * Source: docs/provenance.md §8, "Fitting 24 GB needs ≤ ~2.7 bits/weight before KV cache
 * (24e9·8 / 70.55e9)". Formats that keep the embedding at 16 bits (GPTQ/AWQ) need a
 * little less than this on the other weights.
 *
 * @throws {RangeError} when `budgetBytes` is not a finite number.
 * @example maxBitsPerWeightToFit('llama-3.1-70b', 24e9) // 24e9 × 8 / 70,553,706,496 ≈ 2.7213
 */
export function maxBitsPerWeightToFit(model: ModelRef, budgetBytes: Bytes): number {
  if (!Number.isFinite(budgetBytes))
    throw new RangeError(`budgetBytes must be a finite number of bytes (got ${budgetBytes})`);
  const params = countParams(resolveModel(model)).total;
  return (Math.max(0, budgetBytes) * 8) / params;
}

/** A GGUF base type checked against a weight budget. */
export interface GgufFitRow {
  formatId: string;
  /** llama.cpp type name, e.g. "IQ2_XS". */
  ggmlType: string;
  name: string;
  /** Nominal bits per weight of the base type (block struct bytes × 8 / weights). */
  bitsPerWeight: number;
  /** Observed whole-file bits per weight of the llama-quantize type of that name on Llama-3.1-8B, where the README lists one. */
  fileBitsPerWeightOnLlama318B: number | null;
  /** Weights at the base type, every tensor quantised (lib/sizing weightBytes): a floor for the `_S/_M` mixes. */
  weightsBytes: Bytes;
  /** weightsBytes ≤ budgetBytes. */
  fits: boolean;
  /** The format's caveats (lib/formats), e.g. the quality warning of 2-bit i-quants. */
  caveats: readonly string[];
}

/**
 * Every GGUF base type in lib/formats, from widest to narrowest, with its weight
 * bytes for a model and whether that fits a budget. The bytes are the base type's
 * block arithmetic over all parameters; real files are larger because `_S/_M` mixes
 * give some tensors a wider type (see `fileBitsPerWeightOnLlama318B`).
 *
 * @throws {Error} for an unknown model; RangeError for a non-finite budget.
 * @example ggufTypesWithinBudget('llama-3.1-70b', 23e9).filter((r) => r.fits).map((r) => r.ggmlType) // ['IQ2_XS', 'IQ2_XXS']
 */
export function ggufTypesWithinBudget(model: ModelRef, budgetBytes: Bytes): GgufFitRow[] {
  if (!Number.isFinite(budgetBytes))
    throw new RangeError(`budgetBytes must be a finite number of bytes (got ${budgetBytes})`);
  const spec = resolveModel(model);
  return FORMATS.flatMap((format) => {
    if (format.storage.kind !== 'gguf') return [];
    const ggmlType = format.storage.ggmlType;
    const bytes = weightBytes(spec, format.id).bytes;
    return [
      {
        formatId: format.id,
        ggmlType,
        name: format.name,
        bitsPerWeight: bitsPerWeight(format.id),
        fileBitsPerWeightOnLlama318B: GGUF_FILE_BPW.find((row) => row.quantType === ggmlType)?.bitsPerWeight ?? null,
        weightsBytes: bytes,
        fits: bytes <= budgetBytes,
        caveats: format.caveats,
      },
    ];
  }).sort((a, b) => b.bitsPerWeight - a.bitsPerWeight);
}
