import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDollarsPerHour, MAX_DOLLARS_PER_GPU_HOUR, MIN_DOLLARS_PER_GPU_HOUR } from './parseDollarsPerHour';

describe('parseDollarsPerHour(text)', () => {
  it('an empty field is "no price yet", not an error', () => {
    expect(parseDollarsPerHour('')).toEqual({ kind: 'empty' });
    expect(parseDollarsPerHour('   ')).toEqual({ kind: 'empty' });
  });

  it('reads plain and dollar-signed prices', () => {
    expect(parseDollarsPerHour('2.5')).toEqual({ kind: 'ok', dollarsPerGpuHour: 2.5 });
    expect(parseDollarsPerHour('$2.50')).toEqual({ kind: 'ok', dollarsPerGpuHour: 2.5 });
    expect(parseDollarsPerHour(' $ 12 ')).toEqual({ kind: 'ok', dollarsPerGpuHour: 12 });
  });

  it('rejects non-numeric, negative, zero and absurd prices with a message naming the field', () => {
    for (const bad of ['abc', '-1', '0', '5000', '$', '1.2.3', 'NaN', 'Infinity']) {
      const parsed = parseDollarsPerHour(bad);
      expect(parsed.kind, bad).toBe('error');
      if (parsed.kind === 'error') expect(parsed.message).toMatch(/^\$ per GPU-hour/);
    }
    const neg = parseDollarsPerHour('-1');
    expect(neg.kind === 'error' && neg.message).toContain('at least 0.01');
    const abc = parseDollarsPerHour('abc');
    expect(abc.kind === 'error' && abc.message).toContain('must be a number');
  });

  it('never returns a non-finite or out-of-range price (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const parsed = parseDollarsPerHour(text);
        if (parsed.kind === 'ok') {
          expect(Number.isFinite(parsed.dollarsPerGpuHour)).toBe(true);
          expect(parsed.dollarsPerGpuHour).toBeGreaterThanOrEqual(MIN_DOLLARS_PER_GPU_HOUR);
          expect(parsed.dollarsPerGpuHour).toBeLessThanOrEqual(MAX_DOLLARS_PER_GPU_HOUR);
        }
      }),
    );
  });
});
