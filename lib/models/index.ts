/**
 * Models: parse a Hugging Face config.json into a shape (`parseModelConfig`), count its
 * parameters (`countParams`), size its KV cache (`kvCacheBytesPerToken`,
 * `kvCacheFormula`, `kvCacheBytesPerSequence`), and the catalog of real models
 * (`MODELS`, `getModel`).
 */
export type { Attention, LayerAttention, Mlp, ModelSpec, ParamCounts, VisionParams } from './types';
export { ModelConfigError } from './ModelConfigError';
export {
  CONFIG_LIMITS,
  SUPPORTED_MODEL_TYPES,
  TIE_WORD_EMBEDDINGS_DEFAULT,
  parseModelConfig,
  parseModelConfigText,
  type SupportedModelType,
} from './parseModelConfig';
export { attentionParamsPerLayer, countParams, gatedMlpParams } from './countParams';
export {
  MAX_KV_BITS,
  kvCacheBytesPerSequence,
  kvCacheBytesPerToken,
  kvCacheBytesPerTokenFp8DsMla,
  kvCacheFormula,
  kvCacheFormulaDeepseekV32Fp8,
  DEEPSEEK_V32_INDEX_HEAD_DIM,
  type KvCacheFormula,
} from './kvCache';
export { modelSummary } from './modelSummary';
export { MODELS, getModel, type CatalogModel } from './catalog';
export {
  kvAttendedTokens,
  kvReservationBytesPerSequence,
  kvReservedTokensPerLayer,
  layerAttentionOf,
  type KvEngine,
  type KvReservationOptions,
} from './kvReservation';
