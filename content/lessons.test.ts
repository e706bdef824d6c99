import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allLessons, isLessonSlug, lessonMeta, LESSON_META, lessonSlugs } from './lessons';

describe('lessons', () => {
  it('every content/lessons/*.mdx file has a catalog entry, and every entry a file', () => {
    const files = fs
      .readdirSync(path.join(process.cwd(), 'content', 'lessons'))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.slice(0, -'.mdx'.length))
      .sort();
    expect(files).toEqual([...lessonSlugs()].sort());
  });

  it('no lesson still carries an `export const meta` (the catalog is the one place)', () => {
    for (const slug of lessonSlugs()) {
      const text = fs.readFileSync(path.join(process.cwd(), 'content', 'lessons', `${slug}.mdx`), 'utf8');
      expect(text, slug).not.toMatch(/export const meta\b/);
    }
  });

  it('every lesson has valid metadata and a unique order, listed in lesson order', () => {
    const lessons = allLessons();
    expect(lessons.length).toBe(lessonSlugs().length);
    const orders = lessons.map((l) => l.meta.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(lessons.map((l) => l.slug)).toEqual(lessonSlugs());
  });

  it('isLessonSlug knows the catalog and nothing else', () => {
    expect(isLessonSlug('memory')).toBe(true);
    expect(isLessonSlug('no-such-lesson')).toBe(false);
    expect(isLessonSlug('toString')).toBe(false);
  });

  it('lessonMeta names the lesson and field of an entry that breaks the schema', () => {
    const entry = LESSON_META.memory as unknown as { minutes: number };
    const saved = entry.minutes;
    entry.minutes = -1;
    try {
      expect(() => lessonMeta('memory')).toThrow(/memory.*minutes/);
    } finally {
      entry.minutes = saved;
    }
  });
});

describe('fact-check lesson', () => {
  it('shows under each claim heading the same verdict as the summary table (content/claims)', async () => {
    const { CHECKED_CLAIMS } = await import('./claims');
    const mdx = fs.readFileSync(path.join(process.cwd(), 'content', 'lessons', 'fact-check.mdx'), 'utf8');
    for (const claim of CHECKED_CLAIMS) {
      const section = new RegExp(`<h2 id="${claim.id}">[\\s\\S]*?<Verdict value="([a-z]+)"`).exec(mdx);
      expect(section?.[1], claim.id).toBe(claim.verdict);
    }
  });
});
