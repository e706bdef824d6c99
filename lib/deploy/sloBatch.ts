import { decodeStep } from '../perf';
import type { DecodeStepResult } from '../perf';
import { fitOnGpu, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '../sizing';
import type { GpuRef, ModelRef } from '../sizing';
import type { Seconds, Tokens, TokensPerSecond } from '../units';

/** One serving set-up: model, weight format, GPUs, context per sequence and KV precision. */
export interface ServingSetup {
  model: ModelRef;
  weights: string;
  gpu: GpuRef;
  /** Tensor-parallel GPUs (default 1). */
  gpuCount?: number;
  contextTokens: Tokens;
  /** Bits per KV-cache element (default 16). */
  kvBits?: number;
}

/** A batch and what one decode step at that batch gives. */
export interface BatchPoint {
  batch: number;
  /** Time of one decode step: the inter-token latency every sequence sees. */
  secondsPerToken: Seconds;
  tokensPerSecondTotal: TokensPerSecond;
}

/** The largest batch that fits, against the largest that meets an inter-token-latency target. */
export interface ItlBatch {
  /** Most sequences of `contextTokens` that fit at vLLM's default memory utilisation (lib/sizing `fitOnGpu`). */
  fitBatch: number;
  /** Roofline ceiling (lib/perf `decodeStep`): the batch that fits, and its step. */
  atFit: BatchPoint;
  /** Largest batch ≤ fitBatch whose ceiling step time meets the target; null when batch 1 already misses it. */
  withinItl: BatchPoint | null;
  /** The same two points on the calibrated estimate (`decodeStep(...).expected`); null where lib/perf has no calibration for the GPU or math path. */
  expected: { atFit: BatchPoint; withinItl: BatchPoint | null } | null;
}

function point(step: DecodeStepResult, batch: number, which: 'ceiling' | 'expected'): BatchPoint {
  if (which === 'expected' && step.expected) {
    return {
      batch,
      secondsPerToken: step.expected.secondsPerToken,
      tokensPerSecondTotal: step.expected.tokensPerSecondTotal,
    };
  }
  return { batch, secondsPerToken: step.secondsPerToken, tokensPerSecondTotal: step.tokensPerSecondTotal };
}

/**
 * Goodput's decode half (DistServe, Zhong et al., arXiv 2401.09670: requests served
 * within their TTFT and TPOT targets, not peak throughput). The largest batch that
 * fits in memory is not the largest that meets a time-per-output-token target:
 *
 *     fitBatch    = max B such that weights + B · c · k + activations + overhead ≤ N · M · u   (lib/sizing)
 *     withinItl   = max B ≤ fitBatch such that t_step(B) ≤ itlSeconds                         (lib/perf)
 *
 * t_step grows with B (every sequence's KV cache is read each step, and past the
 * crossover the GEMMs turn compute-bound), so the search stops at the first batch that
 * misses the target. On the roofline **ceiling** t_step is a lower bound, so `withinItl`
 * is an upper bound on the batch that meets the target; `expected` repeats the search on
 * the calibrated estimate. Prefill, queueing and TTFT are not modelled here.
 *
 * @throws {RangeError} when itlSeconds is not a positive finite number, or nothing fits
 *   (fitBatch 0); errors of `fitOnGpu` / `decodeStep` for bad ids or sizes.
 * @example
 * // Llama-3.1-70B FP8 on 2 × H100 SXM at 4,096 tokens: 55 sequences fit, their ceiling step is 22.1 ms
 * largestBatchWithinItl({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2, contextTokens: 4096 }, 0.02).fitBatch // 55
 */
export function largestBatchWithinItl(setup: ServingSetup, itlSeconds: Seconds): ItlBatch {
  if (!Number.isFinite(itlSeconds) || itlSeconds <= 0) {
    throw new RangeError(`itlSeconds must be a positive number of seconds (got ${itlSeconds})`);
  }
  const { model, weights, gpu, gpuCount = 1, contextTokens, kvBits = 16 } = setup;
  const fit = fitOnGpu({
    model,
    weights,
    gpu,
    gpuCount,
    contextTokens,
    batch: 1,
    kvBits,
    memoryUtilization: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  });
  const fitBatch = fit.maxBatchAtContext;
  if (fitBatch < 1) throw new RangeError('not even one sequence fits: no batch to serve');

  const step = (batch: number) => decodeStep({ model, weights, gpu, gpuCount, batch, contextTokens, kvBits });
  const atFitStep = step(fitBatch);
  let ceiling: BatchPoint | null = null;
  let expected: BatchPoint | null = null;
  let ceilingDone = false;
  let expectedDone = atFitStep.expected === null;
  for (let b = 1; b <= fitBatch && !(ceilingDone && expectedDone); b++) {
    const s = b === fitBatch ? atFitStep : step(b);
    if (!ceilingDone) {
      if (s.secondsPerToken <= itlSeconds) ceiling = point(s, b, 'ceiling');
      else ceilingDone = true;
    }
    if (!expectedDone && s.expected) {
      if (s.expected.secondsPerToken <= itlSeconds) expected = point(s, b, 'expected');
      else expectedDone = true;
    }
  }
  return {
    fitBatch,
    atFit: point(atFitStep, fitBatch, 'ceiling'),
    withinItl: ceiling,
    expected: atFitStep.expected ? { atFit: point(atFitStep, fitBatch, 'expected'), withinItl: expected } : null,
  };
}
