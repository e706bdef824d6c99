/**
 * Option length must not give the answer away (issue 15, item 12). Before the bank was
 * rebalanced, "pick the longest option" got 69% of the 85 single-choice questions right
 * against 26% by chance (58 had the right answer strictly longest).
 *
 * Threshold: over all single-choice questions, neither "pick the longest option" nor
 * "pick the shortest option" may beat a uniform random pick by more than
 * MAX_EDGE_OVER_CHANCE (10 percentage points). With ~100 questions of 3–5 options, a
 * bank with no length cue lands within a few points of chance, so 10 points leaves room
 * for noise while catching a habit of writing the right answer as the longest.
 */
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './questions';
import { lengthBias } from '@/lib/practice/lengthBias';

const MAX_EDGE_OVER_CHANCE = 0.1;

describe('option length does not predict the right answer (single choice)', () => {
  const b = lengthBias(loadQuestionBank());

  it('counts every single-choice question', () => {
    expect(b.questions).toBe(loadQuestionBank().filter((q) => q.type === 'single').length);
    expect(b.questions).toBeGreaterThan(50);
  });

  it(`"pick the longest" beats chance by at most ${MAX_EDGE_OVER_CHANCE * 100} points`, () => {
    expect(
      b.longestAccuracy - b.chanceAccuracy,
      `longest ${(b.longestAccuracy * 100).toFixed(1)}% vs chance ${(b.chanceAccuracy * 100).toFixed(1)}%; longest and right: ${b.longestIsRight.join(', ')}`,
    ).toBeLessThanOrEqual(MAX_EDGE_OVER_CHANCE);
  });

  it(`"pick the shortest" beats chance by at most ${MAX_EDGE_OVER_CHANCE * 100} points (the fix must not flip the cue)`, () => {
    expect(b.shortestAccuracy - b.chanceAccuracy).toBeLessThanOrEqual(MAX_EDGE_OVER_CHANCE);
  });
});
