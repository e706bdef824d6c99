import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { VllmLogCheck } from './VllmLogCheck';
import { VllmLogCheck as VllmLogCheckIsland } from '../islands/widgets';
import { ISLANDS } from '../islands/registry';

describe('VllmLogCheck (server HTML)', () => {
  it('renders a labelled textarea described by its hint, a Compare button and an empty result region', () => {
    const html = renderToStaticMarkup(createElement(VllmLogCheck, { followCalculatorUrl: true, headingLevel: 2 }));
    expect(html).toMatch(/<h2 id="[^"]+">Check my vLLM log<\/h2>/);
    const ta =
      /<label for="([^"]+)">vLLM start-up log<\/label><textarea id="([^"]+)"[^>]*aria-describedby="([^"]+)"/.exec(html);
    expect(ta?.[1]).toBe(ta?.[2]);
    expect(html).toContain(`id="${ta?.[3]}"`);
    expect(html).toContain('>Compare</button>');
    expect(html).toContain('role="status"');
    expect(html).toContain('the calculator above');
    expect(html).not.toContain('<table');
  });

  it('is registered as the "vllm-log-check" island', () => {
    const html = renderToStaticMarkup(createElement(VllmLogCheckIsland, {}));
    expect(html).toContain('data-island="vllm-log-check"');
    expect(ISLANDS['vllm-log-check'].Component).toBe(VllmLogCheck);
  });
});
