import { countParams } from './countParams';
import { ModelConfigError } from './ModelConfigError';
import type { Attention, LayerAttention, Mlp, ModelSpec, VisionParams } from './types';
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
  'kimi_k2', // DeepseekV3ForCausalLM shape (Kimi-K2)
  'qwen3_moe', // Qwen3MoeForCausalLM (Qwen3-30B-A3B, Qwen3-235B-A22B)
  'gemma3_text', // Gemma3ForCausalLM (Gemma-3 1B, and the text model inside `gemma3`)
  'gemma3', // Gemma3ForConditionalGeneration (text_config + SigLIP vision_config)
  'llama4_text', // Llama4ForCausalLM (the text model inside `llama4`)
  'llama4', // Llama4ForConditionalGeneration (text_config + vision_config)
  'phi3', // Phi3ForCausalLM (Phi-3, Phi-3.5-mini, Phi-4)
  'gpt_oss', // GptOssForCausalLM (gpt-oss-20b, gpt-oss-120b)
  'glm4_moe', // Glm4MoeForCausalLM (GLM-4.5, GLM-4.5-Air)
  'olmo2', // Olmo2ForCausalLM
  'falcon', // FalconForCausalLM (Falcon-7B/40B/180B)
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
  kimi_k2: false,
  qwen3_moe: false,
  gemma3_text: true, // Gemma3TextConfig
  gemma3: true,
  llama4_text: false, // Llama4TextConfig
  llama4: false,
  phi3: false, // Phi3Config
  gpt_oss: false, // GptOssConfig
  glm4_moe: false, // Glm4MoeConfig
  olmo2: false, // Olmo2Config
  falcon: true, // FalconConfig: FalconForCausalLM ties lm_head to word_embeddings
};

/**
 * A `model_type` this module does not know, mapped to the supported shape it resembles
 * (the nearest one to count it as), for the error message.
 */
const NEAREST_SHAPE: Readonly<Record<string, SupportedModelType>> = {
  qwen2_moe: 'qwen3_moe',
  qwen3_next: 'qwen3_moe',
  olmoe: 'qwen3_moe',
  phimoe: 'mixtral',
  minimax: 'mixtral',
  deepseek_v32: 'deepseek_v3',
  glm4: 'llama',
  olmo: 'olmo2',
  granite: 'llama',
  cohere: 'llama',
  cohere2: 'gemma3_text',
  internlm2: 'llama',
  starcoder2: 'llama',
  mistral3: 'mistral',
  gemma3n: 'gemma3_text',
  phi: 'phi3',
  refinedwebmodel: 'falcon',
  refinedweb: 'falcon',
  gpt_neox: 'falcon',
  gpt2: 'falcon',
};

/** The keys that decide a count, named in the unknown-`model_type` message. */
const DENSE_FIELDS =
  'hidden_size, num_hidden_layers, num_attention_heads, num_key_value_heads, head_dim, intermediate_size, vocab_size, tie_word_embeddings';
const MOE_FIELDS =
  'num_experts (or num_local_experts / n_routed_experts), num_experts_per_tok, moe_intermediate_size, shared experts';
const MLA_FIELDS = 'kv_lora_rank, q_lora_rank, qk_nope_head_dim, qk_rope_head_dim, v_head_dim';

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The supported shape nearest to an unknown config: a known relative (NEAREST_SHAPE), else
 * by the keys it has (MLA keys ⇒ deepseek_v3; expert keys ⇒ qwen3_moe or mixtral), else the
 * closest `model_type` by spelling.
 */
