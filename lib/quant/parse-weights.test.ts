import { describe, expect, it } from 'vitest';
import { MAX_PARSED_WEIGHTS, parseWeights } from './parse-weights';

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
    expect(() => parseWeights('1,2,' + 'x'.repeat(30))).toThrow(`weights: "${'x'.repeat(20)}…" at character 5 is not a number`);
  });

  it('rejects numbers beyond the float32 range', () => {
    expect(() => parseWeights('1e39')).toThrow('weights: "1e39" at character 1 is too large for float32 (limit ±3.4e38)');
  });

  it('rejects empty input and too many numbers', () => {
    expect(() => parseWeights('')).toThrow('weights: enter at least one number');
    expect(() => parseWeights(' ,\n [ ] ')).toThrow('weights: enter at least one number');
    expect(() => parseWeights('0 '.repeat(MAX_PARSED_WEIGHTS + 1))).toThrow('weights: too many numbers (more than 1,048,576)');
    expect(parseWeights('0 '.repeat(MAX_PARSED_WEIGHTS))).toHaveLength(MAX_PARSED_WEIGHTS);
  });

  it('rejects a non-string', () => {
    expect(() => parseWeights(5 as unknown as string)).toThrow(TypeError);
  });
});
