import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lengthBias } from './lengthBias';
import type { Question, SingleQuestion } from './types';

const rt = (md: string) => ({ md, html: md });
function single(id: string, options: Array<[string, boolean]>): SingleQuestion {
  return {
    id,
    type: 'single',
    factor: 'memory',
    level: 'mid',
    tags: [],
    sources: ['lesson:memory'],
    prompt: rt('?'),
    hints: [],
    pin: false,
    options: options.map(([text, correct]) => ({ text: rt(text), explanation: rt('why'), correct })),
  };
}

describe('lengthBias', () => {
  it('scores the longest-option trick on a hand-made bank', () => {
    // q1: right answer longest (1); q2: right answer shortest (0 for longest, 1 for shortest); q3: tie of two longest, one right (1/2).
    const bank: Question[] = [
      single('q1', [
        ['a much longer right answer', true],
        ['no', false],
        ['nope', false],
        ['nah', false],
      ]),
      single('q2', [
        ['ok', true],
        ['a long wrong answer', false],
        ['wrong too', false],
      ]),
      single('q3', [
        ['same len A', true],
        ['same len B', false],
        ['x', false],
        ['y', false],
      ]),
    ];
    const b = lengthBias(bank);
    expect(b.questions).toBe(3);
    expect(b.longestAccuracy).toBeCloseTo((1 + 0 + 0.5) / 3, 12);
    expect(b.shortestAccuracy).toBeCloseTo((0 + 1 + 0.5 * 0) / 3, 12); // q3's shortest are "x"/"y", both wrong
    expect(b.chanceAccuracy).toBeCloseTo((1 / 4 + 1 / 3 + 1 / 4) / 3, 12);
    expect(b.longestIsRight).toEqual(['q1']);
  });

  it('counts whitespace runs as one character, as a reader sees them', () => {
    const b = lengthBias([
      single('w', [
        ['a  \n  b', true],
        ['abcd', false],
      ]),
    ]);
    expect(b.longestAccuracy).toBe(0); // "a b" (3) is shorter than "abcd" (4)
  });

  it('skips other question types and an empty bank gives zeros', () => {
    expect(lengthBias([])).toEqual({
      questions: 0,
      longestAccuracy: 0,
      shortestAccuracy: 0,
      chanceAccuracy: 0,
      longestIsRight: [],
    });
  });

  it('accuracies stay within [0, 1] and chance equals the mean of 1/n (property)', () => {
    const opt = fc.tuple(fc.string({ maxLength: 30 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(opt, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 20 }), (raw) => {
        const bank = raw.map((opts, i) =>
          single(
            `q${i}`,
            opts.map(([t], j) => [t, j === 0] as [string, boolean]),
          ),
        );
        const b = lengthBias(bank);
        for (const x of [b.longestAccuracy, b.shortestAccuracy, b.chanceAccuracy]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(b.chanceAccuracy).toBeCloseTo(raw.reduce((s, o) => s + 1 / o.length, 0) / raw.length, 12);
      }),
    );
  });
});
