import { describe, expect, it } from 'vitest';
import { lowBitTensorCoreSupport } from '../hardware/lowBitTensorCoreSupport';
import { getGpu } from '../hardware/getGpu';
import { nf4BitsPerWeight } from '../quant/bits-per-weight';
import { bitsPerWeight } from './bitsPerWeight';
import { FORMAT_ALIASES, FORMATS } from './catalog';
import { formatBitsBreakdown } from './formatBitsBreakdown';
import { getFormat } from './getFormat';
import { ggufBlockBytes } from './storageBitsBreakdown';

describe('FORMATS', () => {
  it('has unique kebab-case ids', () => {
    const ids = FORMATS.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
  });

  it('cites at least one source per format', () => {
    for (const format of FORMATS) expect(format.sources.length, format.id).toBeGreaterThan(0);
  });

  it('costs more than the payload for every format that stores group or block scales', () => {
    const grouped = FORMATS.filter(
      (format) =>
        format.storage.kind === 'codebook' ||
        format.storage.kind === 'microscaling' ||
        format.storage.kind === 'gguf' ||
        (format.storage.kind === 'integer' && format.storage.groupSize !== 'channel'),
    );
    expect(grouped.length).toBeGreaterThan(15);
    for (const format of grouped) {
      const b = formatBitsBreakdown(format.id);
      expect(b.totalBits, format.id).toBeGreaterThan(b.payloadBits);
    }
  });

  it('costs more than the payload for per-channel formats once the row width is known', () => {
    const perChannel = FORMATS.filter(
      (format) =>
        format.storage.kind === 'fp8' || (format.storage.kind === 'integer' && format.storage.groupSize === 'channel'),
    );
    expect(perChannel.map((format) => format.id).sort()).toEqual(['fp8-w8a8', 'int8-w8a16', 'int8-w8a8', 'llm-int8']);
    for (const format of perChannel) {
      expect(bitsPerWeight(format.id, { inFeatures: 8192 }), format.id).toBeGreaterThan(8);
      expect(bitsPerWeight(format.id, { inFeatures: 8192 }), format.id).toBeLessThan(8.01);
    }
  });

  it('has GGUF blocks of the sizes ggml-common.h static_asserts', () => {
    // sizeof(...) expressions from the static_asserts, with QK_K = 256, K_SCALE_SIZE = 12, ggml_half = 2 B.
    const expected: Record<string, [bytes: number, weights: number]> = {
      'gguf-q8_0': [2 + 32, 32],
      'gguf-q6_k': [2 + 256 / 16 + (3 * 256) / 4, 256],
      'gguf-q5_k': [2 * 2 + 12 + 256 / 2 + 256 / 8, 256],
      'gguf-q5_0': [2 + 4 + 32 / 2, 32],
      'gguf-q4_k': [2 * 2 + 12 + 256 / 2, 256],
      'gguf-q4_0': [2 + 32 / 2, 32],
      'gguf-q3_k': [2 + 256 / 4 + 256 / 8 + 12, 256],
      'gguf-q2_k': [2 * 2 + 256 / 16 + 256 / 4, 256],
      'gguf-iq4_xs': [2 + 2 + 256 / 64 + 256 / 2, 256],
      'gguf-iq3_xxs': [2 + 3 * (256 / 8), 256],
      'gguf-iq2_xs': [2 + (256 / 8) * 2 + 256 / 32, 256],
      'gguf-iq2_xxs': [2 + (256 / 8) * 2, 256],
    };
    const ggufFormats = FORMATS.filter((format) => format.storage.kind === 'gguf');
    expect(ggufFormats.map((format) => format.id).sort()).toEqual(Object.keys(expected).sort());
    for (const format of ggufFormats) {
      if (format.storage.kind !== 'gguf') continue;
      expect([ggufBlockBytes(format.storage), format.storage.blockWeights], format.id).toEqual(expected[format.id]);
    }
  });

  it("keeps GGUF embeddings in the quantised file and the others' at 16 bits", () => {
    for (const format of FORMATS) {
      const quantised = bitsPerWeight(format.id) < 16;
      if (format.storage.kind === 'gguf') expect(format.embeddingsAt16Bit, format.id).toBe(false);
      else if (quantised) expect(format.embeddingsAt16Bit, format.id).toBe(true);
      else expect(format.embeddingsAt16Bit, format.id).toBe(false);
    }
  });

  it('multiplies weight-only formats in 16 bits and W8A8 formats in 8 bits', () => {
    const sixteen = ['int8-w8a16', 'int4-g128', 'int4-g128-sym', 'int4-g64', 'int4-g32', 'nf4', 'nf4-dq', 'bnb-fp4'];
    for (const id of sixteen) expect(['bf16', 'fp16'], id).toContain(getFormat(id).computeDtype);
    expect(getFormat('int8-w8a8').computeDtype).toBe('int8');
    expect(getFormat('fp8-w8a8').computeDtype).toBe('fp8');
    // LLM.int8() is INT8 compute with FP16 outliers — and slower than FP16 in practice (docs/provenance.md §2).
    expect(getFormat('llm-int8').computeDtype).toBe('int8');
    expect(getFormat('llm-int8').caveats.join(' ')).toMatch(/slower than FP16/);
  });

  it('asks for FP8 compute that Hopper has and Ampere lacks (docs/provenance.md §6)', () => {
    expect(lowBitTensorCoreSupport(getGpu('h100-sxm'))).toContain(getFormat('fp8-w8a8').computeDtype);
    expect(lowBitTensorCoreSupport(getGpu('a100-80gb-sxm'))).not.toContain(getFormat('fp8-w8a8').computeDtype);
  });

  it("agrees with lib/quant's independent NF4 bit count (QLoRA §3)", () => {
    expect(bitsPerWeight('nf4')).toBe(nf4BitsPerWeight({ blockSize: 64 }));
    expect(bitsPerWeight('nf4-dq')).toBe(nf4BitsPerWeight({ blockSize: 64, doubleQuant: true }));
  });

  it('resolves every alias to a catalog id', () => {
    for (const [alias, id] of Object.entries(FORMAT_ALIASES)) {
      expect(getFormat(alias).id).toBe(id);
      expect(
        FORMATS.some((format) => format.id === alias),
        alias,
      ).toBe(false);
    }
  });
});

describe('getFormat(id)', () => {
  it('returns the entry', () => {
    expect(getFormat('nf4').storage).toEqual({
      kind: 'codebook',
      codebook: 'nf4',
      blockSize: 64,
      absmaxBits: 32,
      doubleQuant: null,
    });
  });

  it('throws "Unknown weight format: <id>"', () => {
    expect(() => getFormat('q4_k_m')).toThrow('Unknown weight format: q4_k_m');
    expect(() => getFormat('NF4')).toThrow('Unknown weight format: NF4');
  });
});
