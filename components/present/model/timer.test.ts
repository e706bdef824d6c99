import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  elapsedInWords,
  formatElapsed,
  MAX_TIMER_MS,
  parseTimerState,
  TIMER_ZERO,
  timerElapsedMs,
  timerPause,
  timerReset,
  timerStart,
} from './timer';

describe('presenter clock', () => {
  it('counts wall-clock time, pauses and resumes', () => {
    let t = timerStart(TIMER_ZERO, 1_000);
    expect(timerElapsedMs(t, 61_000)).toBe(60_000);
    t = timerPause(t, 61_000);
    expect(timerElapsedMs(t, 500_000)).toBe(60_000); // paused: time stands still
    t = timerStart(t, 500_000);
    expect(timerElapsedMs(t, 505_000)).toBe(65_000);
    expect(timerStart(t, 999_999)).toBe(t); // starting a running clock changes nothing
    expect(timerReset(false, 7)).toEqual({ runningSinceMs: null, bankedMs: 0 });
  });

  it('is right after a long throttled gap (no ticks counted)', () => {
    // A hidden window may not run its interval for minutes; the reading only needs "now".
    const t = timerStart(TIMER_ZERO, 0);
    expect(timerElapsedMs(t, 30 * 60_000)).toBe(1_800_000);
  });

  it('never goes negative if the system clock steps back', () => {
    expect(timerElapsedMs({ runningSinceMs: 10_000, bankedMs: 2_000 }, 5_000)).toBe(2_000);
  });

  it('formats like a clock', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(999)).toBe('0:00');
    expect(formatElapsed(1_000)).toBe('0:01');
    expect(formatElapsed(725_900)).toBe('12:05'); // 12 × 60 + 5 = 725 s
    expect(formatElapsed(3_599_999)).toBe('59:59');
    expect(formatElapsed(3_723_000)).toBe('1:02:03'); // 3600 + 120 + 3
    expect(() => formatElapsed(-1)).toThrow(/elapsedMs/);
    expect(() => formatElapsed(Number.NaN)).toThrow(/elapsedMs/);
    expect(elapsedInWords(61_000)).toBe('1 minute 1 second');
    expect(elapsedInWords(3_600_000)).toBe('1 hour 0 minutes 0 seconds');
  });

  it('formatting is monotonic (property)', () => {
    const secs = (s: string) =>
      s
        .split(':')
        .map(Number)
        .reduce((a, b) => a * 60 + b, 0);
    fc.assert(
      fc.property(fc.nat(400_000_000), fc.nat(400_000_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(secs(formatElapsed(lo))).toBeLessThanOrEqual(secs(formatElapsed(hi)));
        expect(secs(formatElapsed(lo))).toBe(Math.floor(lo / 1000));
      }),
    );
  });

  it('reads back a saved clock and rejects anything else', () => {
    const saved = JSON.stringify(timerPause(timerStart(TIMER_ZERO, 0), 4_000));
    expect(parseTimerState(saved, 10_000)).toEqual({ runningSinceMs: null, bankedMs: 4_000 });
    expect(parseTimerState(JSON.stringify({ runningSinceMs: 5, bankedMs: 0 }), 10_000)).toEqual({
      runningSinceMs: 5,
      bankedMs: 0,
    });
    for (const bad of [
      null,
      '',
      'x',
      '3',
      '{}',
      '{"bankedMs":-1,"runningSinceMs":null}',
      '{"bankedMs":1,"runningSinceMs":"5"}',
    ]) {
      expect(parseTimerState(bad, 10_000)).toBeNull();
    }
  });

  it('refuses crafted saved clocks that would crash the deck or show absurd times', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    const crafted = [
      { runningSinceMs: -1e308, bankedMs: 1e308 }, // elapsed = Infinity: formatElapsed threw, the deck's keys stopped
      { runningSinceMs: null, bankedMs: 1e300 }, // shown as 2.77e+293:24:36
      { runningSinceMs: null, bankedMs: MAX_TIMER_MS + 1 },
      { runningSinceMs: now - MAX_TIMER_MS - 1, bankedMs: 0 }, // started over a day ago
      { runningSinceMs: now + 3_600_000, bankedMs: 0 }, // starts in an hour: the clock would sit at 0:00
      { runningSinceMs: now - 3_600_000, bankedMs: MAX_TIMER_MS }, // total over a day
    ];
    for (const c of crafted) expect(parseTimerState(JSON.stringify(c), now), JSON.stringify(c)).toBeNull();
    expect(parseTimerState(`{"bankedMs":0,"runningSinceMs":null,"pad":"${'x'.repeat(300)}"}`, now)).toBeNull();
    // A real 45-minute talk, running, and a clock started 30 s "later" by a window whose clock runs ahead.
    expect(parseTimerState(JSON.stringify({ runningSinceMs: now - 45 * 60_000, bankedMs: 0 }), now)).toEqual({
      runningSinceMs: now - 45 * 60_000,
      bankedMs: 0,
    });
    expect(parseTimerState(JSON.stringify({ runningSinceMs: now + 30_000, bankedMs: 0 }), now)).not.toBeNull();
  });

  it('property: whatever is saved, the clock read back formats without throwing, under 24 hours', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    const num = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(now, now - 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(fc.record({ runningSinceMs: fc.oneof(fc.constant(null), num), bankedMs: num }), (saved) => {
        const t = parseTimerState(JSON.stringify(saved), now);
        if (t === null) return;
        for (const later of [now, now + 1_000]) {
          const ms = timerElapsedMs(t, Math.max(later, t.runningSinceMs ?? 0));
          expect(() => formatElapsed(ms)).not.toThrow();
          expect(formatElapsed(ms)).toMatch(/^\d{1,2}(:\d{2}){1,2}$/);
        }
      }),
    );
  });
});
