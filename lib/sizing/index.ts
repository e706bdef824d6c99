/**
 * Inference memory sizing: weight bytes per format, KV cache, activation workspace,
 * runtime overhead, and whether (and how far) a configuration fits on a GPU group.
 */
export { weightBytes, ggufFileWeightBytes, HIGH_PRECISION_BITS } from './weightBytes';
export type { WeightBytes } from './weightBytes';
export { estimateMemory } from './estimateMemory';
export type { KvLayoutId, MemoryInput, MemoryEstimate, MemoryTerm } from './estimateMemory';
export {
  estimateActivationBytes,
  widestMlpWidth,
  ACTIVATION_ELEMENT_BYTES,
  LOGIT_BYTES,
  MLP_LIVE_WIDTHS,
} from './activationBytes';
export type { ActivationEstimate } from './activationBytes';
export { fitOnGpu, minGpusToFit, fitVerdict, FIT_VERDICT_WORDS } from './fitOnGpu';
export type { FitInput, FitResult, FitVerdict, MinGpusResult } from './fitOnGpu';
export { kvReplicationFactor } from './kvReplication';
export {
  DEFAULT_OVERHEAD_BYTES_PER_GPU,
  DEFAULT_MAX_BATCHED_TOKENS,
  DEFAULT_MAX_NUM_SEQS,
  DEFAULT_MEMORY_UTILIZATION,
  VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  MAX_CONTEXT_TOKENS,
  MAX_BATCH,
  MAX_GPU_COUNT,
  vllmDefaultMaxBatchedTokens,
} from './defaults';
export {
  cudaTotalBytes,
  NVIDIA_DRIVER_RESERVED_BYTES,
  VLLM_NON_TORCH_BYTES_PER_GPU,
  VLLM_TP_COMM_BYTES_PER_GPU,
  VLLM_SAMPLER_LOGIT_COPIES,
  VLLM_FORWARD_WORKSPACE_FACTOR,
  VLLM_KV_UNCERTAINTY_BYTES_PER_GPU,
  vllmNonTorchBytesPerGpu,
  vllmDefaultMaxNumSeqs,
} from './vllmCalibration';
export { resolveModel, resolveGpu } from './inputs';
export type { ModelRef, GpuRef } from './inputs';
export {
  readVllmLog,
  VLLM_LOG_CORE_QUANTITIES,
  VLLM_LOG_MAX_CHARS,
  VLLM_LOG_MAX_LINE_CHARS,
  VLLM_DEFAULT_BLOCK_SIZE_TOKENS,
} from './vllmLog';
export type { VllmLogQuantity, VllmLogReading, VllmLogSettings, VllmLogValue, VllmLogUnreadable } from './vllmLog';
export { isTensorParallelSize, tensorParallelSizes, tensorParallelSplit } from './tensorParallel';
export type { TensorParallelSplit } from './tensorParallel';
export { weightBudget, maxBitsPerWeightToFit, ggufTypesWithinBudget } from './weightBudget';
export type { WeightBudget, ReservedLoad, GgufFitRow } from './weightBudget';
