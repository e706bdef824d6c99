import type { Bytes, Tokens } from '../units';
import type { LayerAttention, ModelSpec } from './types';

/** Which engine's KV-cache reservation rule to apply. */
export type KvEngine = 'vllm' | 'llama.cpp';

/** Engine settings that decide how many tokens a windowed layer reserves. Defaults in brackets. */
export interface KvReservationOptions {
  /** Default 'vllm'. */
  engine?: KvEngine;
  /** vLLM `max_model_len` / llama.cpp `n_ctx` per sequence, in tokens. */
  contextTokens: Tokens;
  /** vLLM `max_num_batched_tokens` [8,192: `vllm serve` on ≥70 GiB GPUs other than A100; 2,048 otherwise]. */
  maxNumBatchedTokens?: Tokens;
  /** vLLM `block_size` [16]. */
  blockSizeTokens?: Tokens;
  /** llama.cpp `n_ubatch` [512]. */
  ubatchTokens?: Tokens;
  /** llama.cpp `n_seq_max` (parallel sequences) [1]. */
  sequences?: number;
  /** llama.cpp unified KV cache (`kv_unified`) [true]: the window budget is shared by all sequences. */
  unified?: boolean;
}

function positiveInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new RangeError(
      `${name} must be a positive whole number (got ${typeof v === 'number' ? v : JSON.stringify(v)})`,
    );
  }
  return v;
}

const cdiv = (a: number, b: number): number => Math.ceil(a / b);
const pad = (a: number, b: number): number => cdiv(a, b) * b;

/**
 * Tokens of KV cache one layer reserves per sequence (vLLM) or per cache (llama.cpp), by its attention kind.
 *
 * vLLM V1 (`vllm/v1/kv_cache_interface.py` at commit 001cabc1be16a59a70d720ed61a13b678c060a18,
 * `max_memory_usage_bytes`; pages of `block_size` tokens):
 *
 *     full:    cdiv(max_model_len, block) · block                                   (FullAttentionSpec)
 *     sliding: (cdiv(min(window − 1 + max_num_batched_tokens, max_model_len), block) + 1) · block
 *                                                                                    (SlidingWindowSpec; +1: the window
 *                                                                                     may start mid-block)
 *     chunked: cdiv(min(chunk + max_num_batched_tokens, max_model_len), block) · block (ChunkedLocalAttentionSpec)
 *
 * llama.cpp (`src/llama-kv-cache-iswa.cpp` at commit 02c28f533ebba3e4ea944fc4a0719a012b3e7097,
 * `llama_kv_cache_iswa` constructor): the non-SWA cache holds `n_ctx` cells; the SWA cache
 *
 *     size_swa = GGML_PAD(min(n_ctx, n_swa · (unified ? n_seq_max : 1) + n_ubatch), 256)
 *
 * (per stream; a non-unified cache has `n_seq_max` streams). Returned here per sequence:
 * size_swa / n_seq_max when unified, size_swa otherwise. Chunked layers are treated as
 * full: llama.cpp's iswa cache keys on `n_swa`, and Llama-4's chunk is a separate rule.
 *
 * @throws {RangeError} when a setting is not a positive whole number.
 * @example
 * // Mistral-7B-v0.1 layer (window 4,096), vLLM, 32,768 tokens, 8,192 batched: cdiv(12,287, 16) + 1 = 769 blocks
 * kvReservedTokensPerLayer({ kind: 'sliding', windowTokens: 4096 }, { contextTokens: 32768 }) // 12_304
 */
export function kvReservedTokensPerLayer(layer: LayerAttention, options: KvReservationOptions): Tokens {
  const context = positiveInt('contextTokens', options.contextTokens);
  const engine = options.engine ?? 'vllm';
  if (engine === 'vllm') {
    const block = positiveInt('blockSizeTokens', options.blockSizeTokens ?? 16);
    const batched = positiveInt('maxNumBatchedTokens', options.maxNumBatchedTokens ?? 8192);
    if (layer.kind === 'full') return pad(context, block);
    if (layer.kind === 'sliding') return (cdiv(Math.min(layer.windowTokens - 1 + batched, context), block) + 1) * block;
    return pad(Math.min(layer.chunkTokens + batched, context), block);
  }
  if (engine !== 'llama.cpp')
    throw new RangeError(`engine must be "vllm" or "llama.cpp" (got ${JSON.stringify(engine)})`);
  const ubatch = positiveInt('ubatchTokens', options.ubatchTokens ?? 512);
  const seqs = positiveInt('sequences', options.sequences ?? 1);
  const unified = options.unified ?? true;
  if (layer.kind !== 'sliding') return context;
  const cellsPerStream = pad(
    Math.min(unified ? context * seqs : context, layer.windowTokens * (unified ? seqs : 1) + ubatch),
    256,
  );
  return unified ? cellsPerStream / seqs : cellsPerStream;
}

