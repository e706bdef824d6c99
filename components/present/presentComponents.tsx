import type { ComponentProps, ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import { lessonComponents } from '../mdx/registry';
import { Deck, type DeckLesson } from './Deck';
import { PresentNotes, Slide } from './markers';

// Whatever the registry maps `Quiz` to (the lesson quiz; soon the bank-driven one).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const LessonQuiz = lessonComponents.Quiz as ComponentType<any>;

/**
 * The lesson quiz in "ask the room" mode: options first, a Reveal control shows the
 * answer and the explanations.
 *
 * TODO(quiz): the bank-driven `<Quiz ids="…" />` being written now takes
 * `mode: 'check' | 'room'`. Until it lands, the current Quiz ignores `mode` and the
 * slide shows the usual "Check answer" flow (e2e/present.spec.ts marks the reveal test fixme).
 */
export function RoomQuiz(props: ComponentProps<typeof LessonQuiz>) {
  return <LessonQuiz {...props} mode="room" />;
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
    MemoryCalculator: (p: Record<string, unknown>) => <MemoryCalculator {...p} shareQr />,
    SpeedCalculator: (p: Record<string, unknown>) => <SpeedCalculator {...p} shareQr />,
    RoundingDemo: (p: Record<string, unknown>) => <RoundingDemo {...p} shareQr />,
    wrapper: ({ children }: { children?: React.ReactNode }) => (
      <Deck lesson={lesson} quizType={RoomQuiz}>
        {children}
      </Deck>
    ),
  };
}
