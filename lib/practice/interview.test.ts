import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';
import {
  addInterviewRecord,
  createInterview,
  interviewRecord,
  OPENING_QUESTION_ID,
  OPENING_RUBRIC_FACTORS,
  scoreInterview,
  secondsLeft,
  type InterviewAnswer,
} from './interview';
import type { Level, OpenQuestion, Question, RichText, Topic } from './types';

const T0 = new Date('2025-03-01T12:00:00.000Z');
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
const opener = open(OPENING_QUESTION_ID, 'memory', 'senior', OPENING_RUBRIC_FACTORS.length);
const BANK: Question[] = [
  opener,
  open('p-s1', 'precision', 'senior'),
  open('p-s2', 'outliers', 'senior'), // counts as precision
  open('m-s1', 'kv-cache', 'senior'), // counts as memory
  open('me-s1', 'method', 'senior'),
  open('me-m1', 'calibration', 'mid'),
  open('s-s1', 'speed', 'senior'),
  open('c-m1', 'cost', 'mid'),
  open('j-1', 'cost', 'junior'), // never drawn
];

describe('createInterview', () => {
  it('starts with the opener and covers every factor before repeating one', () => {
    const s = createInterview(BANK, { seed: 'L-0', now: T0, followUps: 5 });
    expect(s.items[0]).toEqual({
      questionId: OPENING_QUESTION_ID,
      timeLimitSeconds: 360,
      pointFactors: [...OPENING_RUBRIC_FACTORS],
    });
    const follow = s.items.slice(1);
    expect(follow).toHaveLength(5);
    const factors = follow.map((i) => i.pointFactors[0]);
    expect(new Set(factors)).toEqual(new Set(['precision', 'memory', 'method', 'speed', 'cost']));
    expect(follow.every((i) => i.timeLimitSeconds === 180)).toBe(true);
    expect(follow.map((i) => i.questionId)).not.toContain('j-1');
    expect(s.notice).toBeUndefined();
  });

  it('asks first about the factor the opener does not test (method), so 4 follow-ups still score all five factors', () => {
    // The opener's rubric (OPENING_RUBRIC_FACTORS) has memory, speed, precision and cost points, no method.
    expect(OPENING_RUBRIC_FACTORS).not.toContain('method');
    for (let k = 0; k < 20; k++) {
      const s = createInterview(BANK, { seed: `F-${k}`, now: T0, followUps: 4 });
      expect(s.items[1]!.pointFactors[0]).toBe('method');
      const scored = new Set(s.items.flatMap((i) => i.pointFactors));
      expect(scored).toEqual(new Set(['precision', 'memory', 'method', 'speed', 'cost']));
    }
  });

  it('prefers senior questions within a factor (method: me-s1 before the mid me-m1)', () => {
    for (let k = 0; k < 10; k++) {
      const ids = createInterview(BANK, { seed: `L-${k}`, now: T0, followUps: 5 }).items.map((i) => i.questionId);
      expect(ids).toContain('me-s1');
      expect(ids).not.toContain('me-m1');
    }
  });

  it('is deterministic per seed and varies across seeds', () => {
    const a = createInterview(BANK, { seed: 'L-1', now: T0, followUps: 6 });
    expect(createInterview(BANK, { seed: 'L-1', now: T0, followUps: 6 })).toEqual(a);
    const orders = new Set(
      Array.from({ length: 12 }, (_, k) =>
        createInterview(BANK, { seed: `s${k}`, now: T0 })
          .items.map((i) => i.questionId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(3);
  });

  it('says so when the bank is short of follow-ups', () => {
    const s = createInterview([opener, open('a', 'cost', 'senior'), open('b', 'speed', 'senior')], {
      seed: 'x',
      now: T0,
      followUps: 4,
    });
    expect(s.items).toHaveLength(3);
    expect(s.notice).toBe('Only 2 follow-up questions are available in the question bank (asked for 4).');
  });

  it('throws without the opener, with a mismatched rubric map, or for a bad count', () => {
    expect(() => createInterview(BANK.slice(1), { seed: 'x', now: T0 })).toThrow(
      `no open question "${OPENING_QUESTION_ID}"`,
    );
    expect(() => createInterview([open(OPENING_QUESTION_ID, 'memory', 'senior', 3)], { seed: 'x', now: T0 })).toThrow(
      /OPENING_RUBRIC_FACTORS has 8 entries but the opening question has 3/,
    );
    expect(() => createInterview(BANK, { seed: 'x', now: T0, followUps: 7 })).toThrow(
      'followUps must be 4, 5 or 6 (got 7)',
    );
  });
});

describe('secondsLeft', () => {
  it('counts down and goes negative past the limit', () => {
    const item = { questionId: 'a', timeLimitSeconds: 180, pointFactors: [] };
    expect(secondsLeft(item, T0, new Date(T0.getTime() + 30_000))).toBe(150);
    expect(secondsLeft(item, T0, new Date(T0.getTime() + 200_000))).toBe(-20);
  });
});

describe('scoreInterview', () => {
  const session = {
    seed: 's',
    startedAt: T0.toISOString(),
    items: [
      { questionId: OPENING_QUESTION_ID, timeLimitSeconds: 360, pointFactors: [...OPENING_RUBRIC_FACTORS] },
      { questionId: 'm-s1', timeLimitSeconds: 180, pointFactors: ['memory', 'memory', 'memory'] as const },
      { questionId: 'me-s1', timeLimitSeconds: 180, pointFactors: ['method', 'method', 'method'] as const },
    ].map((i) => ({ ...i, pointFactors: [...i.pointFactors] })),
  };
  // Opener points: memory ×3, speed, precision ×2, speed, cost.
  const answers: InterviewAnswer[] = [
    {
      questionId: OPENING_QUESTION_ID,
      ticked: [true, true, false, true, true, false, false, true],
      elapsedSeconds: 400,
    },
    { questionId: 'm-s1', ticked: [true, false, false], elapsedSeconds: 100 },
    { questionId: 'me-s1', ticked: [true, true, true], elapsedSeconds: 90, skipped: true },
  ];

  it('sums rubric points per factor; skipped answers score 0 but their points stay possible', () => {
    const card = scoreInterview(session, answers);
    // memory: opener 2 of 3 + m-s1 1 of 3 = 3/6; speed: 1 of 2; precision: 1 of 2; cost 1 of 1; method: skipped 0 of 3
    expect(card.byFactor).toEqual({
      memory: { made: 3, possible: 6, percent: 50 },
      speed: { made: 1, possible: 2, percent: 50 },
      precision: { made: 1, possible: 2, percent: 50 },
      cost: { made: 1, possible: 1, percent: 100 },
      method: { made: 0, possible: 3, percent: 0 },
    });
    expect(card.total).toEqual({ made: 6, possible: 14, percent: (6 / 14) * 100 });
    expect(card.weakest).toEqual(['method', 'precision', 'memory', 'speed', 'cost']);
    expect(card.perQuestion).toEqual([
      { questionId: OPENING_QUESTION_ID, made: 5, possible: 8, overtime: true, skipped: false },
      { questionId: 'm-s1', made: 1, possible: 3, overtime: false, skipped: false },
      { questionId: 'me-s1', made: 0, possible: 3, overtime: false, skipped: true },
    ]);
  });

  it('treats a missing answer as skipped and throws on mismatched ticks', () => {
    expect(scoreInterview(session, []).total).toEqual({ made: 0, possible: 14, percent: 0 });
    expect(() => scoreInterview(session, [{ questionId: 'm-s1', ticked: [true], elapsedSeconds: 1 }])).toThrow(
      'answer to m-s1: 1 ticks for 3 rubric points',
    );
  });

  it('stores the scorecard in progress, keeping the last 50', () => {
    const rec = interviewRecord(session, scoreInterview(session, answers), T0);
    expect(rec).toEqual({
      finishedAt: T0.toISOString(),
      byFactor: {
        precision: { made: 1, possible: 2 },
        memory: { made: 3, possible: 6 },
        method: { made: 0, possible: 3 },
        speed: { made: 1, possible: 2 },
        cost: { made: 1, possible: 1 },
      },
      total: { made: 6, possible: 14 },
      questionIds: [OPENING_QUESTION_ID, 'm-s1', 'me-s1'],
    });
    let p = createProgress(T0, 'learner0001');
    for (let i = 0; i < 55; i++) p = addInterviewRecord(p, { ...rec, questionIds: [String(i)] });
    expect(p.interviews).toHaveLength(50);
    expect(p.interviews[0]?.questionIds).toEqual(['5']);
  });
});
