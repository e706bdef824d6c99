/**
 * Export of the question bank (or one's mistakes) as a text file Anki imports: one
 * note per question with the fields Front, Back and Tags, tab-separated, HTML
 * allowed. Pure: the page passes the questions and downloads the text.
 *
 * Format (Anki manual, "Text Files", ankitects/anki-manual src/importing/text-files.md):
 * - A field holding the separator, a double quote or a new line is put in double
 *   quotes, and a quote inside it is doubled (`"say ""hi"""`).
 * - Lines starting with `#` are comments; Anki 2.1.54+ reads `#key:value` header
 *   lines at the top (`#separator:tab`, `#html:true`, `#columns:…`, `#tags column:3`),
 *   which older versions ignore, so the import dialog is preset where it can be.
 * - With "Allow HTML in fields", text is HTML: `<`, `>` and `&` in plain text must be
 *   written `&lt;`, `&gt;`, `&amp;` (the bank's rendered HTML already is).
 */
import type { Question } from '@/lib/practice/types';
import { htmlForAnki } from './htmlText';

/** The three columns, in order; a "Basic" note type's fields are Front and Back. */
export const ANKI_COLUMNS = ['Front', 'Back', 'Tags'] as const;

/** The header lines of every export (Anki 2.1.54+ presets its import dialog from them). */
export const ANKI_HEADER_LINES = [
  '#separator:tab',
  '#html:true',
  `#columns:${ANKI_COLUMNS.join('\t')}`,
  '#tags column:3',
];

/**
 * What to choose in Anki's File → Import dialog (for versions that do not read the
 * header lines, and to check the preset): shown on /practice and in the README.
 */
export const ANKI_IMPORT_SETTINGS: ReadonlyArray<{ setting: string; value: string }> = [
  { setting: 'Field separator', value: 'Tab' },
  { setting: 'Allow HTML in fields', value: 'on (formulas are MathJax, which Anki typesets)' },
  { setting: 'Note type', value: 'Basic' },
  { setting: 'Field mapping', value: 'column 1 → Front, column 2 → Back, column 3 → Tags' },
  { setting: 'Existing notes', value: 'Update (a new export refreshes the cards, keeping their Anki schedule)' },
];

/** Every note is tagged with this, so the whole deck can be found (and removed) in Anki's browser. */
export const ANKI_SITE_TAG = 'quant-70b';

/**
 * One field, quoted when it must be: when it holds a tab, a double quote, a line
 * break, or starts with `#` (which would make a first field read as a comment).
 * @example ankiField('say "hi"') // '"say ""hi"""'
 * @example ankiField('plain') // 'plain'
 */
