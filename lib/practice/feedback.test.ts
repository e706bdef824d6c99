import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byteUnitNote,
  choiceVerdict,
  formatAcceptedRange,
  formatAnswerValue,
  hintButtonLabel,
  instructionFor,
  moveAnnouncement,
  moveItem,
  openVerdict,
  optionMark,
  orderingVerdict,
  unitSuffix,
} from './feedback';
import { gradeChoice, gradeOpen, gradeOrdering } from './grade';
import { QUESTION_TYPES, type ChoiceOption, type RichText } from './types';

const t = (s: string): RichText => ({ md: s, html: s });
const opt = (correct: boolean): ChoiceOption => ({ text: t('x'), explanation: t('why'), correct });

describe('optionMark', () => {
  it('after checking a single question: chosen right, chosen wrong, the right one not chosen, the rest', () => {
    expect(optionMark({ type: 'single', correct: true, selected: true, answered: true })).toEqual({
      tone: 'right',
      label: 'Your choice — right',
    });
    expect(optionMark({ type: 'single', correct: false, selected: true, answered: true })).toEqual({
      tone: 'wrong',
      label: 'Your choice — wrong',
    });
    expect(optionMark({ type: 'single', correct: true, selected: false, answered: true })).toEqual({
      tone: 'missed',
      label: 'Correct answer',
    });
    expect(optionMark({ type: 'single', correct: false, selected: false, answered: true })).toEqual({
      tone: 'neutral',
      label: 'Not this one',
    });
  });

  it('multiple: a right option left unticked is "missed"', () => {
    expect(optionMark({ type: 'multiple', correct: true, selected: false, answered: true }).label).toBe(
      'Correct answer — you missed it',
    );
  });

  it('flaw: the "correct" option is the flawed step, and the words say so', () => {
    expect(optionMark({ type: 'flaw', correct: true, selected: true, answered: true }).label).toBe(
      'Your choice — right: the flawed step',
    );
    expect(optionMark({ type: 'flaw', correct: false, selected: true, answered: true }).label).toBe(
      'Your choice — wrong: this step is fine',
    );
    expect(optionMark({ type: 'flaw', correct: true, selected: false, answered: false }).label).toBe('The flawed step');
    expect(optionMark({ type: 'flaw', correct: false, selected: false, answered: false }).label).toBe(
      'This step is fine',
    );
  });

  it('room reveal (nobody answered) never says "your choice" or "missed"', () => {
    for (const type of ['single', 'multiple', 'flaw'] as const) {
      for (const correct of [true, false]) {
        const m = optionMark({ type, correct, selected: false, answered: false });
        expect(m.label).not.toMatch(/your choice|missed/i);
        expect(m.tone).toBe(correct ? 'right' : 'neutral');
      }
    }
  });
});

describe('verdicts', () => {
  const multiple = { id: 'm', options: [opt(true), opt(false), opt(true), opt(false)] };
  it('choice: right, and for multiple what went wrong', () => {
    expect(choiceVerdict(gradeChoice(multiple, [0, 2]), 'multiple')).toBe('Right.');
    expect(choiceVerdict(gradeChoice(multiple, [0, 1]), 'multiple')).toBe(
      'Not quite: 1 right option missed, 1 wrong option chosen — see the explanations.',
    );
    expect(choiceVerdict(gradeChoice(multiple, [1, 3]), 'multiple')).toBe(
      'Not quite: 2 right options missed, 2 wrong options chosen — see the explanations.',
    );
    expect(choiceVerdict(gradeChoice({ id: 's', options: [opt(false), opt(true)] }, [0]), 'single')).toBe(
      'Not quite — see the explanations.',
    );
  });

  it('ordering counts the items in place', () => {
    const q = { id: 'o', items: [t('a'), t('b'), t('c'), t('d')] };
    expect(orderingVerdict(gradeOrdering(q, [0, 1, 2, 3]))).toBe('Right.');
    expect(orderingVerdict(gradeOrdering(q, [0, 1, 3, 2]))).toBe('Not quite: 2 of 4 items in the right place.');
  });

  it('open gives the share of rubric points and whether it counts as right', () => {
    const q = { id: 'x', rubric: [t('a'), t('b'), t('c'), t('d'), t('e')] };
    expect(openVerdict(gradeOpen(q, [true, true, true, false, false]))).toBe(
      'You made 3 of 5 points (60%): counts as right.',
    );
    expect(openVerdict(gradeOpen(q, [true, false, false, false, false]))).toBe(
      'You made 1 of 5 points (20%): counts as not yet.',
    );
  });

  it('every question type has an instruction', () => {
    for (const type of QUESTION_TYPES) expect(instructionFor(type)).toMatch(/\.$|\?$/);
    expect(instructionFor('multiple')).toBe('Choose all that apply.');
    expect(instructionFor('flaw')).toBe('Which step is wrong?');
    for (const type of QUESTION_TYPES) expect(instructionFor(type, 'room')).toMatch(/\.$|\?$/);
    expect(instructionFor('ordering', 'room')).toBe('In what order do these go?');
    expect(instructionFor('single', 'room')).toBe('Choose one answer.');
    expect(instructionFor('numeric', 'room', 'GB')).toBe('Answer in GB.');
    expect(instructionFor('numeric', 'room', 'none')).toBe('Answer with a number.');
  });
});

