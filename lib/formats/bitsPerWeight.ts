import { formatBitsBreakdown } from './formatBitsBreakdown';
import type { BitsOptions } from './storageBitsBreakdown';
import type { BitsPerWeight } from './types';

/**
 * Storage bits per weight of a format, **including** scales, zero-points and
 * absmax values:
 *
 *     BF16 16 · FP8/INT8 ≈ 8 · INT4 g128 (GPTQ/AWQ) 4 + 16/128 + 4/128 = 4.15625
 *     NF4 4 + 32/64 = 4.5 · NF4 + DQ 4 + 8/64 + 32/(64·256) ≈ 4.127
 *     GGUF Q8_0 34·8/32 = 8.5 · Q4_K 144·8/256 = 4.5 · MXFP4 4 + 8/32 = 4.25
 *
 * Per-channel scales (FP8, INT8) cost scaleBits/in_features; without
 * `options.inFeatures` that is taken as 0 (≤ 0.008 bits for any ≥ 7B model). For GGUF
 * `_K_M`-style mixes use the observed whole-file figures in `GGUF_FILE_BPW`: this is the
 * base type only.
 *
 * Multiply by a parameter count and divide by 8 for bytes. Weights only: the KV
 * cache has its own precision (`KV_FORMATS`).
 *
 * @throws {Error} "Unknown weight format: <id>" for an unknown id.
 * @throws {RangeError} when `options.inFeatures` is not a positive integer.
 * @example bitsPerWeight('nf4')       // 4.5
 * @example bitsPerWeight('int4-g128') // 4.15625
 * @example bitsPerWeight('gguf-q8_0') // 8.5
 * @example bitsPerWeight('int8-w8a16', { inFeatures: 8192 }) // 8.001953125
 */
export function bitsPerWeight(formatId: string, options: BitsOptions = {}): BitsPerWeight {
  return formatBitsBreakdown(formatId, options).totalBits;
}
