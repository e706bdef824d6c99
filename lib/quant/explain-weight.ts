import { BNB_ABSMAX_FLOOR } from './blocks';
import { FP4, FP4_CODEBOOK } from './fp4-codebook';
import { NF4, NF4_CODEBOOK } from './nf4-codebook';
import type { QuantizationResult } from './types';

/** Fields every explanation has, whatever the method. */
interface ExplanationBase {
  /** Position of the weight in `x`. */
  readonly index: number;
  /** The original weight, x[index]. */
  readonly value: number;
  /** Which block (or group) it belongs to; 0 for per-tensor. */
  readonly blockIndex: number;
  /** Index in `x` of the block's first value. */
  readonly blockStart: number;
  /** Number of values in the block (the last block may be shorter). */
  readonly blockLength: number;
  /** What the stored integer or level is multiplied by: absmax/127 (INT8), s (affine), absmax (NF4/FP4). */
  readonly scale: number;
  /** What is stored for this weight: q (INT8, affine) or the 4-bit code (NF4/FP4). */
  readonly code: number;
  /** The weight as read back, result.dequantized[index]. */
  readonly dequantized: number;
  /** dequantized − value (signed; negative = read back too low). */
  readonly error: number;
}

/** INT8 absmax: scale = absmax / 127, q = round(value / scale), x̂ = q × scale. */
export interface Int8AbsmaxExplanation extends ExplanationBase {
  readonly method: 'int8-absmax';
  /** max |x| over the block. */
  readonly absmax: number;
  /** value / scale in float32, before rounding (0 for an all-zero block). */
  readonly scaled: number;
}

/** Affine: q = clamp(round(value / s) + z, 0, 2^b − 1), x̂ = s × (q − z). */
export interface AffineExplanation extends ExplanationBase {
  readonly method: 'affine';
  readonly bits: number;
  /** Largest storable integer, 2^bits − 1. */
  readonly maxCode: number;
  /** The group's range after GPTQ's rule: min(min x, 0) (−1 for an all-zero group). */
  readonly rangeMin: number;
  /** max(max x, 0) (+1 for an all-zero group). */
  readonly rangeMax: number;
  readonly zeroPoint: number;
  /** value / s in float32, before rounding and before adding the zero point. */
  readonly scaled: number;
}

/** NF4/FP4: normalized = value / absmax, code = nearest level, x̂ = level × absmax. */
export interface FourBitExplanation extends ExplanationBase {
  readonly method: 'nf4' | 'fp4';
  /** max |x| over the block, as computed (float32). */
  readonly absmax: number;
  /** The absmax dequantization used: equal to `absmax`, or its double-quantized reconstruction. */
  readonly absmaxUsed: number;
  /** value / absmax in float32 (as bitsandbytes computes it), in [−1, 1]: the number whose nearest level is looked up. */
  readonly normalized: number;
  /** The codebook level of `code`, in [−1, 1]. */
  readonly level: number;
  /** The two levels that bracket `normalized` (below, above); both equal it when it is exactly a level. */
  readonly neighbours: readonly [number, number];
  /** `code` as 4 binary digits, e.g. "0111". */
  readonly codeBits: string;
}

/** One weight's arithmetic, step by step; switch on `method`. */
export type WeightExplanation = Int8AbsmaxExplanation | AffineExplanation | FourBitExplanation;

/**
 * Explains how one weight was quantized, for a "show the arithmetic" panel:
 * which block it is in, the block's scale, what was stored, what comes back
 * and the error. All numbers are read from `result` (not recomputed), except
 * the intermediate ratios (`scaled`, `normalized`) and the range of an affine
 * group, which are derived from `x` exactly as the quantizer did.
 *
 * @param x the array that was quantized
 * @param index position of the weight to explain
 * @param result what `quantizeInt8Absmax`, `quantizeAffine`, `quantizeNF4` or `quantizeFP4` returned for `x`
 * @throws {RangeError} if `x` and `result` differ in length, or `index` is not an integer in [0, x.length)
 * @example
 * const x = Float32Array.of(0.5, -0.25, 0.05, 0.01);
 * const e = explainWeight(x, 1, quantizeNF4(x));
 * // e.method 'nf4', e.absmax 0.5, e.normalized -0.5, e.code 2, e.codeBits '0010',
 * // e.level -0.5250730514526367, e.dequantized -0.26253652572631836, e.error ≈ -0.0125
 */
