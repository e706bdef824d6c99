/**
 * Derived numbers for the rounding demo (components/rounding/RoundingDemo):
 * run one quantization method on a weight array, histogram binning for the
 * original-vs-dequantized chart, the grid/codebook levels of one block in
 * weight units, and storage bits per weight including per-block constants.
 */
import {
  errorStats,
  FP4_CODEBOOK,
  NF4_CODEBOOK,
  quantizeAffine,
  quantizeFP4,
  quantizeInt8Absmax,
  quantizeNF4,
  parseWeights,
  type ErrorStats,
  type QuantizationResult,
  type WeightDistribution,
} from '@/lib/quant';
import { parseNumberInput, type NumberRule } from '@/components/ui/model';
import { storageBitsBreakdown, type BitsPerWeight, type WeightStorage } from '@/lib/formats';
import { formatCount } from '@/lib/units';

/** Methods the demo compares, in tab order. */
export const ROUNDING_METHODS = ['int8-absmax', 'int8-affine', 'int4-affine', 'nf4', 'fp4'] as const;
export type RoundingMethodId = (typeof ROUNDING_METHODS)[number];

/** Human labels for the methods. */
export const METHOD_LABELS: Readonly<Record<RoundingMethodId, string>> = {
  'int8-absmax': 'INT8 absmax',
  'int8-affine': 'INT8 zero-point',
  'int4-affine': 'INT4 zero-point',
  nf4: 'NF4',
  fp4: 'FP4',
};

/** Block sizes offered; `null` = one scale for the whole tensor. */
export const BLOCK_SIZES: readonly (number | null)[] = [null, 32, 64, 128, 256];

/** Scale width this demo counts: float32, as its quantizers (and bitsandbytes) store scales. */
export const ROUNDING_SCALE_BITS = 32;

/**
 * Storage bits per weight, counting per-block constants stored as float32:
 *
 *   INT8 absmax:      8 + 32 / B            (one float32 scale per block)
 *   b-bit affine:     b + (32 + b) / B      (float32 scale + b-bit zero point per group)
 *   NF4 / FP4:        4 + 32 / B            (float32 absmax per block; nf4BitsPerWeight)
 *
 * B is the block size, or n (the tensor length) for per-tensor scaling.
 * Sources: bitsandbytes functional.py (float32 absmax), GPTQ quant.py
 * (scale + zero per group); the packing of zero points varies by kernel.
 *
 * @example bitsPerWeightFor('nf4', 64, 4096) // 4.5
 * @example bitsPerWeightFor('int8-absmax', null, 4096) // 8.0078125
 */
export function bitsPerWeightFor(method: RoundingMethodId, blockSize: number | null, n: number): BitsPerWeight {
  const b = blockSize ?? n;
  if (!Number.isInteger(b) || b < 1) throw new RangeError(`block size must be a positive integer (got ${b})`);
  // The one bits-per-weight rule (lib/formats storageBitsBreakdown), with this demo's widths: its
  // quantizers keep float32 scales (and an 8- or 4-bit zero point for affine), as bitsandbytes does.
  const storage: WeightStorage =
    method === 'nf4' || method === 'fp4'
      ? { kind: 'codebook', codebook: method, blockSize: b, absmaxBits: ROUNDING_SCALE_BITS, doubleQuant: null }
      : {
          kind: 'integer',
          bits: method === 'int4-affine' ? 4 : 8,
          groupSize: b,
          scaleBits: ROUNDING_SCALE_BITS,
          zeroPointBits: method === 'int8-affine' ? 8 : method === 'int4-affine' ? 4 : 0,
        };
  return storageBitsBreakdown(storage).totalBits;
}

/** One method's run: the quantizer result, error statistics and storage. */
export interface MethodRun {
  readonly method: RoundingMethodId;
  readonly result: QuantizationResult;
  readonly stats: ErrorStats;
  readonly bitsPerWeight: BitsPerWeight;
}

/**
 * Quantizes `x` with `method` at `blockSize` (null = per tensor; for NF4/FP4,
 * which are always blockwise, per tensor means one block of length n).
 *
 * @example runMethod('nf4', new Float32Array([1, -1, 0.5]), null).stats.maxAbsError
 */
