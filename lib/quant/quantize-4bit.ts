import { BNB_ABSMAX_FLOOR, blockCount } from './blocks';
import type { Codebook } from './codebook';
import { doubleQuantizeAbsmax } from './double-quantize-absmax';
import type { FourBitResult } from './types';
import { assertFiniteValues, assertFloat32ArrayNonEmpty } from './validate';

const f32 = Math.fround;

/** Options shared by `quantizeNF4` and `quantizeFP4`. */
export interface FourBitOptions {
  /** Values per absmax. Default 64 (bitsandbytes `quantize_4bit` default). */
  blockSize?: number;
  /** Also double-quantize the absmax values (bitsandbytes `compress_statistics=True`). Default false. */
  doubleQuant?: boolean;
  /** Absmax values per second-level block when `doubleQuant` is on. Default 256 (bitsandbytes). */
  doubleQuantBlockSize?: number;
}

/**
 * Blockwise 4-bit codebook quantization, bitsandbytes semantics. Shared by
 * `quantizeNF4` and `quantizeFP4`; see those for the method.
 *
 * Written for speed (it runs on millions of weights in the browser): one
 * pass per block to find absmax (which also rejects NaN/±Infinity), one
 * pass to pick codes and dequantize, and no allocation per value.
 *
 * Finding the nearest level: the answer is always "the number of midpoints
 * below v" (bitsandbytes' `bucketize`), settled by comparing v with the
 * midpoints. The question is how to pick which midpoints to compare with.
 * A binary search needs 4 comparisons for NF4's 15 midpoints, but on
 * random weights each comparison is a coin flip that the CPU's branch
 * predictor gets wrong half the time, and each miss costs more than the
 * arithmetic. Measured on this project's dev machine (node 20, 2-core AMD
 * EPYC VM; the loop alone, 1M Gaussian weights, block 64): binary search
 * ≈ 28 ns/weight, an unrolled decision tree like bitsandbytes' CUDA
 * `dQuantizeNF4` ≈ 29, this method ≈ 7. The method: a small table
 * (`codebook.guess`) gives the answer for the uniform cell of [−1, 1] that
 * v falls in; cells are narrower than the gaps between midpoints, so
 * comparing v with the midpoints on either side of the guess confirms or
 * corrects it, and those comparisons almost always go the same way, which
 * the CPU predicts. The result is identical to `bucketize`.
 *
 * @internal
 */
export function quantize4bit(
  method: 'nf4' | 'fp4',
  codebook: Codebook,
  x: Float32Array,
  { blockSize = 64, doubleQuant = false, doubleQuantBlockSize = 256 }: FourBitOptions = {},
): FourBitResult {
  assertFloat32ArrayNonEmpty(x, 'x');
  const blocks = blockCount(x.length, blockSize);
  if (typeof doubleQuant !== 'boolean')
    throw new TypeError(`doubleQuant must be true or false (got ${String(doubleQuant)})`);

  const n = x.length;
  const codes = new Uint8Array(n);
  const absmax = new Float32Array(blocks);
  const dequantized = new Float32Array(n);
  const { bounds, sortedCodes, levels, negativeZeroCode, zeroSortedIndex, guess, guessCells } = codebook;
  const halfCells = guessCells / 2;
  const hasSignedZero = negativeZeroCode !== null;

  for (let b = 0; b < blocks; b++) {
    const start = b * blockSize;
    const end = start + blockSize < n ? start + blockSize : n;

    let blockAbsmax = 0;
    for (let i = start; i < end; i++) {
      const a = Math.abs(x[i] as number);
      if (!(a <= blockAbsmax)) {
        if (a > blockAbsmax) blockAbsmax = a;
        else assertFiniteValues(x, 'x'); // a is NaN: throws, naming the first bad index
      }
    }
    if (blockAbsmax === Infinity) assertFiniteValues(x, 'x');
    absmax[b] = blockAbsmax;

    // bitsandbytes, in float32: clamp(x * (1 / absmax.clamp(min=1e-38)), -1, 1).
    const inverse = f32(1 / (blockAbsmax > BNB_ABSMAX_FLOOR ? blockAbsmax : BNB_ABSMAX_FLOOR));
    for (let i = start; i < end; i++) {
      let v = f32((x[i] as number) * inverse);
      if (v > 1) v = 1;
      else if (v < -1) v = -1;
      // k = torch.bucketize(v, midpoints): the number of midpoints strictly below v.
      // Guess from v's cell, then make sure: bounds[k] < v ≤ bounds[k + 1].
      let k = guess[((v + 1) * halfCells) | 0] as number;
      while (v <= (bounds[k] as number)) k--;
      while (v > (bounds[k + 1] as number)) k++;
      const code =
        hasSignedZero && k === zeroSortedIndex && v < 0 ? (negativeZeroCode as number) : (sortedCodes[k] as number);
      codes[i] = code;
      dequantized[i] = (levels[code] as number) * blockAbsmax;
    }
  }

  if (!doubleQuant) return { method, blockSize, codes, absmax, doubleQuant: null, dequantized };

  // Double quantization changes the absmax that dequantization multiplies by, not the codes.
  const dq = doubleQuantizeAbsmax(absmax, { blockSize: doubleQuantBlockSize });
  const absmaxUsed = dq.dequantized;
  for (let b = 0; b < blocks; b++) {
    const start = b * blockSize;
    const end = start + blockSize < n ? start + blockSize : n;
    const scale = absmaxUsed[b] as number;
    for (let i = start; i < end; i++) dequantized[i] = (levels[codes[i] as number] as number) * scale;
  }
  return { method, blockSize, codes, absmax, doubleQuant: dq, dequantized };
}
