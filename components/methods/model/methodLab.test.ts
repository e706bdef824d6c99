import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeValues,
  formatPercent,
  gptqAt,
  groupKey,
  inputsKey,
  LAB_DEFAULTS,
  LAB_GROUPS,
  linear,
  logScale,
  peakToMedian,
  rankMethods,
  readRanking,
  readLabInputs,
  type LabSummary,
  type MethodRow,
  type TraceStep,
} from './methodLab';

/** A summary with made-up errors, for the view logic alone (the real ones are tested in labRun.test.ts). */
function fakeSummary(methods: MethodRow[], calibration: 'matched' | 'shifted' = 'matched'): LabSummary {
  return {
    inputs: { bits: 4, groupSize: 128, calibration, seed: 1 },
    rows: 4,
    cols: 4,
    calibrationTokens: 8,
    heldOutTokens: 8,
    outlierChannels: [2],
    methods,
    channelError: {},
    awq: { bestRatio: 0.5, grid: [] },
    smoothQuant: null,
    gptqTrace: [],
    gptqActOrderTrace: [],
    computeMs: 1,
  };
}
const row = (method: MethodRow['method'], matched: number, shifted: number): MethodRow => ({
  method,
  matched,
  shifted,
  weightError: 0,
  calibrationError: null,
});

describe('readLabInputs(url state)', () => {
  it('reads the defaults: 4 bits, g128, production-like calibration, seed 1', () => {
    expect(readLabInputs(LAB_DEFAULTS)).toEqual({
      inputs: { bits: 4, groupSize: 128, calibration: 'matched', seed: 1 },
      seedError: null,
    });
  });

  it('reads per channel, 2 bits and the shifted set, and falls back to defaults for unknown values', () => {
    expect(readLabInputs({ bits: '2', group: 'channel', cal: 'shifted', seed: '7' }).inputs).toEqual({
      bits: 2,
      groupSize: null,
      calibration: 'shifted',
      seed: 7,
    });
    expect(readLabInputs({ bits: '5', group: '48', cal: 'x', seed: '7' }).inputs).toEqual({
      bits: 4,
      groupSize: 128,
      calibration: 'matched',
      seed: 7,
    });
  });

  it('gives a message, not inputs, for a bad seed', () => {
    for (const seed of ['', '-1', '1.5', 'abc', '4294967296']) {
      const r = readLabInputs({ ...LAB_DEFAULTS, seed });
      expect(r.inputs, seed).toBeNull();
      expect(r.seedError, seed).toMatch(/Seed/);
    }
  });

  it('round-trips every group size through its URL key, and keys set-ups uniquely', () => {
    for (const g of LAB_GROUPS)
      expect(readLabInputs({ ...LAB_DEFAULTS, group: groupKey(g) }).inputs?.groupSize).toBe(g);
    expect(inputsKey({ bits: 4, groupSize: null, calibration: 'matched', seed: 1 })).toBe('4/channel/matched/1');
  });
});

describe('rankMethods(summary)', () => {
  it('ranks by the shown calibration and gives each gap (hand-computed)', () => {
    const s = fakeSummary([row('rtn', 0.09, 0.09), row('gptq', 0.05, 0.1), row('awq', 0.04, 0.08)]);
    const r = rankMethods(s);
    expect(r.map((x) => [x.method, x.rank])).toEqual([
      ['awq', 1],
      ['gptq', 2],
      ['rtn', 3],
    ]);
    // GPTQ: 0.10 − 0.05 = 0.05, 0.10 / 0.05 = 2; RTN uses no data: gap 0, ratio 0.09 / 0.09 = 1.
    expect(r[1]!.gap).toBeCloseTo(0.05, 12);
    expect(r[1]!.gapRatio).toBeCloseTo(2, 12);
    expect(r[2]!.gap).toBe(0);
    expect(r[2]!.gapRatio).toBe(1);
    // Calibrated on the shifted set, RTN (0.09) beats GPTQ (0.10): the order flips.
    const shifted = rankMethods({ ...s, inputs: { ...s.inputs, calibration: 'shifted' } });
    expect(shifted.map((x) => x.method)).toEqual(['awq', 'rtn', 'gptq']);
  });

  it('gives no ratio when the matched error is zero (nothing to divide by)', () => {
    expect(rankMethods(fakeSummary([row('rtn', 0, 0.1)]))[0]!.gapRatio).toBeNull();
  });

  it('gives ties the same rank', () => {
    const r = rankMethods(fakeSummary([row('rtn', 0.1, 0.1), row('gptq', 0.1, 0.2), row('awq', 0.2, 0.2)]));
    expect(r.map((x) => x.rank)).toEqual([1, 1, 3]);
  });

  it('property: errors never decrease down the ranking, ranks run from 1 and every method appears once', () => {
    const methods = ['rtn', 'gptq', 'gptq-act-order', 'awq', 'w8a8', 'smoothquant-w8a8'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 6,
          maxLength: 6,
        }),
        fc.constantFrom('matched' as const, 'shifted' as const),
        (errs, cal) => {
          const r = rankMethods(
            fakeSummary(
              errs.map(([m, s], i) => row(methods[i]!, m, s)),
              cal,
            ),
          );
          expect(new Set(r.map((x) => x.method)).size).toBe(6);
          expect(r[0]!.rank).toBe(1);
          for (let i = 1; i < r.length; i++) {
            expect(r[i]!.error).toBeGreaterThanOrEqual(r[i - 1]!.error);
            expect(r[i]!.rank).toBeGreaterThanOrEqual(r[i - 1]!.rank);
          }
          for (const x of r) expect(x.gapRatio === null || Number.isFinite(x.gapRatio)).toBe(true);
        },
      ),
    );
  });
});

