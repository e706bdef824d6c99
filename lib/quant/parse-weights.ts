import { groupDigits } from '../units';
/** The most numbers `parseWeights` accepts: 2^20 = 1,048,576, a guard for a text box. */
export const MAX_PARSED_WEIGHTS = 2 ** 20;

/**
 * The longest token read as a number, in characters. float32 has about 9 significant
 * digits, so a longer token is a paste error; refusing it also bounds the work per token.
 */
export const MAX_WEIGHT_TOKEN_CHARS = 64;

/**
 * The most characters `parseWeights` reads: MAX_PARSED_WEIGHTS numbers of about 16
 * characters each (`-0.0123456789, `). A bigger paste is refused before any parsing.
 */
export const MAX_WEIGHTS_TEXT_CHARS = MAX_PARSED_WEIGHTS * 16;

/**
 * A decimal number: optional sign, digits with an optional point, optional exponent. No hex, no "Infinity".
 * Linear: the integer digits and the fraction digits are separated by the point, so a run
 * of digits can be matched one way only. (The earlier `\d+\.?\d*` let a run split between
 * `\d+` and `\d*` at every position: a 60,000-digit token followed by a letter took O(n²) steps.)
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

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
 *   if a token is not a number, longer than MAX_WEIGHT_TOKEN_CHARS or out of float32
 *   range; if there are no numbers; if there are more than MAX_PARSED_WEIGHTS numbers;
 *   or if the text is longer than MAX_WEIGHTS_TEXT_CHARS
 * @example Array.from(parseWeights('1.5, -2\n3e-1')) // [1.5, -2, 0.30000001192092896]
 * @example parseWeights('1, abc') // throws: weights: "abc" at character 4 is not a number
 */
export function parseWeights(text: string): Float32Array {
  if (typeof text !== 'string') throw new TypeError('weights must be text');
  if (text.length > MAX_WEIGHTS_TEXT_CHARS) {
    throw new RangeError(
      `weights: the text is too long (${groupDigits(text.length)} characters; at most ${groupDigits(MAX_WEIGHTS_TEXT_CHARS)})`,
    );
  }
  const values: number[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SEPARATOR.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !SEPARATOR.test(text[i] as string)) i++;
    const token = text.slice(start, i);
    const position = start + 1;
    if (token.length > MAX_WEIGHT_TOKEN_CHARS) {
      throw new RangeError(
        `weights: "${token.slice(0, 20)}…" at character ${position} is too long to be a number (${groupDigits(token.length)} characters; at most ${MAX_WEIGHT_TOKEN_CHARS})`,
      );
    }
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
