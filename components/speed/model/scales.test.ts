import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactTickLabel, decadeDomain, logScale, logSpacedBatches, logTicks, powerOfTwoTicks } from './scales';

describe('logScale(domain, range)', () => {
  it('maps equal ratios to equal distances: 32 is halfway between 1 and 1024 (2^5 of 2^10)', () => {
    const x = logScale([1, 1024], [0, 100]);
    expect(x(1)).toBe(0);
    expect(x(1024)).toBeCloseTo(100, 12);
    expect(x(32)).toBeCloseTo(50, 12);
  });
  it('works with a reversed range (SVG y)', () => {
    const y = logScale([10, 1000], [300, 0]);
    expect(y(100)).toBeCloseTo(150, 12);
  });
  it('invert undoes the scale', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (v) => {
        const s = logScale([1e-3, 1e6], [20, 620]);
        expect(s.invert(s(v)) / v).toBeCloseTo(1, 9);
      }),
    );
  });
  it('rejects domains a log scale cannot have, and values ≤ 0', () => {
    expect(() => logScale([0, 10], [0, 1])).toThrow(/domain\[0\]/);
    expect(() => logScale([5, 5], [0, 1])).toThrow(/two different/);
    expect(() => logScale([1, 10], [0, 1])(0)).toThrow(RangeError);
  });
});

describe('powerOfTwoTicks(min, max)', () => {
  it('lists 1 … 1024 as 11 ticks', () => {
    expect(powerOfTwoTicks(1, 1024)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(() => powerOfTwoTicks(3, 8)).toThrow(RangeError);
  });
});

describe('decadeDomain(values)', () => {
  it('covers the values with whole decades', () => {
    expect(decadeDomain([24.1, 5688.7])).toEqual([10, 10000]);
    expect(decadeDomain([100])).toEqual([100, 1000]);
    expect(decadeDomain([1000, 1000])).toEqual([1000, 10000]);
    expect(() => decadeDomain([])).toThrow(RangeError);
    expect(() => decadeDomain([0, 3])).toThrow(RangeError);
  });
  it('always contains every value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (values) => {
          const [lo, hi] = decadeDomain(values);
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
            expect(v).toBeLessThanOrEqual(hi * (1 + 1e-12));
          }
        },
      ),
    );
  });
});

describe('logTicks(domain)', () => {
  it('labels 1-2-5 on a short axis, only decades on a long one', () => {
    expect(logTicks([10, 1000]).map((t) => t.value)).toEqual([10, 20, 50, 100, 200, 500, 1000]);
    expect(logTicks([10, 1000]).every((t) => t.labelled)).toBe(true);
    const long = logTicks([1, 1e4]);
    expect(long.filter((t) => t.labelled).map((t) => t.value)).toEqual([1, 10, 100, 1000, 10000]);
    expect(() => logTicks([3, 100])).toThrow(RangeError);
  });
});

describe('compactTickLabel(value)', () => {
  it('abbreviates thousands and millions', () => {
    expect([1, 20, 500, 1000, 2000, 10000, 2e6].map(compactTickLabel)).toEqual([
      '1',
      '20',
      '500',
      '1k',
      '2k',
      '10k',
      '2M',
    ]);
    expect(() => compactTickLabel(Number.NaN)).toThrow(RangeError);
  });
});

describe('logSpacedBatches(min, max, perOctave, extra)', () => {
  it('samples evenly in log space, as integers', () => {
    expect(logSpacedBatches(1, 8, 2)).toEqual([1, 2, 3, 4, 6, 8]);
    expect(logSpacedBatches(1, 1024, 1)).toEqual(powerOfTwoTicks(1, 1024));
  });
  it('adds in-range extras and drops the rest', () => {
    expect(logSpacedBatches(1, 8, 1, [5, 0, 9, 2.5])).toEqual([1, 2, 4, 5, 8]);
  });
  it('is sorted, unique, within range, with both ends and every power of two', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: -5, max: 5000 })),
        (max, per, extra) => {
          const b = logSpacedBatches(1, max, per, extra);
          expect(b[0]).toBe(1);
          expect(b[b.length - 1]).toBe(max);
          for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!);
          for (let p = 1; p <= max; p *= 2) expect(b).toContain(p);
        },
      ),
    );
  });
  it('rejects bad ranges', () => {
    expect(() => logSpacedBatches(0, 8)).toThrow(RangeError);
    expect(() => logSpacedBatches(1, 8, 0)).toThrow(/perOctave/);
  });
});
