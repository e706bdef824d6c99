import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInterviewRecord } from './interview';
import {
  createProgress,
  loadProgress,
  PROGRESS_STORAGE_KEY,
  serializeProgress,
  type InterviewRecord,
} from './progress';
import { readProgress, storageFailureOf, updateProgress, writeProgress, type KeyValueStorage } from './progress-store';
import { recordAnswer } from './schedule';

const T0 = new Date('2025-03-01T12:00:00.000Z');

/** An in-memory localStorage; `failWith` makes setItem throw a DOMException-like error of that name. */
function memoryStorage(
  initial: string | null = null,
  failWith?: string,
): KeyValueStorage & { raw: () => string | null } {
  let value = initial;
  return {
    getItem: (k) => (k === PROGRESS_STORAGE_KEY ? value : null),
    setItem: (k, v) => {
      if (failWith) throw Object.assign(new Error('storage error'), { name: failWith });
      if (k === PROGRESS_STORAGE_KEY) value = v;
    },
    raw: () => value,
  };
}

const record: InterviewRecord = {
  finishedAt: T0.toISOString(),
  byFactor: { precision: { made: 1, possible: 2 }, memory: { made: 0, possible: 1 } },
  total: { made: 1, possible: 3 },
  questionIds: ['interview-opening', 'open-memory-kv'],
};

/** Three answered questions, as a learner would have them saved. */
function threeAnswered(): string {
  let p = createProgress(T0, 'learner0001');
  for (const id of ['kv-bytes-gqa-70b', 'mem-70b-fp8-size', 'mem-inference-holds']) {
    p = recordAnswer(p, { questionId: id, factor: 'memory', correct: true, hintsUsed: 0 }, T0);
  }
  return serializeProgress(p);
}

/** Saved texts that cannot be read whole: the cases of the reliability probe (issue 15, item 1). */
function unreadableCases(): Record<string, string> {
  const damaged = JSON.parse(threeAnswered()) as { items: Record<string, { seen: number }> };
  damaged.items['mem-70b-fp8-size']!.seen = -1;
  return {
    'invalid JSON': '{oops not json',
    'a newer schema version': JSON.stringify({ ...JSON.parse(threeAnswered()), version: 3 }),
    'one damaged entry': JSON.stringify(damaged),
  };
}

describe('the progress store never overwrites what it could not read', () => {
  for (const [name, raw] of Object.entries(unreadableCases())) {
    it(`${name}: finishing an interview leaves the saved text untouched`, () => {
      const storage = memoryStorage(raw);
      const read = readProgress(storage, T0);
      expect(read.status).toBe('unreadable');
      const r = updateProgress(storage, (p) => addInterviewRecord(p, record), T0);
      expect(r).toMatchObject({ ok: false, reason: 'unreadable', discarded: raw });
      expect(storage.raw()).toBe(raw);
    });

    it(`${name}: a page holding progress in memory cannot overwrite it either`, () => {
      const storage = memoryStorage(raw);
      const r = writeProgress(storage, createProgress(T0));
      expect(r.ok).toBe(false);
      expect(storage.raw()).toBe(raw);
    });

    it(`${name}: after the learner chooses to replace exactly that text, the write goes through`, () => {
      const storage = memoryStorage(raw);
      const read = readProgress(storage, T0);
      if (read.status !== 'unreadable') throw new Error('expected unreadable');
      const r = updateProgress(storage, (p) => addInterviewRecord(p, record), T0, {
        replaceUnreadable: read.discarded,
      });
      expect(r.ok).toBe(true);
      expect(loadProgress(storage.raw(), T0).progress.interviews).toEqual([record]);
    });
  }

  it('one damaged entry: replacing keeps the two readable answers (the repair), not an empty progress', () => {
    const raw = unreadableCases()['one damaged entry']!;
    const storage = memoryStorage(raw);
    const r = updateProgress(storage, (p) => addInterviewRecord(p, record), T0, { replaceUnreadable: raw });
    expect(r.ok).toBe(true);
    const saved = loadProgress(storage.raw(), T0).progress;
    expect(Object.keys(saved.items).sort()).toEqual(['kv-bytes-gqa-70b', 'mem-inference-holds']);
  });

  it('an acknowledgement of other text does not unlock: data written by another tab since is kept', () => {
    const storage = memoryStorage('{newer unreadable text');
    const r = writeProgress(storage, createProgress(T0), { replaceUnreadable: '{oops not json' });
    expect(r.ok).toBe(false);
    expect(storage.raw()).toBe('{newer unreadable text');
  });

  it('readable data: an interview is added to the three answered questions (3 stay 3)', () => {
    const storage = memoryStorage(threeAnswered());
    expect(readProgress(storage, T0).status).toBe('ok');
    const r = updateProgress(storage, (p) => addInterviewRecord(p, record), T0);
    expect(r.ok).toBe(true);
    const saved = loadProgress(storage.raw(), T0).progress;
    expect(Object.keys(saved.items)).toHaveLength(3);
    expect(saved.interviews).toHaveLength(1);
  });

  it('nothing saved and version-1 data (migrated with every answer) are writable', () => {
    expect(writeProgress(memoryStorage(null), createProgress(T0)).ok).toBe(true);
    const v1 = JSON.stringify({ version: 1, answers: { 'kv-bytes-gqa-70b': { right: 1, wrong: 0 } } });
    expect(readProgress(memoryStorage(v1), T0).status).toBe('ok');
    expect(updateProgress(memoryStorage(v1), (p) => p, T0).ok).toBe(true);
  });

  it('storage that throws is reported (full vs blocked), never thrown, and never reported as saved', () => {
    expect(writeProgress(memoryStorage(null, 'QuotaExceededError'), createProgress(T0))).toEqual({
      ok: false,
      reason: 'full',
    });
    expect(writeProgress(memoryStorage(null, 'NS_ERROR_DOM_QUOTA_REACHED'), createProgress(T0))).toEqual({
      ok: false,
      reason: 'full',
    });
    expect(updateProgress(memoryStorage(null, 'SecurityError'), (p) => p, T0)).toEqual({
      ok: false,
      reason: 'blocked',
    });
    const blocked: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readProgress(blocked, T0).status).toBe('blocked');
    expect(writeProgress(blocked, createProgress(T0))).toEqual({ ok: false, reason: 'blocked' });
  });

  it('storageFailureOf: quota errors by either browser name are "full", anything else "blocked"', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(storageFailureOf(named('QuotaExceededError'))).toBe('full');
    expect(storageFailureOf(named('NS_ERROR_DOM_QUOTA_REACHED'))).toBe('full');
    expect(storageFailureOf(named('SecurityError'))).toBe('blocked');
    expect(storageFailureOf('a string')).toBe('blocked');
    expect(storageFailureOf(null)).toBe('blocked');
  });

  it('property: for any saved text, a write without acknowledgement either keeps the text or the text was readable whole', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json(), fc.constantFrom(...Object.values(unreadableCases()), threeAnswered())),
        (raw) => {
          const storage = memoryStorage(raw);
          const r = updateProgress(storage, (p) => addInterviewRecord(p, record), T0);
          if (!r.ok) expect(storage.raw()).toBe(raw);
          else expect(loadProgress(raw, T0).discarded).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
