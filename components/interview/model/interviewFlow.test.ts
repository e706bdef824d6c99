import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/content/build/markdown';
import {
  createInterview,
  interviewRecord,
  OPENING_QUESTION_ID,
  OPENING_RUBRIC_FACTORS,
  scoreInterview,
} from '@/lib/practice/interview';
import { advance, startRun, type InterviewRun } from '@/lib/practice/interview-run';
import type { Level, OpenQuestion, Topic } from '@/lib/practice/types';
import { initialInterviewFlow, interviewReducer, MAX_NOTES_CHARS, type InterviewFlow } from './interviewFlow';
import { quoteNotes, scorecardFileName, scorecardMarkdown } from './scorecardExport';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const t0 = T0.getTime();
const rich = (md: string) => ({ md, html: renderMarkdown(md) });
function open(id: string, factor: Topic, level: Level, points: number): OpenQuestion {
  return {
    id,
    type: 'open',
    factor,
    level,
    tags: [],
    sources: ['lesson:decision'],
    prompt: rich(`Prompt of ${id}: is $2 \\times 8 < 20$?`),
    hints: [],
    pin: false,
    rubric: Array.from({ length: points }, (_, i) => rich(`Point ${i + 1} of ${id}`)),
    model: rich(`Model answer of ${id}.\n\n- first\n- second`),
  };
}
const BANK = [
  open(OPENING_QUESTION_ID, 'memory', 'senior', OPENING_RUBRIC_FACTORS.length),
  open('p', 'precision', 'senior', 3),
  open('m', 'kv-cache', 'senior', 4),
  open('me', 'method', 'senior', 2),
  open('s', 'speed', 'senior', 3),
  open('c', 'cost', 'mid', 5),
];
const session = createInterview(BANK, { seed: 'run', now: T0, followUps: 4 });

function begun(): InterviewFlow {
  return interviewReducer(initialInterviewFlow(t0), { type: 'begin', run: startRun(session, true, t0), nowMs: t0 });
}
const runOf = (s: InterviewFlow): InterviewRun => {
  if (s.view.kind !== 'question') throw new Error(`expected a question, got ${s.view.kind}`);
  return s.view.run;
};

describe('interviewReducer', () => {
  it('begin → notes → stop → tick → model answer → next question', () => {
    let s = begun();
    expect(s.runsStarted).toBe(1);
    s = interviewReducer(s, { type: 'notes', text: 'weights 39.8 GB' });
    s = interviewReducer(s, { type: 'stop', nowMs: t0 + 90_000 });
    expect(runOf(s).step).toBe('grade');
    s = interviewReducer(s, { type: 'tick', index: 1, on: true });
    s = interviewReducer(s, { type: 'toggleModel' });
    expect(runOf(s)).toMatchObject({ notes: 'weights 39.8 GB', modelShown: true, doneAtMs: t0 + 90_000 });
    expect(runOf(s).ticked[1]).toBe(true);
    const r = advance(runOf(s), t0 + 95_000);
    s = interviewReducer(s, { type: 'advanced', run: r.run, nowMs: t0 + 95_000 });
    expect(runOf(s)).toMatchObject({ index: 1, step: 'answer', notes: '' });
    expect(runOf(s).answers[0]).toMatchObject({ notes: 'weights 39.8 GB', elapsedSeconds: 90 });
  });

  it('actions that do not apply leave the state as it is (same object)', () => {
    const start = initialInterviewFlow(t0);
    for (const a of [
      { type: 'notes', text: 'x' },
      { type: 'stop', nowMs: t0 },
      { type: 'tick', index: 0, on: true },
      { type: 'toggleModel' },
      { type: 'saved', saved: true, saveMessage: 'Saved' },
    ] as const) {
      expect(interviewReducer(start, a)).toBe(start);
    }
    const s = begun();
    expect(interviewReducer(s, { type: 'tick', index: 99, on: true })).toBe(s);
    expect(interviewReducer(s, { type: 'clock', nowMs: t0 })).toBe(s);
  });

  it('resume marks the run as picked up; the next step clears the note', () => {
    let s = interviewReducer(initialInterviewFlow(t0), {
      type: 'resume',
      run: startRun(session, false, t0),
      nowMs: t0 + 5_000,
    });
    expect(s.resumed).toBe(true);
    s = interviewReducer(s, { type: 'stop', nowMs: t0 + 6_000 });
    expect(s.resumed).toBe(false);
  });

  it('finish shows the scorecard with the save outcome; a later save updates it; quit goes back', () => {
    let s = begun();
    let run = runOf(s);
    for (;;) {
      const r = advance(run, t0 + 1_000);
      run = r.run;
      if (r.finished) break;
    }
    const card = scoreInterview(session, run.answers);
    const record = interviewRecord(session, card, T0);
    s = interviewReducer(s, { type: 'finish', run, card, record, saved: false, saveMessage: 'Not saved' });
    expect(s.view).toMatchObject({ kind: 'scorecard', saved: false, saveMessage: 'Not saved' });
    s = interviewReducer(s, { type: 'saved', saved: true, saveMessage: 'Saved to your progress in this browser.' });
    expect(s.view).toMatchObject({ kind: 'scorecard', saved: true });
    expect(interviewReducer(s, { type: 'toStart' }).view).toEqual({ kind: 'start' });
  });

  it('property: notes are kept as typed, capped at 100,000 characters (what a saved run may hold)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(runOf(interviewReducer(begun(), { type: 'notes', text })).notes).toBe(text);
      }),
    );
    const long = 'x'.repeat(MAX_NOTES_CHARS + 10);
    expect(runOf(interviewReducer(begun(), { type: 'notes', text: long })).notes).toHaveLength(MAX_NOTES_CHARS);
  });
});

