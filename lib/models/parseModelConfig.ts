import { countParams } from './countParams';
import { ModelConfigError } from './ModelConfigError';
import type { Attention, Mlp, ModelSpec } from './types';
import { groupDigits } from '../units';

/** `model_type` values whose layer structure this module knows (transformers class names in brackets). */
export const SUPPORTED_MODEL_TYPES = [
  'llama', // LlamaForCausalLM (Llama 2, 3, 3.1, 3.3)
  'mistral', // MistralForCausalLM
  'mixtral', // MixtralForCausalLM
  'qwen2', // Qwen2ForCausalLM (Qwen2, Qwen2.5)
  'qwen3', // Qwen3ForCausalLM
  'gemma', // GemmaForCausalLM
  'gemma2', // Gemma2ForCausalLM
  'deepseek_v2', // DeepseekV2ForCausalLM (V2, V2-Lite)
  'deepseek_v3', // DeepseekV3ForCausalLM (V3, R1)
] as const;

export type SupportedModelType = (typeof SUPPORTED_MODEL_TYPES)[number];

/**
 * `tie_word_embeddings` assumed when a config leaves it out: the default of the
 * transformers config class for that `model_type` (LlamaConfig, MistralConfig,
 * MixtralConfig, Qwen2Config, Qwen3Config, DeepseekV2/V3Config: false; GemmaConfig,
 * Gemma2Config: true; read in `configuration_gemma.py`, `configuration_qwen2.py`,
 * `modular_deepseek_v2.py`). Gemma checkpoints rely on it: their config.json has no
 * `tie_word_embeddings` key and no `lm_head.weight` tensor.
 */
export const TIE_WORD_EMBEDDINGS_DEFAULT: Readonly<Record<SupportedModelType, boolean>> = {
  llama: false,
  mistral: false,
  mixtral: false,
  qwen2: false,
  qwen3: false,
  gemma: true,
  gemma2: true,
  deepseek_v2: false,
  deepseek_v3: false,
};

/**
 * Upper bounds past which a config is rejected as not describing a real model
 * (the largest released models are well inside: DeepSeek-V3 hidden 7,168, Llama-3.1-405B
 * 126 layers and 53,248 intermediate, Gemma vocab 256,000).
 */
export const CONFIG_LIMITS = {
  /** hidden_size, intermediate sizes, head dims, LoRA ranks. */
  width: 1_048_576,
  layers: 10_000,
  heads: 65_536,
  vocab: 16_777_216,
  experts: 65_536,
  /** max_position_embeddings and sliding windows: 2^27 tokens. */
  contextTokens: 134_217_728,
  /** 10^15 parameters: far beyond any model, and keeps every count an exact integer (< 2^53). */
  totalParams: 1e15,
} as const;

type JsonObject = Record<string, unknown>;

function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function show(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (typeof x === 'number') return Number.isInteger(x) && Math.abs(x) >= 10_000 ? groupDigits(x) : String(x);
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  return String(x);
}

function fmt(n: number): string {
  return groupDigits(n);
}

/** Reads typed fields of one config object, naming them with `prefix` ("" or "text_config."). */
class ConfigReader {
  constructor(
    private readonly obj: JsonObject,
    private readonly prefix: string,
  ) {}

  field(key: string): string {
    return this.prefix + key;
  }

  /** The value, or undefined when the key is absent (own keys only) or null. */
  value(key: string): unknown {
    if (!Object.prototype.hasOwnProperty.call(this.obj, key)) return undefined;
    const v = this.obj[key];
    return v === null ? undefined : v;
  }

  present(key: string): boolean {
    return this.value(key) !== undefined;
  }

