import type { BitsPerWeight } from '../formats/types';
import { storageBitsBreakdown } from '../formats/storageBitsBreakdown';
import { assertPositiveInteger } from './validate';

/** Absmax values per second-level block in bitsandbytes double quantization. */
export const DOUBLE_QUANT_BLOCK_SIZE = 256;

/**
 * Storage per weight of blockwise 4-bit quantization (NF4, and FP4 alike),
 * counting the per-block constants:
 *
 *   without double quantization:  4 + 32 / blockSize
 *       (a float32 absmax per block)
 *   with double quantization:     4 + 8 / blockSize + 32 / (blockSize · 256)
 *       (an 8-bit code per block, plus a float32 second-level absmax per 256 blocks)
 *
 * With blockSize 64 that is 4.5 bits, or 4 + 0.125 + 0.001953125 =
 * 4.126953125 ≈ 4.127 bits with double quantization: the constants drop from
 * 0.5 to 0.127 bits per weight, "a reduction of 0.373 bits per parameter"
 * (QLoRA §3). Left out, as QLoRA leaves it out: the one float32 mean offset
 * per tensor that bitsandbytes also keeps (32 bits per tensor, about 5e−7
 * bits per weight for an 8192 × 8192 matrix) and the tensor's shape.
 *
 * Source: QLoRA (Dettmers et al., arXiv 2305.14314) §3 "Double Quantization";
 * bitsandbytes `functional.py` `quantize_4bit` (fp32 absmax; `compress_statistics`).
 *
 * @throws {RangeError} if `blockSize` is not a positive integer
 * @example nf4BitsPerWeight({ blockSize: 64 }) // 4.5
 * @example nf4BitsPerWeight({ blockSize: 64, doubleQuant: true }) // 4.126953125
 */
export function nf4BitsPerWeight({
  blockSize = 64,
  doubleQuant = false,
}: { blockSize?: number; doubleQuant?: boolean } = {}): BitsPerWeight {
  assertPositiveInteger(blockSize, 'blockSize');
  // The one bits-per-weight rule (lib/formats storageBitsBreakdown), with bitsandbytes' widths.
  return storageBitsBreakdown({
    kind: 'codebook',
    codebook: 'nf4',
    blockSize,
    absmaxBits: 32,
    doubleQuant: doubleQuant ? { blockSize: DOUBLE_QUANT_BLOCK_SIZE, codeBits: 8, secondLevelAbsmaxBits: 32 } : null,
  }).totalBits;
}
