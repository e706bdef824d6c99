import { describe, expect, it } from 'vitest';
import { createProgress, emptyCardState, type CardState, type Progress } from './progress';
import {
  attemptOf,
  buildQueue,
  formatInterval,
  LEECH_LAPSES,
  mistakesDeck,
  nextInQueue,
  previewIntervals,
  progressByFactor,
  ratingFor,
  recordAnswer,
  retrievability,
  review,
  scheduleKey,
  undoLastAnswer,
  type ReviewRating,
} from './schedule';

// Fixed dates at noon UTC, so the local day is the same in any time zone within ±11 h.
const T0 = new Date('2025-03-01T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
const MIN = 60_000;
const DAY = 86_400_000;
const fresh = (): Progress => createProgress(T0, 'learner0001');

describe('review / previewIntervals (ts-fsrs, retention 0.9, steps 1m/10m, no fuzz)', () => {
  it('a new card: Again 1 min, Hard 6 min, Good 10 min (learning steps), Easy graduates to 8 days', () => {
    // Values from ts-fsrs 5.4.2 default weights: Easy's initial stability S0(4) = 8.2956 → 8-day interval at R = 0.9.
    const p = previewIntervals(undefined, T0);
    expect(p.map((x) => x.intervalLabel)).toEqual(['1m', '6m', '10m', '8d']);
    expect(p.map((x) => x.intervalMs)).toEqual([1 * MIN, 6 * MIN, 10 * MIN, 8 * DAY]);
    expect(p.map((x) => x.label)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
  });

  it('review applies exactly what the preview showed, for every rating', () => {
    let card: CardState | undefined;
    let now = T0;
    for (const rating of [3, 3, 1, 3, 2, 4, 3] as ReviewRating[]) {
      const preview = previewIntervals(card, now);
      card = review(card, rating, now);
      expect(card.due).toBe(preview[rating - 1]?.due);
      now = new Date(Date.parse(card.due) + 1000);
    }
  });

  it('Good, Good: learning → review, due in 2 days', () => {
    const c1 = review(undefined, 3, T0);
    expect(c1).toMatchObject({ state: 'learning', due: '2025-03-01T12:10:00.000Z', reps: 1 });
    const c2 = review(c1, 3, at(c1.due));
    expect(c2).toMatchObject({
      state: 'review',
      due: '2025-03-03T12:10:00.000Z',
      scheduledDays: 2,
      reps: 2,
      lapses: 0,
    });
  });

  it('Again on a review card is a lapse and sends it to relearning', () => {
    const c2 = review(review(undefined, 3, T0), 3, at('2025-03-01T12:10:00.000Z'));
    const c3 = review(c2, 1, at(c2.due));
    expect(c3).toMatchObject({ state: 'relearning', lapses: 1 });
    expect(Date.parse(c3.due) - Date.parse(c2.due)).toBe(10 * MIN);
  });

  it('retrievability falls with time and is 0 for a new card', () => {
    const c = review(review(undefined, 3, T0), 3, at('2025-03-01T12:10:00.000Z'));
    const r1 = retrievability(c, at('2025-03-02T12:00:00Z'));
    const r2 = retrievability(c, at('2025-03-10T12:00:00Z'));
    expect(r1).toBeGreaterThan(r2);
    expect(r1).toBeLessThanOrEqual(1);
    expect(retrievability(emptyCardState(T0), T0)).toBe(0);
  });

  it('rejects ratings outside 1–4', () => {
    expect(() => review(undefined, 5 as ReviewRating, T0)).toThrow(
      'rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy) (got 5)',
    );
  });
});

describe('formatInterval', () => {
  it.each([
    [30_000, '<1m'],
    [10 * MIN, '10m'],
    [90 * MIN, '1.5h'],
    [2 * DAY, '2d'],
    [45 * DAY, '1.5mo'],
    [400 * DAY, '1.1y'],
  ])('%d ms → %s', (ms, label) => expect(formatInterval(ms)).toBe(label));
});

describe('ratingFor', () => {
  it('wrong → Again, right with hints → Hard, right → Good; an override wins', () => {
    expect(ratingFor({ correct: false, hintsUsed: 0 })).toBe(1);
    expect(ratingFor({ correct: true, hintsUsed: 2 })).toBe(2);
    expect(ratingFor({ correct: true, hintsUsed: 0 })).toBe(3);
    expect(ratingFor({ correct: true, hintsUsed: 0 }, 4)).toBe(4);
  });
});

describe('recordAnswer / undoLastAnswer', () => {
  it('updates counts, card, daily counters and attempts', () => {
    const p = recordAnswer(fresh(), { questionId: 'kv-q', factor: 'memory', correct: true, hintsUsed: 1 }, T0);
    expect(p.items['kv-q']).toMatchObject({
      factor: 'memory',
      seen: 1,
      correct: 1,
      wrong: 0,
      withHints: 1,
      lastResult: 'right',
      lastAnsweredAt: T0.toISOString(),
    });
    expect(p.items['kv-q']?.card).toMatchObject({ state: 'learning', due: '2025-03-01T12:06:00.000Z' }); // Hard: 6 min
    expect(p.daily).toEqual({ day: '2025-03-01', newSeen: 1, reviewsDone: 0 });
    expect(attemptOf(p, 'kv-q')).toBe(1);

    const p2 = recordAnswer(
      p,
      { questionId: 'kv-q', factor: 'memory', correct: false, hintsUsed: 0 },
      at('2025-03-01T12:07:00Z'),
    );
    expect(p2.items['kv-q']).toMatchObject({ seen: 2, correct: 1, wrong: 1, lastResult: 'wrong' });
    expect(p2.daily).toEqual({ day: '2025-03-01', newSeen: 1, reviewsDone: 1 });
  });

  it('files every generated question of a template under one card and one attempt counter', () => {
    expect(scheduleKey('gen:weights-memory:abc-0')).toBe('gen:weights-memory');
    expect(scheduleKey('kv-q')).toBe('kv-q');
    let p = recordAnswer(
      fresh(),
      { questionId: 'gen:weights-memory:learner0001-0', factor: 'memory', correct: true, hintsUsed: 0 },
      T0,
    );
    p = recordAnswer(
      p,
      { questionId: 'gen:weights-memory:learner0001-1', factor: 'memory', correct: true, hintsUsed: 0 },
      at('2025-03-01T12:11:00Z'),
    );
    expect(Object.keys(p.items)).toEqual(['gen:weights-memory']);
    expect(p.items['gen:weights-memory']?.seen).toBe(2);
    expect(attemptOf(p, 'gen:weights-memory')).toBe(2);
  });

  it('undo restores the state before the last answer, once', () => {
    const p1 = recordAnswer(fresh(), { questionId: 'a', factor: 'cost', correct: true, hintsUsed: 0 }, T0);
    const p2 = recordAnswer(
      p1,
      { questionId: 'a', factor: 'cost', correct: false, hintsUsed: 0 },
      at('2025-03-01T12:11:00Z'),
    );
    const p1Rest: Partial<Progress> = { ...p1 };
    delete p1Rest.undo;
    expect(undoLastAnswer(p2)).toEqual(p1Rest);
    expect(undoLastAnswer(undoLastAnswer(p2))).toEqual(undoLastAnswer(p2));
    const first = undoLastAnswer(p1);
    expect(first.items).toEqual({});
    expect(first.attempts).toEqual({});
    expect(first.daily.newSeen).toBe(0);
  });

  it('resets the daily counters on a new local day', () => {
    const p = recordAnswer(fresh(), { questionId: 'a', factor: 'cost', correct: true, hintsUsed: 0 }, T0);
    const next = recordAnswer(
      p,
      { questionId: 'b', factor: 'cost', correct: true, hintsUsed: 0 },
      at('2025-03-02T12:00:00Z'),
    );
    expect(next.daily).toEqual({ day: '2025-03-02', newSeen: 1, reviewsDone: 0 });
  });
});

/** Progress with review cards due at different overdueness. */
function withReviews(): Progress {
  let p = fresh();
  const graduate = (id: string, start: Date) => {
    p = recordAnswer(p, { questionId: id, factor: 'memory', correct: true, hintsUsed: 0, rating: 4 }, start); // Easy: review, 8 days
  };
  graduate('old', at('2025-02-01T12:00:00Z')); // due 02-09: very overdue on 03-01
  graduate('mid', at('2025-02-15T12:00:00Z')); // due 02-23
  graduate('recent', at('2025-02-20T12:00:00Z')); // due 02-28
  graduate('future', at('2025-02-28T12:00:00Z')); // due 03-08
  return { ...p, daily: { day: '2025-03-01', newSeen: 0, reviewsDone: 0 } };
}

describe('buildQueue', () => {
  it('a new learner gets new cards up to the daily new cap, in candidate order', () => {
    const p = { ...fresh(), settings: { ...fresh().settings, dailyNewCap: 2 } };
    const q = buildQueue(p, { candidates: ['a', 'b', 'c'], now: T0 });
    expect(q).toEqual({ learning: [], review: [], new: ['a', 'b'], reviewDueTotal: 0 });
    expect(nextInQueue(q)).toBe('a');
  });

  it('orders due reviews by overdueness (lowest predicted recall first) and leaves future cards out', () => {
    const q = buildQueue(withReviews(), { candidates: ['recent', 'future', 'old', 'mid', 'brand-new'], now: T0 });
    expect(q.review).toEqual(['old', 'mid', 'recent']);
    expect(q.new).toEqual(['brand-new']);
    expect(q.reviewDueTotal).toBe(3);
  });

  it('caps reviews by what is left of the daily review cap', () => {
    const p = withReviews();
    const capped = { ...p, settings: { ...p.settings, dailyReviewCap: 3 }, daily: { ...p.daily, reviewsDone: 2 } };
    const q = buildQueue(capped, { candidates: ['old', 'mid', 'recent'], now: T0 });
    expect(q.review).toEqual(['old']);
    expect(q.reviewDueTotal).toBe(3);
  });

  it('puts learning cards first and never caps them', () => {
    let p = withReviews();
    p = recordAnswer(
      p,
      { questionId: 'learn', factor: 'memory', correct: false, hintsUsed: 0 },
      at('2025-03-01T11:00:00Z'),
    ); // Again: due 11:01
    p = { ...p, settings: { ...p.settings, dailyReviewCap: 0, dailyNewCap: 0 } };
    const q = buildQueue(p, { candidates: ['old', 'learn'], now: T0 });
    expect(q).toMatchObject({ learning: ['learn'], review: [], new: [] });
    expect(nextInQueue(q)).toBe('learn');
  });

  it('says when the next card falls due when nothing is due now', () => {
    const q = buildQueue(withReviews(), { candidates: ['future'], now: T0 });
    expect(q).toEqual({ learning: [], review: [], new: [], reviewDueTotal: 0, nextDue: '2025-03-08T12:00:00.000Z' });
    expect(nextInQueue(q)).toBeUndefined();
  });
});

describe('mistakesDeck', () => {
  it('holds last-wrong and lapsed questions, most recent first, and flags leeches', () => {
    let p = fresh();
    p = recordAnswer(p, { questionId: 'ok', factor: 'cost', correct: true, hintsUsed: 0 }, T0);
    p = recordAnswer(
      p,
      { questionId: 'bad', factor: 'cost', correct: false, hintsUsed: 0 },
      at('2025-03-01T12:01:00Z'),
    );
    const lapsed = p.items.ok;
    if (!lapsed) throw new Error('missing');
    p = {
      ...p,
      items: {
        ...p.items,
        lapsed: { ...lapsed, lastAnsweredAt: '2025-02-01T12:00:00.000Z', card: { ...lapsed.card, lapses: 1 } },
        leech: {
          ...lapsed,
          lastResult: 'right',
          lastAnsweredAt: '2025-01-01T12:00:00.000Z',
          card: { ...lapsed.card, lapses: LEECH_LAPSES },
        },
      },
    };
    expect(mistakesDeck(p).map((m) => [m.key, m.leech])).toEqual([
      ['bad', false],
      ['lapsed', false],
      ['leech', true],
    ]);
  });
});

describe('progressByFactor', () => {
  it('counts total, seen, last-right, due and accuracy per factor', () => {
    let p = fresh();
    p = recordAnswer(p, { questionId: 'm1', factor: 'memory', correct: true, hintsUsed: 0 }, T0);
    p = recordAnswer(p, { questionId: 'm2', factor: 'memory', correct: false, hintsUsed: 0 }, T0);
    p = recordAnswer(
      p,
      { questionId: 'm2', factor: 'memory', correct: true, hintsUsed: 0 },
      at('2025-03-01T12:02:00Z'),
    );
    const bank = [
      { key: 'm1', factor: 'memory' },
      { key: 'm2', factor: 'memory' },
      { key: 'm3', factor: 'memory' },
      { key: 'c1', factor: 'cost' },
    ];
    const r = progressByFactor(p, bank, at('2025-03-01T13:00:00Z'));
    // m1 due 12:10, m2 due 12:12 (Good from step 1): both due at 13:00. Accuracy 2 right of 3 answers.
    expect(r.memory).toEqual({ total: 3, seen: 2, correct: 2, due: 2, accuracy: 2 / 3 });
    expect(r.cost).toEqual({ total: 1, seen: 0, correct: 0, due: 0, accuracy: 0 });
  });
});
