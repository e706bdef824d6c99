import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBankError, parseAuthorNumber, parseQuestionBank, parseQuestionFile } from './parseQuestions';

const LESSONS = ['memory', 'speed', 'decision'];
const OPTS = { lessonSlugs: LESSONS };
const valid = fs.readFileSync(path.join(__dirname, 'fixtures', 'valid.md'), 'utf8');

/** A minimal valid single question; tests break one thing at a time. */
const SINGLE = `## q-one
type: single
factor: memory
level: mid
source: gqa-2305.13245

Prompt?

- [x] right
  : because
- [ ] wrong
  : tempting
`;

function errorsOf(text: string): string[] {
  return parseQuestionFile(text, 'x.md', OPTS).errors.map(formatBankError);
}

describe('parseQuestionFile: a valid file', () => {
  const { questions, errors } = parseQuestionFile(valid, 'fixtures/valid.md', OPTS);

  it('parses one question of every type with no errors', () => {
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ['kv-bytes-gqa-70b', 'single'],
      ['multi-fp8', 'multiple'],
      ['flaw-bandwidth', 'flaw'],
      ['weights-gb', 'numeric'],
      ['weights-gib-abs', 'numeric'],
      ['order-pipeline', 'ordering'],
      ['open-why', 'open'],
    ]);
  });

  it('reads metadata, tags, sources and the heading line', () => {
    const q = questions[0];
    expect(q).toMatchObject({
      factor: 'memory',
      level: 'mid',
      tags: ['kv-cache', 'gqa'],
      sources: ['gqa-2305.13245', 'lesson:memory'],
      pin: false,
      location: { file: 'fixtures/valid.md', line: 3 },
    });
    expect(q?.hints.map((h) => h.md)).toEqual([
      'KV per token = 2 × layers × KV heads × head_dim × bytes per element.',
      '2 × 80 × 8 × 128 × 2.',
    ]);
  });

  it('keeps options in written order with their marks and explanations; option html is inline', () => {
    const q = questions[0];
    if (q?.type !== 'single') throw new Error('expected single');
    expect(q.options.map((o) => o.correct)).toEqual([false, true, false]);
    expect(q.options[1]?.text).toEqual({ md: '327,680 bytes', html: '327,680 bytes' });
    expect(q.options[2]?.explanation.html).toBe('<p>Forgets that both K and V are stored.</p>');
  });

  it('joins several `:` lines into one explanation and renders inline markdown', () => {
    const q = questions[1];
    if (q?.type !== 'multiple') throw new Error('expected multiple');
    expect(q.pin).toBe(true);
    expect(q.options[1]?.explanation.md).toBe('Ampere has INT8 and INT4, no FP8.\n(A common mix-up.)');
    expect(q.options[2]?.text.html).toBe('All of the <strong>Hopper</strong> family');
  });

  it('pins flaw steps', () => {
    expect(questions[2]?.pin).toBe(true);
  });

  it('reads numeric answers with relative and absolute tolerances, and renders math with KaTeX', () => {
    const [rel, abs] = [questions[3], questions[4]];
    if (rel?.type !== 'numeric' || abs?.type !== 'numeric') throw new Error('expected numeric');
    expect(rel.answer).toEqual({ value: 140, unit: 'GB' });
    expect(rel.tolerance).toEqual({ kind: 'relative', fraction: 0.01 });
    expect(rel.prompt.html).toContain('class="katex"');
    // The indented continuation line belongs to explain:
    expect(rel.explain.md).toBe('$70 \\times 10^9 \\times 2 = 140 \\times 10^9$ bytes = 140 GB\n(130.4 GiB).');
    expect(abs.tolerance).toEqual({ kind: 'absolute', amount: { value: 0.5, unit: 'GiB' } });
  });

  it('reads ordering items in the written (correct) order', () => {
    const q = questions[5];
    if (q?.type !== 'ordering') throw new Error('expected ordering');
    expect(q.items.map((i) => i.md)).toEqual([
      'Collect calibration activations',
      'Build the Hessian $X^\\top X$',
      'Quantise column by column, updating the rest',
    ]);
    expect(q.items[1]?.html).toContain('katex');
  });

  it('reads open rubric points and a multi-paragraph model answer written on the following lines', () => {
    const q = questions[6];
    if (q?.type !== 'open') throw new Error('expected open');
    expect(q.rubric.map((r) => r.md)).toEqual(['More redundancy per layer', 'Measured: 70B W4A16 ≈ 99.8% recovery']);
    expect(q.model.html).toBe('<p>Bigger models have more slack.</p>\n<p>A second paragraph.</p>');
  });

  it('gives the same result for CRLF line endings', () => {
    const crlf = parseQuestionFile(valid.replace(/\n/g, '\r\n'), 'fixtures/valid.md', OPTS);
    expect(crlf.errors).toEqual([]);
    expect(crlf.questions).toEqual(questions);
  });

  it('produces plain JSON (island props)', () => {
    expect(JSON.parse(JSON.stringify(questions))).toEqual(questions);
  });
});

