import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getQuestions } from './questions';

const dir = path.join(process.cwd(), 'content', 'lessons');
const lessons = fs.readdirSync(dir).filter((f) => f.endsWith('.mdx'));

describe('lesson quizzes ask questions that exist in the bank', () => {
  for (const file of lessons) {
    it(file, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text, 'the old inline <Question>/<Choice> form is gone').not.toMatch(/<Question[\s>]|<Choice[\s>]/);
      const quizzes = [...text.matchAll(/<Quiz\s+ids="([^"]*)"/g)].map((m) =>
        (m[1] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      expect(quizzes.length).toBeGreaterThan(0);
      for (const ids of quizzes) {
        expect(new Set(ids).size, 'no question twice in one quiz').toBe(ids.length);
        expect(getQuestions(ids).map((q) => q.id)).toEqual(ids);
      }
    });
  }
});
