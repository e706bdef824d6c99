import { makeCodebook } from './codebook';

/**
 * The 16 levels of NF4 (4-bit NormalFloat), indexed by the 4-bit code:
 * `NF4_CODEBOOK[code]` is the value in [-1, 1] that the code stands for; the
 * weight is that value times its block's absmax.
 *
 * Construction (bitsandbytes `create_normal_map(offset=0.9677083,
 * use_extra_value=True)`): quantiles of N(0, 1) at evenly spaced
 * probabilities, 8 positive and 7 negative, plus an exact 0, then divided by
 * the largest so the range is [-1, 1]. The table is asymmetric (more positive
 * levels) so that 0 is representable. NF4 is a lookup table, not a float
 * format: the code has no sign/exponent/mantissa fields.
 *
 * Values: bitsandbytes `bitsandbytes/functional.py`, `get_4bit_type("nf4")`
 * (commit 95f9af3), which hard-codes them; each is a float32 number. Paper:
 * QLoRA (Dettmers et al., arXiv 2305.14314) §3 "4-bit NormalFloat".
 *
 * @example NF4_CODEBOOK[0]  // -1
 * @example NF4_CODEBOOK[7]  // 0
 * @example NF4_CODEBOOK[8]  // 0.07958029955625534
 * @example NF4_CODEBOOK[15] // 1
 */
export const NF4_CODEBOOK: readonly number[] = Object.freeze([
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
]);

/** NF4's sorted view and midpoints (NF4 is already sorted, so code = sorted index). */
export const NF4 = makeCodebook(NF4_CODEBOOK);
