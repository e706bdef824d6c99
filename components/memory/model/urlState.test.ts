import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORMATS } from '@/lib/formats';
import { GPUS } from '@/lib/hardware';
import { getModel, MODELS } from '@/lib/models';
import {
  CUSTOM_MODEL,
  MEMORY_DEFAULTS,
  contextRuleFor,
  memoryStateFromQuery,
  memoryStateQuery,
  parseMemoryState,
  type MemoryStateText,
} from './urlState';

describe('parseMemoryState(text, configText)', () => {
  it('reads the defaults with no errors: Llama-3.1-70B, 4-bit g128, BF16 KV, 8 × 4,096 tokens, one A100 80GB', () => {
    const s = parseMemoryState(MEMORY_DEFAULTS);
    expect(s).toMatchObject({
      model: 'llama-3.1-70b',
      modelName: 'Llama-3.1-70B',
      weights: 'int4-g128',
      kv: 'bf16',
      kvBits: 16,
      contextTokens: 4096,
      batch: 8,
      gpu: 'a100-80gb-sxm',
      gpuCount: 1,
      memoryUtilization: 0.92,
      config: null,
    });
    expect(s.spec).toBe(getModel('llama-3.1-70b').spec);
    expect(s.errors).toEqual({});
  });
  it('reads "8k" and "1,024" like components/ui/model does', () => {
    const s = parseMemoryState({ ...MEMORY_DEFAULTS, context: '8k', batch: '1,024' });
    expect(s.contextTokens).toBe(8000);
    expect(s.batch).toBe(1024);
  });
  it('bad numbers: empty, negative, non-numeric, absurd — a message each, value null, never NaN', () => {
    const cases: Array<[Partial<MemoryStateText>, 'batch' | 'context', string]> = [
      [{ batch: '' }, 'batch', 'Batch size is required (1–100,000).'],
      [{ batch: '-3' }, 'batch', 'Batch size must be at least 1.'],
      [{ batch: '2.5' }, 'batch', 'Batch size must be a whole number (1–100,000).'],
      [{ context: 'abc' }, 'context', 'Context length must be a number (got "abc").'],
      [{ context: '1e12' }, 'context', 'Context length must be at most 131,072.'],
      [{ context: '0' }, 'context', 'Context length must be at least 1.'],
    ];
    for (const [patch, field, message] of cases) {
      const s = parseMemoryState({ ...MEMORY_DEFAULTS, ...patch });
      expect(s.errors[field]).toBe(message);
      expect(field === 'batch' ? s.batch : s.contextTokens).toBeNull();
    }
  });
  it('caps the context at the model maximum (Llama-2-70B: 4,096 tokens, its max_position_embeddings)', () => {
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, model: 'llama-2-70b', context: '8192' }).errors.context).toBe(
      'Context length must be at most 4,096.',
    );
    expect(contextRuleFor(getModel('llama-2-70b').spec).max).toBe(4096);
  });
  it('a GPU count the heads cannot be split over says why and falls back to the largest allowed count below it', () => {
    const s = parseMemoryState({ ...MEMORY_DEFAULTS, gpus: '6' });
    expect(s.gpuCount).toBe(4);
    expect(s.errors.gpus).toBe(
      'Number of GPUs must be one of 1, 2, 4, 8 for Llama-3.1-70B: tensor parallelism splits its 64 attention heads evenly over the GPUs (got "6"; showing 4).',
    );
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, gpus: 'two' }).gpuCount).toBe(1);
  });
  it('unknown ids in a link fall back to the defaults, each with a message', () => {
    const s = parseMemoryState({
      ...MEMORY_DEFAULTS,
      model: 'gpt-5',
      weights: 'int3',
      kv: 'int2',
      gpu: 'tpu-v5',
      util: 'most',
    });
    expect(s).toMatchObject({
      model: 'llama-3.1-70b',
      weights: 'int4-g128',
      kv: 'bf16',
      gpu: 'a100-80gb-sxm',
      memoryUtilization: 0.92,
    });
    expect(s.errors.model).toBe('Unknown model "gpt-5"; showing Llama-3.1-70B.');
    expect(s.errors.weights).toMatch(/"int3"/);
    expect(s.errors.kv).toMatch(/"int2"/);
    expect(s.errors.gpu).toMatch(/"tpu-v5"/);
    expect(s.errors.util).toMatch(/"most"/);
  });
  it('gpu_memory_utilization: a fraction in [0.05, 1]; old links (util=vllm / util=full) read as 0.92 / 1', () => {
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, util: '0.85' }).memoryUtilization).toBe(0.85);
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, util: '0.85' }).errors.util).toBeUndefined();
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, util: '0' }).errors.util).toMatch(
      /gpu_memory_utilization must be a fraction from 0.05 to 1/,
    );
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, util: '1.5' }).memoryUtilization).toBe(0.92);
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, util: 'full' }).memoryUtilization).toBe(1);
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, util: 'vllm' }).memoryUtilization).toBe(0.92);
  });
  it('custom model: reads the pasted config, or says what is wrong with it', () => {
    const ok = parseMemoryState(
      { ...MEMORY_DEFAULTS, model: CUSTOM_MODEL, gpus: '4' },
      JSON.stringify(getModel('llama-3.1-8b').config),
    );
    expect(ok.spec?.numLayers).toBe(32);
    expect(ok.modelName).toBe('Your config.json (llama)');
    expect(ok.errors).toEqual({});
    const missing = parseMemoryState({ ...MEMORY_DEFAULTS, model: CUSTOM_MODEL }, '');
    expect(missing.spec).toBeNull();
    expect(missing.errors.config).toMatch(/^Paste a model's config\.json/);
    expect(missing.contextTokens).toBeNull();
    expect(missing.errors.context).toBeUndefined(); // no model, no context rule: only the config is reported
    const bad = parseMemoryState(
      { ...MEMORY_DEFAULTS, model: CUSTOM_MODEL },
      '{"model_type": "llama", "hidden_size": 4096}',
    );
    expect(bad.errors.config).toMatch(/^num_hidden_layers is required/);
  });
  it('never throws and always resolves the selects to values that exist (random text in every field)', () => {
    fc.assert(
      fc.property(
        fc.record({
          model: fc.string(),
          weights: fc.string(),
          kv: fc.string(),
          context: fc.string(),
          batch: fc.string(),
          gpu: fc.string(),
          gpus: fc.string(),
          util: fc.string(),
          engine: fc.string(),
        }),
        fc.string(),
        (text: MemoryStateText, config) => {
          const s = parseMemoryState(text, config);
          expect(s.model === CUSTOM_MODEL || MODELS.some((m) => m.id === s.model)).toBe(true);
          expect(FORMATS.some((f) => f.id === s.weights)).toBe(true);
          expect(GPUS.some((g) => g.id === s.gpu)).toBe(true);
          expect(['vllm', 'llama.cpp']).toContain(s.engine);
          expect(Number.isInteger(s.gpuCount) && s.gpuCount >= 1 && s.gpuCount <= 8).toBe(true);
          expect(s.batch === null || Number.isInteger(s.batch)).toBe(true);
          expect(s.contextTokens === null || Number.isInteger(s.contextTokens)).toBe(true);
        },
      ),
    );
  });
});

