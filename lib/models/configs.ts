/**
 * Hugging Face `config.json` contents of the catalog models, keys verbatim.
 *
 * Each was read in a public copy of the hub file (the hub itself was not reachable);
 * the copy is named above each object, and catalog.ts records it as a `secondary`
 * source. Where no complete copy was found, the note says which keys come from where.
 * Bookkeeping keys the copy lacked (`transformers_version`, `auto_map`, …) are left out
 * rather than guessed; they do not affect the shape.
 */

type HfConfig = Readonly<Record<string, unknown>>;

const LLAMA3_ROPE_SCALING = {
  factor: 8.0,
  low_freq_factor: 1.0,
  high_freq_factor: 4.0,
  original_max_position_embeddings: 8192,
  rope_type: 'llama3',
} as const;

/** meta-llama/Llama-3.1-8B. Copy: NVIDIA/TensorRT-LLM unit tests (`LLAMA_3_1_8B_CONFIG`), identical in several other repos. */
export const LLAMA_3_1_8B_CONFIG: HfConfig = {
  architectures: ['LlamaForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 128000,
  eos_token_id: 128001,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 14336,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: 'llama',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: LLAMA3_ROPE_SCALING,
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.43.0.dev0',
  use_cache: true,
  vocab_size: 128256,
};

/**
 * meta-llama/Llama-3.1-70B. Shape keys (8192 / 28672 / 64 heads / 80 layers / 8 KV heads /
 * 128,256 vocab / 131,072 context, untied) read in several copies (oumi `configs/recipes/llama3_1/README.md`,
 * GEMM-benchmark configs, the identical-shape Llama-3.3-70B-Instruct config); the other keys
 * follow the 8B file of the same release. `transformers_version` not confirmed, left out.
 */
export const LLAMA_3_1_70B_CONFIG: HfConfig = {
  architectures: ['LlamaForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 128000,
  eos_token_id: 128001,
  hidden_act: 'silu',
  hidden_size: 8192,
  initializer_range: 0.02,
  intermediate_size: 28672,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: 'llama',
  num_attention_heads: 64,
  num_hidden_layers: 80,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: LLAMA3_ROPE_SCALING,
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  use_cache: true,
  vocab_size: 128256,
};

/**
 * meta-llama/Llama-3.1-405B, current revision: 8 KV heads. The first hub release had 16
 * (KV heads duplicated); Meta changed it to 8 in August 2024 (ollama/ollama#6303: "KV heads
 * changed from 16 to 8"; Lightning-AI/litgpt#1942 quotes the HF config's
 * `"num_key_value_heads": 8`). Shape keys read in several copies; other keys as the 8B file.
 */
export const LLAMA_3_1_405B_CONFIG: HfConfig = {
  architectures: ['LlamaForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 128000,
  eos_token_id: 128001,
  hidden_act: 'silu',
  hidden_size: 16384,
  initializer_range: 0.02,
  intermediate_size: 53248,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: 'llama',
  num_attention_heads: 128,
  num_hidden_layers: 126,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: LLAMA3_ROPE_SCALING,
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  use_cache: true,
  vocab_size: 128256,
};

/**
 * meta-llama/Llama-3.3-70B-Instruct. Copies: a config dict in a public benchmarking repo,
 * and a tokenomics write-up quoting the hub file (explicit `head_dim: 128`,
 * eos [128001, 128008, 128009], transformers 4.47.0.dev0). Same shape as Llama-3.1-70B.
 */
export const LLAMA_3_3_70B_INSTRUCT_CONFIG: HfConfig = {
  architectures: ['LlamaForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 128000,
  eos_token_id: [128001, 128008, 128009],
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 8192,
  initializer_range: 0.02,
  intermediate_size: 28672,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: 'llama',
  num_attention_heads: 64,
  num_hidden_layers: 80,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: LLAMA3_ROPE_SCALING,
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.47.0.dev0',
  use_cache: true,
  vocab_size: 128256,
};

/** meta-llama/Llama-2-70b-hf. Copy: Girafboy/pytorchKQI (a dict with `_name_or_path: "meta-llama/Llama-2-70b-hf"`). */
export const LLAMA_2_70B_CONFIG: HfConfig = {
  _name_or_path: 'meta-llama/Llama-2-70b-hf',
  architectures: ['LlamaForCausalLM'],
  bos_token_id: 1,
  eos_token_id: 2,
  hidden_act: 'silu',
  hidden_size: 8192,
  initializer_range: 0.02,
  intermediate_size: 28672,
  max_position_embeddings: 4096,
  model_type: 'llama',
  num_attention_heads: 64,
  num_hidden_layers: 80,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  tie_word_embeddings: false,
  torch_dtype: 'float16',
  transformers_version: '4.32.0.dev0',
  use_cache: true,
  vocab_size: 32000,
};

/** mistralai/Mixtral-8x7B-v0.1 (the Instruct-v0.1 file is identical in shape). Copy: NVIDIA/TensorRT-LLM unit tests (`MIXTRAL_8X7B_CONFIG`). */
export const MIXTRAL_8X7B_CONFIG: HfConfig = {
  architectures: ['MixtralForCausalLM'],
  attention_dropout: 0.0,
  bos_token_id: 1,
  eos_token_id: 2,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 14336,
  max_position_embeddings: 32768,
  model_type: 'mixtral',
  num_attention_heads: 32,
  num_experts_per_tok: 2,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  num_local_experts: 8,
  output_router_logits: false,
  rms_norm_eps: 1e-5,
  rope_theta: 1000000.0,
  router_aux_loss_coef: 0.02,
  sliding_window: null,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.36.0.dev0',
  use_cache: true,
  vocab_size: 32000,
};

/** Qwen/Qwen2.5-72B-Instruct. Copy: a model-report dump of `Qwen2.5-72B-Instruct/config.json` (verbatim). */
export const QWEN2_5_72B_INSTRUCT_CONFIG: HfConfig = {
  architectures: ['Qwen2ForCausalLM'],
  attention_dropout: 0.0,
  bos_token_id: 151643,
  eos_token_id: 151645,
  hidden_act: 'silu',
  hidden_size: 8192,
  initializer_range: 0.02,
  intermediate_size: 29568,
  max_position_embeddings: 32768,
  max_window_layers: 70,
  model_type: 'qwen2',
  num_attention_heads: 64,
  num_hidden_layers: 80,
  num_key_value_heads: 8,
  rms_norm_eps: 1e-6,
  rope_theta: 1000000.0,
  sliding_window: 131072,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.43.1',
  use_cache: true,
  use_sliding_window: false,
  vocab_size: 152064,
};

/** deepseek-ai/DeepSeek-V3. Copy: NVIDIA-NeMo/Megatron-Bridge `tests/unit_tests/models/deepseek/test_deepseek_bridges.py` (`ds_v3_config`). */
export const DEEPSEEK_V3_CONFIG: HfConfig = {
  architectures: ['DeepseekV3ForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  auto_map: {
    AutoConfig: 'configuration_deepseek.DeepseekV3Config',
    AutoModel: 'modeling_deepseek.DeepseekV3Model',
    AutoModelForCausalLM: 'modeling_deepseek.DeepseekV3ForCausalLM',
  },
  bos_token_id: 0,
  eos_token_id: 1,
  ep_size: 1,
  first_k_dense_replace: 3,
  hidden_act: 'silu',
  hidden_size: 7168,
  initializer_range: 0.02,
  intermediate_size: 18432,
  kv_lora_rank: 512,
  max_position_embeddings: 163840,
  model_type: 'deepseek_v3',
  moe_intermediate_size: 2048,
  moe_layer_freq: 1,
  n_group: 8,
  n_routed_experts: 256,
  n_shared_experts: 1,
  norm_topk_prob: true,
  num_attention_heads: 128,
  num_experts_per_tok: 8,
  num_hidden_layers: 61,
  num_key_value_heads: 128,
  num_nextn_predict_layers: 1,
  q_lora_rank: 1536,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  quantization_config: {
    activation_scheme: 'dynamic',
    fmt: 'e4m3',
    quant_method: 'fp8',
    weight_block_size: [128, 128],
  },
  rms_norm_eps: 1e-6,
  rope_scaling: {
    beta_fast: 32,
    beta_slow: 1,
    factor: 40,
    mscale: 1.0,
    mscale_all_dim: 1.0,
    original_max_position_embeddings: 4096,
    type: 'yarn',
  },
  rope_theta: 10000,
  routed_scaling_factor: 2.5,
  scoring_func: 'sigmoid',
  tie_word_embeddings: false,
  topk_group: 4,
  topk_method: 'noaux_tc',
  torch_dtype: 'bfloat16',
  transformers_version: '4.33.1',
  use_cache: true,
  v_head_dim: 128,
  vocab_size: 129280,
};

/**
 * deepseek-ai/DeepSeek-V2-Lite. Copy: a C++ test fixture ("verbatim except for HF bookkeeping
 * keys (use_cache, transformers_version, ...)"); the same values in a second planner fixture
 * of DeepSeek-V2-Lite-Chat.
 */
export const DEEPSEEK_V2_LITE_CONFIG: HfConfig = {
  architectures: ['DeepseekV2ForCausalLM'],
  attention_bias: false,
  aux_loss_alpha: 0.001,
  bos_token_id: 100000,
  eos_token_id: 100001,
  first_k_dense_replace: 1,
  hidden_act: 'silu',
  hidden_size: 2048,
  initializer_range: 0.02,
  intermediate_size: 10944,
  kv_lora_rank: 512,
  max_position_embeddings: 163840,
  model_type: 'deepseek_v2',
  moe_intermediate_size: 1408,
  moe_layer_freq: 1,
  n_group: 1,
  n_routed_experts: 64,
  n_shared_experts: 2,
  norm_topk_prob: false,
  num_attention_heads: 16,
  num_experts_per_tok: 6,
  num_hidden_layers: 27,
  num_key_value_heads: 16,
  q_lora_rank: null,
  qk_nope_head_dim: 128,
  qk_rope_head_dim: 64,
  rms_norm_eps: 1e-6,
  rope_scaling: {
    beta_fast: 32,
    beta_slow: 1,
    factor: 40,
    mscale: 0.707,
    mscale_all_dim: 0.707,
    original_max_position_embeddings: 4096,
    type: 'yarn',
  },
  rope_theta: 10000,
  routed_scaling_factor: 1.0,
  scoring_func: 'softmax',
  seq_aux: true,
  tie_word_embeddings: false,
  topk_group: 1,
  topk_method: 'greedy',
  torch_dtype: 'bfloat16',
  v_head_dim: 128,
  vocab_size: 102400,
};

/**
 * google/gemma-7b. Copies: `GemmaConfig` printouts of google/gemma-7b and gemma-7b-it
 * (the printout's added `hidden_activation` and `_name_or_path` left out). No
 * `tie_word_embeddings` key: GemmaConfig's default, true, applies.
 */
export const GEMMA_7B_CONFIG: HfConfig = {
  architectures: ['GemmaForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 2,
  eos_token_id: 1,
  head_dim: 256,
  hidden_act: 'gelu',
  hidden_size: 3072,
  initializer_range: 0.02,
  intermediate_size: 24576,
  max_position_embeddings: 8192,
  model_type: 'gemma',
  num_attention_heads: 16,
  num_hidden_layers: 28,
  num_key_value_heads: 16,
  pad_token_id: 0,
  rms_norm_eps: 1e-6,
  rope_scaling: null,
  rope_theta: 10000.0,
  torch_dtype: 'bfloat16',
  use_cache: true,
  vocab_size: 256000,
};

/** google/gemma-2-9b. Copy: Girafboy/pytorchKQI (`gemma_2_9b` dict). No `tie_word_embeddings` key: Gemma2Config's default, true. */
export const GEMMA_2_9B_CONFIG: HfConfig = {
  architectures: ['Gemma2ForCausalLM'],
  attention_bias: false,
  attention_dropout: 0.0,
  attn_logit_softcapping: 50.0,
  bos_token_id: 2,
  cache_implementation: 'hybrid',
  eos_token_id: 1,
  final_logit_softcapping: 30.0,
  head_dim: 256,
  hidden_act: 'gelu_pytorch_tanh',
  hidden_activation: 'gelu_pytorch_tanh',
  hidden_size: 3584,
  initializer_range: 0.02,
  intermediate_size: 14336,
  max_position_embeddings: 8192,
  model_type: 'gemma2',
  num_attention_heads: 16,
  num_hidden_layers: 42,
  num_key_value_heads: 8,
  pad_token_id: 0,
  query_pre_attn_scalar: 256,
  rms_norm_eps: 1e-6,
  rope_theta: 10000.0,
  sliding_window: 4096,
  sliding_window_size: 4096,
  torch_dtype: 'float32',
  transformers_version: '4.42.0.dev0',
  use_cache: true,
  vocab_size: 256000,
};
