import { describe, expect, it } from 'vitest';
import { createDynamicMap, DYNAMIC_MAP_8BIT } from './dynamic-map';

const f = Math.fround;

describe('createDynamicMap()', () => {
  const map = createDynamicMap();

  it('has 256 sorted float32 values from about −0.99297 to 1, with 0 at code 127', () => {
    expect(map).toHaveLength(256);
    for (let i = 1; i < 256; i++) expect(map[i] as number).toBeGreaterThan(map[i - 1] as number);
    expect(map[127]).toBe(0);
    expect(map[255]).toBe(1);
  });

  it('has the hand-derived values of create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8)', () => {
    // Decade i has scale 10^(i−6) and the 2^i midpoints of linspace(0.1, 1, 2^i + 1):
    //   i = 0: linspace(0.1, 1, 2) = [0.1, 1]             → midpoint 0.55   → 0.55 × 1e−6 = 5.5e−7
    //   i = 1: linspace(0.1, 1, 3) = [0.1, 0.55, 1]       → 0.325, 0.775    → × 1e−5 = 3.25e−6, 7.75e−6
    //   i = 2: linspace(0.1, 1, 5) = [0.1, 0.325, …]      → first midpoint 0.2125 → × 1e−4 = 2.125e−5
    //   i = 6: 64 intervals of 0.9/64 = 0.0140625          → last midpoint 1 − 0.00703125 = 0.99296875
    expect(map[128]).toBeCloseTo(5.5e-7, 13);
    expect(map[129]).toBeCloseTo(3.25e-6, 12);
    expect(map[130]).toBeCloseTo(7.75e-6, 12);
    expect(map[131]).toBeCloseTo(2.125e-5, 11);
    expect(map[254]).toBeCloseTo(0.99296875, 7);
    expect(map[0]).toBeCloseTo(-0.99296875, 7); // no −1: the map is asymmetric
    expect(map[126]).toBe(-(map[128] as number));
  });

  it('has 2^i positive values in decade i (1 + 2 + 4 + … + 64 = 127) and mirrors them', () => {
    for (let i = 0; i < 7; i++) {
      const lo = 0.1 * 10 ** (i - 6);
      const hi = 10 ** (i - 6);
      expect(Array.from(map).filter((v) => v > lo && v < hi)).toHaveLength(2 ** i);
    }
    for (let k = 0; k < 127; k++) expect(map[126 - k]).toBe(-(map[128 + k] as number));
  });

  it('computes each value in float32 (one rounding per torch operation)', () => {
    // i = 6, j = 0 (code 191 = 128 + 1 + 2 + 4 + 8 + 16 + 32): boundaries 0.1 and 0.1 + 0.0140625, mean in float32, times 1.
    const step = f(f(1 - f(0.1)) / 64);
    expect(map[191]).toBe(f(f(f(0.1) + f(f(0.1) + step)) / 2));
  });
});

describe('DYNAMIC_MAP_8BIT', () => {
  it('is the codebook view of the map: code = index, 255 midpoints', () => {
    expect(Array.from(DYNAMIC_MAP_8BIT.levels)).toEqual(Array.from(createDynamicMap()));
    expect(DYNAMIC_MAP_8BIT.midpoints).toHaveLength(255);
    expect(Array.from(DYNAMIC_MAP_8BIT.sortedCodes)).toEqual([...Array(256).keys()]);
  });
});
