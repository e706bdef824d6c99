import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedRange,
  gradeNumeric,
  MAX_ANSWER_CHARS,
  parseNumericAnswer,
  TOLERANCE_EDGE_SLACK,
  withinTolerance,
} from './numeric';
import type { Quantity, Tolerance } from './types';
import { UNIT_SYMBOLS, UNITS } from './units';

const GB40: Quantity = { value: 40, unit: 'GB' };
const REL1: Tolerance = { kind: 'relative', fraction: 0.01 };

function ok(text: string, unit: string) {
  const r = parseNumericAnswer(text, unit);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
  return r.answer;
}
function err(text: string, unit: string): string {
  const r = parseNumericAnswer(text, unit);
  if (r.ok) throw new Error(`expected "${text}" to fail`);
  return r.error;
}

/**
 * Call times (ms) of a linear parser: typically well under a millisecond, so the median must be under 2 ms and the
 * slowest call (a GC pause on a loaded machine) under 100 ms. (parseNumberInput and parseWeights took 2–3 s per call
 * on such inputs before their patterns were made linear; this guards the answer field against the same.)
 */
function expectFast(times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(2);
  expect(sorted[sorted.length - 1]).toBeLessThan(100);
}

describe('parseNumericAnswer', () => {
  it.each([
    // text, answer unit, value in the answer's unit (hand conversions in comments)
    ['39.8', 'GB', 39.8],
    ['39.8 GB', 'GB', 39.8],
    ['39.8GB', 'GB', 39.8],
    ['37 GiB', 'GB', 39.728447488], // 37 × 2³⁰ = 39,728,447,488 B
    ['37 gib', 'GB', 39.728447488], // case-insensitive for multi-letter units
    ['3.9e10 B', 'GB', 39], // 3.9 × 10¹⁰ B
    ['3.9 × 10^10 bytes', 'GB', 39],
    ['39,800 MB', 'GB', 39.8],
    ['1,234', 'tokens', 1234],
    ['40k tokens', 'tokens', 40000],
    ['40K', 'tokens', 40000],
    ['128k', 'tokens', 128000], // decimal k, as in "128K context"
    ['70B', 'params', 70e9], // for counts, B is billions…
    ['70B', 'GB', 70e-9], // …for sizes, B is bytes
    ['70 billion params', 'params', 70e9],
    ['1.5 million', 'none', 1.5e6],
    ['8 sequences', 'none', 8],
    ['$1.20', 'USD', 1.2],
    ['1.2 USD', 'USD', 1.2],
    ['$1.2k', 'USD', 1200],
    ['50 ms', 's', 0.05],
    ['0.05', 's', 0.05],
    ['2 min', 's', 120],
    ['3.35 TB/s', 'GB/s', 3350],
    ['3,350 GB/s', 'TB/s', 3.35],
    ['85 tokens/s', 'tok/s', 85],
    ['1.8x', 'x', 1.8],
    ['1.8 ×', 'x', 1.8],
    ['12%', '%', 12],
    ['4.5 bits', 'bits', 4.5],
    ['0.5625 B', 'bits', 4.5], // 1 B = 8 bits
    ['~40', 'GB', 40],
    ['≈ 40 GB', 'GB', 40],
    ['.5', 'GB', 0.5],
    ['−3', 'GB', -3], // U+2212 minus
    ['1979 TFLOPS', 'TFLOPS', 1979],
    ['1.979 PFLOPS', 'TFLOPS', 1979],
  ])('%j in %s → %d', (text, unit, expected) => {
    expect(ok(text, unit).inAnswerUnit).toBeCloseTo(expected, 9);
  });

  it('reports the unit it read and whether it was assumed', () => {
    expect(ok('37 GiB', 'GB')).toMatchObject({ value: 37, unit: 'GiB', unitAssumed: false });
    expect(ok('39.8', 'GB')).toMatchObject({ value: 39.8, unit: 'GB', unitAssumed: true });
  });

  it.each([
    ['', 'GB', 'Enter a number.'],
    ['   ', 'GB', 'Enter a number.'],
    ['abc', 'GB', '"abc" is not a number. Write it like 39.8 or 39.8 GB.'],
    ['39,8', 'GB', 'Use a dot for decimals (39.8), and commas only between thousands (1,234).'],
    ['1,2345', 'GB', '"1,2345" is not a number. Write it like 39.8.'],
    ['1.2.3', 'GB', '"1.2.3" is not a number. Write it like 39.8.'],
    ['3 ms', 'GB', '"ms" is a time (s, ms, …), but this answer is a size (B, GB, GiB, …).'],
    ['3 GB', 'tok/s', '"GB" is a size (B, GB, GiB, …), but this answer is a rate in tokens/s.'],
    ['$3', 'GB', '"$" is an amount in USD, but this answer is a size (B, GB, GiB, …).'],
    ['3 furlongs', 'GB', 'Unknown unit "furlongs". Use B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, bits.'],
    ['3 b', 'GB', 'Unknown unit "b". Use B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, bits.'], // bits or bytes?
    ['40k', 'GB', 'Unknown unit "k". Use B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, bits.'], // no magnitudes on sizes
    ['1e400', 'GB', 'That number is too large.'],
  ])('%j in %s → error', (text, unit, message) => {
    expect(err(text, unit)).toBe(message);
  });

  it('never throws and never returns NaN, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(...UNIT_SYMBOLS), (text, unit) => {
        const r = parseNumericAnswer(text, unit);
        if (r.ok) expect(Number.isFinite(r.answer.inAnswerUnit)).toBe(true);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every unit: "x <unit>" converts back to x in the same unit', () => {
    for (const u of UNITS) {
      if (u.symbol === 'none') continue;
      expect(ok(`2.5 ${u.symbol}`, u.symbol).inAnswerUnit).toBe(2.5);
    }
  });
});

