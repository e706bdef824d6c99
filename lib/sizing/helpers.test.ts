import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getModel, MODELS } from '../models';
import type { ModelSpec } from '../models/types';
import { getGpu } from '../hardware';
import { estimateActivationBytes, widestMlpWidth } from './activationBytes';
import { kvReplicationFactor } from './kvReplication';
import { kvEffectiveTokens } from './kvTokens';
import { vllmDefaultMaxBatchedTokens } from './defaults';

const spec = (id: string): ModelSpec => getModel(id).spec;

describe('widestMlpWidth(spec)', () => {
  it('dense: the intermediate size (Llama-3.1-70B config: 28,672)', () => {
    expect(widestMlpWidth(spec('llama-3.1-70b'))).toBe(28_672);
  });
  it('MoE: top-k routed + shared experts, or the dense layers if wider', () => {
    expect(widestMlpWidth(spec('mixtral-8x7b'))).toBe(2 * 14_336); // top-2 of 14,336-wide experts
    // DeepSeek-V3: 8 × 2,048 + 1 × 2,048 = 18,432 = the first 3 dense layers' 18,432
    expect(widestMlpWidth(spec('deepseek-v3'))).toBe(18_432);
    // DeepSeek-V2-Lite: 6 × 1,408 + 2 × 1,408 = 11,264 > dense 10,944
    expect(widestMlpWidth(spec('deepseek-v2-lite'))).toBe(11_264);
  });
});

describe('estimateActivationBytes(spec, load)', () => {
  it('Llama-3.1-70B, 8 × 4,096 tokens, 2,048-token budget: 2,048 × 3 × 28,672 × 2 B + 8 × 128,256 × 4 B', () => {
    const a = estimateActivationBytes(spec('llama-3.1-70b'), { batch: 8, contextTokens: 4096, maxBatchedTokens: 2048 });
    expect(a).toEqual({ chunkTokens: 2048, mlpWidth: 28_672, mlpBytes: 352_321_536, logitRows: 8, logitsBytes: 4_104_192, bytes: 356_425_728 });
  });
  it('stops growing with context once a step is full (chunked prefill)', () => {
    const at = (contextTokens: number) =>
      estimateActivationBytes(spec('llama-3.1-8b'), { batch: 1, contextTokens, maxBatchedTokens: 2048 }).bytes;
    expect(at(100)).toBeLessThan(at(2048));
    expect(at(2048)).toBe(at(1_000_000));
  });
});

describe('kvReplicationFactor(spec, gpuCount)', () => {
  it('GQA: 1 up to the KV-head count, then gpuCount / KV heads', () => {
    const llama = spec('llama-3.1-70b'); // 8 KV heads
    expect([1, 2, 4, 8, 16, 32].map((n) => kvReplicationFactor(llama, n))).toEqual([1, 1, 1, 1, 2, 4]);
  });
  it('MLA: the latent is on every GPU', () => {
    expect(kvReplicationFactor(spec('deepseek-v3'), 8)).toBe(8);
  });
});

describe('kvEffectiveTokens(spec, contextTokens)', () => {
  it('is the context for models without sliding windows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS.filter((m) => !m.spec.slidingWindow)), fc.integer({ min: 1, max: 1e7 }), (m, c) => {
        expect(kvEffectiveTokens(m.spec, c)).toBe(c);
      }),
    );
  });
  it('caps sliding-window layers: Gemma-2-9B (21 of 42 layers, 4,096 window) at 8,192 tokens → (21 × 8,192 + 21 × 4,096) / 42', () => {
    expect(kvEffectiveTokens(spec('gemma-2-9b'), 8192)).toBe(6144);
    expect(kvEffectiveTokens(spec('gemma-2-9b'), 4096)).toBe(4096);
  });
});

describe('vllmDefaultMaxBatchedTokens(gpu)', () => {
  it('8,192 on ≥ 70 GiB GPUs other than A100; 2,048 otherwise (vllm EngineArgs.get_batch_defaults)', () => {
    expect(vllmDefaultMaxBatchedTokens(getGpu('h100-sxm'))).toBe(8192);
    expect(vllmDefaultMaxBatchedTokens(getGpu('h200-sxm'))).toBe(8192);
    expect(vllmDefaultMaxBatchedTokens(getGpu('mi300x'))).toBe(8192);
    expect(vllmDefaultMaxBatchedTokens(getGpu('a100-80gb-sxm'))).toBe(2048);
    expect(vllmDefaultMaxBatchedTokens(getGpu('l40s'))).toBe(2048);
    expect(vllmDefaultMaxBatchedTokens(getGpu('rtx-4090'))).toBe(2048);
  });
});
