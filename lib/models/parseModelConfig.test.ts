import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countParams } from './countParams';
import { MODELS, getModel } from './catalog';
import {
  DEEPSEEK_V2_LITE_CONFIG,
  DEEPSEEK_V3_CONFIG,
  GEMMA_2_9B_CONFIG,
  GEMMA_7B_CONFIG,
  LLAMA_2_70B_CONFIG,
  LLAMA_3_1_70B_CONFIG,
  MIXTRAL_8X7B_CONFIG,
  QWEN2_5_72B_INSTRUCT_CONFIG,
} from './configs';
import { ModelConfigError } from './ModelConfigError';
import {
  CONFIG_LIMITS,
  SUPPORTED_MODEL_TYPES,
  TIE_WORD_EMBEDDINGS_DEFAULT,
  parseModelConfig,
  parseModelConfigText,
} from './parseModelConfig';

const without = (config: Readonly<Record<string, unknown>>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(config).filter(([k]) => !keys.includes(k)));

/** Runs `fn`, expecting a ModelConfigError; returns it. */
function configError(fn: () => unknown): ModelConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelConfigError);
    return error as ModelConfigError;
  }
  throw new Error('expected a ModelConfigError, but nothing was thrown');
}

describe('parseModelConfig(json) reads each family', () => {
  test('Llama-3.1-70B: GQA, 8 KV heads, head_dim = 8192 / 64', () => {
    expect(parseModelConfig(LLAMA_3_1_70B_CONFIG)).toEqual({
      modelType: 'llama',
      hiddenSize: 8192,
      numLayers: 80,
      vocabSize: 128256,
      tieWordEmbeddings: false,
      attention: { kind: 'gqa', numHeads: 64, numKvHeads: 8, headDim: 128, qkvBias: false },
      mlp: { kind: 'dense', intermediateSize: 28672 },
      maxContextTokens: 131072,
    });
  });

  test('llama without num_key_value_heads is MHA (LlamaConfig: None ⇒ num_attention_heads)', () => {
    const spec = parseModelConfig(without(LLAMA_2_70B_CONFIG, 'num_key_value_heads'));
    expect(spec.attention).toMatchObject({ kind: 'mha', numHeads: 64, numKvHeads: 64 });
    expect(parseModelConfig({ ...LLAMA_2_70B_CONFIG, num_key_value_heads: null }).attention).toMatchObject({
      kind: 'mha',
    });
  });

  test('one KV head is MQA', () => {
    expect(parseModelConfig({ ...LLAMA_2_70B_CONFIG, num_key_value_heads: 1 }).attention).toMatchObject({
      kind: 'mqa',
      numKvHeads: 1,
    });
  });

  test('llama attention_bias and mlp_bias add biases', () => {
    const spec = parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, attention_bias: true, mlp_bias: true });
    expect(spec.attention).toMatchObject({ qkvBias: true, outputBias: true });
    expect(spec.mlp).toEqual({ kind: 'dense', intermediateSize: 28672, bias: true });
    // 80 layers × (q 8192 + k 1024 + v 1024 + o 8192) + 80 × (2 × 28672 + 8192)
    expect(countParams(spec).total - countParams(getModel('llama-3.1-70b').spec).total).toBe(80 * 18432 + 80 * 65536);
  });

  test('Qwen2.5: q/k/v biases, no output bias, even without attention_bias in the config', () => {
    const spec = parseModelConfig(QWEN2_5_72B_INSTRUCT_CONFIG);
    expect(spec.attention).toEqual({ kind: 'gqa', numHeads: 64, numKvHeads: 8, headDim: 128, qkvBias: true });
    expect(spec.slidingWindow).toBeUndefined(); // use_sliding_window: false
  });

  test('Qwen2 with use_sliding_window: layers from max_window_layers on slide', () => {
    const spec = parseModelConfig({ ...QWEN2_5_72B_INSTRUCT_CONFIG, use_sliding_window: true, sliding_window: 4096 });
    expect(spec.slidingWindow).toEqual({ windowTokens: 4096, numLayers: 10 }); // 80 layers − max_window_layers 70
  });

  test('Gemma-7B: explicit head_dim 256 ≠ 3072 / 16, tied embeddings when the key is absent', () => {
    const spec = parseModelConfig(GEMMA_7B_CONFIG);
    expect(spec.attention).toEqual({ kind: 'mha', numHeads: 16, numKvHeads: 16, headDim: 256, qkvBias: false });
    expect(spec.tieWordEmbeddings).toBe(true);
    expect(parseModelConfig({ ...GEMMA_7B_CONFIG, tie_word_embeddings: false }).tieWordEmbeddings).toBe(false);
    expect(parseModelConfig(without(GEMMA_7B_CONFIG, 'head_dim')).attention).toMatchObject({ headDim: 256 }); // GemmaConfig default
  });

  test('Gemma-2-9B: 4 norms per layer, sliding window on half the layers', () => {
    const spec = parseModelConfig(GEMMA_2_9B_CONFIG);
    expect(spec.normsPerLayer).toBe(4);
    expect(spec.tieWordEmbeddings).toBe(true);
    expect(spec.slidingWindow).toEqual({ windowTokens: 4096, numLayers: 21 });
    expect(spec.attention).toMatchObject({ kind: 'gqa', numKvHeads: 8, headDim: 256 });
  });

  test('Mixtral: 8 experts, top-2, intermediate_size is the expert width', () => {
    expect(parseModelConfig(MIXTRAL_8X7B_CONFIG).mlp).toEqual({
      kind: 'moe',
      numRoutedExperts: 8,
      expertsPerToken: 2,
      expertIntermediateSize: 14336,
      numSharedExperts: 0,
      sharedExpertIntermediateSize: 0,
      denseLayers: 0,
      denseIntermediateSize: 0,
    });
  });

  test('Mistral: sliding_window on every layer when set, none when null', () => {
    const mistral = {
      model_type: 'mistral',
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      intermediate_size: 14336,
      vocab_size: 32000,
      max_position_embeddings: 32768,
      sliding_window: 4096,
    };
    expect(parseModelConfig(mistral).slidingWindow).toEqual({ windowTokens: 4096, numLayers: 32 });
    expect(parseModelConfig({ ...mistral, sliding_window: null }).slidingWindow).toBeUndefined();
  });

  test('DeepSeek-V3: MLA with q compression, 256 + 1 experts, 3 dense layers, correction bias', () => {
    const spec = parseModelConfig(DEEPSEEK_V3_CONFIG);
    expect(spec.attention).toEqual({
      kind: 'mla',
      numHeads: 128,
      kvLoraRank: 512,
      qLoraRank: 1536,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(spec.mlp).toEqual({
      kind: 'moe',
      numRoutedExperts: 256,
      expertsPerToken: 8,
      expertIntermediateSize: 2048,
      numSharedExperts: 1,
      sharedExpertIntermediateSize: 2048,
      denseLayers: 3,
      denseIntermediateSize: 18432,
      routerCorrectionBias: true,
    });
  });

  test('DeepSeek-V2-Lite: q_lora_rank null, greedy router without bias', () => {
    const spec = parseModelConfig(DEEPSEEK_V2_LITE_CONFIG);
    expect(spec.attention).toMatchObject({ kind: 'mla', qLoraRank: null, kvLoraRank: 512 });
    expect(spec.mlp).toMatchObject({
      kind: 'moe',
      numRoutedExperts: 64,
      numSharedExperts: 2,
      expertsPerToken: 6,
      denseLayers: 1,
    });
    expect(spec.mlp).not.toHaveProperty('routerCorrectionBias');
    // DeepSeek's own inference configs write 0 for "no q compression".
    expect(parseModelConfig({ ...DEEPSEEK_V2_LITE_CONFIG, q_lora_rank: 0 }).attention).toMatchObject({
      qLoraRank: null,
    });
  });

  test('DeepSeek topk_method: V3 defaults to noaux_tc (bias), V2 to greedy (none)', () => {
    expect(parseModelConfig(without(DEEPSEEK_V3_CONFIG, 'topk_method')).mlp).toMatchObject({
      routerCorrectionBias: true,
    });
    expect(parseModelConfig({ ...DEEPSEEK_V3_CONFIG, topk_method: 'greedy' }).mlp).not.toHaveProperty(
      'routerCorrectionBias',
    );
    expect(parseModelConfig(without(DEEPSEEK_V2_LITE_CONFIG, 'topk_method')).mlp).not.toHaveProperty(
      'routerCorrectionBias',
    );
  });

  test('DeepSeek with n_routed_experts null is a dense model', () => {
    expect(parseModelConfig({ ...DEEPSEEK_V2_LITE_CONFIG, n_routed_experts: null }).mlp).toEqual({
      kind: 'dense',
      intermediateSize: 10944,
    });
  });

  test('moe_layer_freq 2 makes every other layer after first_k_dense_replace MoE', () => {
    // Layers 1..26 with i % 2 == 0: 2, 4, …, 26 = 13 MoE layers, so 27 − 13 = 14 dense.
    expect(parseModelConfig({ ...DEEPSEEK_V2_LITE_CONFIG, moe_layer_freq: 2 }).mlp).toMatchObject({ denseLayers: 14 });
  });

  test('a multimodal wrapper is read from text_config, field names prefixed', () => {
    const wrapper = {
      architectures: ['Mistral3ForConditionalGeneration'],
      model_type: 'mistral3',
      vision_config: { hidden_size: 1024 },
      text_config: without(LLAMA_3_1_70B_CONFIG, 'tie_word_embeddings'),
      tie_word_embeddings: true,
    };
    const spec = parseModelConfig(wrapper);
    expect(spec.hiddenSize).toBe(8192);
    expect(spec.tieWordEmbeddings).toBe(true); // from the top level
    const error = configError(() =>
      parseModelConfig({ ...wrapper, text_config: without(LLAMA_3_1_70B_CONFIG, 'vocab_size') }),
    );
    expect(error.field).toBe('text_config.vocab_size');
    expect(error.message).toMatch(/^text_config\.vocab_size is required/);
  });

  test('tie_word_embeddings absent: the transformers class default for each model_type', () => {
    expect(TIE_WORD_EMBEDDINGS_DEFAULT).toEqual({
      llama: false,
      mistral: false,
      mixtral: false,
      qwen2: false,
      qwen3: false,
      gemma: true,
      gemma2: true,
      deepseek_v2: false,
      deepseek_v3: false,
      kimi_k2: false,
      qwen3_moe: false,
      gemma3_text: true,
      gemma3: true,
      llama4_text: false,
      llama4: false,
      phi3: false,
      gpt_oss: false,
      glm4_moe: false,
      olmo2: false,
      falcon: true,
    });
    expect(parseModelConfig(without(LLAMA_3_1_70B_CONFIG, 'tie_word_embeddings')).tieWordEmbeddings).toBe(false);
    expect(parseModelConfig(without(QWEN2_5_72B_INSTRUCT_CONFIG, 'tie_word_embeddings')).tieWordEmbeddings).toBe(false);
  });

  test('unknown keys are ignored', () => {
    const spec = parseModelConfig({
      ...LLAMA_3_1_70B_CONFIG,
      my_custom_flag: [1, 2, 3],
      quantization_config: { bits: 4 },
    });
    expect(spec).toEqual(getModel('llama-3.1-70b').spec);
  });
});

