import type { Source } from '../hardware/types';
import {
  DEEPSEEK_V2_LITE_CONFIG,
  DEEPSEEK_V3_CONFIG,
  GEMMA_2_9B_CONFIG,
  GEMMA_7B_CONFIG,
  LLAMA_2_70B_CONFIG,
  LLAMA_3_1_405B_CONFIG,
  LLAMA_3_1_70B_CONFIG,
  LLAMA_3_1_8B_CONFIG,
  LLAMA_3_3_70B_INSTRUCT_CONFIG,
  MIXTRAL_8X7B_CONFIG,
  QWEN2_5_72B_INSTRUCT_CONFIG,
} from './configs';
import { parseModelConfig } from './parseModelConfig';
import type { ModelSpec } from './types';

/** A model in the site's catalog: its config as published, the shape parsed from it, and where the figures come from. */
export interface CatalogModel {
  /** Stable id used in URLs and MDX props, e.g. "llama-3.1-70b". */
  id: string;
  /** Display name, e.g. "Llama-3.1-70B". */
  name: string;
  family: 'Llama' | 'Mixtral' | 'Qwen' | 'DeepSeek' | 'Gemma';
  /** Hugging Face repository of the config. */
  hfRepo: string;
  /** The repository's `config.json`, keys verbatim (see configs.ts for the copy each was read in). */
  config: Readonly<Record<string, unknown>>;
  /** `parseModelConfig(config)`. */
  spec: ModelSpec;
  /** The size the publisher quotes, as they word it ("70B"; "671B total, 37B activated"). */
  officialParams?: string;
  /**
   * Total parameters the Hugging Face hub reports for the checkpoint (safetensors
   * metadata), where it counts the same tensors as `countParams` (not DeepSeek-V3, whose
   * checkpoint adds the MTP module and FP8 scale tensors).
   */
  hubParams?: number;
  sources: Source[];
}

type Entry = Omit<CatalogModel, 'spec'>;

/** Source ids refer to lib/sources (SOURCES). */
const TRANSFORMERS_LLAMA: Source = {
  id: 'transformers-modeling-llama',
  note: 'Layer structure: LlamaAttention q/k/v/o, LlamaMLP gate/up/down, two RMSNorms per layer (read in module printouts)',
  status: 'secondary',
};

