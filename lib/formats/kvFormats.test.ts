import { describe, expect, it } from 'vitest';
import { FORMATS } from './catalog';
import { KV_FORMATS, getKvFormat } from './kvFormats';

describe('KV_FORMATS', () => {
  it('lists 16-, 8- and 4-bit caches', () => {
    // bf16/fp16: 2 bytes per element; FP8 (E4M3/E5M2): 1 byte (FP8 formats paper); INT4: QuaRot's KV4.
    expect(Object.fromEntries(KV_FORMATS.map((format) => [format.id, format.bitsPerElement]))).toEqual({
      bf16: 16,
      fp16: 16,
      fp8: 8,
      int8: 8,
      int4: 4,
    });
  });

  it("is independent of the weight formats: no KV entry is derived from a weight format's bits", () => {
    // A 4-bit-weight model still caches K/V in 16 bits by default: the defaults differ.
    expect(getKvFormat('bf16').bitsPerElement).toBe(16);
    expect(FORMATS.some((format) => format.id === 'int4-g128')).toBe(true);
    expect(KV_FORMATS.some((format) => format.id === 'int4-g128')).toBe(false);
  });

  it('throws "Unknown KV cache format: <id>"', () => {
    expect(() => getKvFormat('q4_k')).toThrow('Unknown KV cache format: q4_k');
  });
});
