/**
 * Does option length give the answer away? For single-choice questions, the accuracy of
 * the test-taker's trick "pick the longest option" (or the shortest) against chance.
 * Issue 15 item 12: in 58 of 77 single-choice questions the right answer used to be the
 * longest option.
 */
import type { Question } from './types';

/** Length of an option as a reader sees it: its markdown with whitespace collapsed. */
function optionLength(md: string): number {
  return md.replace(/\s+/g, ' ').trim().length;
}

export interface LengthBias {
  /** Single-choice questions counted. */
  questions: number;
  /** Expected accuracy of picking the longest option, ties broken uniformly at random (0–1). */
  longestAccuracy: number;
  /** The same for the shortest option (0–1). */
  shortestAccuracy: number;
  /** Expected accuracy of a uniform random pick: the mean of 1 / options (0–1). */
  chanceAccuracy: number;
  /** Ids whose right answer is strictly the longest option. */
  longestIsRight: string[];
}

/**
 * Length statistics over the `single` questions of a bank (other types are skipped).
 *
 *     longestAccuracy = mean over questions of [right option among the k longest] / k
 *     chanceAccuracy  = mean over questions of 1 / (number of options)
 *
 * @example lengthBias(bank).longestAccuracy - lengthBias(bank).chanceAccuracy // ≤ 0.10 is the bank's budget
 */
export function lengthBias(questions: readonly Question[]): LengthBias {
  let n = 0;
  let longest = 0;
  let shortest = 0;
  let chance = 0;
  const longestIsRight: string[] = [];
  for (const q of questions) {
    if (q.type !== 'single' || q.options.length === 0) continue;
    n++;
    const lens = q.options.map((o) => optionLength(o.text.md));
    const score = (target: number) => {
      const tied = q.options.filter((_, i) => lens[i] === target);
      return tied.filter((o) => o.correct).length / tied.length;
    };
    const max = Math.max(...lens);
    longest += score(max);
    shortest += score(Math.min(...lens));
    chance += 1 / q.options.length;
    if (lens.filter((l) => l === max).length === 1 && q.options[lens.indexOf(max)]?.correct) longestIsRight.push(q.id);
  }
  const mean = (x: number) => (n === 0 ? 0 : x / n);
  return {
    questions: n,
    longestAccuracy: mean(longest),
    shortestAccuracy: mean(shortest),
    chanceAccuracy: mean(chance),
    longestIsRight,
  };
}
