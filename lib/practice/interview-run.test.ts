import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInterview, OPENING_QUESTION_ID, OPENING_RUBRIC_FACTORS, scoreInterview } from './interview';
import {
  advance,
  currentItem,
  elapsedSeconds,
  parseSavedRun,
  startRun,
  stopAnswering,
  toggleTick,
  type InterviewRun,
} from './interview-run';
import type { Level, OpenQuestion, RichText, Topic } from './types';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const t0 = T0.getTime();
const t = (s: string): RichText => ({ md: s, html: s });
function open(id: string, factor: Topic, level: Level, points = 3): OpenQuestion {
  return {
    id,
    type: 'open',
    factor,
    level,
    tags: [],
    sources: ['lesson:decision'],
    prompt: t(id),
    hints: [],
    pin: false,
    rubric: Array.from({ length: points }, (_, i) => t(`p${i}`)),
    model: t('m'),
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
const rubricLengths = Object.fromEntries(BANK.map((q) => [q.id, q.rubric.length]));

/** Plays a whole interview: question k takes 10·(k+1) s; ticks come from `bits`. */
function play(bits: boolean[]): { run: InterviewRun; steps: InterviewRun[] } {
  let run = startRun(session, true, t0);
  let now = t0;
  let k = 0;
  const steps: InterviewRun[] = [run];
  for (;;) {
    now += 10_000 * (run.index + 1);
    run = stopAnswering(run, now);
    for (let i = 0; i < run.ticked.length; i++) run = toggleTick(run, i, bits[k++ % Math.max(1, bits.length)] ?? false);
    steps.push(run);
    now += 500;
    const r = advance(run, now);
    run = r.run;
    steps.push(run);
    if (r.finished) return { run, steps };
  }
}

describe('an interview run', () => {
  it('starts on the opener with the clock running and nothing ticked', () => {
    const run = startRun(session, true, t0);
    expect(currentItem(run).questionId).toBe(OPENING_QUESTION_ID);
    expect(run.ticked).toEqual(OPENING_RUBRIC_FACTORS.map(() => false));
    expect(elapsedSeconds(run, t0 + 95_000)).toBe(95);
    expect(elapsedSeconds(run, t0 - 5_000)).toBe(0);
  });

  it('stops the clock at "I\'m done" and records each question\'s time and ticks', () => {
    let run = startRun(session, true, t0);
    run = stopAnswering(run, t0 + 400_000);
    expect(run.step).toBe('grade');
    expect(elapsedSeconds(run, t0 + 999_000)).toBe(400);
    expect(stopAnswering(run, t0 + 500_000)).toBe(run);
    run = toggleTick(toggleTick(run, 0, true), 3, true);
    expect(toggleTick(run, 99, true)).toBe(run);
    const r = advance(run, t0 + 410_000);
    expect(r.finished).toBe(false);
    expect(r.run.answers).toEqual([
      {
        questionId: OPENING_QUESTION_ID,
        ticked: [true, false, false, true, false, false, false, false],
        elapsedSeconds: 400,
      },
    ]);
    expect(r.run).toMatchObject({
      index: 1,
      step: 'answer',
      questionStartedAtMs: t0 + 410_000,
      doneAtMs: null,
      notes: '',
      modelShown: false,
    });
    expect(r.run.ticked).toHaveLength(currentItem(r.run).pointFactors.length);
  });

  it("keeps each question's notes with its answer (for the scorecard export); blank notes are left out", () => {
    let run = { ...startRun(session, true, t0), notes: '4-bit: 39.8 GB of weights' };
    run = advance(stopAnswering(run, t0 + 1_000), t0 + 2_000).run;
    expect(run.answers[0]?.notes).toBe('4-bit: 39.8 GB of weights');
    expect(run.notes).toBe('');
    run = advance(stopAnswering({ ...run, notes: '  \n ' }, t0 + 3_000), t0 + 4_000).run;
    expect(run.answers[1]).not.toHaveProperty('notes');
    // A run saved mid-interview keeps the notes of earlier answers.
    expect(parseSavedRun(JSON.stringify(run), rubricLengths)?.answers[0]?.notes).toBe('4-bit: 39.8 GB of weights');
  });

  it('property: the scorecard total equals the points ticked, and every answer is kept', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), (bits) => {
        const { run } = play(bits);
        expect(run.answers.map((a) => a.questionId)).toEqual(session.items.map((i) => i.questionId));
        const ticks = run.answers.reduce((s, a) => s + a.ticked.filter(Boolean).length, 0);
        const card = scoreInterview(session, run.answers);
        expect(card.total.made).toBe(ticks);
        expect(run.answers.map((a) => a.elapsedSeconds)).toEqual(session.items.map((_, k) => 10 * (k + 1)));
      }),
    );
  });
});

describe('parseSavedRun', () => {
  it('restores every state of a run saved as JSON', () => {
    const { steps } = play([true, false, true]);
    for (const s of steps.slice(0, -1)) expect(parseSavedRun(JSON.stringify(s), rubricLengths)).toEqual(s);
  });

  it('rejects runs that do not fit the questions on the page', () => {
    const run = startRun(session, true, t0);
    expect(parseSavedRun(null, rubricLengths)).toBeNull();
    expect(parseSavedRun('{oops', rubricLengths)).toBeNull();
    expect(parseSavedRun('null', rubricLengths)).toBeNull();
    expect(parseSavedRun(JSON.stringify({ ...run, index: 9 }), rubricLengths)).toBeNull();
    expect(parseSavedRun(JSON.stringify({ ...run, ticked: [true] }), rubricLengths)).toBeNull();
    expect(parseSavedRun(JSON.stringify({ ...run, step: 'grade' }), rubricLengths)).toBeNull();
    const followUp = session.items[1]!.questionId; // a question this run asks, saved with another rubric length
    expect(parseSavedRun(JSON.stringify(run), { ...rubricLengths, [followUp]: 7 })).toBeNull();
    expect(parseSavedRun(JSON.stringify(run), { [OPENING_QUESTION_ID]: OPENING_RUBRIC_FACTORS.length })).toBeNull();
    expect(
      parseSavedRun(
        JSON.stringify({ ...run, answers: [{ questionId: 'x', ticked: [], elapsedSeconds: 1 }] }),
        rubricLengths,
      ),
    ).toBeNull();
  });

  it('property: never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        expect(() => parseSavedRun(raw, rubricLengths)).not.toThrow();
      }),
    );
  });
});
