import { getFormat } from '@/lib/formats';
import { getGpu } from '@/lib/hardware';
import { decodeCurve } from '@/lib/perf/decodeCurve';
import { decodeStep } from '@/lib/perf/decodeStep';
import { fitOnGpu } from '@/lib/sizing/fitOnGpu';
import { formatCount } from '@/lib/units';
import { formatDuration, formatRate } from '@/lib/units';
import { CHART_FORMAT_LABELS, isChartFormat } from './options';

/** One set-up of a worked example: a weight format on some number of GPUs. */
export interface ExampleSetup {
  weights: string;
  gpuCount: number;
}

/** One row of a worked-example table, already formatted for the page. */
export interface ExampleRow {
  /** Short format name: the chart's legend label where it has one ("INT4 g128 W4A16"), else the catalog name. */
  format: string;
  /** GPU count, "2". */
  gpus: string;
  batch: string;
  fits: boolean;
  /** "Fits" or "Does not fit (at most 30)". */
  fitText: string;
  stepTime: string;
  perSequence: string;
  total: string;
  perGpu: string;
  bound: 'memory' | 'compute';
}

/**
 * Rows of a worked-example table: each set-up at each batch, with lib/perf's decode
 * step and lib/sizing's memory check, formatted:
 *
 *     per GPU = total tokens/s ÷ GPUs
 *
 * @throws lib/perf and lib/sizing errors for bad ids or numbers.
 * @example exampleRows({ model: 'llama-3.1-70b', gpu: 'h100-sxm', contextTokens: 1024, kvBits: 16, setups: [{ weights: 'int4-g128', gpuCount: 1 }], batches: [1] })[0].total // "88.2"
 */
export function exampleRows({
  model,
  gpu,
  contextTokens,
  kvBits,
  setups,
  batches,
}: {
  model: string;
  gpu: string;
  contextTokens: number;
  kvBits: number;
  setups: readonly ExampleSetup[];
  batches: readonly number[];
}): ExampleRow[] {
  getGpu(gpu);
  const rows: ExampleRow[] = [];
  for (const setup of setups) {
    const format = getFormat(setup.weights);
    for (const batch of batches) {
      const input = { model, weights: setup.weights, gpu, gpuCount: setup.gpuCount, batch, contextTokens, kvBits };
      const step = decodeStep(input);
      const fit = fitOnGpu(input);
      rows.push({
        format: isChartFormat(format.id) ? CHART_FORMAT_LABELS[format.id] : format.name,
        gpus: formatCount(setup.gpuCount),
        batch: formatCount(batch),
        fits: fit.fits,
        fitText: fit.fits
          ? 'Fits'
          : fit.maxBatchAtContext === 0
            ? 'Does not fit'
            : `Does not fit (at most ${formatCount(fit.maxBatchAtContext)})`,
        stepTime: formatDuration(step.secondsPerToken),
        perSequence: formatRate(step.tokensPerSecondPerSequence),
        total: formatRate(step.tokensPerSecondTotal),
        perGpu: formatRate(step.tokensPerSecondTotal / setup.gpuCount),
        bound: step.bound,
      });
    }
  }
  return rows;
}

/**
 * The smallest batch (1 … maxBatch) at which format `faster` gives more total decode
 * tokens/s than format `slower` on the same GPUs, or null if it never does in range:
 * where a W8A8 format overtakes a weight-only one as decode turns compute-bound.
 * Memory capacity is not checked.
 *
 * @throws lib/perf errors; RangeError for maxBatch not a whole number 1 … 100,000.
 * @example overtakeBatch({ model: 'llama-3.1-70b', gpu: 'h200-sxm', gpuCount: 1, contextTokens: 256, kvBits: 16, faster: 'fp8-w8a8', slower: 'int4-g128' }) // 119
 */
export function overtakeBatch({
  faster,
  slower,
  maxBatch = 4096,
  ...base
}: {
  model: string;
  gpu: string;
  gpuCount: number;
  contextTokens: number;
  kvBits: number;
  faster: string;
  slower: string;
  maxBatch?: number;
}): number | null {
  if (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > 100_000) {
    throw new RangeError(`maxBatch must be a whole number from 1 to 100,000 (got ${maxBatch})`);
  }
  const batches = Array.from({ length: maxBatch }, (_, i) => i + 1);
  const [a, b] = decodeCurve({ ...base, weights: [faster, slower], batches });
  const i = a!.points.findIndex((p, k) => p.tokensPerSecondTotal > b!.points[k]!.tokensPerSecondTotal * (1 + 1e-9));
  return i === -1 ? null : i + 1;
}
