/**
 * The `/interview` page's state as a reducer: start screen → a question (answer
 * against the clock, then grade yourself) → scorecard. `InterviewApp` keeps it in
 * `useReducer(interviewReducer, …)`; saving the scorecard, sessionStorage and focus
 * stay in its handlers and effects. The run's own transitions are
 * `lib/practice/interview-run`; this adds the screens around them. Pure: times come
 * in with the actions (epoch ms).
 */
import type { Scorecard } from '@/lib/practice/interview';
import { stopAnswering, toggleTick, type InterviewRun } from '@/lib/practice/interview-run';
import type { InterviewRecord } from '@/lib/practice/progress';

export type InterviewView =
  | { kind: 'start' }
  | { kind: 'question'; run: InterviewRun }
  /** `record` is kept until saved, so choosing to replace unreadable progress can still save this scorecard. */
  | {
      kind: 'scorecard';
      run: InterviewRun;
      card: Scorecard;
      record: InterviewRecord;
      saved: boolean;
      saveMessage: string | null;
    };

export interface InterviewFlow {
  view: InterviewView;
  /** True right after a run was picked up from sessionStorage (a "picked up where you left it" note). */
  resumed: boolean;
  /** The last clock reading (epoch ms); the countdown is drawn from it. */
  nowMs: number;
  /** Interviews started in this visit (part of the next run's seed). */
  runsStarted: number;
}

export type InterviewAction =
  /** A run in progress was found in sessionStorage after a reload. */
  | { type: 'resume'; run: InterviewRun; nowMs: number }
  | { type: 'begin'; run: InterviewRun; nowMs: number }
  | { type: 'clock'; nowMs: number }
  | { type: 'notes'; text: string }
  /** "I'm done — grade myself". */
  | { type: 'stop'; nowMs: number }
  | { type: 'tick'; index: number; on: boolean }
  | { type: 'toggleModel' }
  /** The next question (`run` from `advance`, not finished). */
  | { type: 'advanced'; run: InterviewRun; nowMs: number }
  /** The last answer was given: the scorecard, with the outcome of saving it. */
  | {
      type: 'finish';
      run: InterviewRun;
      card: Scorecard;
      record: InterviewRecord;
      saved: boolean;
      saveMessage: string | null;
    }
  /** A later save of the scorecard on screen (after the learner chose to replace unreadable progress). */
  | { type: 'saved'; saved: boolean; saveMessage: string }
  /** Back to the start screen (quit, or "Change options"); nothing is saved. */
  | { type: 'toStart' };

export function initialInterviewFlow(nowMs: number): InterviewFlow {
  return { view: { kind: 'start' }, resumed: false, nowMs, runsStarted: 0 };
}

/** Notes are capped where they are read (the saved-run schema allows 100,000 characters). */
export const MAX_NOTES_CHARS = 100_000;

/** Every transition of the interview page. Returns the same object when the action does not apply. */
export function interviewReducer(state: InterviewFlow, action: InterviewAction): InterviewFlow {
  const { view } = state;
  const onRun = (f: (run: InterviewRun) => InterviewRun): InterviewFlow => {
    if (view.kind !== 'question') return state;
    const run = f(view.run);
    return run === view.run ? state : { ...state, view: { kind: 'question', run } };
  };
  switch (action.type) {
    case 'resume':
      return { ...state, view: { kind: 'question', run: action.run }, resumed: true, nowMs: action.nowMs };
    case 'begin':
      return {
        ...state,
        view: { kind: 'question', run: action.run },
        resumed: false,
        nowMs: action.nowMs,
        runsStarted: state.runsStarted + 1,
      };
    case 'clock':
      return action.nowMs === state.nowMs ? state : { ...state, nowMs: action.nowMs };
    case 'notes':
      return onRun((run) => ({ ...run, notes: action.text.slice(0, MAX_NOTES_CHARS) }));
    case 'stop': {
      const next = onRun((run) => stopAnswering(run, action.nowMs));
      return next === state ? state : { ...next, resumed: false };
    }
    case 'tick':
      return onRun((run) => toggleTick(run, action.index, action.on));
    case 'toggleModel':
      return onRun((run) => ({ ...run, modelShown: !run.modelShown }));
    case 'advanced':
      if (view.kind !== 'question') return state;
      return { ...state, view: { kind: 'question', run: action.run }, resumed: false, nowMs: action.nowMs };
    case 'finish':
      if (view.kind !== 'question') return state;
      return {
        ...state,
        resumed: false,
        view: {
          kind: 'scorecard',
          run: action.run,
          card: action.card,
          record: action.record,
          saved: action.saved,
          saveMessage: action.saveMessage,
        },
      };
    case 'saved':
      if (view.kind !== 'scorecard') return state;
      return { ...state, view: { ...view, saved: action.saved, saveMessage: action.saveMessage } };
    case 'toStart':
      return { ...state, view: { kind: 'start' }, resumed: false };
  }
}
