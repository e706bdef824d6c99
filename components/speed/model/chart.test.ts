import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GPUS } from '@/lib/hardware';
import { decodeStep } from '@/lib/perf/decodeStep';
import { batchMarkerAt, buildSpeedChart, chartLayout, CHART_BATCH_MAX } from './chart';
import { CHART_FORMATS } from './options';

const base = {
  model: 'llama-3.1-70b',
  gpu: 'h100-sxm',
  gpuCount: 1,
  contextTokens: 1,
  kvBits: 16,
  formats: [...CHART_FORMATS],
  widthPx: 640,
};

describe('chartLayout(widthPx)', () => {
  it('clamps the width and keeps the plot inside the margins', () => {
    expect(chartLayout(640).plot).toEqual({ left: 64, right: 624, top: 16, bottom: 345 });
    expect(chartLayout(100).width).toBe(300);
    expect(chartLayout(5000).width).toBe(880);
  });
  it('labels every other batch when 11 labels would crowd (a 360 px phone)', () => {
    expect(chartLayout(330).xLabelEvery).toBe(2);
    expect(chartLayout(330).compact).toBe(true);
    expect(chartLayout(640).compact).toBe(false);
    expect(chartLayout(640).xLabelEvery).toBe(1);
    expect(() => chartLayout(Number.NaN)).toThrow(RangeError);
  });
});

