/**
 * Wraps a pure function with a small cache of its most recent results, keyed by a
 * string: a re-render with the same inputs (say, only the batch changed and the chart
 * does not depend on it) returns the previous result instead of recomputing it. Least
 * recently used entries are dropped beyond `size`.
 *
 * Only for pure functions: the cached result is returned as is (do not mutate it).
 *
 * @throws {RangeError} when size is not a whole number ≥ 1.
 * @example const square = memoizeByKey((x: number) => x * x, String); square(3) // 9 (computed), square(3) // 9 (cached)
 */
export function memoizeByKey<A, R>(fn: (arg: A) => R, key: (arg: A) => string, size = 8): (arg: A) => R {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1 (got ${size})`);
  const cache = new Map<string, R>();
  return (arg: A) => {
    const k = key(arg);
    if (cache.has(k)) {
      const hit = cache.get(k) as R;
      cache.delete(k);
      cache.set(k, hit);
      return hit;
    }
    const value = fn(arg);
    cache.set(k, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
