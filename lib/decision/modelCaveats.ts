/**
 * Model-specific accuracy caveats the checklist must state next to a format.
 *
 * Qin, "The Uniqueness of LLaMA3-70B Series with Per-Channel Quantization", arXiv 2408.15301
 * (abstract): the LLaMA3/3.1-70B series shows an accuracy degradation under W8A8 per-channel
 * post-training quantization that Llama-2-70B, Llama-3/3.1-8B, 405B, Qwen, Mixtral, Mistral, Phi-3 and
 * Falcon do not show; the cause is the weight distribution of a few Transformer blocks; per-group W8A8
 * on fewer than 3% of the layers (or "bi-smoothing") restores FP16-level accuracy. Llama-3.3-70B is
 * not in that study, so it is not listed here.
 */

/** Catalog ids of the models the study found fragile under per-channel INT8 W8A8. */
export const PER_CHANNEL_W8A8_FRAGILE_MODELS: readonly string[] = ['llama-3.1-70b'];

/** True when `modelId` is in {@link PER_CHANNEL_W8A8_FRAGILE_MODELS}. */
export function isPerChannelW8A8Fragile(modelId: string): boolean {
  return PER_CHANNEL_W8A8_FRAGILE_MODELS.includes(modelId);
}

/** The caveat, as one sentence for a reason or an alternative (arXiv 2408.15301, abstract). */
export const PER_CHANNEL_W8A8_CAVEAT =
  'Llama-3/3.1-70B is the exception: it loses accuracy under per-channel INT8 W8A8, because of the weights of a few blocks; use per-group INT8 scales on those layers (under 3% of them), or weight-only W8A16 (INT8, or FP8 through Marlin on Ampere).';
