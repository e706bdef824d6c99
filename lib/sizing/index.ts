/**
 * Inference memory sizing: weight bytes per format, KV cache, activation workspace,
 * runtime overhead, and whether (and how far) a configuration fits on a GPU group.
 */
export { weightBytes, ggufFileWeightBytes, HIGH_PRECISION_BITS } from './weightBytes';
export type { WeightBytes } from './weightBytes';
export { estimateMemory } from './estimateMemory';
export type { MemoryInput, MemoryEstimate, MemoryTerm } from './estimateMemory';
export { estimateActivationBytes, widestMlpWidth, ACTIVATION_ELEMENT_BYTES, LOGIT_BYTES, MLP_LIVE_WIDTHS } from './activationBytes';
export type { ActivationEstimate } from './activationBytes';
export { fitOnGpu, minGpusToFit } from './fitOnGpu';
export type { FitInput, FitResult, MinGpusResult } from './fitOnGpu';
export { kvReplicationFactor } from './kvReplication';
export { kvEffectiveTokens } from './kvTokens';
export {
  DEFAULT_OVERHEAD_BYTES_PER_GPU,
  DEFAULT_MAX_BATCHED_TOKENS,
  DEFAULT_MEMORY_UTILIZATION,
  VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  MAX_CONTEXT_TOKENS,
  MAX_BATCH,
  MAX_GPU_COUNT,
  vllmDefaultMaxBatchedTokens,
} from './defaults';
export { resolveModel, resolveGpu } from './inputs';
export type { ModelRef, GpuRef } from './inputs';
