import { describe, expect, it } from 'vitest';
import { cssPercent, formatBytesPerToken, formatHeadroom, formatShare } from './format';

describe('formatBytesPerToken', () => {
  it('Llama-3.1-70B BF16: 327,680 B = 320 KiB per token (docs/provenance.md §7)', () =>
    expect(formatBytesPerToken(327_680)).toBe('327,680 B (320 KiB)'));
  it('DeepSeek-V3 MLA: 70,272 B ≈ 68.6 KiB (docs/provenance.md §7: "~69 KiB")', () =>
    expect(formatBytesPerToken(70_272)).toBe('70,272 B (68.6 KiB)'));
  it('throws on NaN rather than print it', () => expect(() => formatBytesPerToken(Number.NaN)).toThrow(RangeError));
});

describe('formatShare', () => {
  it('one decimal, a sliver as <0.1%, zero as 0%', () => {
    expect(formatShare(0.8571)).toBe('85.7%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100.0%');
  });
  it('throws on Infinity', () => expect(() => formatShare(Infinity)).toThrow(RangeError));
});

describe('formatHeadroom', () => {
  it('positive: to spare; negative: short; in GB and GiB', () => {
    expect(formatHeadroom(2 ** 30)).toBe('1.1 GB (1.0 GiB) to spare');
    expect(formatHeadroom(-5e9)).toBe('5.0 GB (4.7 GiB) short');
  });
});

describe('cssPercent', () => {
  it('three decimals, clamped to [0, 100]%', () => {
    expect(cssPercent(0.46295795)).toBe('46.296%');
    expect(cssPercent(1.2)).toBe('100.000%');
    expect(cssPercent(-0.1)).toBe('0.000%');
  });
  it('throws on NaN', () => expect(() => cssPercent(Number.NaN)).toThrow(RangeError));
});
