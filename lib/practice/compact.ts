/**
 * Slimming the bank for the client. A parsed question carries every text twice
 * (markdown source and rendered HTML); the client only renders the HTML. For the
 * current bank (159 questions) this takes the JSON from ≈ 480 kB to ≈ 290 kB.
 */
import type { Question, RichText } from './types';

const slim = (r: RichText): RichText => ({ md: '', html: r.html });

/**
 * The question with every `md` emptied and `location` dropped (HTML kept), for
 * island props or a static JSON file.
 * @example compactQuestion(q).prompt // { md: '', html: '<p>…</p>' }
 */
export function compactQuestion(q: Question): Question {
  const { location: _location, ...rest } = q;
  void _location;
  const common = {
    ...rest,
    prompt: slim(q.prompt),
    hints: q.hints.map(slim),
    ...(q.explain ? { explain: slim(q.explain) } : {}),
  };
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'flaw':
      return {
        ...common,
        type: q.type,
        options: q.options.map((o) => ({ ...o, text: slim(o.text), explanation: slim(o.explanation) })),
      } as Question;
    case 'numeric':
      return {
        ...common,
        type: 'numeric',
        answer: q.answer,
        tolerance: q.tolerance,
        explain: slim(q.explain),
      } as Question;
    case 'ordering':
      return { ...common, type: 'ordering', items: q.items.map(slim), explain: slim(q.explain) } as Question;
    case 'open':
      return { ...common, type: 'open', rubric: q.rubric.map(slim), model: slim(q.model) } as Question;
  }
}