export function runMethod(method: RoundingMethodId, x: Float32Array, blockSize: number | null): MethodRun {
  const bs = blockSize ?? undefined;
  let result: QuantizationResult;
  switch (method) {
    case 'int8-absmax':
      result = quantizeInt8Absmax(x, { blockSize: bs });
      break;
    case 'int8-affine':
      result = quantizeAffine(x, { bits: 8, groupSize: bs });
      break;
    case 'int4-affine':
      result = quantizeAffine(x, { bits: 4, groupSize: bs });
      break;
    case 'nf4':
      result = quantizeNF4(x, { blockSize: blockSize ?? x.length });
      break;
    case 'fp4':
      result = quantizeFP4(x, { blockSize: blockSize ?? x.length });
      break;
  }
  return {
    method,
    result,
    stats: errorStats(x, result.dequantized),
    bitsPerWeight: bitsPerWeightFor(method, blockSize, x.length),
  };
}

/**
 * The representable values of block `block` in weight units: scale × q for
 * INT8 absmax (q ∈ [−127, 127]), s × (q − z) for affine (q ∈ [0, 2^b − 1]),
 * absmax × level for NF4/FP4 (16 codebook levels). Sorted ascending, deduplicated.
 *
 * @example levelsForBlock(runMethod('nf4', x, 64).result, 0).length // 16 (fewer if absmax is 0)
 */
export function levelsForBlock(result: QuantizationResult, block: number): number[] {
  const out = new Set<number>();
  if (result.method === 'int8-absmax') {
    const s = result.scales[block] ?? 0;
    for (let q = -127; q <= 127; q++) out.add(q * s);
  } else if (result.method === 'affine') {
    const s = result.scales[block] ?? 0;
    const z = result.zeroPoints[block] ?? 0;
    const max = 2 ** result.bits - 1;
    for (let q = 0; q <= max; q++) out.add(Math.fround(s * (q - z)));
  } else {
    const a = result.doubleQuant ? (result.doubleQuant.dequantized[block] ?? 0) : (result.absmax[block] ?? 0);
    const book = result.method === 'nf4' ? NF4_CODEBOOK : FP4_CODEBOOK;
    for (const l of book) out.add(Math.fround(l * a));
  }
  return [...out]
    .map((v) => (Object.is(v, -0) ? 0 : v))
    .sort((a, b) => a - b)
    .filter((v, i, arr) => i === 0 || v !== arr[i - 1]);
}

/**
 * The levels a chart over [min, max] can draw: those with min ≤ level ≤ max. A block's grid spans ±absmax of the
 * block (INT8 absmax: q·s for q in −127…127, s = absmax / 127), which reaches past the weights' own range when the
 * largest weight sits on one side (one positive outlier: the grid runs to −absmax, the weights stop near −3σ); those
 * ticks would be drawn outside the chart. A non-finite bound or min > max yields no levels.
 *
 * @example levelsInRange([-2, -1, 0, 1, 2], -1.5, 2) // [-1, 0, 1, 2]
 */
export function levelsInRange(levels: readonly number[], min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return [];
  return levels.filter((l) => l >= min && l <= max);
}

/** Histogram of two arrays over a shared range. */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  /** Bin width: (max − min) / bins (1 when all values are equal). */
  readonly width: number;
  readonly original: number[];
  readonly dequantized: number[];
  /** Largest count in either series, at least 1. */
  readonly maxCount: number;
}

/**
 * Bins `a` and `b` into `bins` equal-width bins over [min, max] of both
 * arrays; the last bin includes max. Counts sum to each array's length.
 *
 * @throws {RangeError} if bins is not a positive integer or the arrays are empty
 * @example histogram([0, 1], [0, 1], 2).original // [1, 1]
 */
