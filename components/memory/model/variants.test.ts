import { describe, expect, it } from 'vitest';
import { getModel, kvCacheBytesPerToken } from '@/lib/models';
import { withAttention } from './variants';

const llama70b = getModel('llama-3.1-70b').spec;
const gemma7b = getModel('gemma-7b').spec;

describe('withAttention(spec, variant)', () => {
  it('Llama-3.1-70B as MHA (64 KV heads) caches 8× the GQA model: 2,621,440 B vs 327,680 B per token', () => {
    // 2 × 80 layers × 64 heads × 128 × 2 B = 2,621,440 B; GQA: 8 KV heads (docs/provenance.md §7)
    const mha = withAttention(llama70b, { numKvHeads: 64 });
    expect(mha.attention.kind).toBe('mha');
    expect(kvCacheBytesPerToken(mha, { bits: 16 })).toBe(2_621_440);
    expect(kvCacheBytesPerToken(llama70b, { bits: 16 })).toBe(327_680);
  });
  it('one KV head is MQA', () => expect(withAttention(llama70b, { numKvHeads: 1 }).attention.kind).toBe('mqa'));
  it('Gemma-7B with the naive head_dim = 3072 / 16 = 192 under-counts its KV cache by 25% (config head_dim 256)', () => {
    // 2 × 28 layers × 16 KV heads × 256 × 2 B = 458,752 B; with 192: 344,064 B
    expect(kvCacheBytesPerToken(gemma7b, { bits: 16 })).toBe(458_752);
    expect(kvCacheBytesPerToken(withAttention(gemma7b, { headDim: 192 }), { bits: 16 })).toBe(344_064);
  });
  it('does not touch the original spec', () => {
    withAttention(llama70b, { numKvHeads: 64 });
    expect(llama70b.attention).toMatchObject({ kind: 'gqa', numKvHeads: 8 });
  });
  it('refuses MLA models and impossible shapes', () => {
    expect(() => withAttention(getModel('deepseek-v3').spec, { numKvHeads: 1 })).toThrow(/MLA/);
    expect(() => withAttention(llama70b, { numKvHeads: 3 })).toThrow(/divide/);
    expect(() => withAttention(llama70b, { headDim: 0 })).toThrow(/positive integer/);
  });
});
