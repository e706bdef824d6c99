/**
 * Markdown → HTML for question text, at build time only (the client receives the
 * HTML). CommonMark via micromark, `$…$` / `$$…$$` math via micromark-extension-math,
 * which renders with `katex.renderToString`; `throwOnError: true` so a typo in
 * math fails the build instead of showing red text. Raw HTML in the markdown is
 * escaped (micromark's default), so question text cannot inject markup.
 *
 * Not exported to the client bundle: import it from `content/build/markdown`
 * (it pulls in KaTeX, ~270 kB).
 */
import { micromark } from 'micromark';
import { math, mathHtml } from 'micromark-extension-math';
import { focusableDisplayMath } from '@/components/ui/model/scrollRegion';

const OPTIONS = {
  extensions: [math()],
  htmlExtensions: [mathHtml({ throwOnError: true, output: 'htmlAndMathml' as const })],
};

/**
 * Renders block markdown (paragraphs, lists, code, math) to HTML.
 * @throws Error with KaTeX's message when a formula does not parse.
 * @example renderMarkdown('2 × 80') // '<p>2 × 80</p>'
 */
export function renderMarkdown(md: string): string {
  // Display formulas scroll sideways on a phone: focusable, with a role and a label (components/ui/model/scrollRegion).
  return focusableDisplayMath(micromark(md, OPTIONS).trim());
}

/**
 * Renders one paragraph of inline markdown (an option's text) without the
 * wrapping `<p>`.
 * @throws Error if the text is not a single paragraph (a list, heading, code block
 *   or several paragraphs), or when a formula does not parse.
 * @example renderInlineMarkdown('**327,680** bytes') // '<strong>327,680</strong> bytes'
 */
export function renderInlineMarkdown(md: string): string {
  const html = renderMarkdown(md);
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  if (!m || m[1] === undefined || m[1].includes('<p>')) {
    throw new Error('must be one paragraph of inline markdown (no lists, headings, code blocks or blank lines)');
  }
  return m[1];
}
