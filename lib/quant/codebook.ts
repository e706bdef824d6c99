/**
 * A codebook (lookup table) quantizer: each stored code is an index into a
 * short table of levels in [-1, 1], and a value is stored as the index of the
 * nearest level. NF4, FP4 and bitsandbytes' 8-bit dynamic map all work this way.
 *
 * "Nearest" is decided the way bitsandbytes' reference (CPU) kernel does it
 * (`bitsandbytes/backends/default/ops.py`, `_get_4bit_quantize_bounds` and
 * `quantize_4bit`): sort the levels, take the midpoints between neighbours,
 * and `torch.bucketize(scaled, midpoints)`, i.e. count the midpoints that are
 * strictly below the value. A value lying exactly on a midpoint therefore goes
 * to the LOWER level (towards −∞). The CUDA kernel's decision tree
 * (`dQuantizeNF4` in `csrc/kernels.cu`: `if (x > 0.03979014977812767f) …`)
 * agrees for NF4: only `x > midpoint` moves up.
 */
export interface Codebook {
  /** `levels[code]`: the value code `code` decodes to, as float32 (index = stored code). */
  readonly levels: Float32Array;
  /** The distinct levels in increasing order (−0 and +0 count as one level). */
  readonly sortedLevels: Float64Array;
  /** `sortedCodes[k]`: the code stored for `sortedLevels[k]` (for FP4's zero, the +0 code). */
  readonly sortedCodes: Uint8Array;
  /** `midpoints[k] = (sortedLevels[k] + sortedLevels[k + 1]) / 2`, rounded to float32 as torch computes it. */
  readonly midpoints: Float64Array;
  /**
   * The midpoints with −∞ in front and +∞ at the end: sorted level k is
   * nearest exactly when `bounds[k] < v ≤ bounds[k + 1]`. The infinite ends
   * let a search step left or right without checking for the array's ends.
   */
  readonly bounds: Float64Array;
  /**
   * For a table that has both +0 and −0 (FP4): the code of −0, used for
   * negative values that round to zero; `null` otherwise.
   */
  readonly negativeZeroCode: number | null;
  /** Index in `sortedLevels` of the zero level, or −1 if there is none. */
  readonly zeroSortedIndex: number;
  /**
   * A speed-up for the hot loop (see `quantize4bit`): [−1, 1] cut into
   * `guessCells` equal cells; `guess[c]` is the number of midpoints below the
   * left edge of cell c, a first guess at `bucketize(midpoints, v)` for any v
   * in that cell. For NF4 and FP4 the cells are narrower than the gaps
   * between midpoints, so one comparison on each side confirms or corrects
   * the guess (a finer table, like the 8-bit map, needs more steps). Length
   * `guessCells + 1` (v = 1 falls in an extra cell).
   */
  readonly guess: Uint8Array;
  readonly guessCells: number;
}

/**
 * Builds the sorted view and midpoints of a codebook given in code order.
 * Levels are rounded to float32 first (bitsandbytes keeps its tables as
 * float32 tensors).
 *
 * @throws {RangeError} if `levels` is empty, has more than 256 entries, or holds a non-finite value.
 * @example
 * const cb = makeCodebook([0, 1, -1]);
 * cb.sortedLevels // Float64Array [-1, 0, 1]
 * cb.sortedCodes  // Uint8Array [2, 0, 1]
 * cb.midpoints    // Float64Array [-0.5, 0.5]
 */
