/**
 * Hugging Face `config.json` contents of one checkpoint per architecture added for issue 13
 * (Qwen3-MoE, Gemma-3, Llama-4, Phi-3/Phi-4, gpt-oss, GLM-4.5, Kimi-K2, OLMo-2, Falcon), keys
 * verbatim as far as the public copy named above each object shows them. Bookkeeping keys that
 * copy lacked are left out rather than guessed; they do not affect the shape. Used as test
 * fixtures and as configs a learner may paste.
 */

type HfConfig = Readonly<Record<string, unknown>>;

/** Qwen/Qwen3-30B-A3B. Copy: Megatron-Bridge `HF_QWEN3_MOE_TOY_MODEL_CONFIG` (same keys) and a Rust loader test, full size. */
export const QWEN3_30B_A3B_CONFIG: HfConfig = {
  architectures: ['Qwen3MoeForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 151643,
  decoder_sparse_step: 1,
  eos_token_id: 151645,
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 2048,
  initializer_range: 0.02,
  intermediate_size: 6144,
  max_position_embeddings: 40960,
  max_window_layers: 48,
  mlp_only_layers: [],
  model_type: 'qwen3_moe',
  moe_intermediate_size: 768,
  norm_topk_prob: true,
  num_attention_heads: 32,
  num_experts: 128,
  num_experts_per_tok: 8,
  num_hidden_layers: 48,
  num_key_value_heads: 4,
  output_router_logits: false,
  rms_norm_eps: 1e-6,
  rope_scaling: null,
  rope_theta: 1000000.0,
  router_aux_loss_coef: 0.001,
  sliding_window: null,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  use_cache: true,
  use_sliding_window: false,
  vocab_size: 151936,
};

/**
 * google/gemma-3-4b-it (multimodal wrapper). The text_config leaves heads, KV heads, head_dim,
 * vocab and context to Gemma3TextConfig's defaults (8, 4, 256, 262,208, 131,072). Copy: the
 * shape keys as written in transformers' ShieldGemma-2 conversion script (same 4B backbone) and
 * several loaders; vision keys as in the SigLIP block of those copies.
 */
export const GEMMA_3_4B_IT_CONFIG: HfConfig = {
  architectures: ['Gemma3ForConditionalGeneration'],
  boi_token_index: 255999,
  eoi_token_index: 256000,
  eos_token_id: [1, 106],
  image_token_index: 262144,
  initializer_range: 0.02,
  mm_tokens_per_image: 256,
  model_type: 'gemma3',
  text_config: {
    hidden_size: 2560,
    intermediate_size: 10240,
    model_type: 'gemma3_text',
    num_hidden_layers: 34,
    rope_scaling: { factor: 8.0, rope_type: 'linear' },
    sliding_window: 1024,
  },
  torch_dtype: 'bfloat16',
  vision_config: {
    hidden_size: 1152,
    image_size: 896,
    intermediate_size: 4304,
    model_type: 'siglip_vision_model',
    num_attention_heads: 16,
    num_hidden_layers: 27,
    patch_size: 14,
    vision_use_head: false,
  },
};

/** google/gemma-3-27b-it text_config (the vision block is GEMMA_3_4B_IT_CONFIG's). Copy: a PyTorch port's `GEMMA3_27B_TEXT`. */
export const GEMMA_3_27B_IT_CONFIG: HfConfig = {
  architectures: ['Gemma3ForConditionalGeneration'],
  model_type: 'gemma3',
  text_config: {
    head_dim: 128,
    hidden_size: 5376,
    intermediate_size: 21504,
    model_type: 'gemma3_text',
    num_attention_heads: 32,
    num_hidden_layers: 62,
    num_key_value_heads: 16,
    query_pre_attn_scalar: 168,
    rope_scaling: { factor: 8.0, rope_type: 'linear' },
    sliding_window: 1024,
  },
  torch_dtype: 'bfloat16',
  vision_config: GEMMA_3_4B_IT_CONFIG.vision_config,
};

/**
 * meta-llama/Llama-4-Scout-17B-16E, text model (`llama4_text`, as a text-only Llama4ForCausalLM
 * export carries it). Copy: the config pasted in vllm-project/vllm issue "Llama4 always go OOM when
 * using LLama4ForCausalLM" (fine-tuned text-only Scout); heads, vocab and expert keys as in
 * Llama4TextConfig-based loaders of the same checkpoint.
 */
export const LLAMA_4_SCOUT_TEXT_CONFIG: HfConfig = {
  architectures: ['Llama4ForCausalLM'],
  attention_bias: false,
  attention_chunk_size: 8192,
  attention_dropout: 0.0,
  attn_scale: 0.1,
  attn_temperature_tuning: 4,
  bos_token_id: 200000,
  eos_token_id: [200001, 200007, 200008],
  floor_scale: 8192,
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 5120,
  initializer_range: 0.02,
  interleave_moe_layer_step: 1,
  intermediate_size: 8192,
  intermediate_size_mlp: 16384,
  max_position_embeddings: 262144,
  model_type: 'llama4_text',
  moe_layers: Array.from({ length: 48 }, (_, i) => i),
  no_rope_layers: Array.from({ length: 48 }, (_, i) => ((i + 1) % 4 === 0 ? 0 : 1)),
  num_attention_heads: 40,
  num_experts_per_tok: 1,
  num_hidden_layers: 48,
  num_key_value_heads: 8,
  num_local_experts: 16,
  rms_norm_eps: 1e-5,
  tie_word_embeddings: false,
  use_qk_norm: true,
  vocab_size: 202048,
};

/**
 * meta-llama/Llama-4-Scout-17B-16E(-Instruct), the multimodal checkpoint (`llama4`,
 * Llama4ForConditionalGeneration): the text model above as `text_config`, and the `vision_config`
 * verbatim as quoted from the checkpoint in TensorRT-LLM's Llama-4 tests and a public parameter table.
 */
export const LLAMA_4_SCOUT_CONFIG: HfConfig = {
  architectures: ['Llama4ForConditionalGeneration'],
  model_type: 'llama4',
  text_config: LLAMA_4_SCOUT_TEXT_CONFIG,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  vision_config: {
    attention_dropout: 0.0,
    hidden_act: 'gelu',
    hidden_size: 1408,
    image_size: 336,
    initializer_range: 0.02,
    intermediate_size: 5632,
    model_type: 'llama4_vision_model',
    multi_modal_projector_bias: false,
    norm_eps: 1e-5,
    num_attention_heads: 16,
    num_channels: 3,
    num_hidden_layers: 34,
    patch_size: 14,
    pixel_shuffle_ratio: 0.5,
    projector_dropout: 0.0,
    projector_input_dim: 4096,
    projector_output_dim: 4096,
    rope_theta: 10000,
    vision_feature_layer: -1,
    vision_feature_select_strategy: 'default',
    vision_output_dim: 4096,
  },
};

/**
 * microsoft/Phi-3-mini-4k-instruct. No verbatim copy was read: keys as the checkpoint's config.json is
 * widely quoted; the shape keys are confirmed by the count reproducing the hub total exactly.
 */
export const PHI_3_MINI_4K_CONFIG: HfConfig = {
  architectures: ['Phi3ForCausalLM'],
  attention_dropout: 0.0,
  bos_token_id: 1,
  eos_token_id: 32000,
  hidden_act: 'silu',
  hidden_size: 3072,
  initializer_range: 0.02,
  intermediate_size: 8192,
  max_position_embeddings: 4096,
  model_type: 'phi3',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  original_max_position_embeddings: 4096,
  pad_token_id: 32000,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  rope_theta: 10000.0,
  sliding_window: 2047,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  use_cache: true,
  vocab_size: 32064,
};

/** microsoft/phi-4. No verbatim copy read; shape keys confirmed by the count reproducing the hub total exactly (GGUF metadata: 14,659,507,200). */
export const PHI_4_CONFIG: HfConfig = {
  architectures: ['Phi3ForCausalLM'],
  hidden_act: 'silu',
  hidden_size: 5120,
  intermediate_size: 17920,
  max_position_embeddings: 16384,
  model_type: 'phi3',
  num_attention_heads: 40,
  num_hidden_layers: 40,
  num_key_value_heads: 10,
  original_max_position_embeddings: 16384,
  rms_norm_eps: 1e-5,
  rope_theta: 250000,
  sliding_window: null,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  vocab_size: 100352,
};

const GPT_OSS_COMMON = {
  architectures: ['GptOssForCausalLM'],
  attention_bias: true,
  attention_dropout: 0.0,
  eos_token_id: 200002,
  experts_per_token: 4,
  head_dim: 64,
  hidden_act: 'silu',
  hidden_size: 2880,
  initial_context_length: 4096,
  initializer_range: 0.02,
  intermediate_size: 2880,
  max_position_embeddings: 131072,
  model_type: 'gpt_oss',
  num_attention_heads: 64,
  num_experts_per_tok: 4,
  num_key_value_heads: 8,
  output_router_logits: false,
  pad_token_id: 199999,
  quantization_config: {
    modules_to_not_convert: ['model.layers.*.self_attn', 'model.layers.*.mlp.router', 'model.embed_tokens', 'lm_head'],
    quant_method: 'mxfp4',
  },
  rms_norm_eps: 1e-5,
  rope_scaling: {
    beta_fast: 32.0,
    beta_slow: 1.0,
    factor: 32.0,
    original_max_position_embeddings: 4096,
    rope_type: 'yarn',
    truncate: false,
  },
  rope_theta: 150000,
  router_aux_loss_coef: 0.9,
  sliding_window: 128,
  swiglu_limit: 7.0,
  tie_word_embeddings: false,
  use_cache: true,
  vocab_size: 201088,
} as const;

function alternating(layers: number): string[] {
  return Array.from({ length: layers }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention'));
}

/** openai/gpt-oss-120b. Copy: a test that quotes https://huggingface.co/openai/gpt-oss-120b/raw/main/config.json in full. */
export const GPT_OSS_120B_CONFIG: HfConfig = {
  ...GPT_OSS_COMMON,
  layer_types: alternating(36),
  num_hidden_layers: 36,
  num_local_experts: 128,
};

/** openai/gpt-oss-20b. Copy: circuit-tracer's `gpt_oss_config` test fixture. */
export const GPT_OSS_20B_CONFIG: HfConfig = {
  ...GPT_OSS_COMMON,
  layer_types: alternating(24),
  num_hidden_layers: 24,
  num_local_experts: 32,
};

/** zai-org/GLM-4.5-Air. Copy: a `Glm4MoeConfig` printout (ms-swift model docs), transformers 4.54.1. */
export const GLM_4_5_AIR_CONFIG: HfConfig = {
  architectures: ['Glm4MoeForCausalLM'],
  attention_bias: true,
  attention_dropout: 0.0,
  eos_token_id: [151329, 151336, 151338],
  first_k_dense_replace: 1,
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 10944,
  max_position_embeddings: 131072,
  model_type: 'glm4_moe',
  moe_intermediate_size: 1408,
  n_group: 1,
  n_routed_experts: 128,
  n_shared_experts: 1,
  norm_topk_prob: true,
  num_attention_heads: 96,
  num_experts_per_tok: 8,
  num_hidden_layers: 46,
  num_key_value_heads: 8,
  num_nextn_predict_layers: 1,
  pad_token_id: 151329,
  partial_rotary_factor: 0.5,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  rope_theta: 1000000,
  routed_scaling_factor: 1.0,
  tie_word_embeddings: false,
  topk_group: 1,
  torch_dtype: 'bfloat16',
  use_cache: true,
  use_qk_norm: false,
  vocab_size: 151552,
};

/**
 * moonshotai/Kimi-K2-Instruct (DeepseekV3ForCausalLM shape). No verbatim copy read; shape keys confirmed by the
 * count reproducing the checkpoint's logical parameter total exactly. No MTP layer in the checkpoint.
 */
export const KIMI_K2_INSTRUCT_CONFIG: HfConfig = {
  architectures: ['DeepseekV3ForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  first_k_dense_replace: 1,
  hidden_act: 'silu',
  hidden_size: 7168,
  intermediate_size: 18432,
  kv_lora_rank: 512,
  max_position_embeddings: 131072,
  model_type: 'kimi_k2',
  moe_intermediate_size: 2048,
  moe_layer_freq: 1,
  n_group: 1,
  n_routed_experts: 384,
  n_shared_experts: 1,
  norm_topk_prob: true,
  num_attention_heads: 64,
  num_experts_per_tok: 8,
  num_hidden_layers: 61,
  num_key_value_heads: 64,
  num_nextn_predict_layers: 0,
  q_lora_rank: 1536,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  routed_scaling_factor: 2.827,
  scoring_func: 'sigmoid',
  tie_word_embeddings: false,
  topk_group: 1,
  topk_method: 'noaux_tc',
  torch_dtype: 'bfloat16',
  v_head_dim: 128,
  vocab_size: 163840,
};

/** allenai/OLMo-2-1124-7B. No verbatim copy read; shape keys confirmed by the count reproducing the hub total exactly. */
export const OLMO_2_1124_7B_CONFIG: HfConfig = {
  architectures: ['Olmo2ForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 11008,
  max_position_embeddings: 4096,
  model_type: 'olmo2',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  rms_norm_eps: 1e-6,
  rope_scaling: null,
  rope_theta: 500000,
  tie_word_embeddings: false,
  torch_dtype: 'float32',
  use_cache: true,
  vocab_size: 100352,
};

/** tiiuae/falcon-7b. Copy: the RW-era config quoted in a port (same keys; the hub file now says model_type "falcon"). */
export const FALCON_7B_CONFIG: HfConfig = {
  alibi: false,
  architectures: ['FalconForCausalLM'],
  attention_dropout: 0.0,
  bias: false,
  bos_token_id: 11,
  eos_token_id: 11,
  hidden_dropout: 0.0,
  hidden_size: 4544,
  initializer_range: 0.02,
  layer_norm_epsilon: 1e-5,
  model_type: 'falcon',
  multi_query: true,
  n_head: 71,
  n_layer: 32,
  new_decoder_architecture: false,
  parallel_attn: true,
  torch_dtype: 'bfloat16',
  use_cache: true,
  vocab_size: 65024,
};
