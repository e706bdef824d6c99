/**
 * Display math that scrolls sideways on a phone must be reachable by keyboard (WCAG 2.1.1; axe rule
 * scrollable-region-focusable) and named for screen readers. KaTeX renders a display formula's outer element as
 * `<span class="katex-display">` (katex/src/buildTree.js); the lessons' MDX pipeline marks it with
 * scripts/rehype-scroll-regions.mjs, and HTML that KaTeX renders to a string (the cheat sheet's formulas, question
 * text) goes through {@link focusableDisplayMath}. The focus ring and scroll cue are CSS (app/globals.css).
 */

/** The accessible name of each display formula (its MathML, read by screen readers, follows inside). */
export const EQUATION_LABEL = 'Equation';

const DISPLAY_OPEN = '<span class="katex-display">';

/**
 * `html` with every KaTeX display element given tabindex 0, role "group" and the label {@link EQUATION_LABEL}.
 * Inline math and everything else are left as they are.
 *
 * @example focusableDisplayMath('<span class="katex-display"><span class="katex">…')
 * // '<span class="katex-display" tabindex="0" role="group" aria-label="Equation"><span class="katex">…'
 */
export function focusableDisplayMath(html: string): string {
  return html
    .split(DISPLAY_OPEN)
    .join(`<span class="katex-display" tabindex="0" role="group" aria-label="${EQUATION_LABEL}">`);
}
