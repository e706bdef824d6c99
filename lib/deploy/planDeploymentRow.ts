import { costPerMillionTokens, decodeStep } from '../perf';
import type { ComputeDtype } from '../hardware/types';
import { fitOnGpu, resolveGpu, resolveModel, weightBytes, type GpuRef, type ModelRef } from '../sizing';
import type { Bytes, Tokens, TokensPerSecond, Usd } from '../units';
import { capBatchAtFit } from './capBatch';
import { tensorParallelSplit, type TensorParallelSplit } from '@/lib/sizing/tensorParallel';

/** The inputs a deployment row can be wrong about; errors name one of these. */
export type DeploymentField =
  | 'model'
  | 'weights'
  | 'gpu'
  | 'gpuCount'
  | 'contextTokens'
  | 'targetBatch'
  | 'kvBits'
  | 'memoryUtilization'
  | 'dollarsPerGpuHour';

/** One candidate set-up: a weight format on N GPUs of one kind, serving a load. */
export interface DeploymentRowInput {
  model: ModelRef;
  /** Weight format id (lib/formats). */
  weights: string;
  gpu: GpuRef;
  /** Tensor-parallel GPUs; must divide the attention heads. */
  gpuCount: number;
  /** Tokens per sequence (prompt + output) the KV cache must hold. */
  contextTokens: Tokens;
  /** Concurrent sequences wanted. */
  targetBatch: number;
  /** Bits per KV-cache element (16 = BF16 cache). */
  kvBits: number;
  /** Fraction of GPU memory the engine may fill (default 1.0; vLLM's default is 0.92). */
  memoryUtilization?: number;
  /** Price of ONE GPU-hour in dollars, typed by the user; null until they do. */
  dollarsPerGpuHour: Usd | null;
}

/** The decode roofline at the batch that fits. */
export interface DeploymentDecode {
  /** The batch used: min(targetBatch, maxBatchAtContext). */
  batch: number;
  tokensPerSecondPerSequence: TokensPerSecond;
  tokensPerSecondTotal: TokensPerSecond;
  bound: 'memory' | 'compute';
  computeDtype: ComputeDtype;
  /** Why the format runs in another dtype on this GPU (e.g. FP8 on A100), or null. */
  computeDtypeNote: string | null;
  /** Batch where the weight GEMMs turn compute-bound, the same at any context (Infinity when never). */
  crossoverBatch: number;
}

/** A row that could be computed. */
export interface DeploymentRowPlan {
  ok: true;
  /** Display name of the GPU. */
  gpuName: string;
  gpuCount: number;
  weightsBytes: Bytes;
  /** Whether `targetBatch` sequences of `contextTokens` fit. */
  fits: boolean;
  requiredBytes: Bytes;
  availableBytes: Bytes;
  headroomBytes: Bytes;
  memoryUtilization: number;
  /** Most sequences of `contextTokens` that fit (0 when not even one does). */
  maxBatchAtContext: number;
  /** True when the decode figures use fewer sequences than the target. */
  batchCapped: boolean;
  /** null when not even one sequence fits (no speed or cost to quote). */
  decode: DeploymentDecode | null;
  /**
   * - 'ok': a price was given and something fits.
   * - 'no-price': nothing typed yet.
   * - 'no-fit': a price was given but no sequence fits, so no tokens are produced.
   */
  costStatus: 'ok' | 'no-price' | 'no-fit';
  /** Dollars per million output tokens at `decode.tokensPerSecondTotal`, flat out; null unless costStatus is 'ok'. */
  costPerMillionTokensUsd: Usd | null;
  tensorParallel: TensorParallelSplit;
  /** Warnings from the memory estimate (e.g. a context beyond the model's maximum). */
  warnings: string[];
}

/** A row whose inputs lib rejected, with the field to show the message next to. */
export interface DeploymentRowError {
  ok: false;
  field: DeploymentField;
  message: string;
}

const FIELD_ALIASES: Record<string, DeploymentField> = {
  model: 'model',
  weights: 'weights',
  gpu: 'gpu',
  gpuCount: 'gpuCount',
  contextTokens: 'contextTokens',
  batch: 'targetBatch',
  targetBatch: 'targetBatch',
  kvBits: 'kvBits',
  memoryUtilization: 'memoryUtilization',
  dollarsPerHour: 'dollarsPerGpuHour',
  dollarsPerGpuHour: 'dollarsPerGpuHour',
};

/** The field a lib error message names (lib messages start with it), else 'model'. */
function fieldOf(message: string): DeploymentField {
  const head = /^([A-Za-z]+)/.exec(message)?.[1] ?? '';
  return FIELD_ALIASES[head] ?? 'model';
}