describe('parseModelConfig(json) rejects bad input, naming the field', () => {
  test.each([null, undefined, 42, 'config', true, [LLAMA_3_1_70B_CONFIG]])('non-object %j', (input) => {
    const error = configError(() => parseModelConfig(input));
    expect(error.field).toBe('config');
    expect(error.message).toMatch(/^config\.json must be a JSON object/);
  });

  test.each([
    'model_type',
    'hidden_size',
    'num_hidden_layers',
    'num_attention_heads',
    'vocab_size',
    'max_position_embeddings',
    'intermediate_size',
  ])('missing %s', (key) => {
    const error = configError(() => parseModelConfig(without(LLAMA_3_1_70B_CONFIG, key)));
    expect(error.field).toBe(key);
    expect(error.message).toMatch(new RegExp(`^${key} is required`));
  });

  test.each([
    [4096.5, 'hidden_size must be a positive integer (got 4096.5)'],
    ['4096', 'hidden_size must be a positive integer (got "4096")'],
    [0, 'hidden_size must be a positive integer (got 0)'],
    [-8192, 'hidden_size must be a positive integer (got -8192)'],
    [true, 'hidden_size must be a positive integer (got true)'],
    [{ value: 8192 }, 'hidden_size must be a positive integer (got an object)'],
    [2_000_000, "hidden_size must be at most 1,048,576 (got 2,000,000, not a real model's size)"],
  ])('hidden_size %j', (value, message) => {
    const error = configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, hidden_size: value }));
    expect(error.field).toBe('hidden_size');
    expect(error.message).toBe(message);
  });

  test('KV heads that do not divide the heads', () => {
    const error = configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, num_key_value_heads: 7 }));
    expect(error.field).toBe('num_key_value_heads');
    expect(error.message).toBe(
      'num_key_value_heads must be a positive integer dividing num_attention_heads = 64 (got 7)',
    );
    expect(configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, num_key_value_heads: -8 })).message).toBe(
      'num_key_value_heads must be a positive integer dividing num_attention_heads = 64 (got -8)',
    );
  });

  test('Mistral-family configs must state num_key_value_heads (their class default is not MHA)', () => {
    const error = configError(() => parseModelConfig(without(MIXTRAL_8X7B_CONFIG, 'num_key_value_heads')));
    expect(error.field).toBe('num_key_value_heads');
  });

  test('head_dim is required when hidden_size is not a multiple of the heads', () => {
    const error = configError(() =>
      parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, hidden_size: 8000, num_attention_heads: 48, num_key_value_heads: 8 }),
    );
    expect(error.field).toBe('head_dim');
    expect(error.message).toBe(
      'head_dim is required when hidden_size (8,000) is not divisible by num_attention_heads (48)',
    );
  });

  test('unsupported model_type names the nearest supported shape, the fields that matter and the supported list', () => {
    const error = configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, model_type: 'granite' }));
    expect(error.field).toBe('model_type');
    expect(error.message).toBe(
      'model_type "granite" is not supported. The nearest supported shape is "llama": to count it as that, set model_type to "llama" ' +
        'and check the fields that decide the count (hidden_size, num_hidden_layers, num_attention_heads, num_key_value_heads, ' +
        `head_dim, intermediate_size, vocab_size, tie_word_embeddings). Supported: ${SUPPORTED_MODEL_TYPES.join(', ')}`,
    );
  });

  test('unsupported model_type: the nearest shape follows the keys (experts ⇒ MoE, kv_lora_rank ⇒ MLA) or the spelling', () => {
    const moe = configError(() =>
      parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, model_type: 'acme_moe', num_experts: 64 }),
    );
    expect(moe.message).toMatch(/nearest supported shape is "qwen3_moe".*num_experts_per_tok, moe_intermediate_size/);
    const mla = configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, model_type: 'acme', kv_lora_rank: 512 }));
    expect(mla.message).toMatch(/nearest supported shape is "deepseek_v3".*kv_lora_rank, q_lora_rank/);
    expect(configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, model_type: 'qwen2_moe' })).message).toMatch(
      /"qwen3_moe"/,
    );
    expect(configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, model_type: 'mistrall' })).message).toMatch(
      /shape is "mistral"/,
    );
  });

  test('tie_word_embeddings must be a boolean', () => {
    const error = configError(() => parseModelConfig({ ...LLAMA_3_1_70B_CONFIG, tie_word_embeddings: 'yes' }));
    expect(error.field).toBe('tie_word_embeddings');
    expect(error.message).toBe('tie_word_embeddings must be true or false (got "yes")');
  });

  test('more experts per token than experts', () => {
    const error = configError(() => parseModelConfig({ ...MIXTRAL_8X7B_CONFIG, num_experts_per_tok: 9 }));
    expect(error.field).toBe('num_experts_per_tok');
    expect(error.message).toBe(
      'num_experts_per_tok must be a positive integer no larger than num_local_experts = 8 (got 9)',
    );
  });

  test('DeepSeek: q_lora_rank must be present (null allowed), first_k_dense_replace within the layers', () => {
    const missing = configError(() => parseModelConfig(without(DEEPSEEK_V2_LITE_CONFIG, 'q_lora_rank')));
    expect(missing.field).toBe('q_lora_rank');
    expect(missing.message).toMatch(/^q_lora_rank is required/);
    const tooMany = configError(() => parseModelConfig({ ...DEEPSEEK_V3_CONFIG, first_k_dense_replace: 62 }));
    expect(tooMany.field).toBe('first_k_dense_replace');
    expect(tooMany.message).toBe(
      'first_k_dense_replace must be a whole number from 0 to num_hidden_layers = 61 (got 62)',
    );
    const noRank = configError(() => parseModelConfig(without(DEEPSEEK_V3_CONFIG, 'kv_lora_rank')));
    expect(noRank.field).toBe('kv_lora_rank');
  });

  test('text_config that is not an object', () => {
    const error = configError(() => parseModelConfig({ model_type: 'llava', text_config: 'llama' }));
    expect(error.field).toBe('text_config');
  });

  test('a config adding up to more than 10^15 parameters', () => {
    const error = configError(() =>
      parseModelConfig({
        ...LLAMA_3_1_70B_CONFIG,
        hidden_size: 1_048_576,
        intermediate_size: 1_048_576,
        num_hidden_layers: 10_000,
        num_attention_heads: 64,
      }),
    );
    expect(error.field).toBe('config');
    expect(error.message).toMatch(/^config describes 5\.77e\+16 parameters, more than 10\^15/);
    expect(CONFIG_LIMITS.totalParams).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});

