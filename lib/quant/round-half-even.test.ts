import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round-half-even';

describe('roundHalfEven(v)', () => {
  it('sends exact halves to the even neighbour, like torch.round (PyTorch docs: "round half to even")', () => {
    expect([0.5, 1.5, 2.5, 3.5, 126.5, -0.5, -1.5, -2.5, -3.5].map(roundHalfEven)).toEqual([
      0, 2, 2, 4, 126, 0, -2, -2, -4,
    ]);
  });

  it('differs from Math.round exactly on the halves Math.round sends up to an odd number', () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(Math.round(2.5)).toBe(3);
    expect(roundHalfEven(-3.5)).toBe(-4);
    expect(Math.round(-3.5)).toBe(-3);
  });

  it('rounds non-ties to the nearest integer', () => {
    expect([2.4999999999999996, 2.5000000000000004, -0.49999999999999994, 7.2, -7.8].map(roundHalfEven)).toEqual([
      2, 3, 0, 7, -8,
    ]);
  });

  it('returns integers and huge values unchanged, and passes NaN through', () => {
    expect(roundHalfEven(2 ** 52 + 2)).toBe(2 ** 52 + 2);
    expect(roundHalfEven(-1e300)).toBe(-1e300);
    expect(roundHalfEven(Number.NaN)).toBeNaN();
  });

  it('is never more than 0.5 away, and is an integer (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (v) => {
        const r = roundHalfEven(v);
        expect(Number.isInteger(r)).toBe(true);
        expect(Math.abs(r - v)).toBeLessThanOrEqual(0.5);
        if (Math.abs(r - v) === 0.5) expect(Math.abs(r % 2)).toBe(0);
      }),
    );
  });
});