describe('withinTolerance: edges are inclusive', () => {
  it('relative: 40 GB ± 1% accepts exactly 39.6 and 40.4, rejects just outside', () => {
    // In doubles 40.4 − 40 = 0.3999999999999986 and 40 × 0.01 = 0.4: the slack decides nothing here…
    expect(withinTolerance(40.4, GB40, REL1)).toBe(true);
    expect(withinTolerance(39.6, GB40, REL1)).toBe(true);
    // …but 40.4 + 10 ULP-ish noise must still count, and 1e-7 beyond must not.
    expect(withinTolerance(40.4 + 1e-12, GB40, REL1)).toBe(true);
    expect(withinTolerance(40.4000001, GB40, REL1)).toBe(false);
    expect(withinTolerance(39.5999999, GB40, REL1)).toBe(false);
  });

  it('relative edge that binary rounding pushes outside without the slack: 0.7 ± 10% at 0.77', () => {
    // 0.7 × 0.1 = 0.06999999999999999 but 0.77 − 0.7 = 0.07000000000000006: strict ≤ would reject the exact edge.
    const q: Quantity = { value: 0.7, unit: 'none' };
    const tol: Tolerance = { kind: 'relative', fraction: 0.1 };
    expect(0.77 - 0.7 <= 0.7 * 0.1).toBe(false);
    expect(withinTolerance(0.77, q, tol)).toBe(true);
    expect(withinTolerance(0.63, q, tol)).toBe(true);
    expect(withinTolerance(0.7700001, q, tol)).toBe(false);
  });

  it('absolute tolerance in another unit of the same dimension: 130.39 GiB ± 500 MiB', () => {
    const q: Quantity = { value: 130.39, unit: 'GiB' };
    const tol: Tolerance = { kind: 'absolute', amount: { value: 500, unit: 'MiB' } };
    // 500 MiB = 500/1024 GiB = 0.48828125 GiB (exact in binary)
    expect(acceptedRange(q, tol).halfWidth).toBe(0.48828125);
    expect(withinTolerance(130.39 + 0.48828125, q, tol)).toBe(true);
    expect(withinTolerance(130.39 - 0.48828125, q, tol)).toBe(true);
    expect(withinTolerance(130.39 + 0.4883, q, tol)).toBe(false);
  });

  it('zero tolerance accepts only the value (and its float noise)', () => {
    const q: Quantity = { value: 8, unit: 'none' };
    const tol: Tolerance = { kind: 'absolute', amount: { value: 0, unit: 'none' } };
    expect(withinTolerance(8, q, tol)).toBe(true);
    expect(withinTolerance(8.0001, q, tol)).toBe(false);
  });

  it('property: values strictly inside are accepted, values beyond the edge by more than the slack are rejected', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.constantFrom(1, -1),
        (a, frac, inside, sign) => {
          const q: Quantity = { value: a, unit: 'GB' };
          const tol: Tolerance = { kind: 'relative', fraction: frac };
          expect(withinTolerance(a + sign * inside * frac * a, q, tol)).toBe(true);
          expect(withinTolerance(a + sign * frac * a * (1 + 1e-6) + sign * 10 * TOLERANCE_EDGE_SLACK * a, q, tol)).toBe(
            false,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('gradeNumeric', () => {
  const weights = { answer: { value: 140, unit: 'GB' as const }, tolerance: REL1 };

  it('accepts the answer in another unit: 130.4 GiB = 140.016 GB', () => {
    // 130.4 × 2³⁰ = 130.4 × 1,073,741,824 = 140,015,933,849.6 B
    const g = gradeNumeric(weights, '130.4 GiB');
    expect(g).toMatchObject({ status: 'graded', correct: true, direction: 'high', range: { low: 138.6, high: 141.4 } });
    expect(g.status === 'graded' && g.value).toBeCloseTo(140.0159338496, 9);
  });

  it('diagnoses GB/GiB confusion: 130.4 typed as GB', () => {
    expect(gradeNumeric(weights, '130.4')).toMatchObject({
      status: 'graded',
      correct: false,
      direction: 'low',
      diagnosis: 'Off by 10⁹/2³⁰ ≈ 0.931: GB (10⁹ bytes) and GiB (2³⁰ bytes) mixed up?',
    });
  });

  it('diagnoses bits vs bytes, and a missing factor of 2', () => {
    expect(gradeNumeric(weights, '1120')).toMatchObject({
      correct: false,
      diagnosis: 'Off by a factor of 8: bits and bytes mixed up?',
    });
    expect(gradeNumeric(weights, '70')).toMatchObject({
      correct: false,
      diagnosis: expect.stringContaining('factor of 2'),
    });
    expect(gradeNumeric(weights, '100')).not.toHaveProperty('diagnosis');
  });

  it('rejects negative input for a positive answer, with a message and no grade', () => {
    expect(gradeNumeric(weights, '-140')).toEqual({ status: 'invalid', error: 'The answer cannot be negative here.' });
  });

  it('accepts negative input when the answer itself is negative', () => {
    const q = {
      answer: { value: -5, unit: 'GiB' as const },
      tolerance: { kind: 'absolute' as const, amount: { value: 0.5, unit: 'GiB' as const } },
    };
    expect(gradeNumeric(q, '-5.4 GiB')).toMatchObject({ status: 'graded', correct: true });
  });

  it('passes parse errors through as invalid', () => {
    expect(gradeNumeric(weights, '3 ms')).toEqual({
      status: 'invalid',
      error: '"ms" is a time (s, ms, …), but this answer is a size (B, GB, GiB, …).',
    });
  });

  it('reports the relative error', () => {
    const g = gradeNumeric(weights, '147');
    expect(g.status === 'graded' && g.relativeError).toBeCloseTo(0.05, 12);
  });
});

describe('parseNumericAnswer on long pastes', () => {
  it(`refuses answers over ${MAX_ANSWER_CHARS} characters, and answers any 60,000-character paste within a few ms`, () => {
    expect(parseNumericAnswer(`39.8${' '.repeat(MAX_ANSWER_CHARS)}GB`, 'GB')).toEqual({
      ok: false,
      error: 'That is too long to be an answer (206 characters; at most 200).',
    });
    const times: number[] = [];
    fc.assert(
      fc.property(
        fc.constantFrom('1', ' ', '1,', '1 ', 'e', '$', '×10^'),
        fc.integer({ min: 1, max: 60_000 }),
        fc.constantFrom('x', 'GB', ''),
        (unit, n, tail) => {
          const text = unit.repeat(n).slice(0, 60_000) + tail;
          const t0 = performance.now();
          parseNumericAnswer(text, 'GB');
          times.push(performance.now() - t0);
        },
      ),
      { numRuns: 100 },
    );
    expectFast(times);
  });
});
