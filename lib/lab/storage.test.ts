import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALIBRATED_QUANTIZERS } from './calibrated';
import type { LabConfig } from './model';
import { BUILTIN_QUANTIZERS } from './quantize-model';
import { LAB_STORAGE, labBitsPerWeight } from './storage';

/** The lab model's shapes (bench/lab/labmodel.py preset `lab`): d_model 256, MLP 768, 3 blocks. */
const LAB: LabConfig = {
  vocabSize: 256,
  contextTokens: 256,
  dModel: 256,
  nLayers: 3,
  nHeads: 4,
  dMlp: 768,
  normEps: 1e-5,
};

describe('labBitsPerWeight', () => {
  it('has a storage rule for fp16 and every lab quantizer', () => {
    for (const q of [...BUILTIN_QUANTIZERS, ...CALIBRATED_QUANTIZERS]) expect(LAB_STORAGE[q.id], q.id).toBeDefined();
    expect(LAB_STORAGE.fp16).toBeDefined();
  });

  it('group formats: b + 16/128 + b/128 (hand calculation; GPTQ/AWQ checkpoint layout)', () => {
    expect(labBitsPerWeight(LAB, 'int4-g128')).toBe(4.15625); // 4 + 0.125 + 0.03125
    expect(labBitsPerWeight(LAB, 'gptq3-g128')).toBe(3.1484375); // 3 + 0.125 + 0.0234375
    expect(labBitsPerWeight(LAB, 'int2-g128')).toBe(2.140625); // 2 + 0.125 + 0.015625
    expect(labBitsPerWeight(LAB, 'nf4')).toBe(4.5); // 4 + 32/64 (QLoRA §3)
    expect(labBitsPerWeight(LAB, 'fp16')).toBe(16);
  });

  it('per-row float32 scales, weighted by layer: 8.1 bits for the lab model (hand calculation)', () => {
    // qkv 768×256, proj 256×256, fc 768×256 pay 32/256 = 0.125 bits; mlp.proj 256×768 pays 32/768.
    // (458,752 × 0.125 + 196,608 × 32/768) / 655,360 = (57,344 + 8,192) / 655,360 = 0.1.
    expect(labBitsPerWeight(LAB, 'int8')).toBeCloseTo(8.1, 12);
    expect(labBitsPerWeight(LAB, 'smoothquant-w8a8')).toBe(labBitsPerWeight(LAB, 'w8a8'));
  });

  it('rejects an unknown format with a clear message', () => {
    expect(() => labBitsPerWeight(LAB, 'int5')).toThrow(/no storage rule for the lab format "int5"/);
  });

  it('per-row overhead shrinks as the layers widen, and stays above the 8 payload bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 8 }), (k, m) => {
        const d = 64 * k;
        const a = labBitsPerWeight({ ...LAB, dModel: d, dMlp: 2 * d }, 'int8');
        const b = labBitsPerWeight({ ...LAB, dModel: d * (m + 1), dMlp: 2 * d * (m + 1) }, 'int8');
        return a > 8 && b > 8 && b < a;
      }),
    );
  });
});
