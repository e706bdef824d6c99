import { describe, expect, it } from 'vitest';
import { formatCrossoverBatch } from './format';

describe('formatCrossoverBatch(batch)', () => {
  it('"≈ n", "never" or "below 1"', () => {
    expect(formatCrossoverBatch(295.4)).toBe('≈ 295');
    expect(formatCrossoverBatch(Infinity)).toBe('never');
    expect(formatCrossoverBatch(0.4)).toBe('below 1');
    expect(() => formatCrossoverBatch(Number.NaN)).toThrow(RangeError);
    expect(() => formatCrossoverBatch(-Infinity)).toThrow(RangeError);
  });
});