export function nearestSupportedShape(
  modelType: string,
  config: Readonly<Record<string, unknown>>,
): SupportedModelType {
  const known = NEAREST_SHAPE[modelType.toLowerCase()];
  if (known) return known;
  if ('kv_lora_rank' in config) return 'deepseek_v3';
  if ('num_local_experts' in config) return 'mixtral';
  if ('num_experts' in config || 'n_routed_experts' in config) return 'qwen3_moe';
  let best: SupportedModelType = 'llama';
  let bestDistance = Infinity;
  for (const candidate of SUPPORTED_MODEL_TYPES) {
    const d = editDistance(modelType.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(modelType.length / 3)) ? best : 'llama';
}

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
      this.fail(
        key,
        options.what
          ? `must be ${what} (got ${show(v)})`
          : `must be at most ${fmt(max)} (got ${show(v)}, not a real model's size)`,
      );
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

function readModelType(r: ConfigReader, config: JsonObject): SupportedModelType {
  const v = r.value('model_type');
  if (v === undefined) r.fail('model_type', `is required, e.g. "llama" (got ${show(v)})`);
  if (typeof v !== 'string') r.fail('model_type', `must be a string such as "llama" (got ${show(v)})`);
  const supported = (SUPPORTED_MODEL_TYPES as readonly string[]).includes(v);
  if (!supported) {
    const nearest = nearestSupportedShape(v, config);
    const fields =
      nearest === 'deepseek_v3' || nearest === 'kimi_k2'
        ? `${DENSE_FIELDS}, ${MLA_FIELDS}, ${MOE_FIELDS}`
        : nearest === 'mixtral' || nearest === 'qwen3_moe' || nearest === 'glm4_moe'
          ? `${DENSE_FIELDS}, ${MOE_FIELDS}`
          : DENSE_FIELDS;
    r.fail(
      'model_type',
      `${show(v)} is not supported. The nearest supported shape is "${nearest}": to count it as that, set model_type to ` +
        `"${nearest}" and check the fields that decide the count (${fields}). Supported: ${SUPPORTED_MODEL_TYPES.join(', ')}`,
    );
  }
  return v as SupportedModelType;
}

/** Default `head_dim` when the config has none: GemmaConfig/Gemma2Config 256, Qwen3Config 128, else hidden / heads. */
function defaultHeadDim(modelType: SupportedModelType, r: ConfigReader, hiddenSize: number, numHeads: number): number {
  if (modelType === 'gemma' || modelType === 'gemma2' || modelType === 'gemma3_text') return 256;
  if (modelType === 'qwen3' || modelType === 'qwen3_moe' || modelType === 'llama4_text') return 128;
  if (hiddenSize % numHeads !== 0) {
    r.fail(
      'head_dim',
      `is required when hidden_size (${fmt(hiddenSize)}) is not divisible by num_attention_heads (${fmt(numHeads)})`,
    );
  }
  return hiddenSize / numHeads;
}

function standardAttention(
  r: ConfigReader,
  modelType: SupportedModelType,
  hiddenSize: number,
  numHeads: number,
): Attention {
  // LlamaConfig and Qwen2Config turn a missing num_key_value_heads into num_attention_heads
  // (MHA). Mistral, Mixtral, Gemma and Qwen3 classes default to a fixed number instead,
  // so for them the key is required rather than guessed.
  const mhaWhenAbsent = modelType === 'llama' || modelType === 'qwen2' || modelType === 'phi3' || modelType === 'olmo2';
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
  } else if (modelType === 'glm4_moe') {
    qkvBias = r.bool('attention_bias', false); // Glm4MoeAttention: q/k/v bias=attention_bias, o_proj bias=False
  } else if (modelType === 'gpt_oss') {
    qkvBias = outputBias = r.bool('attention_bias', true); // GptOssConfig default True: q, k, v and o
  } else if (modelType === 'falcon') {
    qkvBias = outputBias = r.bool('bias', false); // FalconAttention: query_key_value and dense take `bias=config.bias`
  } else if (modelType !== 'mistral' && modelType !== 'mixtral' && modelType !== 'phi3') {
    qkvBias = outputBias = r.bool('attention_bias', false); // q, k, v and o all take `bias=config.attention_bias`
  } // MistralAttention / MixtralAttention / Phi3Attention (fused qkv_proj, o_proj): no biases

  // Per-head q/k RMSNorm: Qwen3, Qwen3-MoE, Gemma-3 always; GLM-4.5 when use_qk_norm. (Llama-4's
  // use_qk_norm is a weightless L2 norm: no parameters.) OLMo-2 norms the whole projections.
  const qkNorm =
    modelType === 'qwen3' ||
    modelType === 'qwen3_moe' ||
    modelType === 'gemma3_text' ||
    (modelType === 'glm4_moe' && r.bool('use_qk_norm', false));
  const kind = numKvHeads === numHeads ? 'mha' : numKvHeads === 1 ? 'mqa' : 'gqa';
  return {
    kind,
    numHeads,
    numKvHeads,
    headDim,
    qkvBias,
    ...(outputBias ? { outputBias } : {}),
    ...(qkNorm ? { qkNorm: true } : {}),
    ...(modelType === 'olmo2' ? { qkNormFull: true } : {}),
    ...(modelType === 'gpt_oss' ? { sinks: true } : {}),
  };
}

