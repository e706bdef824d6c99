/**
 * The lab model's tokenizer: one token per UTF-8 byte (vocabulary 256), as
 * `bench/lab/labmodel.py` `text_tokens` does (`text.encode('utf-8')`). No
 * merges, no unknown token: any text can be typed. The KJV corpus is pure
 * ASCII, so one token is one character there.
 *
 * @example encodeText('In the') // Uint8Array [73, 110, 32, 116, 104, 101]
 */
export function encodeText(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  return new TextEncoder().encode(text);
}

/**
 * Tokens back to text. A byte sequence that is not valid UTF-8 (a model can
 * generate one) shows as U+FFFD "�" rather than throwing.
 *
 * @throws {RangeError} for a token outside 0 … 255
 * @example decodeTokens([73, 110]) // 'In'
 */
export function decodeTokens(tokens: ArrayLike<number>): string {
  const bytes = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as number;
    if (!(Number.isInteger(t) && t >= 0 && t <= 255))
      throw new RangeError(`tokens[${i}] must be an integer from 0 to 255 (got ${t})`);
    bytes[i] = t;
  }
  return new TextDecoder('utf-8').decode(bytes);
}