const ENTRIES: Entry[] = [
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    family: 'Llama',
    hfRepo: 'meta-llama/Llama-3.1-8B',
    config: LLAMA_3_1_8B_CONFIG,
    officialParams: '8B',
    hubParams: 8_030_261_248,
    sources: [
      {
        id: 'hf-config-llama-3.1-8b',
        note: 'config.json, read in copies (NVIDIA/TensorRT-LLM unit tests)',
        status: 'secondary',
      },
      {
        id: 'hf-hub-safetensors-params',
        note: 'meta-llama/Llama-3.1-8B: 8,030,261,248 params (hub metadata quoted with revision in third-party code)',
        status: 'secondary',
      },
      TRANSFORMERS_LLAMA,
    ],
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    family: 'Llama',
    hfRepo: 'meta-llama/Llama-3.1-70B',
    config: LLAMA_3_1_70B_CONFIG,
    officialParams: '70B',
    hubParams: 70_553_706_496,
    sources: [
      {
        id: 'hf-config-llama-3.1-70b',
        note: 'Shape keys read in several copies; remaining keys as the Llama-3.1-8B file (no verbatim copy found)',
        status: 'secondary',
      },
      {
        id: 'hf-hub-safetensors-params',
        note: 'meta-llama/Llama-3.1-70B: 70,553,706,496 params (hub metadata quoted with revision in third-party code)',
        status: 'secondary',
      },
      TRANSFORMERS_LLAMA,
    ],
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama-3.1-405B',
    family: 'Llama',
    hfRepo: 'meta-llama/Llama-3.1-405B',
    config: LLAMA_3_1_405B_CONFIG,
    officialParams: '405B',
    hubParams: 405_853_388_800,
    sources: [
      {
        id: 'hf-config-llama-3.1-405b',
        note: 'Current revision, 8 KV heads; the first release had 16 (ollama/ollama#6303, Lightning-AI/litgpt#1942). Shape keys read in copies',
        status: 'secondary',
      },
      {
        id: 'hf-hub-safetensors-params',
        note: 'meta-llama/Llama-3.1-405B: 405,853,388,800 params (hub metadata quoted with revision in third-party code)',
        status: 'secondary',
      },
      { id: 'gh-ollama-6303', note: '405B update: KV heads changed from 16 to 8', status: 'secondary' },
      { id: 'gh-litgpt-1942', note: 'quotes the HF config.json: "num_key_value_heads": 8', status: 'secondary' },
      { id: 'llama3-herd-2407.21783', note: 'Table 3: 405B has 8 KV heads (not read here)', status: 'unverified' },
      TRANSFORMERS_LLAMA,
    ],
  },
  {
    id: 'llama-3.3-70b-instruct',
    name: 'Llama-3.3-70B-Instruct',
    family: 'Llama',
    hfRepo: 'meta-llama/Llama-3.3-70B-Instruct',
    config: LLAMA_3_3_70B_INSTRUCT_CONFIG,
    officialParams: '70B',
    hubParams: 70_553_706_496,
    sources: [
      {
        id: 'hf-config-llama-3.3-70b-instruct',
        note: 'config.json, read in copies (same shape as Llama-3.1-70B, explicit head_dim 128)',
        status: 'secondary',
      },
      {
        id: 'hf-hub-safetensors-params',
        note: 'meta-llama/Llama-3.3-70B-Instruct: 70,553,706,496 params (third-party catalogs)',
        status: 'secondary',
      },
      TRANSFORMERS_LLAMA,
    ],
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2-70B',
    family: 'Llama',
    hfRepo: 'meta-llama/Llama-2-70b-hf',
    config: LLAMA_2_70B_CONFIG,
    officialParams: '70B',
    hubParams: 68_976_648_192,
    sources: [
      { id: 'hf-config-llama-2-70b', note: 'config.json, read in a copy (Girafboy/pytorchKQI)', status: 'secondary' },
      {
        id: 'hf-hub-safetensors-params',
        note: 'Llama-2-70b(-chat): 68,976,648,192 params (third-party model-size tables)',
        status: 'secondary',
      },
      TRANSFORMERS_LLAMA,
    ],
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral-8x7B',
    family: 'Mixtral',
    hfRepo: 'mistralai/Mixtral-8x7B-v0.1',
    config: MIXTRAL_8X7B_CONFIG,
    officialParams: '46.7B total, 12.9B active',
    hubParams: 46_702_792_704,
    sources: [
      {
        id: 'hf-config-mixtral-8x7b',
        note: 'config.json, read in copies (NVIDIA/TensorRT-LLM unit tests)',
        status: 'secondary',
      },
      {
        id: 'hf-hub-safetensors-params',
        note: 'mistralai/Mixtral-8x7B-Instruct-v0.1: 46,702,792,704 params (third-party model-size tables)',
        status: 'secondary',
      },
      { id: 'mistral-mixtral-of-experts', note: '46.7B total, 12.9B active per token', status: 'unverified' },
      {
        id: 'transformers-modeling-mixtral',
        note: 'MixtralSparseMoeBlock: gate Linear(hidden, experts, bias=False), 8 SwiGLU experts',
        status: 'secondary',
      },
    ],
  },
  {
    id: 'qwen2.5-72b-instruct',
    name: 'Qwen2.5-72B-Instruct',
    family: 'Qwen',
    hfRepo: 'Qwen/Qwen2.5-72B-Instruct',
    config: QWEN2_5_72B_INSTRUCT_CONFIG,
    officialParams: '72.7B (70.0B non-embedding)',
    hubParams: 72_706_203_648,
    sources: [
      { id: 'hf-config-qwen2.5-72b-instruct', note: 'config.json, read in a verbatim dump', status: 'secondary' },
      {
        id: 'hf-hub-safetensors-params',
        note: 'Qwen/Qwen2.5-72B-Instruct: 72,706,203,648 params (keras-hub preset, third-party tables)',
        status: 'secondary',
      },
      { id: 'qwen2.5-72b-model-card', note: '72.7B parameters, 70.0B non-embedding', status: 'unverified' },
      {
        id: 'transformers-modeling-qwen2',
        note: 'Qwen2Attention: q/k/v bias=True, o_proj bias=False',
        status: 'secondary',
      },
    ],
  },
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    family: 'DeepSeek',
    hfRepo: 'deepseek-ai/DeepSeek-V3',
    config: DEEPSEEK_V3_CONFIG,
    officialParams: '671B total, 37B activated',
    sources: [
      {
        id: 'hf-config-deepseek-v3',
        note: 'config.json, read in a copy (NVIDIA-NeMo/Megatron-Bridge test fixture)',
        status: 'secondary',
      },
      {
        id: 'deepseek-v3-inference-model-py',
        note: 'inference/model.py: MLA (wq_a, q_norm, wq_b, wkv_a, kv_norm, wkv_b, wo), Gate weight + bias (dim 7168), MoE, kv_cache/pe_cache buffers (read in a fork)',
        status: 'secondary',
      },
      { id: 'deepseek-v3-report-2412.19437', note: '671B total, 37B activated (not read here)', status: 'unverified' },
      {
        id: 'deepseek-v3-readme-weights',
        note: 'Main model 671B, 36.6B activated incl. 0.9B output head; MTP 11.5B unique (read in a copy)',
        status: 'secondary',
      },
    ],
  },
  {
    id: 'deepseek-v2-lite',
    name: 'DeepSeek-V2-Lite',
    family: 'DeepSeek',
    hfRepo: 'deepseek-ai/DeepSeek-V2-Lite',
    config: DEEPSEEK_V2_LITE_CONFIG,
    officialParams: '15.7B total, 2.4B activated',
    hubParams: 15_706_484_224,
    sources: [
      { id: 'hf-config-deepseek-v2-lite', note: 'config.json, read in copies (test fixtures)', status: 'secondary' },
      {
        id: 'hf-hub-safetensors-params',
        note: 'deepseek-ai/DeepSeek-V2-Lite: 15,706,484,224 params (third-party tables)',
        status: 'secondary',
      },
      {
        id: 'transformers-modeling-deepseek-v2',
        note: 'DeepseekV2Attention (q_proj when q_lora_rank is None), DeepseekV2Moe gate without bias',
        status: 'verified',
      },
      { id: 'deepseek-v2-readme', note: '15.7B total, 2.4B activated', status: 'unverified' },
    ],
  },
  {
    id: 'gemma-7b',
    name: 'Gemma-7B',
    family: 'Gemma',
    hfRepo: 'google/gemma-7b',
    config: GEMMA_7B_CONFIG,
    officialParams: '7B',
    hubParams: 8_537_680_896,
    sources: [
      { id: 'hf-config-gemma-7b', note: 'config.json, read in GemmaConfig printouts', status: 'secondary' },
      { id: 'keras-hub-gemma-presets', note: 'gemma_7b_en params 8,537,680,896', status: 'secondary' },
      {
        id: 'transformers-configuration-gemma',
        note: 'tie_word_embeddings defaults to True; head_dim 256',
        status: 'verified',
      },
    ],
  },
  {
    id: 'gemma-2-9b',
    name: 'Gemma-2-9B',
    family: 'Gemma',
    hfRepo: 'google/gemma-2-9b',
    config: GEMMA_2_9B_CONFIG,
    officialParams: '9B',
    hubParams: 9_241_705_984,
    sources: [
      { id: 'hf-config-gemma-2-9b', note: 'config.json, read in a copy (Girafboy/pytorchKQI)', status: 'secondary' },
      {
        id: 'hf-hub-safetensors-params',
        note: 'google/gemma-2-9b: safetensors total 9,241,705,984 (also keras-hub gemma2_9b_en)',
        status: 'secondary',
      },
      {
        id: 'transformers-modeling-gemma2',
        note: 'Gemma2DecoderLayer: 4 RMSNorms (input, post_attention, pre_feedforward, post_feedforward)',
        status: 'secondary',
      },
    ],
  },
];