describe('parseModelConfigText(text)', () => {
  test('parses the text of a config.json', () => {
    expect(parseModelConfigText(JSON.stringify(LLAMA_3_1_70B_CONFIG, null, 2))).toEqual(getModel('llama-3.1-70b').spec);
  });

  test.each(['{"hidden_size": 8192,}', '', 'model_type: llama', '{"a": NaN}'])('invalid JSON %j', (text) => {
    const error = configError(() => parseModelConfigText(text));
    expect(error.field).toBe('config');
    expect(error.message).toMatch(/^config\.json is not valid JSON: \S/);
  });

  test('valid JSON that is not an object, and non-string input', () => {
    expect(configError(() => parseModelConfigText('[1, 2]')).message).toMatch(/^config\.json must be a JSON object/);
    expect(configError(() => parseModelConfigText(42 as unknown as string)).message).toBe(
      'config.json must be given as text (got 42)',
    );
  });
});

describe('parseModelConfig(json) properties', () => {
  test('every catalog config round-trips to its spec, whatever the key order and extra keys', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.func(fc.integer()),
        fc.dictionary(
          fc.string({ minLength: 1 }).map((k) => `x_${k}`),
          fc.jsonValue(),
          { maxKeys: 5 },
        ),
        (entry, order, extra) => {
          const entries = Object.entries({ ...extra, ...entry.config }).sort(([a], [b]) => order(a) - order(b));
          const shuffled = Object.fromEntries(entries);
          expect(parseModelConfig(shuffled)).toEqual(entry.spec);
          expect(parseModelConfigText(JSON.stringify(shuffled))).toEqual(entry.spec);
        },
      ),
    );
  });

  test('garbage never escapes as anything but a ModelConfigError naming its field', () => {
    const isHandled = (input: unknown) => {
      try {
        const spec = parseModelConfig(input);
        for (const value of Object.values(countParams(spec))) expect(Number.isSafeInteger(value)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(ModelConfigError);
        const { field, message } = error as ModelConfigError;
        expect(field.length).toBeGreaterThan(0);
        expect(message).toContain(field);
      }
    };
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), isHandled), { numRuns: 300 });
    // Real configs with one key deleted or replaced by anything (nested or at the top).
    const keys = [...new Set(MODELS.flatMap((m) => Object.keys(m.config)))];
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.constantFrom(...keys),
        fc.option(fc.oneof(fc.anything(), fc.integer(), fc.double(), fc.constantFrom(...SUPPORTED_MODEL_TYPES)), {
          nil: undefined,
        }),
        fc.boolean(),
        (entry, key, value, nested) => {
          const broken: Record<string, unknown> = { ...entry.config };
          if (value === undefined) delete broken[key];
          else broken[key] = value;
          isHandled(nested ? { model_type: 'wrapper', text_config: broken } : broken);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
