import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allLessons, lessonSlugs, readLessonMeta } from './lessons';

describe('lessons', () => {
  it('every lesson has its own route file', () => {
    for (const slug of lessonSlugs()) {
      const route = path.join(process.cwd(), 'app', 'lessons', slug, 'page.tsx');
      expect(fs.existsSync(route), `missing ${route}: run next build or dev once (next.config.mjs writes it)`).toBe(
        true,
      );
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
