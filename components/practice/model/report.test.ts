import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bankVersionOf,
  buildProblemReport,
  describeAnswer,
  GENERATED_BANK_VERSION,
  htmlToPlainText,
  REPORT_NOTE_MAX_CHARS,
} from './report';
import { renderInlineMarkdown, renderMarkdown } from '@/content/build/markdown';
import type { FlawQuestion, OpenQuestion, OrderingQuestion, SingleQuestion } from '@/lib/practice/types';

const rt = (md: string) => ({ md, html: renderInlineMarkdown(md) });

const single: SingleQuestion = {
  id: 'mem-70b-fp8-size',
  type: 'single',
  factor: 'memory',
  level: 'junior',
  tags: [],
  sources: ['lesson:memory'],
  prompt: { md: 'How large are the **FP8** weights?', html: renderMarkdown('How large are the **FP8** weights?') },
  hints: [],
  pin: false,
  bankVersion: '0123abcd',
  options: [
    { text: rt('70 GB'), explanation: rt('no'), correct: false },
    { text: rt('72.66 GB (67.67 GiB)'), explanation: rt('yes'), correct: true },
    { text: rt('$s = \\max|w|/127$ & <b>'), explanation: rt('no'), correct: false },
  ],
};

describe('htmlToPlainText: rendered question HTML as plain text', () => {
  it('drops tags, decodes entities and collapses whitespace (hand-written cases)', () => {
    expect(htmlToPlainText('<p>x &amp; <strong>y</strong></p>\n<p>z &lt;1&gt; &#8804; &#x3b1;</p>')).toBe(
      'x & y z <1> ≤ α',
    );
    expect(htmlToPlainText('a <b>b</b> < c')).toBe('a b < c'); // a "<" with no ">" after it is text
  });

  it('writes KaTeX math back as its TeX source, once (the aria-hidden visual copy is skipped)', () => {
    expect(htmlToPlainText(renderInlineMarkdown('Step $s = \\max|w|/127$ then'))).toBe('Step $s = \\max|w|/127$ then');
    expect(htmlToPlainText(renderInlineMarkdown('a $x^2$ b $y$'))).toBe('a $x^2$ b $y$');
  });

  it('never throws, always collapses whitespace, and passes plain text through (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const out = htmlToPlainText(s);
        expect(typeof out).toBe('string');
        expect(out).toBe(out.replace(/\s+/g, ' ').trim());
        if (!/[<&]/.test(s)) expect(out).toBe(s.replace(/\s+/g, ' ').trim()); // plain text passes through
      }),
    );
  });

  it('is linear: a 200,000-character adversarial string takes milliseconds, not seconds', () => {
    const evil = '<'.repeat(50_000) + '&#'.repeat(50_000) + ' '.repeat(50_000);
    const t0 = performance.now();
    htmlToPlainText(evil);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('bankVersionOf: a short stable hash of the bank files', () => {
  const files = [
    { fileName: 'content/questions/a.md', text: '## a\n' },
    { fileName: 'content/questions/b.md', text: '## b\n' },
  ];
  it('is 8 hex digits and the same for the same files', () => {
    expect(bankVersionOf(files)).toMatch(/^[0-9a-f]{8}$/);
    expect(bankVersionOf(files.map((f) => ({ ...f })))).toBe(bankVersionOf(files));
  });
  it('changes when any text or file name changes, or text moves between files', () => {
    const v = bankVersionOf(files);
    expect(bankVersionOf([files[0]!, { ...files[1]!, text: '## b \n' }])).not.toBe(v);
    expect(bankVersionOf([files[0]!, { ...files[1]!, fileName: 'content/questions/c.md' }])).not.toBe(v);
    expect(
      bankVersionOf([
        { ...files[0]!, text: '## a\n## b\n' },
        { ...files[1]!, text: '' },
      ]),
    ).not.toBe(v);
  });
});

describe('buildProblemReport', () => {
  it('names the question, the bank version, the answer, the outcome, the page and the note', () => {
    const r = buildProblemReport({
      question: single,
      answer: { kind: 'choice', selected: [2] },
      outcome: 'wrong',
      note: '  Option 3 is right too.  ',
      page: '/practice?q=mem-70b-fp8-size',
    });
    expect(r.title).toBe('Question mem-70b-fp8-size: problem report');
    expect(r.fileName).toBe('question-report-mem-70b-fp8-size-0123abcd.md');
    expect(r.body).toContain('- Question id: `mem-70b-fp8-size`');
    expect(r.body).toContain('- Bank version: `0123abcd`');
    expect(r.body).toContain('- Type, topic, level: single, memory, junior');
    expect(r.body).toContain('- Shown at: /practice?q=mem-70b-fp8-size');
    expect(r.body).toContain('- Result shown: wrong');
    expect(r.body).toContain('Option 3 (written order): $s = \\max|w|/127$ & <b>');
    expect(r.body).toContain('\nOption 3 is right too.\n');
    expect(r.body).toContain('> How large are the FP8 weights?');
  });

  it('says when nothing was entered or described, and reports generated questions as such', () => {
    const { bankVersion: _v, ...generated } = single;
    void _v;
    const r = buildProblemReport({
      question: { ...generated, id: 'gen:weights-memory:abc' },
      answer: { kind: 'none' },
      outcome: 'not checked',
      note: '',
    });
    expect(r.body).toContain(`- Bank version: \`${GENERATED_BANK_VERSION}\``);
    expect(r.body).toContain('- (nothing entered)');
    expect(r.body).toContain('(not described)');
    expect(r.fileName).toBe('question-report-gen-weights-memory-abc-generated.md');
    expect(r.body).not.toContain('Shown at');
  });

  it('cuts a very long note and keeps the rest of the report', () => {
    const r = buildProblemReport({
      question: single,
      answer: { kind: 'none' },
      outcome: 'not checked',
      note: 'x'.repeat(REPORT_NOTE_MAX_CHARS + 50),
    });
    expect(r.body).toContain(`… [cut at ${REPORT_NOTE_MAX_CHARS} characters]`);
    expect(r.body).not.toContain('x'.repeat(REPORT_NOTE_MAX_CHARS + 1));
    expect(r.body).toContain('### The question');
  });

  it('describes every answer type', () => {
    const flaw: FlawQuestion = { ...single, type: 'flaw', pin: true };
    expect(describeAnswer(flaw, { kind: 'choice', selected: [1] })).toEqual([
      'Step 2 (written order): 72.66 GB (67.67 GiB)',
    ]);
    expect(describeAnswer(single, { kind: 'choice', selected: [1, 0] })).toEqual([
      'Option 1 (written order): 70 GB',
      'Option 2 (written order): 72.66 GB (67.67 GiB)',
    ]);
    expect(describeAnswer(single, { kind: 'choice', selected: [] })).toEqual(['(nothing selected)']);
    expect(describeAnswer(single, { kind: 'numeric', text: ' 72.66 GB ' })).toEqual(['`72.66 GB`']);
    expect(describeAnswer(single, { kind: 'numeric', text: '' })).toEqual(['(empty)']);
    const ordering: OrderingQuestion = {
      ...single,
      type: 'ordering',
      items: [rt('FP32'), rt('BF16'), rt('INT4')],
      explain: rt('e'),
    };
    expect(describeAnswer(ordering, { kind: 'ordering', order: [1, 0, 2] })).toEqual([
      '1. BF16 (item 2 of the correct order)',
      '2. FP32 (item 1 of the correct order)',
      '3. INT4 (item 3 of the correct order)',
    ]);
    const open: OpenQuestion = { ...single, type: 'open', rubric: [rt('a'), rt('b'), rt('c')], model: rt('m') };
    expect(describeAnswer(open, { kind: 'open', text: 'My answer', ticked: [true, false, true] })).toEqual([
      'My answer',
      'Rubric points ticked: 2 of 3 (1, 3)',
    ]);
    expect(describeAnswer(open, { kind: 'open', text: ' ', ticked: [false, false, false] })).toEqual([
      '(no written answer)',
      'Rubric points ticked: 0 of 3',
    ]);
  });
});
