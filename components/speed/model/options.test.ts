import { describe, expect, it } from 'vitest';
import { FORMATS } from '@/lib/formats';
import {
  CHART_FORMATS,
  gpuCountOptions,
  kvOptions,
  nearestAllowedGpuCount,
  SPEED_EXCLUDED_FORMATS,
  speedFormatGroups,
  speedFormatIds,
} from './options';

describe('speedFormatGroups()', () => {
  it('offers every catalog format but LLM.int8() and FP32, each once', () => {
    const ids = speedFormatIds();
    expect(ids).not.toContain('llm-int8');
    expect(ids).not.toContain('fp32');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(FORMATS.length - Object.keys(SPEED_EXCLUDED_FORMATS).length);
  });
  it('groups by stored bits: W8A8 and W8A16 under 8-bit, GPTQ and NF4 under 4-bit, GGUF apart', () => {
    const groups = Object.fromEntries(speedFormatGroups().map((g) => [g.label, g.formats.map((f) => f.id)]));
    expect(groups['16-bit']).toEqual(['bf16', 'fp16']);
    expect(groups['8-bit']).toEqual(expect.arrayContaining(['int8-w8a8', 'fp8-w8a8', 'int8-w8a16']));
    expect(groups['4-bit and below']).toEqual(expect.arrayContaining(['int4-g128', 'nf4']));
    expect(groups['GGUF (llama.cpp, weight-only)']).toContain('gguf-q4_k');
  });
  it('offers every chart format', () => {
    for (const f of CHART_FORMATS) expect(speedFormatIds()).toContain(f);
  });
  it('explains why LLM.int8() is excluded, citing the HF blog (docs/provenance.md §2)', () => {
    expect(SPEED_EXCLUDED_FORMATS['llm-int8']!.reason).toMatch(/slower than FP16/);
    expect(SPEED_EXCLUDED_FORMATS['llm-int8']!.sourceId).toBe('hf-blog-hf-bitsandbytes-integration');
  });
});

describe('gpuCountOptions(model) / nearestAllowedGpuCount(model, n)', () => {
  it('lists the tensor-parallel sizes up to 8 that divide the heads', () => {
    expect(gpuCountOptions('llama-3.1-70b')).toEqual([1, 2, 4, 8]); // 64 heads
    expect(gpuCountOptions('gemma-7b')).toEqual([1, 2, 4, 8]); // 16 heads
  });
  it('keeps an allowed count and steps down otherwise', () => {
    expect(nearestAllowedGpuCount('llama-3.1-70b', 4)).toBe(4);
    expect(nearestAllowedGpuCount('llama-3.1-70b', 6)).toBe(4);
  });
});

describe('kvOptions()', () => {
  it('lists the KV formats with their bits', () => {
    expect(kvOptions().map((k) => k.bits)).toEqual([16, 16, 8, 8, 4]);
    expect(kvOptions()[0]!.name).toBe('BF16 (16-bit)');
  });
});
