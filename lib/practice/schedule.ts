/**
 * Spaced repetition over the question bank with FSRS (ts-fsrs v5), plus the daily
 * queue, the mistakes deck and progress per factor. Pure: every function takes
 * `now` and returns new objects; nothing reads the clock or storage.
 *
 * FSRS: Ye, Su & Cao, "A Stochastic Shortest Path Algorithm for Optimizing Spaced
 * Repetition Scheduling" (KDD 2022); implementation open-spaced-repetition/ts-fsrs.
 * Desired retention 0.9 (the FSRS default, ts-fsrs `request_retention`),
 * learning steps 1 min / 10 min, relearning 10 min, maximum interval 365 days, no
 * fuzz (so the interval shown on a button is exactly what that button does).
 */
import { createEmptyCard, fsrs, generatorParameters, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import { parseGeneratedId } from './ids';
import { emptyCardState, rollDay, type CardState, type ItemProgress, type Progress } from './progress';

/** Again, Hard, Good, Easy. */
export type ReviewRating = 1 | 2 | 3 | 4;
/** The four ratings in button order. */
export const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];
/** Button labels (Anki's). */
export const RATING_LABELS: Record<ReviewRating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Lapses after which a question is flagged as a leech (Anki's default threshold). */
export const LEECH_LAPSES = 8;
/** Maximum interval between reviews, in days. */
export const MAX_INTERVAL_DAYS = 365;

const schedulers = new Map<number, FSRS>();
function scheduler(desiredRetention: number): FSRS {
  let f = schedulers.get(desiredRetention);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: desiredRetention,
        maximum_interval: MAX_INTERVAL_DAYS,
        enable_fuzz: false,
        enable_short_term: true,
        learning_steps: ['1m', '10m'],
        relearning_steps: ['10m'],
      }),
    );
    schedulers.set(desiredRetention, f);
  }
  return f;
}

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;

function toCard(s: CardState): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: STATE_NAMES.indexOf(s.state) as State,
    ...(s.lastReview ? { last_review: new Date(s.lastReview) } : {}),
  };
}

function fromCard(c: Card): CardState {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_NAMES[c.state] ?? 'new',
    ...(c.last_review ? { lastReview: c.last_review.toISOString() } : {}),
  };
}

function assertRating(rating: number): asserts rating is ReviewRating {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
    throw new RangeError(`rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy) (got ${rating})`);
  }
}

/**
 * The card after one review at `now` (a missing card is a new one).
 *
 * @throws RangeError for a rating outside 1–4.
 * @example review(undefined, 3, new Date('2025-03-01T12:00:00Z')).due // '2025-03-01T12:10:00.000Z' (learning step 10 min)
 */
export function review(
  state: CardState | undefined,
  rating: ReviewRating,
  now: Date,
  desiredRetention = 0.9,
): CardState {
  assertRating(rating);
  const card = state ? toCard(state) : createEmptyCard(now);
  return fromCard(scheduler(desiredRetention).next(card, now, rating as Grade).card);
}

export interface IntervalPreview {
  rating: ReviewRating;
  label: string;
  /** When the card would be due after this rating. */
  due: string;
  /** due − now, in milliseconds. */
  intervalMs: number;
  /** Short text for the button: "1m", "10m", "2d", "3.5mo". */
  intervalLabel: string;
}

/**
 * What each of the four ratings would do now (for labels on the grade buttons).
 * @example previewIntervals(undefined, now).map((p) => p.intervalLabel) // ['1m', '6m', '10m', '8d']
 */
export function previewIntervals(state: CardState | undefined, now: Date, desiredRetention = 0.9): IntervalPreview[] {
  const card = state ? toCard(state) : createEmptyCard(now);
  const preview = scheduler(desiredRetention).repeat(card, now);
  return RATINGS.map((rating) => {
    const due = preview[rating as Grade].card.due;
    const intervalMs = due.getTime() - now.getTime();
    return {
      rating,
      label: RATING_LABELS[rating],
      due: due.toISOString(),
      intervalMs,
      intervalLabel: formatInterval(intervalMs),
    };
  });
}

/**
 * A short human interval: < 1 h in minutes, < 1 day in hours, < 30 days in days,
 * < 1 year in months (30 days), else years.
 * @example formatInterval(10 * 60_000) // '10m'
 * @example formatInterval(8 * 86_400_000) // '8d'
 */
