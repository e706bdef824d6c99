import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countParams, getModel, MODELS } from '../models';
import { bitsPerWeight, FORMATS } from '../formats';
import { BYTES_PER_GB, BYTES_PER_GIB } from '../units';
import { ggufFileWeightBytes, weightBytes } from './weightBytes';

// Llama-3.1-70B (docs/provenance.md §7, config: hidden 8192, 80 layers, vocab 128,256, untied):
//   total 70,553,706,496; embedding = lm_head = 128,256 × 8,192 = 1,050,673,152;
//   norms = 80 × 2 × 8,192 + 8,192 = 1,318,912;
//   linear = 70,553,706,496 − 2 × 1,050,673,152 − 1,318,912 = 68,451,041,280.
const LINEAR = 68_451_041_280;
const SIXTEEN_BIT = 2 * 1_050_673_152 + 1_318_912; // 2,102,665,216

describe('weightBytes(model, formatId)', () => {
  it('BF16 Llama-3.1-70B is 70,553,706,496 × 2 B = 141.1 GB (docs/provenance.md §7)', () => {
    const w = weightBytes('llama-3.1-70b', 'bf16');
    expect(w.bytes).toBe(141_107_412_992);
    expect(w.bytes / BYTES_PER_GB).toBeCloseTo(141.1, 1);
    expect(w.sixteenBitParams).toBe(0); // nothing is split off a 16-bit format
    expect(w.quantizedParams).toBe(70_553_706_496);
  });

  it('INT8 linear + BF16 embed/lm_head is 72.7 GB = 67.7 GiB (docs/provenance.md §7)', () => {
    const w = weightBytes('llama-3.1-70b', 'int8-w8a8');
    // 68,451,041,280 × 1 B + 2,102,665,216 × 2 B = 72,656,371,712 B
    expect(w.bytes).toBe(LINEAR + 2 * SIXTEEN_BIT);
    expect(w.bytes / BYTES_PER_GB).toBeCloseTo(72.7, 1);
    expect(w.bytes / BYTES_PER_GIB).toBeCloseTo(67.7, 1);
    expect(w.quantizedParams).toBe(LINEAR);
    expect(w.sixteenBitParams).toBe(SIXTEEN_BIT);
  });

  it('4-bit g128 + BF16 embed ≈ 39.5–39.8 GB, within 1% of the 39.8 GB Neural Magic W4A16 checkpoint (docs/provenance.md §5, §7)', () => {
    // symmetric g128 (4 + 16/128 = 4.125 bits): 68,451,041,280 × 4.125 / 8 + 2,102,665,216 × 2 = 39,500,398,592 B
    expect(weightBytes('llama-3.1-70b', 'int4-g128-sym').bytes).toBe((LINEAR * 4.125) / 8 + 2 * SIXTEEN_BIT);
    // with 4-bit zero-points (4.15625 bits): 39,767,785,472 B
    const w = weightBytes('llama-3.1-70b', 'int4-g128');
    expect(w.bytes).toBe((LINEAR * 4.15625) / 8 + 2 * SIXTEEN_BIT);
    for (const id of ['int4-g128', 'int4-g128-sym']) {
      const gb = weightBytes('llama-3.1-70b', id).bytes / BYTES_PER_GB;
      expect(Math.abs(gb - 39.8) / 39.8).toBeLessThan(0.01);
    }
  });

  it('GGUF quantises the embedding and lm_head too (embeddingsAt16Bit false): only norms stay 16-bit', () => {
    const w = weightBytes('llama-3.1-70b', 'gguf-q8_0');
    expect(w.embeddingsAt16Bit).toBe(false);
    expect(w.sixteenBitParams).toBe(1_318_912);
    // (70,553,706,496 − 1,318,912) × 8.5 / 8 + 1,318,912 × 2
    expect(w.bytes).toBe(((70_553_706_496 - 1_318_912) * 8.5) / 8 + 1_318_912 * 2);
  });

  it('MoE stores every expert: Mixtral-8x7B BF16 = 46,702,792,704 × 2 B (docs/provenance.md §7 total)', () => {
    expect(weightBytes('mixtral-8x7b', 'bf16').bytes).toBe(46_702_792_704 * 2);
  });

  it('the parts add up: bytes = embedding + lm_head + norms + linear, params = quantized + 16-bit (every model × every format)', () => {
    for (const model of MODELS) {
      const counts = countParams(model.spec);
      for (const format of FORMATS) {
        const w = weightBytes(model.spec, format.id);
        expect(w.quantizedParams + w.sixteenBitParams).toBe(counts.total);
        expect(w.embeddingBytes + w.lmHeadBytes + w.normBytes + w.linearBytes).toBeCloseTo(w.bytes, 0);
        expect(w.bitsPerWeight).toBe(bitsPerWeight(format.id));
      }
    }
  });

  it('fewer bits per weight never gives more bytes (formats that keep embeddings at 16 bits, random catalog model)', () => {
    const formats = FORMATS.filter((f) => f.embeddingsAt16Bit).map((f) => f.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS.map((m) => m.id)),
        fc.constantFrom(...formats),
        fc.constantFrom(...formats),
        (model, a, b) => {
          const [wa, wb] = [weightBytes(model, a), weightBytes(model, b)];
          if (wa.bitsPerWeight <= wb.bitsPerWeight) expect(wa.bytes).toBeLessThanOrEqual(wb.bytes);
        },
      ),
    );
  });

  it('accepts a spec as well as an id, with the same result', () => {
    expect(weightBytes(getModel('llama-3.1-8b').spec, 'nf4-dq')).toEqual(weightBytes('llama-3.1-8b', 'nf4-dq'));
  });

  it('unknown ids throw, naming the field', () => {
    expect(() => weightBytes('llama-70b', 'bf16')).toThrow(/^model: .*llama-70b/);
    expect(() => weightBytes('llama-3.1-70b', 'int3')).toThrow(/int3/);
  });
});

