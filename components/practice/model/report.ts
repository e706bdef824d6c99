/**
 * "Report a problem with this question": the text a learner copies or downloads and
 * pastes into an issue of the project's GitHub repository. The site has no server, so
 * nothing is sent; this module only builds the report. Pure: no DOM, no clipboard.
 */
import { hashString } from '@/lib/practice/shuffle';
import type { Question } from '@/lib/practice/types';

/** What the learner had entered when they opened the report. Indices are in written (bank file) order. */
export type ReportedAnswer =
  | { kind: 'none' }
  | { kind: 'choice'; selected: readonly number[] }
  | { kind: 'numeric'; text: string }
  | { kind: 'ordering'; order: readonly number[] }
  | { kind: 'open'; text: string; ticked: readonly boolean[] };

/** The outcome shown on the card when the report was made. */
export type ReportedOutcome = 'right' | 'wrong' | 'not checked';

export interface ProblemReportInput {
  question: Question;
  answer: ReportedAnswer;
  outcome: ReportedOutcome;
  /** The learner's description of the problem (free text; may be empty). */
  note: string;
  /** Where the card was shown, e.g. "/practice?q=mem-70b-fp8-size" (optional). */
  page?: string;
}

export interface ProblemReport {
  /** A one-line issue title. */
  title: string;
  /** Markdown: the title as a heading, then the details. */
  body: string;
  /** A safe file name for the download, e.g. "question-report-mem-70b-fp8-size-1a2b3c4d.md". */
  fileName: string;
}

/** Longest note kept in a report; longer text is cut (with a marker) so a paste stays a reasonable issue. */
export const REPORT_NOTE_MAX_CHARS = 4000;
/** Longest learner answer or quoted text kept in a report. */
export const REPORT_TEXT_MAX_CHARS = 600;
/** What a generated (parametric) question reports instead of a bank version. */
export const GENERATED_BANK_VERSION = 'generated';

/**
 * A short, stable version string for the bank: the 32-bit `hashString` (FNV-1a +
 * fmix32) of every file's name and text, in the order given, as 8 hex digits. The
 * same files give the same string on every machine; any edit changes it (up to the
 * 1-in-2³² chance of a collision, which is fine for telling versions apart).
 *
 * @example bankVersionOf([{ fileName: 'content/questions/memory.md', text: '## q…' }]) // e.g. '9f3c01a2'
 */
export function bankVersionOf(files: ReadonlyArray<{ fileName: string; text: string }>): string {
  const joined = files.map((f) => `${f.fileName}\u0000${f.text}\u0000`).join('');
  return hashString(joined).toString(16).padStart(8, '0');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{1,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Splits HTML into tags and text runs in one pass (a `<` with no `>` after it starts text). */
function* tokens(html: string): Generator<{ tag: boolean; text: string }> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      yield { tag: false, text: html.slice(i) };
      return;
    }
    if (lt > i) yield { tag: false, text: html.slice(i, lt) };
    const gt = html.indexOf('>', lt);
    if (gt < 0) {
      yield { tag: false, text: html.slice(lt) };
      return;
    }
    yield { tag: true, text: html.slice(lt, gt + 1) };
    i = gt + 1;
  }
}

/**
 * The plain text of rendered question HTML, for a report: tags dropped, entities
 * decoded, whitespace collapsed, and KaTeX math written back as its TeX source between
 * `$…$` (its visual copy, marked `aria-hidden`, is skipped). One linear pass over the
 * string's tags.
 *
 * @example htmlToPlainText('<p>x &amp; <strong>y</strong></p>') // 'x & y'
 */
