import type { ModelSpec } from '../models/types';
import type { Bytes, Tokens } from '../units';

/** Bytes per activation element (BF16/FP16 activations). */
export const ACTIVATION_ELEMENT_BYTES = 2;
/** Bytes per logit: vLLM computes the sampler's logits in FP32. */
export const LOGIT_BYTES = 4;
/**
 * Widths of the MLP's live intermediates per token, in units of its intermediate size:
 * the fused gate+up output (2 × I) and the SiLU(gate) · up product (I) coexist
 * until the down projection runs.
 */
export const MLP_LIVE_WIDTHS = 3;

/**
 * Per-token intermediate width of the widest MLP in the model, in elements:
 * dense: `intermediateSize`; MoE: the larger of the dense layers' width and a MoE
 * layer's work per token (top-k routed experts + shared experts).
 *
 * @example widestMlpWidth(llama70b)   // 28672
 * @example widestMlpWidth(mixtral8x7b) // 28672 (2 experts × 14336)
 */
export function widestMlpWidth(spec: ModelSpec): number {
  const mlp = spec.mlp;
  if (mlp.kind === 'dense') return mlp.intermediateSize;
  const moeWidth = mlp.expertsPerToken * mlp.expertIntermediateSize + mlp.numSharedExperts * mlp.sharedExpertIntermediateSize;
  return Math.max(moeWidth, mlp.denseLayers > 0 ? mlp.denseIntermediateSize : 0);
}

/** The pieces of the activation estimate, for a "show the work" panel. */
export interface ActivationEstimate {
  /** Tokens run through the model in the largest step: min(batch × contextTokens, maxBatchedTokens). */
  chunkTokens: Tokens;
  /** Widest MLP intermediate per token, in elements. */
  mlpWidth: number;
  /** chunkTokens × 3 × mlpWidth × 2 B. */
  mlpBytes: Bytes;
  /** Sequences whose next-token logits are computed in one step: min(batch, maxBatchedTokens). */
  logitRows: number;
  /** logitRows × vocab × 4 B. */
  logitsBytes: Bytes;
  /** mlpBytes + logitsBytes. */
  bytes: Bytes;
}

/**
 * An **estimate** of the peak transient workspace of an inference step (not a
 * measurement): the live intermediates of the widest layer for the largest chunk of
 * tokens the scheduler runs at once, plus the FP32 logits of each sequence's last
 * position.
 *
 *     chunkTokens = min(batch × contextTokens, maxBatchedTokens)
 *     bytes       = chunkTokens × 3 × mlpWidth × 2 B  +  min(batch, maxBatchedTokens) × vocab × 4 B
 *
 * With chunked prefill (always on in vLLM V1) a prefill never runs more than
 * `maxBatchedTokens` tokens per step, so the workspace does not grow with context.
 * Attention workspaces (FlashAttention tiles), the residual stream, allocator
 * fragmentation and CUDA-graph pools are not counted; llm-d measured vLLM's whole
 * profiled activation peak at 4.8 GiB for Llama models on H100 (max_model_len 16000,
 * CUDA graphs included; reference/peer-calculators.md §2.3), larger than this
 * tensor-only estimate. Pass `activationBytes` to `estimateMemory` to use a measured figure.
 *
 * @example
 * // Llama-3.1-70B, batch 8 × 4,096 tokens, 2,048-token budget:
 * // 2,048 × 3 × 28,672 × 2 B = 352,321,536 B; 8 × 128,256 × 4 B = 4,104,192 B
 * estimateActivationBytes(llama70b, { batch: 8, contextTokens: 4096, maxBatchedTokens: 2048 }).bytes // 356_425_728
 */
export function estimateActivationBytes(
  spec: ModelSpec,
  { batch, contextTokens, maxBatchedTokens }: { batch: number; contextTokens: Tokens; maxBatchedTokens: Tokens },
): ActivationEstimate {
  const chunkTokens = Math.min(batch * contextTokens, maxBatchedTokens);
  const mlpWidth = widestMlpWidth(spec);
  const mlpBytes = chunkTokens * MLP_LIVE_WIDTHS * mlpWidth * ACTIVATION_ELEMENT_BYTES;
  const logitRows = Math.min(batch, maxBatchedTokens);
  const logitsBytes = logitRows * spec.vocabSize * LOGIT_BYTES;
  return { chunkTokens, mlpWidth, mlpBytes, logitRows, logitsBytes, bytes: mlpBytes + logitsBytes };
}
