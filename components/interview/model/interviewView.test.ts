import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createInterview,
  OPENING_QUESTION_ID,
  OPENING_RUBRIC_FACTORS,
  scoreInterview,
  type InterviewAnswer,
} from '@/lib/practice/interview';
import {
  clockView,
  FACTOR_LESSON,
  formatClock,
  formatPercent,
  interviewQuestions,
  parseSecondsOverride,
  practiceHref,
  summarizeRecord,
  timeLimits,
  weakestFactor,
} from './interviewView';
import {
  FACTORS,
  LEVELS,
  TOPICS,
  type Level,
  type OpenQuestion,
  type Question,
  type RichText,
  type Topic,
} from '@/lib/practice/types';

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
const single = (id: string): Question => ({
  id,
  type: 'single',
  factor: 'cost',
  level: 'senior',
  tags: [],
  sources: ['lesson:decision'],
  prompt: t(id),
  hints: [],
  pin: false,
  options: [{ text: t('a'), explanation: t('x'), correct: true }],
});

describe('interviewQuestions', () => {
  it('keeps the opener and open senior/mid questions only', () => {
    const bank = [
      single('s1'),
      opener,
      open('a', 'cost', 'senior'),
      open('b', 'speed', 'mid'),
      open('c', 'fp8', 'junior'),
    ];
    expect(interviewQuestions(bank).map((q) => q.id)).toEqual([OPENING_QUESTION_ID, 'a', 'b']);
  });

  it('property: createInterview draws the same interview from the slim list as from the whole bank', () => {
    const questionArb = fc.record({
      kind: fc.constantFrom('open', 'single'),
      factor: fc.constantFrom(...TOPICS),
      level: fc.constantFrom(...LEVELS),
      points: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(questionArb, { maxLength: 25 }),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 4, max: 6 }),
        (specs, seed, followUps) => {
          const bank: Question[] = [
            opener,
            ...specs.map((s, i) => (s.kind === 'open' ? open(`q${i}`, s.factor, s.level, s.points) : single(`q${i}`))),
          ];
          const options = { seed, now: T0, followUps };
          expect(createInterview(interviewQuestions(bank), options)).toEqual(createInterview(bank, options));
        },
      ),
    );
  });
});

describe('formatClock', () => {
  it('formats mm:ss, floors fractions, does not wrap at an hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(179.6)).toBe('02:59');
    expect(formatClock(180)).toBe('03:00');
    expect(formatClock(3600)).toBe('60:00');
    expect(formatClock(-20)).toBe('00:20');
    expect(formatClock(NaN)).toBe('--:--');
    expect(formatClock(Infinity)).toBe('--:--');
  });

  it('property: the text reads back as the floored seconds, with seconds below 60', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (s) => {
        const m = /^(\d{2,}):(\d{2})$/.exec(formatClock(s));
        expect(m).not.toBeNull();
        const [mm, ss] = [Number(m?.[1]), Number(m?.[2])];
        expect(ss).toBeLessThan(60);
        expect(mm * 60 + ss).toBe(Math.floor(s));
      }),
    );
  });
});

describe('clockView', () => {
  it('counts down rounding up, warns at one minute, flags overtime from zero', () => {
    expect(clockView(180, 180)).toEqual({ text: '03:00', overtime: false, announce: null });
    expect(clockView(179.2, 180)).toEqual({ text: '03:00', overtime: false, announce: null });
    expect(clockView(60.5, 180)).toEqual({ text: '01:01', overtime: false, announce: null });
    expect(clockView(60, 180)).toEqual({ text: '01:00', overtime: false, announce: 'one-minute' });
    expect(clockView(0.1, 180)).toEqual({ text: '00:01', overtime: false, announce: 'one-minute' });
    expect(clockView(0, 180)).toEqual({ text: '00:00', overtime: true, announce: 'time-up' });
    expect(clockView(-20.7, 180)).toEqual({ text: '00:20', overtime: true, announce: 'time-up' });
    expect(clockView(NaN, 180)).toEqual({ text: '--:--', overtime: false, announce: null });
  });

  it('gives no one-minute warning when the whole limit is a minute or less', () => {
    expect(clockView(30, 45).announce).toBeNull();
    expect(clockView(-1, 45).announce).toBe('time-up');
  });

  it('property: overtime exactly when no time is left', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.integer({ min: 1, max: 3600 }), (left, limit) => {
        const v = clockView(left, limit);
        expect(v.overtime).toBe(left <= 0);
        expect(v.announce === 'time-up').toBe(left <= 0);
      }),
    );
  });
});

