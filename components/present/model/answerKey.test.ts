import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '@/content/questions';
import type { Question, RichText } from '@/lib/practice/types';
import { answerKey, escapeHtml } from './answerKey';

const rt = (html: string): RichText => ({ md: '', html });
const common = {
  factor: 'memory',
  level: 'core',
  tags: [],
  sources: [],
  prompt: rt('<p>?</p>'),
  hints: [],
  pin: false,
};

describe('answerKey', () => {
  it('single choice: the right option and its explanation, then the question explanation', () => {
    const q = {
      ...common,
      id: 'q-single',
      type: 'single',
      options: [
        { text: rt('Wrong'), explanation: rt('<p>no</p>'), correct: false },
        { text: rt('Right'), explanation: rt('<p>because</p>'), correct: true },
      ],
      explain: rt('<p>overall</p>'),
    } as unknown as Question;
    expect(answerKey(q)).toEqual({
      label: 'Answer',
      answerHtml: ['Right'],
      explanationHtml: ['<p>because</p>', '<p>overall</p>'],
    });
  });

  it('multiple choice says "Answers"; a flaw question names the step as the card numbers it', () => {
    const options = [
      { text: rt('A'), explanation: rt(''), correct: true },
      { text: rt('B'), explanation: rt(''), correct: false },
      { text: rt('C'), explanation: rt('<p>c</p>'), correct: true },
    ];
    const multiple = { ...common, id: 'm', type: 'multiple', options } as unknown as Question;
    expect(answerKey(multiple)).toEqual({ label: 'Answers', answerHtml: ['A', 'C'], explanationHtml: ['<p>c</p>'] });
    const flaw = {
      ...common,
      id: 'f',
      type: 'flaw',
      options: options.map((o, i) => ({ ...o, correct: i === 1 })),
    } as unknown as Question;
    expect(answerKey(flaw).label).toBe('Flawed step');
    expect(answerKey(flaw).answerHtml).toEqual(['Step 2. B']);
  });

  it('numeric: the answer and the accepted range, escaped', () => {
    const q = {
      ...common,
      id: 'n',
      type: 'numeric',
      answer: { value: 40, unit: 'GB' },
      tolerance: { kind: 'relative', fraction: 0.05 },
      explain: rt('<p>70e9 × 4.5 / 8</p>'),
    } as unknown as Question;
    const k = answerKey(q);
    expect(k.label).toBe('Answer');
    // 40 GB ± 5 % accepts 38 to 42 GB (hand calculation: 40 × 0.95 = 38, 40 × 1.05 = 42).
    expect(k.answerHtml[0]).toMatch(/^40 GB \(accepted: 38 – 42 GB, ± 5%\)$/);
    expect(k.explanationHtml).toEqual(['<p>70e9 × 4.5 / 8</p>']);
  });

  it('ordering: the items in the right order; open: the rubric, then the model answer', () => {
    const ordering = {
      ...common,
      id: 'o',
      type: 'ordering',
      items: [rt('first'), rt('second')],
      explain: rt('<p>why</p>'),
    } as unknown as Question;
    expect(answerKey(ordering)).toEqual({
      label: 'Correct order',
      answerHtml: ['first', 'second'],
      explanationHtml: ['<p>why</p>'],
    });
    const open = {
      ...common,
      id: 'x',
      type: 'open',
      rubric: [rt('point 1'), rt('point 2')],
      model: rt('<p>model</p>'),
    } as unknown as Question;
    expect(answerKey(open)).toEqual({
      label: 'A strong answer says',
      answerHtml: ['point 1', 'point 2'],
      explanationHtml: ['<p>model</p>'],
    });
  });

  it('names a choice question with no right option', () => {
    const q = {
      ...common,
      id: 'broken',
      type: 'single',
      options: [{ text: rt('A'), explanation: rt(''), correct: false }],
    } as unknown as Question;
    expect(() => answerKey(q)).toThrow(/question broken has no right option/);
  });

  it('gives every question in the bank an answer and, where the bank has one, an explanation', () => {
    const bank = loadQuestionBank();
    expect(bank.length).toBeGreaterThan(100);
    for (const q of bank) {
      const k = answerKey(q);
      expect(k.answerHtml.length, q.id).toBeGreaterThan(0);
      expect(
        k.answerHtml.every((h) => h.trim() !== ''),
        q.id,
      ).toBe(true);
      if (q.explain?.html) expect(k.explanationHtml, q.id).toContain(q.explain.html);
    }
  });

  it('escapes text it writes itself', () => {
    expect(escapeHtml(`a < b & "c" 'd' >`)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt;');
  });
});
