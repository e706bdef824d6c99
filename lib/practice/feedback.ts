/**
 * The words of a question card's feedback: what each option is marked with,
 * the one-line verdict, the accepted range of a numeric answer, ordering moves.
 * Pure, so the card (components/practice/QuestionCard.tsx) only wires them up.
 * Markers are text, never colour alone (WCAG 1.4.1).
 */
import { acceptedRange } from './numeric';
import type { ChoiceGrade, OpenGrade, OrderingGrade } from './grade';
import type { Quantity, QuestionType, Tolerance } from './types';
import { unitDef } from './units';

export type MarkTone = 'right' | 'wrong' | 'missed' | 'neutral';

export interface OptionMark {
  tone: MarkTone;
  /** Shown before the option's explanation, e.g. "Your choice — wrong". */
  label: string;
}

/**
 * The marker of one option after checking (`answered`: the learner chose) or after
 * "Reveal answer" in room mode (`answered: false`: nobody chose anything).
 *
 * For `flaw`, the "correct" option is the wrong step, so the words say so.
 *
 * @example optionMark({ type: 'single', correct: false, selected: true, answered: true }) // { tone: 'wrong', label: 'Your choice — wrong' }
 * @example optionMark({ type: 'multiple', correct: true, selected: false, answered: true }) // { tone: 'missed', label: 'Correct answer — you missed it' }
 */
export function optionMark(o: {
  type: 'single' | 'multiple' | 'flaw';
  correct: boolean;
  selected: boolean;
  answered: boolean;
}): OptionMark {
  const flaw = o.type === 'flaw';
  const rightWords = flaw ? 'the flawed step' : 'correct answer';
  const otherWords = flaw ? 'this step is fine' : 'not this one';
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (!o.answered)
    return o.correct ? { tone: 'right', label: cap(rightWords) } : { tone: 'neutral', label: cap(otherWords) };
  if (o.selected)
    return o.correct
      ? { tone: 'right', label: `Your choice — right${flaw ? ': the flawed step' : ''}` }
      : { tone: 'wrong', label: `Your choice — wrong${flaw ? ': this step is fine' : ''}` };
  if (o.correct)
    return { tone: 'missed', label: o.type === 'multiple' ? 'Correct answer — you missed it' : cap(rightWords) };
  return { tone: 'neutral', label: cap(otherWords) };
}

/**
 * The instruction under a question's prompt, by type. In `room` mode (slides)
 * nobody operates the controls, so it asks the room instead; a numeric question
 * there names its unit (`unit`, the answer's unit symbol).
 *
 * @example instructionFor('multiple') // 'Choose all that apply.'
 * @example instructionFor('numeric', 'room', 'GB') // 'Answer in GB.'
 */
export function instructionFor(type: QuestionType, mode: 'check' | 'room' = 'check', unit?: string): string {
  if (mode === 'room') {
    switch (type) {
      case 'numeric':
        return unit && unit !== 'none' ? `Answer in ${unit === 'x' ? 'a ratio (×)' : unit}.` : 'Answer with a number.';
      case 'ordering':
        return 'In what order do these go?';
      case 'open':
        return 'How would you answer? Discuss, then reveal what a strong answer says.';
      default:
        break;
    }
  }
  switch (type) {
    case 'single':
      return 'Choose one answer.';
    case 'multiple':
      return 'Choose all that apply.';
    case 'flaw':
      return 'Which step is wrong?';
    case 'numeric':
      return 'Type a number. A different unit of the same kind is converted.';
    case 'ordering':
      return 'Put the items in order, first at the top, with the Move buttons.';
    case 'open':
      return 'Answer in your own words, then score yourself against the rubric.';
  }
}

/** The status line after checking: "Right." or "Not quite" with what went wrong. */
export function choiceVerdict(grade: ChoiceGrade, type: 'single' | 'multiple' | 'flaw'): string {
  if (grade.correct) return 'Right.';
  if (type !== 'multiple') return 'Not quite — see the explanations.';
  const parts: string[] = [];
  if (grade.missed.length > 0)
    parts.push(`${grade.missed.length} right option${grade.missed.length === 1 ? '' : 's'} missed`);
  if (grade.wrongSelected.length > 0)
    parts.push(`${grade.wrongSelected.length} wrong option${grade.wrongSelected.length === 1 ? '' : 's'} chosen`);
  return `Not quite: ${parts.join(', ')} — see the explanations.`;
}

/**
 * @example orderingVerdict({ correct: false, inPlaceCount: 2, inPlace: [true, true, false, false], pairScore: 5 / 6 }) // 'Not quite: 2 of 4 items in the right place.'
 */
export function orderingVerdict(grade: OrderingGrade): string {
  if (grade.correct) return 'Right.';
  return `Not quite: ${grade.inPlaceCount} of ${grade.inPlace.length} items in the right place.`;
}

/**
 * @example openVerdict({ made: 3, possible: 5, score: 0.6, correct: true }) // 'You made 3 of 5 points (60%): counts as right.'
 */
