import { describe, expect, it } from 'vitest';
import { bitsPerWeight } from './bitsPerWeight';
import { formatBitsBreakdown } from './formatBitsBreakdown';

describe('bitsPerWeight(formatId)', () => {
  it('counts floats at their width', () => {
    expect(bitsPerWeight('fp32')).toBe(32);
    expect(bitsPerWeight('bf16')).toBe(16);
    expect(bitsPerWeight('fp16')).toBe(16);
  });

  it('gives NF4 4 + 32/64 = 4.5 bits (QLoRA §3: FP32 block constants cost 32/64 = 0.5 bits per parameter)', () => {
    expect(bitsPerWeight('nf4')).toBe(4.5);
  });

  it('gives NF4 + double quant 4 + 8/64 + 32/(64·256) = 4.126953125 (QLoRA §3: "0.127 bits per parameter")', () => {
    expect(bitsPerWeight('nf4-dq')).toBe(4.126953125);
    // QLoRA §3: the saving is 0.5 − 0.127 = 0.373 bits per parameter.
    expect(bitsPerWeight('nf4') - bitsPerWeight('nf4-dq')).toBeCloseTo(0.373, 3);
  });

  it('gives bitsandbytes FP4 the same 4.5 bits as NF4 (same block 64, fp32 absmax; bnb functional.py quantize_4bit)', () => {
    expect(bitsPerWeight('bnb-fp4')).toBe(4.5);
  });

  it('gives GPTQ/AWQ INT4 g128 4 + 16/128 + 4/128 = 4.15625 (AutoGPTQ qlinear_cuda.py: fp16 scales, 4-bit packed qzeros per group)', () => {
    expect(bitsPerWeight('int4-g128')).toBe(4.15625);
    // GPTQ paper §5: g128 costs "≈0.15 extra bits".
    expect(bitsPerWeight('int4-g128') - 4).toBeCloseTo(0.15, 1);
  });

  it('gives symmetric INT4 g128 without stored zero-points 4 + 16/128 = 4.125 (Marlin README: ideal 3.87× = 16/4.125)', () => {
    expect(bitsPerWeight('int4-g128-sym')).toBe(4.125);
    expect(16 / bitsPerWeight('int4-g128-sym')).toBeCloseTo(3.88, 2);
  });

  it('gives INT4 g64 4 + 16/64 + 4/64 = 4.3125 and g32 4 + 16/32 + 4/32 = 4.625', () => {
    expect(bitsPerWeight('int4-g64')).toBe(4.3125);
    expect(bitsPerWeight('int4-g32')).toBe(4.625);
  });

  it('gives MXFP4 4 + 8/32 = 4.25 (ggml-common.h block_mxfp4: 1 B E8M0 + 16 B per 32 weights = 17·8/32)', () => {
    expect(bitsPerWeight('mxfp4')).toBe(4.25);
  });

  it('reads GGUF base types off the ggml-common.h block structs (bytes × 8 / weights)', () => {
    expect(bitsPerWeight('gguf-q8_0')).toBe((34 * 8) / 32); // 8.5: fp16 d + 32 int8
    expect(bitsPerWeight('gguf-q6_k')).toBe((210 * 8) / 256); // 6.5625: 128 + 64 + 16 + 2
    expect(bitsPerWeight('gguf-q5_k')).toBe((176 * 8) / 256); // 5.5: 4 + 12 + 32 + 128
    expect(bitsPerWeight('gguf-q5_0')).toBe((22 * 8) / 32); // 5.5: 2 + 4 + 16
    expect(bitsPerWeight('gguf-q4_k')).toBe((144 * 8) / 256); // 4.5: 4 + 12 + 128
    expect(bitsPerWeight('gguf-q4_0')).toBe((18 * 8) / 32); // 4.5: 2 + 16
    expect(bitsPerWeight('gguf-q3_k')).toBe((110 * 8) / 256); // 3.4375: 32 + 64 + 12 + 2
    expect(bitsPerWeight('gguf-q2_k')).toBe((84 * 8) / 256); // 2.625: 16 + 64 + 4
    expect(bitsPerWeight('gguf-iq4_xs')).toBe((136 * 8) / 256); // 4.25: 2 + 2 + 4 + 128
    expect(bitsPerWeight('gguf-iq3_xxs')).toBe((98 * 8) / 256); // 3.0625: 2 + 96
    expect(bitsPerWeight('gguf-iq2_xs')).toBe((74 * 8) / 256); // 2.3125: 2 + 64 + 8
    expect(bitsPerWeight('gguf-iq2_xxs')).toBe((66 * 8) / 256); // 2.0625: 2 + 64
  });

  it('matches the "Effectively N bits per weight" comments in ggml-common.h', () => {
    expect(bitsPerWeight('gguf-q2_k')).toBe(2.625);
    expect(bitsPerWeight('gguf-q3_k')).toBe(3.4375);
    expect(bitsPerWeight('gguf-q4_k')).toBe(4.5);
    expect(bitsPerWeight('gguf-q5_k')).toBe(5.5);
    expect(bitsPerWeight('gguf-q6_k')).toBe(6.5625);
    expect(bitsPerWeight('gguf-iq2_xxs')).toBe(2.0625);
    expect(bitsPerWeight('gguf-iq2_xs')).toBe(2.3125);
    expect(bitsPerWeight('gguf-iq3_xxs')).toBe(3.0625);
  });

  it('treats per-channel scales as free by default and adds scaleBits/inFeatures when given', () => {
    expect(bitsPerWeight('int8-w8a16')).toBe(8);
    // 16-bit scale per row of 8192 weights (Llama-70B hidden size): 8 + 16/8192.
    expect(bitsPerWeight('int8-w8a16', { inFeatures: 8192 })).toBe(8.001953125);
    // LLM.int8(): FP32 row absmax over the 28,672-wide down_proj input: 8 + 32/28672.
    expect(bitsPerWeight('llm-int8', { inFeatures: 28_672 })).toBeCloseTo(8.001116, 6);
    expect(bitsPerWeight('fp8-w8a8', { inFeatures: 4096 })).toBe(8.0078125);
  });

  it('ignores inFeatures for formats whose scales do not depend on it', () => {
    expect(bitsPerWeight('int4-g128', { inFeatures: 8192 })).toBe(4.15625);
    expect(bitsPerWeight('nf4', { inFeatures: 1 })).toBe(4.5);
  });

  it('accepts scheme-first aliases', () => {
    expect(bitsPerWeight('w8a8-int8')).toBe(bitsPerWeight('int8-w8a8'));
    // compressed-tensors W4A16: symmetric, group 128, no zero point → 4 + 16/128 (quant_scheme.py W4A16 preset).
    expect(bitsPerWeight('w4a16-int4')).toBe(4.125);
    expect(bitsPerWeight('w4a16-int4')).toBe(bitsPerWeight('int4-g128-sym'));
  });

  it('throws naming the unknown format', () => {
    expect(() => bitsPerWeight('int3')).toThrow('Unknown weight format: int3');
    expect(() => bitsPerWeight('')).toThrow('Unknown weight format: ');
  });

  it('throws naming inFeatures when it is not a positive integer', () => {
    for (const bad of [0, -8, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => bitsPerWeight('int8-w8a16', { inFeatures: bad })).toThrow(/^inFeatures must be a positive integer/);
    }
  });
});

