import { getFormat } from './getFormat';
import { storageBitsBreakdown, type BitsOptions } from './storageBitsBreakdown';
import type { BitsBreakdown } from './types';

/**
 * The bits one weight of a format costs, split into payload, scales, zero-points and
 * second-level scales, with the arithmetic as a string for the "show the work" panel.
 * Computed from the format's storage layout (see `storageBitsBreakdown`).
 *
 * Sources: QLoRA §3 (NF4 + double quant), AutoGPTQ qlinear_cuda.py (GPTQ layout),
 * llama.cpp ggml-common.h (GGUF blocks).
 *
 * @throws {Error} "Unknown weight format: <id>" for an unknown id.
 * @throws {RangeError} when `options.inFeatures` is not a positive integer.
 * @example formatBitsBreakdown('int4-g128').formula // "4 + 16/128 + 4/128 = 4.15625"
 * @example formatBitsBreakdown('nf4-dq').formula    // "4 + 8/64 + 32/(64·256) = 4.126953125"
 * @example formatBitsBreakdown('gguf-q4_k').formula // "144 B × 8 / 256 = 4 + 0.1875 + 0.1875 + 0.125 = 4.5"
 */
export function formatBitsBreakdown(formatId: string, options: BitsOptions = {}): BitsBreakdown {
  return storageBitsBreakdown(getFormat(formatId).storage, options);
}
