import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProgress, type Progress } from '@/lib/practice/progress';
import { buildQueue, recordAnswer } from '@/lib/practice/schedule';
import { capState, cramKeys, initialFlow, pickKey, practiceReducer, type PracticeFlow } from './session';
import { parseSettingsForm, settingsForm } from './settings';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const t0 = T0.getTime();
const MIN = 60_000;
const candidates = Array.from({ length: 15 }, (_, i) => `q${String(i).padStart(2, '0')}`);

/** A learner who answered the first `n` candidates right at T0 (10 is the default daily new cap). */
function answered(n: number): Progress {
  let p = createProgress(T0, 'learner0001');
  for (const id of candidates.slice(0, n)) {
    p = recordAnswer(p, { questionId: id, factor: 'memory', correct: true, hintsUsed: 0 }, T0);
  }
  return p;
}

const right = (questionId: string) => ({ questionId, correct: true, hintsUsed: 0 });
const wrong = (questionId: string) => ({ questionId, correct: false, hintsUsed: 0 });

describe('practiceReducer: the session flow', () => {
  it('start on the queue shows the first new question; a deep link shows its id', () => {
    const p = answered(0);
    const s = practiceReducer(initialFlow(t0), {
      type: 'start',
      session: { mode: 'queue' },
      progress: p,
      candidates,
      nowMs: t0,
    });
    expect(s.currentKey).toBe('q00');
    const single = practiceReducer(s, {
      type: 'start',
      session: { mode: 'single', id: 'q07' },
      progress: p,
      candidates,
      nowMs: t0,
    });
    expect(single.currentKey).toBe('q07');
  });

  it('only the first graded result counts; rating moves on and a deep link falls back to the queue', () => {
    const p0 = answered(0);
    let s = practiceReducer(initialFlow(t0), {
      type: 'start',
      session: { mode: 'single', id: 'q05' },
      progress: p0,
      candidates,
      nowMs: t0,
    });
    s = practiceReducer(s, { type: 'graded', result: right('q05') });
    expect(practiceReducer(s, { type: 'graded', result: wrong('q05') }).graded).toEqual(right('q05'));
    const p1 = recordAnswer(p0, { questionId: 'q05', factor: 'memory', correct: true, hintsUsed: 0 }, T0);
    s = practiceReducer(s, { type: 'rated', progress: p1, candidates, nowMs: t0, flash: 'Recorded: Good.' });
    expect(s.session).toEqual({ mode: 'queue' });
    expect(s.graded).toBeNull();
    expect(s.flash).toBe('Recorded: Good.');
    expect(s.currentKey).toBe('q00');
  });

  it('rating without a graded answer changes nothing (a stray shortcut)', () => {
    const s = practiceReducer(initialFlow(t0), {
      type: 'start',
      session: { mode: 'queue' },
      progress: answered(0),
      candidates,
      nowMs: t0,
    });
    expect(practiceReducer(s, { type: 'rated', progress: answered(1), candidates, nowMs: t0, flash: 'x' })).toBe(s);
  });

  it('lists step forward on a rating and back on an undo', () => {
    const p = answered(0);
    let s = practiceReducer(initialFlow(t0), {
      type: 'start',
      session: { mode: 'mistakes', keys: ['q01', 'q02'], index: 0 },
      progress: p,
      candidates,
      nowMs: t0,
    });
    s = practiceReducer(s, { type: 'graded', result: right('q01') });
    s = practiceReducer(s, { type: 'rated', progress: p, candidates, nowMs: t0, flash: '' });
    expect(s.currentKey).toBe('q02');
    s = practiceReducer(s, { type: 'undone', key: 'q01' });
    expect(s.session).toMatchObject({ mode: 'mistakes', index: 0 });
    expect(s.currentKey).toBe('q01');
    expect(s.flash).toBe('Last answer undone: answer it again.');
  });

  it('poll picks up a learning step that fell due; filters rebuild the queue unless a rating is pending', () => {
    const p = answered(10); // the cap is used up; each answer's learning step is due at T0 + 10 min
    let s = practiceReducer(initialFlow(t0), {
      type: 'start',
      session: { mode: 'queue' },
      progress: p,
      candidates,
      nowMs: t0,
    });
    expect(s.currentKey).toBeUndefined();
    s = practiceReducer(s, { type: 'poll', progress: p, candidates, nowMs: t0 + 11 * MIN });
    expect(s.currentKey).toBe('q00');
    const pending = practiceReducer(s, { type: 'graded', result: right('q00') });
    expect(practiceReducer(pending, { type: 'filtered', progress: p, candidates: ['q03'], nowMs: t0 })).toBe(pending);
    expect(practiceReducer(s, { type: 'filtered', progress: p, candidates: [], nowMs: t0 }).currentKey).toBeUndefined();
  });
});

