import { parseNumberInput } from '@/components/ui/model';
import type { Usd } from '@/lib/units';

/** What a person typed into an optional "$ per GPU-hour" field. */
export type DollarsPerHourInput =
  /** Nothing typed yet: cost columns ask for a price instead of showing one. */
  | { kind: 'empty' }
  | { kind: 'ok'; dollarsPerGpuHour: Usd }
  /** Text that is not a usable price, with the message to show next to the field. */
  | { kind: 'error'; message: string };

/** Lowest accepted price: one cent per GPU-hour. A price of 0 would make every cost 0. */
export const MIN_DOLLARS_PER_GPU_HOUR: Usd = 0.01;
/** Highest accepted price: $1,000 per GPU-hour, far above any rental or amortised cost. */
export const MAX_DOLLARS_PER_GPU_HOUR: Usd = 1000;

/**
 * Reads an optional price per GPU-hour. The site never supplies a price (they vary
 * by provider, region, commitment and month), so the field starts empty and the cost
 * columns wait for one.
 *
 *     ""        → empty (not an error)
 *     "2.5"     → 2.5        "$2.50" → 2.5 (a leading dollar sign is allowed)
 *     "abc", "-1", "0", "5000" → a message naming the field and the range
 *
 * Parsing is {@link parseNumberInput}'s (thousands separators, no NaN ever).
 *
 * @example parseDollarsPerHour('$2.50') // { kind: 'ok', dollarsPerGpuHour: 2.5 }
 * @example parseDollarsPerHour('-1').kind // 'error'
 */
export function parseDollarsPerHour(text: string, label = '$ per GPU-hour'): DollarsPerHourInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const withoutSign = trimmed.replace(/^\$\s*/, '');
  const parsed = parseNumberInput(withoutSign === '' ? trimmed : withoutSign, {
    label,
    min: MIN_DOLLARS_PER_GPU_HOUR,
    max: MAX_DOLLARS_PER_GPU_HOUR,
    unit: 'dollars',
  });
  return parsed.ok ? { kind: 'ok', dollarsPerGpuHour: parsed.value } : { kind: 'error', message: parsed.error };
}