export function openVerdict(grade: OpenGrade): string {
  const pct = Math.round(grade.score * 100);
  return `You made ${grade.made} of ${grade.possible} point${grade.possible === 1 ? '' : 's'} (${pct}%): ${grade.correct ? 'counts as right' : 'counts as not yet'}.`;
}

/**
 * How a unit is written after a number: `none` → nothing, `x` → "×", `%` with no space.
 * @example unitSuffix('GB') // ' GB'
 */
export function unitSuffix(unit: string): string {
  if (unit === 'none') return '';
  if (unit === 'x') return '×';
  if (unit === '%') return '%';
  return ` ${unit}`;
}

/**
 * The note shown next to a numeric answer field whose unit is a byte size or a
 * bandwidth in bytes, because GB and GiB differ by 7.4 %: 1 GB = 10⁹ bytes,
 * 1 GiB = 2³⁰ bytes (lib/units BYTES_PER_GB / BYTES_PER_GIB). Undefined otherwise.
 *
 * @example byteUnitNote('GiB') // 'GB = 10⁹ bytes, GiB = 2³⁰ bytes; either is accepted and converted.'
 * @example byteUnitNote('tokens') // undefined
 */
export function byteUnitNote(unit: string): string | undefined {
  const dim = unitDef(unit).dimension;
  if ((dim === 'information' && unit !== 'bits') || dim === 'bandwidth') {
    return dim === 'bandwidth'
      ? 'GB/s = 10⁹ bytes per second, GiB/s = 2³⁰; either is accepted and converted.'
      : 'GB = 10⁹ bytes, GiB = 2³⁰ bytes; either is accepted and converted.';
  }
  return undefined;
}

let formats = new Map<number, Intl.NumberFormat>();

/**
 * Formats a value of a numeric answer with as many decimals as its tolerance makes
 * meaningful: decimals down to one place below the half-width's leading digit
 * (1 − ⌊log₁₀ halfWidth⌋, clamped to 0–6), trailing zeros dropped, en-US digit grouping. A zero half-width (exact answer)
 * gets up to 6 decimals.
 *
 * @example formatAnswerValue(39.6, 0.4) // '39.6'
 * @example formatAnswerValue(262144, 1310.72) // '262,144'
 */
export function formatAnswerValue(value: number, halfWidth: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatAnswerValue: value must be finite (got ${value})`);
  const digits =
    halfWidth > 0 && Number.isFinite(halfWidth) ? Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(halfWidth)))) : 6;
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    if (formats.size > 16) formats = new Map();
    formats.set(digits, f);
  }
  const s = f.format(value);
  return s === '-0' ? '0' : s;
}

export interface AcceptedRangeText {
  /** "39.8 GB" */
  answer: string;
  /** "39 – 40.6 GB" */
  range: string;
  /** "± 2%" or "± 1 GB" */
  tolerance: string;
}

/**
 * The answer of a numeric question and its accepted range (`acceptedRange`, both
 * edges included), in the answer's unit, for the feedback line "Accepted: 39 – 40.6 GB".
 *
 * @example formatAcceptedRange({ value: 40, unit: 'GB' }, { kind: 'relative', fraction: 0.01 }) // { answer: '40 GB', range: '39.6 – 40.4 GB', tolerance: '± 1%' }
 */
export function formatAcceptedRange(answer: Quantity, tolerance: Tolerance): AcceptedRangeText {
  const { low, high, halfWidth } = acceptedRange(answer, tolerance);
  const fmt = (x: number) => formatAnswerValue(x, halfWidth);
  const suffix = unitSuffix(answer.unit);
  const tol =
    tolerance.kind === 'relative'
      ? `± ${formatAnswerValue(tolerance.fraction * 100, tolerance.fraction * 10)}%`
      : `± ${formatAnswerValue(tolerance.amount.value, 0)}${unitSuffix(tolerance.amount.unit)}`;
  return { answer: `${fmt(answer.value)}${suffix}`, range: `${fmt(low)} – ${fmt(high)}${suffix}`, tolerance: tol };
}

/**
 * Moves the item at `index` of an ordering by `delta` positions (−1 up, +1 down),
 * clamped to the list. Returns a new array (the same contents when it cannot move).
 *
 * @example moveItem([2, 0, 1], 1, -1) // [0, 2, 1]
 */
export function moveItem(order: readonly number[], index: number, delta: number): number[] {
  const next = [...order];
  const to = index + delta;
  if (!Number.isInteger(index) || index < 0 || index >= order.length || to < 0 || to >= order.length) return next;
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as number);
  return next;
}

/**
 * What the live region says after a move.
 * @example moveAnnouncement('Reproduce the drop', 2, 5) // 'Moved to position 2 of 5: Reproduce the drop.'
 */
export function moveAnnouncement(itemText: string, position: number, total: number): string {
  const text = itemText.trim().replace(/\s+/g, ' ').replace(/[.]$/, '');
  return `Moved to position ${position} of ${total}: ${text}.`;
}

/**
 * The label of the stepped-hint button.
 * @example hintButtonLabel(1, 3) // 'Show hint 2 of 3'
 */
export function hintButtonLabel(shown: number, total: number): string {
  return `Show hint ${Math.min(shown + 1, total)} of ${total}`;
}
