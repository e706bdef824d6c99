import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketize, makeCodebook, nearestCode } from './codebook';
import { FP4 } from './fp4-codebook';
import { NF4 } from './nf4-codebook';

describe('makeCodebook(levels)', () => {
  it("sorts the levels and keeps each level's code", () => {
    const cb = makeCodebook([0, 1, -1]);
    expect(Array.from(cb.sortedLevels)).toEqual([-1, 0, 1]);
    expect(Array.from(cb.sortedCodes)).toEqual([2, 0, 1]);
    expect(Array.from(cb.midpoints)).toEqual([-0.5, 0.5]);
    expect(Array.from(cb.bounds)).toEqual([-Infinity, -0.5, 0.5, Infinity]);
    expect(cb.negativeZeroCode).toBeNull();
  });

  it("merges +0 and −0 into one level and remembers −0's code, whichever comes first", () => {
    expect(makeCodebook([0, -0, 1]).negativeZeroCode).toBe(1);
    const reversed = makeCodebook([-0, 0, 1]);
    expect(reversed.negativeZeroCode).toBe(0);
    expect(reversed.sortedCodes[reversed.zeroSortedIndex]).toBe(1);
  });

  it('rounds levels to float32 and computes midpoints in float32', () => {
    const cb = makeCodebook([0.1, 0.2]);
    expect(cb.levels[0]).toBe(Math.fround(0.1));
    expect(cb.midpoints[0]).toBe(Math.fround((Math.fround(0.1) + Math.fround(0.2)) / 2));
  });

  it('throws for an empty or oversized table, or a non-finite level', () => {
    expect(() => makeCodebook([])).toThrow(/levels must have 1 to 256 entries/);
    expect(() => makeCodebook(new Array(257).fill(0))).toThrow(/levels must have 1 to 256 entries \(got 257\)/);
    expect(() => makeCodebook([0, Number.NaN])).toThrow(/levels\[1\] must be a finite/);
    expect(() => makeCodebook([0, 1e39])).toThrow(/levels\[1\] must be a finite float32/);
  });

  it('builds a guess table whose guess is never more than one step from bucketize (NF4, FP4)', () => {
    for (const cb of [NF4, FP4]) {
      for (let c = 0; c <= cb.guessCells; c++) {
        const left = -1 + (2 * c) / cb.guessCells;
        const right = Math.min(1, -1 + (2 * (c + 1)) / cb.guessCells);
        const g = cb.guess[c] as number;
        expect(Math.abs(bucketize(cb.midpoints, left) - g)).toBeLessThanOrEqual(1);
        expect(Math.abs(bucketize(cb.midpoints, right) - g)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('bucketize(midpoints, v)', () => {
  const mids = Float64Array.of(-0.5, 0.5);
  it('counts the midpoints strictly below v (torch.bucketize, right=False)', () => {
    expect([-1, -0.5, -0.4999, 0.5, 0.5001, 1].map((v) => bucketize(mids, v))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('agrees with a linear count (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (v) => {
        const linear = Array.from(NF4.midpoints).filter((m) => m < v).length;
        expect(bucketize(NF4.midpoints, v)).toBe(linear);
      }),
    );
  });
});

describe('nearestCode(codebook, v)', () => {
  it('returns the code of the nearest level, ties to the lower level', () => {
    const cb = makeCodebook([0, 1, -1]);
    expect(nearestCode(cb, 0.4)).toBe(0);
    expect(nearestCode(cb, 0.5)).toBe(0); // tie between 0 and 1 → 0
    expect(nearestCode(cb, -0.5)).toBe(2); // tie between −1 and 0 → −1 (code 2)
  });

  it('gives the −0 code to negative values that round to zero (FP4)', () => {
    expect(nearestCode(FP4, -0.001)).toBe(8);
    expect(nearestCode(FP4, 0.001)).toBe(0);
    expect(nearestCode(FP4, -0)).toBe(0);
  });

  it('is never farther than any other level (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (v) => {
        for (const cb of [NF4, FP4]) {
          const best = Math.abs(v - (cb.levels[nearestCode(cb, v)] as number));
          for (const level of cb.levels) expect(best).toBeLessThanOrEqual(Math.abs(v - level) + 1e-7);
        }
      }),
    );
  });
});
