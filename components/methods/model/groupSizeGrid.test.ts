import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleWeights } from '@/lib/quant';
import { chartScale, groupBitsPerWeight, groupSizeGrid, GROUP_SIZES, GRID_METHODS } from './groupSizeGrid';

const cell = (cells: ReturnType<typeof groupSizeGrid>, m: string, g: number | null) =>
  cells.find((c) => c.method === m && c.groupSize === g)!;

describe('groupBitsPerWeight', () => {
  it('matches lib/formats: INT4 g128 = 4 + 16/128 + 4/128 = 4.15625 (AutoGPTQ layout)', () => {
    expect(groupBitsPerWeight('int4', 128).totalBits).toBe(4.15625);
  });
  it('NF4 block 64 with fp32 absmax = 4.5 (QLoRA §3)', () => {
    expect(groupBitsPerWeight('nf4', 64).totalBits).toBe(4.5);
  });
  it('whole tensor uses tensorSize', () => {
    expect(groupBitsPerWeight('int8', null, 4096).overheadBits).toBeCloseTo(24 / 4096, 12);
    expect(() => groupBitsPerWeight('int8', null)).toThrow(RangeError);
  });
  it('overhead decreases as the group grows (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GRID_METHODS),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        (m, a, b) => {
          fc.pre(a < b);
          return groupBitsPerWeight(m, a).overheadBits > groupBitsPerWeight(m, b).overheadBits;
        },
      ),
    );
  });
});

describe('groupSizeGrid', () => {
  it('returns every method × group size with finite numbers', () => {
    const w = sampleWeights({ n: 4096, distribution: 'gaussian', seed: 1 });
    const cells = groupSizeGrid(w);
    expect(cells).toHaveLength(GRID_METHODS.length * GROUP_SIZES.length);
    for (const c of cells) {
      expect(Number.isFinite(c.rmse)).toBe(true);
      expect(c.sqnrDb === null || Number.isFinite(c.sqnrDb)).toBe(true);
    }
  });
  it('8-bit ≤ 4-bit ≤ 3-bit ≤ 2-bit RMSE on the same weights (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom('gaussian', 'laplace', 'student-t' as const),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (seed, distribution, outlierFraction) => {
          const w = sampleWeights({ n: 1024, distribution, seed, outlierFraction });
          const cells = groupSizeGrid(w);
          for (const g of GROUP_SIZES) {
            const r = (m: string) => cell(cells, m, g).rmse;
            if (!(r('int8') <= r('int4') && r('int4') <= r('int3') && r('int3') <= r('int2'))) return false;
          }
          return true;
        },
      ),
      { numRuns: 20 },
    );
  });
  it('with outliers, smaller groups cut 4-bit error (per-tensor vs g32)', () => {
    const w = sampleWeights({ n: 4096, distribution: 'gaussian', seed: 7, outlierFraction: 0.01 });
    const cells = groupSizeGrid(w);
    expect(cell(cells, 'int4', 32).rmse).toBeLessThan(cell(cells, 'int4', null).rmse);
  });
  it('8-bit SQNR is roughly 6 dB/bit above 4-bit (uniform-quantizer rule of thumb)', () => {
    const w = sampleWeights({ n: 4096, distribution: 'gaussian', seed: 1 });
    const cells = groupSizeGrid(w);
    const d = cell(cells, 'int8', 128).sqnrDb! - cell(cells, 'int4', 128).sqnrDb!;
    expect(d).toBeGreaterThan(20);
    expect(d).toBeLessThan(28);
  });
});

describe('chartScale', () => {
  it('maps 0 dB to the bottom and max tick to the top', () => {
    const s = chartScale(5, [12, 47], { width: 400, height: 200 });
    expect(s.y(0)).toBe(172);
    expect(s.y(50)).toBe(10);
    expect(s.x(0)).toBe(44);
    expect(s.x(4)).toBe(388);
    expect(s.yTicks).toEqual([0, 10, 20, 30, 40, 50]);
  });
});
