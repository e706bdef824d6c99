import { assertBatch, assertContextTokens } from '../sizing/inputs';
import type { Seconds, TokensPerSecond } from '../units';
import { decodeStepWithPlan, planDecode, crossoverBatch, type DecodeInput } from './decodeStep';

/** One point of a throughput-vs-batch curve. */
export interface DecodeCurvePoint {
  batch: number;
  secondsPerToken: Seconds;
  tokensPerSecondPerSequence: TokensPerSecond;
  tokensPerSecondTotal: TokensPerSecond;
  bound: 'memory' | 'compute';
  /** The calibrated estimate at this batch (null where no measurement covers the GPU generation or math path). */
  expectedTokensPerSecondTotal: TokensPerSecond | null;
}

/** The curve of one weight format. */
export interface DecodeCurveSeries {
  /** Weight format id. */
  weights: string;
  /** Batch where the format's weight GEMMs turn compute-bound (any context; Infinity if never). */
  crossoverBatch: number;
  points: DecodeCurvePoint[];
}

/** A decode step's inputs with one or several formats, over several batch sizes. */
export interface DecodeCurveInput extends Omit<DecodeInput, 'batch' | 'weights'> {
  /** One format id, or several for a comparison chart. */
  weights: string | string[];
  /** Batch sizes, each 1 … 100,000, in the order to plot. */
  batches: number[];
}

/**
 * Decode throughput against batch size, one series per weight format, for a
 * "tokens/s vs batch" chart: each point is {@link decodeStep} at that batch.
 * Memory capacity is not checked (use `fitOnGpu` for the largest batch that fits).
 *
 * @throws {RangeError} for an empty `batches` or `weights` list, or any invalid batch
 *   (the message names `batches[i]`); {@link decodeStep}'s errors.
 * @example
 * decodeCurve({ model: 'llama-3.1-70b', weights: ['bf16', 'int4-g128'], gpu: 'h100-sxm', contextTokens: 1, kvBits: 16, batches: [1, 16, 256] })
 *   .map((s) => s.points[0]!.tokensPerSecondTotal) // ≈ [24.10, 88.94]
 */
export function decodeCurve(input: DecodeCurveInput): DecodeCurveSeries[] {
  const formats = typeof input.weights === 'string' ? [input.weights] : input.weights;
  if (!Array.isArray(formats) || formats.length === 0)
    throw new RangeError('weights must name at least one weight format');
  if (!Array.isArray(input.batches) || input.batches.length === 0)
    throw new RangeError('batches must list at least one batch size');
  input.batches.forEach((batch, i) => assertBatch(batch, `batches[${i}]`));
  assertContextTokens(input.contextTokens);

  return formats.map((weights) => {
    const plan = planDecode({ ...input, weights });
    return {
      weights,
      crossoverBatch: crossoverBatch(plan),
      points: input.batches.map((batch) => {
        const step = decodeStepWithPlan(plan, batch, input.contextTokens);
        return {
          batch,
          secondsPerToken: step.secondsPerToken,
          tokensPerSecondPerSequence: step.tokensPerSecondPerSequence,
          tokensPerSecondTotal: step.tokensPerSecondTotal,
          bound: step.bound,
          expectedTokensPerSecondTotal: step.expected?.tokensPerSecondTotal ?? null,
        };
      }),
    };
  });
}
