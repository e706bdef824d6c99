import { describe, expect, it } from 'vitest';
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { largestBatchWithinItl } from '@/lib/deploy';
import {
  AccuracyNoise,
  AllReducePerLayer,
  AllReduceTable,
  ItlBatchTable,
  KvBitsTable,
  MoeBytesTable,
} from './TopicFigures';

const text = (el: ReactElement) =>
  renderToStaticMarkup(el)
    .replace(/<br\/>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/\s+/g, ' ');

describe('topic figures print the lib/ numbers the lessons quote', () => {
  it('KvBitsTable: Llama-3.1-70B 2 × 80 × 8 × 128 × bits/8 per token; × 131,072 tokens per sequence', () => {
    const t = text(h(KvBitsTable, { context: 131072 }));
    for (const s of ['327,680 B', '163,840 B', '81,920 B', '40,960 B', '42.95 GB (40.00 GiB)', '5.37 GB (5.00 GiB)'])
      expect(t).toContain(s);
  });

  it('AllReducePerLayer and AllReduceTable: 2 × 8,192 × 2 B per layer per token; 5.83 µs on NVLink, 168 ms for a 4k prefill on PCIe', () => {
    expect(text(h(AllReducePerLayer, {}))).toContain('32,768 B');
    const t = text(
      h(AllReduceTable, {
        format: 'fp8-w8a8',
        gpuIds: ['h100-sxm', 'h100-pcie'],
        passes: [
          { label: 'Decode, batch 1', decodeBatch: 1 },
          { label: 'Prefill', promptTokens: 4096 },
        ],
      }),
    );
    for (const s of ['2.6 MB', '5.83 µs', '41.0 µs', '10.74 GB', '168 ms']) expect(t).toContain(s);
  });

  it('MoeBytesTable: DeepSeek-V3 holds every expert but reads the active ones at batch 1', () => {
    const t = text(
      h(MoeBytesTable, { rows: [{ model: 'deepseek-v3', format: 'fp8-w8a8', gpu: 'h200-sxm', gpus: 8 }] }),
    );
    expect(t).toMatch(/671\.0B \/ 37\.\dB/);
  });

  it('AccuracyNoise: √(0.8 × 0.2 / 14,042) = 0.34 points, ±0.66 at 95 %', () => {
    expect(text(h(AccuracyNoise, { accuracy: 0.8 }))).toContain('0.34 points');
    expect(text(h(AccuracyNoise, { accuracy: 0.8, interval: true }))).toContain('±0.66 points');
  });

  it('ItlBatchTable prints largestBatchWithinItl’s batches', () => {
    const x = largestBatchWithinItl(
      { model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2, contextTokens: 4096 },
      0.03,
    );
    const t = text(
      h(ItlBatchTable, { context: 4096, itlMs: 30, rows: [{ format: 'fp8-w8a8', gpu: 'h100-sxm', gpus: 2 }] }),
    );
    expect(t).toContain(`${x.withinItl!.batch} / ${x.expected!.withinItl!.batch}`);
  });
});