  /** The key exists, even with a null value. */
  hasKey(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key);
  }

  fail(key: string, message: string): never {
    throw new ModelConfigError(this.field(key), `${this.field(key)} ${message}`);
  }

  /** A required integer in [min, max]. `what` describes a valid value for the message. */
  int(key: string, max: number, options: { min?: number; example?: number; what?: string } = {}): number {
    const min = options.min ?? 1;
    const what = options.what ?? (min === 0 ? 'a whole number (0 or more)' : 'a positive integer');
    const v = this.value(key);
    if (v === undefined) {
      const example = options.example === undefined ? '' : `, e.g. ${options.example}`;
      this.fail(key, `is required: ${what}${example} (got ${show(this.rawValue(key))})`);
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) this.fail(key, `must be ${what} (got ${show(v)})`);
    if (v > max) {
      this.fail(key, options.what ? `must be ${what} (got ${show(v)})` : `must be at most ${fmt(max)} (got ${show(v)}, not a real model's size)`);
    }
    return v;
  }

  /** An optional integer in [min, max]: `fallback` when absent or null. */
  optionalInt(key: string, fallback: number, max: number, options: { min?: number; what?: string } = {}): number {
    return this.present(key) ? this.int(key, max, options) : fallback;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.value(key);
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') this.fail(key, `must be true or false (got ${show(v)})`);
    return v;
  }

  optionalString(key: string): string | undefined {
    const v = this.value(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') this.fail(key, `must be a string (got ${show(v)})`);
    return v;
  }

  private rawValue(key: string): unknown {
    return this.hasKey(key) ? this.obj[key] : undefined;
  }
}

function readModelType(r: ConfigReader): SupportedModelType {
  const v = r.value('model_type');
  if (v === undefined) r.fail('model_type', `is required, e.g. "llama" (got ${show(v)})`);
  if (typeof v !== 'string') r.fail('model_type', `must be a string such as "llama" (got ${show(v)})`);
  const supported = (SUPPORTED_MODEL_TYPES as readonly string[]).includes(v);
  if (!supported) r.fail('model_type', `${show(v)} is not supported; supported: ${SUPPORTED_MODEL_TYPES.join(', ')}`);
  return v as SupportedModelType;
}

/** Default `head_dim` when the config has none: GemmaConfig/Gemma2Config 256, Qwen3Config 128, else hidden / heads. */
function defaultHeadDim(modelType: SupportedModelType, r: ConfigReader, hiddenSize: number, numHeads: number): number {
  if (modelType === 'gemma' || modelType === 'gemma2') return 256;
  if (modelType === 'qwen3') return 128;
  if (hiddenSize % numHeads !== 0) {
    r.fail('head_dim', `is required when hidden_size (${fmt(hiddenSize)}) is not divisible by num_attention_heads (${fmt(numHeads)})`);
  }
  return hiddenSize / numHeads;
}

function standardAttention(r: ConfigReader, modelType: SupportedModelType, hiddenSize: number, numHeads: number): Attention {
  // LlamaConfig and Qwen2Config turn a missing num_key_value_heads into num_attention_heads
  // (MHA). Mistral, Mixtral, Gemma and Qwen3 classes default to a fixed number instead,
  // so for them the key is required rather than guessed.
  const mhaWhenAbsent = modelType === 'llama' || modelType === 'qwen2';
  const kvWhat = `a positive integer dividing num_attention_heads = ${fmt(numHeads)}`;
  const numKvHeads =
    mhaWhenAbsent && !r.present('num_key_value_heads')
      ? numHeads
      : r.int('num_key_value_heads', CONFIG_LIMITS.heads, { what: kvWhat, example: 8 });
  if (numHeads % numKvHeads !== 0) r.fail('num_key_value_heads', `must be ${kvWhat} (got ${fmt(numKvHeads)})`);

  const headDim = r.present('head_dim')
    ? r.int('head_dim', CONFIG_LIMITS.width)
    : defaultHeadDim(modelType, r, hiddenSize, numHeads);

  let qkvBias = false;
  let outputBias = false;
  if (modelType === 'qwen2') {
    qkvBias = true; // Qwen2Attention: q/k/v bias=True, o_proj bias=False, whatever the config says
  } else if (modelType === 'llama' || modelType === 'gemma' || modelType === 'gemma2' || modelType === 'qwen3') {
    qkvBias = outputBias = r.bool('attention_bias', false); // q, k, v and o all take `bias=config.attention_bias`
  } // MistralAttention / MixtralAttention: no biases

  const kind = numKvHeads === numHeads ? 'mha' : numKvHeads === 1 ? 'mqa' : 'gqa';
  return {
    kind,
    numHeads,
    numKvHeads,
    headDim,
    qkvBias,
    ...(outputBias ? { outputBias } : {}),
    ...(modelType === 'qwen3' ? { qkNorm: true } : {}),
  };
}

