import type { Question } from '@/lib/practice/types';

/**
 * The contract between the one question renderer (`QuestionCard`, a client
 * component) and the pages that use it: lesson quizzes (`<Quiz ids>`), slides in
 * "ask the room" mode, and `/practice`. The card renders any question type, grades it
 * with `lib/practice`, shows feedback and hints; the page decides what happens next
 * (recording progress, moving the queue).
 */
export interface CardResult {
  questionId: string;
  /** For open questions: at least OPEN_PASS_FRACTION of the rubric ticked. */
  correct: boolean;
  /** How many stepped hints were opened before answering (0–3). */
  hintsUsed: number;
  /** Open questions only: share of rubric points made, 0–1. */
  score?: number;
}

export interface QuestionCardProps {
  /** Compacted (`compactQuestion`): render `.html`, never `.md`. */
  question: Question;
  /** Learner's seed and attempt number: option order is `displayOrder(question, learnerSeed, attempt)`. */
  learnerSeed: string;
  attempt: number;
  /**
   * `check`: the learner answers and checks (lessons, practice).
   * `room`: options are shown, then a "Reveal answer" button shows the right answer
   * and every explanation without anyone answering (presenter slides).
   */
  mode: 'check' | 'room';
  /** Heading level of the card's prompt heading (default 3). */
  headingLevel?: 2 | 3 | 4;
  /** Shown as "Question n of total" when both are given. */
  position?: { n: number; total: number };
  /** Called once per check with the graded result. */
  onGraded?: (result: CardResult) => void;
}
