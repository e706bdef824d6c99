/**
 * The timed mock interview (`/interview`): the opening question "4-bit or 8-bit for a
 * 70B model serving trading signals?" (`content/questions/interview.md`), then 4–6
 * follow-ups drawn from the bank's open senior questions, spread over the five
 * factors. The learner answers aloud or in writing against a timer, then ticks the
 * rubric points they made; the scorecard sums points per factor.
 * Pure: the UI runs the clock and passes `now`.
 */
import type { InterviewRecord, Progress } from './progress';
import { seededPermutation } from './shuffle';
import { FACTORS, type Factor, type OpenQuestion, type Question, type Topic } from './types';

/** Id of the opening question in the bank. */
export const OPENING_QUESTION_ID = 'interview-4bit-or-8bit-70b-trading';

/**
 * Which factor each rubric point of the opening question tests, in rubric order
 * (the opener spans all factors; follow-ups count wholly toward their own factor).
 * A test checks this has one entry per rubric point.
 */
export const OPENING_RUBRIC_FACTORS: readonly Factor[] = [
  'memory', // sizes the weights per format, in stated units
  'memory', // KV cache separately, GQA, independent precision
  'memory', // memory left bounds concurrency
  'speed', // bandwidth-bound vs compute-bound decode
  'precision', // measured quality with method and metric
  'precision', // evaluate on the team's own task
  'speed', // hardware support: FP8 / INT4 tensor cores
  'cost', // conditional recommendation and plan
];

/** The factor an extra topic counts toward on the scorecard. */
export const TOPIC_FACTOR: Record<Topic, Factor> = {
  precision: 'precision',
  memory: 'memory',
  method: 'method',
  speed: 'speed',
  cost: 'cost',
  'kv-cache': 'memory',
  fp8: 'precision',
  outliers: 'precision',
  calibration: 'method',
  serving: 'speed',
};

export const DEFAULT_OPENING_SECONDS = 6 * 60;
export const DEFAULT_FOLLOW_UP_SECONDS = 3 * 60;

export interface InterviewItem {
  questionId: string;
  /** Seconds allowed; the UI shows a countdown and flags overtime (it does not cut the learner off). */
  timeLimitSeconds: number;
  /** The factor of each rubric point (length = rubric length). */
  pointFactors: Factor[];
}

export interface InterviewSession {
  seed: string;
  startedAt: string;
  items: InterviewItem[];
  /** Set when the bank had fewer follow-ups than asked for. */
  notice?: string;
}

export interface InterviewOptions {
  /** Draws the follow-ups; use e.g. `${learnerSeed}-${interviews.length}`. */
  seed: string;
  now: Date;
  /** 4–6 (default 5). */
  followUps?: number;
  openingSeconds?: number;
  followUpSeconds?: number;
}

function openQuestions(bank: readonly Question[]): OpenQuestion[] {
  return bank.filter((q): q is OpenQuestion => q.type === 'open');
}

/**
 * A new interview: the opener, then `followUps` open questions, senior first (mid
 * when a factor has no senior one), one factor at a time in a seeded order so that
 * the five factors are covered before any repeats — factors the opener's rubric
 * leaves out first, so every factor scores even with 4 follow-ups.
 *
 * @throws Error when the opening question is not in the bank (or is not open), or
 *   `followUps` is not 4–6.
 */
export function createInterview(bank: readonly Question[], options: InterviewOptions): InterviewSession {
  const n = options.followUps ?? 5;
  if (!Number.isInteger(n) || n < 4 || n > 6) throw new RangeError(`followUps must be 4, 5 or 6 (got ${n})`);
  const open = openQuestions(bank);
  const opener = open.find((q) => q.id === OPENING_QUESTION_ID);
  if (!opener)
    throw new Error(`the question bank has no open question "${OPENING_QUESTION_ID}" (content/questions/interview.md)`);
  if (opener.rubric.length !== OPENING_RUBRIC_FACTORS.length) {
    throw new Error(
      `OPENING_RUBRIC_FACTORS has ${OPENING_RUBRIC_FACTORS.length} entries but the opening question has ${opener.rubric.length} rubric points`,
    );
  }

  // Per factor: seniors (shuffled), then mids (shuffled).
  const pools = new Map<Factor, OpenQuestion[]>();
  for (const level of ['senior', 'mid'] as const) {
    const qs = open.filter((q) => q.id !== OPENING_QUESTION_ID && q.level === level);
    const order = seededPermutation(qs.length, `${options.seed}:interview:${level}`);
    for (const i of order) {
      const q = qs[i] as OpenQuestion;
      const f = TOPIC_FACTOR[q.factor];
      pools.set(f, [...(pools.get(f) ?? []), q]);
    }
  }
  // Factors the opener's rubric does not test (method) come first, so that even the
  // shortest interview puts a point on every factor of the scorecard.
  const seeded = seededPermutation(FACTORS.length, `${options.seed}:interview:factors`).map(
    (i) => FACTORS[i] as Factor,
  );
  const factorOrder = [
    ...seeded.filter((f) => !OPENING_RUBRIC_FACTORS.includes(f)),
    ...seeded.filter((f) => OPENING_RUBRIC_FACTORS.includes(f)),
  ];
  const chosen: OpenQuestion[] = [];
  while (chosen.length < n) {
    let added = false;
    for (const f of factorOrder) {
      if (chosen.length >= n) break;
      const q = pools.get(f)?.shift();
      if (q) {
        chosen.push(q);
        added = true;
      }
    }
    if (!added) break;
  }

  const items: InterviewItem[] = [
    {
      questionId: opener.id,
      timeLimitSeconds: options.openingSeconds ?? DEFAULT_OPENING_SECONDS,
      pointFactors: [...OPENING_RUBRIC_FACTORS],
    },
    ...chosen.map((q) => ({
      questionId: q.id,
      timeLimitSeconds: options.followUpSeconds ?? DEFAULT_FOLLOW_UP_SECONDS,
      pointFactors: q.rubric.map(() => TOPIC_FACTOR[q.factor]),
    })),
  ];
  const session: InterviewSession = { seed: options.seed, startedAt: options.now.toISOString(), items };
  if (chosen.length < n) {
    session.notice = `Only ${chosen.length} follow-up question${chosen.length === 1 ? '' : 's'} ${chosen.length === 1 ? 'is' : 'are'} available in the question bank (asked for ${n}).`;
  }
  return session;
}

