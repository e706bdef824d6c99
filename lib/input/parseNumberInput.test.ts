import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumberInput } from './parseNumberInput';

const ctx = { label: 'Context length', min: 1, max: 1_000_000, integer: true, unit: 'tokens' };

describe('parseNumberInput', () => {
  it('reads plain, grouped, exponent and k-suffixed numbers', () => {
    expect(parseNumberInput('8192', ctx)).toEqual({ ok: true, value: 8192 });
    expect(parseNumberInput('8,192', ctx)).toEqual({ ok: true, value: 8192 });
    expect(parseNumberInput(' 8 192 ', ctx)).toEqual({ ok: true, value: 8192 });
    expect(parseNumberInput('1e4', ctx)).toEqual({ ok: true, value: 10000 });
    expect(parseNumberInput('8k', ctx)).toEqual({ ok: true, value: 8000 });
    expect(parseNumberInput('1.5', { label: 'Price', min: 0, max: 100 })).toEqual({ ok: true, value: 1.5 });
  });

  it('names the field and the range in every rejection', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /Context length is required \(1–1,000,000 tokens\)/],
      ['abc', /Context length must be a number \(got "abc"\)/],
      ['-5', /at least 1 tokens/],
      ['0', /at least 1/],
      ['2000001', /at most 1,000,000 tokens/],
      ['12.5', /whole number/],
      ['1e400', /too large/],
      ['NaN', /must be a number/],
      ['Infinity', /must be a number/],
      ['--3', /must be a number/],
    ];
    for (const [text, msg] of cases) {
      const r = parseNumberInput(text, ctx);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    }
  });

  it('never returns NaN or an out-of-range value for any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseNumberInput(s, ctx);
        if (r.ok) {
          expect(Number.isInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(1);
          expect(r.value).toBeLessThanOrEqual(1_000_000);
        } else {
          expect(r.error.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('round-trips every integer in range', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
      expect(parseNumberInput(String(n), ctx)).toEqual({ ok: true, value: n });
      expect(parseNumberInput(n.toLocaleString('en-US'), ctx)).toEqual({ ok: true, value: n });
    }));
  });
});
