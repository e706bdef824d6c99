import { describe, expect, it } from 'vitest';
import { recordLessonAnswer } from './lesson';
import { createProgress, loadProgress, serializeProgress } from './progress';

const now = new Date('2026-12-06T10:00:00Z');
const answer = { questionId: 'kv-gqa-vs-mha-ratio', factor: 'kv-cache', correct: true, hintsUsed: 1 };

describe('recordLessonAnswer', () => {
  it('starts progress for a new learner, with the answer recorded', () => {
    const out = recordLessonAnswer(null, answer, now);
    expect(out).not.toBeNull();
    const { progress, notice } = loadProgress(out, now);
    expect(notice).toBeUndefined();
    expect(progress.items['kv-gqa-vs-mha-ratio']).toMatchObject({ factor: 'kv-cache', seen: 1, correct: 1, wrong: 0, withHints: 1, lastResult: 'right' });
    expect(progress.attempts['kv-gqa-vs-mha-ratio']).toBe(1);
  });

  it('keeps what was saved before and adds to it', () => {
    const first = recordLessonAnswer(serializeProgress(createProgress(now)), { ...answer, questionId: 'mem-inference-holds', factor: 'memory', correct: false, hintsUsed: 0 }, now);
    const second = recordLessonAnswer(first, answer, new Date(now.getTime() + 60_000));
    const { progress } = loadProgress(second, now);
    expect(Object.keys(progress.items).sort()).toEqual(['kv-gqa-vs-mha-ratio', 'mem-inference-holds']);
    expect(progress.items['mem-inference-holds']).toMatchObject({ lastResult: 'wrong', wrong: 1 });
    expect(progress.daily.newSeen).toBe(2);
  });

  it('leaves unreadable saved progress alone (for /practice to report), never throws', () => {
    expect(recordLessonAnswer('{not json', answer, now)).toBeNull();
    expect(recordLessonAnswer('"a string"', answer, now)).toBeNull();
  });
});
