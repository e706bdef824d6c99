import type { Bytes, Tokens } from '../units';
import type { ModelSpec } from './types';
import { groupDigits } from '../units';

/** Largest KV-cache element width accepted, in bits (FP32). */
export const MAX_KV_BITS = 32;

function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'object' && x !== null) return Array.isArray(x) ? 'an array' : 'an object';
  return String(x);
}

function assertBits(bits: unknown): asserts bits is number {
  if (typeof bits !== 'number' || !Number.isFinite(bits) || bits <= 0 || bits > MAX_KV_BITS) {
    throw new RangeError(
      `bits must be a number greater than 0 and at most ${MAX_KV_BITS} (16, 8 and 4 are usual; got ${show(bits)})`,
    );
  }
}

/** Numbers cached per token per layer: K and V for every KV head, or MLA's latent plus its shared RoPE key. */
function valuesPerTokenPerLayer(model: ModelSpec): number {
  const a = model.attention;
  return a.kind === 'mla' ? a.kvLoraRank + a.qkRopeHeadDim : 2 * a.numKvHeads * a.headDim;
}

/**
 * KV-cache bytes one token adds, over all layers, with `bits`-wide cache entries.
 *
 *     MHA / GQA / MQA:  2 · layers · numKvHeads · headDim · bits/8
 *     MLA:              layers · (kvLoraRank + qkRopeHeadDim) · bits/8
 *
 * GQA counts KV heads, not attention heads, and uses the config's own `head_dim` (Gemma:
 * 256 ≠ 3072/16), the two mistakes some public VRAM calculators make. MLA caches the compressed latent (kv_norm output) and the decoupled RoPE key,
 * shared by all heads: DeepSeek-V3 `inference/model.py`, class `MLA`, buffers
 * `kv_cache` (kv_lora_rank wide) and `pe_cache` (qk_rope_head_dim wide) in the default
 * "absorb" mode; the same per-layer width llm-d uses. Runtimes that expand MLA to full
 * K/V (the "naive" mode, or HF transformers) cache far more.
 *
 * The cache width is independent of the weight format: a 4-bit model still has a
 * 16-bit cache unless the KV cache itself is quantized. Sliding-window layers are
 * counted as full here; {@link kvCacheBytesPerSequence} caps them.
 *
 * @throws {RangeError} when `bits` is not a number in (0, 32].
 * @example
 * // Llama-3.1-70B: 2 × 80 layers × 8 KV heads × 128 head_dim × 2 B
 * kvCacheBytesPerToken(getModel('llama-3.1-70b').spec, { bits: 16 }) // 327_680
 * // DeepSeek-V3: 61 layers × (512 + 64) × 2 B
 * kvCacheBytesPerToken(getModel('deepseek-v3').spec, { bits: 16 })   // 70_272
 */
export function kvCacheBytesPerToken(model: ModelSpec, { bits }: { bits: number }): Bytes {
  assertBits(bits);
  return (model.numLayers * valuesPerTokenPerLayer(model) * bits) / 8;
}

/** The KV-cache-per-token formula with this model's numbers filled in, for a "show the work" panel. */
export interface KvCacheFormula {
  /** Plain text, e.g. "2 × 80 layers × 8 KV heads × 128 head_dim × 2 B". */
  formula: string;
  /** The formula's value: bytes per token over all layers. */
  bytesPerToken: Bytes;
  /** Cached numbers per token over all layers (bytesPerToken = valuesPerToken × bytesPerValue). */
  valuesPerToken: number;
  /** bits / 8. */
  bytesPerValue: number;
}

function plural(n: number, one: string, many: string): string {
  return `${groupDigits(n)} ${n === 1 ? one : many}`;
}

/**
 * {@link kvCacheBytesPerToken} with its working written out.
 *
 * @throws {RangeError} when `bits` is not a number in (0, 32].
 * @example
 * kvCacheFormula(getModel('llama-3.1-70b').spec, { bits: 16 })
 * // { formula: "2 × 80 layers × 8 KV heads × 128 head_dim × 2 B", bytesPerToken: 327_680,
 * //   valuesPerToken: 163_840, bytesPerValue: 2 }
 * kvCacheFormula(getModel('deepseek-v3').spec, { bits: 8 }).formula
 * // "61 layers × (512 kv_lora_rank + 64 qk_rope_head_dim) × 1 B"
 */
