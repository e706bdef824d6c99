import { roundHalfEven } from '../quant/round-half-even';

/**
 * IEEE 754 binary16 ("fp16", "half") ↔ number. The lab's weights are stored
 * as fp16 (2 bytes each) and computed with in float32.
 *
 * Layout: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
 *   exponent 0:        (−1)^s × 2^−14 × f / 1024     (zero and subnormals)
 *   exponent 1 … 30:   (−1)^s × 2^(e−15) × (1 + f / 1024)
 *   exponent 31:       ±Infinity (f = 0) or NaN
 * Source: IEEE 754-2019, binary16 interchange format; the same as numpy's '<f2'
 * and torch.float16.
 */

let table: Float32Array | null = null;

/** All 65,536 fp16 bit patterns decoded, built once on first use (256 KiB). */
function halfTable(): Float32Array {
  if (table) return table;
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) t[h] = decodeHalf(h);
  table = t;
  return t;
}

/**
 * Decodes one fp16 bit pattern (0 … 65535) to its value.
 *
 * @example decodeHalf(0x3c00) // 1
 * @example decodeHalf(0xc000) // -2
 * @example decodeHalf(0x0001) // 5.960464477539063e-8 (2^−24, the smallest subnormal)
 * @example decodeHalf(0x7bff) // 65504 (the largest finite fp16)
 */
export function decodeHalf(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/**
 * Decodes `count` little-endian fp16 values starting at `byteOffset` of
 * `bytes` (any alignment) into a Float32Array. Every fp16 value is exactly
 * representable in float32, so nothing is rounded.
 */
export function decodeHalfArray(bytes: Uint8Array, byteOffset: number, count: number): Float32Array {
  const t = halfTable();
  const out = new Float32Array(count);
  for (let i = 0, p = byteOffset; i < count; i++, p += 2)
    out[i] = t[(bytes[p] as number) | ((bytes[p + 1] as number) << 8)] as number;
  return out;
}

/**
 * Rounds a number to the nearest fp16 value (ties to even, as numpy's
 * `astype('<f2')` and torch's `.half()` do) and returns its bit pattern;
 * values beyond ±65,504 (after rounding) become ±Infinity, NaN stays NaN.
 * Used to write test models; the browser only reads.
 *
 * @example encodeHalf(1) // 0x3c00
 * @example encodeHalf(1 + 2 ** -11) // 0x3c00 (a tie: to the even fraction 0)
 * @example encodeHalf(65520) // 0x7c00 (rounds past 65504: +Infinity)
 */
export function encodeHalf(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a === Infinity) return sign | 0x7c00;
  // Subnormal range: multiples of 2^−24.
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a)
    e--; // log2 can be off by one ulp near powers of two
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | m;
}
