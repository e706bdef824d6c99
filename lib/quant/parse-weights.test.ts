import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PARSED_WEIGHTS, MAX_WEIGHT_TOKEN_CHARS, MAX_WEIGHTS_TEXT_CHARS, parseWeights } from './parse-weights';

/**
 * Call times (ms) of a linear parser: typically well under a millisecond, so the median must be under 2 ms and the
 * slowest call (a GC pause on a loaded machine) under 100 ms. The quadratic patterns took 2–3 s per call on the
 * longest of these inputs (measured on this code's previous version), so both bounds fail without the fix.
 */
function expectFast(times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(2);
  expect(sorted[sorted.length - 1]).toBeLessThan(100);
}

describe('parseWeights(text)', () => {
  it('reads numbers separated by commas, spaces, tabs, newlines or semicolons', () => {
    expect(Array.from(parseWeights('1.5, -2\n3e-1'))).toEqual([1.5, -2, Math.fround(0.3)]);
    expect(Array.from(parseWeights(' 1\t2;3 ,, 4\r\n'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(parseWeights('.25 -.5 +7 1E2'))).toEqual([0.25, -0.5, 7, 100]);
  });

  it('accepts a pasted Python/JSON list', () => {
    expect(Array.from(parseWeights('[0.5, -1.25, 2]'))).toEqual([0.5, -1.25, 2]);
  });

  it('rounds to float32, as weights are stored', () => {
    expect(parseWeights('0.1')[0]).toBe(Math.fround(0.1));
  });

  it('rejects a non-number with the token and its character position', () => {
    expect(() => parseWeights('1, abc')).toThrow('weights: "abc" at character 4 is not a number');
    expect(() => parseWeights('1 2 0x10')).toThrow('weights: "0x10" at character 5 is not a number');
    expect(() => parseWeights('NaN')).toThrow('weights: "NaN" at character 1 is not a number');
    expect(() => parseWeights('Infinity')).toThrow(/"Infinity" at character 1 is not a number/);
    expect(() => parseWeights('1..2')).toThrow(/"1..2" at character 1/);
    expect(() => parseWeights('1,2,' + 'x'.repeat(30))).toThrow(
      `weights: "${'x'.repeat(20)}…" at character 5 is not a number`,
    );
  });

  it('rejects numbers beyond the float32 range', () => {
    expect(() => parseWeights('1e39')).toThrow(
      'weights: "1e39" at character 1 is too large for float32 (limit ±3.4e38)',
    );
  });

  it('rejects empty input and too many numbers', () => {
    expect(() => parseWeights('')).toThrow('weights: enter at least one number');
    expect(() => parseWeights(' ,\n [ ] ')).toThrow('weights: enter at least one number');
    expect(() => parseWeights('0 '.repeat(MAX_PARSED_WEIGHTS + 1))).toThrow(
      'weights: too many numbers (more than 1,048,576)',
    );
    expect(parseWeights('0 '.repeat(MAX_PARSED_WEIGHTS))).toHaveLength(MAX_PARSED_WEIGHTS);
  });

  it('rejects a non-string', () => {
    expect(() => parseWeights(5 as unknown as string)).toThrow(TypeError);
  });

  it('rejects a token longer than MAX_WEIGHT_TOKEN_CHARS, and text longer than MAX_WEIGHTS_TEXT_CHARS, by name', () => {
    expect(() => parseWeights(`0.5, ${'1'.repeat(60_000)}x`)).toThrow(
      `weights: "11111111111111111111…" at character 6 is too long to be a number (60,001 characters; at most ${MAX_WEIGHT_TOKEN_CHARS})`,
    );
    expect(parseWeights(`0.${'5'.repeat(MAX_WEIGHT_TOKEN_CHARS - 2)}`)[0]).toBe(Math.fround(0.5555555555555556));
    expect(() => parseWeights(' '.repeat(MAX_WEIGHTS_TEXT_CHARS + 1))).toThrow(/the text is too long/);
  });

  it('property: long adversarial pastes (up to 60,000 characters) are answered within a few milliseconds per call', () => {
    // The probe's freeze: a 60,000-digit token; the old `\d+\.?\d*` could split a digit run at every position.
    const cases = fc.record({
      unit: fc.constantFrom('1', '9', '1.', '.5', '1e', '-', '1 ', '1,'),
      n: fc.integer({ min: 1, max: 60_000 }),
      tail: fc.constantFrom('x', '.', 'e', 'e+', '', '..'),
    });
    const times: number[] = [];
    fc.assert(
      fc.property(cases, ({ unit, n, tail }) => {
        const text = unit.repeat(n).slice(0, 60_000) + tail;
        const t0 = performance.now();
        try {
          parseWeights(text);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
        }
        times.push(performance.now() - t0);
      }),
      { numRuns: 200 },
    );
    expectFast(times);
  });
});
