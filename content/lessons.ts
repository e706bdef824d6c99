import fs from 'node:fs';
import path from 'node:path';
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

/**
 * Reads a lesson's `export const meta = { … };` from its source text, without
 * importing the MDX module. Index pages use this so that they do not pull every
 * lesson's widgets into their JavaScript. The literal is trusted build-time
 * content; it is evaluated, then validated by the zod schema.
 */
export function readLessonMeta(slug: string): LessonMeta {
  const file = path.join(LESSON_DIR, `${slug}.mdx`);
  const text = fs.readFileSync(file, 'utf8');
  const m = /export const meta = (\{[\s\S]*?\n\});?/.exec(text);
  if (!m) throw new Error(`content/lessons/${slug}.mdx: missing \`export const meta = { … };\` at the top`);
  let value: unknown;
  try {
    value = new Function(`"use strict"; return (${m[1]});`)();
  } catch (e) {
    throw new Error(`content/lessons/${slug}.mdx: \`meta\` is not a plain object literal: ${(e as Error).message}`);
  }
  return parseLessonMeta(slug, value);
}

/** Every lesson's metadata, in lesson order. */
export function allLessons(): Array<{ slug: string; meta: LessonMeta }> {
  return lessonSlugs()
    .map((slug) => ({ slug, meta: readLessonMeta(slug) }))
    .sort((a, b) => a.meta.order - b.meta.order);
}
