/**
 * What the `/interview` page shows, computed without React: which questions the
 * page ships, the countdown text and its announcements, time presets, the
 * `?seconds=` override, percentages, and where to revise the weakest factor.
 * Pure; the UI reads the clock (`Date.now()`) and passes numbers in.
 */
import {
  DEFAULT_FOLLOW_UP_SECONDS,
  DEFAULT_OPENING_SECONDS,
  OPENING_QUESTION_ID,
  type Score,
  type Scorecard,
} from '@/lib/practice/interview';
import type { InterviewRecord } from '@/lib/practice/progress';
import { FACTORS, type Factor, type OpenQuestion, type Question } from '@/lib/practice/types';

/** Display names of the five factors. */
export const FACTOR_LABELS: Record<Factor, string> = {
  precision: 'Precision',
  memory: 'Memory',
  method: 'Method',
  speed: 'Speed',
  cost: 'Cost',
};

/** The lesson that teaches each factor (method → /lessons/methods, cost → /lessons/deployment). */
export const FACTOR_LESSON: Record<Factor, string> = {
  precision: '/lessons/precision',
  memory: '/lessons/memory',
  method: '/lessons/methods',
  speed: '/lessons/speed',
  cost: '/lessons/deployment',
};

/**
 * The practice page filtered to one factor.
 * @example practiceHref('memory') // '/practice?factor=memory'
 */
export function practiceHref(factor: Factor): string {
  return `/practice?factor=${encodeURIComponent(factor)}`;
}

/**
 * The questions `createInterview` can draw: the opener and the open senior and mid
 * questions (it never draws junior ones or other types). Mirrors its selection, so
 * `createInterview(interviewQuestions(bank), o)` equals `createInterview(bank, o)`
 * (a property test checks it) while the page ships only these as island props.
 */
export function interviewQuestions(bank: readonly Question[]): OpenQuestion[] {
  return bank.filter(
    (q): q is OpenQuestion =>
      q.type === 'open' && (q.id === OPENING_QUESTION_ID || q.level === 'senior' || q.level === 'mid'),
  );
}

/**
 * Whole seconds as `mm:ss` (minutes padded to two digits, and not wrapped at an
 * hour: 3600 s is `60:00`). Fractions are floored; the sign is ignored.
 * Non-finite input gives `--:--` so nothing like `NaN:NaN` reaches the screen.
 * @example formatClock(179.6) // '02:59'
 */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.floor(Math.abs(seconds));
  const mm = Math.floor(s / 60);
  const ss = s % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

/** A message for screen readers at a moment of the countdown. */
export type ClockAnnouncement = 'one-minute' | 'time-up';

export const CLOCK_ANNOUNCEMENTS: Record<ClockAnnouncement, string> = {
  'one-minute': '1 minute left.',
  'time-up': 'Time is up. Finish your point, then grade yourself.',
};

export interface ClockView {
  /** `mm:ss`: time left (rounded up, so it starts at the full limit and reads 00:00 only at time up), or time over. */
  text: string;
  /** True from the moment time runs out (the learner is not cut off). */
  overtime: boolean;
  /** The announcement due now, or null; the UI speaks it when it changes. */
  announce: ClockAnnouncement | null;
}

/**
 * The countdown for a question with `secondsLeft` left (negative when over; see
 * `secondsLeft` in ./interview). The one-minute warning only applies to limits
 * over a minute.
 * @example clockView(59.2, 180) // { text: '01:00', overtime: false, announce: 'one-minute' }
 * @example clockView(-20, 180) // { text: '00:20', overtime: true, announce: 'time-up' }
 */
export function clockView(secondsLeft: number, timeLimitSeconds: number): ClockView {
  if (!Number.isFinite(secondsLeft)) return { text: '--:--', overtime: false, announce: null };
  if (secondsLeft > 0) {
    return {
      text: formatClock(Math.ceil(secondsLeft)),
      overtime: false,
      announce: secondsLeft <= 60 && timeLimitSeconds > 60 ? 'one-minute' : null,
    };
  }
  return { text: formatClock(-secondsLeft), overtime: true, announce: 'time-up' };
}

/** Timer choices on the start screen. */
export const TIMER_MODES = ['standard', 'relaxed', 'off'] as const;
export type TimerMode = (typeof TIMER_MODES)[number];