/**
 * Everything one row of a deployment comparison shows, from lib calls only:
 *
 *     fit          = fitOnGpu(model, weights, kvBits, context, targetBatch, gpu × gpuCount, memoryUtilization)
 *     decodeBatch  = min(targetBatch, fit.maxBatchAtContext)              ({@link capBatchAtFit})
 *     decode       = decodeStep(…, batch = decodeBatch)                   (roofline: an upper bound on speed)
 *     $ / 1M tok   = costPerMillionTokens(decode.tokensPerSecondTotal, $/GPU-hour, gpuCount)
 *
 * The speed and the cost are quoted at the batch that fits, never at a batch the
 * memory cannot hold; `batchCapped` says when that is below the target. Cost is the
 * floor for a GPU group running flat out at the roofline speed.
 *
 * Never throws for bad input: lib's RangeError/Error becomes `{ ok: false, field, message }`.
 *
 * @example
 * // Llama-3.1-70B INT8 W8A8 on one H100 SXM, 16 × 4,096 tokens: 7 sequences fit, so speed is quoted at 7
 * const row = planDeploymentRow({ model: 'llama-3.1-70b', weights: 'int8-w8a8', gpu: 'h100-sxm', gpuCount: 1, contextTokens: 4096, targetBatch: 16, kvBits: 16, dollarsPerGpuHour: null });
 * row.ok && row.decode?.batch // 7
 */
export function planDeploymentRow(input: DeploymentRowInput): DeploymentRowPlan | DeploymentRowError {
  try {
    if (
      input.dollarsPerGpuHour !== null &&
      !(Number.isFinite(input.dollarsPerGpuHour) && input.dollarsPerGpuHour >= 0)
    ) {
      throw new RangeError(`dollarsPerGpuHour must be a finite number ≥ 0 (got ${input.dollarsPerGpuHour})`);
    }
    if (!Number.isInteger(input.targetBatch) || input.targetBatch < 1) {
      throw new RangeError(`targetBatch must be a whole number of sequences ≥ 1 (got ${input.targetBatch})`);
    }
    const spec = resolveModel(input.model);
    const gpu = resolveGpu(input.gpu);
    const fit = fitOnGpu({
      model: spec,
      weights: input.weights,
      kvBits: input.kvBits,
      contextTokens: input.contextTokens,
      batch: input.targetBatch,
      gpu,
      gpuCount: input.gpuCount,
      memoryUtilization: input.memoryUtilization,
    });
    const { decodeBatch, capped } = capBatchAtFit(input.targetBatch, fit.maxBatchAtContext);

    let decode: DeploymentDecode | null = null;
    if (decodeBatch > 0) {
      const step = decodeStep({
        model: spec,
        weights: input.weights,
        gpu,
        gpuCount: input.gpuCount,
        batch: decodeBatch,
        contextTokens: input.contextTokens,
        kvBits: input.kvBits,
      });
      decode = {
        batch: decodeBatch,
        tokensPerSecondPerSequence: step.tokensPerSecondPerSequence,
        tokensPerSecondTotal: step.tokensPerSecondTotal,
        bound: step.bound,
        computeDtype: step.computeDtype,
        computeDtypeNote: step.computeDtypeNote,
        crossoverBatch: step.crossoverBatch,
      };
    }

    let costStatus: DeploymentRowPlan['costStatus'] = 'no-price';
    let costPerMillionTokensUsd: Usd | null = null;
    if (input.dollarsPerGpuHour !== null) {
      if (decode) {
        costStatus = 'ok';
        costPerMillionTokensUsd = costPerMillionTokens({
          tokensPerSecondTotal: decode.tokensPerSecondTotal,
          dollarsPerHour: input.dollarsPerGpuHour,
          gpuCount: input.gpuCount,
        });
      } else {
        costStatus = 'no-fit';
      }
    }

    return {
      ok: true,
      gpuName: gpu.name,
      gpuCount: fit.gpuCount,
      weightsBytes: weightBytes(spec, input.weights).bytes,
      fits: fit.fits,
      requiredBytes: fit.requiredBytes,
      availableBytes: fit.availableBytes,
      headroomBytes: fit.headroomBytes,
      memoryUtilization: fit.memoryUtilization,
      maxBatchAtContext: fit.maxBatchAtContext,
      batchCapped: capped,
      decode,
      costStatus,
      costPerMillionTokensUsd,
      tensorParallel: tensorParallelSplit({ model: spec, weights: input.weights, gpuCount: input.gpuCount }),
      warnings: fit.estimate.warnings,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, field: fieldOf(message), message };
  }
}
