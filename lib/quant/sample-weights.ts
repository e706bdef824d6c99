import { createPrng, type Prng } from './prng';
import { assertIntegerInRange, assertNumberInRange, assertPositiveInteger } from './validate';

/** Shapes of synthetic weight distributions. */
export type WeightDistribution = 'gaussian' | 'laplace' | 'student-t';

export const WEIGHT_DISTRIBUTIONS: readonly WeightDistribution[] = Object.freeze(['gaussian', 'laplace', 'student-t']);

/** The most values `sampleWeights` will make: 2^25 = 33,554,432 (128 MiB of float32), to keep a browser tab alive. */
export const MAX_SAMPLE_WEIGHTS = 2 ** 25;

/**
 * Default standard deviation of sampled weights, 0.02. An illustrative
 * choice of the right order of magnitude for LLM linear-layer weights, not a
 * measured value for any particular model. Quantization error scales with the
 * weights, so relative results (SQNR, which method wins) do not depend on it.
 */
export const DEFAULT_WEIGHT_STD = 0.02;

/** Default degrees of freedom for `'student-t'`: 5, an illustrative heavy-tailed choice. */
export const DEFAULT_STUDENT_T_DF = 5;

/** Default factor applied to outliers: 10, an illustrative choice. */
export const DEFAULT_OUTLIER_SCALE = 10;

/** Largest `std` and `outlierScale` accepted, so samples stay far inside the float32 range. */
const MAX_SCALE = 1e6;

export interface SampleWeightsOptions {
  /** How many values: an integer from 1 to MAX_SAMPLE_WEIGHTS. */
  n: number;
  distribution: WeightDistribution;
  /** An integer from 0 to 2^32 − 1; the same seed always gives the same values. */
  seed: number;
  /** Standard deviation of the distribution (before outliers). Default 0.02 (`DEFAULT_WEIGHT_STD`). */
  std?: number;
  /** Degrees of freedom for `'student-t'`, greater than 2 (so that `std` exists). Default 5. */
  df?: number;
  /** Share of values, from 0 to 1, multiplied by `outlierScale`. Default 0. */
  outlierFraction?: number;
  /** Factor for outliers, greater than 0. Default 10. */
  outlierScale?: number;
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang, "A simple method for generating
 * gamma variables", ACM TOMS 26(3), 2000. Valid for shape ≥ 1.
 */
function nextGamma(prng: Prng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = prng.nextNormal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    if (Math.log(prng.nextOpenUnit()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Synthetic weights for experiments: `n` float32 values with mean 0 and
 * standard deviation `std`, from a seeded generator (`createPrng`), so the
 * same options always give the same array.
 *
 * - `'gaussian'`: N(0, std²), by Box–Muller.
 * - `'laplace'`: Laplace(0, b) with b = std / √2 (variance 2b² = std²), by the
 *   inverse CDF: x = −b · sign(u) · ln(1 − 2|u|), u uniform in (−½, ½).
 *   Heavier tails than the Gaussian.
 * - `'student-t'`: t = z / √(χ²/df), z ~ N(0, 1), χ² = 2 · Gamma(df/2)
 *   (Marsaglia–Tsang), then scaled by std · √((df − 2)/df), since a t
 *   variable has variance df/(df − 2). Heavier tails still; smaller `df`,
 *   heavier tails.
 *
 * Outliers: exactly round(outlierFraction × n) values, at positions drawn
 * uniformly without replacement from a second stream seeded from `seed`
 * (selection sampling, Knuth TAOCP vol. 2, §3.4.2, Algorithm S), are
 * multiplied by `outlierScale`. This makes isolated large weights, which is
 * what stretches a block's absmax; it does not model whole outlier channels.
 *
 * @throws {RangeError} naming the field, for: `n` not an integer from 1 to 33,554,432;
 *   unknown `distribution`; `seed` not an integer from 0 to 4,294,967,295; `std` or
 *   `outlierScale` not in (0, 1e6]; `df` not in (2, 1e6]; `outlierFraction` not in [0, 1]
 * @example
 * const w = sampleWeights({ n: 4096, distribution: 'gaussian', seed: 1 });
 * w.length // 4096; the standard deviation of w is close to 0.02
 */
export function sampleWeights(options: SampleWeightsOptions): Float32Array {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('options must be an object with n, distribution and seed');
  const {
    n,
    distribution,
    seed,
    std = DEFAULT_WEIGHT_STD,
    df = DEFAULT_STUDENT_T_DF,
    outlierFraction = 0,
    outlierScale = DEFAULT_OUTLIER_SCALE,
  } = options;
  assertPositiveInteger(n, 'n', MAX_SAMPLE_WEIGHTS);
  if (!WEIGHT_DISTRIBUTIONS.includes(distribution)) {
    throw new RangeError(
      `distribution must be one of ${WEIGHT_DISTRIBUTIONS.map((d) => `'${d}'`).join(', ')} (got ${JSON.stringify(distribution)})`,
    );
  }
  assertIntegerInRange(seed, 'seed', 0, 2 ** 32 - 1);
  assertNumberInRange(std, 'std', 0, MAX_SCALE, { minExclusive: true });
  if (distribution === 'student-t') assertNumberInRange(df, 'df', 2, 1e6, { minExclusive: true });
  assertNumberInRange(outlierFraction, 'outlierFraction', 0, 1);
  assertNumberInRange(outlierScale, 'outlierScale', 0, MAX_SCALE, { minExclusive: true });

  const prng = createPrng(seed);
  const out = new Float32Array(n);
  switch (distribution) {
    case 'gaussian':
      for (let i = 0; i < n; i++) out[i] = std * prng.nextNormal();
      break;
    case 'laplace': {
      const b = std / Math.SQRT2;
      for (let i = 0; i < n; i++) {
        const u = prng.nextOpenUnit() - 0.5;
        out[i] = -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
      }
      break;
    }
    case 'student-t': {
      const toStd = std * Math.sqrt((df - 2) / df);
      for (let i = 0; i < n; i++) {
        const z = prng.nextNormal();
        const chiSquared = 2 * nextGamma(prng, df / 2);
        out[i] = toStd * (z / Math.sqrt(chiSquared / df));
      }
      break;
    }
  }

  const outliers = Math.round(outlierFraction * n);
  if (outliers > 0) {
    const pick = createPrng((seed ^ 0x5bd1e995) >>> 0);
    let chosen = 0;
    for (let i = 0; i < n && chosen < outliers; i++) {
      // Choose index i with probability (still needed) / (still available).
      if ((n - i) * pick.nextOpenUnit() < outliers - chosen) {
        out[i] = (out[i] as number) * outlierScale;
        chosen++;
      }
    }
  }
  return out;
}
