import { countParams } from '../models';
import type { ModelSpec } from '../models/types';
import type { Bytes, Params } from '../units';
import type { WeightBytes } from '../sizing';

/**
 * Expected number of distinct routed experts that `tokens` tokens touch in one MoE
 * layer, if each token picks k of E experts uniformly and independently:
 *
 *     E · (1 − (1 − k/E)^tokens)
 *
 * Each expert is missed by one token with probability 1 − k/E, so by all tokens
 * with (1 − k/E)^tokens. Real routers are not uniform (some experts are hot), which
 * touches fewer distinct experts; this is the uniform-routing estimate.
 *
 * @example expectedExpertsTouched(8, 2, 1)  // 2
 * @example expectedExpertsTouched(8, 2, 4)  // 8 · (1 − 0.75⁴) = 5.46875
 */
export function expectedExpertsTouched(numExperts: number, expertsPerToken: number, tokens: number): number {
  if (tokens <= 0) return 0;
  return numExperts * (1 - (1 - expertsPerToken / numExperts) ** tokens);
}

/** Attention FLOPs per (query token × cached token), summed over layers. */
export function attentionFlopsPerTokenPair(spec: ModelSpec, phase: 'prefill' | 'decode'): number {
  const a = spec.attention;
  if (a.kind !== 'mla') {
    // QKᵀ: 2·H·d; softmax·V: 2·H·d  →  4·H·d per layer
    return 2 * spec.numLayers * a.numHeads * (a.headDim + a.headDim);
  }
  if (phase === 'prefill') {
    // K and V decompressed per head: QKᵀ over qk_nope + qk_rope, softmax·V over v_head_dim
    return 2 * spec.numLayers * a.numHeads * (a.qkNopeHeadDim + a.qkRopeHeadDim + a.vHeadDim);
  }
  // Decode with the projections absorbed: QKᵀ over the latent (kv_lora_rank + rope), softmax·V over kv_lora_rank
  return 2 * spec.numLayers * a.numHeads * (a.kvLoraRank + a.qkRopeHeadDim + a.kvLoraRank);
}

/** The weight-dependent pieces of a step's work. @internal */
export interface WeightWork {
  /** Bytes of weights every step reads whatever the batch (everything but the embedding matrix and routed experts). */
  alwaysReadBytes: Bytes;
  /** Bytes of one routed expert of one layer (0 for dense models). */
  bytesPerExpert: Bytes;
  /** MoE layers (0 for dense models). */
  moeLayers: number;
  numExperts: number;
  expertsPerToken: number;
  /** Embedding row gathered per token: hidden × embedding bits / 8. */
  gatherBytesPerToken: Bytes;
  /** Linear-layer parameters each token multiplies (lm_head included, embedding and norms excluded). */
  linearParamsPerToken: Params;
}

/**
 * Splits a model's weights into what each step must read and what it reads per token.
 *
 * - The input embedding is a gather: a step reads one row per token, not the matrix
 *   (unless tied, when the same matrix is read in full as lm_head).
 * - MoE: the routed experts are read only when touched (see {@link expectedExpertsTouched});
 *   attention, shared experts, dense layers, routers and lm_head every step.
 * - FLOPs: 2 per multiply-accumulate of every linear weight a token uses, i.e.
 *   2 × (active params − embedding − norms).
 *
 * @internal
 */
export function weightWork(spec: ModelSpec, weights: WeightBytes): WeightWork {
  const counts = countParams(spec);
  const embeddingReadInFull = spec.tieWordEmbeddings;
  const embeddingBitsPerParam = counts.embedding > 0 ? (weights.embeddingBytes * 8) / counts.embedding : 16;
  const gatherBytesPerToken = (spec.hiddenSize * embeddingBitsPerParam) / 8;

  let bytesPerExpert = 0;
  let moeLayers = 0;
  let numExperts = 0;
  let expertsPerToken = 0;
  if (spec.mlp.kind === 'moe') {
    moeLayers = spec.numLayers - spec.mlp.denseLayers;
    numExperts = spec.mlp.numRoutedExperts;
    expertsPerToken = spec.mlp.expertsPerToken;
    // SwiGLU expert: gate and up (hidden → I) and down (I → hidden)
    bytesPerExpert = (3 * spec.hiddenSize * spec.mlp.expertIntermediateSize * weights.bitsPerWeight) / 8;
  }
  const routedExpertBytes = moeLayers * numExperts * bytesPerExpert;
  const alwaysReadBytes = weights.bytes - (embeddingReadInFull ? 0 : weights.embeddingBytes) - routedExpertBytes;
  const linearParamsPerToken = counts.active - (embeddingReadInFull ? 0 : counts.embedding) - counts.norms;

  return {
    alwaysReadBytes,
    bytesPerExpert,
    moeLayers,
    numExperts,
    expertsPerToken,
    gatherBytesPerToken,
    linearParamsPerToken,
  };
}

/** Weight bytes read by one forward pass over `tokens` tokens. @internal */
export function weightBytesRead(work: WeightWork, tokens: number): Bytes {
  const experts =
    work.moeLayers === 0
      ? 0
      : work.moeLayers * expectedExpertsTouched(work.numExperts, work.expertsPerToken, tokens) * work.bytesPerExpert;
  return work.alwaysReadBytes + experts + tokens * work.gatherBytesPerToken;
}
