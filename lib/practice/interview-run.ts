/**
 * The state of a mock interview in progress, and its transitions: answer against
 * the clock → grade yourself against the rubric → next question → scorecard.
 * Plain JSON, so the page can keep it in `sessionStorage` and pick up after a
 * reload (`parseSavedRun` checks it against the questions on the page). Times are
 * epoch milliseconds from `Date.now()`: the clock is a difference of two readings,
 * so it stays right when a background tab's timers are throttled.
 */
import * as z from 'zod/mini';
import type { InterviewAnswer, InterviewItem, InterviewSession } from './interview';
import { FACTORS } from './types';

export interface InterviewRun {
  session: InterviewSession;
  /** False when the timer is off: no countdown, no overtime flags. */
  timed: boolean;
  /** Index into `session.items` of the question on screen. */
  index: number;
  /** `answer`: the clock runs; `grade`: the clock stopped, the rubric is shown. */
  step: 'answer' | 'grade';
  questionStartedAtMs: number;
  /** When "I'm done" was pressed on this question; null while answering. */
  doneAtMs: number | null;
  /** The learner's notes for this question; kept with its answer (for the scorecard export), never in saved progress. */
  notes: string;
  /** One per rubric point of the current question. */
  ticked: boolean[];
  modelShown: boolean;
  /** Answers to the questions before this one. */
  answers: InterviewAnswer[];
}

/** A run at its first question, clock started at `nowMs`. */
export function startRun(session: InterviewSession, timed: boolean, nowMs: number): InterviewRun {
  return {
    session,
    timed,
    index: 0,
    step: 'answer',
    questionStartedAtMs: nowMs,
    doneAtMs: null,
    notes: '',
    ticked: (session.items[0]?.pointFactors ?? []).map(() => false),
    modelShown: false,
    answers: [],
  };
}

/** The question on screen. */
export function currentItem(run: InterviewRun): InterviewItem {
  const item = run.session.items[run.index];
  if (!item)
    throw new RangeError(`interview run index ${run.index} is outside its ${run.session.items.length} questions`);
  return item;
}

/**
 * Seconds spent on the current question: until "I'm done" if pressed, else until
 * `nowMs`. Never negative (a clock set backwards reads 0).
 */
export function elapsedSeconds(run: InterviewRun, nowMs: number): number {
  return Math.max(0, ((run.doneAtMs ?? nowMs) - run.questionStartedAtMs) / 1000);
}

/** "I'm done — grade myself": stops the clock and shows the rubric. */
export function stopAnswering(run: InterviewRun, nowMs: number): InterviewRun {
  if (run.step !== 'answer') return run;
  return { ...run, step: 'grade', doneAtMs: Math.max(nowMs, run.questionStartedAtMs) };
}

/** Ticks or unticks rubric point `i` (out-of-range indices are ignored). */
export function toggleTick(run: InterviewRun, i: number, on: boolean): InterviewRun {
  if (i < 0 || i >= run.ticked.length) return run;
  return { ...run, ticked: run.ticked.map((t, k) => (k === i ? on : t)) };
}

/**
 * Records the current answer (its ticks and time) and moves to the next question,
 * clock restarted at `nowMs`; after the last one, `finished` is true and `answers`
 * holds every answer (ready for `scoreInterview`).
 */
export function advance(run: InterviewRun, nowMs: number): { run: InterviewRun; finished: boolean } {
  const item = currentItem(run);
  const answer: InterviewAnswer = {
    questionId: item.questionId,
    ticked: [...run.ticked],
    elapsedSeconds: elapsedSeconds(run, nowMs),
    ...(run.notes.trim() !== '' ? { notes: run.notes } : {}),
  };
  const answers = [...run.answers, answer];
  const next = run.session.items[run.index + 1];
  if (!next) return { run: { ...run, step: 'grade', doneAtMs: run.doneAtMs ?? nowMs, answers }, finished: true };
  return {
    run: {
      ...run,
      index: run.index + 1,
      step: 'answer',
      questionStartedAtMs: nowMs,
      doneAtMs: null,
      notes: '',
      ticked: next.pointFactors.map(() => false),
      modelShown: false,
      answers,
    },
    finished: false,
  };
}

const ms = z.number().check(z.minimum(0), z.maximum(8.64e15));
const itemSchema = z.object({
  questionId: z.string().check(z.maxLength(200)),
  timeLimitSeconds: z.number().check(z.minimum(1), z.maximum(86_400)),
  pointFactors: z.array(z.enum(FACTORS)).check(z.maxLength(50)),
});
const answerSchema = z.object({
  questionId: z.string().check(z.maxLength(200)),
  ticked: z.array(z.boolean()).check(z.maxLength(50)),
  elapsedSeconds: z.number().check(z.minimum(0), z.maximum(1e9)),
  skipped: z.optional(z.boolean()),
  notes: z.optional(z.string().check(z.maxLength(100_000))),
});
const runSchema = z.object({
  session: z.object({
    seed: z.string().check(z.maxLength(200)),
    startedAt: z.string().check(z.maxLength(40)),
    items: z.array(itemSchema).check(z.minLength(1), z.maxLength(20)),
    notice: z.optional(z.string().check(z.maxLength(500))),
  }),
  timed: z.boolean(),
  index: z.int().check(z.minimum(0)),
  step: z.enum(['answer', 'grade']),
  questionStartedAtMs: ms,
  doneAtMs: z.nullable(ms),
  notes: z.string().check(z.maxLength(100_000)),
  ticked: z.array(z.boolean()).check(z.maxLength(50)),
  modelShown: z.boolean(),
  answers: z.array(answerSchema).check(z.maxLength(20)),
});

/**
 * A run saved by the page (JSON text), or null when there is none or it does not
 * fit the questions on the page: every question id must be known with the same
 * number of rubric points, the index in range, one answer per earlier question.
 * Never throws.
 * @param rubricLengths rubric points per question id shipped to the page.
 */
export function parseSavedRun(
  raw: string | null,
  rubricLengths: Readonly<Record<string, number>>,
): InterviewRun | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = runSchema.safeParse(data);
  if (!parsed.success) return null;
  const run = parsed.data as InterviewRun;
  const { items } = run.session;
  const fits = items.every(
    (it) => Object.hasOwn(rubricLengths, it.questionId) && rubricLengths[it.questionId] === it.pointFactors.length,
  );
  if (!fits || run.index >= items.length) return null;
  if (run.ticked.length !== items[run.index]?.pointFactors.length) return null;
  if (run.answers.length !== run.index) return null;
  if (
    !run.answers.every(
      (a, i) => a.questionId === items[i]?.questionId && a.ticked.length === items[i]?.pointFactors.length,
    )
  )
    return null;
  if ((run.step === 'grade') !== (run.doneAtMs !== null)) return null;
  return run;
}
