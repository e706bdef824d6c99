import { makeCodebook } from './codebook';

/**
 * bitsandbytes' FP4 values before normalisation, in bit-pattern order: the
 * entry at index `code` is the number the 4-bit pattern `code` encodes. 1 sign
 * bit (the high bit: codes 8–15 are the negatives of codes 0–7), 2 exponent
 * bits, 1 mantissa bit; 0.0625 is the one subnormal.
 *
 * Source: bitsandbytes `bitsandbytes/functional.py`, `get_4bit_type("fp4")`
 * (commit 95f9af3) and the bit table in its comment.
 */
export const FP4_RAW_CODES: readonly number[] = Object.freeze([
  0, 0.0625, 8, 12, 4, 6, 2, 3, -0, -0.0625, -8, -12, -4, -6, -2, -3,
]);

/**
 * The 16 levels of bitsandbytes FP4, **indexed by the 4-bit code, not sorted**:
 * `FP4_CODEBOOK[code] = FP4_RAW_CODES[code] / 12` (12 = the largest raw
 * magnitude, as `get_4bit_type` divides by `data.abs().max()`), rounded to
 * float32. So the table starts 0, 0.0052, 0.667, 1, 0.333, … and the nearest
 * level must be found through a sorted view (see `FP4`), not by scanning
 * this array in order.
 *
 * 15 distinct values: +0 (code 0) and −0 (code 8) decode to the same number.
 *
 * @example FP4_CODEBOOK[3]  // 1          (raw 12 / 12)
 * @example FP4_CODEBOOK[2]  // 0.6666666865348816 (raw 8 / 12, as float32)
 * @example FP4_CODEBOOK[11] // -1         (raw −12 / 12)
 */
export const FP4_CODEBOOK: readonly number[] = Object.freeze(FP4_RAW_CODES.map((raw) => Math.fround(raw / 12)));

/** FP4's sorted view (15 distinct levels) and its 14 midpoints; −0 is code 8. */
export const FP4 = makeCodebook(FP4_CODEBOOK);