function readExperts(
  r: ConfigReader,
  expertsKey: string,
  example: number,
): { numRoutedExperts: number; expertsPerToken: number } {
  const numRoutedExperts = r.int(expertsKey, CONFIG_LIMITS.experts, { example });
  const topKey =
    r.present('num_experts_per_tok') || !r.present('experts_per_token') ? 'num_experts_per_tok' : 'experts_per_token';
  const expertsPerToken = r.int(topKey, numRoutedExperts, {
    what: `a positive integer no larger than ${expertsKey} = ${fmt(numRoutedExperts)}`,
    example: 8,
  });
  return { numRoutedExperts, expertsPerToken };
}

const NO_SHARED = {
  numSharedExperts: 0,
  sharedExpertIntermediateSize: 0,
  denseLayers: 0,
  denseIntermediateSize: 0,
} as const;

/** Reads an optional list of layer indices (`mlp_only_layers`, `moe_layers`), each in [0, numLayers). */
function layerList(r: ConfigReader, key: string, numLayers: number): number[] | undefined {
  const v = r.value(key);
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((i) => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < numLayers)) {
    r.fail(key, `must be a list of layer indices from 0 to ${fmt(numLayers - 1)} (got ${show(v)})`);
  }
  return [...new Set(v as number[])];
}

