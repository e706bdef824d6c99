import fs from 'node:fs';
import path from 'node:path';
import { formatBankError, parseQuestionBank, type ParseResult } from './build/parseQuestions';
import type { Question } from '@/lib/practice/types';
import { withSourceLinks } from '@/lib/practice/source-links';
import { bankVersionOf } from '@/components/practice/model/report';
import { lessonSlugs } from './lessons';

/** Where the bank lives, relative to the repository root (also the prefix of error locations). */
export const QUESTION_DIR = path.join('content', 'questions');

/** Every bank file (`content/questions/*.md` except README.md), sorted by name, with its text. */
export function readQuestionFiles(root: string = process.cwd()): Array<{ fileName: string; text: string }> {
  const dir = path.join(root, QUESTION_DIR);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => ({
      fileName: path.posix.join('content/questions', f),
      text: fs.readFileSync(path.join(dir, f), 'utf8'),
    }));
}

/** Parses and validates the whole bank without throwing (for scripts/check-questions.ts). */
export function checkQuestionBank(root: string = process.cwd()): ParseResult {
  return parseQuestionBank(readQuestionFiles(root), { lessonSlugs: lessonSlugs() });
}

let cache: { key: string; questions: Question[] } | undefined;

/**
 * The whole question bank, parsed, validated and rendered to HTML (build time
 * only: node fs, micromark, KaTeX). Pages call this in server components; the
 * questions are plain JSON and can be passed to client islands as props.
 * Cached per process, keyed by file names and modification times (so `next dev`
 * picks up edits).
 * Every question carries `bankVersion`, a short hash of all bank files
 * (`bankVersionOf`), which problem reports quote.
 *
 * @throws Error listing every problem as `content/questions/<file>.md:<line>: <message>`,
 *   one per line — this is what fails `next build` on a malformed question.
 */
export function loadQuestionBank(root: string = process.cwd()): Question[] {
  const dir = path.join(root, QUESTION_DIR);
  const key = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${f}@${fs.statSync(path.join(dir, f)).mtimeMs}`)
    .join('|');
  if (cache?.key === key) return cache.questions;
  const files = readQuestionFiles(root);
  const { questions, errors } = parseQuestionBank(files, { lessonSlugs: lessonSlugs() });
  if (errors.length > 0) {
    throw new Error(
      `Question bank: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${errors.map(formatBankError).join('\n')}`,
    );
  }
  const bankVersion = bankVersionOf(files);
  const linked = questions.map((q) => ({ ...withSourceLinks(q), bankVersion }));
  cache = { key, questions: linked };
  return linked;
}

/**
 * The questions with these ids, in the order given (for `<Quiz ids="…" />`).
 * @throws Error naming every id that is not in the bank.
 */
export function getQuestions(ids: readonly string[], root: string = process.cwd()): Question[] {
  const byId = new Map(loadQuestionBank(root).map((q) => [q.id, q]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw new Error(`Unknown question id${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`);
  return ids.map((id) => byId.get(id) as Question);
}