export const TIMER_MODE_LABELS: Record<TimerMode, string> = {
  standard: `Standard: ${DEFAULT_OPENING_SECONDS / 60} min for the opener, ${DEFAULT_FOLLOW_UP_SECONDS / 60} min per follow-up`,
  relaxed: `Relaxed: ${(2 * DEFAULT_OPENING_SECONDS) / 60} min for the opener, ${(2 * DEFAULT_FOLLOW_UP_SECONDS) / 60} min per follow-up`,
  off: 'No timer (time used is still shown)',
};

/** Relaxed mode doubles the standard limits. */
export const RELAXED_FACTOR = 2;

export interface TimeLimits {
  openingSeconds: number;
  followUpSeconds: number;
  /** False when the timer is off: no countdown and no overtime flags. */
  timed: boolean;
}

/**
 * Per-question limits for a timer mode. An override (from `?seconds=`) sets every
 * question's limit, unless the timer is off.
 * @example timeLimits('relaxed') // { openingSeconds: 720, followUpSeconds: 360, timed: true }
 */
export function timeLimits(mode: TimerMode, overrideSeconds: number | null = null): TimeLimits {
  if (mode === 'off')
    return { openingSeconds: DEFAULT_OPENING_SECONDS, followUpSeconds: DEFAULT_FOLLOW_UP_SECONDS, timed: false };
  if (overrideSeconds !== null)
    return { openingSeconds: overrideSeconds, followUpSeconds: overrideSeconds, timed: true };
  const k = mode === 'relaxed' ? RELAXED_FACTOR : 1;
  return { openingSeconds: k * DEFAULT_OPENING_SECONDS, followUpSeconds: k * DEFAULT_FOLLOW_UP_SECONDS, timed: true };
}

export const MAX_OVERRIDE_SECONDS = 3600;

/**
 * Reads the `?seconds=<n>` override (time per question, for demos and tests): a
 * whole number from 1 to 3600. Anything else is ignored, with a note to show.
 * @example parseSecondsOverride('30') // { seconds: 30, note: null }
 * @example parseSecondsOverride('0').seconds // null (and a note)
 */
export function parseSecondsOverride(raw: string | null): { seconds: number | null; note: string | null } {
  if (raw === null || raw === '') return { seconds: null, note: null };
  const trimmed = raw.trim();
  const n = /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= MAX_OVERRIDE_SECONDS) return { seconds: n, note: null };
  const shown = raw.length > 20 ? `${raw.slice(0, 20)}…` : raw;
  return {
    seconds: null,
    note: `Ignored ?seconds=${shown}: the time per question must be a whole number of seconds from 1 to ${MAX_OVERRIDE_SECONDS}. Using the timer setting below.`,
  };
}

/**
 * A score as a whole percentage, or an em dash when no points were possible.
 * @example formatPercent({ made: 2, possible: 3, percent: 66.67 }) // '67%'
 */
export function formatPercent(score: Pick<Score, 'percent'>): string {
  return score.percent === null || !Number.isFinite(score.percent) ? '—' : `${Math.round(score.percent)}%`;
}

/** The factor to revise first (lowest share of points made; ties in factor order), or null when nothing was scored. */
export function weakestFactor(card: Pick<Scorecard, 'weakest'>): Factor | null {
  return card.weakest[0] ?? null;
}

export interface RecordSummary {
  /** `YYYY-MM-DD` (UTC) of the finish. */
  day: string;
  made: number;
  possible: number;
  /** Whole percent, or null when nothing was possible. */
  percent: number | null;
  weakest: Factor | null;
}

/**
 * A saved scorecard in a line for the start screen: date, total and the weakest
 * factor (as `scoreInterview` ranks it; factors with no points possible skipped).
 */
export function summarizeRecord(record: InterviewRecord): RecordSummary {
  let weakest: Factor | null = null;
  let weakestShare = Infinity;
  for (const f of FACTORS) {
    const s = record.byFactor[f];
    if (!s || s.possible === 0) continue;
    const share = s.made / s.possible;
    if (share < weakestShare) {
      weakest = f;
      weakestShare = share;
    }
  }
  const { made, possible } = record.total;
  return {
    day: record.finishedAt.slice(0, 10),
    made,
    possible,
    percent: possible === 0 ? null : Math.round((made / possible) * 100),
    weakest,
  };
}
