import type { Source } from '../hardware/types';

/** A benchmark's size, with where the count comes from. */
export interface BenchmarkSize {
  id: string;
  name: string;
  /** Questions in the split that is scored. */
  questions: number;
  sources: readonly Source[];
}

/**
 * MMLU's test split: 14,042 four-option questions over 57 subjects (Hendrycks et al.,
 * arXiv 2009.03300), the split lm-evaluation-harness scores.
 */
export const MMLU_TEST: BenchmarkSize = {
  id: 'mmlu-test',
  name: 'MMLU (test split)',
  questions: 14_042,
  sources: [
    { id: 'mmlu-2009.03300', note: '57 subjects, multiple choice', status: 'secondary' },
    { id: 'hf-dataset-cais-mmlu', note: 'dataset_info, config "all": test num_examples 14042', status: 'verified' },
  ],
};

function assertAccuracy(accuracy: number, what = 'accuracy'): void {
  if (!Number.isFinite(accuracy) || accuracy < 0 || accuracy > 1) {
    throw new RangeError(`${what} must be a fraction from 0 to 1 (got ${accuracy})`);
  }
}

function assertQuestions(questions: number): void {
  if (!Number.isInteger(questions) || questions < 1) {
    throw new RangeError(`questions must be a whole number ≥ 1 (got ${questions})`);
  }
}

/**
 * Standard error of a benchmark accuracy, treating each of the `n` questions as an
 * independent right/wrong trial (binomial):
 *
 *     SE = √(p (1 − p) / n)
 *
 * The 95 % interval is about ±1.96 SE. A difference between two runs smaller than
 * that is not evidence of a change on its own; for two models on the same questions
 * the paired comparison (flips) is the sharper test (Dutta et al., arXiv 2407.09141).
 *
 * @param accuracy fraction correct, 0 … 1
 * @param questions number of questions scored, a whole number ≥ 1
 * @returns the standard error as a fraction (multiply by 100 for percentage points)
 * @throws {RangeError} naming the argument when accuracy is outside [0, 1] or questions is not a whole number ≥ 1.
 * @example accuracyStandardError(0.75, 1000) // 0.013693… (1.37 points)
 */
export function accuracyStandardError(accuracy: number, questions: number): number {
  assertAccuracy(accuracy);
  assertQuestions(questions);
  return Math.sqrt((accuracy * (1 - accuracy)) / questions);
}

/** Half-width of the normal-approximation 95 % interval: 1.96 × SE. */
export const Z_95 = 1.96;

/**
 * Share of questions whose correctness changed between a baseline and a compressed
 * model ("flips", Dutta et al., arXiv 2407.09141 §3):
 *
 *     flips = (right→wrong + wrong→right) / n
 *
 * Two models can have equal accuracy and a large flip rate: the two directions cancel
 * in the average.
 *
 * @throws {RangeError} when a count is not a whole number ≥ 0, or the flips exceed `questions`.
 * @example flipRate(40, 40, 1000) // 0.08
 */
export function flipRate(rightToWrong: number, wrongToRight: number, questions: number): number {
  assertQuestions(questions);
  for (const [name, v] of [
    ['rightToWrong', rightToWrong],
    ['wrongToRight', wrongToRight],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0 (got ${v})`);
  }
  if (rightToWrong + wrongToRight > questions) {
    throw new RangeError(`flips (${rightToWrong + wrongToRight}) cannot exceed the ${questions} questions`);
  }
  return (rightToWrong + wrongToRight) / questions;
}