/**
 * Tokens a decode step at position `contextTokens` reads from the KV cache, averaged over
 * the layers (every layer weighted equally): full layers read the whole context, sliding
 * layers at most their window, chunked layers at most their chunk.
 *
 *     attended = Σ_layers min(contextTokens, window_l) / numLayers      (window_l = ∞ for full layers)
 *
 * This is the traffic of one decode step (the speed model), not what an engine reserves:
 * memory uses {@link kvReservationBytesPerSequence}, which adds the batch budget and block
 * rounding. Equal to `contextTokens` for models without windowed layers. Source of the
 * patterns: each layer's `LayerAttention` ({@link layerAttentionOf}); Gemma-2 / Mistral-7B-v0.1
 * windows per transformers `Gemma2DecoderLayer` and Mistral's `sliding_window`.
 *
 * @throws {RangeError} when `contextTokens` is not a positive whole number.
 * @example kvAttendedTokens(llama70b, 8192) // 8192
 * @example kvAttendedTokens({ numLayers: 42, slidingWindow: { windowTokens: 4096, numLayers: 21 } }, 8192) // 6144
 */
export function kvAttendedTokens(
  spec: Pick<ModelSpec, 'numLayers' | 'slidingWindow' | 'layerAttention'>,
  contextTokens: Tokens,
): Tokens {
  const context = positiveInt('contextTokens', contextTokens);
  const layers = layerAttentionOf(spec);
  const sum = layers.reduce(
    (s, l) =>
      s + (l.kind === 'full' ? context : Math.min(context, l.kind === 'sliding' ? l.windowTokens : l.chunkTokens)),
    0,
  );
  return sum / layers.length;
}

/** The layers of a spec: `layerAttention`, else built from `slidingWindow` (the last `numLayers` layers windowed), else all full. */
export function layerAttentionOf(
  spec: Pick<ModelSpec, 'numLayers' | 'slidingWindow' | 'layerAttention'>,
): readonly LayerAttention[] {
  if (spec.layerAttention) return spec.layerAttention;
  const w = spec.slidingWindow;
  const windowed = w ? Math.min(w.numLayers, spec.numLayers) : 0;
  return Array.from({ length: spec.numLayers }, (_, i) =>
    w && i >= spec.numLayers - windowed ? { kind: 'sliding', windowTokens: w.windowTokens } : { kind: 'full' },
  );
}

/**
 * KV-cache bytes an engine reserves for one sequence: Σ over layers of reserved tokens ×
 * bytes per token per layer (`kvCacheBytesPerToken / numLayers`).
 *
 *     bytes = Σ_layers kvReservedTokensPerLayer(layer) · bytesPerTokenPerLayer
 *
 * Unlike `kvCacheBytesPerSequence` (the window exactly), this is what vLLM's or llama.cpp's
 * allocator sets aside, batch budget and block rounding included.
 *
 * @example
 * // Mistral-7B-v0.1 at 32,768 tokens, vLLM, 8,192 batched: 32 layers × 12,304 tokens × 4,096 B
 * kvReservationBytesPerSequence(mistral7b, 131_072, { contextTokens: 32768 }) // 1_612_709_888
 */
export function kvReservationBytesPerSequence(
  spec: Pick<ModelSpec, 'numLayers' | 'slidingWindow' | 'layerAttention'>,
  kvBytesPerToken: Bytes,
  options: KvReservationOptions,
): Bytes {
  const perLayer = kvBytesPerToken / spec.numLayers;
  return layerAttentionOf(spec).reduce((sum, layer) => sum + kvReservedTokensPerLayer(layer, options) * perLayer, 0);
}
