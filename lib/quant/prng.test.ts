import { describe, expect, it } from 'vitest';
import { createPrng } from './prng';

describe('createPrng(seed)', () => {
  it('gives the same stream for the same seed and different streams for nearby seeds', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
    for (const v of sa) expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });

  it('has a pinned first output for seed 1, so a change of algorithm is noticed', () => {
    // Recorded from this implementation (sfc32 seeded by a SplitMix-style mixer, 12 outputs discarded).
    // If this changes, every seeded sample on the site changes: update it deliberately.
    const first = createPrng(1).nextUint32();
    expect(first).toBe(createPrng(1).nextUint32());
    expect(first).toBe(792534090);
  });

  it('nextOpenUnit is strictly inside (0, 1) with mean ≈ 1/2', () => {
    const p = createPrng(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = p.nextOpenUnit();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2); // σ of the mean = 0.289/√1e5 ≈ 0.0009
  });

  it('nextNormal has mean ≈ 0, variance ≈ 1 and ≈ 68.3% within ±1', () => {
    const p = createPrng(11);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let within = 0;
    for (let i = 0; i < n; i++) {
      const z = p.nextNormal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) <= 1) within++;
    }
    expect(sum / n).toBeCloseTo(0, 1); // σ of the mean ≈ 0.0022
    expect(sumSq / n).toBeCloseTo(1, 1);
    expect(within / n).toBeCloseTo(0.6827, 2); // Φ(1) − Φ(−1) = 0.6827
  });
});
