/**
 * Grading for choice, flaw, ordering and open questions (numeric: `./numeric`).
 * Pure and cheap: the client imports it. Options and items are identified by
 * their index in written order (see `ChoiceOption`), whatever order they were
 * shown in.
 */
import type { ChoiceQuestion, OpenQuestion, OrderingQuestion } from './types';

export interface ChoiceGrade {
  /** Exactly the right options were selected. */
  correct: boolean;
  /** Right options the learner did not select ("missed"). */
  missed: number[];
  /** Wrong options the learner selected. */
  wrongSelected: number[];
  /** Right options the learner selected. */
  rightSelected: number[];
  /**
   * Partial credit in [0, 1]: (right selected − wrong selected) / number of right
   * options, floored at 0 — so ticking every box scores 0 unless all are right.
   * 1 exactly when `correct`.
   */
  score: number;
}

function checkIndices(selected: readonly number[], n: number, what: string): void {
  for (const i of selected) {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new RangeError(`${what}: index ${i} is not one of the ${n} options (0–${n - 1})`);
  }
  if (new Set(selected).size !== selected.length) throw new RangeError(`${what}: an option is selected twice`);
}

/**
 * Grades a single, multiple or flaw question from the selected option indices
 * (written order). For single and flaw, selecting more than one option is wrong.
 *
 * @throws RangeError if an index is out of range or repeated (a UI bug, not learner input).
 * @example gradeChoice(q /* options [wrong, right, wrong] *\/, [1]) // { correct: true, missed: [], wrongSelected: [], rightSelected: [1], score: 1 }
 */
export function gradeChoice(q: Pick<ChoiceQuestion, 'id' | 'options'>, selected: readonly number[]): ChoiceGrade {
  checkIndices(selected, q.options.length, `question ${q.id}`);
  const chosen = new Set(selected);
  const missed: number[] = [];
  const wrongSelected: number[] = [];
  const rightSelected: number[] = [];
  q.options.forEach((o, i) => {
    if (o.correct && chosen.has(i)) rightSelected.push(i);
    else if (o.correct) missed.push(i);
    else if (chosen.has(i)) wrongSelected.push(i);
  });
  const nRight = rightSelected.length + missed.length;
  const correct = missed.length === 0 && wrongSelected.length === 0;
  const score = correct ? 1 : Math.max(0, (rightSelected.length - wrongSelected.length) / Math.max(1, nRight));
  return { correct, missed, wrongSelected, rightSelected, score };
}

export interface OrderingGrade {
  correct: boolean;
  /** For each position of the learner's order: is the item there the right one? */
  inPlace: boolean[];
  /** How many items are in their right position. */
  inPlaceCount: number;
  /**
   * Fraction of item pairs in the right relative order (1 = exact, 0 = reversed):
   * concordant pairs / (n(n−1)/2), i.e. (Kendall's τ + 1) / 2.
   */
  pairScore: number;
}

/**
 * Grades an ordering question. `order` lists item indices (written = correct
 * order) as the learner arranged them, first to last.
 *
 * @throws RangeError if `order` is not a permutation of 0…n−1.
 * @example gradeOrdering(q /* 3 items *\/, [0, 2, 1]) // { correct: false, inPlace: [true, false, false], inPlaceCount: 1, pairScore: 2/3 }
 */
export function gradeOrdering(q: Pick<OrderingQuestion, 'id' | 'items'>, order: readonly number[]): OrderingGrade {
  const n = q.items.length;
  if (order.length !== n) throw new RangeError(`question ${q.id}: order has ${order.length} items, expected ${n}`);
  checkIndices(order, n, `question ${q.id}`);
  const inPlace = order.map((item, pos) => item === pos);
  let concordant = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if ((order[i] ?? 0) < (order[j] ?? 0)) concordant++;
  const pairs = (n * (n - 1)) / 2;
  const inPlaceCount = inPlace.filter(Boolean).length;
  return { correct: inPlaceCount === n, inPlace, inPlaceCount, pairScore: pairs === 0 ? 1 : concordant / pairs };
}

export interface OpenGrade {
  /** Rubric points the learner says they made. */
  made: number;
  possible: number;
  /** made / possible. */
  score: number;
  /** Counts as right for scheduling when at least `passFraction` of the points were made. */
  correct: boolean;
}

/** Default share of rubric points that counts an open answer as right (for scheduling). */
export const OPEN_PASS_FRACTION = 0.6;

/**
 * Self-grading of an open question: the learner ticks the rubric points their
 * answer made.
 *
 * @throws RangeError if `ticked` has a wrong length.
 * @example gradeOpen(q /* 5 points *\/, [true, true, true, false, false]) // { made: 3, possible: 5, score: 0.6, correct: true }
 */
export function gradeOpen(
  q: Pick<OpenQuestion, 'id' | 'rubric'>,
  ticked: readonly boolean[],
  passFraction: number = OPEN_PASS_FRACTION,
): OpenGrade {
  const possible = q.rubric.length;
  if (ticked.length !== possible)
    throw new RangeError(`question ${q.id}: ${ticked.length} rubric ticks for ${possible} points`);
  const made = ticked.filter(Boolean).length;
  const score = possible === 0 ? 0 : made / possible;
  return { made, possible, score, correct: possible > 0 && score >= passFraction - 1e-12 };
}
