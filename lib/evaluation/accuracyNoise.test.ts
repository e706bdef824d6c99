import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accuracyStandardError, flipRate, MMLU_TEST } from './accuracyNoise';

describe('accuracyStandardError(p, n)', () => {
  it('is √(p(1 − p)/n): 75 % on 1,000 questions → 1.37 points (hand: √(0.1875/1000) = 0.013693)', () => {
    expect(accuracyStandardError(0.75, 1000)).toBeCloseTo(0.0136931, 6);
  });

  it('MMLU test (14,042 questions, cais/mmlu dataset_info) at 80 %: √(0.16/14042) = 0.003376 → ±0.66 points at 95 %', () => {
    expect(MMLU_TEST.questions).toBe(14042);
    expect(accuracyStandardError(0.8, MMLU_TEST.questions)).toBeCloseTo(0.0033755, 6);
  });

  it('is 0 at p = 0 or 1, largest at p = 0.5, and shrinks as 1/√n', () => {
    expect(accuracyStandardError(0, 10)).toBe(0);
    expect(accuracyStandardError(1, 10)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), (p, n) => {
        const se = accuracyStandardError(p, n);
        expect(se).toBeLessThanOrEqual(accuracyStandardError(0.5, n) + 1e-15);
        expect(accuracyStandardError(p, 4 * n)).toBeCloseTo(se / 2, 12);
      }),
    );
  });

  it('refuses a percentage, a negative or fractional count with a message naming the argument', () => {
    expect(() => accuracyStandardError(75, 1000)).toThrow(/accuracy must be a fraction/);
    expect(() => accuracyStandardError(Number.NaN, 1000)).toThrow(/accuracy/);
    expect(() => accuracyStandardError(0.5, 0)).toThrow(/questions must be a whole number/);
    expect(() => accuracyStandardError(0.5, 10.5)).toThrow(/questions/);
  });
});

describe('flipRate(rightToWrong, wrongToRight, n)', () => {
  it('counts both directions: 40 + 40 of 1,000 = 8 % while the accuracy is unchanged (Dutta et al. §3 definition)', () => {
    expect(flipRate(40, 40, 1000)).toBeCloseTo(0.08, 12);
  });

  it('refuses counts that are negative, fractional or exceed the questions', () => {
    expect(() => flipRate(-1, 0, 10)).toThrow(/rightToWrong/);
    expect(() => flipRate(0, 1.5, 10)).toThrow(/wrongToRight/);
    expect(() => flipRate(6, 5, 10)).toThrow(/cannot exceed/);
  });
});
