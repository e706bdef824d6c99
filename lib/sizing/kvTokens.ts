import type { ModelSpec } from '../models/types';
import type { Tokens } from '../units';

/**
 * Cached tokens per sequence, counted as if every layer cached every token: sliding-
 * window layers keep at most `windowTokens` tokens, the rest the whole context.
 *
 *     effective = ((L − Lw) × context + Lw × min(context, window)) / L
 *
 * Multiply by the full-model KV bytes per token (which assume every layer caches the
 * token) to get the bytes of one sequence. Equal to `contextTokens` for models
 * without sliding-window layers. Assumes every layer caches the same width per token.
 * The same count gives the tokens a decode step attends to.
 *
 * Source: Gemma-2 (every other layer, 4,096-token window) and Mistral-7B-v0.1
 * (all layers, 4,096) per lib/models `ModelSpec.slidingWindow`; gguf-parser caps SWA
 * layers the same way (gpustack/gguf-parser caps sliding-window layers the same way).
 *
 * @example kvEffectiveTokens(llama70b, 8192) // 8192
 * @example kvEffectiveTokens({ numLayers: 42, slidingWindow: { windowTokens: 4096, numLayers: 21 } }, 8192) // 6144
 */
export function kvEffectiveTokens(spec: Pick<ModelSpec, 'numLayers' | 'slidingWindow'>, contextTokens: Tokens): Tokens {
  const window = spec.slidingWindow;
  if (!window) return contextTokens;
  const windowed = Math.min(window.numLayers, spec.numLayers);
  return ((spec.numLayers - windowed) * contextTokens + windowed * Math.min(contextTokens, window.windowTokens)) / spec.numLayers;
}