describe('scorecard export (Markdown)', () => {
  const byId = new Map(BANK.map((q) => [q.id, q]));
  let run = startRun(session, true, t0);
  run = { ...run, notes: 'FP8: 72.66 GB\n# not a heading <b>bold?</b>', ticked: run.ticked.map((_, i) => i < 2) };
  run = advance({ ...run, step: 'grade', doneAtMs: t0 + 200_000 }, t0 + 200_000).run;
  for (;;) {
    const r = advance(run, t0 + 210_000);
    run = r.run;
    if (r.finished) break;
  }
  const card = scoreInterview(session, run.answers);
  const md = scorecardMarkdown({
    run,
    card,
    questions: byId,
    finishedAt: '2025-03-01T12:10:00.000Z',
    labelOf: (k) => (k === 0 ? 'Opening question' : `Follow-up ${k}`),
  });

  it('starts with the date and the total, then a table per factor', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Mock interview scorecard, 2025-03-01');
    expect(lines[2]).toBe(
      `Total: 2 of ${card.total.possible} rubric points (${Math.round(200 / card.total.possible)}%).`,
    );
    expect(lines[4]).toBe('| Factor | Made | Possible | Share |');
    expect(scorecardFileName('2025-03-01T12:10:00.000Z')).toBe('interview-scorecard-2025-03-01.md');
  });

  it('puts the learner’s notes (escaped) beside the ticked rubric and the model answer, formulas as $…$', () => {
    expect(md).toContain('## 1. Opening question\n\nPoints: 2 of 8. Time: 03:20 of 06:00.');
    expect(md).toContain('### My notes\n\n> FP8: 72.66 GB\n> \\# not a heading &lt;b>bold?&lt;/b>');
    expect(md).toContain(
      `- [x] Point 1 of ${OPENING_QUESTION_ID}\n- [x] Point 2 of ${OPENING_QUESTION_ID}\n- [ ] Point 3`,
    );
    expect(md).toContain(`### Model answer\n\nModel answer of ${OPENING_QUESTION_ID}.\n\n- first\n- second`);
    expect(md).toContain('is $2 \\times 8 < 20$?');
    expect(md).toContain('## 2. Follow-up 1');
    expect(md).toContain('_No notes written._');
  });

  it('quoteNotes quotes every line and escapes markers at line starts', () => {
    expect(quoteNotes('a\r\n- b\n 3. c\n')).toBe('> a\n> \\- b\n>  3\\. c\n>');
  });
});