export function kvCacheFormula(model: ModelSpec, { bits }: { bits: number }): KvCacheFormula {
  assertBits(bits);
  const bytesPerValue = bits / 8;
  const bytesText = `${Number(bytesPerValue.toPrecision(6))} B`;
  const layers = plural(model.numLayers, 'layer', 'layers');
  const a = model.attention;
  const formula =
    a.kind === 'mla'
      ? `${layers} × (${a.kvLoraRank} kv_lora_rank + ${a.qkRopeHeadDim} qk_rope_head_dim) × ${bytesText}`
      : `2 × ${layers} × ${plural(a.numKvHeads, 'KV head', 'KV heads')} × ${a.headDim} head_dim × ${bytesText}`;
  const valuesPerToken = model.numLayers * valuesPerTokenPerLayer(model);
  return { formula, bytesPerToken: kvCacheBytesPerToken(model, { bits }), valuesPerToken, bytesPerValue };
}

/**
 * KV-cache bytes of one sequence of `contextTokens` tokens, capping sliding-window
 * layers at their window:
 *
 *     bytesPerTokenPerLayer · (fullLayers · contextTokens + slidingLayers · min(contextTokens, window))
 *
 * Equals `kvCacheBytesPerToken × contextTokens` for models without a sliding window
 * (every Llama, Qwen2.5, Mixtral and DeepSeek entry in the catalog). For Gemma-2, half
 * the layers keep at most 4,096 tokens (transformers `Gemma2DecoderLayer`). This is
 * what a sliding-window-aware cache stores; a runtime that allocates every layer for
 * the full context uses the uncapped figure.
 *
 * @throws {RangeError} when `bits` is not in (0, 32] or `contextTokens` is not a positive integer.
 * @example
 * kvCacheBytesPerSequence(getModel('llama-3.1-70b').spec, { bits: 16, contextTokens: 4096 }) // 1_342_177_280
 * // Gemma-2-9B, 8,192 tokens: 21 global layers × 8,192 + 21 sliding layers × 4,096, × 8,192 B
 * kvCacheBytesPerSequence(getModel('gemma-2-9b').spec, { bits: 16, contextTokens: 8192 })  // 2_113_929_216
 */
export function kvCacheBytesPerSequence(
  model: ModelSpec,
  { bits, contextTokens }: { bits: number; contextTokens: Tokens },
): Bytes {
  assertBits(bits);
  if (typeof contextTokens !== 'number' || !Number.isInteger(contextTokens) || contextTokens < 1) {
    throw new RangeError(`contextTokens must be a positive whole number of tokens (got ${show(contextTokens)})`);
  }
  const bytesPerTokenPerLayer = (valuesPerTokenPerLayer(model) * bits) / 8;
  const sliding = model.slidingWindow;
  if (!sliding) return bytesPerTokenPerLayer * model.numLayers * contextTokens;
  const slidingLayers = Math.min(sliding.numLayers, model.numLayers);
  const fullLayers = model.numLayers - slidingLayers;
  return (
    bytesPerTokenPerLayer * (fullLayers * contextTokens + slidingLayers * Math.min(contextTokens, sliding.windowTokens))
  );
}

/**
 * KV-cache bytes per token of DeepSeek-V3.2's FP8 MLA cache (vLLM cache dtype "fp8_ds_mla",
 * the FlashMLA sparse kernel's layout), over all layers:
 *
 *     layers · (kvLoraRank · 1 B [FP8 latent] + kvLoraRank / 128 · 4 B [FP32 scales] + qkRopeHeadDim · 2 B [BF16 RoPE])
 *
 * = layers × 656 B for the DeepSeek-V3/V3.2 shape (512, 64), where a plain 8-bit MLA cache
 * ({@link kvCacheBytesPerToken} with 8 bits) gives layers × 576 B. Source: vLLM
 * `vllm/v1/kv_cache_interface.py` `MLAAttentionSpec.real_page_size_bytes` (block_size × 656),
 * FlashMLA README (512 + 16 + 128). V3.2's lightning-indexer key cache is separate: see
 * {@link kvCacheFormulaDeepseekV32Fp8}, which adds it.
 *
 * @throws {RangeError} when the model is not MLA or its kv_lora_rank is not a multiple of 128.
 * @example kvCacheBytesPerTokenFp8DsMla(getModel('deepseek-v3').spec) // 61 × 656 = 40_016
 */