function standardMlp(r: ConfigReader, modelType: SupportedModelType, numLayers: number, hiddenSize: number): Mlp {
  if (modelType === 'qwen3_moe') {
    // Qwen3MoeDecoderLayer: MoE when layer ∉ mlp_only_layers and (layer + 1) % decoder_sparse_step == 0.
    const step = r.optionalInt('decoder_sparse_step', 1, CONFIG_LIMITS.layers);
    const mlpOnly = new Set(layerList(r, 'mlp_only_layers', numLayers) ?? []);
    let moeLayers = 0;
    for (let i = 0; i < numLayers; i++) if (!mlpOnly.has(i) && (i + 1) % step === 0) moeLayers++;
    const denseLayers = numLayers - moeLayers;
    return {
      kind: 'moe',
      ...readExperts(r, 'num_experts', 128),
      expertIntermediateSize: r.int('moe_intermediate_size', CONFIG_LIMITS.width, { example: 768 }),
      ...NO_SHARED,
      denseLayers,
      denseIntermediateSize: denseLayers > 0 ? r.int('intermediate_size', CONFIG_LIMITS.width, { example: 6144 }) : 0,
    };
  }
  if (modelType === 'gpt_oss') {
    // GptOssMLP: router Linear(hidden, experts, bias=True); experts gate_up_proj [E, hidden, 2·I] and
    // down_proj [E, I, hidden], each with a bias; no shared expert, every layer MoE.
    return {
      kind: 'moe',
      ...readExperts(r, 'num_local_experts', 128),
      expertIntermediateSize: r.int('intermediate_size', CONFIG_LIMITS.width, { example: 2880 }),
      ...NO_SHARED,
      routerBias: true,
      expertBias: true,
    };
  }
  if (modelType === 'llama4_text') {
    // Llama4TextMoe: routed experts and one shared expert, both `intermediate_size` wide; router
    // Linear(hidden, experts, bias=False). Non-MoE layers use Llama4TextMLP of `intermediate_size_mlp`.
    // MoE layers: `moe_layers`, else every interleave_moe_layer_step-th layer from step − 1.
    const step = r.optionalInt('interleave_moe_layer_step', 1, CONFIG_LIMITS.layers);
    const listed = layerList(r, 'moe_layers', numLayers);
    let moeLayers = listed?.length ?? 0;
    if (!listed) for (let i = step - 1; i < numLayers; i += step) moeLayers++;
    const expertIntermediateSize = r.int('intermediate_size', CONFIG_LIMITS.width, { example: 8192 });
    const denseLayers = numLayers - moeLayers;
    return {
      kind: 'moe',
      ...readExperts(r, 'num_local_experts', 16),
      expertIntermediateSize,
      numSharedExperts: 1,
      sharedExpertIntermediateSize: expertIntermediateSize,
      denseLayers,
      denseIntermediateSize:
        denseLayers > 0 ? r.int('intermediate_size_mlp', CONFIG_LIMITS.width, { example: 16384 }) : 0,
    };
  }
  if (modelType === 'falcon') {
    // FalconMLP: dense_h_to_4h, dense_4h_to_h, GELU, bias=config.bias; ffn_hidden_size defaults to 4 · hidden.
    const intermediateSize = r.optionalInt('ffn_hidden_size', 4 * hiddenSize, CONFIG_LIMITS.width);
    const bias = r.bool('bias', false);
    return { kind: 'dense', intermediateSize, gated: false, ...(bias ? { bias } : {}) };
  }
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
  // Phi-3's fused gate_up_proj (hidden → 2 · intermediate) holds the same weights as gate + up.
  const intermediateSize = r.int('intermediate_size', CONFIG_LIMITS.width, { example: 28672 });
  const bias = modelType === 'llama' && r.bool('mlp_bias', false);
  return bias ? { kind: 'dense', intermediateSize, bias } : { kind: 'dense', intermediateSize };
}

/** Per-layer attention read from `layer_types` ("sliding_attention" / "full_attention"), when the config lists it. */
function layerTypes(r: ConfigReader, numLayers: number, windowTokens: () => number): LayerAttention[] | undefined {
  const v = r.value('layer_types');
  if (v === undefined) return undefined;
  const valid = ['sliding_attention', 'full_attention', 'chunked_attention'];
  if (!Array.isArray(v) || v.length !== numLayers || !v.every((t) => typeof t === 'string' && valid.includes(t))) {
    r.fail(
      'layer_types',
      `must list one of "sliding_attention" or "full_attention" for each of the ${fmt(numLayers)} layers (got ${show(v)})`,
    );
  }
  return (v as string[]).map((t) =>
    t === 'full_attention' ? { kind: 'full' } : { kind: 'sliding', windowTokens: windowTokens() },
  );
}

/**
 * Per-layer attention for the models whose layers differ, or undefined when every layer
 * is full or the older single-window rule ({@link slidingWindow}) describes it.
 *
 * - Gemma-3 (`gemma3_text`): `layer_types`, else `sliding_window_pattern` (default 6): layer i
 *   is global when (i + 1) % pattern == 0, else local with `sliding_window` (Gemma3TextConfig
 *   default 4,096; the released 4B/12B/27B configs say 1,024, the 1B 512).
 * - gpt-oss: `layer_types`, else sliding on even layers, full on odd (GptOssConfig), window 128.
 * - Llama-4: `no_rope_layers` (1 = RoPE layer, chunked local attention of `attention_chunk_size`;
 *   0 = NoPE global layer), default every 4th layer global (Llama4TextConfig `nope_layer_interval` 4).
 */
