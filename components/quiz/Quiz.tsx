import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import type { QuestionOption } from './QuestionClient';
import { QuizQuestion } from '../islands/widgets';

/**
 * Lesson quizzes are written as markdown inside components, not as arrays:
 *
 * ```mdx
 * <Quiz>
 *   <Question prompt="Which holds gradients at inference?">
 *     <Choice explain="Gradients exist only in training.">The KV cache</Choice>
 *     <Choice correct explain="…">Nothing: inference stores no gradients</Choice>
 *   </Question>
 * </Quiz>
 * ```
 * `Quiz` and `Question` are server components that read their children's
 * props; only the answer-checking part ships JavaScript.
 */
export function Quiz({ title = 'Check yourself', children }: { title?: string; children: ReactNode }) {
  const questions = Children.toArray(children).filter(isValidElement);
  return (
    <section className="quiz" aria-label={title}>
      <h2>{title}</h2>
      <ol className="quiz-list">
        {questions.map((q, i) => (
          <li key={i}>{q}</li>
        ))}
      </ol>
    </section>
  );
}

type ChoiceProps = { correct?: boolean; explain?: ReactNode; children: ReactNode };

/** One answer option. `correct` marks the right one(s); `explain` says why it is right or wrong. */
export function Choice(props: ChoiceProps): ReactElement {
  // Rendered by Question, never on its own.
  return <>{props.children}</>;
}

/** A single- or multiple-choice question. More than one `correct` choice makes it multiple choice. */
export function Question({ prompt, children }: { prompt: ReactNode; children: ReactNode }) {
  const options: QuestionOption[] = Children.toArray(children)
    .filter((c): c is ReactElement<ChoiceProps> => isValidElement(c))
    .map((c) => ({ content: textOf(c.props.children), correct: Boolean(c.props.correct), explanation: textOf(c.props.explain) }));
  if (options.length < 2) throw new Error(`Question "${String(prompt)}" needs at least two <Choice> options`);
  if (!options.some((o) => o.correct)) throw new Error(`Question "${String(prompt)}" has no <Choice correct>`);
  return <QuizQuestion prompt={textOf(prompt)} options={options} />;
}

/**
 * The text of MDX children (strings, inline elements, server components), so a
 * question can travel to its island as JSON. Quiz text is plain prose; anything
 * that renders no text (an image) contributes nothing.
 */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) {
    if (typeof node.type === 'function') {
      // A server component renders to its output; a client reference (next/link)
      // cannot be called on the server, so its children stand in for it.
      try {
        return textOf((node.type as (p: unknown) => ReactNode)(node.props));
      } catch {
        return textOf(node.props.children);
      }
    }
    return textOf(node.props.children);
  }
  return '';
}
