import { getQuestions } from '@/content/questions';
import { compactQuestion } from '@/lib/practice/compact';
import { Quiz as QuizIsland } from '../islands/widgets';

export interface QuizProps {
  /** Bank question ids (content/questions/*.md), comma-separated, in the order to ask them. */
  ids: string;
  /** Heading of the quiz (default "Check yourself"); also the slide title on /present. */
  title?: string;
  /** `check` (lessons): the learner answers and checks. `room` (slides): a Reveal button per question. */
  mode?: 'check' | 'room';
  /** Number the questions from `first` of `total` (a slide deck shows one question of a quiz per slide). */
  numbering?: { first: number; total: number };
}

/** The default quiz title; components/present/Deck.tsx uses it for a quiz slide with no `title`. */
export const QUIZ_TITLE = 'Check yourself';

/** The ids of a `<Quiz ids="a, b">`, trimmed, in order. */
export function quizIds(ids: string): string[] {
  return ids
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/**
 * A lesson quiz drawn from the question bank:
 *
 * ```mdx
 * <Quiz ids="mem-inference-holds, kv-gqa-vs-mha-ratio" />
 * ```
 * A server component: reads the bank at build time (an unknown id fails the build,
 * naming it), compacts the questions and hands them to the `quiz` island, which
 * renders one QuestionCard per question and records answers into practice progress.
 */
export function Quiz({ ids, title = QUIZ_TITLE, mode = 'check', numbering }: QuizProps) {
  const list = quizIds(ids);
  if (list.length === 0) throw new Error('<Quiz ids="…" /> needs at least one question id');
  const questions = getQuestions(list).map(compactQuestion);
  return <QuizIsland title={title} questions={questions} mode={mode} {...(numbering ? { numbering } : {})} />;
}
