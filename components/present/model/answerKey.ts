/**
 * The answer key a quiz slide gives the presenter (in the presenter view's notes,
 * issue 15 item 9): the right answer and the explanation of each bank question,
 * whatever its type. Pure: HTML comes from the bank (rendered from the repository's
 * own markdown at build time); text made here is escaped.
 */
import { formatAcceptedRange } from '@/lib/practice/feedback';
import type { Question } from '@/lib/practice/types';

/** A question's answer key: how the answer is named, the answer as HTML fragments, and the explanations. */
export interface AnswerKey {
  /** "Answer", "Answers" (several right options), "Flawed step", "Correct order", "A strong answer says". */
  label: string;
  /** One fragment per right option, step, item or rubric point, in order. */
  answerHtml: string[];
  /** The explanation (and the model answer of an open question); empty when the bank has none. */
  explanationHtml: string[];
}

/** Escapes text for HTML. @example escapeHtml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;' */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * The answer key of a bank question:
 * - single / multiple choice: the right option(s), with the explanation of each right option;
 * - flaw: the flawed step, numbered as the card numbers it ("Step 3. …");
 * - numeric: the answer and the accepted range (lib/practice/feedback `formatAcceptedRange`);
 * - ordering: the items in their right order;
 * - open: the rubric points, then the model answer.
 * The question's own `explain` follows in every case.
 *
 * @throws {Error} naming the question when a choice question has no right option (the bank's parser forbids it).
 * @example answerKey(q).label // 'Answer'
 */
export function answerKey(q: Question): AnswerKey {
  const explain = q.explain?.html ? [q.explain.html] : [];
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'flaw': {
      const right = q.options.map((o, i) => ({ o, i })).filter(({ o }) => o.correct);
      if (right.length === 0) throw new Error(`question ${q.id} has no right option`);
      const label = q.type === 'flaw' ? 'Flawed step' : right.length > 1 ? 'Answers' : 'Answer';
      return {
        label,
        answerHtml: right.map(({ o, i }) => (q.type === 'flaw' ? `Step ${i + 1}. ${o.text.html}` : o.text.html)),
        explanationHtml: [...right.map(({ o }) => o.explanation.html).filter(Boolean), ...explain],
      };
    }
    case 'numeric': {
      const r = formatAcceptedRange(q.answer, q.tolerance);
      return {
        label: 'Answer',
        answerHtml: [escapeHtml(`${r.answer} (accepted: ${r.range}, ${r.tolerance})`)],
        explanationHtml: explain,
      };
    }
    case 'ordering':
      return { label: 'Correct order', answerHtml: q.items.map((it) => it.html), explanationHtml: explain };
    case 'open':
      return {
        label: 'A strong answer says',
        answerHtml: q.rubric.map((r) => r.html),
        explanationHtml: [q.model.html, ...explain].filter(Boolean),
      };
  }
}
