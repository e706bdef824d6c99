/**
 * Synthetic data for the method lab: one linear layer's weights and the
 * activations that feed it, seeded so that every run and every browser sees
 * the same numbers.
 */
import { matrix, type Matrix } from './matrix';
import { createPrng, type Prng } from './prng';
import { assertIntegerInRange, assertPositiveInteger } from './validate';

const f32 = Math.fround;

/** Options of `makeLabData`. */
export interface LabDataOptions {
  /** Output channels of the layer (W's rows). */
  rows: number;
  /** Input channels (W's columns, X's columns). */
  cols: number;
  /** Calibration tokens (rows of each calibration X). */
  calibrationTokens: number;
  /** Held-out, production-like tokens the methods are evaluated on. */
  heldOutTokens: number;
  /** An integer from 0 to 2^32 − 1. */
  seed: number;
  /** Input channels with outlier features; default max(2, round(cols / 64)). */
  outlierChannels?: number;
}

/** One activation domain: which channels carry outliers and how every channel is distributed. */
export interface ActivationDomain {
  /** Input channels with outlier features, ascending. */
  readonly outlierChannels: readonly number[];
  /** Per channel: typical magnitude (the outliers' size, or the normal channels' standard deviation). */
  readonly channelScale: Float64Array;
  /** Per channel: mean added to normal channels (0 in the production domain). */
  readonly channelMean: Float64Array;
}

/** Weights, the two calibration sets and the held-out evaluation set of the lab layer. */
export interface LabData {
  /** W, rows × cols, float32 values: N(0, 1/cols) (the usual 1/√in initialization scale). */
  readonly weights: Matrix;
  /** Calibration activations from the production domain (calibrationTokens × cols). */
  readonly matched: Matrix;
  /** Calibration activations from a shifted domain (calibrationTokens × cols). */
  readonly shifted: Matrix;
  /** Held-out production-domain activations (heldOutTokens × cols), never used for calibration. */
  readonly heldOut: Matrix;
  readonly production: ActivationDomain;
  readonly shiftedDomain: ActivationDomain;
}

/** Largest rows, cols or token count accepted: 4,096. */
export const MAX_LAB_DIM = 4096;

/**
 * Makes the lab layer. Activations imitate what is known of LLM hidden states:
 *
 * - Most channels: per-token gain g_t × N(0, σ_j²), with σ_j log-normal around 1
 *   (e^{0.25·N(0,1)}) and g_t = e^{0.2·N(0,1)}, so values mostly lie within ±3.5, the
 *   "usually normally distributed … most values in [−3.5, 3.5]" of the transformers
 *   documentation of LLM.int8()'s threshold (huggingface/transformers
 *   `src/transformers/utils/quantization_config.py`, `BitsAndBytesConfig.llm_int8_threshold`).
 * - A few fixed channels carry *outlier features*: in every token the same channels,
 *   with the same sign, of magnitude m_j drawn uniformly from [20, 50] times (1 + 0.2·N(0,1)),
 *   so mostly within the "[−60, −6] or [6, 60]" of the same documentation. Outlier
 *   features that emerge in a few fixed hidden dimensions are described by LLM.int8()
 *   (Dettmers et al., arXiv 2208.07339, §4), and SmoothQuant (Xiao et al., arXiv
 *   2211.10438, §3) observes that "if one channel has an outlier, it persistently
 *   appears in all tokens". The exact magnitudes here are illustrative, not measured.
 * - The shifted domain ("calibrate on unlike data"): half of the outlier channels move
 *   to other channels, their magnitudes are halved, every normal channel's σ_j is
 *   redrawn and gets a mean of ±0.5. It stands for calibration text from another
 *   domain; the held-out set is always from the production domain.
 *
 * Weights are N(0, 1/cols), float32 values (stored in float64). Every value is rounded
 * to float32, so that a float32 reference implementation sees identical inputs.
 *
 * @throws {RangeError} if a size is not a positive integer up to 4,096, the seed is not a
 *   32-bit unsigned integer, or outlierChannels is not an integer from 0 to cols / 2
 */