/** One answered (or skipped) interview question. */
export interface InterviewAnswer {
  questionId: string;
  /** One tick per rubric point: did the answer make it? */
  ticked: boolean[];
  /** Time the learner took. */
  elapsedSeconds: number;
  skipped?: boolean;
  /** What the learner typed (optional; kept for the scorecard export, never in saved progress). */
  notes?: string;
}

/**
 * Seconds left on a question's clock (negative when over time).
 * @example secondsLeft({ timeLimitSeconds: 180 } as InterviewItem, new Date(0), new Date(200_000)) // -20
 */
export function secondsLeft(item: InterviewItem, startedAt: Date, now: Date): number {
  return item.timeLimitSeconds - (now.getTime() - startedAt.getTime()) / 1000;
}

export interface Score {
  made: number;
  possible: number;
  /** made / possible × 100, or null when nothing was possible. */
  percent: number | null;
}

export interface Scorecard {
  byFactor: Record<Factor, Score>;
  total: Score;
  perQuestion: Array<{ questionId: string; made: number; possible: number; overtime: boolean; skipped: boolean }>;
  /** Factors with points possible, weakest first (ties in factor order). */
  weakest: Factor[];
}

function score(made: number, possible: number): Score {
  return { made, possible, percent: possible === 0 ? null : (made / possible) * 100 };
}

/**
 * Sums the ticked rubric points per factor. A skipped or missing answer scores 0
 * of its points; points still count as possible, so skipping costs.
 *
 * @throws RangeError when an answer's ticks do not match its question's rubric length.
 * @example scoreInterview(session, answers).byFactor.memory // { made: 3, possible: 4, percent: 75 }
 */
export function scoreInterview(session: InterviewSession, answers: readonly InterviewAnswer[]): Scorecard {
  const made: Record<Factor, number> = { precision: 0, memory: 0, method: 0, speed: 0, cost: 0 };
  const possible: Record<Factor, number> = { precision: 0, memory: 0, method: 0, speed: 0, cost: 0 };
  const perQuestion: Scorecard['perQuestion'] = [];
  for (const item of session.items) {
    const a = answers.find((x) => x.questionId === item.questionId);
    const skipped = !a || a.skipped === true;
    if (a && !skipped && a.ticked.length !== item.pointFactors.length) {
      throw new RangeError(
        `answer to ${item.questionId}: ${a.ticked.length} ticks for ${item.pointFactors.length} rubric points`,
      );
    }
    let m = 0;
    item.pointFactors.forEach((f, i) => {
      possible[f]++;
      if (!skipped && a?.ticked[i]) {
        made[f]++;
        m++;
      }
    });
    perQuestion.push({
      questionId: item.questionId,
      made: m,
      possible: item.pointFactors.length,
      overtime: !!a && a.elapsedSeconds > item.timeLimitSeconds,
      skipped,
    });
  }
  const byFactor = Object.fromEntries(FACTORS.map((f) => [f, score(made[f], possible[f])])) as Record<Factor, Score>;
  const totalMade = FACTORS.reduce((s, f) => s + made[f], 0);
  const totalPossible = FACTORS.reduce((s, f) => s + possible[f], 0);
  const weakest = FACTORS.filter((f) => possible[f] > 0).sort(
    (x, y) => (byFactor[x].percent ?? 0) - (byFactor[y].percent ?? 0) || FACTORS.indexOf(x) - FACTORS.indexOf(y),
  );
  return { byFactor, total: score(totalMade, totalPossible), perQuestion, weakest };
}

/** The scorecard as stored in progress. */
export function interviewRecord(session: InterviewSession, card: Scorecard, now: Date): InterviewRecord {
  return {
    finishedAt: now.toISOString(),
    byFactor: Object.fromEntries(
      FACTORS.map((f) => [f, { made: card.byFactor[f].made, possible: card.byFactor[f].possible }]),
    ),
    total: { made: card.total.made, possible: card.total.possible },
    questionIds: session.items.map((i) => i.questionId),
  };
}

/** Appends a finished interview to progress, keeping the latest 50. */
export function addInterviewRecord(progress: Progress, record: InterviewRecord): Progress {
  return { ...progress, interviews: [...progress.interviews, record].slice(-50) };
}
