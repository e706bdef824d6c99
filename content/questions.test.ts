import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuestionBank, getQuestions, loadQuestionBank, readQuestionFiles } from './questions';
import { formatBankError } from './build/parseQuestions';
import { createInterview, FACTORS, gradeNumeric, TOPIC_FACTOR } from '@/lib/practice';

describe('question bank (content/questions/*.md)', () => {
  it('parses with no errors', () => {
    const { errors } = checkQuestionBank();
    // Listing the messages makes a failure readable in CI.
    expect(errors.map(formatBankError)).toEqual([]);
  });

  it('loads every question of every file (none silently dropped)', () => {
    const files = readQuestionFiles();
    const headings = files.reduce((n, f) => n + (f.text.match(/^## /gm)?.length ?? 0), 0);
    expect(loadQuestionBank().length).toBe(headings);
  });

  it('skips README.md', () => {
    expect(readQuestionFiles().map((f) => f.fileName)).not.toContain('content/questions/README.md');
  });

  it('holds the mock interview opening question as an open senior question', () => {
    const [q] = getQuestions(['interview-4bit-or-8bit-70b-trading']);
    expect(q?.type).toBe('open');
    expect(q?.level).toBe('senior');
  });

  it('getQuestions names unknown ids', () => {
    expect(() => getQuestions(['no-such-question'])).toThrow(/no-such-question/);
  });

  it('every numeric prompt names the unit it wants (README: "GB or GiB!")', () => {
    const missing = loadQuestionBank()
      .filter((q) => q.type === 'numeric')
      .filter(
        (q) =>
          q.type === 'numeric' &&
          q.answer.unit !== 'none' &&
          !q.prompt.md.includes(q.answer.unit === 'tok/s' ? 'token' : q.answer.unit),
      )
      .map(
        (q) =>
          `${q.location?.file}:${q.location?.line}: ${q.id} (answer in ${q.type === 'numeric' ? q.answer.unit : ''})`,
      );
    expect(missing).toEqual([]);
  });

  it('every numeric answer grades as correct when typed with its unit', () => {
    for (const q of loadQuestionBank()) {
      if (q.type !== 'numeric') continue;
      const typed = `${q.answer.value} ${q.answer.unit === 'none' ? '' : q.answer.unit}`;
      expect(gradeNumeric(q, typed), q.id).toMatchObject({ status: 'graded', correct: true });
    }
  });

  it('has enough open questions for a 6-question mock interview covering all five factors', () => {
    const bank = loadQuestionBank();
    const s = createInterview(bank, { seed: 'bank-test', now: new Date('2025-03-01T12:00:00Z'), followUps: 6 });
    expect(s.notice).toBeUndefined();
    const factors = new Set(
      s.items.slice(1).map((i) => {
        const q = bank.find((x) => x.id === i.questionId);
        return q ? TOPIC_FACTOR[q.factor] : undefined;
      }),
    );
    expect([...factors].sort()).toEqual([...FACTORS].sort());
  });

  it('fails with every file:line when a bank file is malformed (what fails next build)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-'));
    fs.mkdirSync(path.join(root, 'content', 'questions'), { recursive: true });
    fs.writeFileSync(path.join(root, 'content', 'questions', 'README.md'), '# not parsed\n');
    fs.writeFileSync(
      path.join(root, 'content', 'questions', 'bad.md'),
      '## bad-one\ntype: singel\nfactor: memory\nlevel: mid\nsource: lesson:memory\n\nQ?\n\n- [x] a\n  : b\n- [ ] c\n\n## bad-two\ntype: open\nfactor: cost\nlevel: senior\nsource: lesson:nope\n\nWhy?\n\nrubric:\n- x\nmodel: y\n',
    );
    expect(() => loadQuestionBank(root)).toThrow(
      'Question bank: 3 errors\n' +
        'content/questions/bad.md:2: invalid type "singel" (did you mean "single"?); allowed: single, multiple, numeric, ordering, flaw, open\n' +
        'content/questions/bad.md:11: option 2 has no explanation: add a line `  : why it is right, or why it tempts and is wrong`\n' +
        'content/questions/bad.md:17: unknown lesson "nope" in source "lesson:nope"',
    );
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('question sources as links', () => {
  it('every bank question shows at least one source link, each to a /sources anchor or a lesson page that exists', async () => {
    const { loadQuestionBank } = await import('./questions');
    const { hasSource } = await import('@/lib/sources');
    const { lessonSlugs } = await import('./lessons');
    const slugs = new Set(lessonSlugs());
    for (const q of loadQuestionBank()) {
      expect(q.sourceLinks?.length ?? 0, q.id).toBeGreaterThan(0);
      for (const l of q.sourceLinks ?? []) {
        const ok = l.href.startsWith('/sources#')
          ? hasSource(l.href.slice('/sources#'.length))
          : slugs.has(l.href.replace('/lessons/', ''));
        expect(ok, `${q.id}: ${l.href}`).toBe(true);
      }
    }
  });
});
