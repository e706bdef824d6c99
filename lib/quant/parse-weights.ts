import { groupDigits } from '../units';
/** The most numbers `parseWeights` accepts: 2^20 = 1,048,576, a guard for a text box. */
export const MAX_PARSED_WEIGHTS = 2 ** 20;

/** A decimal number: optional sign, digits with an optional point, optional exponent. No hex, no "Infinity". */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Separators: commas, semicolons, whitespace (spaces, tabs, newlines), and the brackets of a pasted list. */
const SEPARATOR = /[\s,;[\]]/;

/**
 * Parses numbers a user pasted (for example `1.2, -0.5, 3e-2` or one number
 * per line, or a Python/JSON list `[0.1, 0.2]`) into a Float32Array.
 *
 * Numbers are separated by commas, semicolons, whitespace or square brackets
 * (in any mix; repeated separators are fine). Each number must be a plain
 * decimal (`-0.5`, `.25`, `3e-2`); anything else is rejected with its
 * position, rather than skipped, so a typo is never silently dropped. Values
 * are stored as float32, as weights are; a number too large for float32
 * (beyond ±3.4e38) is rejected.
 *
 * @throws {RangeError} with the offending token and its 1-based character position,
 *   if a token is not a number or is out of float32 range; if there are no numbers;
 *   or if there are more than MAX_PARSED_WEIGHTS numbers
 * @example Array.from(parseWeights('1.5, -2\n3e-1')) // [1.5, -2, 0.30000001192092896]
 * @example parseWeights('1, abc') // throws: weights: "abc" at character 4 is not a number
 */
export function parseWeights(text: string): Float32Array {
  if (typeof text !== 'string') throw new TypeError('weights must be text');
  const values: number[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SEPARATOR.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !SEPARATOR.test(text[i] as string)) i++;
    const token = text.slice(start, i);
    const position = start + 1;
    if (!DECIMAL.test(token)) {
      const shown = token.length > 20 ? `${token.slice(0, 20)}…` : token;
      throw new RangeError(`weights: "${shown}" at character ${position} is not a number`);
    }
    const value = Math.fround(Number(token));
    if (!Number.isFinite(value)) {
      throw new RangeError(`weights: "${token}" at character ${position} is too large for float32 (limit ±3.4e38)`);
    }
    if (values.length === MAX_PARSED_WEIGHTS) {
      throw new RangeError(`weights: too many numbers (more than ${groupDigits(MAX_PARSED_WEIGHTS)})`);
    }
    values.push(value);
  }
  if (values.length === 0) throw new RangeError('weights: enter at least one number');
  return Float32Array.from(values);
}
