/**
 * The bank's question text is HTML rendered at build time (micromark + KaTeX with
 * `output: 'htmlAndMathml'`, see content/build/markdown.ts). Exports need it in other
 * forms: Anki fields (HTML, with formulas as MathJax source, since Anki has no KaTeX
 * stylesheet) and Markdown (plain text, formulas as `$…$`). Pure string functions,
 * linear in the input (every loop moves forward; no nested quantifiers), no DOM.
 */

/** What a formula becomes: `tex` is KaTeX's TeX annotation, still HTML-escaped (`&lt;`). */
export type MathRenderer = (texHtmlEscaped: string, display: boolean) => string;

const MATH_OPEN = /<span class="katex(-display)?">/g;
const SPAN_TAG = /<(\/?)span\b[^<>]*>/g;
const ANNOTATION_OPEN = '<annotation encoding="application/x-tex">';

/**
 * Replaces every KaTeX formula (`<span class="katex">…</span>`, or the
 * `katex-display` wrapper around one) by `render(tex, display)`. The TeX comes from
 * the `<annotation encoding="application/x-tex">` KaTeX writes into its MathML; a
 * formula without one (or with unbalanced spans) is left as it is.
 *
 * @example replaceMath('<span class="katex">…<annotation encoding="application/x-tex">x^2</annotation>…</span>', (t) => `$${t}$`) // '$x^2$'
 */
export function replaceMath(html: string, render: MathRenderer): string {
  let out = '';
  let from = 0;
  MATH_OPEN.lastIndex = 0;
  for (let m = MATH_OPEN.exec(html); m; m = MATH_OPEN.exec(html)) {
    const start = m.index;
    // Find the matching </span> by depth, scanning forward once.
    SPAN_TAG.lastIndex = start;
    let depth = 0;
    let end = -1;
    for (let t = SPAN_TAG.exec(html); t; t = SPAN_TAG.exec(html)) {
      depth += t[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end < 0) break;
    const inner = html.slice(start, end);
    const a = inner.indexOf(ANNOTATION_OPEN);
    const b = a < 0 ? -1 : inner.indexOf('</annotation>', a);
    if (a >= 0 && b >= 0) {
      out += html.slice(from, start) + render(inner.slice(a + ANNOTATION_OPEN.length, b), m[1] === '-display');
      from = end;
    }
    MATH_OPEN.lastIndex = end;
  }
  return out + html.slice(from);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Decodes the HTML character references the renderer writes (named ones above,
 * decimal and hex). Unknown names are kept as written.
 * @example decodeEntities('2 &lt; 3 &amp;&#x20;4') // '2 < 3 & 4'
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z0-9]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * HTML for an Anki field ("Allow HTML in fields" on): formulas become MathJax source,
 * `\(…\)` inline and `\[…\]` display, which Anki typesets itself (Anki manual, "Math
 * and Symbols": Anki uses `\(` `\)` for inline and `\[` `\]` for display equations;
 * ankitects/anki-manual src/math.md). Links to this site's own pages (`href="/…"`)
 * get `origin` in front, so they still work from inside Anki.
 *
 * @example htmlForAnki('<p>KV <span class="katex">…x^2…</span></p>', 'https://example.org') // '<p>KV \\(x^2\\)</p>'
 */
export function htmlForAnki(html: string, origin: string): string {
  const withMath = replaceMath(html, (tex, display) => (display ? `\\[${tex}\\]` : `\\(${tex}\\)`));
  return withMath.replace(/href="\/(?!\/)/g, `href="${origin.replace(/\/+$/, '')}/`);
}

/**
 * Plain text (Markdown-friendly) from rendered HTML: formulas as `$tex$` / `$$tex$$`,
 * list items as `- `, paragraphs and line breaks as new lines, other tags dropped,
 * character references decoded, runs of blank lines collapsed.
 *
 * @example htmlToText('<p>a &amp; b</p><ul><li>x</li><li>y</li></ul>') // 'a & b\n\n- x\n- y'
 */
export function htmlToText(html: string): string {
  const withMath = replaceMath(html, (tex, display) => (display ? `\n$$${tex}$$\n` : `$${tex}$`));
  const text = withMath
    .replace(/>\s*\n\s*</g, '><')
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|ul|ol|pre|h[1-6]|blockquote|table|tr)>/gi, '\n\n')
    .replace(/<[^<>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
