import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_SLIDE_ZOOM, nextFitZoom } from './fit';

describe('nextFitZoom', () => {
  it('shrinks by the overflow ratio, rounded down to 0.01', () => {
    expect(nextFitZoom(1, 1200, 600)).toBe(0.5); // 600/1200
    expect(nextFitZoom(1, 700, 600)).toBe(0.85); // 600/700 = 0.857 → 0.85
    expect(nextFitZoom(0.85, 640, 600)).toBe(0.79); // 0.85 × 600/640 = 0.797 → 0.79
  });
  it('stops when the slide fits (1 px tolerance) or at the minimum', () => {
    expect(nextFitZoom(1, 600, 600)).toBeNull();
    expect(nextFitZoom(1, 601, 600)).toBeNull(); // sub-pixel rounding of scrollHeight
    expect(nextFitZoom(1, 3000, 600)).toBe(MIN_SLIDE_ZOOM); // would be 0.2: clamped
    expect(nextFitZoom(MIN_SLIDE_ZOOM, 3000, 600)).toBeNull();
  });
  it('always shrinks by at least 0.01 while it overflows, so a measuring loop ends', () => {
    expect(nextFitZoom(0.9, 603, 600)).toBe(0.89); // 0.9 × 600/603 = 0.8955 → 0.89
    expect(nextFitZoom(1, 602, 600)).toBe(0.99);
  });
  it('rejects impossible measurements, naming them', () => {
    expect(() => nextFitZoom(0, 10, 5)).toThrow(/zoom/);
    expect(() => nextFitZoom(1.5, 10, 5)).toThrow(/zoom/);
    expect(() => nextFitZoom(1, Number.NaN, 5)).toThrow(/scrollPx/);
    expect(() => nextFitZoom(1, 10, -1)).toThrow(/clientPx/);
  });
  it('stays in [MIN_SLIDE_ZOOM, zoom) and a loop of steps ends within 51 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 5_000 }), (content, box) => {
        // A slide whose height scales with the zoom (the worst case: no reflow gain).
        let zoom = 1;
        let steps = 0;
        for (;;) {
          const next = nextFitZoom(zoom, Math.round(content * zoom), box);
          if (next === null) break;
          expect(next).toBeGreaterThanOrEqual(MIN_SLIDE_ZOOM);
          expect(next).toBeLessThan(zoom);
          zoom = next;
          steps += 1;
        }
        expect(steps).toBeLessThanOrEqual(51);
        if (zoom > MIN_SLIDE_ZOOM) expect(Math.round(content * zoom)).toBeLessThanOrEqual(box + 1);
      }),
    );
  });
});
