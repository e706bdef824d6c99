import { describe, expect, it } from 'vitest';
import { GGUF_FILE_TYPES } from '@/lib/formats';
import { getModel } from '@/lib/models';
import { memoryOutcome, memoryResults } from './results';
import { MEMORY_DEFAULTS, memoryStateFromQuery, memoryStateQuery, parseMemoryState } from './urlState';
import { ggufFileChoices, isWeightChoiceId, weightChoiceHint, weightChoiceInfo } from './weightChoice';

const llama70b = getModel('llama-3.1-70b').spec;

describe('GGUF files in the memory calculator', () => {
  it("offers every GGUF file type by its download-page name, with this model's bits per weight", () => {
    const choices = ggufFileChoices(llama70b);
    expect(choices.map((c) => c.label.split(' ')[0])).toEqual([...GGUF_FILE_TYPES]);
    // lib/formats ggufFileSize: 42,512,531,456 B × 8 / 70,553,706,496 params = 4.820 bits.
    expect(choices.find((c) => c.id === 'gguf-file-q4_k_m')?.label).toBe('Q4_K_M — 4.82 bits/weight on this model');
    // No model yet (a config still to paste), or one whose layout is not modelled: names only.
    expect(ggufFileChoices(null)[0]).toEqual({ id: 'gguf-file-q2_k', label: 'Q2_K' });
    expect(ggufFileChoices(getModel('deepseek-v3').spec)[5]).toEqual({ id: 'gguf-file-q4_k_m', label: 'Q4_K_M' });
  });

  it('describes a file choice by its mix and a catalog format as before', () => {
    const file = weightChoiceInfo('gguf-file-q4_k_m', getModel('llama-3.1-8b').spec);
    expect(file.name).toBe('GGUF Q4_K_M file');
    expect(file.bitsPerWeight).toBeCloseTo(4.8944, 4); // llama.cpp quantize README, Llama-3.1-8B Q4_K_M
    expect(file.formula).toMatch(/^Q4_K 4\.5 bits × [\d.]+% \+ Q6_K 6\.5625 bits × [\d.]+% .* = 4\.894 bits\/weight$/);
    expect(weightChoiceHint(file)).toMatch(/^4\.894 bits per weight\. llama\.cpp's Q4_K_M file type/);
    expect(weightChoiceInfo('gguf-file-q4_k_m', null).bitsPerWeight).toBeNull();
    expect(weightChoiceHint(weightChoiceInfo('gguf-file-q4_k_m', null))).toMatch(
      /^Bits per weight depend on the model's tensors\./,
    );
    const int4 = weightChoiceInfo('int4-g128', null);
    expect(int4).toMatchObject({ name: 'INT4 group-128 (GPTQ/AWQ, W4A16)', bitsPerWeight: 4.15625 });
  });

  it('keeps old URL ids parsing and accepts the new ones', () => {
    for (const id of ['int4-g128', 'gguf-q4_k', 'gguf-q8_0', 'bf16']) {
      expect(isWeightChoiceId(id), id).toBe(true);
      expect(parseMemoryState({ ...MEMORY_DEFAULTS, weights: id }).errors.weights, id).toBeUndefined();
    }
    const text = memoryStateFromQuery('?weights=gguf-file-q4_k_m');
    expect(parseMemoryState(text).weights).toBe('gguf-file-q4_k_m');
    expect(memoryStateQuery(text)).toContain('weights=gguf-file-q4_k_m');
    expect(parseMemoryState({ ...MEMORY_DEFAULTS, weights: 'gguf-file-q4_k_xl' }).errors.weights).toMatch(
      /^Unknown weight format "gguf-file-q4_k_xl"/,
    );
  });

  it("sizes the set-up with the file's bytes and shows its mix in the work", () => {
    const setup = {
      spec: llama70b,
      kvBits: 16,
      contextTokens: 4096,
      batch: 8,
      gpu: 'h100-sxm',
      gpuCount: 1,
      memoryUtilization: 1,
    };
    const file = memoryResults({ ...setup, weights: 'gguf-file-q4_k_m' });
    const base = memoryResults({ ...setup, weights: 'gguf-q4_k' });
    expect(file.fit.estimate.weightsBytes).toBe(42_512_531_456); // bartowski's file: 42.52 GB
    expect(file.fit.estimate.weightsBytes - base.fit.estimate.weightsBytes).toBeGreaterThan(2.8e9);
    expect(file.bits.formula).toMatch(/= 4\.820 bits\/weight$/);
  });

  it('blocks on the weight field, with the reason, for a model whose GGUF layout is not modelled', () => {
    const outcome = memoryOutcome(
      parseMemoryState({ ...MEMORY_DEFAULTS, model: 'deepseek-v3', weights: 'gguf-file-q4_k_m', gpus: '8' }),
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.blockers[0]?.field).toBe('weights');
      expect(outcome.blockers[0]?.message).toMatch(/multi-head latent attention/);
    }
  });
});