export function formatInterval(ms: number): string {
  const min = ms / 60_000;
  const round1 = (x: number) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));
  if (min < 1) return '<1m';
  if (min < 60) return `${Math.round(min)}m`;
  if (min < 24 * 60) return `${round1(min / 60)}h`;
  const days = min / (24 * 60);
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${round1(days / 30)}mo`;
  return `${round1(days / 365)}y`;
}

/** Predicted probability of recall now (0–1); 0 for a card never reviewed. */
export function retrievability(state: CardState, now: Date, desiredRetention = 0.9): number {
  if (state.state === 'new') return 0;
  return scheduler(desiredRetention).get_retrievability(toCard(state), now, false);
}

/**
 * The FSRS rating an auto-graded answer implies: wrong → Again (1), right after
 * opening a hint → Hard (2), right → Good (3). The learner may override (the UI
 * offers Easy after a right answer); an override wins.
 *
 * @example ratingFor({ correct: true, hintsUsed: 1 }) // 2
 */
export function ratingFor(result: { correct: boolean; hintsUsed: number }, override?: ReviewRating): ReviewRating {
  if (override !== undefined) {
    assertRating(override);
    return override;
  }
  if (!result.correct) return 1;
  return result.hintsUsed > 0 ? 2 : 3;
}

/**
 * The key progress and scheduling use for a question: its id, except that every
 * generated question of a template shares one card, `gen:<template>` (each draw is
 * new numbers on the same skill).
 * @example scheduleKey('gen:weights-memory:abc-3') // 'gen:weights-memory'
 */
export function scheduleKey(questionId: string): string {
  const g = parseGeneratedId(questionId);
  return g ? `gen:${g.templateId}` : questionId;
}

export interface AnswerRecord {
  questionId: string;
  /** The question's factor/topic. */
  factor: string;
  correct: boolean;
  hintsUsed: number;
  /** The learner's own rating, overriding the automatic one. */
  rating?: ReviewRating;
}

/**
 * Records one graded answer: updates the item's counts and FSRS card, the daily
 * counters (a first answer counts as new, later ones as reviews), and the attempt
 * counter (next shuffle / next generator seed); remembers how to undo it.
 *
 * @example recordAnswer(progress, { questionId: 'kv-bytes-gqa-70b', factor: 'memory', correct: true, hintsUsed: 0 }, now)
 */
export function recordAnswer(progress: Progress, answer: AnswerRecord, now: Date): Progress {
  const p = rollDay(progress, now);
  const key = scheduleKey(answer.questionId);
  const previous = p.items[key];
  const rating = ratingFor(answer, answer.rating);
  const isNew = !previous || previous.card.state === 'new';
  const item: ItemProgress = {
    factor: answer.factor,
    seen: (previous?.seen ?? 0) + 1,
    correct: (previous?.correct ?? 0) + (answer.correct ? 1 : 0),
    wrong: (previous?.wrong ?? 0) + (answer.correct ? 0 : 1),
    withHints: (previous?.withHints ?? 0) + (answer.hintsUsed > 0 ? 1 : 0),
    lastResult: answer.correct ? 'right' : 'wrong',
    lastAnsweredAt: now.toISOString(),
    card: review(previous?.card ?? emptyCardState(now), rating, now, p.settings.desiredRetention),
  };
  const attemptsKey = key.startsWith('gen:') ? key : answer.questionId;
  return {
    ...p,
    items: { ...p.items, [key]: item },
    attempts: { ...p.attempts, [attemptsKey]: (p.attempts[attemptsKey] ?? 0) + 1 },
    daily: {
      ...p.daily,
      newSeen: p.daily.newSeen + (isNew ? 1 : 0),
      reviewsDone: p.daily.reviewsDone + (isNew ? 0 : 1),
    },
    undo: {
      key,
      attemptsKey,
      previous: previous ?? null,
      previousAttempts: p.attempts[attemptsKey] ?? 0,
      previousDaily: p.daily,
    },
  };
}

/** Reverts the last `recordAnswer` (once). Returns the progress unchanged when there is nothing to undo. */
export function undoLastAnswer(progress: Progress): Progress {
  const u = progress.undo;
  if (!u) return progress;
  const items = { ...progress.items };
  if (u.previous) items[u.key] = u.previous;
  else delete items[u.key];
  const attempts = { ...progress.attempts };
  if (u.previousAttempts > 0) attempts[u.attemptsKey] = u.previousAttempts;
  else delete attempts[u.attemptsKey];
  const { undo: _undo, ...rest } = progress;
  void _undo;
  return { ...rest, items, attempts, daily: u.previousDaily };
}

/**
 * How many times a question (or a template, `gen:<template>`) has been answered:
 * the attempt number for `displayOrder` and `generatorSeed`.
 */
export function attemptOf(progress: Progress, questionIdOrTemplateKey: string): number {
  return progress.attempts[questionIdOrTemplateKey] ?? 0;
}

export interface QueueOptions {
  /** Candidate keys (question ids, `gen:<template>` keys) after the UI's filters, in the order new ones should be introduced. */
  candidates: readonly string[];
  now: Date;
}

export interface Queue {
  /** Cards in a learning step due now, earliest first. */
  learning: string[];
  /** Review cards due now, most overdue first (lowest predicted recall), capped by what is left of the daily review cap. */
  review: string[];
  /** Never-answered candidates, in candidate order, capped by what is left of the daily new cap. */
  new: string[];
  /** Review cards due now before the cap (for "12 more due; come back tomorrow"). */
  reviewDueTotal: number;
  /** The next time a card of the candidates falls due (ISO), when none is due now. */
  nextDue?: string;
}

/**
 * Today's queue for a set of candidates (the UI's factor/level filter applied).
 * Learning cards are never capped (they are mid-lesson); reviews and new cards are
 * capped by `settings.dailyReviewCap` / `dailyNewCap` minus today's counts.
 *
 * @example buildQueue(progress, { candidates: ['a', 'b'], now }).new // ['a', 'b'] for a new learner
 */
export function buildQueue(progress: Progress, { candidates, now }: QueueOptions): Queue {
  const p = rollDay(progress, now);
  const t = now.getTime();
  const learning: Array<{ key: string; due: number }> = [];
  const reviews: Array<{ key: string; r: number; due: number }> = [];
  const fresh: string[] = [];
  let nextDue: number | undefined;
  for (const key of new Set(candidates)) {
    const item = p.items[key];
    if (!item || item.card.state === 'new') {
      fresh.push(key);
      continue;
    }
    const due = Date.parse(item.card.due);
    if (due > t) {
      nextDue = nextDue === undefined ? due : Math.min(nextDue, due);
    } else if (item.card.state === 'review') {
      reviews.push({ key, r: retrievability(item.card, now, p.settings.desiredRetention), due });
    } else {
      learning.push({ key, due });
    }
  }
  learning.sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : 1));
  reviews.sort((a, b) => a.r - b.r || a.due - b.due || (a.key < b.key ? -1 : 1));
  const reviewRoom = Math.max(0, p.settings.dailyReviewCap - p.daily.reviewsDone);
  const newRoom = Math.max(0, p.settings.dailyNewCap - p.daily.newSeen);
  const queue: Queue = {
    learning: learning.map((x) => x.key),
    review: reviews.slice(0, reviewRoom).map((x) => x.key),
    new: fresh.slice(0, newRoom),
    reviewDueTotal: reviews.length,
  };
  if (queue.learning.length + queue.review.length + queue.new.length === 0 && nextDue !== undefined) {
    queue.nextDue = new Date(nextDue).toISOString();
  }
  return queue;
}

/** The next key to show from a queue: learning, then reviews, then new; undefined when done for today. */
export function nextInQueue(queue: Queue): string | undefined {
  return queue.learning[0] ?? queue.review[0] ?? queue.new[0];
}

export interface MistakeEntry {
  key: string;
  lastResult: 'right' | 'wrong' | undefined;
  lapses: number;
  /** lapses ≥ LEECH_LAPSES: the learner keeps forgetting it; suggest re-reading the lesson. */
  leech: boolean;
  lastAnsweredAt?: string;
}

/**
 * The mistakes deck: questions whose last answer was wrong, or that were ever
 * forgotten after being learnt (FSRS lapses ≥ 1). Most recent first; leeches flagged.
 */
export function mistakesDeck(progress: Progress): MistakeEntry[] {
  return Object.entries(progress.items)
    .filter(([, it]) => it.lastResult === 'wrong' || it.card.lapses >= 1)
    .map(([key, it]) => ({
      key,
      lastResult: it.lastResult,
      lapses: it.card.lapses,
      leech: it.card.lapses >= LEECH_LAPSES,
      ...(it.lastAnsweredAt ? { lastAnsweredAt: it.lastAnsweredAt } : {}),
    }))
    .sort((a, b) => (b.lastAnsweredAt ?? '').localeCompare(a.lastAnsweredAt ?? '') || (a.key < b.key ? -1 : 1));
}

export interface FactorProgress {
  /** Questions (keys) of this factor in the bank. */
  total: number;
  /** Of those, answered at least once. */
  seen: number;
  /** Of those, last answered right. */
  correct: number;
  /** Due for review now. */
  due: number;
  /** Right answers / answers, over all answers given (0 when none). */
  accuracy: number;
}

/**
 * Progress per factor/topic over a list of questions (`{ key, factor }`, with
 * generated templates as `gen:<template>` keys).
 */
export function progressByFactor(
  progress: Progress,
  questions: ReadonlyArray<{ key: string; factor: string }>,
  now: Date,
): Record<string, FactorProgress> {
  const out: Record<string, FactorProgress & { answers: number; rights: number }> = {};
  const t = now.getTime();
  for (const { key, factor } of questions) {
    const f = (out[factor] ??= { total: 0, seen: 0, correct: 0, due: 0, accuracy: 0, answers: 0, rights: 0 });
    f.total++;
    const item = progress.items[key];
    if (!item || item.seen === 0) continue;
    f.seen++;
    if (item.lastResult === 'right') f.correct++;
    if (item.card.state !== 'new' && Date.parse(item.card.due) <= t) f.due++;
    f.answers += item.seen;
    f.rights += item.correct;
  }
  const result: Record<string, FactorProgress> = {};
  for (const [factor, { answers, rights, ...rest }] of Object.entries(out)) {
    result[factor] = { ...rest, accuracy: answers === 0 ? 0 : rights / answers };
  }
  return result;
}