describe('cram ("Keep going" after the daily cap): answers are not recorded', () => {
  it('cramKeys: the unseen questions the cap held back first, then seen ones not yet due', () => {
    const p = answered(10);
    expect(buildQueue(p, { candidates, now: T0 }).new).toEqual([]);
    expect(cramKeys(p, candidates, t0)).toEqual([...candidates.slice(10), ...candidates.slice(0, 10)]);
  });

  it('cramNext counts right answers and moves on; a rating cannot record a cram answer', () => {
    const p = answered(10);
    let s: PracticeFlow = practiceReducer(initialFlow(t0), {
      type: 'start',
      session: { mode: 'cram', keys: cramKeys(p, candidates, t0), index: 0 },
      progress: p,
      candidates,
      nowMs: t0,
    });
    expect(s.currentKey).toBe('q10');
    s = practiceReducer(s, { type: 'graded', result: right('q10') });
    expect(practiceReducer(s, { type: 'rated', progress: p, candidates, nowMs: t0, flash: '' })).toBe(s);
    s = practiceReducer(s, { type: 'cramNext' });
    expect(s.currentKey).toBe('q11');
    s = practiceReducer(s, { type: 'graded', result: wrong('q11') });
    s = practiceReducer(s, { type: 'cramNext' });
    expect(s.cram).toEqual({ answered: 2, right: 1 });
    expect(s.flash).toBe('Not recorded (cram): 1 of 2 right so far.');
    // Undo in cram goes back to the queue, where the undone (recorded) answer is recorded again.
    expect(practiceReducer(s, { type: 'undone', key: 'q09' }).session).toEqual({ mode: 'queue' });
  });

  it('property: any sequence of cram steps leaves progress untouched (the reducer never sees a new one)', () => {
    const p = answered(10);
    const before = JSON.stringify(p);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (results) => {
        let s = practiceReducer(initialFlow(t0), {
          type: 'start',
          session: { mode: 'cram', keys: cramKeys(p, candidates, t0), index: 0 },
          progress: p,
          candidates,
          nowMs: t0,
        });
        for (const ok of results) {
          if (s.currentKey === undefined) break;
          s = practiceReducer(s, { type: 'graded', result: ok ? right(s.currentKey) : wrong(s.currentKey) });
          s = practiceReducer(s, { type: 'cramNext' });
        }
        expect(s.cram.right).toBe(results.slice(0, s.cram.answered).filter(Boolean).length);
        expect(JSON.stringify(p)).toBe(before);
        // Nothing became due or was introduced: tomorrow's queue is what it was.
        expect(pickKey(p, { mode: 'queue' }, candidates, t0)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe('capState: why practice stopped', () => {
  it('10 new answered of a cap of 10, 5 unseen: the cap holds 5 back; next review in 10 min (learning step)', () => {
    const p = answered(10);
    const queue = buildQueue(p, { candidates, now: T0 });
    expect(capState(p, candidates, queue, t0)).toEqual({
      newCapReached: true,
      newCap: 10,
      newHeldBack: 5,
      reviewsHeldBack: 0,
      reviewCap: 100,
      nextDueInMs: 10 * MIN,
    });
  });

  it('all questions seen: the cap is not what stopped practice', () => {
    const all = candidates.slice(0, 10);
    const p = answered(10);
    expect(capState(p, all, buildQueue(p, { candidates: all, now: T0 }), t0).newCapReached).toBe(false);
  });
});

describe('settings form', () => {
  it('round-trips saved settings and reads percent into a fraction exactly', () => {
    expect(settingsForm({ dailyNewCap: 10, dailyReviewCap: 100, desiredRetention: 0.9 })).toEqual({
      dailyNewCap: '10',
      dailyReviewCap: '100',
      desiredRetention: '90',
    });
    expect(parseSettingsForm({ dailyNewCap: ' 20 ', dailyReviewCap: '150', desiredRetention: '85 %' })).toEqual({
      ok: true,
      settings: { dailyNewCap: 20, dailyReviewCap: 150, desiredRetention: 0.85 },
    });
    expect(parseSettingsForm({ dailyNewCap: '0', dailyReviewCap: '0', desiredRetention: '97' }).ok).toBe(true);
  });

  it('every bad field gets its own message and nothing is applied', () => {
    expect(parseSettingsForm({ dailyNewCap: '2.5', dailyReviewCap: '', desiredRetention: '99' })).toEqual({
      ok: false,
      errors: {
        dailyNewCap: 'Enter a whole number from 0 to 1000.',
        dailyReviewCap: 'Enter a whole number from 0 to 10000.',
        desiredRetention: 'Enter a percentage from 70 to 97.',
      },
    });
    expect(parseSettingsForm({ dailyNewCap: '10', dailyReviewCap: '100', desiredRetention: '69.99' }).ok).toBe(false);
  });

  it('property: long adversarial input is refused quickly, never NaN', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        const r = parseSettingsForm({ dailyNewCap: junk, dailyReviewCap: '100', desiredRetention: junk });
        if (r.ok) expect(Number.isFinite(r.settings.desiredRetention)).toBe(true);
      }),
    );
    const t = performance.now();
    parseSettingsForm({
      dailyNewCap: '1' + ' '.repeat(60_000),
      dailyReviewCap: '9'.repeat(60_000),
      desiredRetention: '9'.repeat(60_000),
    });
    expect(performance.now() - t).toBeLessThan(50);
  });
});
