import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { GEMMA_3_27B_IT_CONFIG, GPT_OSS_20B_CONFIG, LLAMA_4_SCOUT_TEXT_CONFIG } from './architectureConfigs';
import { getModel, MODELS } from './catalog';
import { kvCacheBytesPerSequence, kvCacheBytesPerToken } from './kvCache';
import {
  kvAttendedTokens,
  kvReservationBytesPerSequence,
  kvReservedTokensPerLayer,
  layerAttentionOf,
} from './kvReservation';
import { parseModelConfig } from './parseModelConfig';

const sliding = (windowTokens: number) => ({ kind: 'sliding', windowTokens }) as const;

describe('kvReservedTokensPerLayer: vLLM V1 (vllm/v1/kv_cache_interface.py @ 001cabc1)', () => {
  test('SlidingWindowSpec: (cdiv(min(window − 1 + max_num_batched_tokens, max_model_len), block) + 1) · block', () => {
    // Mistral-7B-v0.1 window 4,096, max_model_len 32,768, 8,192 batched, block 16: cdiv(12,287, 16) = 768, + 1 = 769 blocks.
    expect(kvReservedTokensPerLayer(sliding(4096), { contextTokens: 32768 })).toBe(769 * 16);
    // 2,048 batched (the default below 70 GiB and on A100): cdiv(6,143, 16) = 384, + 1 = 385 blocks.
    expect(kvReservedTokensPerLayer(sliding(4096), { contextTokens: 32768, maxNumBatchedTokens: 2048 })).toBe(385 * 16);
    // Capped at max_model_len: min(4,095 + 8,192, 4,096) = 4,096 → 256 + 1 blocks.
    expect(kvReservedTokensPerLayer(sliding(4096), { contextTokens: 4096 })).toBe(257 * 16);
    // gpt-oss window 128: cdiv(127 + 8,192, 16) = 520, + 1.
    expect(kvReservedTokensPerLayer(sliding(128), { contextTokens: 131072 })).toBe(521 * 16);
  });

  test('FullAttentionSpec: cdiv(max_model_len, block) · block; ChunkedLocalAttentionSpec: cdiv(min(chunk + batched, len), block) · block', () => {
    expect(kvReservedTokensPerLayer({ kind: 'full' }, { contextTokens: 32770 })).toBe(2049 * 16);
    expect(kvReservedTokensPerLayer({ kind: 'chunked', chunkTokens: 8192 }, { contextTokens: 131072 })).toBe(
      8192 + 8192,
    );
    expect(kvReservedTokensPerLayer({ kind: 'chunked', chunkTokens: 8192 }, { contextTokens: 10000 })).toBe(10000);
  });

  test('a sliding layer reserves more than its window, never more than the full layer plus one block', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 17 }),
        fc.integer({ min: 1, max: 1 << 18 }),
        fc.integer({ min: 1, max: 1 << 15 }),
        (w, ctx, b) => {
          const opts = { contextTokens: ctx, maxNumBatchedTokens: b };
          const t = kvReservedTokensPerLayer(sliding(w), opts);
          expect(t).toBeGreaterThanOrEqual(Math.min(w, ctx));
          expect(t).toBeLessThanOrEqual(kvReservedTokensPerLayer({ kind: 'full' }, opts) + 16);
          expect(t % 16).toBe(0);
        },
      ),
    );
  });
});

describe('kvReservedTokensPerLayer: llama.cpp (src/llama-kv-cache-iswa.cpp @ 02c28f53)', () => {
  test('size_swa = GGML_PAD(min(n_ctx, n_swa · (unified ? n_seq : 1) + n_ubatch), 256)', () => {
    // n_swa 1,024, 4 sequences, n_ubatch 512, unified: 4,608 cells shared by 4 sequences (1,152 each).
    expect(kvReservedTokensPerLayer(sliding(1024), { engine: 'llama.cpp', contextTokens: 32768, sequences: 4 })).toBe(
      4608 / 4,
    );
    // One sequence, n_swa 4,096: 4,608 cells. Gemma-3 1B-style window 512: 1,024.
    expect(kvReservedTokensPerLayer(sliding(4096), { engine: 'llama.cpp', contextTokens: 32768 })).toBe(4608);
    expect(kvReservedTokensPerLayer(sliding(512), { engine: 'llama.cpp', contextTokens: 32768 })).toBe(1024);
    // Padding to 256: 128 + 512 = 640 → 768 (gpt-oss).
    expect(kvReservedTokensPerLayer(sliding(128), { engine: 'llama.cpp', contextTokens: 131072 })).toBe(768);
    // Non-unified: each of the 4 streams holds n_swa + n_ubatch.
    expect(
      kvReservedTokensPerLayer(sliding(1024), {
        engine: 'llama.cpp',
        contextTokens: 8192,
        sequences: 4,
        unified: false,
      }),
    ).toBe(1536);
    // Full layers hold n_ctx.
    expect(kvReservedTokensPerLayer({ kind: 'full' }, { engine: 'llama.cpp', contextTokens: 8192 })).toBe(8192);
  });
});