describe('formatBitsBreakdown(formatId)', () => {
  it('writes out the work', () => {
    expect(formatBitsBreakdown('int4-g128').formula).toBe('4 + 16/128 + 4/128 = 4.15625');
    expect(formatBitsBreakdown('nf4').formula).toBe('4 + 32/64 = 4.5');
    expect(formatBitsBreakdown('nf4-dq').formula).toBe('4 + 8/64 + 32/(64·256) = 4.126953125');
    expect(formatBitsBreakdown('gguf-q8_0').formula).toBe('34 B × 8 / 32 = 8 + 0.5 = 8.5');
    expect(formatBitsBreakdown('gguf-q4_k').formula).toBe('144 B × 8 / 256 = 4 + 0.1875 + 0.1875 + 0.125 = 4.5');
    expect(formatBitsBreakdown('mxfp4').formula).toBe('4 + 8/32 = 4.25');
    expect(formatBitsBreakdown('int8-w8a16', { inFeatures: 8192 }).formula).toBe('8 + 16/8192 = 8.001953125');
  });

  it('splits NF4 + DQ into 4 payload, 8/64 quantised absmax and 32/(64·256) second-level constant (QLoRA §3)', () => {
    const b = formatBitsBreakdown('nf4-dq');
    expect(b).toMatchObject({ payloadBits: 4, scaleBits: 0.125, zeroPointBits: 0, secondLevelBits: 32 / 16_384 });
  });

  it('splits Q4_K into 4-bit quants, 6-bit scales, 6-bit mins and FP16 super-block scales (ggml-common.h block_q4_K)', () => {
    // qs 128 B → 4; scales[12] = 8 six-bit scales (6 B → 0.1875) + 8 six-bit mins (6 B → 0.1875); d, dmin 4 B → 0.125.
    expect(formatBitsBreakdown('gguf-q4_k')).toMatchObject({
      payloadBits: 4,
      scaleBits: 0.1875,
      zeroPointBits: 0.1875,
      secondLevelBits: 0.125,
    });
  });

  it('states the per-channel assumption when inFeatures is not given', () => {
    const b = formatBitsBreakdown('int8-w8a8');
    expect(b.formula).toBe('8 + 16/in_features ≈ 8');
    expect(b.assumptions.join(' ')).toMatch(/counted as 0/);
  });
});
