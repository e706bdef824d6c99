/**
 * The `/practice` session flow as a reducer: which list is being practised, the
 * question on screen, the graded result waiting for an FSRS rating, the one-line
 * flash. `PracticeApp` keeps this in `useReducer(practiceReducer, …)`; saving
 * progress, the URL and focus stay in its event handlers. Pure (no DOM, no clock:
 * `now` comes in with each action), so every transition is tested in Node.
 *
 * Cram ("Keep going" after the daily new-question cap): a list of extra questions
 * whose answers are **not recorded**: no FSRS review, no daily counters, no due
 * dates moved. It only keeps a tally for the session, so practising more today
 * never distorts tomorrow's schedule.
 */
import { buildQueue, nextInQueue, type Queue } from '@/lib/practice/schedule';
import type { Progress } from '@/lib/practice/progress';

/** What is being practised: today's queue, a fixed list, or one deep-linked question. */
export type Session =
  | { mode: 'queue' }
  | { mode: 'ahead' | 'mistakes' | 'cram'; keys: string[]; index: number }
  | { mode: 'single'; id: string };

/** What the page needs of a graded answer (a `CardResult`). */
export interface GradedResult {
  questionId: string;
  correct: boolean;
  hintsUsed: number;
}

export interface PracticeFlow {
  session: Session;
  /** The key on screen; undefined when the session has nothing left (the done state). */
  currentKey: string | undefined;
  /** The checked answer waiting for a rating (or, in cram, for "Next"). */
  graded: GradedResult | null;
  /** One line after each step ("Recorded: Good, next review in 10m."). */
  flash: string;
  /** The time the queue was last built at (epoch ms). */
  nowMs: number;
  /** Right answers / answers in the current cram session. */
  cram: { answered: number; right: number };
}

export type PracticeAction =
  /** Starts a session (also the first one, once bank and progress are in). */
  | { type: 'start'; session: Session; progress: Progress; candidates: readonly string[]; nowMs: number }
  /** The card reported a graded answer; the first one counts. */
  | { type: 'graded'; result: GradedResult }
  /** The answer was rated and recorded into `progress`: move on. */
  | { type: 'rated'; progress: Progress; candidates: readonly string[]; nowMs: number; flash: string }
  /** Cram: the answer is not recorded; count it and move on. */
  | { type: 'cramNext' }
  /** The last answer was undone: show `key` again. */
  | { type: 'undone'; key: string }
  /** The 30-second look while nothing is due (learning steps fall due within minutes). */
  | { type: 'poll'; progress: Progress; candidates: readonly string[]; nowMs: number }
  /** A line to show (an import or reset said what it did). */
  | { type: 'flash'; text: string }
  /** The filters changed: today's queue is rebuilt unless an answer waits for its rating. */
  | { type: 'filtered'; progress: Progress; candidates: readonly string[]; nowMs: number };

/** The state before the bank and progress are in. */
export function initialFlow(nowMs: number): PracticeFlow {
  return {
    session: { mode: 'queue' },
    currentKey: undefined,
    graded: null,
    flash: '',
    nowMs,
    cram: { answered: 0, right: 0 },
  };
}

/**
 * The key a session shows next: the queue's next card, the deep-linked id, or the
 * list entry at `index` (undefined past the end).
 */
export function pickKey(
  progress: Progress,
  session: Session,
  candidates: readonly string[],
  nowMs: number,
): string | undefined {
  if (session.mode === 'queue') return nextInQueue(buildQueue(progress, { candidates, now: new Date(nowMs) }));
  if (session.mode === 'single') return session.id;
  return session.keys[session.index];
}

/** The session after an answer: a deep link falls back to the queue; a list moves one on. */
function nextSession(s: Session): Session {
  if (s.mode === 'single') return { mode: 'queue' };
  if (s.mode === 'queue') return s;
  return { ...s, index: s.index + 1 };
}