/**
 * The catalog: real models with their published `config.json`, the parsed shape and
 * sources. Specs are parsed from the configs when this module loads, so a config the
 * parser rejects fails every import (and the tests) rather than a page.
 *
 * @example
 * MODELS.map((m) => m.id)
 * // ["llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "llama-3.3-70b-instruct", "llama-2-70b",
 * //  "mixtral-8x7b", "qwen2.5-72b-instruct", "deepseek-v3", "deepseek-v2-lite", "gemma-7b", "gemma-2-9b"]
 */
export const MODELS: readonly CatalogModel[] = ENTRIES.map((entry) => ({
  ...entry,
  spec: parseModelConfig(entry.config),
}));

/**
 * The catalog entry with this id.
 *
 * @throws {Error} naming the id and listing the known ids when it is not in the catalog.
 * @example
 * getModel('llama-3.1-70b').spec.numLayers // 80
 * getModel('llama-70b') // throws 'unknown model id "llama-70b"; known ids: llama-3.1-8b, …'
 */
export function getModel(id: string): CatalogModel {
  const entry = MODELS.find((m) => m.id === id);
  if (!entry)
    throw new Error(`unknown model id ${JSON.stringify(id)}; known ids: ${MODELS.map((m) => m.id).join(', ')}`);
  return entry;
}
