import { describe, expect, it } from 'vitest';
import { compareMethods, outputError, outputNorms } from './method-lab';
import { makeLabData } from './lab-data';
import { matmulTransB } from './matrix';
import { quantizeRtn } from './rtn';

const small = { rows: 32, cols: 128, groupSize: 32, calibrationTokens: 256, heldOutTokens: 256, seed: 1 } as const;

describe('compareMethods(options)', () => {
  it('reports every method, with errors that fall as bits rise', () => {
    const byBits = [2, 3, 4, 8].map((bits) => compareMethods({ ...small, bits, calibration: 'matched' }));
    expect(byBits[3]!.outcomes.map((o) => o.method)).toEqual([
      'rtn',
      'gptq',
      'gptq-act-order',
      'awq',
      'w8a8',
      'smoothquant-w8a8',
    ]);
    expect(byBits[1]!.outcomes.map((o) => o.method)).toEqual(['rtn', 'gptq', 'gptq-act-order', 'awq']);
    for (let m = 0; m < 4; m++) {
      const errors = byBits.map((r) => r.outcomes[m]!.relativeError);
      for (let k = 1; k < 4; k++) expect(errors[k]).toBeLessThan(errors[k - 1]!);
    }
    for (const o of byBits[2]!.outcomes) expect(o.channelError).toHaveLength(32);
  });

  it('GPTQ and AWQ beat RTN when calibrated on production-like data (4 bits)', () => {
    const r = compareMethods({ ...small, bits: 4, calibration: 'matched' });
    const err = Object.fromEntries(r.outcomes.map((o) => [o.method, o.relativeError]));
    expect(err.gptq!).toBeLessThan(err.rtn!);
    expect(err.awq!).toBeLessThan(err.rtn!);
  });

  it('shows the calibration gap: calibrated on shifted data, GPTQ and AWQ do worse on production data', () => {
    for (const bits of [3, 4]) {
      const matched = compareMethods({ ...small, bits, calibration: 'matched' });
      const shifted = compareMethods({ ...small, bits, calibration: 'shifted' });
      for (const m of [1, 3])
        expect(shifted.outcomes[m]!.relativeError).toBeGreaterThan(matched.outcomes[m]!.relativeError * 1.3);
      // RTN uses no calibration data: identical either way.
      expect(shifted.outcomes[0]!.relativeError).toBe(matched.outcomes[0]!.relativeError);
    }
  });

  it('SmoothQuant W8A8 beats plain W8A8 when calibrated on matched data', () => {
    const r = compareMethods({ ...small, bits: 8, calibration: 'matched' });
    expect(r.outcomes[5]!.relativeError).toBeLessThan(r.outcomes[4]!.relativeError);
    expect(r.smoothQuant).not.toBeNull();
  });

  it('returns the GPTQ trace when asked', () => {
    const r = compareMethods({ ...small, rows: 8, cols: 32, bits: 3, calibration: 'matched', traceGptq: true });
    expect(r.gptq.trace).toHaveLength(32);
    expect(r.gptqActOrder.trace).toHaveLength(32);
  });

  it('reports progress: fractions that never decrease, end at 1, one call per GPTQ column, and the same result', () => {
    for (const bits of [4, 8]) {
      const calls: Array<[number, string]> = [];
      const r = compareMethods({
        ...small,
        bits,
        calibration: 'matched',
        onProgress: (f, step) => calls.push([f, step]),
      });
      const fractions = calls.map(([f]) => f);
      for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
      expect(fractions[0]).toBeGreaterThan(0);
      expect(fractions.at(-1)).toBe(1);
      // 128 columns per GPTQ pass plus the pass's own finish call.
      expect(calls.filter(([, s]) => s === 'gptq')).toHaveLength(small.cols + 1);
      expect(calls.some(([, s]) => s === 'w8a8')).toBe(bits === 8);
      const plain = compareMethods({ ...small, bits, calibration: 'matched' });
      expect(r.outcomes.map((o) => o.relativeError)).toEqual(plain.outcomes.map((o) => o.relativeError));
    }
  });

  it('rejects bad options, naming them', () => {
    expect(() =>
      compareMethods({ ...small, bits: 4, calibration: 'matched', onProgress: 1 as unknown as () => void }),
    ).toThrow('onProgress must be a function');
    expect(() => compareMethods({ ...small, bits: 5, calibration: 'matched' })).toThrow(
      'bits must be 2, 3, 4 or 8 (got 5)',
    );
    expect(() => compareMethods({ ...small, bits: 4, calibration: 'other' as 'matched' })).toThrow(
      "calibration must be 'matched' or 'shifted' (got other)",
    );
    expect(() => compareMethods({ ...small, bits: 4, groupSize: 48, calibration: 'matched' })).toThrow(
      'groupSize must divide cols = 128 (got 48)',
    );
  });
});

describe('outputError(W, Ŵ, outputNorms(W, X))', () => {
  it('equals ‖X·Wᵀ − X·Ŵᵀ‖_F / ‖X·Wᵀ‖_F computed directly', () => {
    const d = makeLabData({ rows: 8, cols: 32, calibrationTokens: 1, heldOutTokens: 64, seed: 3 });
    const wHat = quantizeRtn(d.weights, { bits: 3 }).dequantized;
    const y = matmulTransB(d.heldOut, d.weights).data;
    const yHat = matmulTransB(d.heldOut, wHat).data;
    const direct = Math.sqrt(y.reduce((s, v, i) => s + (v - yHat[i]!) ** 2, 0) / y.reduce((s, v) => s + v * v, 0));
    const e = outputError(d.weights, wHat, outputNorms(d.weights, d.heldOut));
    expect(e.relative).toBeCloseTo(direct, 12);
    // Channel 0 directly: column 0 of Y.
    let n = 0;
    let dd = 0;
    for (let t = 0; t < 64; t++) {
      n += (y[t * 8]! - yHat[t * 8]!) ** 2;
      dd += y[t * 8]! ** 2;
    }
    expect(e.perChannel[0]).toBeCloseTo(Math.sqrt(n / dd), 12);
  });
});
