import type { BitsBreakdown, WeightStorage } from './types';

export interface BitsOptions {
  /**
   * Input width of the layer (weights per output row). Only per-channel and
   * per-tensor scales depend on it; without it their cost is taken as 0, which is
   * off by at most 32/4096 ≈ 0.008 bits for the layers of any ≥ 7B model.
   */
  inFeatures?: number;
}

const FLOAT_BITS = { fp32: 32, bf16: 16, fp16: 16 } as const;
const FP8_BITS = 8;
const FP4_BITS = 4;
const CODE_BITS = 4;

/**
 * Bits per weight of a storage layout, split into payload, scales, zero-points and
 * second-level scales, with the arithmetic written out.
 *
 *     group formats:     bits + scaleBits/groupSize + zeroPointBits/groupSize
 *     per-channel:       bits + scaleBits/in_features            (≈ bits)
 *     NF4/FP4 + absmax:  4 + absmaxBits/blockSize
 *     … + double quant:  4 + codeBits/blockSize + secondLevelBits/(blockSize·dqBlockSize)
 *     MXFP4:             4 + 8/32
 *     GGUF block:        blockBytes × 8 / blockWeights
 *
 * Sources: QLoRA §3 (double quantisation), AutoGPTQ qlinear_cuda.py (GPTQ layout),
 * llama.cpp ggml-common.h (GGML blocks).
 *
 * @throws {RangeError} when `inFeatures` is given and is not a positive integer, or the layout has a non-positive group/block size.
 * @example storageBitsBreakdown({ kind: 'integer', bits: 4, groupSize: 128, scaleBits: 16, zeroPointBits: 4 }).formula
 * // "4 + 16/128 + 4/128 = 4.15625"
 */
export function storageBitsBreakdown(storage: WeightStorage, options: BitsOptions = {}): BitsBreakdown {
  const { inFeatures } = options;
  if (inFeatures !== undefined && !(Number.isInteger(inFeatures) && inFeatures > 0)) {
    throw new RangeError(`inFeatures must be a positive integer (got ${inFeatures})`);
  }

  switch (storage.kind) {
    case 'float': {
      const bits = FLOAT_BITS[storage.dtype];
      return result(bits, 0, 0, 0, `${bits} (${storage.dtype.toUpperCase()}, no scales) = ${bits}`, []);
    }

    case 'fp8': {
      if (storage.scaleGranularity === 'tensor') {
        return result(FP8_BITS, 0, 0, 0, `${FP8_BITS} + ${storage.scaleBits}/(rows·cols) ≈ ${FP8_BITS}`, [
          `One ${storage.scaleBits}-bit scale per weight matrix: under 10⁻⁶ bits per weight, counted as 0.`,
        ]);
      }
      return perChannel(FP8_BITS, storage.scaleBits, inFeatures);
    }

    case 'integer': {
      const { bits, groupSize, scaleBits, zeroPointBits } = storage;
      if (groupSize === 'channel') return perChannel(bits, scaleBits + zeroPointBits, inFeatures);
      assertPositiveSize(groupSize, 'groupSize');
      const scale = scaleBits / groupSize;
      const zero = zeroPointBits / groupSize;
      const terms = [
        `${bits}`,
        `${scaleBits}/${groupSize}`,
        ...(zeroPointBits > 0 ? [`${zeroPointBits}/${groupSize}`] : []),
      ];
      return result(bits, scale, zero, 0, `${terms.join(' + ')} = ${num(bits + scale + zero)}`, []);
    }

    case 'codebook': {
      const { blockSize, absmaxBits, doubleQuant } = storage;
      assertPositiveSize(blockSize, 'blockSize');
      if (!doubleQuant) {
        const scale = absmaxBits / blockSize;
        return result(
          CODE_BITS,
          scale,
          0,
          0,
          `${CODE_BITS} + ${absmaxBits}/${blockSize} = ${num(CODE_BITS + scale)}`,
          [],
        );
      }
      assertPositiveSize(doubleQuant.blockSize, 'doubleQuant.blockSize');
      const scale = doubleQuant.codeBits / blockSize;
      const second = doubleQuant.secondLevelAbsmaxBits / (blockSize * doubleQuant.blockSize);
      return result(
        CODE_BITS,
        scale,
        0,
        second,
        `${CODE_BITS} + ${doubleQuant.codeBits}/${blockSize} + ${doubleQuant.secondLevelAbsmaxBits}/(${blockSize}·${doubleQuant.blockSize}) = ${num(CODE_BITS + scale + second)}`,
        ['Ignores one FP32 mean offset per tensor that the bitsandbytes code also stores.'],
      );
    }

    case 'microscaling': {
      assertPositiveSize(storage.blockSize, 'blockSize');
      const scale = storage.scaleBits / storage.blockSize;
      return result(
        FP4_BITS,
        scale,
        0,
        0,
        `${FP4_BITS} + ${storage.scaleBits}/${storage.blockSize} = ${num(FP4_BITS + scale)}`,
        [],
      );
    }

    case 'gguf': {
      assertPositiveSize(storage.blockWeights, 'blockWeights');
      const sum = (role: string): number =>
        storage.fields.filter((field) => field.role === role).reduce((bytes, field) => bytes + field.bytes, 0);
      const perWeight = (bytes: number): number => (bytes * 8) / storage.blockWeights;
      const parts = [sum('payload'), sum('scale'), sum('zeroPoint'), sum('secondLevel')].map(perWeight) as [
        number,
        number,
        number,
        number,
      ];
      const blockBytes = storage.fields.reduce((bytes, field) => bytes + field.bytes, 0);
      const total = perWeight(blockBytes);
      const split = parts
        .filter((bits) => bits > 0)
        .map(num)
        .join(' + ');
      return result(...parts, `${blockBytes} B × 8 / ${storage.blockWeights} = ${split} = ${num(total)}`, []);
    }
  }
}

/** Bytes of one GGML block: the sum of its fields. @example ggufBlockBytes(Q4_K) // 144 */
export function ggufBlockBytes(storage: Extract<WeightStorage, { kind: 'gguf' }>): number {
  return storage.fields.reduce((bytes, field) => bytes + field.bytes, 0);
}

function perChannel(bits: number, scaleBits: number, inFeatures: number | undefined): BitsBreakdown {
  if (inFeatures === undefined) {
    return result(bits, 0, 0, 0, `${bits} + ${scaleBits}/in_features ≈ ${bits}`, [
      `One ${scaleBits}-bit scale per output row, shared by its in_features weights: ${num(scaleBits / 8192)} bits at in_features = 8192, counted as 0.`,
    ]);
  }
  const scale = scaleBits / inFeatures;
  return result(bits, scale, 0, 0, `${bits} + ${scaleBits}/${inFeatures} = ${num(bits + scale)}`, []);
}

function result(
  payloadBits: number,
  scaleBits: number,
  zeroPointBits: number,
  secondLevelBits: number,
  formula: string,
  assumptions: string[],
): BitsBreakdown {
  return {
    payloadBits,
    scaleBits,
    zeroPointBits,
    secondLevelBits,
    totalBits: payloadBits + scaleBits + zeroPointBits + secondLevelBits,
    formula,
    assumptions,
  };
}

function assertPositiveSize(size: number, field: string): void {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`${field} must be a positive integer (got ${size})`);
}

/** Exact-looking decimal: 4.15625, 4.126953125, 0.00390625 (12 significant digits, trailing zeros dropped). */
function num(x: number): string {
  return String(Number(x.toPrecision(12)));
}
