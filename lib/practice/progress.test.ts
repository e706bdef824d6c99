import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createProgress,
  exportFileName,
  exportProgress,
  importProgress,
  LEARNER_SEED_PATTERN,
  loadProgress,
  newLearnerSeed,
  PROGRESS_APP_ID,
  progressSchema,
  serializeProgress,
  type Progress,
} from './progress';
import { recordAnswer } from './schedule';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const T1 = new Date('2025-03-05T12:00:00.000Z');

function sample(): Progress {
  let p = createProgress(T0, 'learner0001');
  p = recordAnswer(p, { questionId: 'kv-bytes-gqa-70b', factor: 'memory', correct: true, hintsUsed: 0 }, T0);
  p = recordAnswer(
    p,
    { questionId: 'gen:weights-memory:learner0001-0', factor: 'memory', correct: false, hintsUsed: 1 },
    T0,
  );
  return p;
}

describe('createProgress / newLearnerSeed', () => {
  it('creates valid version-2 progress', () => {
    const p = createProgress(T0);
    expect(progressSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      version: 2,
      createdAt: T0.toISOString(),
      items: {},
      daily: { day: '2025-03-01', newSeen: 0, reviewsDone: 0 },
    });
  });

  it('draws a 12-character seed, deterministic for given bytes', () => {
    expect(newLearnerSeed()).toMatch(LEARNER_SEED_PATTERN);
    expect(newLearnerSeed(() => new Uint8Array(12))).toBe('aaaaaaaaaaaa');
    expect(newLearnerSeed(() => Uint8Array.from({ length: 12 }, (_, i) => i))).toBe('abcdefghijkm');
    expect(newLearnerSeed()).not.toBe(newLearnerSeed());
  });
});

