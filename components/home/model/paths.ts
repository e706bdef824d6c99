import type { LessonMeta } from '@/content/schema';

/** One step of a study path: a page and the minutes it takes. */
export interface PathStep {
  href: string;
  title: string;
  /** A lesson's own `minutes`; for other pages the time this path sets aside for them. */
  minutes: number;
  /** What to do there, in a few words. */
  note: string;
}

/** An ordered way through the site for a candidate with a fixed amount of time. */
export interface StudyPath {
  id: 'fifteen-minutes' | 'one-hour' | 'everything';
  title: string;
  /** The time box in minutes; null for "everything". */
  budgetMinutes: number | null;
  steps: PathStep[];
}

/** Minutes set aside for the home page's two-minute answer (it is written to be read in two). */
const ANSWER_MINUTES = 2;

/**
 * The "start here" paths of the home page, from the lessons' metadata (title, minutes): 15 minutes (the answer and
 * the decision lesson), 1 hour (the answer, memory, speed and decision lessons, then a short practice round) and
 * everything (every lesson in order, then the tools, practice, the mock interview and the reference pages).
 * Each time-boxed path's minutes add up to at most its budget; a test checks it against the real lessons.
 *
 * @throws Error naming the slug when a lesson a path needs is missing.
 */
export function studyPaths(lessons: ReadonlyArray<{ slug: string; meta: LessonMeta }>): StudyPath[] {
  const lesson = (slug: string, note: string): PathStep => {
    const l = lessons.find((x) => x.slug === slug);
    if (!l) throw new Error(`studyPaths: no lesson "${slug}" in content/lessons`);
    return { href: `/lessons/${slug}`, title: l.meta.title, minutes: l.meta.minutes, note };
  };
  const answer: PathStep = {
    href: '#answer',
    title: 'The two-minute answer',
    minutes: ANSWER_MINUTES,
    note: 'the answer and its numbers, on this page',
  };
  const ordered = [...lessons].sort((a, b) => a.meta.order - b.meta.order);
  return [
    {
      id: 'fifteen-minutes',
      title: '15 minutes',
      budgetMinutes: 15,
      steps: [answer, lesson('decision', 'when 8-bit wins, when 4-bit wins, and a spoken answer to practise')],
    },
    {
      id: 'one-hour',
      title: '1 hour',
      budgetMinutes: 60,
      steps: [
        answer,
        lesson('memory', 'what the weights, KV cache and overhead take'),
        lesson('speed', 'why decode is memory-bound and when 8-bit tensor cores take over'),
        lesson('decision', 'put it together, with FP8'),
        { href: '/practice', title: 'Practice', minutes: 10, note: 'a short round of questions' },
      ],
    },
    {
      id: 'everything',
      title: 'Everything',
      budgetMinutes: null,
      steps: [
        ...ordered.map((l) => lesson(l.slug, l.meta.summary)),
        { href: '/tools', title: 'Calculators', minutes: 20, note: 'try your own GPU, context and batch' },
        { href: '/practice', title: 'Practice', minutes: 30, note: 'the whole bank, with spaced repetition' },
        { href: '/interview', title: 'Mock interview', minutes: 30, note: 'the question against the clock' },
        { href: '/cheatsheet', title: 'Cheat sheet', minutes: 5, note: 'one printable page to revise from' },
      ],
    },
  ];
}

/** Total minutes of a path's steps. */
export function pathMinutes(path: StudyPath): number {
  return path.steps.reduce((sum, s) => sum + s.minutes, 0);
}
