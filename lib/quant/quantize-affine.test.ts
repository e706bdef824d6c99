import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantizeAffine } from './quantize-affine';

describe('quantizeAffine(x, { bits, groupSize })', () => {
  it('follows GPTQ quant.py: the doc example with ties going to even', () => {
    // lo = −1, hi = 2.75, s = 3.75/15 = 0.25, z = round(1/0.25) = 4; x/s = [−4, 0, 2.5, 3.5, 11] → [−4, 0, 2, 4, 11] + 4.
    const r = quantizeAffine(Float32Array.of(-1, 0, 0.625, 0.875, 2.75), { bits: 4 });
    expect(r.scales[0]).toBe(0.25);
    expect(r.zeroPoints[0]).toBe(4);
    expect(Array.from(r.q)).toEqual([0, 4, 6, 8, 15]);
    expect(Array.from(r.dequantized)).toEqual([-1, 0, 0.5, 1, 2.75]);
    expect(r.method).toBe('affine');
    expect(r.groupSize).toBeNull();
  });

  it('stretches the range to include 0 (find_params: xmin = min(xmin, 0), xmax = max(xmax, 0))', () => {
    // x = [1, 2, 3], 2 bits: lo = 0 (not 1), hi = 3, s = 3/3 = 1, z = 0.
    const r = quantizeAffine(Float32Array.of(1, 2, 3), { bits: 2 });
    expect([r.scales[0], r.zeroPoints[0]]).toEqual([1, 0]);
    expect(Array.from(r.q)).toEqual([1, 2, 3]);
  });

  it('uses the range [−1, 1] for an all-zero group, so 0 is stored as z (GPTQ: xmin = −1, xmax = +1)', () => {
    // 4 bits: s = float32(2/15) = 0.13333334, a hair above 2/15, so −lo/s = 1/s = 7.4999996 (float32),
    // not 7.5, and z = round(7.4999996) = 7. (torch computes the same, in float32.)
    const r = quantizeAffine(new Float32Array(3), { bits: 4 });
    expect(r.scales[0]).toBe(Math.fround(2 / 15));
    expect(r.zeroPoints[0]).toBe(7);
    expect(Array.from(r.q)).toEqual([7, 7, 7]);
    expect(Array.from(r.dequantized)).toEqual([0, 0, 0]);
  });

  it('has one (scale, zero point) per group of groupSize, the last group partial', () => {
    const x = Float32Array.from({ length: 300 }, (_, i) => Math.cos(i));
    const r = quantizeAffine(x, { bits: 3, groupSize: 128 });
    expect(r.scales).toHaveLength(3);
    expect(r.zeroPoints).toHaveLength(3);
  });

  it('is off by at most s / 2, stores 0 exactly, and keeps q and z in [0, 2^b − 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 1, maxLength: 300, noNaN: true, min: Math.fround(-1e30), max: Math.fround(1e30) }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 100 }),
        (x, bits, groupSize) => {
          const r = quantizeAffine(x, { bits, groupSize });
          const maxq = 2 ** bits - 1;
          for (let i = 0; i < x.length; i++) {
            const g = Math.floor(i / groupSize);
            const s = r.scales[g] as number;
            const z = r.zeroPoints[g] as number;
            const v = x[i] as number;
            expect(r.q[i] as number).toBeLessThanOrEqual(maxq);
            expect(z).toBeLessThanOrEqual(maxq);
            expect(r.dequantized[i]).toBe(Math.fround(s * ((r.q[i] as number) - z)));
            expect(Math.abs(v - (r.dequantized[i] as number))).toBeLessThanOrEqual(
              s * 0.5 * (1 + 2 ** -20) + Math.abs(v) * 2 ** -22,
            );
            if (v === 0) expect(r.dequantized[i]).toBe(0);
          }
        },
      ),
    );
  });

  it("stays finite when max − min overflows float32 (GPTQ's float32 code returns NaN there)", () => {
    const r = quantizeAffine(Float32Array.of(3.4028234663852886e38, -3.4028234663852886e38, 1), { bits: 4 });
    expect(r.scales[0]).toBe(Math.fround((2 * 3.4028234663852886e38) / 15));
    expect(r.q[0]).toBe(15);
    expect(r.q[1]).toBe(0);
    // s × (0 − z) = −8 × 4.537e37 = −3.63e38 lies past the float32 range: stored as −3.4028e38.
    expect(r.dequantized[1]).toBe(-3.4028234663852886e38);
    for (const v of r.dequantized) expect(Number.isFinite(v)).toBe(true);
  });

  it('never returns NaN/Infinity for any finite input (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 1, maxLength: 100, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 2, max: 8 }),
        (x, bits) => {
          const r = quantizeAffine(x, { bits, groupSize: 5 });
          for (const v of r.dequantized) expect(Number.isFinite(v)).toBe(true);
        },
      ),
    );
  });

  it('throws for bad input, naming the argument', () => {
    const x = Float32Array.of(1, 2);
    for (const bits of [1, 9, 4.5, Number.NaN])
      expect(() => quantizeAffine(x, { bits })).toThrow(`bits must be an integer from 2 to 8 (got ${bits})`);
    expect(() => quantizeAffine(x, {} as { bits: number })).toThrow(
      'bits must be an integer from 2 to 8 (got undefined)',
    );
    expect(() => quantizeAffine(x, undefined as unknown as { bits: number })).toThrow(/options must be an object/);
    expect(() => quantizeAffine(x, { bits: 4, groupSize: 0 })).toThrow('groupSize must be a positive integer (got 0)');
    expect(() => quantizeAffine(Float32Array.of(1, Number.NaN), { bits: 4 })).toThrow(
      'x[1] must be a finite number (got NaN)',
    );
    expect(() => quantizeAffine(Float32Array.of(Infinity), { bits: 4 })).toThrow(
      'x[0] must be a finite number (got Infinity)',
    );
    expect(() => quantizeAffine(new Float32Array(0), { bits: 4 })).toThrow(
      'x must contain at least one value (got an empty array)',
    );
  });
});