export function histogram(a: ArrayLike<number>, b: ArrayLike<number>, bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer (got ${bins})`);
  if (a.length === 0) throw new RangeError('nothing to bin');
  let min = Infinity;
  let max = -Infinity;
  for (const arr of [a, b]) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const width = max > min ? (max - min) / bins : 1;
  const count = (arr: ArrayLike<number>) => {
    const c = new Array<number>(bins).fill(0);
    for (let i = 0; i < arr.length; i++) {
      const k = Math.min(bins - 1, Math.max(0, Math.floor((arr[i]! - min) / width)));
      c[k]!++;
    }
    return c;
  };
  const original = count(a);
  const dequantized = count(b);
  const maxCount = Math.max(1, ...original, ...dequantized);
  return { min, max, width, original, dequantized, maxCount };
}

/**
 * Indices worth explaining: the largest-magnitude weight (the outlier, if
 * any), the smallest-magnitude one, and the first one.
 *
 * @example pickWeights(new Float32Array([0.1, -5, 0.01])) // [1, 2, 0]
 */
export function pickWeights(x: Float32Array): number[] {
  let big = 0;
  let small = 0;
  for (let i = 1; i < x.length; i++) {
    if (Math.abs(x[i]!) > Math.abs(x[big]!)) big = i;
    if (Math.abs(x[i]!) < Math.abs(x[small]!)) small = i;
  }
  return [...new Set([big, small, 0])];
}

/**
 * A copy of `x` with one weight replaced by an outlier of `factor` × max|x|
 * (placed at the middle index), to show one outlier stretching a per-tensor scale.
 *
 * @example withOneOutlier(new Float32Array([1, -2, 0.5]), 10)[1] // 20
 */
export function withOneOutlier(x: Float32Array, factor: number): Float32Array {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  const y = Float32Array.from(x);
  y[Math.floor(x.length / 2)] = Math.fround((m || 1) * factor);
  return y;
}

/** The most numbers the demo takes from a paste (its charts and tables are sized for this). */
export const MAX_PASTE_WEIGHTS = 4096;
/**
 * The longest paste the demo reads, in characters: 32 per number is room for
 * `-1.2345678901234567e-10, ` with spaces to spare. A longer paste is refused before
 * parsing (a 60,000-digit token used to freeze the page for seconds).
 */
export const MAX_PASTE_CHARS = MAX_PASTE_WEIGHTS * 32;

/**
 * Reads the demo's "paste your own numbers" box: at most {@link MAX_PASTE_CHARS}
 * characters and {@link MAX_PASTE_WEIGHTS} numbers, each read by `parseWeights`.
 * Never throws; the error is a sentence for the field.
 *
 * @example readPastedWeights('0.1, -0.2') // { x: Float32Array [0.1, -0.2], error: null }
 * @example readPastedWeights('x'.repeat(200_000)).error // 'weights: the paste is too long (200,000 characters; at most 131,072)'
 */
export function readPastedWeights(text: string): { x: Float32Array | null; error: string | null } {
  if (text.length > MAX_PASTE_CHARS) {
    return {
      x: null,
      error: `weights: the paste is too long (${formatCount(text.length)} characters; at most ${formatCount(MAX_PASTE_CHARS)})`,
    };
  }
  try {
    const x = parseWeights(text);
    if (x.length > MAX_PASTE_WEIGHTS)
      return {
        x: null,
        error: `weights: ${formatCount(x.length)} numbers; paste at most ${formatCount(MAX_PASTE_WEIGHTS)}`,
      };
    return { x, error: null };
  } catch (e) {
    return { x: null, error: e instanceof Error ? e.message : 'weights: could not read the numbers' };
  }
}

/** The demo's set-up as field texts (also its query string: `/tools/rounding?dist=…&block=…&m=…`). */
// A type alias, not an interface, so it fits useUrlState's Record<string, string>.
export type RoundingStateText = {
  dist: string;
  n: string;
  seed: string;
  of: string;
  os: string;
  block: string;
  spike: string;
  m: string;
};

export const ROUNDING_DEFAULTS: Readonly<RoundingStateText> = {
  dist: 'gaussian',
  n: '1024',
  seed: '1',
  of: '0',
  os: '10',
  block: 'tensor',
  spike: '0',
  m: 'int8-absmax',
};

/** Distributions the demo samples from, with their menu labels (the paste option is the page's own). */
export const DISTRIBUTIONS: ReadonlyArray<{ id: WeightDistribution; label: string }> = [
  { id: 'gaussian', label: 'Gaussian' },
  { id: 'laplace', label: 'Laplace' },
  { id: 'student-t', label: 'Student-t (5 dof)' },
];

/** Field labels, as the page shows them (messages name the field). */
export const ROUNDING_FIELD_LABELS: Readonly<Record<keyof RoundingStateText, string>> = {
  dist: 'Distribution',
  n: 'Number of weights',
  seed: 'Seed',
  of: 'Outlier fraction',
  os: 'Outlier scale',
  block: 'Block (group) size',
  spike: 'Outlier',
  m: 'Quantization method',
};

export const ROUNDING_NUMBER_RULES = {
  n: { label: ROUNDING_FIELD_LABELS.n, min: 64, max: MAX_PASTE_WEIGHTS, integer: true },
  seed: { label: ROUNDING_FIELD_LABELS.seed, min: 0, max: 2 ** 31 - 1, integer: true },
  of: { label: ROUNDING_FIELD_LABELS.of, min: 0, max: 0.5 },
  os: { label: ROUNDING_FIELD_LABELS.os, min: 1, max: 1000 },
} as const satisfies Record<string, NumberRule>;

/** A block-select value: `tensor` or a size from {@link BLOCK_SIZES}. */
export function blockValue(size: number | null): string {
  return size === null ? 'tensor' : String(size);
}

/** The demo's set-up, read: every valid field's value, and a message for each invalid one. */
export interface RoundingState {
  dist: WeightDistribution | null;
  n: number | null;
  seed: number | null;
  outlierFraction: number | null;
  outlierScale: number | null;
  /** undefined when the block field is invalid; null = per tensor. */
  blockSize: number | null | undefined;
  spike: boolean;
  method: RoundingMethodId | null;
  errors: Partial<Record<keyof RoundingStateText, string>>;
}

const quoted = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/**
 * Reads the demo's field texts (typed, or from a shared link) without guessing: a
 * value the menus do not offer (`block=7`, `dist=cauchy`, `m=int3`) is an error named
 * after its field, never a silent fallback or a block size the menu cannot show.
 * `spike` is a toggle: anything but `1` is off.
 *
 * @example parseRoundingState(ROUNDING_DEFAULTS).errors // {}
 * @example parseRoundingState({ ...ROUNDING_DEFAULTS, block: '7' }).errors.block // 'Block (group) size “7” is not offered: choose per tensor, 32, 64, 128 or 256 weights.'
 */
export function parseRoundingState(text: Readonly<RoundingStateText>): RoundingState {
  const errors: RoundingState['errors'] = {};
  const num = (key: keyof typeof ROUNDING_NUMBER_RULES): number | null => {
    const r = parseNumberInput(text[key], ROUNDING_NUMBER_RULES[key]);
    if (r.ok) return r.value;
    errors[key] = r.error;
    return null;
  };
  const dist = DISTRIBUTIONS.find((d) => d.id === text.dist)?.id ?? null;
  if (dist === null)
    errors.dist = `${ROUNDING_FIELD_LABELS.dist} ${quoted(text.dist)} is not offered: choose ${DISTRIBUTIONS.map((d) => d.label).join(', ')}.`;
  const block = BLOCK_SIZES.find((b) => blockValue(b) === text.block);
  if (block === undefined) {
    errors.block = `${ROUNDING_FIELD_LABELS.block} ${quoted(text.block)} is not offered: choose per tensor, ${BLOCK_SIZES.filter(
      (b) => b !== null,
    )
      .join(', ')
      .replace(/, (\d+)$/, ' or $1')} weights.`;
  }
  const method = (ROUNDING_METHODS as readonly string[]).includes(text.m) ? (text.m as RoundingMethodId) : null;
  if (method === null)
    errors.m = `${ROUNDING_FIELD_LABELS.m} ${quoted(text.m)} is not offered: choose ${ROUNDING_METHODS.map((m) => METHOD_LABELS[m]).join(', ')}.`;
  return {
    dist,
    n: num('n'),
    seed: num('seed'),
    outlierFraction: num('of'),
    outlierScale: num('os'),
    blockSize: block,
    spike: text.spike === '1',
    method,
    errors,
  };
}
