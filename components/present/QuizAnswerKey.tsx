import { getQuestions } from '@/content/questions';
import { compactQuestion } from '@/lib/practice/compact';
import { quizIds } from '../quiz/Quiz';
import { answerKey } from './model/answerKey';

/**
 * The answer key of a quiz slide, for the presenter's notes (issue 15 item 9): for each
 * question, its right answer and explanation (components/present/model/answerKey.ts).
 * A server component: Deck renders it inside the slide's hidden notes aside, and the
 * presenter view copies it into the Notes panel; the audience window never shows it.
 * The HTML is the bank's own, rendered from the repository's markdown at build time.
 */
export function QuizAnswerKey({ ids }: { ids: string }) {
  const questions = getQuestions(quizIds(ids)).map(compactQuestion);
  return (
    <>
      {questions.map((q) => {
        const key = answerKey(q);
        return (
          <div key={q.id} className="pv-answer-key" data-answer-key={q.id}>
            <p>
              <strong>Answer key</strong> — {key.label}:
            </p>
            <ul>
              {key.answerHtml.map((html, i) => (
                <li key={i} dangerouslySetInnerHTML={{ __html: html }} />
              ))}
            </ul>
            {key.explanationHtml.map((html, i) => (
              <div key={i} className="pv-answer-why" dangerouslySetInnerHTML={{ __html: html }} />
            ))}
          </div>
        );
      })}
    </>
  );
}