describe('loadProgress', () => {
  it('starts fresh, silently, when nothing is stored', () => {
    for (const raw of [null, undefined, '', '   ']) {
      const r = loadProgress(raw, T0);
      expect(r.notice).toBeUndefined();
      expect(r.progress.items).toEqual({});
    }
  });

  it('round-trips serialized progress unchanged (same day)', () => {
    const p = sample();
    expect(loadProgress(serializeProgress(p), T0)).toEqual({ progress: p });
  });

  it('resets the daily counters on a later day, without a notice', () => {
    const r = loadProgress(serializeProgress(sample()), T1);
    expect(r.notice).toBeUndefined();
    expect(r.progress.daily).toEqual({ day: '2025-03-05', newSeen: 0, reviewsDone: 0 });
    expect(r.progress.items).toEqual(sample().items);
  });

  it('migrates version 1 with a notice', () => {
    const v1 = JSON.stringify({
      version: 1,
      answers: { 'kv-bytes-gqa-70b': { right: 3, wrong: 1 }, 'never-answered': { right: 0, wrong: 0 } },
    });
    const r = loadProgress(v1, T0);
    expect(r.notice).toBe(
      'Your practice progress was upgraded to the new format: answers to 1 question are kept; review scheduling starts fresh.',
    );
    expect(r.discarded).toBeUndefined();
    expect(r.progress.items['kv-bytes-gqa-70b']).toMatchObject({
      seen: 4,
      correct: 3,
      wrong: 1,
      card: { state: 'new', reps: 0 },
    });
    expect(progressSchema.safeParse(r.progress).success).toBe(true);
  });

  it('resets invalid JSON, keeping the text for a backup download', () => {
    const r = loadProgress('{"version": 2, "items": {', T0);
    expect(r.notice).toMatch(
      /^Your saved practice progress could not be read \(it is not valid JSON\) and has been reset\./,
    );
    expect(r.discarded).toBe('{"version": 2, "items": {');
    expect(r.progress.items).toEqual({});
  });

  it('resets data from a newer version, saying so', () => {
    const r = loadProgress(JSON.stringify({ ...sample(), version: 3 }), T0);
    expect(r.notice).toMatch(/written by a newer version of this site \(format 3\)/);
    expect(r.progress.version).toBe(2);
  });

  it('resets unknown shapes', () => {
    for (const raw of ['42', '"x"', '[]', 'null', '{"foo":1}', '{"version":"2"}', '{"version":0}']) {
      const r = loadProgress(raw, T0);
      expect(r.notice, raw).toMatch(/unknown format|has been reset/);
      expect(r.progress.items).toEqual({});
    }
  });

  it('repairs damaged version-2 data, keeping the valid entries', () => {
    const p = sample();
    const damaged = JSON.parse(serializeProgress(p));
    damaged.items['broken'] = { factor: 'memory', seen: -1 };
    damaged.attempts['x'] = 'many';
    damaged.settings = { dailyNewCap: 'ten' };
    const r = loadProgress(JSON.stringify(damaged), T0);
    expect(r.notice).toBe(
      'Part of your saved practice progress was damaged and has been repaired: 3 entries could not be read and were removed; the rest is kept.',
    );
    expect(r.progress.learnerSeed).toBe('learner0001');
    expect(Object.keys(r.progress.items).sort()).toEqual(['gen:weights-memory', 'kv-bytes-gqa-70b']);
    expect(r.progress.settings).toEqual(createProgress(T0).settings);
    expect(r.discarded).toBe(JSON.stringify(damaged));
  });

  it('drops impossible counters (correct > seen, more hints than answers) as damaged entries', () => {
    // The probe's "100000000000%": seen 1, correct 1e9. recordAnswer adds 1 to seen and to exactly one of correct/wrong.
    const damaged = JSON.parse(serializeProgress(sample()));
    damaged.items['kv-bytes-gqa-70b'].correct = 1e9;
    damaged.items['gen:weights-memory'].withHints = 5;
    const r = loadProgress(JSON.stringify(damaged), T0);
    expect(r.progress.items).toEqual({});
    expect(r.discarded).toBe(JSON.stringify(damaged));
    expect(importProgress(JSON.stringify(damaged), T0).ok).toBe(false);
  });

  it('drops interview records with more points made than possible, or a total that is not the sum per factor', () => {
    const base = { finishedAt: T0.toISOString(), questionIds: ['interview-opening'] };
    const valid = { ...base, byFactor: { memory: { made: 2, possible: 2 } }, total: { made: 2, possible: 2 } };
    // The probe's "3 of 2 points (150%)".
    const over = { ...base, byFactor: { memory: { made: 3, possible: 2 } }, total: { made: 3, possible: 2 } };
    const mismatch = { ...base, byFactor: { memory: { made: 1, possible: 2 } }, total: { made: 2, possible: 2 } };
    const p = JSON.parse(serializeProgress(sample()));
    p.interviews = [valid, over, mismatch];
    const r = loadProgress(JSON.stringify(p), T0);
    expect(r.progress.interviews).toEqual([valid]);
    expect(r.notice).toMatch(/2 entries could not be read/);
    const imported = importProgress(JSON.stringify(p), T0);
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.error).toMatch(/points made cannot exceed points possible/);
  });

  it('ignores __proto__ keys', () => {
    const raw = `{"version":2,"learnerSeed":"learner0001","createdAt":"2025-03-01T12:00:00.000Z","items":{"__proto__":{"polluted":true}},"attempts":{},"daily":{"day":"2025-03-01","newSeen":0,"reviewsDone":0},"settings":{"dailyNewCap":10,"dailyReviewCap":100,"desiredRetention":0.9},"interviews":[]}`;
    const r = loadProgress(raw, T0);
    expect(r.notice).toBeUndefined();
    expect(Object.getPrototypeOf(r.progress.items)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('property: never throws on any string, and always returns valid progress', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const r = loadProgress(raw, T0);
        expect(progressSchema.safeParse(r.progress).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('property: never throws on any JSON value, or any mutation of real progress', () => {
    const real = JSON.parse(serializeProgress(sample()));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(
          'items',
          'attempts',
          'daily',
          'settings',
          'interviews',
          'learnerSeed',
          'createdAt',
          'undo',
          'version',
        ),
        (value, key) => {
          expect(progressSchema.safeParse(loadProgress(JSON.stringify(value), T0).progress).success).toBe(true);
          const mutated = { ...real, [key]: value };
          const r = loadProgress(JSON.stringify(mutated), T0);
          expect(progressSchema.safeParse(r.progress).success).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('exportProgress / importProgress', () => {
  it('exports pretty JSON with the app id and date, without the undo record', () => {
    const text = exportProgress(sample(), T1);
    const data = JSON.parse(text);
    expect(data.app).toBe(PROGRESS_APP_ID);
    expect(data.exportedAt).toBe(T1.toISOString());
    expect(data.progress.undo).toBeUndefined();
    expect(text).toContain('\n  "progress": {');
    expect(exportFileName(T1)).toBe('quant-70b-progress-2025-03-05.json');
  });

  it('round-trips through export and import (replace policy)', () => {
    const p = sample();
    const withoutUndo: Partial<Progress> = { ...p };
    delete withoutUndo.undo;
    expect(importProgress(exportProgress(p, T0), T0)).toEqual({ ok: true, progress: withoutUndo });
  });

  it('accepts a bare progress object and a version-1 export', () => {
    expect(importProgress(serializeProgress(sample()), T0).ok).toBe(true);
    const r = importProgress(
      JSON.stringify({ app: PROGRESS_APP_ID, progress: { version: 1, answers: { a: { right: 1, wrong: 0 } } } }),
      T0,
    );
    expect(r).toMatchObject({
      ok: true,
      notice: 'Imported an old-format export: answers to 1 question; review scheduling starts fresh.',
    });
  });

  it.each([
    ['not json', 'This file is not valid JSON: '],
    ['[1,2]', 'This file is not a progress export from this site.'],
    [
      '{"app":"other-app","progress":{}}',
      'This file is not a progress export from this site (expected app "quant-70b-practice", found "other-app").',
    ],
    ['{"app":"quant-70b-practice"}', 'The file has no progress data in it.'],
    [
      '{"app":"quant-70b-practice","progress":{"version":9}}',
      'This export comes from a newer version of the site (format 9); this page reads format 2. Nothing was imported.',
    ],
    [
      '{"app":"quant-70b-practice","progress":{"foo":1}}',
      'The file has no recognisable progress data (missing "version").',
    ],
  ])('rejects %s with a clear message', (text, message) => {
    const r = importProgress(text, T0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.startsWith(message)).toBe(true);
  });

  it('rejects damaged progress instead of half-importing it, naming the first problem', () => {
    const data = JSON.parse(exportProgress(sample(), T0));
    data.progress.items['kv-bytes-gqa-70b'].seen = -2;
    const r = importProgress(JSON.stringify(data), T0);
    // Two problems: seen < 0, and (so) right + wrong = 1 > seen.
    expect(r).toEqual({
      ok: false,
      error:
        'The progress data in this file is damaged (2 problems; first at "items.kv-bytes-gqa-70b.seen": Too small: expected number to be >=0). Nothing was imported.',
    });
  });

  it('property: never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof importProgress(s, T0).ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(typeof importProgress(JSON.stringify({ app: PROGRESS_APP_ID, progress: v }), T0).ok).toBe('boolean');
      }),
    );
  });
});
