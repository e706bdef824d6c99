import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFixed, groupDigits } from './index';

// The reference is Intl itself (what toLocaleString('en-US') printed before these
// hand-written formatters replaced it for speed): any difference is a bug here.
describe('groupDigits (en-US grouping without Intl)', () => {
  it('matches toLocaleString("en-US") exactly', () => {
    // Hand-checked: thousands separators and at most 3 decimals.
    expect(groupDigits(131072)).toBe('131,072');
    expect(groupDigits(0.12345)).toBe('0.123');
    expect(groupDigits(-0.0004)).toBe('-0');
    expect(groupDigits(999.9996)).toBe('1,000');
    expect(groupDigits(991378878929446.6)).toBe('991,378,878,929,446.6'); // toFixed(3) would print …446.625
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e20, max: 1e20 }), (x) => {
        expect(groupDigits(x)).toBe(x.toLocaleString('en-US'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('formatFixed (fixed decimals without Intl)', () => {
  it('matches Intl.NumberFormat with min = max fraction digits', () => {
    expect(formatFixed(72.7, 1)).toBe('72.7');
    expect(formatFixed(1.25, 1)).toBe('1.3'); // half away from zero on the printed decimal, as Intl
    expect(formatFixed(-2.5, 0)).toBe('-3');
    expect(formatFixed(0.05, 0)).toBe('0');
    expect(formatFixed(1234567.891, 2)).toBe('1,234,567.89');
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e20, max: 1e20 }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
        expect(formatFixed(x, d)).toBe(intl.format(x));
      }),
      { numRuns: 5000 },
    );
    // Numbers printed with an exponent (tiny ones) too.
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e-6, max: 1e-6 }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
        expect(formatFixed(x, d)).toBe(intl.format(x));
      }),
    );
  });
});
