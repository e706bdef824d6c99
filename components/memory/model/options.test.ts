import { describe, expect, it } from 'vitest';
import { FORMATS, KV_FORMATS } from '@/lib/formats';
import { getModel, parseModelConfig } from '@/lib/models';
import {
  allowedGpuCounts,
  gpuCountChoices,
  kvChoices,
  nearestAllowedGpuCount,
  weightFormatFamilies,
  weightFormatOptionLabel,
} from './options';

// A Qwen2.5-7B-shaped config: 28 attention heads, 4 KV heads (values as in its config.json).
const qwen7b = parseModelConfig({
  model_type: 'qwen2',
  hidden_size: 3584,
  num_hidden_layers: 28,
  num_attention_heads: 28,
  num_key_value_heads: 4,
  intermediate_size: 18944,
  vocab_size: 152064,
  max_position_embeddings: 32768,
  tie_word_embeddings: false,
});

describe('weightFormatFamilies()', () => {
  it('offers every format of lib/formats exactly once, in catalog order within a family', () => {
    const ids = weightFormatFamilies().flatMap((g) => g.formats.map((f) => f.id));
    expect([...ids].sort()).toEqual(FORMATS.map((f) => f.id).sort());
    expect(new Set(ids).size).toBe(FORMATS.length);
  });
  it('groups by how a weight is stored', () => {
    const families = Object.fromEntries(weightFormatFamilies().map((g) => [g.label, g.formats.map((f) => f.id)]));
    expect(families['Floating point (unquantised)']).toEqual(['fp32', 'bf16', 'fp16']);
    expect(families['8-bit']).toEqual(['fp8-w8a8', 'int8-w8a16', 'int8-w8a8', 'llm-int8']);
    expect(families['bitsandbytes 4-bit (NF4 / FP4)']).toEqual(['nf4', 'nf4-dq', 'bnb-fp4']);
    expect(families['GGUF (llama.cpp base types)']).toContain('gguf-q4_k');
  });
  it('labels options with the bits per weight, overhead included (lib/formats)', () => {
    expect(weightFormatOptionLabel(FORMATS.find((f) => f.id === 'int4-g128')!)).toBe(
      'INT4 group-128 (GPTQ/AWQ, W4A16) — 4.156 bits/weight',
    );
    expect(weightFormatOptionLabel(FORMATS.find((f) => f.id === 'nf4')!)).toBe('NF4 (bitsandbytes) — 4.5 bits/weight');
  });
});

describe('gpuCountChoices(spec) / allowedGpuCounts / nearestAllowedGpuCount', () => {
  it('offers 1 … 8 and allows only divisors of the attention heads (lib/sizing assertGpuCount)', () => {
    expect(gpuCountChoices(getModel('llama-3.1-70b').spec).map((c) => c.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(allowedGpuCounts(getModel('llama-3.1-70b').spec)).toEqual([1, 2, 4, 8]); // 64 heads
    expect(allowedGpuCounts(qwen7b)).toEqual([1, 2, 4, 7]); // 28 heads
  });
  it('with no model yet, offers every count', () => {
    expect(gpuCountChoices(null).every((c) => c.allowed)).toBe(true);
  });
  it('falls back to the largest allowed count not above the old one', () => {
    expect(nearestAllowedGpuCount(qwen7b, 8)).toBe(7);
    expect(nearestAllowedGpuCount(getModel('llama-3.1-70b').spec, 6)).toBe(4);
    expect(nearestAllowedGpuCount(getModel('llama-3.1-70b').spec, 8)).toBe(8);
  });
});

describe('kvChoices()', () => {
  it('lists KV_FORMATS with their bits', () => {
    expect(
      kvChoices()
        .slice(0, KV_FORMATS.length)
        .map((k) => [k.id, k.bits, k.layout]),
    ).toEqual(KV_FORMATS.map((f) => [f.id, f.bitsPerElement, null]));
    expect(kvChoices().find((k) => k.id === 'fp8')?.label).toBe('FP8 (E4M3 or E5M2) — 8 bits');
  });
  it("then DeepSeek-V3.2's FP8 cache, by its bytes (656 B fp8_ds_mla + 132 B indexer key per token per layer)", () => {
    const v32 = kvChoices().at(-1)!;
    expect([v32.id, v32.layout, v32.label]).toEqual([
      'fp8-deepseek-v3.2',
      'deepseek-v3.2-fp8',
      'FP8, DeepSeek-V3.2 layout — 656 + 132 B per token per layer',
    ]);
  });
});
