/**
 * The longest value read from one query-string field, in characters. Every field a
 * widget keeps in its link is an id ("llama-3.1-70b") or a number ("8,192"), far
 * shorter; the cap bounds what a crafted or truncated link can make the page parse
 * (a 15 KB `batch=` value used to cost 1–2 s of CPU). Numbers are capped again, at
 * MAX_NUMBER_INPUT_CHARS, by parseNumberInput.
 */
export const MAX_URL_VALUE_CHARS = 200;

/**
 * The values of `keys` in a query string; keys that are absent are left out, unknown
 * keys ignored. A value longer than {@link MAX_URL_VALUE_CHARS} is cut there and ends
 * in "…", so it can never read as a different valid value (cutting `1   x` to `1  `
 * would silently mean 1): the widget shows its usual field message instead.
 *
 * @example readUrlValues('?batch=64&x=1', ['batch', 'context']) // { batch: '64' }
 */
export function readUrlValues<K extends string>(search: string, keys: readonly K[]): Partial<Record<K, string>> {
  const params = new URLSearchParams(search);
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const v = params.get(key);
    if (v !== null) out[key] = v.length > MAX_URL_VALUE_CHARS ? `${v.slice(0, MAX_URL_VALUE_CHARS - 1)}…` : v;
  }
  return out;
}
