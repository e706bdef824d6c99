import { describe, expect, it } from 'vitest';
import { saveLessonAnswer } from './lesson';
import { createProgress, loadProgress, PROGRESS_STORAGE_KEY, serializeProgress } from './progress';
import type { KeyValueStorage } from './progress-store';

const now = new Date('2026-12-06T10:00:00Z');
const answer = { questionId: 'kv-gqa-vs-mha-ratio', factor: 'kv-cache', correct: true, hintsUsed: 1 };

function memoryStorage(initial: string | null): KeyValueStorage & { raw: () => string | null } {
  let value = initial;
  return {
    getItem: (k) => (k === PROGRESS_STORAGE_KEY ? value : null),
    setItem: (k, v) => {
      if (k === PROGRESS_STORAGE_KEY) value = v;
    },
    raw: () => value,
  };
}

describe('saveLessonAnswer', () => {
  it('starts progress for a new learner, with the answer recorded', () => {
    const storage = memoryStorage(null);
    expect(saveLessonAnswer(storage, answer, now).ok).toBe(true);
    const { progress, notice } = loadProgress(storage.raw(), now);
    expect(notice).toBeUndefined();
    expect(progress.items['kv-gqa-vs-mha-ratio']).toMatchObject({
      factor: 'kv-cache',
      seen: 1,
      correct: 1,
      wrong: 0,
      withHints: 1,
      lastResult: 'right',
    });
    expect(progress.attempts['kv-gqa-vs-mha-ratio']).toBe(1);
  });

  it('keeps what was saved before and adds to it', () => {
    const storage = memoryStorage(serializeProgress(createProgress(now)));
    saveLessonAnswer(
      storage,
      { ...answer, questionId: 'mem-inference-holds', factor: 'memory', correct: false, hintsUsed: 0 },
      now,
    );
    saveLessonAnswer(storage, answer, new Date(now.getTime() + 60_000));
    const { progress } = loadProgress(storage.raw(), now);
    expect(Object.keys(progress.items).sort()).toEqual(['kv-gqa-vs-mha-ratio', 'mem-inference-holds']);
    expect(progress.items['mem-inference-holds']).toMatchObject({ lastResult: 'wrong', wrong: 1 });
    expect(progress.daily.newSeen).toBe(2);
  });

  it('leaves unreadable saved progress alone (for /practice to report), never throws', () => {
    for (const raw of ['{not json', '"a string"']) {
      const storage = memoryStorage(raw);
      expect(saveLessonAnswer(storage, answer, now)).toMatchObject({ ok: false, reason: 'unreadable' });
      expect(storage.raw()).toBe(raw);
    }
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(saveLessonAnswer(throwing, answer, now)).toEqual({ ok: false, reason: 'blocked' });
  });
});
