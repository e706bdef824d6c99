import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BYTES_PER_MIB } from '@/lib/units';
import { ggufTypesWithinBudget, maxBitsPerWeightToFit, weightBudget } from './weightBudget';

const LLAMA_70B_PARAMS = 70_553_706_496; // docs/provenance.md §7, computed from config.json (= HF hub count)

describe('maxBitsPerWeightToFit(model, budgetBytes)', () => {
  it('docs/provenance.md §8: 24 GB → 24e9 × 8 / 70.55e9 ≈ 2.72 bits per weight for Llama-3.1-70B', () => {
    expect(maxBitsPerWeightToFit('llama-3.1-70b', 24e9)).toBeCloseTo((24e9 * 8) / LLAMA_70B_PARAMS, 12);
    expect(maxBitsPerWeightToFit('llama-3.1-70b', 24e9)).toBeCloseTo(2.7213, 4);
  });

  it('a budget of exactly 4-bit weights gives 4 bits; a negative budget gives 0', () => {
    expect(maxBitsPerWeightToFit('llama-3.1-70b', LLAMA_70B_PARAMS / 2)).toBeCloseTo(4, 12);
    expect(maxBitsPerWeightToFit('llama-3.1-70b', -5e9)).toBe(0);
  });

  it('rejects a non-finite budget', () => {
    expect(() => maxBitsPerWeightToFit('llama-3.1-70b', Number.NaN)).toThrow(/budgetBytes/);
  });

  it('is linear in the budget (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e12, noNaN: true }), (budget) => {
        const one = maxBitsPerWeightToFit('llama-3.1-70b', budget);
        expect(maxBitsPerWeightToFit('llama-3.1-70b', 2 * budget)).toBeCloseTo(2 * one, 9);
      }),
    );
  });
});

describe('weightBudget({ model, gpu, load })', () => {
  it('with nothing reserved it is the whole usable memory (RTX 4090: nvidia-smi 24,564 MiB)', () => {
    const b = weightBudget({ model: 'llama-3.1-70b', gpu: 'rtx-4090', load: null });
    expect(b.budgetBytes).toBe(24_564 * BYTES_PER_MIB);
    // 25,757,220,864 × 8 / 70,553,706,496 = 2.9206 bits
    expect(maxBitsPerWeightToFit('llama-3.1-70b', b.budgetBytes)).toBeCloseTo(2.9206, 4);
  });

  it('reserving one 4,096-token sequence takes KV + activation peak + non-torch memory out first', () => {
    const b = weightBudget({
      model: 'llama-3.1-70b',
      gpu: 'rtx-4090',
      load: { contextTokens: 4096, batch: 1, kvBits: 16 },
    });
    // KV: 327,680 B/token (2 × 80 layers × 8 KV heads × 128 × 2 B) × 4,096 = 1,342,177,280 B
    expect(b.kvCacheBytes).toBe(1_342_177_280);
    // non-torch: 0.25 GiB (lib/sizing DEFAULT_OVERHEAD_BYTES_PER_GPU, vLLM v0.19 log)
    expect(b.overheadBytes).toBe(268_435_456);
    // activation peak, RTX 4090 profile (2,048 tokens, 256 sequences):
    // max(2,048 × 3 × 28,672 × 2 B × 1.5 = 528,482,304, 256 × 128,256 × 4 B × 3.8 = 499,069,747.2)
    expect(b.activationBytes).toBe(528_482_304);
    expect(b.budgetBytes).toBe(24_564 * BYTES_PER_MIB - 1_342_177_280 - 268_435_456 - 528_482_304);
    // 23,618,125,824 × 8 / 70,553,706,496 = 2.6780 bits
    expect(maxBitsPerWeightToFit('llama-3.1-70b', b.budgetBytes)).toBeCloseTo(2.678, 3);
  });

  it('scales with GPU count and utilisation, and names bad fields', () => {
    const two = weightBudget({
      model: 'llama-3.1-70b',
      gpu: 'rtx-4090',
      gpuCount: 2,
      memoryUtilization: 0.5,
      load: null,
    });
    expect(two.budgetBytes).toBe(24_564 * BYTES_PER_MIB);
    expect(() => weightBudget({ model: 'llama-3.1-70b', gpu: 'rtx-4090', gpuCount: 3, load: null })).toThrow(
      /gpuCount/,
    );
    expect(() => weightBudget({ model: 'llama-3.1-70b', gpu: 'rtx-4090', memoryUtilization: 1.5, load: null })).toThrow(
      /memoryUtilization/,
    );
    expect(() => weightBudget({ model: 'llama-3.1-70b', gpu: 'nope', load: null })).toThrow(/gpu/);
  });
});

describe('ggufTypesWithinBudget(model, budgetBytes)', () => {
  it('on one RTX 4090 with a 4k sequence reserved only the 2-bit quants fit (Q2_K and the IQ2 i-quants)', () => {
    const budget = weightBudget({
      model: 'llama-3.1-70b',
      gpu: 'rtx-4090',
      load: { contextTokens: 4096, batch: 1, kvBits: 16 },
    }).budgetBytes;
    const rows = ggufTypesWithinBudget('llama-3.1-70b', budget);
    expect(rows.filter((r) => r.fits).map((r) => r.ggmlType)).toEqual(['Q2_K', 'IQ2_XS', 'IQ2_XXS']);
    // widest first
    expect(rows[0]!.ggmlType).toBe('Q8_0');
    // IQ2_XS: 74 B / 256 weights = 2.3125 bits (ggml-common.h) on every tensor but the
    // 1,318,912 RMSNorm weights, which stay at 16 bits (lib/sizing weightBytes):
    // (70,553,706,496 − 1,318,912) × 2.3125 / 8 + 1,318,912 × 2 = 20,396,687,360 B
    const iq2xs = rows.find((r) => r.ggmlType === 'IQ2_XS')!;
    expect(iq2xs.bitsPerWeight).toBe(2.3125);
    expect(iq2xs.weightsBytes).toBe(((LLAMA_70B_PARAMS - 1_318_912) * 2.3125) / 8 + 1_318_912 * 2);
    // llama.cpp quantize README, Llama-3.1-8B table: IQ2_XS 2.5882 bpw
    expect(iq2xs.fileBitsPerWeightOnLlama318B).toBe(2.5882);
    expect(iq2xs.caveats.join(' ')).toMatch(/quality loss/);
  });

  it('every row fits a budget at least as large as its bytes, and not a smaller one (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2e11, noNaN: true }), (budget) => {
        for (const row of ggufTypesWithinBudget('llama-3.1-70b', budget))
          expect(row.fits).toBe(row.weightsBytes <= budget);
      }),
      { numRuns: 50 },
    );
  });
});
