import { describe, expect, it } from 'vitest';
import { errorStats } from './error-stats';
import { MAX_SAMPLE_WEIGHTS, sampleWeights } from './sample-weights';

const std = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
const kurtosis = (x: Float32Array) => {
  const s2 = x.reduce((s, v) => s + v * v, 0) / x.length;
  return x.reduce((s, v) => s + v ** 4, 0) / x.length / (s2 * s2);
};

describe('sampleWeights(options)', () => {
  it('is deterministic: the same options give the same array, another seed a different one', () => {
    for (const distribution of ['gaussian', 'laplace', 'student-t'] as const) {
      const a = sampleWeights({ n: 1000, distribution, seed: 5, outlierFraction: 0.01 });
      expect(sampleWeights({ n: 1000, distribution, seed: 5, outlierFraction: 0.01 })).toEqual(a);
      expect(sampleWeights({ n: 1000, distribution, seed: 6, outlierFraction: 0.01 })).not.toEqual(a);
    }
  });

  it('has standard deviation ≈ std (default 0.02) for each distribution', () => {
    for (const distribution of ['gaussian', 'laplace', 'student-t'] as const) {
      expect(std(sampleWeights({ n: 200_000, distribution, seed: 1 }))).toBeCloseTo(0.02, 3);
      expect(std(sampleWeights({ n: 200_000, distribution, seed: 2, std: 0.5 }))).toBeCloseTo(0.5, 1);
    }
  });

  it('has the tails of its distribution: kurtosis ≈ 3 (Gaussian), 6 (Laplace), > 6 (Student-t, df 5: 9)', () => {
    // Kurtosis: Gaussian 3; Laplace 6; Student-t 3 + 6/(df − 4) = 9 for df = 5 (sample estimate is noisy).
    expect(kurtosis(sampleWeights({ n: 200_000, distribution: 'gaussian', seed: 3 }))).toBeCloseTo(3, 0);
    expect(kurtosis(sampleWeights({ n: 200_000, distribution: 'laplace', seed: 3 }))).toBeCloseTo(6, 0);
    expect(kurtosis(sampleWeights({ n: 200_000, distribution: 'student-t', seed: 3 }))).toBeGreaterThan(6);
  });

  it('multiplies exactly round(outlierFraction × n) values by outlierScale', () => {
    const base = sampleWeights({ n: 10_000, distribution: 'gaussian', seed: 9 });
    const withOutliers = sampleWeights({
      n: 10_000,
      distribution: 'gaussian',
      seed: 9,
      outlierFraction: 0.0123,
      outlierScale: 50,
    });
    let changed = 0;
    for (let i = 0; i < base.length; i++) {
      if (withOutliers[i] !== base[i]) {
        changed++;
        expect(withOutliers[i]).toBe(Math.fround((base[i] as number) * 50));
      }
    }
    expect(changed).toBe(123);
    expect(sampleWeights({ n: 10, distribution: 'gaussian', seed: 9, outlierFraction: 1, outlierScale: 2 })).toEqual(
      sampleWeights({ n: 10, distribution: 'gaussian', seed: 9 }).map((v) => v * 2),
    );
  });

  it('makes quantization worse with outliers, as they stretch the absmax (sanity check)', async () => {
    const { quantizeInt8Absmax } = await import('./quantize-int8-absmax');
    const clean = sampleWeights({ n: 4096, distribution: 'gaussian', seed: 4 });
    const spiky = sampleWeights({
      n: 4096,
      distribution: 'gaussian',
      seed: 4,
      outlierFraction: 0.001,
      outlierScale: 100,
    });
    const sqnr = (x: Float32Array) => errorStats(x, quantizeInt8Absmax(x).dequantized).sqnrDb as number;
    expect(sqnr(spiky)).toBeLessThan(sqnr(clean) - 10);
  });

  it('throws for bad options, naming the field', () => {
    const ok = { n: 10, distribution: 'gaussian' as const, seed: 1 };
    expect(() => sampleWeights({ ...ok, n: 0 })).toThrow('n must be a positive integer (got 0)');
    expect(() => sampleWeights({ ...ok, n: 2.5 })).toThrow('n must be a positive integer (got 2.5)');
    expect(() => sampleWeights({ ...ok, n: MAX_SAMPLE_WEIGHTS + 1 })).toThrow(
      'n must be at most 33,554,432 (got 33,554,433)',
    );
    expect(() => sampleWeights({ ...ok, distribution: 'cauchy' as 'gaussian' })).toThrow(
      `distribution must be one of 'gaussian', 'laplace', 'student-t' (got "cauchy")`,
    );
    expect(() => sampleWeights({ ...ok, seed: -1 })).toThrow('seed must be an integer from 0 to 4294967295 (got -1)');
    expect(() => sampleWeights({ ...ok, seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => sampleWeights({ ...ok, std: 0 })).toThrow(
      'std must be a number greater than 0 and at most 1000000 (got 0)',
    );
    expect(() => sampleWeights({ ...ok, std: Number.NaN })).toThrow(/std must be a number/);
    expect(() => sampleWeights({ ...ok, distribution: 'student-t', df: 2 })).toThrow(
      'df must be a number greater than 2 and at most 1000000 (got 2)',
    );
    expect(() => sampleWeights({ ...ok, outlierFraction: 1.5 })).toThrow(
      'outlierFraction must be a number at least 0 and at most 1 (got 1.5)',
    );
    expect(() => sampleWeights({ ...ok, outlierScale: -3 })).toThrow(/outlierScale must be a number greater than 0/);
    expect(() => sampleWeights(null as unknown as typeof ok)).toThrow(/options must be an object/);
  });
});