describe('time settings', () => {
  it('standard, relaxed and off presets; an override sets every question', () => {
    expect(timeLimits('standard')).toEqual({ openingSeconds: 360, followUpSeconds: 180, timed: true });
    expect(timeLimits('relaxed')).toEqual({ openingSeconds: 720, followUpSeconds: 360, timed: true });
    expect(timeLimits('off')).toEqual({ openingSeconds: 360, followUpSeconds: 180, timed: false });
    expect(timeLimits('relaxed', 30)).toEqual({ openingSeconds: 30, followUpSeconds: 30, timed: true });
    expect(timeLimits('off', 30).timed).toBe(false);
  });

  it('accepts ?seconds= from 1 to 3600 and explains anything else', () => {
    expect(parseSecondsOverride(null)).toEqual({ seconds: null, note: null });
    expect(parseSecondsOverride('')).toEqual({ seconds: null, note: null });
    expect(parseSecondsOverride('30')).toEqual({ seconds: 30, note: null });
    expect(parseSecondsOverride('3600')).toEqual({ seconds: 3600, note: null });
    for (const bad of ['0', '3601', '-5', '2.5', 'abc', '1e3', ' ', '99999999999']) {
      const r = parseSecondsOverride(bad);
      expect(r.seconds, bad).toBeNull();
      expect(r.note, bad).toMatch(/^Ignored \?seconds=.*whole number of seconds from 1 to 3600/);
    }
    expect(parseSecondsOverride('x'.repeat(100)).note).toContain(`${'x'.repeat(20)}…`);
  });
});

describe('scorecard helpers', () => {
  it('formats percentages and maps factors to lessons and practice', () => {
    expect(formatPercent({ percent: 66.666 })).toBe('67%');
    expect(formatPercent({ percent: null })).toBe('—');
    expect(FACTOR_LESSON.method).toBe('/lessons/methods');
    expect(FACTOR_LESSON.cost).toBe('/lessons/deployment');
    expect(practiceHref('speed')).toBe('/practice?factor=speed');
  });

  it('property: the weakest factor has the lowest share of points among those asked', () => {
    const session = createInterview(
      [
        opener,
        open('a', 'cost', 'senior', 2),
        open('b', 'speed', 'senior', 4),
        open('c', 'method', 'mid', 3),
        open('d', 'kv-cache', 'senior', 1),
        open('e', 'fp8', 'senior', 5),
      ],
      { seed: 'x', now: T0, followUps: 5 },
    );
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (bits) => {
        let k = 0;
        const answers: InterviewAnswer[] = session.items.map((i) => ({
          questionId: i.questionId,
          ticked: i.pointFactors.map(() => bits[k++ % bits.length] ?? false),
          elapsedSeconds: 1,
        }));
        const card = scoreInterview(session, answers);
        const w = weakestFactor(card);
        expect(w).not.toBeNull();
        for (const f of FACTORS) {
          if (card.byFactor[f].possible > 0)
            expect(card.byFactor[w ?? 'cost'].percent ?? 0).toBeLessThanOrEqual(card.byFactor[f].percent ?? 0);
        }
      }),
    );
  });

  it('summarizes a saved record, skipping factors that were not asked', () => {
    const s = summarizeRecord({
      finishedAt: '2025-03-01T12:00:00.000Z',
      byFactor: {
        precision: { made: 1, possible: 2 },
        memory: { made: 3, possible: 4 },
        method: { made: 0, possible: 0 },
        speed: { made: 1, possible: 4 },
        cost: { made: 1, possible: 1 },
      },
      total: { made: 6, possible: 11 },
      questionIds: [],
    });
    expect(s).toEqual({ day: '2025-03-01', made: 6, possible: 11, percent: 55, weakest: 'speed' });
    expect(
      summarizeRecord({
        finishedAt: '2025-03-01T12:00:00.000Z',
        byFactor: {},
        total: { made: 0, possible: 0 },
        questionIds: [],
      }),
    ).toEqual({
      day: '2025-03-01',
      made: 0,
      possible: 0,
      percent: null,
      weakest: null,
    });
  });
});
