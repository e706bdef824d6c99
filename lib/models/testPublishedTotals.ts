import {
  FALCON_7B_CONFIG,
  GEMMA_3_27B_IT_CONFIG,
  GEMMA_3_4B_IT_CONFIG,
  GLM_4_5_AIR_CONFIG,
  GPT_OSS_120B_CONFIG,
  GPT_OSS_20B_CONFIG,
  KIMI_K2_INSTRUCT_CONFIG,
  LLAMA_4_SCOUT_CONFIG,
  OLMO_2_1124_7B_CONFIG,
  PHI_3_MINI_4K_CONFIG,
  PHI_4_CONFIG,
  QWEN3_30B_A3B_CONFIG,
} from './architectureConfigs';

/**
 * Issue 13's architectures against their published parameter totals: test data for
 * architectures.test.ts and the closing-note table (scripts/issue13-tables.ts).
 *
 * `publishedTotal` is what the publisher or the hub states; `computedExtra` is what the checkpoint
 * holds beyond what `countParams` counts (with `extraNote` saying what), so that
 * countParams(total) + vision + computedExtra is compared with `publishedTotal`, to within
 * `tolerance` (0 = exact; otherwise the publisher's rounding, stated in `source`).
 */
export interface PublishedTotal {
  model: string;
  config: Readonly<Record<string, unknown>>;
  publishedTotal: number;
  /** Relative tolerance: 0 for an exact hub total; half the last printed digit for a rounded card figure. */
  tolerance: number;
  source: string;
  /** Parameters stored in the checkpoint but outside countParams (and its `vision`), e.g. an MTP layer. */
  computedExtra?: number;
  extraNote?: string;
}

// GLM-4.5-Air's next-token-prediction layer (num_nextn_predict_layers 1): one MoE decoder layer 2,341,492,864,
// eh_proj 8,192 × 4,096, three norms 3 × 4,096, its own embed_tokens and shared_head.head 2 × 151,552 × 4,096.
const GLM_AIR_MTP = 2_341_492_864 + 8192 * 4096 + 3 * 4096 + 2 * 151_552 * 4096;

export const PUBLISHED_TOTALS: readonly PublishedTotal[] = [
  {
    model: 'Qwen3-30B-A3B',
    config: QWEN3_30B_A3B_CONFIG,
    publishedTotal: 30_532_122_624,
    tolerance: 0,
    source: 'hub safetensors total (Qwen/Qwen3-30B-A3B)',
  },
  {
    model: 'Gemma-3-4B-it',
    config: GEMMA_3_4B_IT_CONFIG,
    publishedTotal: 4_300_079_472,
    tolerance: 0,
    source: 'hub safetensors total (google/gemma-3-4b-it), text + SigLIP + projector',
  },
  {
    model: 'Gemma-3-27B-it',
    config: GEMMA_3_27B_IT_CONFIG,
    publishedTotal: 27_432_406_640,
    tolerance: 0,
    source: 'hub safetensors total (google/gemma-3-27b-it), text + SigLIP + projector',
  },
  {
    model: 'Llama-4-Scout-17B-16E',
    config: LLAMA_4_SCOUT_CONFIG,
    publishedTotal: 108_641_793_536,
    tolerance: 0,
    source: 'hub safetensors total (meta-llama/Llama-4-Scout-17B-16E-Instruct), text + vision + projector',
  },
  {
    model: 'Phi-3-mini-4k',
    config: PHI_3_MINI_4K_CONFIG,
    publishedTotal: 3_821_079_552,
    tolerance: 0,
    source: 'hub safetensors total (microsoft/Phi-3-mini-4k-instruct)',
  },
  {
    model: 'Phi-4',
    config: PHI_4_CONFIG,
    publishedTotal: 14_659_507_200,
    tolerance: 0,
    source: 'hub safetensors total (microsoft/phi-4)',
  },
  {
    model: 'gpt-oss-120b',
    config: GPT_OSS_120B_CONFIG,
    publishedTotal: 116.83e9,
    tolerance: 0.005e9 / 116.83e9,
    source: 'OpenAI gpt-oss model card, Table 1: 116.83B (2 decimals)',
  },
  {
    model: 'gpt-oss-20b',
    config: GPT_OSS_20B_CONFIG,
    publishedTotal: 20.91e9,
    tolerance: 0.005e9 / 20.91e9,
    source: 'OpenAI gpt-oss model card, Table 1: 20.91B (2 decimals)',
  },
  {
    model: 'GLM-4.5-Air',
    config: GLM_4_5_AIR_CONFIG,
    publishedTotal: 110_468_824_832,
    tolerance: 0,
    source: 'hub safetensors total (zai-org/GLM-4.5-Air)',
    computedExtra: GLM_AIR_MTP,
    extraNote: 'MTP layer',
  },
  {
    model: 'Kimi-K2-Instruct',
    config: KIMI_K2_INSTRUCT_CONFIG,
    publishedTotal: 1_026_408_232_448,
    tolerance: 0,
    source: 'checkpoint logical parameter total (moonshotai/Kimi-K2-Instruct)',
  },
  {
    model: 'OLMo-2-1124-7B',
    config: OLMO_2_1124_7B_CONFIG,
    publishedTotal: 7_298_617_344,
    tolerance: 0,
    source: 'hub safetensors total (allenai/OLMo-2-1124-7B)',
  },
  {
    model: 'Falcon-7B',
    config: FALCON_7B_CONFIG,
    publishedTotal: 7e9,
    tolerance: 0.5e9 / 7e9,
    source: 'model card "7B" only (no exact published total found; hand calculation in architectures.test.ts)',
  },
];
