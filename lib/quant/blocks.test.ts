import { describe, expect, it } from 'vitest';
import {
  blockCount,
  BNB_ABSMAX_FLOOR,
  FLOAT32_MAX,
  FLOAT32_MIN_NORMAL,
  saturateFloat32,
  saturateInfinities,
} from './blocks';

describe('blockCount(n, blockSize)', () => {
  it('counts full blocks plus a partial last block', () => {
    expect(blockCount(128, 64)).toBe(2);
    expect(blockCount(130, 64)).toBe(3);
    expect(blockCount(10, 64)).toBe(1);
    expect(blockCount(1, 1)).toBe(1);
  });

  it('throws for a non-positive or fractional size, naming it', () => {
    expect(() => blockCount(10, 0)).toThrow('blockSize must be a positive integer (got 0)');
    expect(() => blockCount(10, 3, 'groupSize' as string)).not.toThrow();
    expect(() => blockCount(10, -3, 'groupSize')).toThrow('groupSize must be a positive integer (got -3)');
    expect(() => blockCount(0, 3)).toThrow('n must be a positive integer (got 0)');
  });
});

describe('float32 constants', () => {
  it("are the float32 limits and bitsandbytes' 1e-38 floor", () => {
    expect(Math.fround(FLOAT32_MAX)).toBe(FLOAT32_MAX);
    expect(Math.fround(FLOAT32_MAX * (1 + 2 ** -25))).toBe(FLOAT32_MAX);
    expect(FLOAT32_MIN_NORMAL).toBe(1.1754943508222875e-38);
    expect(BNB_ABSMAX_FLOOR).toBe(Math.fround(1e-38));
    expect(saturateFloat32(-1e39)).toBe(-FLOAT32_MAX);
    expect(saturateFloat32(1e39)).toBe(FLOAT32_MAX);
    expect(saturateFloat32(-2)).toBe(-2);
  });
});

describe('saturateInfinities(values, start, end)', () => {
  it('replaces ±Infinity with ±3.4028e38 inside [start, end) only', () => {
    const v = Float32Array.of(Infinity, -Infinity, 1, Infinity);
    saturateInfinities(v, 0, 3);
    expect(Array.from(v)).toEqual([FLOAT32_MAX, -FLOAT32_MAX, 1, Infinity]);
  });
});