describe('kvReservationBytesPerSequence(spec, kvBytesPerToken, options)', () => {
  test('Mistral-7B-v0.1 at 32k: vLLM reserves 3.0× the bare 4,096-token window', () => {
    const spec = { numLayers: 32, slidingWindow: { windowTokens: 4096, numLayers: 32 } };
    const perToken = 2 * 32 * 8 * 128 * 2; // 131,072 B
    expect(kvReservationBytesPerSequence(spec, perToken, { contextTokens: 32768 })).toBe(32 * 12_304 * 4096);
    expect(kvReservationBytesPerSequence(spec, perToken, { contextTokens: 32768 }) / (4096 * perToken)).toBeCloseTo(
      3.004,
      3,
    );
  });

  test('Gemma-3-27B: 10 full layers at the context, 52 sliding layers at the vLLM budget', () => {
    const spec = parseModelConfig(GEMMA_3_27B_IT_CONFIG);
    const perToken = kvCacheBytesPerToken(spec, { bits: 16 });
    const perLayer = perToken / 62;
    const expected = (10 * 32768 + 52 * (cdivPlusOne(1023 + 8192) * 16)) * perLayer;
    expect(kvReservationBytesPerSequence(spec, perToken, { contextTokens: 32768 })).toBe(expected);
  });

  test('gpt-oss-20b, llama.cpp: 12 full layers at n_ctx + 12 sliding layers at 768 cells', () => {
    const spec = parseModelConfig(GPT_OSS_20B_CONFIG);
    const perToken = kvCacheBytesPerToken(spec, { bits: 16 });
    expect(kvReservationBytesPerSequence(spec, perToken, { engine: 'llama.cpp', contextTokens: 8192 })).toBe(
      (12 * 8192 + 12 * 768) * (perToken / 24),
    );
  });

  test('models without windows reserve the block-rounded context on every layer', () => {
    const spec = getModel('llama-3.1-70b').spec;
    const perToken = kvCacheBytesPerToken(spec, { bits: 16 });
    expect(kvReservationBytesPerSequence(spec, perToken, { contextTokens: 4096 })).toBe(
      kvCacheBytesPerSequence(spec, { bits: 16, contextTokens: 4096 }),
    );
    expect(layerAttentionOf(spec).every((l) => l.kind === 'full')).toBe(true);
  });

  test('bad settings are refused by name', () => {
    expect(() => kvReservedTokensPerLayer(sliding(4096), { contextTokens: 0 })).toThrow(
      /^contextTokens must be a positive whole number/,
    );
    expect(() => kvReservedTokensPerLayer(sliding(4096), { contextTokens: 8, maxNumBatchedTokens: 1.5 })).toThrow(
      /^maxNumBatchedTokens/,
    );
    expect(() => kvReservedTokensPerLayer(sliding(4096), { engine: 'sglang' as never, contextTokens: 8 })).toThrow(
      /^engine must be/,
    );
  });
});

describe('kvReservationBytesPerSequence: bounds over windowed models (Gemma-2, Gemma-3, gpt-oss, Llama-4 configs)', () => {
  const specs = [
    getModel('gemma-2-9b').spec,
    parseModelConfig(GEMMA_3_27B_IT_CONFIG),
    parseModelConfig(GPT_OSS_20B_CONFIG),
    parseModelConfig(LLAMA_4_SCOUT_TEXT_CONFIG),
  ];

  test("≥ the bare windows (kvAttendedTokens), ≤ the full context plus the engine's rounding per windowed layer", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.constantFrom('vllm' as const, 'llama.cpp' as const),
        fc.integer({ min: 1, max: 300_000 }),
        fc.integer({ min: 1, max: 32_768 }),
        fc.integer({ min: 1, max: 64 }),
        (spec, engine, contextTokens, maxNumBatchedTokens, sequences) => {
          const perToken = spec.numLayers * 1000; // 1,000 B per token per layer
          const bytes = kvReservationBytesPerSequence(spec, perToken, {
            engine,
            contextTokens,
            maxNumBatchedTokens,
            sequences,
          });
          const windowed = layerAttentionOf(spec).filter((l) => l.kind !== 'full').length;
          // vLLM: every layer at most cdiv(len, 16) blocks, a sliding layer one block more; llama.cpp: n_ctx, a SWA
          // layer at most n_ctx + 255 cells (the 256 pad) shared by the sequences.
          const full = engine === 'vllm' ? Math.ceil(contextTokens / 16) * 16 : contextTokens;
          const rounding = engine === 'vllm' ? 16 : 255 / sequences;
          expect(bytes).toBeGreaterThanOrEqual(kvAttendedTokens(spec, contextTokens) * perToken - 1e-6);
          expect(bytes).toBeLessThanOrEqual(1000 * (spec.numLayers * full + windowed * rounding) + 1e-6);
        },
      ),
    );
  });
});

describe('kvAttendedTokens(spec, contextTokens): the tokens one decode step reads (the speed model)', () => {
  test('is the context for models without windowed layers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS.filter((m) => !m.spec.slidingWindow)),
        fc.integer({ min: 1, max: 1e7 }),
        (m, c) => {
          expect(kvAttendedTokens(m.spec, c)).toBe(c);
        },
      ),
    );
  });

  test('caps windowed layers at their window: Gemma-2-9B (21 of 42 layers, 4,096) at 8,192 → (21 × 8,192 + 21 × 4,096) / 42', () => {
    expect(kvAttendedTokens(getModel('gemma-2-9b').spec, 8192)).toBe(6144);
    expect(kvAttendedTokens(getModel('gemma-2-9b').spec, 4096)).toBe(4096);
    // Llama-4-Scout: 48 layers, every 4th full, the rest chunked at 8,192: at 32,768 → (12 × 32,768 + 36 × 8,192) / 48.
    expect(kvAttendedTokens(parseModelConfig(LLAMA_4_SCOUT_TEXT_CONFIG), 32768)).toBe((12 * 32768 + 36 * 8192) / 48);
    expect(() => kvAttendedTokens(getModel('gemma-2-9b').spec, 0)).toThrow(
      /^contextTokens must be a positive whole number/,
    );
  });
});

function cdivPlusOne(tokens: number): number {
  return Math.ceil(tokens / 16) + 1;
}