/** Every transition of the practice page. Returns the same object when nothing changes. */
export function practiceReducer(state: PracticeFlow, action: PracticeAction): PracticeFlow {
  switch (action.type) {
    case 'start':
      return {
        ...state,
        session: action.session,
        graded: null,
        nowMs: action.nowMs,
        currentKey: pickKey(action.progress, action.session, action.candidates, action.nowMs),
        cram: action.session.mode === 'cram' ? { answered: 0, right: 0 } : state.cram,
      };
    case 'graded':
      return state.graded ? state : { ...state, graded: action.result };
    case 'rated': {
      if (!state.graded || state.session.mode === 'cram') return state;
      const session = nextSession(state.session);
      return {
        ...state,
        session,
        graded: null,
        flash: action.flash,
        nowMs: action.nowMs,
        currentKey: pickKey(action.progress, session, action.candidates, action.nowMs),
      };
    }
    case 'cramNext': {
      if (!state.graded || state.session.mode !== 'cram') return state;
      const session = { ...state.session, index: state.session.index + 1 };
      const cram = { answered: state.cram.answered + 1, right: state.cram.right + (state.graded.correct ? 1 : 0) };
      return {
        ...state,
        session,
        graded: null,
        cram,
        flash: `Not recorded (cram): ${cram.right} of ${cram.answered} right so far.`,
        currentKey: session.keys[session.index],
      };
    }
    case 'undone': {
      const s = state.session;
      // A list steps back to the undone question; in cram (which records nothing) the undone answer was a
      // recorded one, so it is answered again in today's queue, where it is recorded.
      const session: Session =
        s.mode === 'ahead' || s.mode === 'mistakes'
          ? { ...s, index: Math.max(0, s.index - 1) }
          : s.mode === 'cram'
            ? { mode: 'queue' }
            : s;
      return { ...state, session, graded: null, flash: 'Last answer undone: answer it again.', currentKey: action.key };
    }
    case 'poll': {
      if (state.session.mode !== 'queue' || state.currentKey !== undefined) return { ...state, nowMs: action.nowMs };
      return {
        ...state,
        nowMs: action.nowMs,
        currentKey: pickKey(action.progress, state.session, action.candidates, action.nowMs),
      };
    }
    case 'flash':
      return { ...state, flash: action.text };
    case 'filtered':
      if (state.session.mode !== 'queue' || state.graded) return state;
      return {
        ...state,
        nowMs: action.nowMs,
        currentKey: pickKey(action.progress, state.session, action.candidates, action.nowMs),
      };
  }
}

/**
 * Cram keys once today's queue is empty: new questions beyond the daily cap first (in
 * candidate order: what tomorrow would introduce), then questions answered before
 * that are not due yet, soonest due first. Excludes what the queue still holds.
 */
export function cramKeys(progress: Progress, candidates: readonly string[], nowMs: number): string[] {
  const queue = buildQueue(progress, { candidates, now: new Date(nowMs) });
  const inQueue = new Set([...queue.learning, ...queue.review, ...queue.new]);
  const fresh: string[] = [];
  const seen: Array<{ key: string; due: number }> = [];
  for (const key of new Set(candidates)) {
    if (inQueue.has(key)) continue;
    const item = progress.items[key];
    if (!item || item.card.state === 'new') fresh.push(key);
    else seen.push({ key, due: Date.parse(item.card.due) });
  }
  seen.sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : 1));
  return [...fresh, ...seen.map((s) => s.key)];
}

/** Why today's queue is empty, for the "done for today" explanation. */
export interface CapState {
  /** The daily new-question cap stopped new questions today (some are still unseen). */
  newCapReached: boolean;
  /** The cap itself (settings.dailyNewCap). */
  newCap: number;
  /** Unseen questions among the candidates that the cap holds back. */
  newHeldBack: number;
  /** Reviews due now beyond the daily review cap. */
  reviewsHeldBack: number;
  /** The review cap (settings.dailyReviewCap). */
  reviewCap: number;
  /** Milliseconds until the next card falls due (absent when nothing is scheduled). */
  nextDueInMs?: number;
}

/**
 * Reads the queue for the reason practice stops: the new-question cap (`newHeldBack`
 * unseen questions wait for tomorrow), the review cap, and when the next review falls due.
 *
 * @example capState(progress with daily.newSeen = 10 of a 10 cap, 30 unseen, queue, now).newHeldBack // 30
 */
export function capState(progress: Progress, candidates: readonly string[], queue: Queue, nowMs: number): CapState {
  let unseen = 0;
  for (const key of new Set(candidates)) {
    const item = progress.items[key];
    if (!item || item.card.state === 'new') unseen++;
  }
  const newHeldBack = Math.max(0, unseen - queue.new.length);
  const newCap = progress.settings.dailyNewCap;
  const nextDue = queue.nextDue ? Date.parse(queue.nextDue) : undefined;
  return {
    newCapReached: newHeldBack > 0,
    newCap,
    newHeldBack,
    reviewsHeldBack: Math.max(0, queue.reviewDueTotal - queue.review.length),
    reviewCap: progress.settings.dailyReviewCap,
    ...(nextDue !== undefined ? { nextDueInMs: Math.max(0, nextDue - nowMs) } : {}),
  };
}
