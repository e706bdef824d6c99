import type { GgufFileType } from './ggufFileType';

/**
 * Published file sizes, decimal GB as printed (2 decimals) in the "Download a file" tables
 * of bartowski's model cards (imatrix quants), read in the copies kept by
 * github.com/YinanWusoymilk/hf-readme (commit 1ab39f2, training_and_application/readme_files/):
 * - huggingface.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF (llama.cpp b3472)
 * - huggingface.co/bartowski/Meta-Llama-3.1-70B-Instruct-GGUF (llama.cpp b3472)
 * - huggingface.co/bartowski/Qwen2.5-72B-Instruct-GGUF (llama.cpp b3772)
 * Instruct and base checkpoints share their tensor shapes.
 */
export const PUBLISHED_GGUF_GB: ReadonlyArray<{ model: string; rows: Partial<Record<GgufFileType, number>> }> = [
  {
    model: 'llama-3.1-8b',
    rows: {
      Q8_0: 8.54,
      Q6_K: 6.6,
      Q5_K_M: 5.73,
      Q5_K_S: 5.6,
      Q4_K_M: 4.92,
      Q4_K_S: 4.69,
      IQ4_XS: 4.45,
      Q3_K_L: 4.32,
      Q3_K_M: 4.02,
      Q3_K_S: 3.66,
      Q2_K: 3.18,
    },
  },
  {
    model: 'llama-3.1-70b',
    rows: {
      Q8_0: 74.98,
      Q6_K: 57.89,
      Q5_K_M: 49.95,
      Q5_K_S: 48.66,
      Q4_K_M: 42.52,
      Q4_K_S: 40.35,
      IQ4_XS: 37.9,
      Q3_K_L: 37.14,
      Q3_K_M: 34.27,
      Q3_K_S: 30.91,
      Q2_K: 26.38,
      IQ2_XS: 21.14,
      IQ2_XXS: 19.1,
    },
  },
  {
    model: 'qwen2.5-72b-instruct',
    rows: {
      Q8_0: 77.26,
      Q6_K: 64.35,
      Q5_K_M: 54.45,
      Q4_K_M: 47.42,
      IQ4_XS: 39.71,
      Q3_K_L: 39.51,
      Q3_K_M: 37.7,
      Q3_K_S: 34.49,
      IQ3_XXS: 31.85,
      Q2_K: 29.81,
      IQ2_XS: 27.06,
      IQ2_XXS: 25.49,
    },
  },
];
