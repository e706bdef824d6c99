import { describe, expect, it } from 'vitest';
import { blockedSummary } from './summary';

describe('blockedSummary', () => {
  it('lists each field to fix once, in order, and nothing when none is named', () => {
    expect(blockedSummary(['Batch size', 'Context length', 'Batch size']).figures).toEqual([
      { label: 'Fix', value: 'Batch size, Context length' },
    ]);
    expect(blockedSummary([])).toEqual({ tone: 'neutral', verdict: 'No result yet', figures: [] });
  });
});