describe('buildSpeedChart(input)', () => {
  it('BF16 70B on an H100 SXM at 1 token of context: knee at ≈ 295 = 989 TFLOPS / 3.35 TB/s, flat after it', () => {
    const chart = buildSpeedChart({ ...base, formats: ['bf16'] });
    const s = chart.series[0]!;
    expect(s.crossoverBatch).toBeCloseTo(decodeStep({ ...base, weights: 'bf16', batch: 1 }).crossoverBatch, 9);
    expect(s.crossover!.batch / (989 / 3.35)).toBeGreaterThan(0.995);
    expect(s.crossover!.batch / (989 / 3.35)).toBeLessThan(1.005);
    // Per operator at batch b: GEMMs compute-bound, 2 × 69,501,714,432 FLOPs / 989e12 per sequence; attention over one
    // cached token memory-bound, 327,680 B / 3.35e12; small ops 80 × 339,968 B / 3.35e12 → ≈ 6,722 tokens/s
    const ceiling = 1 / ((2 * 69_501_714_432) / 989e12 + (327_680 + 80 * 339_968) / 3.35e12);
    const at1024 = s.ticks.find((t) => t.batch === 1024)!;
    expect(at1024.tokensPerSecondTotal).toBeCloseTo(ceiling, 6);
    expect(at1024.bound).toBe('compute');
    expect(s.crossover!.tokensPerSecondTotal).toBeLessThanOrEqual(ceiling * (1 + 1e-9));
    expect(s.crossover!.tokensPerSecondTotal).toBeGreaterThan(ceiling * 0.99);
  });
  it('draws BF16 70B on one 80 GB card dashed all the way (141 GB of weights), and solid on two', () => {
    const one = buildSpeedChart({ ...base, formats: ['bf16'] }).series[0]!;
    expect(one.maxBatchThatFits).toBe(0);
    expect(one.fitPath).toBe('');
    expect(one.overflowPath).toMatch(/^M/);
    const two = buildSpeedChart({ ...base, gpuCount: 2, formats: ['bf16'] }).series[0]!;
    expect(two.maxBatchThatFits).toBeGreaterThan(0);
    expect(two.fitPath).toMatch(/^M/);
  });
  it('starts the dashed part at the last point that fits, so the line is unbroken', () => {
    const s = buildSpeedChart({ ...base, contextTokens: 1024, formats: ['int4-g128'] }).series[0]!;
    expect(s.maxBatchThatFits).toBe(107); // (0.92 × 79.18 − 37.04 − 1.97 − 0.25) GiB ÷ 0.3125 GiB per 1k sequence = 107.4
    const lastFit = s.fitPath.split('L').pop()!.replace(/^M/, '');
    expect(s.overflowPath.startsWith(`M${lastFit}`)).toBe(true);
  });
  it('marks FP8 W8A8 as the same line as INT8 W8A8 on H100 (same 1,979 peak, same bytes)', () => {
    const chart = buildSpeedChart(base);
    const fp8 = chart.series.find((s) => s.weights === 'fp8-w8a8')!;
    expect(fp8.sameAs).toBe('INT8 W8A8');
    expect(fp8.computeDtype).toBe('fp8');
    expect(chart.series.find((s) => s.weights === 'int8-w8a16')!.sameAs).toBeNull();
  });
  it("on an A100 (no FP8 tensor cores) FP8 W8A8 runs weight-only in BF16: the same line as INT8 W8A16, with lib/perf's note", () => {
    const chart = buildSpeedChart({ ...base, gpu: 'a100-80gb-sxm' });
    const fp8 = chart.series.find((s) => s.weights === 'fp8-w8a8')!;
    expect(fp8.computeDtype).toBe('bf16');
    expect(fp8.computeDtypeNote).toMatch(/no fp8 tensor cores/);
    expect(chart.series.find((s) => s.weights === 'int8-w8a16')!.sameAs).toBe('FP8 W8A8');
  });
  it('marks the GEMM crossover at every context: the KV cache is read by another kernel (review F01)', () => {
    const short = buildSpeedChart({ ...base, contextTokens: 1, formats: ['int8-w8a8'] }).series[0]!;
    const long = buildSpeedChart({ ...base, contextTokens: 4096, formats: ['int8-w8a8'] }).series[0]!;
    expect(long.crossoverBatch).toBe(short.crossoverBatch);
    expect(long.crossover).not.toBeNull();
    // INT8 W8A8: 1 byte per weight, 2 × BF16 peak → ≈ 1,979 / 3.35 / 2 ≈ 295 as well (BF16 lm_head adds a little)
    expect(long.crossoverBatch).toBeGreaterThan(290);
    expect(long.crossoverBatch).toBeLessThan(310);
  });
  it('ticks at every power of two; the batch marker only when on the axis', () => {
    const chart = buildSpeedChart({ ...base, batch: 64 });
    expect(chart.xTicks.map((t) => t.value)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(chart.series[0]!.ticks.map((t) => t.batch)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(chart.batchMarker?.batch).toBe(64);
    expect(buildSpeedChart({ ...base, batch: 4096 }).batchMarker).toBeNull();
    expect(buildSpeedChart({ ...base, batch: null }).batchMarker).toBeNull();
    expect(batchMarkerAt(chartLayout(640), 32)!.x).toBeCloseTo(344, 9); // log2(32) / log2(1024) = 1/2 of 64 … 624
    expect(batchMarkerAt(chartLayout(640), 0)).toBeNull();
  });
  it('summarises the chart in words: 4-bit fastest at batch 1, W8A8 at batch 1,024', () => {
    const { summary } = buildSpeedChart(base);
    expect(summary).toMatch(/At batch 1 the fastest is INT4 g128 W4A16/);
    expect(summary).toMatch(/At batch 1,024 the fastest is INT8 W8A8/);
    expect(summary).toMatch(/BF16 does not fit even at batch 1/);
    expect(summary).not.toMatch(/NaN|Infinity|undefined/);
  });
  it('draws the expected curve beside the ceiling where our H100 benchmark covers the GPU, never above it, and none on an A100', () => {
    const h100 = buildSpeedChart({ ...base, contextTokens: 1024, formats: ['bf16', 'int4-g128'] });
    for (const s of h100.series) {
      for (const t of s.ticks) {
        if (t.expectedTokensPerSecondTotal === null) continue;
        expect(t.expectedTokensPerSecondTotal).toBeLessThanOrEqual(t.tokensPerSecondTotal * (1 + 1e-9));
      }
    }
    expect(h100.series[1]!.expectedPath).toMatch(/^M/);
    const a100 = buildSpeedChart({ ...base, gpu: 'a100-80gb-sxm', contextTokens: 1024, formats: ['int4-g128'] });
    expect(a100.series[0]!.expectedPath).toBe('');
    expect(a100.series[0]!.ticks.every((t) => t.expectedTokensPerSecondTotal === null)).toBe(true);
  });
  it('rejects an empty format list', () => {
    expect(() => buildSpeedChart({ ...base, formats: [] })).toThrow(/formats/);
  });
  it('paths and ticks are finite and inside the plot for any catalog GPU, context and KV precision', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GPUS.map((g) => g.id)),
        fc.constantFrom(1, 2, 4, 8),
        fc.integer({ min: 1, max: 131_072 }),
        fc.constantFrom(4, 8, 16),
        fc.integer({ min: 300, max: 1200 }),
        (gpu, gpuCount, contextTokens, kvBits, widthPx) => {
          const chart = buildSpeedChart({ ...base, gpu, gpuCount, contextTokens, kvBits, widthPx });
          const { plot } = chart.layout;
          for (const s of chart.series) {
            expect(`${s.fitPath}${s.overflowPath}`).not.toMatch(/NaN|Infinity|undefined/);
            for (const t of s.ticks) {
              expect(t.y).toBeGreaterThanOrEqual(plot.top - 1e-6);
              expect(t.y).toBeLessThanOrEqual(plot.bottom + 1e-6);
            }
            if (s.crossover) expect(s.crossover.batch).toBeLessThanOrEqual(CHART_BATCH_MAX);
          }
          for (const t of chart.yTicks) expect(Number.isFinite(t.y)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
