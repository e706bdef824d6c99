import fc from 'fast-check';
import { default_request_retention } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  createProgress,
  DEFAULT_SETTINGS,
  loadProgress,
  PROGRESS_STORAGE_KEY,
  serializeProgress,
  SETTINGS_BOUNDS,
  withSettings,
  type PracticeSettings,
} from './progress';
import { readProgress, updateProgress, type KeyValueStorage } from './progress-store';
import { buildQueue, previewIntervals, recordAnswer } from './schedule';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const DAY = 86_400_000;

function memoryStorage(initial: string | null = null): KeyValueStorage & { raw: () => string | null } {
  let value = initial;
  return {
    getItem: (k) => (k === PROGRESS_STORAGE_KEY ? value : null),
    setItem: (k, v) => {
      if (k === PROGRESS_STORAGE_KEY) value = v;
    },
    raw: () => value,
  };
}

const settings = (s: Partial<PracticeSettings>): PracticeSettings => ({ ...DEFAULT_SETTINGS, ...s });

describe('practice settings (daily caps, retention target)', () => {
  it('the default retention target is ts-fsrs’s own default (0.9)', () => {
    expect(DEFAULT_SETTINGS.desiredRetention).toBe(default_request_retention);
    expect(default_request_retention).toBe(0.9);
  });

  it('withSettings accepts the bounds and refuses just outside them, naming the field', () => {
    const p = createProgress(T0, 'learner0001');
    expect(withSettings(p, settings({ desiredRetention: 0.7 })).ok).toBe(true);
    expect(withSettings(p, settings({ desiredRetention: 0.97 })).ok).toBe(true);
    expect(withSettings(p, settings({ desiredRetention: 0.971 }))).toEqual({ ok: false, field: 'desiredRetention' });
    expect(withSettings(p, settings({ desiredRetention: 0.69 }))).toEqual({ ok: false, field: 'desiredRetention' });
    expect(withSettings(p, settings({ desiredRetention: Number.NaN }))).toEqual({
      ok: false,
      field: 'desiredRetention',
    });
    expect(withSettings(p, settings({ dailyNewCap: 2.5 }))).toEqual({ ok: false, field: 'dailyNewCap' });
    expect(withSettings(p, settings({ dailyReviewCap: -1 }))).toEqual({ ok: false, field: 'dailyReviewCap' });
    expect(withSettings(p, settings({ dailyNewCap: SETTINGS_BOUNDS.dailyNewCap.max + 1 })).ok).toBe(false);
  });

  it('property: whatever is accepted survives a save and a reload unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 1100 }),
        fc.integer({ min: -5, max: 11_000 }),
        fc.double({ min: 0.5, max: 1.2, noNaN: true }),
        (dailyNewCap, dailyReviewCap, desiredRetention) => {
          const r = withSettings(createProgress(T0, 'learner0001'), { dailyNewCap, dailyReviewCap, desiredRetention });
          const inBounds =
            dailyNewCap >= 0 &&
            dailyNewCap <= 1000 &&
            dailyReviewCap >= 0 &&
            dailyReviewCap <= 10_000 &&
            desiredRetention >= 0.7 &&
            desiredRetention <= 0.97;
          expect(r.ok).toBe(inBounds);
          if (r.ok) {
            const reloaded = loadProgress(serializeProgress(r.progress), T0);
            expect(reloaded.discarded).toBeUndefined();
            expect(reloaded.progress.settings).toEqual({ dailyNewCap, dailyReviewCap, desiredRetention });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('saved through the progress store, they persist; over unreadable data nothing is written', () => {
    const storage = memoryStorage(serializeProgress(createProgress(T0, 'learner0001')));
    const next = settings({ dailyNewCap: 20, desiredRetention: 0.85 });
    const r = updateProgress(storage, (p) => {
      const w = withSettings(p, next);
      return w.ok ? w.progress : p;
    });
    expect(r.ok).toBe(true);
    const read = readProgress(storage, T0);
    expect(read.status === 'ok' && read.progress.settings).toEqual(next);

    const broken = memoryStorage('{not json');
    expect(updateProgress(broken, (p) => p).ok).toBe(false);
    expect(broken.raw()).toBe('{not json');
  });

  it('raising the new cap mid-day lets that many more new questions in today (10 answered, cap 20: 10 more)', () => {
    let p = createProgress(T0, 'learner0001');
    const candidates = Array.from({ length: 30 }, (_, i) => `q${i}`);
    for (const id of candidates.slice(0, 10)) {
      p = recordAnswer(p, { questionId: id, factor: 'memory', correct: true, hintsUsed: 0 }, T0);
    }
    expect(buildQueue(p, { candidates, now: T0 }).new).toHaveLength(0);
    const raised = withSettings(p, settings({ dailyNewCap: 20 }));
    if (!raised.ok) throw new Error('expected ok');
    expect(buildQueue(raised.progress, { candidates, now: T0 }).new).toEqual(candidates.slice(10, 20));
  });

  it('a higher retention target schedules a review card sooner (FSRS: interval grows as retention falls)', () => {
    // A card learnt and reviewed "Good" a few times, then previewed with two targets.
    let p = createProgress(T0, 'learner0001');
    let t = T0;
    for (let i = 0; i < 4; i++) {
      p = recordAnswer(p, { questionId: 'a', factor: 'memory', correct: true, hintsUsed: 0 }, t);
      t = new Date(Date.parse(p.items.a!.card.due));
    }
    const good = (retention: number) => previewIntervals(p.items.a!.card, t, retention)[2]!.intervalMs;
    expect(good(0.97)).toBeLessThan(good(0.9));
    expect(good(0.9)).toBeLessThan(good(0.7));
    expect(good(0.7)).toBeGreaterThan(DAY);
  });
});
