import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costPerMillionTokens } from './costPerMillionTokens';

describe('costPerMillionTokens({ tokensPerSecondTotal, dollarsPerHour, gpuCount })', () => {
  it('2 GPUs at $2.50/h making 1,000 tokens/s: $5/h ÷ 3.6M tokens/h × 1M = $1.3889', () => {
    expect(costPerMillionTokens({ tokensPerSecondTotal: 1000, dollarsPerHour: 2.5, gpuCount: 2 })).toBeCloseTo(
      5 / 3.6,
      12,
    );
  });
  it('one GPU by default; a free GPU costs nothing', () => {
    expect(costPerMillionTokens({ tokensPerSecondTotal: 1e6 / 3600, dollarsPerHour: 3 })).toBeCloseTo(3, 12);
    expect(costPerMillionTokens({ tokensPerSecondTotal: 10, dollarsPerHour: 0 })).toBe(0);
  });
  it('halves when throughput doubles', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (tps, usd) => {
          const a = costPerMillionTokens({ tokensPerSecondTotal: tps, dollarsPerHour: usd });
          expect(costPerMillionTokens({ tokensPerSecondTotal: 2 * tps, dollarsPerHour: usd })).toBeCloseTo(a / 2, 9);
        },
      ),
    );
  });
  it('rejects bad input naming the field', () => {
    expect(() => costPerMillionTokens({ tokensPerSecondTotal: 0, dollarsPerHour: 2 })).toThrow(/^tokensPerSecondTotal/);
    expect(() => costPerMillionTokens({ tokensPerSecondTotal: 10, dollarsPerHour: -1 })).toThrow(/^dollarsPerHour/);
    expect(() => costPerMillionTokens({ tokensPerSecondTotal: 10, dollarsPerHour: 2, gpuCount: 1.5 })).toThrow(
      /^gpuCount/,
    );
  });
});