export function makeLabData(options: LabDataOptions): LabData {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const { rows, cols, calibrationTokens, heldOutTokens, seed } = options;
  assertPositiveInteger(rows, 'rows', MAX_LAB_DIM);
  assertPositiveInteger(cols, 'cols', MAX_LAB_DIM);
  assertPositiveInteger(calibrationTokens, 'calibrationTokens', MAX_LAB_DIM);
  assertPositiveInteger(heldOutTokens, 'heldOutTokens', MAX_LAB_DIM);
  assertIntegerInRange(seed, 'seed', 0, 2 ** 32 - 1);
  const nOutliers = options.outlierChannels ?? Math.max(2, Math.round(cols / 64));
  assertIntegerInRange(nOutliers, 'outlierChannels', 0, Math.floor(cols / 2));

  const prng = createPrng(seed);
  const std = 1 / Math.sqrt(cols);
  const weights = matrix(rows, cols);
  for (let i = 0; i < weights.data.length; i++) weights.data[i] = f32(std * prng.nextNormal());

  const production = makeDomain(prng, cols, pickChannels(prng, cols, nOutliers, []), 1, 0);
  // Shifted: keep the first half of the production outlier channels, move the rest.
  const keep = production.outlierChannels.slice(0, Math.floor(nOutliers / 2));
  const moved = pickChannels(prng, cols, nOutliers - keep.length, production.outlierChannels);
  const shiftedDomain = makeDomain(
    prng,
    cols,
    [...keep, ...moved].sort((a, b) => a - b),
    0.5,
    0.5,
  );
  // The shifted domain's kept outliers have the production sign and half the size.
  for (const j of keep) shiftedDomain.channelScale[j] = 0.5 * production.channelScale[j]!;

  return {
    weights,
    matched: sample(prng, calibrationTokens, production),
    shifted: sample(prng, calibrationTokens, shiftedDomain),
    heldOut: sample(prng, heldOutTokens, production),
    production,
    shiftedDomain,
  };
}

/** `count` distinct channels in [0, cols) not in `exclude`, ascending (partial Fisher–Yates). */
function pickChannels(prng: Prng, cols: number, count: number, exclude: readonly number[]): number[] {
  const pool = Array.from({ length: cols }, (_, j) => j).filter((j) => !exclude.includes(j));
  for (let i = 0; i < count; i++) {
    const k = i + (prng.nextUint32() % (pool.length - i));
    [pool[i], pool[k]] = [pool[k]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

function makeDomain(
  prng: Prng,
  cols: number,
  outliers: number[],
  outlierFactor: number,
  meanSize: number,
): ActivationDomain {
  const channelScale = new Float64Array(cols);
  const channelMean = new Float64Array(cols);
  const isOutlier = new Set(outliers);
  for (let j = 0; j < cols; j++) {
    if (isOutlier.has(j)) {
      const sign = prng.nextOpenUnit() < 0.5 ? -1 : 1;
      channelScale[j] = sign * outlierFactor * (20 + 30 * prng.nextOpenUnit());
    } else {
      channelScale[j] = Math.exp(0.25 * prng.nextNormal());
      channelMean[j] = meanSize === 0 ? 0 : prng.nextOpenUnit() < 0.5 ? -meanSize : meanSize;
    }
  }
  return { outlierChannels: outliers, channelScale, channelMean };
}

function sample(prng: Prng, tokens: number, domain: ActivationDomain): Matrix {
  const cols = domain.channelScale.length;
  const isOutlier = new Uint8Array(cols);
  for (const j of domain.outlierChannels) isOutlier[j] = 1;
  const x = matrix(tokens, cols);
  for (let t = 0; t < tokens; t++) {
    const gain = Math.exp(0.2 * prng.nextNormal());
    for (let j = 0; j < cols; j++) {
      const z = prng.nextNormal();
      const s = domain.channelScale[j]!;
      const v = isOutlier[j] === 1 ? s * (1 + 0.2 * z) : domain.channelMean[j]! + s * z;
      x.data[t * cols + j] = f32(gain * v);
    }
  }
  return x;
}
