/**
 * The presenter view's elapsed-time clock. The state is a start time plus time
 * already banked, never a tick count, so a window the browser throttles (hidden,
 * or behind the projector window: Slidev #1169) still shows the right time when it
 * next paints. Times are wall-clock milliseconds (Date.now()).
 */

/** The clock: running since `runningSinceMs` (null when paused) plus `bankedMs` from earlier runs. */
export interface TimerState {
  runningSinceMs: number | null;
  bankedMs: number;
}

/** A stopped clock at zero. */
export const TIMER_ZERO: Readonly<TimerState> = { runningSinceMs: null, bankedMs: 0 };

/**
 * Milliseconds on the clock at `nowMs`: banked + (now − start) while running. A clock
 * that went backwards (system time changed) counts that run as zero, never negative.
 *
 * @example timerElapsedMs({ runningSinceMs: 1000, bankedMs: 500 }, 4000) // 3500
 */
export function timerElapsedMs(state: TimerState, nowMs: number): number {
  const run = state.runningSinceMs === null ? 0 : Math.max(0, nowMs - state.runningSinceMs);
  return state.bankedMs + run;
}

/** Starts (or keeps running) the clock. @example timerStart(TIMER_ZERO, 10).runningSinceMs // 10 */
export function timerStart(state: TimerState, nowMs: number): TimerState {
  return state.runningSinceMs === null ? { runningSinceMs: nowMs, bankedMs: state.bankedMs } : state;
}

/** Pauses the clock, banking the current run. @example timerPause({ runningSinceMs: 0, bankedMs: 0 }, 2500).bankedMs // 2500 */
export function timerPause(state: TimerState, nowMs: number): TimerState {
  return state.runningSinceMs === null ? state : { runningSinceMs: null, bankedMs: timerElapsedMs(state, nowMs) };
}

/** Back to zero, running or not. @example timerReset(true, 50) // { runningSinceMs: 50, bankedMs: 0 } */
export function timerReset(running: boolean, nowMs: number): TimerState {
  return { runningSinceMs: running ? nowMs : null, bankedMs: 0 };
}

/**
 * The longest time the presenter clock holds: 24 hours (86,400,000 ms). No talk runs
 * longer; a saved clock beyond it was not written by this page.
 */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/** How far in the future a saved start may lie (clock differences between windows): one minute. */
const START_SKEW_MS = 60_000;

/** Longest saved clock text read; `{"runningSinceMs":1733480000000,"bankedMs":86400000}` is 52 characters. */
const MAX_SAVED_CHARS = 200;

/**
 * Reads a clock saved as JSON (sessionStorage), or null for anything else: a saved
 * clock survives a reload of the presenter window but not a new tab, so a rehearsal
 * does not leak into the talk (spectacle-code-slide PR#36).
 *
 * Validated on read, since session storage can be edited: `bankedMs` must be a finite
 * number in [0, MAX_TIMER_MS]; `runningSinceMs` null or a time within MAX_TIMER_MS
 * before `nowMs` and at most a minute after it; and the clock they give at `nowMs`
 * must stay within MAX_TIMER_MS. Anything else is null (the caller starts a fresh
 * clock), so the clock can never show `2.77e+293:24:36` or reach Infinity (which made
 * `formatElapsed` throw and stopped the deck's keys).
 *
 * @example parseTimerState('{"runningSinceMs":null,"bankedMs":1200}', Date.now()) // { runningSinceMs: null, bankedMs: 1200 }
 * @example parseTimerState('{"bankedMs":-1}', Date.now()) // null
 * @example parseTimerState('{"runningSinceMs":-1e308,"bankedMs":1e308}', Date.now()) // null
 */
export function parseTimerState(json: string | null, nowMs: number): TimerState | null {
  if (json === null || json.length > MAX_SAVED_CHARS) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { runningSinceMs, bankedMs } = v as Record<string, unknown>;
  if (typeof bankedMs !== 'number' || !Number.isFinite(bankedMs) || bankedMs < 0 || bankedMs > MAX_TIMER_MS)
    return null;
  if (runningSinceMs !== null) {
    if (typeof runningSinceMs !== 'number' || !Number.isFinite(runningSinceMs)) return null;
    if (runningSinceMs < nowMs - MAX_TIMER_MS || runningSinceMs > nowMs + START_SKEW_MS) return null;
  }
  const state: TimerState = { runningSinceMs: runningSinceMs as number | null, bankedMs };
  return timerElapsedMs(state, nowMs) <= MAX_TIMER_MS ? state : null;
}

/**
 * Elapsed time as a clock reads: "m:ss" under an hour, "h:mm:ss" from one hour, whole
 * seconds rounded down (the clock turns to 0:01 after one full second).
 *
 * @throws {RangeError} for a negative or non-finite duration.
 * @example formatElapsed(0) // '0:00'
 * @example formatElapsed(725_900) // '12:05'
 * @example formatElapsed(3_723_000) // '1:02:03'
 */
export function formatElapsed(elapsedMs: number): string {
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0)
    throw new RangeError(`elapsedMs must be a finite, non-negative number (got ${elapsedMs})`);
  const totalSeconds = Math.floor(elapsedMs / 1000);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Elapsed time in words for screen readers: "12 minutes 5 seconds".
 *
 * @throws {RangeError} for a negative or non-finite duration.
 * @example elapsedInWords(61_000) // '1 minute 1 second'
 * @example elapsedInWords(3_600_000) // '1 hour 0 minutes 0 seconds'
 */
export function elapsedInWords(elapsedMs: number): string {
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0)
    throw new RangeError(`elapsedMs must be a finite, non-negative number (got ${elapsedMs})`);
  const totalSeconds = Math.floor(elapsedMs / 1000);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [unit(Math.floor(totalSeconds / 60) % 60, 'minute'), unit(totalSeconds % 60, 'second')];
  const h = Math.floor(totalSeconds / 3600);
  return (h > 0 ? [unit(h, 'hour'), ...parts] : parts).join(' ');
}
