import { describe, expect, it } from 'vitest';
import { formatDollars, formatDuration, formatTokensPerSecond } from './format';

describe('formatDollars / formatTokensPerSecond', () => {
  it('formats with the documented precision', () => {
    expect(formatDollars(0.61299)).toBe('$0.613');
    expect(formatDollars(12.3456)).toBe('$12.35');
    expect(formatDollars(1234.5)).toBe('$1,234.50');
    expect(formatTokensPerSecond(41.9009)).toBe('41.9');
    expect(formatTokensPerSecond(906.3)).toBe('906');
    expect(formatTokensPerSecond(1164.8)).toBe('1,165');
  });

  it('formats durations in ms below a second and s above', () => {
    expect(formatDuration(0.1547)).toBe('155 ms');
    expect(formatDuration(0.00423)).toBe('4.2 ms');
    expect(formatDuration(2.5)).toBe('2.50 s');
    expect(() => formatDuration(Number.NaN)).toThrow(/finite/);
  });

  it('refuses to print NaN or Infinity', () => {
    expect(() => formatDollars(Number.NaN)).toThrow(/finite/);
    expect(() => formatTokensPerSecond(Infinity)).toThrow(/finite/);
  });
});
