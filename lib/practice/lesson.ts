/**
 * Lesson quizzes feed the practice schedule: an answer given in a lesson is
 * recorded into the same saved progress /practice reads, so the question joins
 * the learner's review queue.
 */
import { updateProgress, type KeyValueStorage, type StoreWrite } from './progress-store';
import { recordAnswer } from './schedule';

export { LESSON_ATTEMPT, LESSON_LEARNER_SEED } from './lesson-seed';
export { PROGRESS_STORAGE_KEY } from './progress';

/**
 * Records one graded lesson answer in `storage` through the progress store: added to
 * what is saved now, and refused (`reason: 'unreadable'`) when the saved progress could
 * not be read whole — a lesson never overwrites it; /practice and /interview offer the
 * old data as a download and let the learner choose. Never throws.
 *
 * @example saveLessonAnswer(window.localStorage, { questionId: 'kv-gqa-vs-mha-ratio', factor: 'kv-cache', correct: true, hintsUsed: 0 }, now).ok // true
 */
export function saveLessonAnswer(
  storage: KeyValueStorage,
  answer: { questionId: string; factor: string; correct: boolean; hintsUsed: number },
  now: Date,
): StoreWrite {
  try {
    return updateProgress(storage, (p) => recordAnswer(p, answer, now), now);
  } catch {
    return { ok: false, reason: 'blocked' };
  }
}