describe('formatting and statistics', () => {
  it('formats errors as percentages, never NaN', () => {
    expect(formatPercent(0.09321)).toBe('9.32%');
    expect(formatPercent(0.00295)).toBe('0.295%');
    expect(formatPercent(0)).toBe('0.000%');
    expect(() => formatPercent(Number.NaN)).toThrow('not a finite error');
    fc.assert(fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (x) => /^\d+\.\d+%$/.test(formatPercent(x))));
  });

  it('describes values by nearest rank (hand-computed)', () => {
    // Sorted 1, 2, 3, 10: median = 2nd (⌈0.5·4⌉), p90 = 4th (⌈0.9·4⌉); the max is at index 3.
    expect(describeValues([3, 1, 2, 10])).toEqual({ min: 1, median: 2, p90: 10, max: 10, argMax: 3 });
    expect(() => describeValues([])).toThrow('at least one value');
    // 60 / 2 = 30: one outlier channel stretches a shared range 30×.
    expect(peakToMedian([1, 2, 3, 60, 2])).toBe(30);
  });

  it('maps scales: linear endpoints, log decades, and a zero-width domain to the middle', () => {
    const f = linear(0, 10, 100, 0);
    expect([f(0), f(5), f(10)]).toEqual([100, 50, 0]);
    expect(linear(3, 3, 0, 10)(3)).toBe(5);
    const g = logScale(1, 100, 0, 200);
    expect([g(1), g(10), g(100), g(0)]).toEqual([0, 100, 200, 0]);
    expect(() => logScale(0, 1, 0, 1)).toThrow('positive domain');
  });

  it("walks GPTQ's trace: the step, the loss so far and the columns left, clamping the step", () => {
    const steps: TraceStep[] = [0, 1, 2].map((i) => ({
      step: i,
      column: 2 - i,
      hinvDiag: 1,
      errorNorm: 0.1,
      loss: i + 1,
      updateNorm: 0.2,
    }));
    expect(gptqAt(steps, 1)).toEqual({ current: steps[1], lossSoFar: 3, remaining: 1 });
    expect(gptqAt(steps, 99).current.column).toBe(0);
    expect(gptqAt(steps, -5).lossSoFar).toBe(1);
    expect(gptqAt(steps, Number.NaN).current.step).toBe(0);
    expect(() => gptqAt([], 0)).toThrow('empty');
  });
});

describe('readRanking(summary)', () => {
  it('names the winner, its ratio to RTN and what the shifted set does (hand-checked numbers)', () => {
    const s = fakeSummary([row('rtn', 0.0932, 0.0932), row('gptq', 0.0532, 0.0962), row('awq', 0.0474, 0.0957)]);
    // 0.0932 / 0.0474 = 1.966… → "1.97×"; shifted GPTQ 9.62% and AWQ 9.57% are both above RTN's 9.32%.
    expect(readRanking(s)).toBe(
      'Calibrated on production-like data, AWQ has the smallest held-out error (4.74%), 1.97× less than RTN (9.32%). ' +
        "Calibrated on the shifted set instead, GPTQ's error on production data goes from 5.32% to 9.62% and GPTQ and AWQ fall behind RTN, which uses no data.",
    );
    const kept = fakeSummary([row('rtn', 0.2, 0.2), row('gptq', 0.1, 0.15), row('awq', 0.09, 0.12)]);
    expect(readRanking(kept)).toContain('; RTN, which uses no data, stays at 20.00%.');
    const rtnBest = fakeSummary([row('rtn', 0.1, 0.1), row('gptq', 0.2, 0.3)], 'shifted');
    expect(readRanking(rtnBest)).toMatch(
      /^Calibrated on the shifted set, no method beats round-to-nearest \(10\.00%\)\./,
    );
  });
});
