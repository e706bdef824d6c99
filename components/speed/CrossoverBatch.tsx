import { decodeStep } from '@/lib/perf/decodeStep';
import { formatCrossoverBatch } from './model/format';

/**
 * Inline, build-time crossover batch of a decode roofline (lib/perf `crossoverBatch`):
 * the batch where the weight GEMMs turn compute-bound — "≈ 295", or "never". It does not
 * depend on the context (attention over the KV cache is a separate, memory-bound kernel);
 * `context` only sets up the step. Server component.
 *
 * @example <CrossoverBatch weights="bf16" context={1} /> → "≈ 295"
 */
export function CrossoverBatch({
  model = 'llama-3.1-70b',
  weights,
  gpu = 'h100-sxm',
  gpus = 1,
  context,
  kvBits = 16,
}: {
  model?: string;
  weights: string;
  gpu?: string;
  gpus?: number;
  context: number;
  kvBits?: number;
}) {
  const step = decodeStep({ model, weights, gpu, gpuCount: gpus, batch: 1, contextTokens: context, kvBits });
  return <span className="num">{formatCrossoverBatch(step.crossoverBatch)}</span>;
}
