import { decodeStep } from '@/lib/perf/decodeStep';
import { formatDuration, formatRate } from '@/lib/units';

/**
 * Inline, build-time number from a roofline decode step (lib/perf `decodeStep`):
 * `show="total"` total tokens/s (default), `"perSequence"` tokens/s one user sees,
 * `"step"` time per step, `"memoryTime"` / `"computeTime"` the two roofs, `"bound"`
 * "memory-bound" or "compute-bound". Server component — no client JavaScript.
 *
 * @example <DecodeSpeed weights="int4-g128" batch={1} context={1024} /> → "88.2 tokens/s"
 */
export function DecodeSpeed({
  model = 'llama-3.1-70b',
  weights,
  gpu = 'h100-sxm',
  gpus = 1,
  batch,
  context,
  kvBits = 16,
  show = 'total',
}: {
  model?: string;
  weights: string;
  gpu?: string;
  gpus?: number;
  batch: number;
  context: number;
  kvBits?: number;
  show?: 'total' | 'perSequence' | 'step' | 'memoryTime' | 'computeTime' | 'bound';
}) {
  const step = decodeStep({ model, weights, gpu, gpuCount: gpus, batch, contextTokens: context, kvBits });
  const text =
    show === 'total'
      ? `${formatRate(step.tokensPerSecondTotal)} tokens/s`
      : show === 'perSequence'
        ? `${formatRate(step.tokensPerSecondPerSequence)} tokens/s`
        : show === 'step'
          ? formatDuration(step.secondsPerToken)
          : show === 'memoryTime'
            ? formatDuration(step.memoryTimeSeconds)
            : show === 'computeTime'
              ? formatDuration(step.computeTimeSeconds)
              : `${step.bound}-bound`;
  return <span className="num">{text}</span>;
}
