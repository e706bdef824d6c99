import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stackedBar } from './bar';

const t = (id: string, bytes: number) => ({ id, label: id, bytes });

describe('stackedBar(terms, availableBytes)', () => {
  it('fits: the stack ends before the available line, which sits at the full width', () => {
    const b = stackedBar([t('weights', 60), t('kv', 20)], 100);
    expect(b.segments.map((s) => [s.start, s.width])).toEqual([
      [0, 0.6],
      [0.6, 0.2],
    ]);
    expect(b).toMatchObject({ totalBytes: 80, scaleBytes: 100, availableAt: 1, totalAt: 0.8, overflows: false });
    expect(b.segments.map((s) => s.shareOfTotal)).toEqual([0.75, 0.25]);
  });
  it('does not fit: the stack takes the full width and the line sits inside it', () => {
    const b = stackedBar([t('weights', 150), t('kv', 50)], 100);
    expect(b).toMatchObject({ scaleBytes: 200, availableAt: 0.5, totalAt: 1, overflows: true });
  });
  it('Llama-3.1-70B 4-bit g128, 8 × 4,096 tokens on an A100 80GB: weights are 46.3% of the card', () => {
    // lib/sizing: weights 39,767,785,472 B; A100 80GB usable 81,920 MiB = 85,899,345,920 B
    const b = stackedBar([t('weights', 39_767_785_472)], 85_899_345_920);
    expect(b.segments[0]!.width).toBeCloseTo(0.46296, 5);
  });
  it('empty or all-zero input is a zero-width bar, not NaN', () => {
    expect(stackedBar([], 0)).toMatchObject({
      totalBytes: 0,
      scaleBytes: 0,
      availableAt: 0,
      totalAt: 0,
      overflows: false,
    });
    expect(stackedBar([t('a', 0)], 0).segments[0]).toMatchObject({ start: 0, width: 0, shareOfTotal: 0 });
  });
  it('rejects negative or non-finite bytes', () => {
    expect(() => stackedBar([t('a', -1)], 10)).toThrow(RangeError);
    expect(() => stackedBar([t('a', Number.NaN)], 10)).toThrow(/a must be/);
    expect(() => stackedBar([t('a', 1)], Infinity)).toThrow(/availableBytes/);
  });
  it('invariants: segments tile [0, totalAt] in order, every fraction in [0, 1], widths sum to totalAt', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e15, noNaN: true }), { maxLength: 6 }),
        fc.double({ min: 0, max: 1e15, noNaN: true }),
        (bytes, available) => {
          const b = stackedBar(
            bytes.map((x, i) => t(String(i), x)),
            available,
          );
          let edge = 0;
          for (const s of b.segments) {
            expect(s.start).toBeCloseTo(edge, 9);
            expect(s.width).toBeGreaterThanOrEqual(0);
            expect(s.start + s.width).toBeLessThanOrEqual(1 + 1e-9);
            edge = s.start + s.width;
          }
          expect(edge).toBeCloseTo(b.totalAt, 9);
          expect(Math.max(b.totalAt, b.availableAt)).toBeCloseTo(b.scaleBytes === 0 ? 0 : 1, 9);
          expect(b.overflows).toBe(b.totalBytes > available);
        },
      ),
    );
  });
});