export function kvCacheBytesPerTokenFp8DsMla(model: ModelSpec): Bytes {
  const a = model.attention;
  if (a.kind !== 'mla')
    throw new RangeError(`the FP8 MLA cache layout applies to MLA models only (this one is ${a.kind.toUpperCase()})`);
  if (a.kvLoraRank % 128 !== 0)
    throw new RangeError(`the FP8 MLA cache layout needs kv_lora_rank divisible by 128 (got ${a.kvLoraRank})`);
  return model.numLayers * (a.kvLoraRank + (a.kvLoraRank / 128) * 4 + a.qkRopeHeadDim * 2);
}

/**
 * DeepSeek-V3.2's lightning-indexer key width, `index_head_dim` in its config.json (128), and
 * the block of values that share one FP32 scale in vLLM's indexer key cache (`quant_block_size`, 128).
 */
export const DEEPSEEK_V32_INDEX_HEAD_DIM = 128;
const DEEPSEEK_V32_INDEX_QUANT_BLOCK = 128;

/**
 * KV-cache bytes per token vLLM reserves for DeepSeek-V3.2 served with `--kv-cache-dtype fp8`:
 * every layer holds the FP8 MLA entry ("fp8_ds_mla", 656 B for the 512 + 64 shape: see
 * {@link kvCacheBytesPerTokenFp8DsMla}) and the lightning indexer's FP8 key with its FP32 scales:
 *
 *     layers · (kvLoraRank + kvLoraRank/128 · 4 + qkRopeHeadDim · 2   [fp8_ds_mla]
 *               + indexHeadDim + indexHeadDim/128 · 4)                 [indexer key]
 *     V3.2: 61 · (656 + 132) = 48,068 B
 *
 * Sources (vLLM, PR #25896 "[New Model] DeepSeek-V3.2", which added both caches):
 * `vllm/v1/kv_cache_interface.py` `MLAAttentionSpec.real_page_size_bytes` returns
 * `block_size * 656` for "fp8_ds_mla" (the layout of `vllm/v1/attention/backends/mla/flashmla_sparse.py`
 * `get_kv_cache_shape`: (num_blocks, block_size, 656)); `vllm/model_executor/models/deepseek_v2.py`
 * `Indexer.__init__`: `k_cache = DeepseekV32IndexerCache(head_dim = head_dim + head_dim // quant_block_size * 4,
 * dtype = torch.uint8)`, one `MLAAttentionSpec` per layer (checked at commit 002d6073).
 *
 * @throws {RangeError} as {@link kvCacheBytesPerTokenFp8DsMla} (not MLA, or kv_lora_rank not a multiple of 128).
 * @example kvCacheFormulaDeepseekV32Fp8(getModel('deepseek-v3').spec).bytesPerToken // 61 × 788 = 48_068
 */
export function kvCacheFormulaDeepseekV32Fp8(model: ModelSpec): KvCacheFormula {
  const mlaBytes = kvCacheBytesPerTokenFp8DsMla(model) / model.numLayers;
  const a = model.attention as Extract<ModelSpec['attention'], { kind: 'mla' }>;
  const indexerBytes = DEEPSEEK_V32_INDEX_HEAD_DIM + (DEEPSEEK_V32_INDEX_HEAD_DIM / DEEPSEEK_V32_INDEX_QUANT_BLOCK) * 4;
  const formula =
    `${plural(model.numLayers, 'layer', 'layers')} × (${a.kvLoraRank} B FP8 latent + ${(a.kvLoraRank / 128) * 4} B FP32 scales + ` +
    `${a.qkRopeHeadDim * 2} B BF16 RoPE key [fp8_ds_mla] + ${indexerBytes} B FP8 indexer key with its scale)`;
  const valuesPerToken = model.numLayers * (a.kvLoraRank + a.qkRopeHeadDim + DEEPSEEK_V32_INDEX_HEAD_DIM);
  const bytesPerToken = model.numLayers * (mlaBytes + indexerBytes);
  return { formula, bytesPerToken, valuesPerToken, bytesPerValue: bytesPerToken / valuesPerToken };
}
