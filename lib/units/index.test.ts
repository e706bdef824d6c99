import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits } from './index';

describe('groupDigits (cached en-US formatter)', () => {
  it('matches toLocaleString("en-US") exactly, which it replaces for speed', () => {
    // Hand-checked: thousands separators and at most 3 decimals, as toLocaleString does.
    expect(groupDigits(131072)).toBe('131,072');
    expect(groupDigits(0.12345)).toBe('0.123');
    fc.assert(fc.property(fc.double({ noNaN: true, min: -1e15, max: 1e15 }), (x) => {
      expect(groupDigits(x)).toBe(x.toLocaleString('en-US'));
    }));
  });
});
