import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHalf, decodeHalfArray, encodeHalf } from './fp16';

describe('decodeHalf(bits)', () => {
  it('decodes the IEEE 754 binary16 examples (by hand: sign, exponent − 15, 1 + fraction/1024)', () => {
    expect(decodeHalf(0x3c00)).toBe(1); // e = 15 → 2^0
    expect(decodeHalf(0xc000)).toBe(-2); // sign, e = 16
    expect(decodeHalf(0x3555)).toBe(0.333251953125); // 2^−2 × (1 + 341/1024)
    expect(decodeHalf(0x7bff)).toBe(65504); // largest finite: 2^15 × (1 + 1023/1024)
    expect(decodeHalf(0x0400)).toBe(2 ** -14); // smallest normal
    expect(decodeHalf(0x0001)).toBe(2 ** -24); // smallest subnormal
    expect(decodeHalf(0x8000)).toBe(-0);
    expect(decodeHalf(0x7c00)).toBe(Infinity);
    expect(decodeHalf(0xfc00)).toBe(-Infinity);
    expect(decodeHalf(0x7e00)).toBeNaN();
  });
});

describe('encodeHalf(value)', () => {
  it('round-trips every one of the 63,490 non-NaN fp16 values exactly (65,536 − 2 × 1,023 NaN patterns)', () => {
    let checked = 0;
    const wrong: number[] = [];
    for (let h = 0; h < 65536; h++) {
      const v = decodeHalf(h);
      if (Number.isNaN(v)) continue;
      checked++;
      if (encodeHalf(v) !== h) wrong.push(h);
    }
    expect(checked).toBe(63490);
    expect(wrong).toEqual([]);
  });

  it('rounds half to even and overflows to Infinity past 65504 (as numpy astype(float16))', () => {
    expect(encodeHalf(1 + 2 ** -11)).toBe(0x3c00); // tie between 1 and 1 + 2^−10: to the even fraction (0)
    expect(encodeHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie between fractions 1 and 2: to 2
    expect(encodeHalf(65519)).toBe(0x7bff); // below the midpoint 65520
    expect(encodeHalf(65520)).toBe(0x7c00); // the midpoint rounds to even = 2^16 = overflow
    expect(encodeHalf(2 ** -25)).toBe(0); // half the smallest subnormal: to even (0)
    expect(encodeHalf(3 * 2 ** -25)).toBe(2); // 1.5 subnormal steps: to 2
    expect(encodeHalf(NaN)).toBe(0x7e00);
  });

  it('gives the nearest fp16 value (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -65504, max: 65504, noNaN: true }), (v) => {
        const h = encodeHalf(v);
        const got = decodeHalf(h);
        // Neighbours of the result are no closer.
        for (const nb of [h - 1, h + 1]) {
          if (nb < 0 || nb > 0xffff || (nb & 0x7fff) >= 0x7c00 || (nb & 0x8000) !== (h & 0x8000)) continue;
          expect(Math.abs(v - got)).toBeLessThanOrEqual(Math.abs(v - decodeHalf(nb)));
        }
      }),
    );
  });
});

describe('decodeHalfArray(bytes, offset, count)', () => {
  it('reads little-endian pairs at any offset', () => {
    const bytes = Uint8Array.of(0xff, 0x00, 0x3c, 0x00, 0xc0);
    expect(Array.from(decodeHalfArray(bytes, 1, 2))).toEqual([1, -2]);
  });
});