describe('engine and the DeepSeek-V3.2 cache', () => {
  it('reads engine=llama.cpp, and an unknown engine falls back to vLLM with a message', () => {
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, engine: 'llama.cpp' }).engine).toBe('llama.cpp');
    const bad = parseMemoryState({ ...MEMORY_DEFAULTS, engine: 'sglang' });
    expect(bad.engine).toBe('vllm');
    expect(bad.errors.engine).toBe('Unknown engine "sglang"; showing vLLM (V1).');
    // Links made before the engine existed keep their meaning: vLLM.
    expect(parseMemoryState(memoryStateFromQuery('?model=gemma-2-9b')).engine).toBe('vllm');
  });
  it('kv=fp8-deepseek-v3.2 selects the DeepSeek-V3.2 layout', () => {
    const s = parseMemoryState({ ...MEMORY_DEFAULTS, model: 'deepseek-v3', kv: 'fp8-deepseek-v3.2' });
    expect([s.kv, s.kvLayout, s.kvBits]).toEqual(['fp8-deepseek-v3.2', 'deepseek-v3.2-fp8', 8]);
  });
});

describe('memoryStateQuery / memoryStateFromQuery', () => {
  it('writes every key in a fixed order', () => {
    expect(memoryStateQuery(MEMORY_DEFAULTS)).toBe(
      'model=llama-3.1-70b&weights=int4-g128&kv=bf16&context=4096&batch=8&gpu=a100-80gb-sxm&gpus=1&util=0.92&engine=vllm',
    );
  });
  it('round-trips any state (values up to 200 characters)', () => {
    fc.assert(
      fc.property(
        fc.record({
          model: fc.string({ maxLength: 200 }),
          weights: fc.string({ maxLength: 200 }),
          kv: fc.string({ maxLength: 200 }),
          context: fc.string({ maxLength: 200 }),
          batch: fc.string({ maxLength: 200 }),
          gpu: fc.string({ maxLength: 200 }),
          gpus: fc.string({ maxLength: 200 }),
          engine: fc.string({ maxLength: 200 }),
          util: fc.string({ maxLength: 200 }),
        }),
        (text: MemoryStateText) => {
          expect(memoryStateFromQuery(`?${memoryStateQuery(text)}`)).toEqual(text);
        },
      ),
    );
  });
  it('keeps defaults for missing keys, ignores unknown ones, cuts long values', () => {
    const t = memoryStateFromQuery('?batch=64&config=%7B%7D&gpu=' + 'x'.repeat(500));
    expect(t.batch).toBe('64');
    expect(t.model).toBe(MEMORY_DEFAULTS.model);
    expect(t.gpu.length).toBe(200);
    expect('config' in t).toBe(false);
  });
});
