/**
 * Lessons show every learner the same option order (seed and attempt fixed), so the
 * server HTML and the island agree. Kept apart from ./lesson so a lesson page's quiz
 * can use them without loading the progress and scheduling code (zod, ts-fsrs) before
 * the first answer.
 */
export const LESSON_LEARNER_SEED = 'lesson';
export const LESSON_ATTEMPT = 0;
