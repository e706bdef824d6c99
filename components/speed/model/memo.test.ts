import { describe, expect, it } from 'vitest';
import { memoizeByKey } from './memo';

describe('memoizeByKey(fn, key, size)', () => {
  it('returns the cached result for a repeated key and recomputes for a new one', () => {
    let calls = 0;
    const square = memoizeByKey((x: number) => {
      calls += 1;
      return x * x;
    }, String);
    expect(square(3)).toBe(9);
    expect(square(3)).toBe(9);
    expect(calls).toBe(1);
    expect(square(4)).toBe(16);
    expect(calls).toBe(2);
  });
  it('drops the least recently used entry beyond size', () => {
    let calls = 0;
    const id = memoizeByKey(
      (x: number) => {
        calls += 1;
        return x;
      },
      String,
      2,
    );
    id(1);
    id(2);
    id(1); // 1 is now the most recent
    id(3); // evicts 2
    calls = 0;
    id(1);
    expect(calls).toBe(0);
    id(2);
    expect(calls).toBe(1);
    expect(() => memoizeByKey((x: number) => x, String, 0)).toThrow(RangeError);
  });
});