export function explainWeight(x: Float32Array, index: number, result: QuantizationResult): WeightExplanation {
  if (result.dequantized.length !== x.length) {
    throw new RangeError(
      `x must be the array that was quantized (got ${x.length} values, the result has ${result.dequantized.length})`,
    );
  }
  if (!Number.isInteger(index) || index < 0 || index >= x.length) {
    throw new RangeError(`index must be an integer from 0 to ${x.length - 1} (got ${index})`);
  }
  const n = x.length;
  const value = x[index] as number;
  const dequantized = result.dequantized[index] as number;
  const common = (blockSize: number) => {
    const blockIndex = Math.floor(index / blockSize);
    const blockStart = blockIndex * blockSize;
    return {
      index,
      value,
      blockIndex,
      blockStart,
      blockLength: Math.min(blockSize, n - blockStart),
      dequantized,
      error: dequantized - value,
    };
  };

  switch (result.method) {
    case 'int8-absmax': {
      const base = common(result.blockSize ?? n);
      const scale = result.scales[base.blockIndex] as number;
      let absmax = 0;
      for (let i = base.blockStart; i < base.blockStart + base.blockLength; i++)
        absmax = Math.max(absmax, Math.abs(x[i] as number));
      return {
        ...base,
        method: 'int8-absmax',
        scale,
        code: result.q[index] as number,
        absmax,
        scaled: scale === 0 ? 0 : Math.fround(value / scale),
      };
    }
    case 'affine': {
      const base = common(result.groupSize ?? n);
      const scale = result.scales[base.blockIndex] as number;
      let rangeMin = 0;
      let rangeMax = 0;
      for (let i = base.blockStart; i < base.blockStart + base.blockLength; i++) {
        rangeMin = Math.min(rangeMin, x[i] as number);
        rangeMax = Math.max(rangeMax, x[i] as number);
      }
      if (rangeMin === 0 && rangeMax === 0) [rangeMin, rangeMax] = [-1, 1];
      return {
        ...base,
        method: 'affine',
        bits: result.bits,
        maxCode: 2 ** result.bits - 1,
        rangeMin,
        rangeMax,
        zeroPoint: result.zeroPoints[base.blockIndex] as number,
        scale,
        code: result.q[index] as number,
        scaled: Math.fround(value / scale),
      };
    }
    case 'nf4':
    case 'fp4': {
      const base = common(result.blockSize);
      const codebook = result.method === 'nf4' ? NF4 : FP4;
      const table = result.method === 'nf4' ? NF4_CODEBOOK : FP4_CODEBOOK;
      const absmax = result.absmax[base.blockIndex] as number;
      const absmaxUsed = result.doubleQuant ? (result.doubleQuant.dequantized[base.blockIndex] as number) : absmax;
      // As quantize4bit computes it: float32(x × float32(1 / max(absmax, 1e-38))), clamped to [−1, 1].
      const normalized = Math.min(
        1,
        Math.max(-1, Math.fround(value * Math.fround(1 / Math.max(absmax, BNB_ABSMAX_FLOOR)))),
      );
      const code = result.codes[index] as number;
      const sorted = codebook.sortedLevels;
      let above = 0;
      while (above < sorted.length - 1 && (sorted[above] as number) < normalized) above++;
      const below = above > 0 && (sorted[above] as number) > normalized ? above - 1 : above;
      return {
        ...base,
        method: result.method,
        scale: absmaxUsed,
        code,
        absmax,
        absmaxUsed,
        normalized,
        level: table[code] as number,
        neighbours: [sorted[below] as number, sorted[above] as number],
        codeBits: code.toString(2).padStart(4, '0'),
      };
    }
  }
}
