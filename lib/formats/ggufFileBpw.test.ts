import { describe, expect, it } from 'vitest';
import { bitsPerWeight } from './bitsPerWeight';
import { GGUF_FILE_BPW, GGUF_Q4_K_M_FILE_SIZES_GB, ggufFileBitsPerWeight } from './ggufFileBpw';

// Llama-3.1-8B parameter count (docs/provenance.md §7, computed from its config.json).
const LLAMA_3_1_8B_PARAMS = 8_030_261_248;
// Llama-3.1-70B parameter count (docs/provenance.md §7).
const LLAMA_3_1_70B_PARAMS = 70_553_706_496;

describe('GGUF_FILE_BPW (llama.cpp quantize README, Llama-3.1-8B)', () => {
  it('agrees with its own size column: GiB × 2³⁰ × 8 / bpw ≈ 8.03B parameters', () => {
    // Sizes are printed to 0.01 GiB, so allow ±0.01 GiB of rounding (±0.25% at 4 GiB, ±0.5% at 2 GiB).
    for (const row of GGUF_FILE_BPW) {
      const params = (row.sizeGiB * 2 ** 30 * 8) / row.bitsPerWeight;
      expect(Math.abs(params / LLAMA_3_1_8B_PARAMS - 1), row.quantType).toBeLessThan(0.005);
    }
  });

  it('averages at least the base type for each mix (mixes only ever raise tensors above the base)', () => {
    const base: Record<string, string> = {
      Q8_0: 'gguf-q8_0',
      Q6_K: 'gguf-q6_k',
      Q5_K_S: 'gguf-q5_k',
      Q5_K_M: 'gguf-q5_k',
      Q4_K_S: 'gguf-q4_k',
      Q4_K_M: 'gguf-q4_k',
      Q3_K_S: 'gguf-q3_k',
      Q3_K_L: 'gguf-q3_k',
      Q2_K: 'gguf-q2_k',
      IQ4_XS: 'gguf-iq4_xs',
      IQ3_XXS: 'gguf-iq3_xxs',
      IQ2_XS: 'gguf-iq2_xs',
      IQ2_XXS: 'gguf-iq2_xxs',
    };
    for (const [quantType, formatId] of Object.entries(base)) {
      expect(ggufFileBitsPerWeight(quantType), quantType).toBeGreaterThanOrEqual(bitsPerWeight(formatId));
    }
    // Q4_K_M: 4.8944 on file vs 4.5 for the Q4_K block — the gap peer calculators miss.
    expect(ggufFileBitsPerWeight('Q4_K_M') - bitsPerWeight('gguf-q4_k')).toBeCloseTo(0.3944, 4);
  });

  it('predicts the 70B Q4_K_M file within 1%: 43.1 GB (README) ↔ 4.8944 bpw measured on the 8B', () => {
    // 43.1e9 B × 8 / 70,553,706,496 = 4.887 bpw.
    const bpw70b = (GGUF_Q4_K_M_FILE_SIZES_GB['70B'] * 1e9 * 8) / LLAMA_3_1_70B_PARAMS;
    expect(bpw70b).toBeCloseTo(4.887, 3);
    expect(Math.abs(bpw70b / ggufFileBitsPerWeight('Q4_K_M') - 1)).toBeLessThan(0.01);
  });

  it('throws "Unknown GGUF quant type: <type>"', () => {
    expect(() => ggufFileBitsPerWeight('Q4_K_XL')).toThrow('Unknown GGUF quant type: Q4_K_XL');
  });
});