describe('parseQuestionFile: errors name file and line', () => {
  it('accepts the minimal question', () => {
    expect(errorsOf(SINGLE)).toEqual([]);
  });

  it.each([
    ['bad id', SINGLE.replace('## q-one', '## Q_One'), 'x.md:1: invalid id "Q_One"'],
    ['missing id', SINGLE.replace('## q-one', '##'), 'x.md:1: missing question id'],
    [
      'unknown type',
      SINGLE.replace('type: single', 'type: singel'),
      'x.md:2: invalid type "singel" (did you mean "single"?)',
    ],
    ['missing type', SINGLE.replace('type: single\n', ''), 'x.md:1: missing `type:`'],
    [
      'bad factor',
      SINGLE.replace('factor: memory', 'factor: memroy'),
      'x.md:3: invalid factor "memroy" (did you mean "memory"?)',
    ],
    ['bad level', SINGLE.replace('level: mid', 'level: expert'), 'x.md:4: invalid level "expert"'],
    [
      'unknown source',
      SINGLE.replace('gqa-2305.13245', 'gqa-2305.1324'),
      'x.md:5: unknown source id "gqa-2305.1324" (not in lib/sources/catalog.ts) (did you mean "gqa-2305.13245"?)',
    ],
    [
      'unknown lesson',
      SINGLE.replace('gqa-2305.13245', 'lesson:memry'),
      'x.md:5: unknown lesson "memry" in source "lesson:memry" (did you mean "memory"?)',
    ],
    ['missing source', SINGLE.replace('source: gqa-2305.13245\n', ''), 'x.md:1: missing `source:`'],
    [
      'unknown metadata key',
      SINGLE.replace('level: mid', 'level: mid\nsources: x'),
      'x.md:5: unknown metadata key "sources" (did you mean "source"?)',
    ],
    [
      'duplicate metadata key',
      SINGLE.replace('level: mid', 'level: mid\nlevel: mid'),
      'x.md:5: duplicate metadata key "level"',
    ],
    ['bad pin', SINGLE.replace('level: mid', 'level: mid\npin: yes'), 'x.md:5: pin must be "true" or "false"'],
    ['missing prompt', SINGLE.replace('Prompt?\n\n', ''), 'x.md:7: missing prompt'],
    ['no [x] in single', SINGLE.replace('[x]', '[ ]'), 'x.md:9: a single question has exactly one [x]; found 0'],
    ['two [x] in single', SINGLE.replace('[ ]', '[x]'), 'x.md:9: a single question has exactly one [x]; found 2'],
    ['one option', SINGLE.replace('- [ ] wrong\n  : tempting\n', ''), 'x.md:1: a single question needs 2–6 options'],
    ['missing explanation', SINGLE.replace('  : tempting\n', ''), 'x.md:11: option 2 has no explanation'],
    ['option without text', SINGLE.replace('- [ ] wrong', '- [ ]'), 'x.md:11: option has no text'],
    ['unindented continuation', SINGLE + 'stray text\n', 'x.md:13: unexpected text after the question body started'],
    ['misspelt body key', SINGLE + 'hnt: a\n', 'x.md:13: unknown key "hnt" (did you mean "hint"?)'],
    ['four hints', SINGLE + 'hint: a\nhint: b\nhint: c\nhint: d\n', 'x.md:16: at most 3 hints'],
    ['bad math', SINGLE.replace('Prompt?', 'Prompt $x^$?'), 'x.md:7: prompt: KaTeX parse error'],
    ['bad math in an option', SINGLE.replace('- [x] right', '- [x] $\\frac{1$'), 'x.md:9: option 1: KaTeX parse error'],
    [
      'block markdown in an option',
      SINGLE.replace('- [x] right', '- [x] # heading'),
      'x.md:9: option 1: must be one paragraph of inline markdown',
    ],
    [
      'answer in a single question',
      SINGLE + 'answer: 3 GB\n',
      'x.md:13: `answer:` does not belong in a single question',
    ],
  ])('%s', (_name, text, expected) => {
    const errors = errorsOf(text);
    expect(
      errors.some((e) => e.startsWith(expected)),
      `${expected}\n  not in\n${errors.join('\n')}`,
    ).toBe(true);
  });

  const NUMERIC = `## n
type: numeric
factor: memory
level: junior
source: lesson:memory

How many GB?

answer: 39.8 GB
tolerance: 1%
explain: Because.
`;
  it.each([
    ['accepts the minimal numeric question', NUMERIC, null],
    ['decimal comma', NUMERIC.replace('39.8 GB', '39,8 GB'), 'x.md:9: answer: "39,8 GB" does not start with a number'],
    ['no unit', NUMERIC.replace('39.8 GB', '39.8'), 'x.md:9: answer: missing unit after 39.8'],
    ['unknown unit', NUMERIC.replace('39.8 GB', '39.8 Gb'), 'x.md:9: answer: unknown unit "Gb" (did you mean "GB"?)'],
    [
      'missing answer',
      NUMERIC.replace('answer: 39.8 GB\n', ''),
      'x.md:1: a numeric question needs `answer: <number> <unit>`',
    ],
    ['missing tolerance', NUMERIC.replace('tolerance: 1%\n', ''), 'x.md:1: a numeric question needs `tolerance:'],
    [
      'tolerance of another dimension',
      NUMERIC.replace('tolerance: 1%', 'tolerance: 2 ms'),
      "x.md:10: tolerance unit ms does not match the answer's unit GB",
    ],
    [
      'negative tolerance',
      NUMERIC.replace('tolerance: 1%', 'tolerance: -1 GB'),
      'x.md:10: tolerance must not be negative',
    ],
    [
      '100% tolerance',
      NUMERIC.replace('tolerance: 1%', 'tolerance: 100%'),
      'x.md:10: tolerance: "100%" must be a percentage from 0% to below 100%',
    ],
    ['missing explain', NUMERIC.replace('explain: Because.\n', ''), 'x.md:1: a numeric question needs `explain:`'],
    [
      'options in numeric',
      NUMERIC + '- [x] a\n  : b\n',
      'x.md:12: options (`- [ ]`) do not belong in a numeric question',
    ],
  ])('numeric: %s', (_name, text, expected) => {
    const errors = errorsOf(text);
    if (expected === null) expect(errors).toEqual([]);
    else
      expect(
        errors.some((e) => e.startsWith(expected)),
        `${expected}\n  not in\n${errors.join('\n')}`,
      ).toBe(true);
  });

  it('numeric: accepts absolute tolerance in another unit of the same dimension', () => {
    const q = parseQuestionFile(NUMERIC.replace('tolerance: 1%', 'tolerance: 500 MiB'), 'x.md', OPTS).questions[0];
    expect(q?.type === 'numeric' && q.tolerance).toEqual({ kind: 'absolute', amount: { value: 500, unit: 'MiB' } });
  });

  it('ordering needs ≥ 3 distinct items and explain:', () => {
    const ORD = `## o
type: ordering
factor: method
level: mid
source: lesson:memory

Order them.

order:
1. a
2. b
3. a
`;
    const errors = errorsOf(ORD);
    expect(errors).toContain('x.md:12: order item 3 repeats item 1');
    expect(errors).toContain('x.md:1: an ordering question needs `explain:` with the worked answer');
    expect(errorsOf(ORD.replace('3. a\n', ''))).toContain(
      'x.md:9: an ordering question needs at least 3 items; found 2',
    );
    expect(errorsOf(ORD.replace('1. a', '- a'))).toContain(
      'x.md:10: `order:` items must be a numbered list: `1. first step`',
    );
  });

  it('open needs a rubric and a model answer', () => {
    const OPEN = `## o
type: open
factor: cost
level: senior
source: lesson:decision

Why?

rubric:
- a point
model: An answer.
`;
    expect(errorsOf(OPEN)).toEqual([]);
    expect(errorsOf(OPEN.replace('model: An answer.\n', ''))).toContain(
      'x.md:1: an open question needs `model:` with a model answer',
    );
    expect(errorsOf(OPEN.replace('rubric:\n- a point\n', ''))).toContain(
      'x.md:1: an open question needs `rubric:` followed by a bullet list of the points a strong answer makes',
    );
    expect(errorsOf(OPEN.replace('- a point', '* a point'))).toEqual([]);
  });

  it('flaw questions mark exactly one step', () => {
    const FLAW = SINGLE.replace('type: single', 'type: flaw').replace('[ ] wrong', '[x] wrong');
    expect(errorsOf(FLAW)).toContain('x.md:9: a flaw question marks exactly one step [x] (the wrong one); found 2');
  });

  it('collects every error of a file, sorted by line, and drops only the broken questions', () => {
    const text = [
      SINGLE.replace('level: mid', 'level: hard'),
      SINGLE.replace('q-one', 'q-two'),
      SINGLE.replace('q-one', 'q-three').replace('  : tempting\n', ''),
    ].join('\n');
    const r = parseQuestionFile(text, 'x.md', OPTS);
    expect(r.questions.map((q) => q.id)).toEqual(['q-two']);
    expect(r.errors.map(formatBankError)).toEqual([
      'x.md:4: invalid level "hard"; allowed: junior, mid, senior',
      'x.md:37: option 2 has no explanation: add a line `  : why it is right, or why it tempts and is wrong`',
    ]);
  });

  it('reports a duplicate id within a file', () => {
    expect(errorsOf(SINGLE + '\n' + SINGLE)).toContain('x.md:14: duplicate id "q-one" (first used on line 1)');
  });

  it('reports a file with no questions', () => {
    expect(errorsOf('just prose\n')).toEqual(['x.md:1: no questions: a question starts with a `## id` heading']);
  });

  it('ignores `## ` inside a fenced code block in a prompt', () => {
    const text = SINGLE.replace('Prompt?', 'Prompt:\n\n```\n## not a heading\n```');
    expect(errorsOf(text)).toEqual([]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '## a',
              'type: single',
              '- [x] a',
              '  : b',
              'answer: 1 GB',
              'rubric:',
              'model:',
              '',
              'order:',
              '1. x',
              'hint: $x^$',
            ),
          ),
          { maxLength: 30 },
        ),
        (lines) => {
          const r = parseQuestionFile(lines.join('\n'), 'f.md', OPTS);
          expect(Array.isArray(r.errors)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseQuestionBank', () => {
  it('reports ids repeated across files with both locations', () => {
    const r = parseQuestionBank(
      [
        { fileName: 'a.md', text: SINGLE },
        { fileName: 'b.md', text: '\n\n' + SINGLE },
      ],
      OPTS,
    );
    expect(r.questions).toHaveLength(1);
    expect(r.errors.map(formatBankError)).toEqual(['b.md:3: duplicate id "q-one" (already used at a.md:1)']);
  });
});

describe('parseAuthorNumber', () => {
  it.each([
    ['39.8', 39.8],
    ['1,234,567', 1234567],
    ['1_000', 1000],
    ['3.9e10', 3.9e10],
    ['-2', -2],
    ['.5', 0.5],
    ['0', 0],
  ])('%s → %d', (text, value) => expect(parseAuthorNumber(text)).toBe(value));

  it.each(['39,8', '1,23', '', 'e5', '1.2.3', 'abc', '12 GB', '.', '-'])('rejects %j', (text) => {
    expect(parseAuthorNumber(text)).toBeUndefined();
  });
});
