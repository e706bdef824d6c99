import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '@/content/build/markdown';
import { loadQuestionBank } from '@/content/questions';
import { compactQuestion } from '@/lib/practice/compact';
import type { Question } from '@/lib/practice/types';
import { ANKI_HEADER_LINES, ankiDeck, ankiField, ankiNote, ANKI_SITE_TAG, oneLine } from './anki';
import { decodeEntities, htmlForAnki, htmlToText, replaceMath } from './htmlText';

const ORIGIN = 'https://example.org';

/**
 * Splits an export back into records the way Anki's manual describes (tab-separated,
 * `"…"` quoting with `""` for a quote, `#` lines are comments): the inverse the
 * escaping must satisfy.
 */
function parseAnki(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atLineStart = true;
  while (i < text.length) {
    if (atLineStart && text[i] === '#') {
      i = text.indexOf('\n', i) + 1 || text.length;
      continue;
    }
    atLineStart = false;
    if (field === '' && text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else field += text[i++];
      }
      continue;
    }
    const c = text[i++];
    if (c === '\t') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atLineStart = true;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('ankiField: quoting as the Anki manual ("Text Files") describes', () => {
  it('leaves plain text alone and quotes tabs, quotes, new lines and a leading #', () => {
    expect(ankiField('plain <b>html</b>')).toBe('plain <b>html</b>');
    expect(ankiField('say "hi"')).toBe('"say ""hi"""');
    expect(ankiField('a\tb')).toBe('"a\tb"');
    expect(ankiField('two\nlines')).toBe('"two\nlines"');
    expect(ankiField('#not a comment')).toBe('"#not a comment"');
  });

  it('property: any three fields survive a round trip through the file format', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { maxLength: 5 }), (rows) => {
        const text = `${[...ANKI_HEADER_LINES, ...rows.map((r) => r.map(ankiField).join('\t'))].join('\n')}\n`;
        // A record of three empty fields is a blank line, which Anki skips too.
        const expected = rows.filter((r) => r.some((f) => f !== ''));
        expect(parseAnki(text).filter((r) => r.some((f) => f !== ''))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formulas: KaTeX HTML to MathJax (Anki) and $…$ (text)', () => {
  // Rendered by the site's own build-time renderer, so the test follows KaTeX's real output.
  const html = renderMarkdown('KV bytes $2 \\times L < 3$ & "q"');

  it('replaceMath finds the TeX annotation and drops KaTeX’s HTML', () => {
    expect(html).toContain('class="katex"');
    const out = replaceMath(html, (tex) => `[${tex}]`);
    expect(out).toBe('<p>KV bytes <span class="math math-inline">[2 \\times L &lt; 3]</span> &amp; &quot;q&quot;</p>');
  });

  it('htmlForAnki writes \\(…\\) and makes site links absolute', () => {
    expect(htmlForAnki(html, ORIGIN)).toContain('\\(2 \\times L &lt; 3\\)');
    expect(htmlForAnki('<a href="/sources#x">s</a> <a href="https://a.b/">e</a>', `${ORIGIN}/`)).toBe(
      '<a href="https://example.org/sources#x">s</a> <a href="https://a.b/">e</a>',
    );
  });

  it('htmlToText gives Markdown-friendly text with decoded entities', () => {
    expect(htmlToText(html)).toBe('KV bytes $2 \\times L < 3$ & "q"');
    expect(htmlToText(renderMarkdown('First.\n\n- one\n- two'))).toBe('First.\n\n- one\n- two');
    expect(decodeEntities('&#x41;&#66;&nbsp;&unknown;')).toBe('AB &unknown;');
  });

  it('an unbalanced KaTeX span is left as written; long adversarial input stays fast', () => {
    expect(replaceMath('<span class="katex"><span>', () => 'X')).toBe('<span class="katex"><span>');
    // Each input is about 60,000 characters built to make a backtracking pattern quadratic
    // (openings with no closing '>', long runs of spaces); a linear pass takes a few milliseconds.
    const cases = [
      '<span class="katex">'.repeat(1_000) + '<span '.repeat(8_000),
      '<li '.repeat(15_000),
      '<p>' + 'a  \n '.repeat(12_000) + '</p>',
      '<'.repeat(60_000),
    ];
    for (const evil of cases) {
      const t0 = performance.now();
      replaceMath(evil, () => 'X');
      htmlToText(evil);
      htmlForAnki(evil, ORIGIN);
      expect(performance.now() - t0, evil.slice(0, 20)).toBeLessThan(150);
    }
  });
});

describe('oneLine', () => {
  it('turns line breaks into spaces, and into <br> inside <pre>', () => {
    expect(oneLine('<p>a\nb</p>\n<pre><code>x\r\ny</code></pre>\n<p>c</p>')).toBe(
      '<p>a b</p> <pre><code>x<br>y</code></pre> <p>c</p>',
    );
    expect(oneLine('<pre>open\nended')).toBe('<pre>open<br>ended');
  });
});

describe('ankiNote / ankiDeck on the real bank', () => {
  const bank = loadQuestionBank().map(compactQuestion);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const q = (id: string): Question => {
    const found = byId.get(id);
    if (!found) throw new Error(`no question ${id}`);
    return found;
  };

  it('single choice: options lettered in written order on the front; the right one, explained, on the back', () => {
    const n = ankiNote(q('mem-70b-fp8-size'), ORIGIN);
    expect(n.front).toContain('<ol type="A"><li>70 GB</li><li>72.66 GB (67.67 GiB)</li>');
    // content/questions/memory.md: option 2 ("[x] 72.66 GB (67.67 GiB)") is the right one.
    expect(n.back).toContain('<b>Answer:</b>');
    expect(n.back).toContain('B. 72.66 GB (67.67 GiB) — <p>68,451,041,280 × 1 B');
    expect(n.back).not.toContain('A. 70 GB');
    expect(n.tags.split(' ')).toEqual(expect.arrayContaining([ANKI_SITE_TAG, 'memory', 'junior', 'single', 'fp8']));
  });

  it('every question of the bank makes a note with a non-empty front and back, and no KaTeX HTML', () => {
    for (const question of bank) {
      const n = ankiNote(question, ORIGIN);
      expect(n.front.length, question.id).toBeGreaterThan(0);
      expect(n.back.length, question.id).toBeGreaterThan(0);
      expect(n.front + n.back, question.id).not.toContain('katex-html');
      expect(n.tags, question.id).not.toMatch(/\s{2}|^\s|\s$/);
    }
  });

  it('the deck: the header lines, then one record per question that reads back to the notes', () => {
    const picked = [q('mem-70b-fp8-size'), q('mem-format-bits-order')];
    const text = ankiDeck(picked, ORIGIN, ['mistake']);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:true',
      '#columns:Front\tBack\tTags',
      '#tags column:3',
    ]);
    const rows = parseAnki(text);
    expect(rows).toHaveLength(2);
    // One record per line: 4 header lines + 2 records (the explanations' soft line breaks became spaces).
    expect(text.trimEnd().split('\n')).toHaveLength(6);
    const n = ankiNote(picked[1]!, ORIGIN, ['mistake']);
    expect(rows[1]).toEqual([oneLine(n.front), oneLine(n.back), n.tags]);
    expect(rows[1]![2]).toContain('mistake');
  });

  it('ordering: the front lists the items alphabetically, the back in the right order', () => {
    const item = (md: string) => ({ md, html: renderInlineMarkdown(md) });
    const ordering: Question = {
      ...q('mem-format-bits-order'),
      type: 'ordering',
      items: [item('FP32'), item('BF16'), item('INT4')],
    } as Question;
    const n = ankiNote(ordering, ORIGIN);
    expect(n.front).toContain('<ul><li>BF16</li><li>FP32</li><li>INT4</li></ul>');
    expect(n.back).toContain('<ol><li>FP32</li><li>BF16</li><li>INT4</li></ol>');
  });
});