export function ankiField(value: string): string {
  return /[\t"\r\n]/.test(value) || value.startsWith('#') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A tag Anki accepts: no spaces (they separate tags); other characters kept. */
function tag(s: string): string {
  return s.trim().replace(/\s+/g, '_');
}

export interface AnkiNote {
  front: string;
  back: string;
  /** Space-separated tags. */
  tags: string;
}

const letter = (i: number) => String.fromCharCode(65 + i);

function list(items: readonly string[], ordered: boolean, letters = false): string {
  const tagName = ordered ? 'ol' : 'ul';
  const type = letters ? ' type="A"' : '';
  return `<${tagName}${type}>${items.map((h) => `<li>${h}</li>`).join('')}</${tagName}>`;
}

/**
 * The note for one question. Choice options and flaw steps are listed in written order
 * with letters; ordering items are listed alphabetically on the front (their written
 * order is the answer) and in order on the back; the back has the answer, the worked
 * explanation, and for open questions the model answer and the rubric.
 *
 * @param origin the site's origin (for links to its own pages, e.g. sources).
 * @param extraTags added to the question's own tags (e.g. `mistake`).
 */
export function ankiNote(q: Question, origin: string, extraTags: readonly string[] = []): AnkiNote {
  const h = (html: string) => htmlForAnki(html, origin);
  let front = h(q.prompt.html);
  const back: string[] = [];
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'flaw': {
      front += list(
        q.options.map((o) => h(o.text.html)),
        true,
        true,
      );
      const right = q.options.map((o, i) => ({ o, i })).filter(({ o }) => o.correct);
      const label = q.type === 'flaw' ? 'The flawed step' : right.length === 1 ? 'Answer' : 'Answers';
      back.push(
        `<p><b>${label}:</b></p>`,
        list(
          right.map(({ o, i }) => `${letter(i)}. ${h(o.text.html)} — ${h(o.explanation.html)}`),
          false,
        ),
      );
      break;
    }
    case 'numeric': {
      const tol =
        q.tolerance.kind === 'relative'
          ? `±${+(q.tolerance.fraction * 100).toPrecision(6)}%`
          : `±${q.tolerance.amount.value} ${q.tolerance.amount.unit}`;
      back.push(`<p><b>Answer:</b> ${q.answer.value} ${q.answer.unit} (${tol})</p>`);
      break;
    }
    case 'ordering': {
      const shown = q.items.map((it) => h(it.html)).sort((a, b) => a.localeCompare(b, 'en'));
      front += list(shown, false);
      back.push(
        '<p><b>In order:</b></p>',
        list(
          q.items.map((it) => h(it.html)),
          true,
        ),
      );
      break;
    }
    case 'open':
      back.push(
        '<p><b>Model answer:</b></p>',
        h(q.model.html),
        '<p><b>Rubric:</b></p>',
        list(
          q.rubric.map((r) => h(r.html)),
          false,
        ),
      );
      break;
  }
  if (q.explain) back.push(h(q.explain.html));
  back.push(`<p><small>Question ${q.id}</small></p>`);
  const tags = [ANKI_SITE_TAG, q.factor, q.level, q.type, ...q.tags, ...extraTags].map(tag).filter((t) => t !== '');
  return { front, back: back.join(''), tags: [...new Set(tags)].join(' ') };
}

/**
 * One line per field where HTML allows it: a line break is white space in HTML, so it
 * becomes a space, except inside `<pre>`, where it becomes `<br>`. Quoted multi-line
 * fields are valid too (the manual's first option), but one record per line survives
 * spreadsheet tools and Anki's cloze handling (the manual's caveat on escaped multi-lines).
 * @example oneLine('<p>a\nb</p>\n<pre>x\ny</pre>') // '<p>a b</p> <pre>x<br>y</pre>'
 */
export function oneLine(html: string): string {
  let out = '';
  let from = 0;
  for (let start = html.indexOf('<pre', from); start >= 0; start = html.indexOf('<pre', from)) {
    const close = html.indexOf('</pre>', start);
    const end = close < 0 ? html.length : close + '</pre>'.length;
    out += html.slice(from, start).replace(/\r?\n/g, ' ') + html.slice(start, end).replace(/\r?\n/g, '<br>');
    from = end;
  }
  return out + html.slice(from).replace(/\r?\n/g, ' ');
}

/**
 * The whole file: header lines, then one line (record) per note.
 * @example ankiDeck([q], 'https://example.org').split('\n')[0] // '#separator:tab'
 */
export function ankiDeck(questions: readonly Question[], origin: string, extraTags: readonly string[] = []): string {
  const rows = questions.map((q) => {
    const n = ankiNote(q, origin, extraTags);
    return [oneLine(n.front), oneLine(n.back), n.tags].map(ankiField).join('\t');
  });
  return `${[...ANKI_HEADER_LINES, ...rows].join('\n')}\n`;
}

/** File names: `quant-70b-anki-bank.txt`, `quant-70b-anki-mistakes-2025-03-01.txt`. */
export function ankiFileName(kind: 'bank' | 'mistakes', day?: string): string {
  return kind === 'bank' ? 'quant-70b-anki-bank.txt' : `quant-70b-anki-mistakes${day ? `-${day}` : ''}.txt`;
}
