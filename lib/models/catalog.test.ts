import { describe, expect, test } from 'vitest';
import { countParams } from './countParams';
import { getModel, MODELS } from './catalog';
import { modelSummary } from './modelSummary';
import { parseModelConfig } from './parseModelConfig';

describe('MODELS', () => {
  test('holds the models the site discusses, with unique ids', () => {
    const ids = MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'llama-3.1-8b',
      'llama-3.1-70b',
      'llama-3.1-405b',
      'llama-3.3-70b-instruct',
      'llama-2-70b',
      'mixtral-8x7b',
      'qwen2.5-72b-instruct',
      'deepseek-v3',
      'deepseek-v2-lite',
      'gemma-7b',
      'gemma-2-9b',
    ]);
  });

  test('each spec is the parse of its config', () => {
    for (const m of MODELS) expect(m.spec, m.id).toEqual(parseModelConfig(m.config));
  });

  test('countParams matches the Hugging Face hub total wherever one is recorded', () => {
    // hubParams: safetensors metadata totals, read as quoted in third-party code (sources per entry).
    const checked = MODELS.filter((m) => m.hubParams !== undefined);
    expect(checked.length).toBe(10); // all but DeepSeek-V3 (its checkpoint adds MTP and FP8 scales)
    for (const m of checked) expect(countParams(m.spec).total, m.id).toBe(m.hubParams);
  });

  test('every entry cites a source for its config, with a status', () => {
    for (const m of MODELS) {
      expect(m.sources.length, m.id).toBeGreaterThan(0);
      expect(
        m.sources.some((s) => s.id.startsWith('hf-config-')),
        m.id,
      ).toBe(true);
      for (const s of m.sources) expect(['verified', 'secondary', 'unverified']).toContain(s.status);
    }
  });

  test('configs carry the hub keys the parser needs, as the hub spells them', () => {
    for (const m of MODELS) {
      expect(typeof m.config.model_type, m.id).toBe('string');
      expect(m.config.model_type, m.id).toBe(m.spec.modelType);
      expect(m.config.hidden_size, m.id).toBe(m.spec.hiddenSize);
    }
  });
});

describe('getModel(id)', () => {
  test('returns the entry', () => {
    expect(getModel('llama-3.1-70b').name).toBe('Llama-3.1-70B');
    expect(getModel('deepseek-v3').spec.attention.kind).toBe('mla');
  });

  test('unknown ids throw, naming the id and the known ones', () => {
    expect(() => getModel('llama-70b')).toThrow(
      /^unknown model id "llama-70b"; known ids: llama-3\.1-8b, llama-3\.1-70b, /,
    );
    expect(() => getModel('')).toThrow(/^unknown model id ""/);
  });
});

describe('modelSummary(spec)', () => {
  test.each([
    ['llama-3.1-70b', '80 layers, 64 heads, 8 KV heads (GQA), head_dim 128'],
    ['gemma-7b', '28 layers, 16 heads, 16 KV heads (MHA), head_dim 256'],
    ['mixtral-8x7b', '32 layers, 32 heads, 8 KV heads (GQA), head_dim 128; MoE: 8 experts, top-2'],
    [
      'deepseek-v3',
      '61 layers, 128 heads, MLA (kv_lora_rank 512, q_lora_rank 1536, qk head_dim 128+64, v_head_dim 128); MoE: 256 routed + 1 shared experts, top-8, 3 dense layers',
    ],
    [
      'deepseek-v2-lite',
      '27 layers, 16 heads, MLA (kv_lora_rank 512, no q compression, qk head_dim 128+64, v_head_dim 128); MoE: 64 routed + 2 shared experts, top-6, 1 dense layer',
    ],
    ['gemma-2-9b', '42 layers, 16 heads, 8 KV heads (GQA), head_dim 256; sliding window 4,096 tokens on 21 layers'],
  ])('%s', (id, line) => {
    expect(modelSummary(getModel(id).spec)).toBe(line);
  });

  test('MQA', () => {
    const mqa = parseModelConfig({ ...getModel('llama-2-70b').config, num_key_value_heads: 1 });
    expect(modelSummary(mqa)).toBe('80 layers, 64 heads, 1 KV head (MQA), head_dim 128');
  });
});
