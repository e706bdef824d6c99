import { describe, expect, it } from 'vitest';
import { formatDuration, formatTokensPerSecond } from '@/lib/units';
import { speedResults } from './results';
import { speedSummary } from './summary';
import { SPEED_DEFAULTS, parseSpeedState } from './urlState';

const summaryOf = (text: Partial<typeof SPEED_DEFAULTS>) => {
  const state = parseSpeedState({ ...SPEED_DEFAULTS, ...text });
  const outcome = speedResults(state);
  return { state, outcome, summary: speedSummary(outcome, state.batch) };
};

describe('speedSummary', () => {
  it('the default set-up: the step time the result line shows, 1/t per sequence and batch/t in total', () => {
    // e2e/speed.spec.ts reads "13.0 ms per decode step" for Llama-3.1-70B INT4 g128 on one H100 SXM, 16 × 1,024 tokens.
    const { outcome, summary } = summaryOf({});
    if (!outcome.ok) throw new Error('expected results');
    const step = outcome.results.step;
    expect(summary.verdict).toBe(`${formatDuration(step.secondsPerToken)} per decode step (ceiling)`);
    expect(summary.verdict).toBe('13.0 ms per decode step (ceiling)');
    expect(summary.figures).toEqual([
      { label: 'Per sequence', value: formatTokensPerSecond(1 / step.secondsPerToken) },
      { label: 'Total, 16 sequences', value: formatTokensPerSecond(16 / step.secondsPerToken) },
      { label: 'Memory', value: 'fits' },
    ]);
    expect(summary.tone).toBe('neutral');
  });

  it('BF16 70B on two A100s does not fit: the memory figure and a bad tone say so', () => {
    // As e2e/speed.spec.ts: 64 × 1,024 tokens of BF16 KV do not fit beside 141.1 GB (131 GiB) of BF16 weights in
    // 2 × 78.6 GB (0.92 × 81,440 MiB each, vLLM's default cap); lib/sizing fitOnGpu.
    const { summary } = summaryOf({ weights: 'bf16', gpu: 'a100-80gb-sxm', gpus: '2', batch: '64' });
    expect(summary.figures.at(-1)).toEqual({ label: 'Memory', value: 'does not fit' });
    expect(summary.tone).toBe('bad');
  });

  it('no result: the field to fix, by label', () => {
    const { summary } = summaryOf({ batch: '' });
    expect(summary.verdict).toBe('No result yet');
    expect(summary.figures).toEqual([{ label: 'Fix', value: 'Batch size' }]);
  });
});
