import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getModel, MODELS } from './catalog';
import { DEEPSEEK_V32_FP8_MLA_LAYOUT } from '../formats/kvFormats';
import {
  kvCacheBytesPerSequence,
  kvCacheBytesPerToken,
  kvCacheBytesPerTokenFp8DsMla,
  kvCacheFormula,
  kvCacheFormulaDeepseekV32Fp8,
} from './kvCache';
import { parseModelConfig } from './parseModelConfig';
import { arbDenseConfig } from './testArbitraries';

const spec = (id: string) => getModel(id).spec;

describe('kvCacheBytesPerToken(model, { bits })', () => {
  // Expected values: docs/provenance.md §7 "KV cache per token, BF16", each written out.
  test.each([
    ['llama-3.1-70b', 327_680], // 2 × 80 × 8 × 128 × 2 B (320 KiB)
    ['llama-2-70b', 327_680], // same shape
    ['qwen2.5-72b-instruct', 327_680], // same shape
    ['llama-3.1-8b', 131_072], // 2 × 32 × 8 × 128 × 2 B (128 KiB)
    ['mixtral-8x7b', 131_072], // 2 × 32 × 8 × 128 × 2 B
    ['llama-3.1-405b', 516_096], // 2 × 126 × 8 × 128 × 2 B (504 KiB; 1,032,192 with the first release's 16 KV heads)
    ['deepseek-v3', 70_272], // 61 × (512 + 64) × 2 B, the MLA latent + shared RoPE key
  ])('%s at 16 bits: %d B', (id, bytes) => {
    expect(kvCacheBytesPerToken(spec(id), { bits: 16 })).toBe(bytes);
  });

  test('uses head_dim from the config, not hidden / heads (Gemma-7B: 256, not 192)', () => {
    // 2 × 28 layers × 16 KV heads × 256 × 2 B = 458,752; hidden/heads would give 344,064.
    expect(kvCacheBytesPerToken(spec('gemma-7b'), { bits: 16 })).toBe(458_752);
  });

  test('DeepSeek-V2-Lite: 27 × (512 + 64) × 2 B = 31,104 B; V3 at 8 bits halves to 35,136', () => {
    expect(kvCacheBytesPerToken(spec('deepseek-v2-lite'), { bits: 16 })).toBe(31_104);
    expect(kvCacheBytesPerToken(spec('deepseek-v3'), { bits: 8 })).toBe(35_136);
  });

  test('scales linearly with bits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS.map((m) => m.spec)),
        fc.double({ min: 0.5, max: 16, noNaN: true }),
        (s, bits) => {
          const at16 = kvCacheBytesPerToken(s, { bits: 16 });
          expect(kvCacheBytesPerToken(s, { bits })).toBeCloseTo((at16 * bits) / 16, 6);
          expect(kvCacheBytesPerToken(s, { bits: 2 * bits })).toBeCloseTo(2 * kvCacheBytesPerToken(s, { bits }), 6);
        },
      ),
    );
  });

  test('GQA never caches more than MHA of the same shape, and exactly numHeads/numKvHeads times less', () => {
    fc.assert(
      fc.property(arbDenseConfig(), fc.constantFrom(4, 8, 16), (config, bits) => {
        const gqa = parseModelConfig(config);
        const mha = parseModelConfig({ ...config, num_key_value_heads: config.num_attention_heads });
        const gqaBytes = kvCacheBytesPerToken(gqa, { bits });
        const mhaBytes = kvCacheBytesPerToken(mha, { bits });
        expect(gqaBytes).toBeLessThanOrEqual(mhaBytes);
        if (gqa.attention.kind !== 'mla')
          expect(gqaBytes * (gqa.attention.numHeads / gqa.attention.numKvHeads)).toBe(mhaBytes);
      }),
    );
  });

  test.each([0, -16, 33, Number.NaN, Number.POSITIVE_INFINITY, '16', null, undefined])('rejects bits = %j', (bits) => {
    expect(() => kvCacheBytesPerToken(spec('llama-3.1-70b'), { bits: bits as number })).toThrow(
      /^bits must be a number greater than 0 and at most 32/,
    );
  });

  test('accepts unusual widths in (0, 32]', () => {
    expect(kvCacheBytesPerToken(spec('llama-3.1-70b'), { bits: 32 })).toBe(655_360);
    expect(kvCacheBytesPerToken(spec('llama-3.1-70b'), { bits: 3 })).toBe(61_440);
  });
});

