import { assertInteger, assertPositive } from '../sizing/inputs';
import type { TokensPerSecond, Usd } from '../units';

/**
 * Dollars per million generated tokens for a GPU group running flat out:
 *
 *     USD / 1M tokens = dollarsPerHour × gpuCount / (tokensPerSecondTotal × 3600) × 10⁶
 *
 * `dollarsPerHour` is the price of ONE GPU-hour. With a roofline
 * `tokensPerSecondTotal` this is a floor on cost (peak speed, 100% utilisation).
 *
 * @throws {RangeError} naming the field: `tokensPerSecondTotal` not > 0, `dollarsPerHour`
 *   negative or not finite, `gpuCount` not a whole number ≥ 1.
 * @example
 * // 2 GPUs at $2.50/h producing 1,000 tokens/s: $5/h ÷ 3.6M tokens/h × 1M = $1.3889
 * costPerMillionTokens({ tokensPerSecondTotal: 1000, dollarsPerHour: 2.5, gpuCount: 2 }) // 1.3888888888888888
 */
export function costPerMillionTokens({
  tokensPerSecondTotal,
  dollarsPerHour,
  gpuCount = 1,
}: {
  tokensPerSecondTotal: TokensPerSecond;
  dollarsPerHour: Usd;
  gpuCount?: number;
}): Usd {
  assertPositive(tokensPerSecondTotal, 'tokensPerSecondTotal');
  assertPositive(dollarsPerHour, 'dollarsPerHour', Infinity, true);
  assertInteger(gpuCount, 'gpuCount', 1, 1_000_000, 'GPUs');
  return ((dollarsPerHour * gpuCount) / (tokensPerSecondTotal * 3600)) * 1e6;
}
