import { assertFinite } from '@/lib/units';
import type { Bytes, Params } from '@/lib/units';

/**
 * Bits per weight when `bytes` are spread over `params` weights:
 *
 *     bits = bytes × 8 / params
 *
 * Two uses: the average a quantized file works out to (llama.cpp's Q4_K_M file of
 * Llama 3.1 70B, 43.1 GB over 70,553,706,496 parameters: 4.89 bits), and the most a
 * memory budget allows before anything else is stored (an RTX 4090's 24,564 MiB =
 * 25,757,220,864 B as nvidia-smi reports it: 2.92 bits, below any 4-bit format).
 *
 * @throws {RangeError} naming the argument when bytes is negative, params is not
 *   positive, or either is not finite.
 * @example averageBitsPerWeight(25_757_220_864, 70_553_706_496) // ≈ 2.9206
 * @example averageBitsPerWeight(43.1e9, 70_553_706_496)         // ≈ 4.8871
 */
export function averageBitsPerWeight(bytes: Bytes, params: Params): number {
  assertFinite(bytes, 'bytes');
  assertFinite(params, 'params');
  if (bytes < 0) throw new RangeError(`bytes must be zero or more (got ${bytes})`);
  if (params <= 0) throw new RangeError(`params must be greater than 0 (got ${params})`);
  return (bytes * 8) / params;
}

/**
 * The first step of a lib/formats bits-per-weight formula (`formatBitsBreakdown().formula`),
 * for a narrow table cell: everything before the first " = " or " ≈ ", or the whole
 * formula when it has neither.
 *
 * @example overheadExpression('4 + 16/128 + 4/128 = 4.15625')                       // "4 + 16/128 + 4/128"
 * @example overheadExpression('144 B × 8 / 256 = 4 + 0.1875 + 0.1875 + 0.125 = 4.5') // "144 B × 8 / 256"
 * @example overheadExpression('8 + 32/in_features ≈ 8')                             // "8 + 32/in_features"
 */
export function overheadExpression(formula: string): string {
  const cuts = [formula.indexOf(' = '), formula.indexOf(' ≈ ')].filter((i) => i > 0);
  return cuts.length === 0 ? formula : formula.slice(0, Math.min(...cuts));
}
