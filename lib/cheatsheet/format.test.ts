import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatBitsPerWeight } from './format';

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
