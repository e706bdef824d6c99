import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import path from 'node:path';
import { assertJson, island, islandOf, NEEDS_JS } from './island';
import { ISLANDS, type IslandName } from './registry';
import { prefixed } from '../ui/prefixed';

describe('assertJson (island props must survive JSON)', () => {
  it('accepts JSON values and drops undefined fields the way JSON.stringify does', () => {
    expect(() => assertJson({ a: 1, b: 'x', c: [true, null, { d: 2.5 }], e: undefined }, 'p')).not.toThrow();
  });

  it('names the prop that is not JSON', () => {
    expect(() => assertJson({ onChange: () => 1 }, 'memory-calculator props')).toThrow(
      /memory-calculator props\.onChange is not JSON \(got function\)/,
    );
    expect(() => assertJson({ when: new Date(0) }, 'p')).toThrow(/p\.when is not JSON \(got a non-plain object\)/);
    expect(() => assertJson({ list: [1, Number.NaN] }, 'p')).toThrow(/p\.list\[1\] is NaN/);
    expect(() => assertJson({ x: Infinity }, 'p')).toThrow(/p\.x is Infinity/);
  });

  it('accepts any JSON value, and rejects it once a function is nested anywhere inside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (v, depth) => {
        expect(() => assertJson(v, 'v')).not.toThrow();
        let poisoned: unknown = () => 0;
        for (let i = 0; i < depth % 4; i++) poisoned = i % 2 ? [v, poisoned] : { v, p: poisoned };
        expect(() => assertJson({ ok: v, bad: poisoned }, 'v')).toThrow(/is not JSON \(got function\)/);
      }),
    );
  });
});

describe('prefixed (class names for widget stylesheets)', () => {
  it('prefixes any key', () => {
    const s = prefixed('mc');
    expect(s.widget).toBe('mc-widget');
    expect(s['gpuTable']).toBe('mc-gpuTable');
  });
});

describe('island (server HTML without JavaScript)', () => {
  it('puts a <noscript> note beside the island saying it needs JavaScript, outside the element the client renders into', () => {
    const Practice = islandOf('practice-app', ({ bankUrl }: { bankUrl: string }) =>
      createElement('p', { role: 'status' }, `Loading ${bankUrl}…`),
    );
    const html = renderToStaticMarkup(createElement(Practice, { bankUrl: '/practice/bank.json' }));
    // Before: only the island div, so a browser without JavaScript showed "Loading…" forever.
    expect(html).toBe(
      `<noscript><p class="needs-js">${NEEDS_JS['practice-app']}</p></noscript>` +
        '<div class="island" data-island="practice-app" data-props="{&quot;bankUrl&quot;:&quot;/practice/bank.json&quot;}"><p role="status">Loading /practice/bank.json…</p></div>',
    );
    expect(NEEDS_JS['practice-app']).toMatch(/^Practice needs JavaScript/);
  });

  it('every island has its own note', () => {
    for (const name of Object.keys(ISLANDS) as IslandName[])
      expect(NEEDS_JS[name]).toMatch(/needs? JavaScript, which is off or blocked in this browser/);
  });

  it('island(name) renders the component registered under that name', () => {
    const Quiz = island('quiz');
    const html = renderToStaticMarkup(createElement(Quiz, { title: 'Check yourself', questions: [], mode: 'check' }));
    expect(html).toContain('data-island="quiz"');
    expect(html).toContain('Check yourself');
  });
});

describe('the registry (one entry per widget)', () => {
  // The browser bundle imports each widget by `module` and `exportName` (scripts/islands.mjs); the server renders
  // `Component`. If the two named different components, the page would hydrate one widget's HTML with another.
  it.each(Object.entries(ISLANDS))('%s: `module` exports `Component` as `exportName`', async (_name, spec) => {
    const mod = (await import(path.resolve(__dirname, '../..', spec.module))) as Record<string, unknown>;
    expect(mod[spec.exportName]).toBe(spec.Component);
  });
});