describe('numeric answers: units and the accepted range', () => {
  it('unit suffixes', () => {
    expect(unitSuffix('GB')).toBe(' GB');
    expect(unitSuffix('none')).toBe('');
    expect(unitSuffix('x')).toBe('×');
    expect(unitSuffix('%')).toBe('%');
  });

  it('byte units get the GB/GiB note; other units do not', () => {
    expect(byteUnitNote('GB')).toBe('GB = 10⁹ bytes, GiB = 2³⁰ bytes; either is accepted and converted.');
    expect(byteUnitNote('GiB')).toMatch(/^GB = 10⁹/);
    expect(byteUnitNote('B')).toMatch(/^GB = 10⁹/);
    expect(byteUnitNote('TB/s')).toMatch(/^GB\/s = 10⁹ bytes per second/);
    expect(byteUnitNote('bits')).toBeUndefined();
    expect(byteUnitNote('tokens')).toBeUndefined();
    expect(byteUnitNote('none')).toBeUndefined();
  });

  it('the range has as many decimals as the tolerance makes meaningful', () => {
    expect(formatAcceptedRange({ value: 40, unit: 'GB' }, { kind: 'relative', fraction: 0.01 })).toEqual({
      answer: '40 GB',
      range: '39.6 – 40.4 GB',
      tolerance: '± 1%',
    });
    expect(formatAcceptedRange({ value: 39.77, unit: 'GB' }, { kind: 'relative', fraction: 0.02 })).toEqual({
      answer: '39.77 GB',
      range: '38.97 – 40.57 GB',
      tolerance: '± 2%',
    });
    // 128 × 2,048 tokens ± 0.5 %
    expect(formatAcceptedRange({ value: 262144, unit: 'tokens' }, { kind: 'relative', fraction: 0.005 })).toEqual({
      answer: '262,144 tokens',
      range: '260,833 – 263,455 tokens',
      tolerance: '± 0.5%',
    });
    expect(
      formatAcceptedRange({ value: 8, unit: 'none' }, { kind: 'absolute', amount: { value: 1, unit: 'none' } }),
    ).toEqual({ answer: '8', range: '7 – 9', tolerance: '± 1' });
    expect(formatAcceptedRange({ value: 2, unit: 'x' }, { kind: 'relative', fraction: 0.02 }).range).toBe(
      '1.96 – 2.04×',
    );
  });

  it('an absolute tolerance in another unit is converted to the answer unit', () => {
    // 1 GiB = 1.073741824 GB
    expect(
      formatAcceptedRange({ value: 40, unit: 'GB' }, { kind: 'absolute', amount: { value: 1, unit: 'GiB' } }),
    ).toEqual({ answer: '40 GB', range: '38.9 – 41.1 GB', tolerance: '± 1 GiB' });
  });

  it('formatAnswerValue never prints NaN, -0 or a blank for finite input', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (v, hw) => {
          const s = formatAnswerValue(v, hw);
          expect(s).toMatch(/^-?[\d,]+(\.\d+)?$/);
          expect(s).not.toBe('-0');
        },
      ),
    );
    expect(() => formatAnswerValue(Number.NaN, 1)).toThrow(RangeError);
  });

  it('the printed range edges are within one displayed unit of the true edges', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        (v, f) => {
          const { range } = formatAcceptedRange({ value: v, unit: 'none' }, { kind: 'relative', fraction: f });
          const [lo, hi] = range.split(' – ').map((x) => Number(x.replace(/,/g, ''))) as [number, number];
          const hw = v * f;
          const step = 10 ** -Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(hw))));
          expect(Math.abs(lo - (v - hw))).toBeLessThanOrEqual(step / 2 + 1e-9 * v);
          expect(Math.abs(hi - (v + hw))).toBeLessThanOrEqual(step / 2 + 1e-9 * v);
          expect(lo).toBeLessThan(hi);
        },
      ),
    );
  });
});

describe('ordering moves and hints', () => {
  it('moveItem moves one step and clamps at the ends', () => {
    expect(moveItem([2, 0, 1], 1, -1)).toEqual([0, 2, 1]);
    expect(moveItem([2, 0, 1], 1, 1)).toEqual([2, 1, 0]);
    expect(moveItem([2, 0, 1], 0, -1)).toEqual([2, 0, 1]);
    expect(moveItem([2, 0, 1], 2, 1)).toEqual([2, 0, 1]);
  });

  it('moveItem always returns a permutation of its input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 8 }),
        fc.nat(10),
        fc.integer({ min: -2, max: 2 }),
        (order, i, d) => {
          const moved = moveItem(order, i, d);
          expect([...moved].sort()).toEqual([...order].sort());
        },
      ),
    );
  });

  it('announcements and hint labels', () => {
    expect(moveAnnouncement('  Reproduce the drop\n on BF16. ', 2, 5)).toBe(
      'Moved to position 2 of 5: Reproduce the drop on BF16.',
    );
    expect(hintButtonLabel(0, 3)).toBe('Show hint 1 of 3');
    expect(hintButtonLabel(2, 3)).toBe('Show hint 3 of 3');
  });
});
