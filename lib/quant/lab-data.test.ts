import { describe, expect, it } from 'vitest';
import { makeLabData } from './lab-data';

const opts = { rows: 64, cols: 256, calibrationTokens: 256, heldOutTokens: 128, seed: 1 };

describe('makeLabData(options)', () => {
  const d = makeLabData(opts);

  it('is deterministic per seed, and float32 throughout', () => {
    const again = makeLabData(opts);
    expect(Array.from(again.heldOut.data)).toEqual(Array.from(d.heldOut.data));
    expect(makeLabData({ ...opts, seed: 2 }).weights.data[0]).not.toBe(d.weights.data[0]);
    for (const m of [d.weights, d.matched, d.shifted, d.heldOut])
      for (const v of m.data) expect(Math.fround(v)).toBe(v);
  });

  it('has the shapes asked for and weights of standard deviation ≈ 1/√cols', () => {
    expect([d.weights.rows, d.weights.cols, d.matched.rows, d.shifted.rows, d.heldOut.rows]).toEqual([
      64, 256, 256, 256, 128,
    ]);
    const std = Math.sqrt(d.weights.data.reduce((s, v) => s + v * v, 0) / d.weights.data.length);
    expect(std * Math.sqrt(256)).toBeCloseTo(1, 1);
  });

  it('puts outliers of magnitude ≥ 6 in a few fixed channels (every token), other values mostly within ±3.5', () => {
    // Default: max(2, round(256/64)) = 4 outlier channels.
    const outl = d.production.outlierChannels;
    expect(outl).toHaveLength(4);
    let normal = 0;
    let inside = 0;
    for (let t = 0; t < d.matched.rows; t++) {
      for (let j = 0; j < 256; j++) {
        const v = Math.abs(d.matched.data[t * 256 + j]!);
        if (outl.includes(j)) expect(v).toBeGreaterThanOrEqual(6);
        else {
          normal++;
          if (v <= 3.5) inside++;
        }
      }
    }
    expect(inside / normal).toBeGreaterThan(0.99);
  });

  it('shifts the calibration domain: half the outlier channels move, the rest shrink, normal channels get a mean', () => {
    const a = d.production.outlierChannels;
    const b = d.shiftedDomain.outlierChannels;
    expect(b).toHaveLength(a.length);
    expect(b.filter((j) => a.includes(j))).toHaveLength(a.length / 2);
    const kept = b.find((j) => a.includes(j))!;
    expect(d.shiftedDomain.channelScale[kept]).toBe(0.5 * d.production.channelScale[kept]!);
    const normalMeans = Array.from(d.shiftedDomain.channelMean).filter((_, j) => !b.includes(j));
    expect(normalMeans.every((m) => Math.abs(m) === 0.5)).toBe(true);
  });

  it('rejects sizes and seeds out of range', () => {
    expect(() => makeLabData({ ...opts, cols: 5000 })).toThrow('cols must be at most 4,096 (got 5,000)');
    expect(() => makeLabData({ ...opts, seed: -1 })).toThrow('seed must be an integer from 0 to 4294967295 (got -1)');
    expect(() => makeLabData({ ...opts, cols: 8, outlierChannels: 5 })).toThrow(
      'outlierChannels must be an integer from 0 to 4 (got 5)',
    );
  });
});
