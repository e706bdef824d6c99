import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayOrder, hashString, randomInt, seededPermutation, seededPrng, shuffleKey } from './shuffle';
import type { ChoiceOption, Question, RichText } from './types';

const t = (s: string): RichText => ({ md: s, html: s });
const opt = (correct: boolean): ChoiceOption => ({ text: t('x'), explanation: t('why'), correct });
const base = {
  factor: 'memory' as const,
  level: 'mid' as const,
  tags: [],
  sources: ['lesson:memory'],
  prompt: t('p'),
  hints: [],
  pin: false,
};
const single: Question = {
  ...base,
  id: 'q1',
  type: 'single',
  options: [opt(true), opt(false), opt(false), opt(false)],
};
const isPermutation = (p: number[], n: number) =>
  p.length === n && [...p].sort((a, b) => a - b).every((x, i) => x === i);

describe('hashString', () => {
  it('is a deterministic 32-bit unsigned integer that changes with the last character', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    fc.assert(
      fc.property(fc.string(), (s) => Number.isInteger(hashString(s)) && hashString(s) >= 0 && hashString(s) < 2 ** 32),
    );
  });
});

describe('seededPermutation', () => {
  it('property: a permutation of 0…n−1, the same for the same key', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.string(), (n, key) => {
        const p = seededPermutation(n, key);
        expect(isPermutation(p, n)).toBe(true);
        expect(seededPermutation(n, key)).toEqual(p);
      }),
    );
  });

  it('is pinned to these exact values (a change would reshuffle every saved attempt)', () => {
    // Recorded from this implementation (FNV-1a + fmix32 → sfc32 → Fisher–Yates).
    expect(seededPermutation(5, 'learner:q1:0')).toEqual([0, 1, 3, 2, 4]);
    expect(seededPermutation(4, 'abc:kv-bytes-gqa-70b:1')).toEqual([3, 0, 1, 2]);
    expect(hashString('abc')).toBe(482950588);
    expect(seededPermutation(0, 'x')).toEqual([]);
    expect(seededPermutation(1, 'x')).toEqual([0]);
  });

  it('distribution sanity: each option lands in each slot about 1/4 of the time over 8,000 keys', () => {
    const n = 4;
    const counts = Array.from({ length: n }, () => Array<number>(n).fill(0));
    const N = 8000;
    for (let k = 0; k < N; k++) {
      seededPermutation(n, `seed:${k}`).forEach((item, slot) => {
        (counts[item] as number[])[slot]!++;
      });
    }
    // Binomial(8000, 1/4): sd ≈ 38.7; allow ±5 sd.
    for (const row of counts)
      for (const c of row) expect(Math.abs(c - N / n)).toBeLessThan(5 * Math.sqrt(N * 0.25 * 0.75));
  });

  it('all 24 orders of 4 items appear, none dominating', () => {
    const seen = new Map<string, number>();
    for (let k = 0; k < 4800; k++) {
      const key = seededPermutation(4, `s${k}`).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(24);
    for (const c of seen.values()) expect(c).toBeGreaterThan(100); // expected 200
  });
});

describe('randomInt', () => {
  it('stays in range and rejects bad n', () => {
    const rng = seededPrng('r');
    for (let i = 0; i < 1000; i++) {
      const x = randomInt(rng, 7);
      expect(x >= 0 && x < 7 && Number.isInteger(x)).toBe(true);
    }
    expect(() => randomInt(rng, 0)).toThrow('n must be an integer from 1 to 2^32 (got 0)');
  });
});

describe('displayOrder', () => {
  it('is stable for the same learner, question and attempt (reloads), and changes across attempts', () => {
    const a0 = displayOrder(single, 'learner1', 0);
    expect(displayOrder(single, 'learner1', 0)).toEqual(a0);
    expect(isPermutation(a0, 4)).toBe(true);
    const orders = new Set(Array.from({ length: 20 }, (_, k) => displayOrder(single, 'learner1', k).join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('uses the documented key', () => {
    expect(shuffleKey('L', 'q1', 3)).toBe('L:q1:3');
    expect(displayOrder(single, 'L', 3)).toEqual(seededPermutation(4, 'L:q1:3'));
  });

  it('never shuffles pinned questions or flaw steps', () => {
    expect(displayOrder({ ...single, pin: true }, 'L', 0)).toEqual([0, 1, 2, 3]);
    const flaw: Question = { ...base, id: 'f', type: 'flaw', pin: true, options: [opt(false), opt(true), opt(false)] };
    for (let k = 0; k < 10; k++) expect(displayOrder(flaw, `L${k}`, k)).toEqual([0, 1, 2]);
  });

  it('never shows an ordering question already solved', () => {
    const ordering: Question = { ...base, id: 'o', type: 'ordering', items: [t('a'), t('b'), t('c')], explain: t('e') };
    for (let k = 0; k < 500; k++) {
      const p = displayOrder(ordering, 'L', k);
      expect(isPermutation(p, 3)).toBe(true);
      expect(p).not.toEqual([0, 1, 2]);
    }
  });

  it('returns [] for numeric and open questions and rejects a bad attempt number', () => {
    const numeric: Question = {
      ...base,
      id: 'n',
      type: 'numeric',
      answer: { value: 1, unit: 'GB' },
      tolerance: { kind: 'relative', fraction: 0.01 },
      explain: t('e'),
    };
    expect(displayOrder(numeric, 'L', 0)).toEqual([]);
    expect(() => displayOrder(single, 'L', -1)).toThrow('attempt must be a non-negative integer (got -1)');
  });
});
