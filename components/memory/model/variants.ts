import type { ModelSpec } from '@/lib/models/types';

/** Changes to a model's attention shape, for "what if" comparisons in the lessons. */
export interface AttentionVariant {
  /** Cache this many K/V heads instead (equal to the attention heads: MHA; 1: MQA). */
  numKvHeads?: number;
  /** Use this per-head width instead (e.g. the hidden/heads a naive calculator assumes). */
  headDim?: number;
}

/**
 * A hypothetical variant of a model with a different KV-head count or head width, to
 * show what grouped-query attention saves, or what assuming head_dim = hidden/heads
 * costs. The kind follows the count: MHA when every attention head has its own K/V
 * head, MQA with one, GQA otherwise. Only standard attention can be varied: MLA caches
 * a latent, not heads.
 *
 * @throws {Error} for an MLA model, or a count / width that is not a positive integer,
 *   or a KV-head count that does not divide the attention heads.
 * @example withAttention(llama70b, { numKvHeads: 64 }).attention.kind // 'mha' (Llama-3.1-70B as if it had no GQA)
 * @example withAttention(gemma7b, { headDim: 3072 / 16 }).attention    // head_dim 192 instead of 256
 */
export function withAttention(spec: ModelSpec, variant: AttentionVariant): ModelSpec {
  const a = spec.attention;
  if (a.kind === 'mla') throw new Error('withAttention: MLA caches a latent, not K/V heads; there is nothing to vary');
  const numKvHeads = variant.numKvHeads ?? a.numKvHeads;
  const headDim = variant.headDim ?? a.headDim;
  for (const [name, x] of [
    ['numKvHeads', numKvHeads],
    ['headDim', headDim],
  ] as const) {
    if (!Number.isInteger(x) || x < 1) throw new Error(`withAttention: ${name} must be a positive integer (got ${x})`);
  }
  if (a.numHeads % numKvHeads !== 0) {
    throw new Error(`withAttention: numKvHeads (${numKvHeads}) must divide the ${a.numHeads} attention heads`);
  }
  const kind = numKvHeads === a.numHeads ? 'mha' : numKvHeads === 1 ? 'mqa' : 'gqa';
  return { ...spec, attention: { ...a, kind, numKvHeads, headDim } };
}
