/**
 * Results of the quantizers. Each carries a `method` tag, so a result is a
 * discriminated union (`QuantizationResult`) and `explainWeight` can tell what
 * it is holding without a second argument.
 *
 * Every result has `dequantized`: the float32 values a kernel would compute
 * back from what is stored. The stored parts (codes, scales) are exactly
 * what the format keeps; nothing is packed (two 4-bit codes per byte on disk
 * is a storage detail, counted in `nf4BitsPerWeight`).
 */

/** Symmetric absmax INT8: x̂ = q × scale, scale = absmax / 127. */
export interface Int8AbsmaxResult {
  readonly method: 'int8-absmax';
  /** Values per scale; `null` = one scale for the whole tensor. */
  readonly blockSize: number | null;
  /** One integer in [−127, 127] per value. */
  readonly q: Int8Array;
  /** One scale (absmax / 127, float32) per block; 0 for an all-zero block. */
  readonly scales: Float32Array;
  readonly dequantized: Float32Array;
}

/** Asymmetric (zero-point) b-bit integers, GPTQ `quant.py` convention: x̂ = s · (q − z). */
export interface AffineResult {
  readonly method: 'affine';
  /** Bits per stored integer, 2 to 8. */
  readonly bits: number;
  /** Values per (scale, zero point) pair; `null` = one pair for the whole tensor. */
  readonly groupSize: number | null;
  /** One integer in [0, 2^bits − 1] per value. */
  readonly q: Uint8Array;
  /** One step size s (float32) per group. */
  readonly scales: Float32Array;
  /** One zero point z in [0, 2^bits − 1] per group: the integer that stands for 0.0. */
  readonly zeroPoints: Uint8Array;
  readonly dequantized: Float32Array;
}

/**
 * bitsandbytes double quantization of the per-block absmax values (QLoRA §3):
 * absmax ≈ dynamicMap[codes[i]] × secondLevelAbsmax[⌊i / blockSize⌋] + offset.
 */
export interface DoubleQuantResult {
  /** Absmax values per second-level block (bitsandbytes: 256). */
  readonly blockSize: number;
  /** One 8-bit index into the signed dynamic map per first-level absmax. */
  readonly codes: Uint8Array;
  /** The mean of the absmax values (float32), subtracted before quantizing. */
  readonly offset: number;
  /** One float32 absmax of the centred values per second-level block. */
  readonly secondLevelAbsmax: Float32Array;
  /** The reconstructed absmax values, float32: what dequantization multiplies by. */
  readonly dequantized: Float32Array;
}

/** Blockwise 4-bit codebook quantization (bitsandbytes NF4 or FP4). */
export interface FourBitResult {
  readonly method: 'nf4' | 'fp4';
  /** Values per absmax. */
  readonly blockSize: number;
  /** One 4-bit code (0–15) per value: an index into NF4_CODEBOOK or FP4_CODEBOOK. */
  readonly codes: Uint8Array;
  /** One float32 absmax (max |x| over the block) per block, before any double quantization. */
  readonly absmax: Float32Array;
  /** The double-quantized absmax, or `null` when double quantization is off. */
  readonly doubleQuant: DoubleQuantResult | null;
  /** level × absmax, using `doubleQuant.dequantized` as the absmax when double quantization is on. */
  readonly dequantized: Float32Array;
}

/** Any quantizer's result; switch on `method`. */
export type QuantizationResult = Int8AbsmaxResult | AffineResult | FourBitResult;

/** The method tags. */
export type QuantizationMethod = QuantizationResult['method'];
