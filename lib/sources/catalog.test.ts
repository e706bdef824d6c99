import { describe, expect, it } from 'vitest';
import { FORMATS, GGUF_FILE_BPW_SOURCE, GGUF_FILE_TYPE_SOURCES, KV_FORMATS } from '../formats';
import { GPUS } from '../hardware';
import { MODELS } from '../models';
import { SOURCES } from './catalog';
import { getSource, hasSource } from './getSource';

describe('SOURCES', () => {
  it('has unique lowercase ids', () => {
    const ids = SOURCES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });

  it('links every entry over https and says what it is used for', () => {
    for (const entry of SOURCES) {
      expect(new URL(entry.url).protocol, entry.id).toBe('https:');
      expect(entry.usedFor.length, entry.id).toBeGreaterThan(10);
      if (entry.year !== undefined) expect(entry.year, entry.id).toBeGreaterThanOrEqual(2019);
    }
  });

  it('puts the arXiv id of every paper in both its id and its URL', () => {
    for (const entry of SOURCES.filter((source) => source.kind === 'paper')) {
      const arxivId = /(\d{4}\.\d{5})$/.exec(entry.id)?.[1];
      expect(arxivId, entry.id).toBeDefined();
      expect(entry.url, entry.id).toBe(`https://arxiv.org/abs/${arxivId}`);
    }
  });

  it('includes the papers and model configs the other modules cite', () => {
    const required = [
      'qlora-2305.14314',
      'llm-int8-2208.07339',
      'gptq-2210.17323',
      'awq-2306.00978',
      'smoothquant-2211.10438',
      'llm-qat-2305.17888',
      'bf16-or-death-2411.02355',
      'llama3-quantization-2404.14047',
      'quarot-2404.00456',
      'fp8-formats-2209.05433',
      'hf-config-llama-3.1-8b',
      'hf-config-llama-3.1-70b',
      'hf-config-llama-3.1-405b',
      'hf-config-llama-2-70b',
      'hf-config-mixtral-8x7b',
      'hf-config-qwen2.5-72b',
      'hf-config-deepseek-v3',
      'hf-config-deepseek-v2-lite',
      'hf-config-gemma-7b',
      'hf-config-gemma-2-9b',
    ];
    for (const id of required) expect(hasSource(id), id).toBe(true);
    expect(getSource('hf-config-llama-3.1-70b').url).toBe(
      'https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json',
    );
  });

  it('has an entry for every source id the weight-format, KV-format, GPU and model catalogs cite', () => {
    const cited = [
      ...FORMATS.flatMap((format) => format.sources.map((source) => [format.id, source.id])),
      ...KV_FORMATS.flatMap((format) => format.sources.map((source) => [`kv:${format.id}`, source.id])),
      ...GPUS.flatMap((gpu) => gpu.sources.map((source) => [gpu.id, source.id])),
      ...MODELS.flatMap((model) => model.sources.map((source) => [model.id, source.id])),
      ['GGUF_FILE_BPW', GGUF_FILE_BPW_SOURCE.id],
      ...GGUF_FILE_TYPE_SOURCES.map((source) => ['GGUF_FILE_TYPE_SOURCES', source.id]),
    ];
    expect(cited.length).toBeGreaterThan(50);
    for (const [owner, id] of cited) expect(hasSource(id as string), `${owner} cites ${id}`).toBe(true);
  });

  it("cites a datasheet-kind source for every GPU's bandwidth", () => {
    for (const gpu of GPUS) {
      const kinds = gpu.sources
        .filter((source) => source.figures.includes('bandwidth'))
        .map((source) => getSource(source.id).kind);
      expect(kinds, gpu.id).toContain('datasheet');
    }
  });
});

describe('getSource(id)', () => {
  it('throws "Unknown source: <id>"', () => {
    expect(() => getSource('qlora')).toThrow('Unknown source: qlora');
    expect(hasSource('qlora')).toBe(false);
  });
});
