import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doubleQuantizeAbsmax } from './double-quantize-absmax';
import { createDynamicMap } from './dynamic-map';

const map = createDynamicMap();

describe('doubleQuantizeAbsmax(absmax, { blockSize })', () => {
  it('centres on the mean and stores 8-bit dynamic-map codes: the doc example', () => {
    // absmax [1, 3]: offset = 2, centred [−1, 1], second-level absmax A = 1.
    // −1 → code 0 (−0.99296875, the most negative level); 1 → code 255 (1.0).
    const r = doubleQuantizeAbsmax(Float32Array.of(1, 3));
    expect(r.offset).toBe(2);
    expect(Array.from(r.codes)).toEqual([0, 255]);
    expect(Array.from(r.secondLevelAbsmax)).toEqual([1]);
    expect(r.dequantized[0]).toBe(Math.fround((map[0] as number) + 2)); // 1.0070312023162842
    expect(r.dequantized[1]).toBe(3);
    expect(r.blockSize).toBe(256);
  });

  it('reconstructs absmax = map[code] × secondLevelAbsmax[block] + offset, in float32', () => {
    const absmax = Float32Array.from({ length: 600 }, (_, i) => 0.05 + 0.03 * Math.sin(i));
    const r = doubleQuantizeAbsmax(absmax);
    expect(r.secondLevelAbsmax).toHaveLength(3); // 256 + 256 + 88: the last block is partial
    for (let i = 0; i < 600; i++) {
      const a2 = r.secondLevelAbsmax[Math.floor(i / 256)] as number;
      expect(r.dequantized[i]).toBe(Math.fround(Math.fround((map[r.codes[i] as number] as number) * a2) + r.offset));
    }
  });

  it('stores code 127 (0.0) and gives back the offset when all absmax are equal (A = 0, no NaN)', () => {
    const r = doubleQuantizeAbsmax(new Float32Array(10).fill(0.25));
    expect(r.offset).toBe(0.25);
    expect(r.secondLevelAbsmax[0]).toBe(0);
    expect(new Set(r.codes)).toEqual(new Set([127]));
    expect(new Set(r.dequantized)).toEqual(new Set([0.25]));
  });

  it('is off by at most half the widest gap of the map (0.9/64/2 ≈ 0.00703) times A (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 1, maxLength: 600, noNaN: true, min: 0, max: Math.fround(1e6) }),
        (absmax) => {
          const r = doubleQuantizeAbsmax(absmax, { blockSize: 64 });
          for (let i = 0; i < absmax.length; i++) {
            const a2 = r.secondLevelAbsmax[Math.floor(i / 64)] as number;
            // Below the 1e-38 floor, centred values are not stretched to ±1 and the error is up to A; float32
            // rounding adds a step of the offset and, for subnormal results, of 2^-149.
            const bound = (a2 >= 1e-37 ? a2 * (0.0140625 / 2 + 1e-6) : a2) + Math.abs(r.offset) * 2 ** -22 + 2 ** -148;
            expect(Math.abs((r.dequantized[i] as number) - (absmax[i] as number))).toBeLessThanOrEqual(bound);
            expect(Number.isFinite(r.dequantized[i])).toBe(true);
          }
        },
      ),
    );
  });

  it('throws for bad input, naming the argument', () => {
    expect(() => doubleQuantizeAbsmax(new Float32Array(0))).toThrow(
      'absmax must contain at least one value (got an empty array)',
    );
    expect(() => doubleQuantizeAbsmax(Float32Array.of(1, -1))).toThrow(
      'absmax[1] must be a finite number ≥ 0 (got -1)',
    );
    expect(() => doubleQuantizeAbsmax(Float32Array.of(Number.NaN))).toThrow(
      'absmax[0] must be a finite number ≥ 0 (got NaN)',
    );
    expect(() => doubleQuantizeAbsmax(Float32Array.of(Infinity))).toThrow(
      'absmax[0] must be a finite number ≥ 0 (got Infinity)',
    );
    expect(() => doubleQuantizeAbsmax(Float32Array.of(1), { blockSize: 0 })).toThrow(
      'blockSize must be a positive integer (got 0)',
    );
    expect(() => doubleQuantizeAbsmax([1] as unknown as Float32Array)).toThrow(TypeError);
  });
});