function layerPattern(r: ConfigReader, modelType: SupportedModelType, numLayers: number): LayerAttention[] | undefined {
  if (modelType === 'gemma3_text') {
    let window: number | undefined;
    const w = (): number => (window ??= r.optionalInt('sliding_window', 4096, CONFIG_LIMITS.contextTokens));
    const listed = layerTypes(r, numLayers, w);
    if (listed) return listed;
    const pattern = r.optionalInt('sliding_window_pattern', 6, CONFIG_LIMITS.layers);
    return Array.from({ length: numLayers }, (_, i) =>
      (i + 1) % pattern === 0 ? { kind: 'full' } : { kind: 'sliding', windowTokens: w() },
    );
  }
  if (modelType === 'gpt_oss') {
    let window: number | undefined;
    const w = (): number => (window ??= r.optionalInt('sliding_window', 128, CONFIG_LIMITS.contextTokens));
    return (
      layerTypes(r, numLayers, w) ??
      Array.from({ length: numLayers }, (_, i) =>
        i % 2 === 0 ? { kind: 'sliding', windowTokens: w() } : { kind: 'full' },
      )
    );
  }
  if (modelType === 'llama4_text') {
    if (!r.present('attention_chunk_size')) return undefined; // no chunking: every layer full
    const chunkTokens = r.int('attention_chunk_size', CONFIG_LIMITS.contextTokens);
    const v = r.value('no_rope_layers');
    let ropeLayers: number[];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) {
      ropeLayers = Array.from({ length: numLayers }, (_, i) => ((i + 1) % 4 !== 0 ? 1 : 0));
    } else {
      if (!Array.isArray(v) || v.length !== numLayers || !v.every((x) => x === 0 || x === 1)) {
        r.fail(
          'no_rope_layers',
          `must list 1 (RoPE, chunked) or 0 (NoPE, global) for each of the ${fmt(numLayers)} layers (got ${show(v)})`,
        );
      }
      ropeLayers = v as number[];
    }
    return ropeLayers.map((rope) => (rope === 1 ? { kind: 'chunked', chunkTokens } : { kind: 'full' }));
  }
  return undefined;
}

