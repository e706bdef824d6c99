import type { ReactNode } from 'react';

/**
 * `<Slide />` or `<Slide title="…" />` in a lesson's MDX: start a new slide here on the
 * lesson's /present page (see components/present/model/slides.ts for all the rules). On the lesson
 * page it renders nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function Slide(props: { title?: string }): ReactNode {
  return null;
}

/**
 * `<Notes>…</Notes>` in a lesson's MDX: speaker notes for the slide they are in, shown in
 * the presenter view of /present pages. On the lesson page they render nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function Notes(props: { children?: ReactNode }): ReactNode {
  return null;
}

/** `<Notes>` on /present pages: a hidden aside inside its slide, which the presenter view reads. */
export function PresentNotes({ children }: { children?: ReactNode }) {
  return (
    <aside data-notes hidden>
      {children}
    </aside>
  );
}
