import { decideQuantization } from '@/lib/decision';
import { getFormat } from '@/lib/formats';
import { getGpu } from '@/lib/hardware';
import { getModel } from '@/lib/models';
import { planDeploymentRow } from '@/lib/deploy';
import { fitOnGpu, weightBytes, type FitVerdict } from '@/lib/sizing';
import type { Bytes, Tokens, TokensPerSecond } from '@/lib/units';

/** The set-up the home page's two-minute answer is computed for. */
export const HOME_SCENARIO = {
  model: 'llama-3.1-70b',
  gpu: 'h100-sxm',
  /** Tokens per sequence (prompt + output) the KV cache must hold. */
  contextTokens: 4096 as Tokens,
  /** Sequences in flight for the decision checklist's two verdicts. */
  concurrency: 8,
  /** The formats the answer compares: 16-bit baseline, the 8-bit and the 4-bit a Hopper GPU would run. */
  formats: ['bf16', 'fp8-w8a8', 'int4-g128'] as const,
} as const;

/** One format of the answer's table, on one GPU of the scenario at vLLM's default memory setting. */
export interface HomeFormatRow {
  formatId: string;
  formatName: string;
  weightBytes: Bytes;
  /** lib/sizing's verdict for one sequence of `contextTokens` on one GPU. */
  verdict: FitVerdict;
  /** Most sequences of `contextTokens` that fit on one GPU (0 when not even one). */
  maxSequences: number;
  /** Roofline-model decode speed of one sequence alone on one GPU; null when it does not fit. */
  decodeTokensPerSecond: TokensPerSecond | null;
}

/** Everything the home page's answer prints, computed by lib/ at build time. */
export interface HomeAnswer {
  modelName: string;
  gpuName: string;
  contextTokens: Tokens;
  concurrency: number;
  rows: HomeFormatRow[];
  /** The decision checklist's pick for latency-bound traffic (lib/decision), on one GPU. */
  latencyPick: string;
  /** Its pick for throughput-bound traffic, and the GPUs it asks for when one does not hold the load. */
  throughputPick: string;
  throughputGpusNeeded: number | null;
}

/**
 * The numbers behind the home page's two-minute answer, for {@link HOME_SCENARIO}: weight bytes per format
 * (`weightBytes`: parameters × bits per weight / 8, plus 16-bit embeddings where the format keeps them), the fit on
 * one GPU at vLLM's defaults (`fitOnGpu`, calibrated on vLLM start-up logs), the roofline decode speed of a single
 * sequence (`planDeploymentRow`, lib/perf), and the decision checklist's picks for latency- and throughput-bound
 * traffic with no accuracy loss allowed (`decideQuantization`). Sources: as cited by those functions (model config
 * on Hugging Face, H100 datasheet, vLLM logs, Kurtic et al. 2024 for the accuracy side).
 *
 * @example homeAnswer().rows[0] // BF16: 141.1 GB of weights, does not fit one H100 SXM 80GB
 */
export function homeAnswer(): HomeAnswer {
  const { model, gpu, contextTokens, concurrency, formats } = HOME_SCENARIO;
  const rows = formats.map((formatId): HomeFormatRow => {
    const fit = fitOnGpu({ model, weights: formatId, gpu, gpuCount: 1, contextTokens, batch: 1, kvBits: 16 });
    let decodeTokensPerSecond: TokensPerSecond | null = null;
    if (fit.fits) {
      const row = planDeploymentRow({
        model,
        weights: formatId,
        gpu,
        gpuCount: 1,
        contextTokens,
        targetBatch: 1,
        kvBits: 16,
        memoryUtilization: fit.memoryUtilization,
        dollarsPerGpuHour: null,
      });
      if (!row.ok) throw new Error(`homeAnswer: ${row.message}`);
      decodeTokensPerSecond = row.decode?.tokensPerSecondPerSequence ?? null;
    }
    return {
      formatId,
      formatName: getFormat(formatId).name,
      weightBytes: weightBytes(model, formatId).bytes,
      verdict: fit.verdict,
      maxSequences: fit.maxBatchAtContext,
      decodeTokensPerSecond,
    };
  });
  const decide = (workload: 'latency' | 'throughput') =>
    decideQuantization({
      model,
      gpu,
      gpuCount: 1,
      workload,
      accuracyTolerance: 'none',
      evaluationBudget: true,
      calibrationData: true,
      contextTokens,
      concurrency,
    });
  const latency = decide('latency');
  const throughput = decide('throughput');
  return {
    modelName: getModel(model).name,
    gpuName: getGpu(gpu).name,
    contextTokens,
    concurrency,
    rows,
    latencyPick: latency.recommendation.label,
    throughputPick: throughput.recommendation.label,
    throughputGpusNeeded: throughput.shortfall?.gpusNeeded ?? null,
  };
}
