import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders paragraphs and KaTeX math ($…$ inline, $$…$$ display)', () => {
    expect(renderMarkdown('a\n\nb')).toBe('<p>a</p>\n<p>b</p>');
    const html = renderMarkdown('KV = $2 \\times L$');
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<annotation encoding="application/x-tex">2 \\times L</annotation>');
    expect(renderMarkdown('$$\n\\frac{a}{b}\n$$')).toContain('math-display');
  });

  it('escapes raw HTML', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).not.toContain('<img');
  });

  it('keeps an escaped dollar as text', () => {
    expect(renderMarkdown('costs \\$2 and \\$3')).toBe('<p>costs $2 and $3</p>');
  });

  it('throws on bad math', () => {
    expect(() => renderMarkdown('$\\frac{1$')).toThrow(/KaTeX parse error/);
  });
});

describe('renderInlineMarkdown', () => {
  it('drops the paragraph wrapper', () => {
    expect(renderInlineMarkdown('**327,680** bytes')).toBe('<strong>327,680</strong> bytes');
  });
  it('rejects block content', () => {
    expect(() => renderInlineMarkdown('a\n\nb')).toThrow('must be one paragraph of inline markdown');
    expect(() => renderInlineMarkdown('- a list')).toThrow('must be one paragraph');
  });
});

describe('renderMarkdown: display math is a keyboard-reachable region', () => {
  it('a $$ block gets tabindex 0, a role and a label; inline $…$ does not', () => {
    const html = renderMarkdown('Inline $x$.\n\n$$\nW = P\\,b / 8\n$$');
    expect(html).toContain('<span class="katex-display" tabindex="0" role="group" aria-label="Equation">');
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });
});
