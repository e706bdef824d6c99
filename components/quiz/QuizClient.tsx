'use client';

import { useRef } from 'react';
import './quiz.css';
import { prefixed } from '@/components/ui/prefixed';
import { QuestionCard } from '@/components/practice/QuestionCard';
import { browserStorage } from '@/components/practice/storage';
import type { CardResult } from '@/components/practice/QuestionCard.types';
import { LESSON_ATTEMPT, LESSON_LEARNER_SEED } from '@/lib/practice/lesson-seed';
import type { Question } from '@/lib/practice/types';

const styles = prefixed('qz');

export interface QuizClientProps {
  title: string;
  /** Compacted questions (`compactQuestion`), in the order the lesson lists them. */
  questions: Question[];
  mode: 'check' | 'room';
  /** Number the questions from `first` of `total` instead of 1 of questions.length (one question per slide). */
  numbering?: { first: number; total: number };
}

/**
 * Adds a graded lesson answer to the saved practice progress; storage that is full or
 * blocked never breaks the quiz. The progress code (zod, ts-fsrs) loads on the first
 * answer, not with the page.
 */
function recordInProgress(question: Question, result: CardResult): void {
  import('@/lib/practice/lesson')
    .then(({ saveLessonAnswer }) => {
      // The progress store leaves unreadable saved progress alone (Practice reports it); storage errors come back as values.
      saveLessonAnswer(
        browserStorage,
        { questionId: question.id, factor: question.factor, correct: result.correct, hintsUsed: result.hintsUsed },
        new Date(),
      );
    })
    .catch(() => {
      // Storage unavailable (or the code failed to load): the quiz still works, the answer just is not remembered.
    });
}

/**
 * A lesson's quiz: the bank questions it names, one QuestionCard each. In check
 * mode the first check of each question per visit is recorded into practice
 * progress (re-checks after reading every explanation would only inflate the
 * schedule); in room mode (slides) nothing is recorded.
 */
export function QuizClient({ title, questions, mode, numbering }: QuizClientProps) {
  const recorded = useRef<Set<string>>(new Set());
  const onGraded = (result: CardResult) => {
    if (mode !== 'check' || recorded.current.has(result.questionId)) return;
    const q = questions.find((x) => x.id === result.questionId);
    if (!q) return;
    recorded.current.add(q.id);
    recordInProgress(q, result);
  };
  return (
    <section className={styles.quiz} aria-label={title}>
      <h2>{title}</h2>
      {questions.map((q, i) => (
        <QuestionCard
          key={q.id}
          question={q}
          learnerSeed={LESSON_LEARNER_SEED}
          attempt={LESSON_ATTEMPT}
          mode={mode}
          headingLevel={3}
          position={{ n: (numbering?.first ?? 1) + i, total: numbering?.total ?? questions.length }}
          onGraded={onGraded}
        />
      ))}
      {mode === 'check' ? (
        <p className={styles.note}>
          Your answers here count toward your review queue in <a href="/practice">Practice</a>.
        </p>
      ) : null}
    </section>
  );
}
