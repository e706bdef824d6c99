import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { EQUATION_LABEL, focusableDisplayMath } from './scrollRegion';

describe('focusableDisplayMath', () => {
  it("marks KaTeX's own display output (katex.renderToString, displayMode) and leaves inline math alone", () => {
    const display = katex.renderToString('x^2', { displayMode: true, output: 'htmlAndMathml' });
    const inline = katex.renderToString('x^2', { output: 'htmlAndMathml' });
    expect(focusableDisplayMath(display)).toMatch(
      new RegExp(`^<span class="katex-display" tabindex="0" role="group" aria-label="${EQUATION_LABEL}">`),
    );
    expect(focusableDisplayMath(inline)).toBe(inline);
  });
  it('marks every display block, once each', () => {
    const one = katex.renderToString('a', { displayMode: true });
    const twice = focusableDisplayMath(one + one);
    expect(twice.match(/tabindex="0"/g)).toHaveLength(2);
    expect(focusableDisplayMath(twice)).toBe(twice);
  });
});
