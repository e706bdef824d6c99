import { describe, expect, it } from 'vitest';
import { hasSource } from '../sources';
import { decideQuantization } from './decideQuantization';
import { isPerChannelW8A8Fragile, PER_CHANNEL_W8A8_CAVEAT } from './modelCaveats';
import { DECISION_SOURCES } from './sources';
import type { DecisionConstraints } from './types';

// A100s + throughput + no loss allowed: the branch where lib/decision picks INT8 W8A8 (with a small loss
// allowed, 4-bit's larger batches win on tokens per GPU-second and W4A16 is picked instead).
const A100_THROUGHPUT: DecisionConstraints = {
  gpu: 'a100-80gb-sxm',
  gpuCount: 2,
  workload: 'throughput',
  accuracyTolerance: 'none',
  evaluationBudget: true,
  calibrationData: true,
  contextTokens: 4096,
  concurrency: 16,
};

describe('the Llama-3/3.1-70B per-channel INT8 W8A8 caveat (Qin, arXiv 2408.15301, abstract)', () => {
  it('lists Llama-3.1-70B only: Llama-2-70B and the 8B/405B models were robust in the study', () => {
    expect(isPerChannelW8A8Fragile('llama-3.1-70b')).toBe(true);
    for (const id of ['llama-2-70b', 'llama-3.1-8b', 'llama-3.1-405b', 'qwen2.5-72b-instruct', 'mixtral-8x7b'])
      expect(isPerChannelW8A8Fragile(id)).toBe(false);
  });

  it('cites a source that is in the catalog', () => {
    expect(hasSource(DECISION_SOURCES.llama3PerChannel.id)).toBe(true);
  });

  it('travels with an INT8 W8A8 recommendation for Llama-3.1-70B: the reason, the fix and the spoken answer', () => {
    const d = decideQuantization(A100_THROUGHPUT);
    expect(d.recommendation.formatId).toBe('int8-w8a8');
    const caveat = d.reasons.find((r) => r.text === PER_CHANNEL_W8A8_CAVEAT);
    expect(caveat?.sources.map((s) => s.id)).toEqual(['llama3-70b-per-channel-2408.15301']);
    expect(caveat?.text).toMatch(/per-group INT8/);
    expect(caveat?.text).toMatch(/W8A16/);
    expect(d.spokenAnswer).toMatch(/per-group scales on the few layers/);
  });

  it('is absent for Llama-2-70B, which per-channel INT8 W8A8 does not break', () => {
    const d = decideQuantization({ ...A100_THROUGHPUT, model: 'llama-2-70b' });
    expect(d.recommendation.formatId).toBe('int8-w8a8');
    expect(d.reasons.some((r) => r.text === PER_CHANNEL_W8A8_CAVEAT)).toBe(false);
    expect(d.spokenAnswer).not.toMatch(/per-group/);
  });

  it('qualifies INT8 W8A8 when it is only an alternative (H100: FP8 W8A8 first)', () => {
    const d = decideQuantization({ ...A100_THROUGHPUT, gpu: 'h100-sxm' });
    expect(d.alternatives.find((a) => a.formatId === 'int8-w8a8')?.why).toMatch(
      /per-group scales on a few sensitive layers/,
    );
  });
});
