import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allLessons, lessonSlugs, readLessonMeta } from './lessons';

describe('lessons', () => {
  it('every lesson has its own route file', () => {
    for (const slug of lessonSlugs()) {
      const route = path.join(process.cwd(), 'app', 'lessons', slug, 'page.tsx');
      expect(fs.existsSync(route), `missing ${route}: run next build or dev once (next.config.mjs writes it)`).toBe(true);
      expect(fs.readFileSync(route, 'utf8')).toContain(`@/content/lessons/${slug}.mdx`);
    }
  });

  it('every lesson has valid metadata and a unique order', () => {
    const lessons = allLessons();
    expect(lessons.length).toBe(lessonSlugs().length);
    const orders = lessons.map((l) => l.meta.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('names the file when meta is missing', () => {
    expect(() => readLessonMeta('no-such-lesson')).toThrow(/no-such-lesson/);
  });
});