function standardMlp(r: ConfigReader, modelType: SupportedModelType): Mlp {
  if (modelType === 'mixtral') {
    const numRoutedExperts = r.int('num_local_experts', CONFIG_LIMITS.experts, { example: 8 });
    const expertsPerToken = r.int('num_experts_per_tok', numRoutedExperts, {
      what: `a positive integer no larger than num_local_experts = ${fmt(numRoutedExperts)}`,
      example: 2,
    });
    return {
      kind: 'moe',
      numRoutedExperts,
      expertsPerToken,
      expertIntermediateSize: r.int('intermediate_size', CONFIG_LIMITS.width, { example: 14336 }),
      numSharedExperts: 0,
      sharedExpertIntermediateSize: 0,
      denseLayers: 0,
      denseIntermediateSize: 0,
    };
  }
  const intermediateSize = r.int('intermediate_size', CONFIG_LIMITS.width, { example: 28672 });
  const bias = modelType === 'llama' && r.bool('mlp_bias', false);
  return bias ? { kind: 'dense', intermediateSize, bias } : { kind: 'dense', intermediateSize };
}

function slidingWindow(
  r: ConfigReader,
  modelType: SupportedModelType,
  numLayers: number,
  maxContextTokens: number,
): ModelSpec['slidingWindow'] {
  let windowTokens: number | undefined;
  let numSlidingLayers = 0;
  if (modelType === 'gemma2') {
    // Gemma2 alternates sliding (even layer index) and global layers; Gemma2Config's
    // default window is 4,096 when the key is absent.
    windowTokens = r.optionalInt('sliding_window', 4096, CONFIG_LIMITS.contextTokens);
    numSlidingLayers = Math.ceil(numLayers / 2);
  } else if (modelType === 'mistral' || modelType === 'mixtral') {
    // Every layer uses the window when one is set (Mistral-7B-v0.1: 4,096); null or absent: none.
    if (r.present('sliding_window')) {
      windowTokens = r.int('sliding_window', CONFIG_LIMITS.contextTokens);
      numSlidingLayers = numLayers;
    }
  } else if ((modelType === 'qwen2' || modelType === 'qwen3') && r.bool('use_sliding_window', false)) {
    // Qwen2Config: layers with index ≥ max_window_layers slide.
    windowTokens = r.int('sliding_window', CONFIG_LIMITS.contextTokens);
    const fullLayers = r.optionalInt('max_window_layers', 28, CONFIG_LIMITS.layers, { min: 0 });
    numSlidingLayers = Math.max(0, numLayers - fullLayers);
  }
  if (windowTokens === undefined || numSlidingLayers === 0 || windowTokens >= maxContextTokens) return undefined;
  return { windowTokens, numLayers: numSlidingLayers };
}

function deepseekAttention(r: ConfigReader, numHeads: number): Attention {
  // q_lora_rank must be given: the config classes default it to 1536, but V2-Lite has
  // none (null), and DeepSeek's own inference configs write 0 for none.
  const qLoraRank = readQLoraRank(r, 'a positive integer, or null/0 for no query compression');
  const bias = r.bool('attention_bias', false);
  return {
    kind: 'mla',
    numHeads,
    kvLoraRank: r.int('kv_lora_rank', CONFIG_LIMITS.width, { example: 512 }),
    qLoraRank,
    qkNopeHeadDim: r.int('qk_nope_head_dim', CONFIG_LIMITS.width, { example: 128 }),
    qkRopeHeadDim: r.int('qk_rope_head_dim', CONFIG_LIMITS.width, { example: 64 }),
    vHeadDim: r.int('v_head_dim', CONFIG_LIMITS.width, { example: 128 }),
    ...(bias ? { bias } : {}),
  };
}

function readQLoraRank(r: ConfigReader, what: string): number | null {
  if (!r.hasKey('q_lora_rank')) r.fail('q_lora_rank', `is required: ${what} (got nothing)`);
  if (!r.present('q_lora_rank')) return null;
  const rank = r.int('q_lora_rank', CONFIG_LIMITS.width, { min: 0, what });
  return rank === 0 ? null : rank;
}