export function htmlToPlainText(html: string): string {
  let out = '';
  let hiddenDepth = 0; // > 0 inside an aria-hidden element
  let inMath = false;
  let inAnnotation = false;
  for (const { tag, text: token } of tokens(html)) {
    if (!tag) {
      if (hiddenDepth > 0) continue;
      if (inMath) {
        if (inAnnotation) out += `$${decodeEntities(token)}$`;
        continue;
      }
      out += decodeEntities(token);
      continue;
    }
    const closing = token[1] === '/';
    const selfClosing = token.endsWith('/>') || /^<(br|hr|img|input|wbr)\b/i.test(token);
    const name = /^<\/?\s*([a-z0-9-]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
    if (hiddenDepth > 0) {
      if (closing) hiddenDepth--;
      else if (!selfClosing) hiddenDepth++;
      continue;
    }
    if (!closing && !selfClosing && /\baria-hidden="true"/.test(token)) {
      hiddenDepth = 1;
      continue;
    }
    if (name === 'math') inMath = !closing;
    else if (name === 'annotation') inAnnotation = !closing;
    else if (!inMath && (name === 'p' || name === 'li' || name === 'br' || name === 'div') && (closing || selfClosing))
      out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… [cut at ${max} characters]` : text;
}

function optionsOf(q: Question): readonly { text: { html: string } }[] {
  return q.type === 'single' || q.type === 'multiple' || q.type === 'flaw' ? q.options : [];
}

/** The learner's answer in words, one line per part, quoting the options' text. */
export function describeAnswer(q: Question, answer: ReportedAnswer): string[] {
  switch (answer.kind) {
    case 'none':
      return ['(nothing entered)'];
    case 'choice': {
      if (answer.selected.length === 0) return ['(nothing selected)'];
      const what = q.type === 'flaw' ? 'Step' : 'Option';
      return [...answer.selected]
        .sort((a, b) => a - b)
        .map((i) => {
          const o = optionsOf(q)[i];
          return `${what} ${i + 1} (written order): ${o ? cut(htmlToPlainText(o.text.html), REPORT_TEXT_MAX_CHARS) : '(unknown option)'}`;
        });
    }
    case 'numeric':
      return [
        answer.text.trim() === ''
          ? '(empty)'
          : `\`${cut(answer.text.trim(), REPORT_TEXT_MAX_CHARS).replace(/`/g, "'")}\``,
      ];
    case 'ordering': {
      if (q.type !== 'ordering') return ['(an order, for a question that has none)'];
      return answer.order.map((item, pos) => {
        const text = q.items[item];
        return `${pos + 1}. ${text ? cut(htmlToPlainText(text.html), REPORT_TEXT_MAX_CHARS) : '(unknown item)'} (item ${item + 1} of the correct order)`;
      });
    }
    case 'open': {
      const ticked = answer.ticked.flatMap((t, i) => (t ? [i + 1] : []));
      const total = q.type === 'open' ? q.rubric.length : answer.ticked.length;
      return [
        answer.text.trim() === '' ? '(no written answer)' : cut(answer.text.trim(), REPORT_TEXT_MAX_CHARS),
        `Rubric points ticked: ${ticked.length} of ${total}${ticked.length > 0 ? ` (${ticked.join(', ')})` : ''}`,
      ];
    }
  }
}

/**
 * The report for one question: id, bank version (`question.bankVersion`, or
 * "generated" for a parametric question), type, topic and level, where it was shown,
 * the learner's answer and outcome, the prompt as plain text, and the learner's note.
 * The note is cut at {@link REPORT_NOTE_MAX_CHARS}.
 *
 * @example buildProblemReport({ question, answer: { kind: 'choice', selected: [1] }, outcome: 'wrong', note: 'Option 2 is also right' }).title
 * // 'Question mem-70b-fp8-size: problem report'
 */
export function buildProblemReport({ question: q, answer, outcome, note, page }: ProblemReportInput): ProblemReport {
  const version = q.bankVersion ?? GENERATED_BANK_VERSION;
  const title = `Question ${q.id}: problem report`;
  const trimmedNote = note.trim();
  const lines = [
    `## ${title}`,
    '',
    `- Question id: \`${q.id}\``,
    `- Bank version: \`${version}\``,
    `- Type, topic, level: ${q.type}, ${q.factor}, ${q.level}`,
    ...(page ? [`- Shown at: ${page}`] : []),
    `- Result shown: ${outcome}`,
    '',
    '### What is wrong',
    '',
    trimmedNote === '' ? '(not described)' : cut(trimmedNote, REPORT_NOTE_MAX_CHARS),
    '',
    "### The learner's answer",
    '',
    ...describeAnswer(q, answer).map((l) => (/^\d+\. /.test(l) ? l : `- ${l}`)),
    '',
    '### The question',
    '',
    `> ${cut(htmlToPlainText(q.prompt.html), REPORT_TEXT_MAX_CHARS)}`,
    '',
  ];
  const safeId = q.id.replace(/[^a-z0-9-]+/gi, '-').slice(0, 80);
  return { title, body: lines.join('\n'), fileName: `question-report-${safeId}-${version}.md` };
}
