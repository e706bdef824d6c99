import fs from 'node:fs';
import path from 'node:path';
import type { MDXContent } from 'mdx/types';
import { parseLessonMeta, type LessonMeta } from './schema';

const LESSON_DIR = path.join(process.cwd(), 'content', 'lessons');

/** Slugs of every lesson file in content/lessons (build time only). */
export function lessonSlugs(): string[] {
  return fs
    .readdirSync(LESSON_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -'.mdx'.length))
    .sort();
}

export interface Lesson {
  slug: string;
  meta: LessonMeta;
  Content: MDXContent;
}

/** Loads and validates one lesson. Throws (failing the build) on bad metadata. */
export async function loadLesson(slug: string): Promise<Lesson> {
  const mod = (await import(`@/content/lessons/${slug}.mdx`)) as { default: MDXContent; meta?: unknown };
  return { slug, meta: parseLessonMeta(slug, mod.meta), Content: mod.default };
}

/** Every lesson's metadata, in lesson order. */
export async function allLessons(): Promise<Array<{ slug: string; meta: LessonMeta }>> {
  const lessons = await Promise.all(lessonSlugs().map(async (s) => {
    const { slug, meta } = await loadLesson(s);
    return { slug, meta };
  }));
  return lessons.sort((a, b) => a.meta.order - b.meta.order);
}
