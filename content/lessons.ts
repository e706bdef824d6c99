/**
 * The lessons, for build-time readers (routes, the bank parser). The catalog itself — slugs,
 * metadata, MDX loaders — is content/lessons/catalog.ts.
 */
import { LESSON_SLUGS } from './lessons/catalog';

export { allLessons, isLessonSlug, lessonMeta, LESSON_META, LESSON_MODULES, LESSON_SLUGS } from './lessons/catalog';
export type { LessonSlug } from './lessons/catalog';

/** Slugs of every lesson, in lesson order. */
export function lessonSlugs(): string[] {
  return [...LESSON_SLUGS];
}