function deepseekMlp(r: ConfigReader, modelType: SupportedModelType, numLayers: number): Mlp {
  if (!r.hasKey('n_routed_experts')) {
    r.fail('n_routed_experts', 'is required: a positive integer, or null for a model without experts (got nothing)');
  }
  const firstDense = r.optionalInt('first_k_dense_replace', 0, numLayers, {
    min: 0,
    what: `a whole number from 0 to num_hidden_layers = ${fmt(numLayers)}`,
  });
  const moeLayerFreq = r.optionalInt('moe_layer_freq', 1, CONFIG_LIMITS.layers);
  const denseOnly = (): Mlp => ({ kind: 'dense', intermediateSize: r.int('intermediate_size', CONFIG_LIMITS.width, { example: 18432 }) });
  if (!r.present('n_routed_experts')) return denseOnly();
  const numRoutedExperts = r.int('n_routed_experts', CONFIG_LIMITS.experts, { example: 256 });

  // modeling_deepseek.py: layer i is MoE when i >= first_k_dense_replace and i % moe_layer_freq == 0.
  let moeLayers = 0;
  for (let i = firstDense; i < numLayers; i++) if (i % moeLayerFreq === 0) moeLayers++;
  if (moeLayers === 0) return denseOnly();
  const denseLayers = numLayers - moeLayers;

  const expertsPerToken = r.int('num_experts_per_tok', numRoutedExperts, {
    what: `a positive integer no larger than n_routed_experts = ${fmt(numRoutedExperts)}`,
    example: 8,
  });
  const expertIntermediateSize = r.int('moe_intermediate_size', CONFIG_LIMITS.width, { example: 2048 });
  const numSharedExperts = r.optionalInt('n_shared_experts', 0, CONFIG_LIMITS.experts, { min: 0 });
  const denseIntermediateSize = denseLayers > 0 ? r.int('intermediate_size', CONFIG_LIMITS.width, { example: 18432 }) : 0;
  // DeepseekV3Config defaults topk_method to "noaux_tc", whose router stores
  // e_score_correction_bias; V2's "greedy"/"group_limited_greedy" routers have no bias.
  const topkMethod = r.optionalString('topk_method') ?? (modelType === 'deepseek_v3' ? 'noaux_tc' : 'greedy');
  const routerCorrectionBias = modelType === 'deepseek_v3' && topkMethod === 'noaux_tc';
  return {
    kind: 'moe',
    numRoutedExperts,
    expertsPerToken,
    expertIntermediateSize,
    numSharedExperts,
    sharedExpertIntermediateSize: expertIntermediateSize, // each shared expert is moe_intermediate_size wide
    denseLayers,
    denseIntermediateSize,
    ...(routerCorrectionBias ? { routerCorrectionBias } : {}),
  };
}

/**
 * Validates a Hugging Face `config.json` object and returns the model's shape.
 *
 * Reads `model_type` (one of {@link SUPPORTED_MODEL_TYPES}), `hidden_size`,
 * `num_hidden_layers`, `num_attention_heads`, `num_key_value_heads` (absent ⇒ MHA for
 * llama/qwen2, as LlamaConfig/Qwen2Config do), `head_dim` (absent ⇒ hidden / heads;
 * Gemma 256, Qwen3 128, the class defaults), `vocab_size`, `max_position_embeddings`,
 * `tie_word_embeddings` (absent ⇒ {@link TIE_WORD_EMBEDDINGS_DEFAULT}), `intermediate_size`,
 * the MoE keys (Mixtral `num_local_experts`/`num_experts_per_tok`; DeepSeek
 * `n_routed_experts`, `n_shared_experts`, `moe_intermediate_size`, `num_experts_per_tok`,
 * `first_k_dense_replace`, `moe_layer_freq`, `topk_method`), the MLA keys (`kv_lora_rank`,
 * `q_lora_rank`, `qk_nope_head_dim`, `qk_rope_head_dim`, `v_head_dim`), the bias keys
 * (`attention_bias`, `mlp_bias`; Qwen2 always has q/k/v biases) and sliding windows.
 * Unknown keys are ignored. A multimodal wrapper whose text model sits in `text_config`
 * (and has no top-level `hidden_size`) is read from there.
 *
 * @throws {ModelConfigError} naming the offending key (`error.field`) when the input is
 *   not an object, a required key is missing, a size is not a positive integer or is
 *   absurdly large (> {@link CONFIG_LIMITS}), the KV heads do not divide the heads, or the
 *   `model_type` is not supported.
 * @example
 * parseModelConfig({ model_type: 'llama', hidden_size: 8192, num_hidden_layers: 80,
 *   num_attention_heads: 64, num_key_value_heads: 8, intermediate_size: 28672,
 *   vocab_size: 128256, max_position_embeddings: 131072 }).attention
 * // { kind: 'gqa', numHeads: 64, numKvHeads: 8, headDim: 128, qkvBias: false }
 * parseModelConfig({ model_type: 'llama', num_key_value_heads: 7, … })
 * // throws "num_key_value_heads must be a positive integer dividing num_attention_heads = 64 (got 7)"
 */