describe('kvCacheFormula(model, { bits })', () => {
  test('GQA: the formula with its numbers, and the same bytes as kvCacheBytesPerToken', () => {
    expect(kvCacheFormula(spec('llama-3.1-70b'), { bits: 16 })).toEqual({
      formula: '2 × 80 layers × 8 KV heads × 128 head_dim × 2 B',
      bytesPerToken: 327_680,
      valuesPerToken: 163_840,
      bytesPerValue: 2,
    });
    expect(kvCacheFormula(spec('llama-3.1-8b'), { bits: 4 }).formula).toBe(
      '2 × 32 layers × 8 KV heads × 128 head_dim × 0.5 B',
    );
  });

  test('MLA: latent plus RoPE key', () => {
    expect(kvCacheFormula(spec('deepseek-v3'), { bits: 8 }).formula).toBe(
      '61 layers × (512 kv_lora_rank + 64 qk_rope_head_dim) × 1 B',
    );
  });

  test('MQA uses the singular', () => {
    const mqa = parseModelConfig({ ...getModel('llama-2-70b').config, num_key_value_heads: 1 });
    expect(kvCacheFormula(mqa, { bits: 16 }).formula).toBe('2 × 80 layers × 1 KV head × 128 head_dim × 2 B');
  });

  test('bytesPerToken = valuesPerToken × bytesPerValue for every catalog model', () => {
    for (const m of MODELS) {
      const f = kvCacheFormula(m.spec, { bits: 16 });
      expect(f.valuesPerToken * f.bytesPerValue, m.id).toBe(f.bytesPerToken);
      expect(f.bytesPerToken, m.id).toBe(kvCacheBytesPerToken(m.spec, { bits: 16 }));
    }
  });
});

describe('kvCacheBytesPerSequence(model, { bits, contextTokens })', () => {
  test('without a sliding window: bytes per token × tokens (Llama-3.1-70B, 4,096 tokens: 1.34 GB, docs/provenance.md §7)', () => {
    expect(kvCacheBytesPerSequence(spec('llama-3.1-70b'), { bits: 16, contextTokens: 4096 })).toBe(1_342_177_280);
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS.filter((m) => !m.spec.slidingWindow)),
        fc.integer({ min: 1, max: 200_000 }),
        (m, tokens) => {
          expect(kvCacheBytesPerSequence(m.spec, { bits: 16, contextTokens: tokens })).toBe(
            kvCacheBytesPerToken(m.spec, { bits: 16 }) * tokens,
          );
        },
      ),
    );
  });

  test('Gemma-2-9B: the 21 sliding layers stop at 4,096 tokens', () => {
    // Per layer per token: 2 × 8 KV heads × 256 × 2 B = 8,192 B.
    // 8,192 tokens: (21 × 8,192 + 21 × 4,096) × 8,192 B = 2,113,929,216 B
    expect(kvCacheBytesPerSequence(spec('gemma-2-9b'), { bits: 16, contextTokens: 8192 })).toBe(2_113_929_216);
    // Within the window every layer holds every token.
    expect(kvCacheBytesPerSequence(spec('gemma-2-9b'), { bits: 16, contextTokens: 4096 })).toBe(344_064 * 4096);
  });

  test.each([0, -1, 1.5, Number.NaN])('rejects contextTokens = %j', (tokens) => {
    expect(() => kvCacheBytesPerSequence(spec('llama-3.1-70b'), { bits: 16, contextTokens: tokens })).toThrow(
      /^contextTokens must be a positive whole number of tokens/,
    );
  });
});

describe('kvCacheBytesPerTokenFp8DsMla(model): DeepSeek-V3.2 FP8 MLA cache', () => {
  test('656 B per token per layer (vLLM MLAAttentionSpec "fp8_ds_mla"), the sum of the layout fields', () => {
    const v3 = getModel('deepseek-v3').spec; // V3.2 keeps V3's MLA shape: kv_lora_rank 512, qk_rope_head_dim 64, 61 layers
    expect(kvCacheBytesPerTokenFp8DsMla(v3)).toBe(61 * 656);
    expect(DEEPSEEK_V32_FP8_MLA_LAYOUT.fields.reduce((s, f) => s + f.bytes, 0)).toBe(656);
    // 80 B per layer more than a plain 8-bit MLA cache (scales 16 B + RoPE kept at 16 bits 64 B).
    expect(kvCacheBytesPerTokenFp8DsMla(v3) - kvCacheBytesPerToken(v3, { bits: 8 })).toBe(61 * 80);
  });

  test('refuses non-MLA models', () => {
    expect(() => kvCacheBytesPerTokenFp8DsMla(spec('llama-3.1-70b'))).toThrow(/MLA models only \(this one is GQA\)/);
  });
});

describe('kvCacheFormulaDeepseekV32Fp8(model): what vLLM reserves for DeepSeek-V3.2 with --kv-cache-dtype fp8', () => {
  test('656 B fp8_ds_mla + 132 B lightning-indexer key (128 FP8 values + one FP32 scale) per layer', () => {
    // vllm/model_executor/models/deepseek_v2.py Indexer: k_cache head_dim = 128 + 128 // 128 × 4 = 132 B (uint8), one per layer.
    const f = kvCacheFormulaDeepseekV32Fp8(spec('deepseek-v3'));
    expect(f.bytesPerToken).toBe(61 * (656 + 132)); // 48,068 B
    expect(f.valuesPerToken).toBe(61 * (512 + 64 + 128));
    expect(f.formula).toBe(
      '61 layers × (512 B FP8 latent + 16 B FP32 scales + 128 B BF16 RoPE key [fp8_ds_mla] + 132 B FP8 indexer key with its scale)',
    );
    expect(() => kvCacheFormulaDeepseekV32Fp8(spec('llama-3.1-70b'))).toThrow(/MLA models only/);
  });
});
