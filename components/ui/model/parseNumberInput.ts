import { groupDigits } from '@/lib/units';
/** The result of reading a number a person typed: a value, or a message to show next to the field. */
export type ParsedNumber = { ok: true; value: number } | { ok: false; error: string };

export interface NumberRule {
  /** Field name as the user sees it, used in messages ("Context length"). */
  label: string;
  min: number;
  max: number;
  /** Require a whole number. */
  integer?: boolean;
  /** Unit shown in messages ("tokens"). */
  unit?: string;
}

/**
 * The longest text {@link parseNumberInput} reads, in characters (after trimming). The
 * longest sensible entry, "-1,000,000,000,000.000000000000e-300 k", is under 40; the cap
 * bounds the work done on a pasted blob or a crafted shared link, and callers cap
 * field values read from a URL to the same length.
 */
export const MAX_NUMBER_INPUT_CHARS = 100;

/**
 * The number pattern, linear by construction: after the first digit, `[\d,_ ]*` can only
 * be followed by `.`, `e` or the end, none of which it matches, so the engine never
 * tries two ways of splitting the same run of characters. (The earlier pattern ended in
 * `[\d,_ ]*\s*[kKmM]?$`, where a space could go to either part: a digit followed by
 * n spaces and a letter took O(n²) steps — 11 s for a 60,000-character paste.) The k/M
 * suffix is removed before matching.
 */
const NUMBER_BODY = /^[+-]?(?:\d[\d,_ ]*)?(?:\.\d+)?(?:e[+-]?\d+)?$/;

/**
 * Parses a user-typed number. Accepts plain decimals, thousands separators
 * ("8,192", "8 192"), exponent form ("1e4") and k/M suffixes ("8k" = 8000,
 * "128K" = 128,000 — decimal, as in marketing "128K context", which is 131,072
 * in Llama 3.1's config: type the exact figure when it matters).
 * Never returns NaN: empty, non-numeric, out-of-range and non-integer input
 * become a message naming the field and the allowed range.
 *
 * @example parseNumberInput('8,192', { label: 'Context', min: 1, max: 1e6, integer: true }) // { ok: true, value: 8192 }
 * @example parseNumberInput('-3', { label: 'Batch', min: 1, max: 4096, integer: true }).ok // false
 */
export function parseNumberInput(text: string, rule: NumberRule): ParsedNumber {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const range = `${groupDigits(rule.min)}–${groupDigits(rule.max)}${unit}`;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `${rule.label} is required (${range}).` };
  if (trimmed.length > MAX_NUMBER_INPUT_CHARS) {
    return {
      ok: false,
      error: `${rule.label} is too long to be a number (${groupDigits(trimmed.length)} characters; enter a value in ${range}).`,
    };
  }
  const last = trimmed[trimmed.length - 1] ?? '';
  const suffix = /[kKmM]/.test(last) ? last.toLowerCase() : '';
  const numberText = suffix ? trimmed.slice(0, -1).trimEnd() : trimmed;
  const m = NUMBER_BODY.exec(numberText);
  const body = m ? numberText.replace(/[,_ ]/g, '') : '';
  if (!m || body === '' || body === '+' || body === '-' || !/\d/.test(body)) {
    return { ok: false, error: `${rule.label} must be a number (got "${trimmed.slice(0, 40)}").` };
  }
  const value = Number(body) * (suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : 1);
  if (!Number.isFinite(value)) return { ok: false, error: `${rule.label} is too large (${range}).` };
  if (rule.integer && !Number.isInteger(value))
    return { ok: false, error: `${rule.label} must be a whole number (${range}).` };
  if (value < rule.min) return { ok: false, error: `${rule.label} must be at least ${groupDigits(rule.min)}${unit}.` };
  if (value > rule.max) return { ok: false, error: `${rule.label} must be at most ${groupDigits(rule.max)}${unit}.` };
  return { ok: true, value };
}
