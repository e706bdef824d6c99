/**
 * Lesson quizzes feed the practice schedule: an answer given in a lesson is
 * recorded into the same saved progress /practice reads, so the question joins
 * the learner's review queue.
 */
import { loadProgress, serializeProgress } from './progress';
import { recordAnswer } from './schedule';

export { LESSON_ATTEMPT, LESSON_LEARNER_SEED } from './lesson-seed';
export { PROGRESS_STORAGE_KEY } from './progress';

/**
 * The saved progress after one graded lesson answer, as the string to store, or
 * `null` to leave storage alone: when the saved progress could not be read
 * whole (`loadProgress` returned `discarded`), /practice owns telling the learner
 * and offering the old data, so a lesson must not overwrite it. Never throws.
 *
 * @example recordLessonAnswer(null, { questionId: 'kv-gqa-vs-mha-ratio', factor: 'kv-cache', correct: true, hintsUsed: 0 }, now) // '{"version":2,…"items":{"kv-gqa-vs-mha-ratio":{…}}…}'
 * @example recordLessonAnswer('{oops', answer, now) // null
 */
export function recordLessonAnswer(
  saved: string | null,
  answer: { questionId: string; factor: string; correct: boolean; hintsUsed: number },
  now: Date,
): string | null {
  const loaded = loadProgress(saved, now);
  if (loaded.discarded !== undefined) return null;
  try {
    return serializeProgress(recordAnswer(loaded.progress, answer, now));
  } catch {
    return null;
  }
}
