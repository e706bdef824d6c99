import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeOpen, gradeOrdering } from './grade';
import type { ChoiceOption, RichText } from './types';

const t = (s: string): RichText => ({ md: s, html: s });
const opt = (correct: boolean): ChoiceOption => ({ text: t('x'), explanation: t('why'), correct });
const single = { id: 's', options: [opt(false), opt(true), opt(false)] };
const multiple = { id: 'm', options: [opt(true), opt(false), opt(true), opt(false)] };

describe('gradeChoice', () => {
  it('single: the right option', () => {
    expect(gradeChoice(single, [1])).toEqual({
      correct: true,
      missed: [],
      wrongSelected: [],
      rightSelected: [1],
      score: 1,
    });
  });

  it('single: a wrong option reports the missed right one', () => {
    expect(gradeChoice(single, [0])).toEqual({
      correct: false,
      missed: [1],
      wrongSelected: [0],
      rightSelected: [],
      score: 0,
    });
  });

  it('multiple: exact set is right; partial credit (right − wrong) / right, floored at 0', () => {
    expect(gradeChoice(multiple, [2, 0]).correct).toBe(true);
    expect(gradeChoice(multiple, [0])).toMatchObject({ correct: false, missed: [2], score: 0.5 });
    expect(gradeChoice(multiple, [0, 2, 1])).toMatchObject({ correct: false, wrongSelected: [1], score: 0.5 });
    expect(gradeChoice(multiple, [0, 1, 2, 3])).toMatchObject({ correct: false, score: 0 }); // ticking everything earns nothing
    expect(gradeChoice(multiple, [])).toMatchObject({ correct: false, missed: [0, 2], score: 0 });
  });

  it('throws on indices a UI bug could send', () => {
    expect(() => gradeChoice(single, [3])).toThrow('question s: index 3 is not one of the 3 options (0–2)');
    expect(() => gradeChoice(single, [1, 1])).toThrow('selected twice');
  });

  it('property: correct ⇔ score = 1, and score ∈ [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 2, maxLength: 6 }), fc.array(fc.nat(5)), (marks, sel) => {
        const q = { id: 'p', options: marks.map(opt) };
        const selected = [...new Set(sel.filter((i) => i < marks.length))];
        const g = gradeChoice(q, selected);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(1);
        if (g.correct) expect(g.score).toBe(1);
        else if (marks.some(Boolean)) expect(g.score).toBeLessThan(1);
      }),
    );
  });
});

describe('gradeOrdering', () => {
  const q = { id: 'o', items: [t('a'), t('b'), t('c'), t('d')] };

  it('exact order', () => {
    expect(gradeOrdering(q, [0, 1, 2, 3])).toEqual({
      correct: true,
      inPlace: [true, true, true, true],
      inPlaceCount: 4,
      pairScore: 1,
    });
  });

  it('one adjacent swap: 2 in place, 5 of 6 pairs in order', () => {
    expect(gradeOrdering(q, [0, 2, 1, 3])).toEqual({
      correct: false,
      inPlace: [true, false, false, true],
      inPlaceCount: 2,
      pairScore: 5 / 6,
    });
  });

  it('reversed: no pair in order', () => {
    expect(gradeOrdering(q, [3, 2, 1, 0])).toMatchObject({ correct: false, inPlaceCount: 0, pairScore: 0 });
  });

  it('a rotation keeps most pairs though nothing is in place', () => {
    // [1,2,3,0]: pairs (1,2),(1,3),(2,3) in order, the 3 pairs with 0 not → 3/6
    expect(gradeOrdering(q, [1, 2, 3, 0])).toMatchObject({ inPlaceCount: 0, pairScore: 0.5 });
  });

  it('throws when the order is not a permutation', () => {
    expect(() => gradeOrdering(q, [0, 1, 2])).toThrow('order has 3 items, expected 4');
    expect(() => gradeOrdering(q, [0, 1, 1, 2])).toThrow('selected twice');
  });
});

describe('gradeOpen', () => {
  const q = { id: 'x', rubric: [t('a'), t('b'), t('c'), t('d'), t('e')] };
  it('counts ticked points; 60% passes', () => {
    expect(gradeOpen(q, [true, true, true, false, false])).toEqual({ made: 3, possible: 5, score: 0.6, correct: true });
    expect(gradeOpen(q, [true, true, false, false, false])).toEqual({
      made: 2,
      possible: 5,
      score: 0.4,
      correct: false,
    });
  });
  it('throws when the ticks do not match the rubric', () => {
    expect(() => gradeOpen(q, [true])).toThrow('1 rubric ticks for 5 points');
  });
});

describe('compactQuestion', () => {
  it('empties md, keeps html and answers, drops location', async () => {
    const { compactQuestion } = await import('./compact');
    const q = {
      id: 'n',
      type: 'numeric' as const,
      factor: 'memory' as const,
      level: 'mid' as const,
      tags: [],
      sources: ['lesson:memory'],
      pin: false,
      prompt: t('p'),
      hints: [t('h')],
      explain: t('e'),
      answer: { value: 1, unit: 'GB' as const },
      tolerance: { kind: 'relative' as const, fraction: 0.01 },
      location: { file: 'f.md', line: 3 },
    };
    expect(compactQuestion(q)).toEqual({
      id: 'n',
      type: 'numeric',
      factor: 'memory',
      level: 'mid',
      tags: [],
      sources: ['lesson:memory'],
      pin: false,
      prompt: { md: '', html: 'p' },
      hints: [{ md: '', html: 'h' }],
      explain: { md: '', html: 'e' },
      answer: { value: 1, unit: 'GB' },
      tolerance: { kind: 'relative', fraction: 0.01 },
    });
  });
});
