import { storageBitsBreakdown, type BitsPerWeight } from '@/lib/formats';
import { errorStats, quantizeAffine, quantizeNF4 } from '@/lib/quant';
import type { Bits } from '@/lib/units';

/** Group sizes the explorer compares; `null` = one (scale, zero point) for the whole tensor. */
export const GROUP_SIZES: readonly (number | null)[] = Object.freeze([null, 256, 128, 64, 32]);

/** The rows of the grid: affine (zero-point) round-to-nearest at 2/3/4/8 bits, and NF4. */
export type GridMethod = 'int2' | 'int3' | 'int4' | 'int8' | 'nf4';
export const GRID_METHODS: readonly GridMethod[] = Object.freeze(['int2', 'int3', 'int4', 'int8', 'nf4']);

/** Bits of one fp16 scale (GPTQ/AWQ checkpoints store scales in fp16). */
export const SCALE_BITS_FP16 = 16;
/** Bits of one fp32 absmax (bitsandbytes NF4 without double quantization). */
export const ABSMAX_BITS_FP32 = 32;

/** Stored bits per weight of a method at a group size, with the per-group constants amortised. */
export interface BitsPerWeightParts {
  payloadBits: Bits;
  overheadBits: Bits;
  totalBits: BitsPerWeight;
  /** The arithmetic, e.g. "4 + (16 + 4)/128 = 4.156". */
  formula: string;
}

function payloadOf(method: GridMethod): number {
  return method === 'nf4' ? 4 : Number(method.slice(3));
}

/**
 * Bits per weight including per-group constants:
 *   affine b-bit, group g:  b + (16 + b)/g   (fp16 scale + a zero point packed at b bits,
 *                                              the AutoGPTQ `qzeros` layout; g128 4-bit → 4.15625)
 *   NF4, block g:           4 + 32/g         (one fp32 absmax per block; g64 → 4.5, QLoRA §3)
 * For a whole-tensor group pass `tensorSize` (the number of weights sharing one pair).
 * Same convention as `lib/formats` `bitsPerWeight('int4-g128')`.
 * @throws {RangeError} if the group size (or tensorSize for a whole tensor) is not a positive integer
 * @example groupBitsPerWeight('int4', 128).totalBits // 4.15625
 * @example groupBitsPerWeight('nf4', 64).totalBits   // 4.5
 */
export function groupBitsPerWeight(
  method: GridMethod,
  groupSize: number | null,
  tensorSize?: number,
): BitsPerWeightParts {
  const g = groupSize ?? tensorSize;
  if (g === undefined || !Number.isInteger(g) || g < 1) throw new RangeError('group size must be a positive integer');
  const b = payloadOf(method);
  // The one bits-per-weight rule (lib/formats storageBitsBreakdown) with this explorer's widths:
  // fp16 scale + b-bit zero point per group (GPTQ/AWQ checkpoints), fp32 absmax per NF4 block.
  const total = storageBitsBreakdown(
    method === 'nf4'
      ? { kind: 'codebook', codebook: 'nf4', blockSize: g, absmaxBits: ABSMAX_BITS_FP32, doubleQuant: null }
      : { kind: 'integer', bits: b, groupSize: g, scaleBits: SCALE_BITS_FP16, zeroPointBits: b },
  ).totalBits;
  const overhead = total - b;
  const parts = method === 'nf4' ? `${ABSMAX_BITS_FP32}` : `(${SCALE_BITS_FP16} + ${b})`;
  return {
    payloadBits: b,
    overheadBits: overhead,
    totalBits: total,
    formula: `${b} + ${parts}/${g} = ${total.toFixed(3)}`,
  };
}

/** One cell of the grid. */
export interface GridCell {
  method: GridMethod;
  groupSize: number | null;
  /** SQNR in dB; null only if the reconstruction is exact. */
  sqnrDb: number | null;
  /** RMSE in the units of the weights. */
  rmse: number;
  bits: BitsPerWeightParts;
}

/**
 * Round-to-nearest error of every method × group size on the same weights:
 * `quantizeAffine` (GPTQ's min/max zero-point grid, IST-DASLab/gptq `quant.py`)
 * for int2/3/4/8, `quantizeNF4` (bitsandbytes) for NF4; SQNR and RMSE from `errorStats`.
 * This is RTN, the baseline GPTQ and AWQ improve on — no calibration data.
 * @throws {RangeError} from lib/quant for empty or non-finite weights
 * @example
 * const w = sampleWeights({ n: 4096, distribution: 'gaussian', seed: 1 });
 * groupSizeGrid(w).find((c) => c.method === 'int8' && c.groupSize === 128)!.sqnrDb // ≈ 46 dB
 */
export function groupSizeGrid(weights: Float32Array, groupSizes: readonly (number | null)[] = GROUP_SIZES): GridCell[] {
  const cells: GridCell[] = [];
  for (const method of GRID_METHODS) {
    for (const groupSize of groupSizes) {
      const opts = groupSize === null ? {} : { groupSize };
      const deq =
        method === 'nf4'
          ? quantizeNF4(weights, { blockSize: groupSize ?? weights.length }).dequantized
          : quantizeAffine(weights, { bits: payloadOf(method), ...opts }).dequantized;
      const s = errorStats(weights, deq);
      cells.push({
        method,
        groupSize,
        sqnrDb: s.sqnrDb,
        rmse: s.rmse,
        bits: groupBitsPerWeight(method, groupSize, weights.length),
      });
    }
  }
  return cells;
}

/** A chart point position: x by group-size index, y by SQNR, in SVG user units. */
export interface ChartScale {
  x: (index: number) => number;
  y: (sqnrDb: number) => number;
  yTicks: number[];
}

/**
 * Linear scales for the SVG chart: x spreads `count` group sizes evenly over
 * [left, width − right]; y maps [0, ceil10(max SQNR)] dB onto [height − bottom, top].
 * @example chartScale(5, [10, 46], { width: 400, height: 200 }).y(0) // 200 − 28
 */
export function chartScale(
  count: number,
  sqnrs: readonly number[],
  {
    width,
    height,
    left = 44,
    right = 12,
    top = 10,
    bottom = 28,
  }: { width: number; height: number; left?: number; right?: number; top?: number; bottom?: number },
): ChartScale {
  const finite = sqnrs.filter((v) => Number.isFinite(v));
  const maxDb = Math.max(10, Math.ceil(Math.max(0, ...finite) / 10) * 10);
  const step = count > 1 ? (width - left - right) / (count - 1) : 0;
  const yTicks: number[] = [];
  for (let t = 0; t <= maxDb; t += 10) yTicks.push(t);
  return {
    x: (i) => left + i * step,
    y: (db) => top + (1 - Math.max(0, Math.min(db, maxDb)) / maxDb) * (height - top - bottom),
    yTicks,
  };
}
