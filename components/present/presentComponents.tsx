import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import { lessonComponents } from '../mdx/registry';
import { Quiz, type QuizProps } from '../quiz/Quiz';
import { Deck, type DeckLesson } from './Deck';
import { PresentNotes, Slide } from './markers';

/**
 * The lesson quiz in "ask the room" mode: each question shows its options, and a
 * Reveal answer button shows the right answer and every explanation. The Deck
 * recognizes a quiz by this component type and takes the slide title from `title`.
 */
export function RoomQuiz(props: Omit<QuizProps, 'mode'>) {
  return <Quiz {...props} mode="room" />;
}

/* The calculators on slides: their QR code shows open, so the room can scan the set-up. */
const MemoryCalculator = lessonComponents.MemoryCalculator as ComponentType<Record<string, unknown>>;
const SpeedCalculator = lessonComponents.SpeedCalculator as ComponentType<Record<string, unknown>>;
const RoundingDemo = lessonComponents.RoundingDemo as ComponentType<Record<string, unknown>>;

/**
 * The MDX components of a lesson's /present page: the lesson's own, with `<Notes>`
 * kept (hidden) for the presenter view, the quiz in room mode, calculators showing
 * their QR code, and the Deck as the wrapper that splits the lesson into slides.
 */
export function presentComponents(lesson: DeckLesson): MDXComponents {
  return {
    ...lessonComponents,
    Slide,
    Notes: PresentNotes,
    Quiz: RoomQuiz,
    // The memory calculator's fields are shared between the deck's windows (presenter, audience, remote).
    MemoryCalculator: (p: Record<string, unknown>) => <MemoryCalculator {...p} shareQr sharedKey="memory-calculator" />,
    SpeedCalculator: (p: Record<string, unknown>) => <SpeedCalculator {...p} shareQr />,
    RoundingDemo: (p: Record<string, unknown>) => <RoundingDemo {...p} shareQr />,
    wrapper: ({ children }: { children?: React.ReactNode }) => (
      <Deck lesson={lesson} quizType={RoomQuiz}>
        {children}
      </Deck>
    ),
  };
}