export function parseModelConfig(json: unknown): ModelSpec {
  if (!isObject(json)) {
    throw new ModelConfigError('config', `config.json must be a JSON object such as {"model_type": "llama", …} (got ${show(json)})`);
  }
  const root: ConfigReader = new ConfigReader(json, '');
  let r: ConfigReader = root;
  if (!root.present('hidden_size') && root.present('text_config')) {
    const text = root.value('text_config');
    if (!isObject(text)) root.fail('text_config', `must be an object holding the language model's config (got ${show(text)})`);
    r = new ConfigReader(text, 'text_config.');
  }

  const modelType = readModelType(r);
  const hiddenSize = r.int('hidden_size', CONFIG_LIMITS.width, { example: 8192 });
  const numLayers = r.int('num_hidden_layers', CONFIG_LIMITS.layers, { example: 80 });
  const numHeads = r.int('num_attention_heads', CONFIG_LIMITS.heads, { example: 64 });
  const vocabSize = r.int('vocab_size', CONFIG_LIMITS.vocab, { example: 128256 });
  const maxContextTokens = r.int('max_position_embeddings', CONFIG_LIMITS.contextTokens, { example: 131072 });
  // Wrappers may keep tie_word_embeddings at the top level rather than in text_config.
  const tieReader = r !== root && !r.present('tie_word_embeddings') ? root : r;
  const tieWordEmbeddings = tieReader.bool('tie_word_embeddings', TIE_WORD_EMBEDDINGS_DEFAULT[modelType]);

  const isDeepseek = modelType === 'deepseek_v2' || modelType === 'deepseek_v3';
  const attention = isDeepseek ? deepseekAttention(r, numHeads) : standardAttention(r, modelType, hiddenSize, numHeads);
  const mlp = isDeepseek ? deepseekMlp(r, modelType, numLayers) : standardMlp(r, modelType);
  const window = isDeepseek ? undefined : slidingWindow(r, modelType, numLayers, maxContextTokens);

  const spec: ModelSpec = {
    modelType,
    hiddenSize,
    numLayers,
    vocabSize,
    tieWordEmbeddings,
    attention,
    mlp,
    maxContextTokens,
    ...(modelType === 'gemma2' ? { normsPerLayer: 4 } : {}),
    ...(window ? { slidingWindow: window } : {}),
  };

  const total = countParams(spec).total;
  if (!(total <= CONFIG_LIMITS.totalParams)) {
    throw new ModelConfigError(
      'config',
      `config describes ${total.toExponential(2)} parameters, more than 10^15 (no real model): check hidden_size, intermediate_size, vocab_size and num_hidden_layers`,
    );
  }
  return spec;
}

/**
 * Parses the text of a `config.json` file, then validates it with {@link parseModelConfig}.
 *
 * @throws {ModelConfigError} with field "config" and message
 *   "config.json is not valid JSON: <reason>" when the text does not parse; otherwise as
 *   {@link parseModelConfig}.
 * @example
 * parseModelConfigText('{"model_type": "llama", …}').numLayers // 80
 * parseModelConfigText('{"hidden_size": 8192,}')
 * // throws "config.json is not valid JSON: Expected double-quoted property name …"
 */
export function parseModelConfigText(text: string): ModelSpec {
  if (typeof text !== 'string') {
    throw new ModelConfigError('config', `config.json must be given as text (got ${show(text)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelConfigError('config', `config.json is not valid JSON: ${(error as Error).message}`);
  }
  return parseModelConfig(json);
}
