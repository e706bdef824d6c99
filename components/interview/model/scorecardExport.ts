/**
 * The finished interview as a Markdown file: the total and the points per factor,
 * then each question with the learner's own notes beside the rubric they ticked and
 * the model answer. Pure: question text arrives as the bank's rendered HTML and is
 * turned into text with `htmlToText` (formulas as `$…$`).
 */
import type { Scorecard } from '@/lib/practice/interview';
import type { InterviewRun } from '@/lib/practice/interview-run';
import { FACTORS, type OpenQuestion } from '@/lib/practice/types';
import { htmlToText } from '@/components/practice/model/htmlText';
import { FACTOR_LABELS, formatClock, formatPercent } from './interviewView';

export interface ScorecardExportInput {
  run: InterviewRun;
  card: Scorecard;
  /** The questions on the page, by id. */
  questions: ReadonlyMap<string, OpenQuestion>;
  /** When the interview finished (ISO). */
  finishedAt: string;
  /** "Opening question" / "Follow-up 2 · Speed (serving)" for question `index`. */
  labelOf: (index: number, q: OpenQuestion | undefined) => string;
}

/**
 * The learner's text as a Markdown block quote: every line quoted; `<`, `&` and
 * Markdown's own markers at a line start are escaped so the notes read as written.
 * @example quoteNotes('a\n# b') // '> a\n> \\# b'
 */
export function quoteNotes(notes: string): string {
  return notes
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .split('\n')
    .map((line) => `> ${line.replace(/^(\s*)([#>*+-])/, '$1\\$2').replace(/^(\s*\d{1,9})\./, '$1\\.')}`.trimEnd())
    .join('\n');
}

/** `interview-scorecard-2025-03-01.md` (the UTC date of the finish, as the past-scorecards list shows it). */
export function scorecardFileName(finishedAt: string): string {
  return `interview-scorecard-${finishedAt.slice(0, 10)}.md`;
}

/**
 * The Markdown document.
 * @example scorecardMarkdown(input).split('\n')[0] // '# Mock interview scorecard, 2025-03-01'
 */
export function scorecardMarkdown({ run, card, questions, finishedAt, labelOf }: ScorecardExportInput): string {
  const out: string[] = [
    `# Mock interview scorecard, ${finishedAt.slice(0, 10)}`,
    '',
    `Total: ${card.total.made} of ${card.total.possible} rubric points (${formatPercent(card.total)}).`,
    '',
    '| Factor | Made | Possible | Share |',
    '|---|--:|--:|--:|',
    ...FACTORS.map((f) => {
      const s = card.byFactor[f];
      return `| ${FACTOR_LABELS[f]} | ${s.made} | ${s.possible} | ${s.possible === 0 ? 'not asked' : formatPercent(s)} |`;
    }),
  ];
  card.perQuestion.forEach((pq, k) => {
    const q = questions.get(pq.questionId);
    const item = run.session.items[k];
    const answer = run.answers[k];
    const used = formatClock(answer?.elapsedSeconds ?? 0);
    const time = run.timed ? `${used} of ${formatClock(item?.timeLimitSeconds ?? 0)}` : used;
    out.push(
      '',
      `## ${k + 1}. ${labelOf(k, q)}`,
      '',
      `Points: ${pq.made} of ${pq.possible}. Time: ${time}${run.timed && pq.overtime ? ' (over time)' : ''}.`,
      '',
      '### Question',
      '',
      q ? htmlToText(q.prompt.html) : `(question ${pq.questionId} is no longer in the bank)`,
      '',
      '### My notes',
      '',
      answer?.notes ? quoteNotes(answer.notes) : '_No notes written._',
    );
    if (q) {
      out.push(
        '',
        '### Rubric',
        '',
        ...q.rubric.map((r, i) => `- [${answer?.ticked[i] ? 'x' : ' '}] ${htmlToText(r.html).replace(/\n+/g, ' ')}`),
        '',
        '### Model answer',
        '',
        htmlToText(q.model.html),
      );
    }
  });
  return `${out.join('\n')}\n`;
}
