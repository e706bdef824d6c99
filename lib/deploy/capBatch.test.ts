import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capBatchAtFit } from './capBatch';

describe('capBatchAtFit(targetBatch, maxBatchAtContext)', () => {
  it('caps at what fits and says so', () => {
    expect(capBatchAtFit(16, 7)).toEqual({ decodeBatch: 7, capped: true });
    expect(capBatchAtFit(8, 32)).toEqual({ decodeBatch: 8, capped: false });
    expect(capBatchAtFit(8, 8)).toEqual({ decodeBatch: 8, capped: false });
    expect(capBatchAtFit(8, 0)).toEqual({ decodeBatch: 0, capped: true });
  });

  it('rejects non-integer or out-of-range arguments, naming them', () => {
    expect(() => capBatchAtFit(0, 4)).toThrow(/targetBatch/);
    expect(() => capBatchAtFit(1.5, 4)).toThrow(/targetBatch/);
    expect(() => capBatchAtFit(4, -1)).toThrow(/maxBatchAtContext/);
    expect(() => capBatchAtFit(4, Number.NaN)).toThrow(/maxBatchAtContext/);
  });

  it('the decode batch never exceeds either bound and is capped exactly when the target does not fit (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (target, max) => {
        const { decodeBatch, capped } = capBatchAtFit(target, max);
        expect(decodeBatch).toBeLessThanOrEqual(target);
        expect(decodeBatch).toBeLessThanOrEqual(max);
        expect(decodeBatch === target || decodeBatch === max).toBe(true);
        expect(capped).toBe(max < target);
      }),
    );
  });
});
