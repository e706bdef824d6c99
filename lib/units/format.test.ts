import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatBitsPerWeight,
  formatDollars,
  formatDuration,
  formatPeak,
  formatRate,
  formatRatio,
  formatSi,
  formatTokensPerSecond,
} from './format';

describe('formatDuration(seconds)', () => {
  it('picks µs, ms or s with 3 significant digits', () => {
    expect(formatDuration(0.011344)).toBe('11.3 ms');
    expect(formatDuration(0.5979)).toBe('598 ms');
    expect(formatDuration(2.5)).toBe('2.50 s');
    expect(formatDuration(4.2e-5)).toBe('42.0 µs');
    expect(formatDuration(0.041494)).toBe('41.5 ms'); // BF16 70B batch-1 step on H100 SXM (lib/perf test)
    expect(formatDuration(0)).toBe('0 s');
  });
  it('rounds across unit boundaries without showing "1,000 ms"', () => {
    expect(formatDuration(0.99996)).toBe('1.00 s');
    expect(formatDuration(0.0009996)).toBe('1.00 ms');
    expect(formatDuration(0.9994)).toBe('999 ms');
  });
  it('refuses NaN, Infinity and negative durations', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatDuration(Infinity)).toThrow(RangeError);
    expect(() => formatDuration(-1)).toThrow(/negative/);
  });
  it('never prints NaN, Infinity or undefined for a finite duration', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (s) => {
        expect(formatDuration(s)).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});

describe('formatTokensPerSecond(rate) / formatRate(rate)', () => {
  it('3 significant digits below 1,000, whole numbers above', () => {
    expect(formatTokensPerSecond(88.94)).toBe('88.9 tokens/s');
    expect(formatTokensPerSecond(24.1)).toBe('24.1 tokens/s');
    expect(formatRate(3625.2)).toBe('3,625');
    expect(formatRate(0.5)).toBe('0.500');
    expect(formatRate(999.6)).toBe('1,000');
  });
  it('refuses non-finite and negative rates', () => {
    expect(() => formatRate(Number.NaN)).toThrow(RangeError);
    expect(() => formatRate(-3)).toThrow(RangeError);
  });
});

describe('formatSi(value, unit)', () => {
  it('uses powers of 1000', () => {
    expect(formatSi(5.6936e14, 'FLOP')).toBe('569 TFLOP'); // Llama-3.1-70B 4,096-token prefill, linear part
    expect(formatSi(3.35e12, 'B/s')).toBe('3.35 TB/s');
    expect(formatSi(512, 'FLOP')).toBe('512 FLOP');
    expect(formatSi(2.62144e6, 'FLOP')).toBe('2.62 MFLOP');
  });
  it('carries a rounding up to the next prefix', () => {
    expect(formatSi(999.96e9, 'FLOP')).toBe('1.00 TFLOP');
  });
});

describe('formatRatio / formatPeak', () => {
  it('formats ratios and datasheet peaks', () => {
    expect(formatRatio(16 / 4.15625)).toBe('3.85×');
    expect(formatRatio(1979 / 989)).toBe('2.00×');
    expect(formatPeak(989, 'bf16')).toBe('989 TFLOPS');
    expect(formatPeak(1979, 'int8')).toBe('1,979 TOPS');
    expect(formatPeak(362.05, 'bf16')).toBe('362.05 TFLOPS');
    expect(formatPeak(242.5, 'fp8')).toBe('242.5 TFLOPS');
    expect(() => formatRatio(Infinity)).toThrow(RangeError);
  });
});

describe('formatBitsPerWeight', () => {
  it('drops trailing zeros and keeps three decimals at most', () => {
    // Values from lib/formats: BF16 16, Q8_0 8.5, NF4 4.5, GPTQ g128 4 + 16/128 + 4/128, NF4 + DQ 4 + 8/64 + 32/(64·256).
    expect(formatBitsPerWeight(16)).toBe('16');
    expect(formatBitsPerWeight(8.5)).toBe('8.5');
    expect(formatBitsPerWeight(4.5)).toBe('4.5');
    expect(formatBitsPerWeight(4.15625)).toBe('4.156');
    expect(formatBitsPerWeight(4.126953125)).toBe('4.127');
    expect(formatBitsPerWeight(6.5625)).toBe('6.563');
  });

  it('reads back within half a thousandth', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 64, noNaN: true }), (bits) => {
        const text = formatBitsPerWeight(bits);
        expect(text).not.toMatch(/\.\d*0$/);
        expect(Math.abs(Number(text) - bits)).toBeLessThanOrEqual(0.0005 + 1e-12);
      }),
    );
  });

  it('throws for non-finite input', () => {
    expect(() => formatBitsPerWeight(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatDollars(usd)', () => {
  it('two decimals from $1 up, three below (cheap tokens differ in the third place)', () => {
    expect(formatDollars(0.61299)).toBe('$0.613');
    expect(formatDollars(12.3456)).toBe('$12.35');
    expect(formatDollars(1234.5)).toBe('$1,234.50');
    expect(() => formatDollars(Number.NaN)).toThrow(/finite/);
  });
});