/** Summarises a per-layer pattern as the older `{ windowTokens, numLayers }` (windowed layers, largest window). */
function summariseWindows(pattern: readonly LayerAttention[], maxContextTokens: number): ModelSpec['slidingWindow'] {
  let numLayers = 0;
  let windowTokens = 0;
  for (const layer of pattern) {
    const w = layer.kind === 'sliding' ? layer.windowTokens : layer.kind === 'chunked' ? layer.chunkTokens : undefined;
    if (w === undefined || w >= maxContextTokens) continue;
    numLayers++;
    windowTokens = Math.max(windowTokens, w);
  }
  return numLayers === 0 ? undefined : { windowTokens, numLayers };
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
  } else if (modelType === 'mistral' || modelType === 'mixtral' || modelType === 'phi3') {
    // Every layer uses the window when one is set (Mistral-7B-v0.1: 4,096; Phi-3-mini-4k: 2,047); null or absent: none.
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
  const denseOnly = (): Mlp => ({
    kind: 'dense',
    intermediateSize: r.int('intermediate_size', CONFIG_LIMITS.width, { example: 18432 }),
  });
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
  const denseIntermediateSize =
    denseLayers > 0 ? r.int('intermediate_size', CONFIG_LIMITS.width, { example: 18432 }) : 0;
  // DeepseekV3Config defaults topk_method to "noaux_tc", whose router stores
  // e_score_correction_bias; V2's "greedy"/"group_limited_greedy" routers have no bias.
  // Kimi-K2 is DeepseekV3ForCausalLM; Glm4MoeTopkRouter always stores the correction bias.
  const v3 = modelType === 'deepseek_v3' || modelType === 'kimi_k2';
  const topkMethod = r.optionalString('topk_method') ?? (v3 ? 'noaux_tc' : 'greedy');
  const routerCorrectionBias = modelType === 'glm4_moe' || (v3 && topkMethod === 'noaux_tc');
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
    throw new ModelConfigError(
      'config',
      `config.json must be a JSON object such as {"model_type": "llama", …} (got ${show(json)})`,
    );
  }
  const root: ConfigReader = new ConfigReader(json, '');
  let r: ConfigReader = root;
  let textObject: JsonObject = json;
  if (!root.present('hidden_size') && root.present('text_config')) {
    const text = root.value('text_config');
    if (!isObject(text))
      root.fail('text_config', `must be an object holding the language model's config (got ${show(text)})`);
    // A wrapper's text_config may leave its model_type out: gemma3 → gemma3_text, llama4 → llama4_text.
    const wrapperType = root.value('model_type');
    const inner = wrapperType === 'gemma3' || wrapperType === 'llama4' ? `${wrapperType}_text` : undefined;
    textObject = inner !== undefined && text.model_type === undefined ? { ...text, model_type: inner } : text;
    r = new ConfigReader(textObject, 'text_config.');
  }

  let modelType = readModelType(r, textObject);
  // A wrapper type with its text keys at the top level reads as its text model.
  if (modelType === 'gemma3') modelType = 'gemma3_text';
  if (modelType === 'llama4') modelType = 'llama4_text';
  if (modelType === 'falcon') [r, textObject] = falconReader(r, textObject);
  // Gemma3TextConfig defaults (configuration_gemma3.py): the released 4B/12B/27B text_config
  // blocks leave heads, head_dim, vocab_size and context to them.
  const gemma3 = modelType === 'gemma3_text';
  const hiddenSize = r.int('hidden_size', CONFIG_LIMITS.width, { example: 8192 });
  const numLayers = r.int('num_hidden_layers', CONFIG_LIMITS.layers, { example: 80 });
  const numHeads =
    gemma3 && !r.present('num_attention_heads')
      ? 8
      : r.int('num_attention_heads', CONFIG_LIMITS.heads, { example: 64 });
  const vocabSize =
    gemma3 && !r.present('vocab_size') ? 262_208 : r.int('vocab_size', CONFIG_LIMITS.vocab, { example: 128256 });
  const maxContextTokens = readContext(r, modelType);
  // Wrappers may keep tie_word_embeddings at the top level rather than in text_config.
  const tieReader = r !== root && !r.present('tie_word_embeddings') ? root : r;
  const tieWordEmbeddings = tieReader.bool('tie_word_embeddings', TIE_WORD_EMBEDDINGS_DEFAULT[modelType]);

  const isMla = modelType === 'deepseek_v2' || modelType === 'deepseek_v3' || modelType === 'kimi_k2';
  const attentionReader =
    gemma3 && !r.present('num_key_value_heads') ? withDefault(r, textObject, 'num_key_value_heads', 4) : r;
  const attention = isMla
    ? deepseekAttention(r, numHeads)
    : standardAttention(attentionReader, modelType, hiddenSize, numHeads);
  const mlp =
    isMla || modelType === 'glm4_moe'
      ? deepseekMlp(r, modelType, numLayers)
      : standardMlp(r, modelType, numLayers, hiddenSize);
  const pattern = isMla ? undefined : layerPattern(r, modelType, numLayers);
  const window = isMla
    ? undefined
    : pattern
      ? summariseWindows(pattern, maxContextTokens)
      : slidingWindow(r, modelType, numLayers, maxContextTokens);
  const vision = r !== root ? visionParams(root, modelType, hiddenSize) : undefined;

  const spec: ModelSpec = {
    modelType,
    hiddenSize,
    numLayers,
    vocabSize,
    tieWordEmbeddings,
    attention,
    mlp,
    maxContextTokens,
    ...(normsPerLayer(r, modelType) !== 2 ? { normsPerLayer: normsPerLayer(r, modelType) } : {}),
    ...(modelType === 'falcon' ? { normBias: true } : {}),
    ...(window ? { slidingWindow: window } : {}),
    ...(pattern && window ? { layerAttention: pattern } : {}),
    ...(vision ? { vision } : {}),
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
 * Falcon configs name their keys the GPT way and encode KV heads in flags (FalconConfig
 * `attribute_map` n_head → num_attention_heads, n_layer → num_hidden_layers; FalconAttention:
 * `new_decoder_architecture` ⇒ `num_kv_heads` K/V heads (default: all heads), else `multi_query`
 * ⇒ 1 (Falcon-7B), else all heads). Returns a reader over the config with the standard keys.
 */
function falconReader(r: ConfigReader, obj: JsonObject): [ConfigReader, JsonObject] {
  const alias = (from: string, to: string): Record<string, unknown> =>
    obj[to] === undefined && obj[from] !== undefined ? { [to]: obj[from] } : {};
  const named: JsonObject = {
    ...obj,
    ...alias('n_head', 'num_attention_heads'),
    ...alias('n_layer', 'num_hidden_layers'),
  };
  const nr = new ConfigReader(named, r.field(''));
  const heads = nr.int('num_attention_heads', CONFIG_LIMITS.heads, { example: 71 });
  const kv = nr.bool('new_decoder_architecture', false)
    ? nr.optionalInt('num_kv_heads', heads, CONFIG_LIMITS.heads)
    : nr.bool('multi_query', true)
      ? 1
      : heads;
  const normalised = { ...named, num_key_value_heads: kv };
  return [new ConfigReader(normalised, r.field('')), normalised];
}

/** A reader that sees `key` as `value` when the config leaves it out (a config class default). */
function withDefault(r: ConfigReader, obj: JsonObject, key: string, value: number): ConfigReader {
  return new ConfigReader({ ...obj, [key]: value }, r.field(''));
}

/**
 * `max_position_embeddings`, or the config class default where the released configs leave
 * it out: Gemma3TextConfig 131,072; FalconConfig 2,048 (Falcon-7B/40B configs have none).
 */
function readContext(r: ConfigReader, modelType: SupportedModelType): number {
  const fallback = modelType === 'gemma3_text' ? 131_072 : modelType === 'falcon' ? 2048 : undefined;
  if (fallback !== undefined && !r.present('max_position_embeddings')) return fallback;
  return r.int('max_position_embeddings', CONFIG_LIMITS.contextTokens, { example: 131072 });
}

/**
 * Hidden-size norms per decoder layer: 4 for Gemma-2/3 (pre and post each sub-block);
 * OLMo-2 2 (post-attention and post-feedforward only); Falcon 1 shared LayerNorm with
 * `parallel_attn` and the old architecture (Falcon-7B), 2 (`ln_attn`, `ln_mlp`) with
 * `new_decoder_architecture` (Falcon-40B/180B, `num_ln_in_parallel_attn` default 2);
 * everyone else 2.
 */
function normsPerLayer(r: ConfigReader, modelType: SupportedModelType): number {
  if (modelType === 'gemma2' || modelType === 'gemma3_text') return 4;
  if (modelType === 'falcon') {
    if (r.bool('new_decoder_architecture', false)) return r.optionalInt('num_ln_in_parallel_attn', 2, 2);
    return r.bool('parallel_attn', true) ? 1 : 2;
  }
  return 2;
}

/**
 * Vision tower and projector of a multimodal wrapper, from its `vision_config`.
 *
 * Gemma-3 (`siglip_vision_model`, transformers `modeling_siglip.py` with `vision_use_head: false`):
 *   patch conv 3·p²·d + d, position embedding (image/p)²·d, per layer 2 LayerNorms (2·2d),
 *   q/k/v/o with biases 4·(d² + d), fc1 d·f + f, fc2 f·d + d; post LayerNorm 2d.
 *   Projector (`Gemma3MultiModalProjector`): d · text_hidden + d (soft-embedding RMSNorm).
 */
function visionParams(root: ConfigReader, modelType: SupportedModelType, textHidden: number): VisionParams | undefined {
  if (modelType === 'llama4_text' && root.present('vision_config')) return llama4VisionParams(root, textHidden);
  if (modelType !== 'gemma3_text' || !root.present('vision_config')) return undefined;
  const raw = root.value('vision_config');
  if (!isObject(raw)) root.fail('vision_config', `must be an object (got ${show(raw)})`);
  const v = new ConfigReader(raw, 'vision_config.');
  const d = v.int('hidden_size', CONFIG_LIMITS.width, { example: 1152 });
  const f = v.int('intermediate_size', CONFIG_LIMITS.width, { example: 4304 });
  const layers = v.int('num_hidden_layers', CONFIG_LIMITS.layers, { example: 27 });
  const patch = v.int('patch_size', 1024, { example: 14 });
  const image = v.int('image_size', 65_536, { example: 896 });
  const channels = v.optionalInt('num_channels', 3, 64);
  if (v.bool('vision_use_head', true) && raw.vision_use_head !== undefined) {
    v.fail('vision_use_head', 'must be false for Gemma-3 (its SigLIP tower has no pooling head)');
  }
  const positions = Math.floor(image / patch) ** 2;
  const embeddings = channels * patch * patch * d + d + positions * d;
  const perLayer = 4 * d + 4 * (d * d + d) + (d * f + f) + (f * d + d);
  return { tower: embeddings + layers * perLayer + 2 * d, projector: d * textHidden + d, kind: 'siglip' };
}

/**
 * Vision tower and projector of a Llama-4 checkpoint (`llama4_vision_model`; transformers
 * `models/llama4/modeling_llama4.py`, `Llama4VisionModel` and `Llama4MultiModalProjector`), d = hidden_size,
 * f = intermediate_size, p = patch_size:
 *
 *   patch_embedding (Llama4UnfoldConvolution, no bias) c·p²·d; class_embedding d;
 *   positional_embedding_vlm ((image/p)² + 1)·d; layernorm_pre and layernorm_post 2·2d;
 *   per layer: q/k/v/o with biases 4·(d² + d), fc1 d·f + f, fc2 f·d + d, two LayerNorms 2·2d;
 *   vision_adapter (pixel-shuffle MLP, no biases) f·projector_input_dim + projector_output_dim²;
 *   projector (multi_modal_projector.linear_1, no bias) vision_output_dim · text_hidden.
 *
 * Scout: 871,932,416, which with the 107,769,861,120 of the text model gives the hub's 108,641,793,536.
 */
function llama4VisionParams(root: ConfigReader, textHidden: number): VisionParams {
  const raw = root.value('vision_config');
  if (!isObject(raw)) root.fail('vision_config', `must be an object (got ${show(raw)})`);
  const v = new ConfigReader(raw, 'vision_config.');
  const d = v.int('hidden_size', CONFIG_LIMITS.width, { example: 1408 });
  const f = v.int('intermediate_size', CONFIG_LIMITS.width, { example: 5632 });
  const layers = v.int('num_hidden_layers', CONFIG_LIMITS.layers, { example: 34 });
  const patch = v.int('patch_size', 1024, { example: 14 });
  const image = v.int('image_size', 65_536, { example: 336 });
  const channels = v.optionalInt('num_channels', 3, 64);
  const adapterIn = v.int('projector_input_dim', CONFIG_LIMITS.width, { example: 4096 });
  const adapterOut = v.int('projector_output_dim', CONFIG_LIMITS.width, { example: 4096 });
  const visionOut = v.int('vision_output_dim', CONFIG_LIMITS.width, { example: 4096 });
  const positions = Math.floor(image / patch) ** 2 + 1;
  const embeddings = channels * patch * patch * d + d + positions * d + 2 * 2 * d;
  const perLayer = 4 * (d * d + d) + (d * f + f) + (f * d + d) + 2 * 2 * d;
  const adapter = f * adapterIn + adapterOut * adapterOut;
  return { tower: embeddings + layers * perLayer + adapter, projector: visionOut * textHidden, kind: 'llama4' };
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