export function makeCodebook(levels: readonly number[]): Codebook {
  if (levels.length === 0 || levels.length > 256) {
    throw new RangeError(`levels must have 1 to 256 entries (got ${levels.length})`);
  }
  const f32 = Float32Array.from(levels);
  for (let i = 0; i < f32.length; i++) {
    if (!Number.isFinite(f32[i]))
      throw new RangeError(`levels[${i}] must be a finite float32 number (got ${levels[i]})`);
  }
  const byValue = [...f32.keys()].sort((a, b) => (f32[a] as number) - (f32[b] as number) || a - b);
  const sortedLevels: number[] = [];
  const sortedCodes: number[] = [];
  let negativeZeroCode: number | null = null;
  for (const code of byValue) {
    const level = f32[code] as number;
    const last = sortedLevels.length - 1;
    if (last >= 0 && sortedLevels[last] === level) {
      // A repeated value. For FP4's +0 and −0: keep +0's code as the level's
      // code, and remember −0's code for negative inputs.
      if (level === 0 && Object.is(level, -0) !== Object.is(sortedLevels[last], -0)) {
        const kept = sortedCodes[last] as number;
        const keptIsNegative = Object.is(f32[kept], -0);
        negativeZeroCode = keptIsNegative ? kept : code;
        sortedCodes[last] = keptIsNegative ? code : kept;
        sortedLevels[last] = 0;
      }
      continue;
    }
    sortedLevels.push(level);
    sortedCodes.push(code);
  }
  const zeroSortedIndex = sortedLevels.indexOf(0);
  const midpoints = new Float64Array(sortedLevels.length - 1);
  for (let k = 0; k < midpoints.length; k++) {
    midpoints[k] = Math.fround(((sortedLevels[k] as number) + (sortedLevels[k + 1] as number)) / 2);
  }
  const { guess, guessCells } = makeGuessTable(midpoints);
  return {
    levels: f32,
    sortedLevels: Float64Array.from(sortedLevels),
    sortedCodes: Uint8Array.from(sortedCodes),
    midpoints,
    bounds: Float64Array.from([-Infinity, ...midpoints, Infinity]),
    negativeZeroCode,
    zeroSortedIndex,
    guess,
    guessCells,
  };
}

/**
 * Cells in a guess table: at least 2^10, so that only a few per cent of the
 * cells contain a midpoint (where the correcting comparison is a coin flip),
 * and at most 2^12 (4 KiB); a map with finer gaps just corrects more.
 */
const MIN_GUESS_CELLS = 2 ** 10;
const MAX_GUESS_CELLS = 2 ** 12;

function makeGuessTable(midpoints: Float64Array): { guess: Uint8Array; guessCells: number } {
  let minGap = 2;
  for (let k = 1; k < midpoints.length; k++)
    minGap = Math.min(minGap, (midpoints[k] as number) - (midpoints[k - 1] as number));
  // Cells at most half the narrowest gap, a power of two (NF4 and FP4: 1024 cells).
  const guessCells = Math.min(MAX_GUESS_CELLS, Math.max(MIN_GUESS_CELLS, 2 ** Math.ceil(Math.log2(4 / minGap))));
  const guess = new Uint8Array(guessCells + 1);
  let below = 0;
  for (let c = 0; c <= guessCells; c++) {
    const leftEdge = -1 + (2 * c) / guessCells;
    while (below < midpoints.length && (midpoints[below] as number) < leftEdge) below++;
    guess[c] = below;
  }
  return { guess, guessCells };
}

/**
 * `torch.bucketize(v, midpoints)` (right=False): the number of midpoints
 * strictly less than `v`, which is the index of the nearest sorted level, with
 * a value exactly on a midpoint going to the lower level. Binary search, so
 * about log2(midpoints.length) comparisons: 4 for NF4's 15 midpoints.
 *
 * @example bucketize(Float64Array.of(-0.5, 0.5), 0.5) // 1 (a tie goes down: level index 1, not 2)
 */
export function bucketize(midpoints: Float64Array, v: number): number {
  let lo = 0;
  let hi = midpoints.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v > (midpoints[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The code of the level nearest to `v` (`v` already scaled into [-1, 1]).
 * Ties go to the lower level; a negative value that rounds to zero in a table
 * with a signed zero gets the −0 code (as the sign bit in bitsandbytes'
 * `dQuantizeFP4`: `int sign = x < 0 ? 0b1000 : 0b0000`).
 *
 * @example nearestCode(makeCodebook([-1, 0, 1]), 0.4) // 1 (level 0)
 */
export function nearestCode(codebook: Codebook, v: number): number {
  const k = bucketize(codebook.midpoints, v);
  if (k === codebook.zeroSortedIndex && v < 0 && codebook.negativeZeroCode !== null) return codebook.negativeZeroCode;
  return codebook.sortedCodes[k] as number;
}
