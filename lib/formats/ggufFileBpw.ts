import type { Source } from '../hardware/types';

/** One row of llama.cpp's quantize README table for Llama-3.1-8B. */
export interface GgufFileBpw {
  /** llama-quantize type name, e.g. "Q4_K_M". */
  quantType: string;
  /** Whole-file bits per weight, as printed (file bits / 8,030,261,248 parameters). */
  bitsPerWeight: number;
  /** File size in GiB, as printed. */
  sizeGiB: number;
}

/** The model the GGUF_FILE_BPW rows were measured on. */
export const GGUF_FILE_BPW_MODEL = 'Llama-3.1-8B';

/**
 * Observed whole-file bits per weight of llama.cpp quant types on Llama-3.1-8B.
 * A GGUF `_S/_M/_L` type is a mix: it gives some tensors (attention V, FFN down,
 * output, the 128k-vocabulary embedding) a higher type than its base, so the file
 * averages more than the base type's block figure (Q4_K_M 4.8944 vs Q4_K 4.5).
 * How much more depends on the model's tensor shapes, so these are per-model
 * observations, not format constants.
 *
 * IQ1_S, IQ1_M, IQ2_S, IQ2_M, IQ3_XS, IQ3_S, IQ3_M are in the README too but not
 * needed here; its IQ4_NL row is identical to Q4_K_S (an apparent copy slip) and is left out.
 *
 * Source: llama.cpp tools/quantize/README.md (commit 311c2c9), table
 * "meta-llama/Llama-3.1-8B".
 *
 * @example GGUF_FILE_BPW.find((r) => r.quantType === 'Q4_K_M')?.bitsPerWeight // 4.8944
 */
export const GGUF_FILE_BPW: readonly GgufFileBpw[] = [
  { quantType: 'IQ2_XXS', bitsPerWeight: 2.3824, sizeGiB: 2.23 },
  { quantType: 'IQ2_XS', bitsPerWeight: 2.5882, sizeGiB: 2.42 },
  { quantType: 'IQ3_XXS', bitsPerWeight: 3.2548, sizeGiB: 3.04 },
  { quantType: 'IQ4_XS', bitsPerWeight: 4.4597, sizeGiB: 4.17 },
  { quantType: 'Q2_K', bitsPerWeight: 3.1593, sizeGiB: 2.95 },
  { quantType: 'Q3_K_S', bitsPerWeight: 3.6429, sizeGiB: 3.41 },
  { quantType: 'Q3_K_L', bitsPerWeight: 4.2979, sizeGiB: 4.02 },
  { quantType: 'Q4_K_S', bitsPerWeight: 4.6672, sizeGiB: 4.36 },
  { quantType: 'Q4_K_M', bitsPerWeight: 4.8944, sizeGiB: 4.58 },
  { quantType: 'Q5_K_S', bitsPerWeight: 5.5704, sizeGiB: 5.21 },
  { quantType: 'Q5_K_M', bitsPerWeight: 5.7036, sizeGiB: 5.33 },
  { quantType: 'Q6_K', bitsPerWeight: 6.5633, sizeGiB: 6.14 },
  { quantType: 'Q8_0', bitsPerWeight: 8.5008, sizeGiB: 7.95 },
  { quantType: 'F16', bitsPerWeight: 16.0005, sizeGiB: 14.96 },
];

/** Where GGUF_FILE_BPW comes from. */
export const GGUF_FILE_BPW_SOURCE: Source = {
  id: 'llama-cpp-quantize-readme',
  note: 'Table "meta-llama/Llama-3.1-8B": bits/weight and size (GiB) per quant type',
  status: 'verified',
};

/**
 * Llama 3.1 Q4_K_M file sizes in decimal GB, from the same README ("Memory/Disk
 * Requirements"): the observed size of a 4-bit GGUF of the 70B model.
 *
 * @example GGUF_Q4_K_M_FILE_SIZES_GB['70B'] // 43.1
 */
export const GGUF_Q4_K_M_FILE_SIZES_GB: Readonly<Record<'8B' | '70B' | '405B', number>> = {
  '8B': 4.9,
  '70B': 43.1,
  '405B': 249.1,
};

/**
 * The observed whole-file bits per weight of a llama.cpp quant type on Llama-3.1-8B.
 *
 * @throws {Error} "Unknown GGUF quant type: <type>" when the table has no such row.
 * @example ggufFileBitsPerWeight('Q4_K_M') // 4.8944
 */
export function ggufFileBitsPerWeight(quantType: string): number {
  const row = GGUF_FILE_BPW.find((entry) => entry.quantType === quantType);
  if (!row) throw new Error(`Unknown GGUF quant type: ${quantType}`);
  return row.bitsPerWeight;
}
