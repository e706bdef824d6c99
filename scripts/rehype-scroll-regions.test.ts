import fs from 'node:fs';
import path from 'node:path';
import * as runtime from 'react/jsx-runtime';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { evaluate } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the build (next.config.mjs loads it), without type declarations
import rehypeScrollRegions, { markScrollRegions } from './rehype-scroll-regions.mjs';

/** A lesson snippet through the lessons' own MDX pipeline (next.config.mjs), rendered to HTML. */
async function render(mdx: string, withPlugin = true): Promise<string> {
  const { default: Content } = await evaluate(mdx, {
    ...runtime,
    remarkPlugins: [remarkMath],
    rehypePlugins: [
      [rehypeKatex, { strict: true, throwOnError: true, output: 'htmlAndMathml' }],
      ...(withPlugin ? [rehypeScrollRegions] : []),
    ],
  });
  return renderToStaticMarkup(createElement(Content));
}

describe('rehype-scroll-regions', () => {
  it('display math becomes focusable, with a role and a label; inline math does not', async () => {
    const html = await render('Inline $a+b$ and\n\n$$\nW = \\frac{P\\,b}{8}\n$$\n');
    const display = /<span ([^>]*class="katex-display"[^>]*)>/.exec(html)?.[1] ?? '';
    expect(display).toContain('tabindex="0"');
    expect(display).toContain('role="group"');
    expect(display).toContain('aria-label="Equation"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });

  it('without the plugin the same formula has no tab stop (the test can fail)', async () => {
    const html = await render('$$\nx^2\n$$\n', false);
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('tabindex');
  });

  it('keeps attributes already set and counts what it marked', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['katex-display'], ariaLabel: 'Mine' },
          children: [],
        },
        { type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [] },
      ],
    };
    expect(markScrollRegions(tree)).toBe(1);
    expect(tree.children[0]!.properties).toMatchObject({ tabIndex: 0, role: 'group', ariaLabel: 'Mine' });
    expect(tree.children[1]!.properties).toEqual({ className: ['katex'] });
  });

  it('next.config.mjs runs it after rehype-katex, by absolute path (the MDX loader resolves from each file’s folder)', () => {
    const config = fs.readFileSync(path.resolve(__dirname, '../next.config.mjs'), 'utf8');
    const katexAt = config.indexOf("'rehype-katex'");
    const pluginAt = config.indexOf("'scripts/rehype-scroll-regions.mjs'");
    expect(katexAt).toBeGreaterThan(0);
    expect(pluginAt).toBeGreaterThan(katexAt);
    expect(config).toMatch(
      /path\.join\(path\.dirname\(fileURLToPath\(import\.meta\.url\)\), 'scripts\/rehype-scroll-regions\.mjs'\)/,
    );
  });
});
