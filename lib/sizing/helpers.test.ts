import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getModel } from '../models';
import type { ModelSpec } from '../models/types';
import { getGpu } from '../hardware';
import { estimateActivationBytes, widestMlpWidth } from './activationBytes';
import { kvReplicationFactor } from './kvReplication';
import { vllmDefaultMaxBatchedTokens } from './defaults';
import { cudaTotalBytes, vllmDefaultMaxNumSeqs, vllmNonTorchBytesPerGpu } from './vllmCalibration';

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

describe('estimateActivationBytes(spec, profile)', () => {
  it("Llama-3.1-70B at vLLM's H100 defaults (8,192 tokens, 1,024 sequences): the forward pass wins", () => {
    // forward 8,192 × 3 × 28,672 × 2 B × 1.5 = 2,113,929,216 B; sampler 1,024 × 128,256 × 4 B × 3.8 = 1,996,278,988.8 B
    const a = estimateActivationBytes(spec('llama-3.1-70b'), { maxBatchedTokens: 8192, maxNumSeqs: 1024 });
    expect(a.mlpBytes).toBe(2_113_929_216);
    expect(a.logitsBytes).toBeCloseTo(1_996_278_988.8, 0);
    expect(a.bytes).toBe(a.mlpBytes);
  });
  it('Llama-3.1-8B at the same defaults: the sampler warm-up wins (v0.19 logs 1.89 GiB at TP 1, 2 and 4)', () => {
    const a = estimateActivationBytes(spec('llama-3.1-8b'), { maxBatchedTokens: 8192, maxNumSeqs: 1024 });
    expect(a.bytes).toBe(a.logitsBytes);
    expect(a.bytes / 2 ** 30).toBeCloseTo(1.86, 2);
  });
  it('grows with both profiling sizes and never with the load (vLLM profiles once, at start-up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_536 }), fc.integer({ min: 1, max: 4096 }), (tokens, seqs) => {
        const base = estimateActivationBytes(spec('llama-3.1-8b'), {
          maxBatchedTokens: tokens,
          maxNumSeqs: seqs,
        }).bytes;
        expect(
          estimateActivationBytes(spec('llama-3.1-8b'), { maxBatchedTokens: tokens + 1, maxNumSeqs: seqs }).bytes,
        ).toBeGreaterThanOrEqual(base);
        expect(
          estimateActivationBytes(spec('llama-3.1-8b'), { maxBatchedTokens: tokens, maxNumSeqs: seqs + 1 }).bytes,
        ).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});

describe('vLLM calibration helpers', () => {
  it('cudaTotalBytes: the measured CUDA total where the catalog has one, else nvidia-smi − 480 MiB', () => {
    expect(cudaTotalBytes(getGpu('h100-sxm'))).toBe(85_017_493_504); // measured: 81,079 MiB
    expect(cudaTotalBytes(getGpu('h200-sxm'))).toBe((143_771 - 480) * 2 ** 20);
    expect(cudaTotalBytes(getGpu('mi300x'))).toBe(getGpu('mi300x').usableMemoryBytes);
  });
  it('non-torch memory: 0.25 GiB, + 1.8 GiB of NCCL buffers from TP 2 on', () => {
    expect(vllmNonTorchBytesPerGpu(1) / 2 ** 30).toBe(0.25);
    expect(vllmNonTorchBytesPerGpu(2) / 2 ** 30).toBeCloseTo(2.05, 10);
    expect(vllmNonTorchBytesPerGpu(8)).toBe(vllmNonTorchBytesPerGpu(2));
  });
  it('max_num_seqs defaults: 1,024 on ≥ 70 GiB non-A100 cards, 256 otherwise', () => {
    expect(vllmDefaultMaxNumSeqs(getGpu('h100-sxm'))).toBe(1024);
    expect(vllmDefaultMaxNumSeqs(getGpu('a100-80gb-sxm'))).toBe(256);
    expect(vllmDefaultMaxNumSeqs(getGpu('rtx-4090'))).toBe(256);
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