describe('weightBytes with a GGUF file type', () => {
  it('sizes "gguf-file-q4_k_m" by llama.cpp\'s per-tensor rules: 2.8 GB more than the Q4_K block type on Llama-3.1-70B', () => {
    const file = weightBytes('llama-3.1-70b', 'gguf-file-q4_k_m');
    // lib/formats ggufFileSize; bartowski/Meta-Llama-3.1-70B-Instruct-GGUF lists the file at 42.52 GB.
    expect(file.bytes).toBe(42_512_531_456);
    expect(file.bytes).toBe(ggufFileWeightBytes(getModel('llama-3.1-70b').spec, 'Q4_K_M').bytes);
    // token_embd Q4_K: 1,050,673,152 / 256 × 144 B; output Q6_K: 1,050,673,152 / 256 × 210 B.
    expect(file.embeddingBytes).toBe(591_003_648);
    expect(file.lmHeadBytes).toBe(861_880_320);
    expect(file.sixteenBitParams).toBe(0);
    expect(file.quantizedParams).toBe(countParams(getModel('llama-3.1-70b').spec).total);
    expect((file.quantizedParams * file.bitsPerWeight) / 8).toBeCloseTo(file.bytes, 0);
    expect(file.embeddingBytes + file.lmHeadBytes + file.normBytes + file.linearBytes).toBe(file.bytes);
    // The base block type alone (every tensor Q4_K, norms 16-bit) is 39.69 GB.
    expect(weightBytes('llama-3.1-70b', 'gguf-q4_k').bytes).toBe(39_688_355_840);
  });

  it('names the model when its GGUF layout is not modelled', () => {
    expect(() => weightBytes('deepseek-v3', 'gguf-file-q4_k_m')).toThrow(/deepseek_v3/);
    expect(() => weightBytes('llama-3.1-8b', 'gguf-file-q9_k')).toThrow('Unknown weight format: gguf-file-q9_k');
  });
});
