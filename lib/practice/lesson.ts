/**
 * Lesson quizzes feed the practice schedule: an answer given in a lesson is
 * recorded into the same saved progress /practice reads, so the question joins
 * the learner's review queue.
 */
import { loadProgress, serializeProgress } from './progress';
import { recordAnswer } from './schedule';

/** Lessons show every learner the same option order (seed and attempt fixed), so the server HTML and the island agree. */
export const LESSON_LEARNER_SEED = 'lesson';
export const LESSON_ATTEMPT = 0;

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
