import type { ModelSpec } from '../models/types';
import type { Bytes, Tokens } from '../units';
import { VLLM_FORWARD_WORKSPACE_FACTOR, VLLM_SAMPLER_LOGIT_COPIES } from './vllmCalibration';

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
  const moeWidth =
    mlp.expertsPerToken * mlp.expertIntermediateSize + mlp.numSharedExperts * mlp.sharedExpertIntermediateSize;
  return Math.max(moeWidth, mlp.denseLayers > 0 ? mlp.denseIntermediateSize : 0);
}

/** The pieces of the activation estimate, for a "show the work" panel. */
export interface ActivationEstimate {
  /** Tokens of the profiling forward pass: vLLM's `max_num_batched_tokens`. */
  chunkTokens: Tokens;
  /** Widest MLP intermediate per token, in elements. */
  mlpWidth: number;
  /** Forward-pass peak: chunkTokens × 3 × mlpWidth × 2 B × 1.5. */
  mlpBytes: Bytes;
  /** Dummy requests of the sampler warm-up: vLLM's `max_num_seqs`. */
  logitRows: number;
  /** Sampler peak: logitRows × vocab × 4 B × 3.8 live copies. */
  logitsBytes: Bytes;
  /** max(mlpBytes, logitsBytes), on every GPU. */
  bytes: Bytes;
}

/**
 * vLLM's profiled activation peak on **each** GPU ("torch peak memory increase" in its
 * start-up log), as a calibrated estimate. vLLM measures it once, at start-up, with a
 * dummy forward pass of `max_num_batched_tokens` tokens and a sampler warm-up over
 * `max_num_seqs` requests, so it does not depend on the load you plan to serve; the
 * larger of the two is what it reserves:
 *
 *     forward = maxBatchedTokens × 3 × mlpWidth × 2 B × 1.5
 *     sampler = maxNumSeqs × vocab × 4 B × 3.8
 *     bytes   = max(forward, sampler)        (per GPU; not divided by tensor parallelism)
 *
 * The factors 1.5 and 3.8 are {@link VLLM_FORWARD_WORKSPACE_FACTOR} and
 * {@link VLLM_SAMPLER_LOGIT_COPIES}, with their sources. The logged peak is the same at
 * TP 1, 2 and 4 (1.89 GiB for Llama-3.1-8B, 1.96/1.97 GiB for Llama-3.3-70B at TP 2/4),
 * so every GPU pays it in full. Pass `activationBytes` to `estimateMemory` to use a
 * figure read from your own log.
 *
 * @example
 * // Llama-3.1-70B on an H100 (vLLM server defaults 8,192 tokens, 1,024 sequences):
 * // forward 8,192 × 3 × 28,672 × 2 B × 1.5 = 2,113,929,216 B (1.97 GiB)
 * // sampler 1,024 × 128,256 × 4 B × 3.8 = 1,996,278,988.8 B (1.86 GiB)
 * estimateActivationBytes(llama70b, { maxBatchedTokens: 8192, maxNumSeqs: 1024 }).bytes // 2_113_929_216
 */
export function estimateActivationBytes(
  spec: ModelSpec,
  { maxBatchedTokens, maxNumSeqs }: { maxBatchedTokens: Tokens; maxNumSeqs: number },
): ActivationEstimate {
  const mlpWidth = widestMlpWidth(spec);
  const mlpBytes =
    maxBatchedTokens * MLP_LIVE_WIDTHS * mlpWidth * ACTIVATION_ELEMENT_BYTES * VLLM_FORWARD_WORKSPACE_FACTOR;
  const logitsBytes = maxNumSeqs * spec.vocabSize * LOGIT_BYTES * VLLM_SAMPLER_LOGIT_COPIES;
  return {
    chunkTokens: maxBatchedTokens,
    mlpWidth,
    mlpBytes,
    logitRows: maxNumSeqs,
    logitsBytes,
    bytes: Math.max(mlpBytes, logitsBytes),
  };
}
