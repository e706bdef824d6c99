import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './parseNumberInput';
import { MAX_URL_VALUE_CHARS, readUrlValues } from './urlValues';

describe('readUrlValues', () => {
  it('reads the named keys only, leaving absent ones out', () => {
    expect(readUrlValues('?batch=64&context=8%2C192&other=1', ['batch', 'context', 'gpu'])).toEqual({
      batch: '64',
      context: '8,192',
    });
    expect(readUrlValues('', ['batch'])).toEqual({});
  });

  it(`cuts each value at ${MAX_URL_VALUE_CHARS} characters, so a 15 KB shared link costs no more than a short one`, () => {
    // The probe's link: a digit then 15,000 spaces (encoded as +) and a letter, in batch=.
    const search = `?batch=1${'+'.repeat(15_000)}x`;
    const { batch } = readUrlValues(search, ['batch']);
    expect(batch).toHaveLength(MAX_URL_VALUE_CHARS);
    const t0 = performance.now();
    const r = parseNumberInput(batch ?? '', { label: 'Batch size', min: 1, max: 4096, integer: true });
    expect(performance.now() - t0).toBeLessThan(20);
    // Cut, it ends in "…" and stays invalid: it must not read as batch 1.
    expect(batch?.endsWith('…')).toBe(true);
    expect(r.ok).toBe(false);
    expect(readUrlValues(`?gpu=${'a'.repeat(MAX_URL_VALUE_CHARS)}`, ['gpu']).gpu).toBe('a'.repeat(MAX_URL_VALUE_CHARS));
  });
});
