import type { Source } from '../hardware/types';
import type { KvFormat } from './types';

/**
 * KV-cache element formats. The KV cache's precision is chosen separately from the
 * weights' (vLLM `--kv-cache-dtype`, llama.cpp `--cache-type-k/-v`): a 4-bit-weight
 * model still caches K and V in BF16 unless told otherwise. Scaling the KV cache by
 * the weight format is a known calculator bug (some public VRAM calculators do).
 *
 * Bits are per cached element, without the small per-block or per-head scales that
 * INT8/INT4 caches add.
 *
 * @example KV_FORMATS.find((f) => f.id === 'fp8')?.bitsPerElement // 8
 */
export const KV_FORMATS: readonly KvFormat[] = [
  {
    id: 'bf16',
    name: 'BF16',
    bitsPerElement: 16,
    summary: "The default: K and V cached in the model's 16-bit dtype.",
    sources: [
      { id: 'hf-blog-hf-bitsandbytes-integration', note: 'BF16/FP16 are 2 bytes per value', status: 'verified' },
    ],
  },
  {
    id: 'fp16',
    name: 'FP16',
    bitsPerElement: 16,
    summary: "Same size as BF16; llama.cpp's default cache type (f16).",
    sources: [
      { id: 'hf-blog-hf-bitsandbytes-integration', note: 'BF16/FP16 are 2 bytes per value', status: 'verified' },
    ],
  },
  {
    id: 'fp8',
    name: 'FP8 (E4M3 or E5M2)',
    bitsPerElement: 8,
    summary: 'Half the cache of BF16, so twice the tokens; usually with a per-tensor scale.',
    sources: [{ id: 'fp8-formats-2209.05433', note: 'E4M3 and E5M2 are 8-bit encodings', status: 'secondary' }],
  },
  {
    id: 'int8',
    name: 'INT8',
    bitsPerElement: 8,
    summary: '8-bit integer cache (llama.cpp q8_0 adds a 16-bit scale per 32 values, 8.5 bits).',
    sources: [
      {
        id: 'llm-qat-2305.17888',
        note: 'Quantises the KV cache along with weights and activations',
        status: 'secondary',
      },
    ],
  },
  {
    id: 'int4',
    name: 'INT4',
    bitsPerElement: 4,
    summary: 'A quarter of BF16; needs outlier handling (QuaRot rotates before quantising) to keep accuracy.',
    sources: [{ id: 'quarot-2404.00456', note: 'W4A4KV4: 4-bit KV cache on Llama-2-70B', status: 'secondary' }],
  },
];

const BY_ID: ReadonlyMap<string, KvFormat> = new Map(KV_FORMATS.map((format) => [format.id, format]));

/**
 * The KV-cache format with this id.
 *
 * @throws {Error} "Unknown KV cache format: <id>" when the id is not in `KV_FORMATS`.
 * @example getKvFormat('int4').bitsPerElement // 4
 */
export function getKvFormat(id: string): KvFormat {
  const format = BY_ID.get(id);
  if (!format) throw new Error(`Unknown KV cache format: ${id}`);
  return format;
}

/** A KV-cache layout whose bytes per token are fixed by a kernel, not by a per-element width. */
export interface KvCacheLayout {
  id: string;
  name: string;
  /** Bytes one token occupies per layer, split by field. */
  fields: readonly { name: string; bytes: number }[];
  summary: string;
  sources: readonly Source[];
}

/**
 * DeepSeek-V3.2's FP8 MLA cache (vLLM `--kv-cache-dtype fp8` on DeepSeek-V3.2, cache dtype
 * "fp8_ds_mla"; the FlashMLA sparse kernel's format): per token per layer, the 512-wide latent
 * in FP8 E4M3, one FP32 scale per 128 latent values, and the 64-wide RoPE key left in BF16:
 *
 *     512 · 1 B + (512 / 128) · 4 B + 64 · 2 B = 512 + 16 + 128 = 656 B
 *
 * 656 / 576 = 1.139 B per cached value, not the 1 B a plain FP8 MLA cache would take (576 B).
 * Kept out of `KV_FORMATS` because it applies to this MLA shape only.
 */
export const DEEPSEEK_V32_FP8_MLA_LAYOUT: KvCacheLayout = {
  id: 'fp8-ds-mla',
  name: 'FP8 MLA (DeepSeek-V3.2)',
  fields: [
    { name: 'latent (NoPE), FP8 E4M3', bytes: 512 },
    { name: 'scales, 4 × FP32 (one per 128 values)', bytes: 16 },
    { name: 'RoPE key, BF16', bytes: 128 },
  ],
  summary:
    'DeepSeek-V3.2 MLA cache in FP8 with its scales inline and the RoPE part kept in BF16: 656 bytes per token per layer.',
  sources: [
    {
      id: 'vllm-kv-cache-interface-py',
      note: 'MLAAttentionSpec.real_page_size_bytes: cache_dtype_str == "fp8_ds_mla" → block_size × 656',
      status: 'verified',
    },
    {
      id: 'flashmla-readme',
      note: '656 B = 512 FP8 NoPE + 16 B (4 FP32 scales) + 128 B BF16 RoPE',
      status: 'secondary',
    },
    {
      id: 'vllm-pr-25896',
      note: 'added the layout with DeepSeek-V3.2, beside the indexer key cache (132 B per token per layer)',
      status: 'verified',
    },
  ],
};
