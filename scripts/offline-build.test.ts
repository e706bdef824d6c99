import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the build (scripts/offline-build.mjs), without type declarations
import * as offline from './offline-build.mjs';

/** A deck page as scripts/islands.mjs leaves it: inlined CSS naming KaTeX's fonts, the entry listing its chunks. */
const DECK_HTML = `<!DOCTYPE html><html><head>
<link rel="icon" href="/favicon.svg"/>
<link rel="preconnect" href="/" crossorigin=""/>
<style data-href="/_next/static/chunks/a.css">@font-face{font-family:KaTeX_Main;src:url(/_next/static/media/KaTeX_Main-Regular.abc.woff2) format("woff2"),url(/_next/static/media/KaTeX_Main-Regular.abc.woff) format("woff"),url(/_next/static/media/KaTeX_Main-Regular.abc.ttf) format("truetype")}
.x{background:url("data:image/png;base64,AAAA")}.y{background:url('/img/bg.svg?v=2')}</style>
</head><body><main><a href="/lessons/memory">Lesson</a><a href="https://example.org/x.js">x</a></main>
<script type="module" src="/_islands/client-AAA.js" data-chunks="/_islands/c-REACT.js /_islands/deck-controller-BBB.js"></script></body></html>`;

/** esbuild's metafile shape: the entry imports React statically, the deck controller loads a QR chunk on demand. */
const METAFILE = {
  outputs: {
    'out/_islands/client-AAA.js': {
      imports: [
        { path: 'out/_islands/c-REACT.js', kind: 'import-statement' },
        // The entry's lazy loaders: one per island of the whole site.
        { path: 'out/_islands/deck-controller-BBB.js', kind: 'dynamic-import' },
        { path: 'out/_islands/memory-calculator-CCC.js', kind: 'dynamic-import' },
      ],
    },
    'out/_islands/c-REACT.js': { imports: [] },
    'out/_islands/deck-controller-BBB.js': {
      imports: [
        { path: 'out/_islands/c-REACT.js', kind: 'import-statement' },
        { path: 'out/_islands/c-QR.js', kind: 'dynamic-import' },
      ],
    },
    'out/_islands/c-QR.js': { imports: [] },
    'out/_islands/memory-calculator-CCC.js': { imports: [{ path: 'out/_islands/c-BIG.js', kind: 'import-statement' }] },
    'out/_islands/c-BIG.js': { imports: [] },
  },
};
const publicUrl = (p: string) => p.replace(/^out/, '');

describe('offline-build: what a deck needs', () => {
  it('deckSlugOf: only present/<slug>.html pages are decks', () => {
    expect(offline.deckSlugOf('present/memory.html')).toBe('memory');
    expect(offline.deckSlugOf('present/fact-check.html')).toBe('fact-check');
    expect(offline.deckSlugOf('lessons/memory.html')).toBeNull();
    expect(offline.deckSlugOf('present.html')).toBeNull();
  });

  it('pageAssetUrls: scripts and the chunks they list, preloads, icon and CSS urls; fonts in WOFF2 only; no links, data: or external URLs', () => {
    expect(offline.pageAssetUrls(DECK_HTML)).toEqual([
      '/_islands/c-REACT.js',
      '/_islands/client-AAA.js',
      '/_islands/deck-controller-BBB.js',
      '/_next/static/media/KaTeX_Main-Regular.abc.woff2',
      '/favicon.svg',
      '/img/bg.svg',
    ]);
  });

  it('deckManifest: the page at its clean URL, its assets and every module reachable, dynamic imports included', () => {
    const graph = offline.moduleGraph(METAFILE, publicUrl);
    const m = offline.deckManifest({ slug: 'memory', html: DECK_HTML, graph, buildId: 'b1' });
    expect(m.version).toBe('b1');
    expect(m.deck).toBe('/present/memory');
    expect(m.urls).toEqual([
      '/_islands/c-QR.js', // only imported on demand: offline it must be stored already
      '/_islands/c-REACT.js',
      '/_islands/client-AAA.js',
      '/_islands/deck-controller-BBB.js',
      '/_next/static/media/KaTeX_Main-Regular.abc.woff2',
      '/favicon.svg',
      '/img/bg.svg',
      '/present/memory',
    ]);
    // An island this deck does not show, though the entry could load it: not stored.
    expect(m.urls).not.toContain('/_islands/memory-calculator-CCC.js');
    expect(m.urls).not.toContain('/_islands/c-BIG.js');
  });

  it('reachable follows cycles without looping, and no dynamic import from the entries it is told', () => {
    const graph = new Map([
      ['/a.js', { static: ['/b.js'], dynamic: [] }],
      ['/b.js', { static: [], dynamic: ['/a.js', '/c.js'] }],
      ['/c.js', { static: [], dynamic: [] }],
    ]);
    expect(offline.reachable(['/a.js'], graph)).toEqual(['/a.js', '/b.js', '/c.js']);
    expect(offline.reachable(['/a.js'], graph, ['/b.js'])).toEqual(['/a.js', '/b.js']);
  });
});

describe('writeOfflineManifests (on a small out/ folder)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-build-'));
  const out = path.join(root, 'out');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
  };

  it('writes one list per deck, stamps the build id into sw.js, and reports a listed file that is missing', () => {
    write('present/memory.html', DECK_HTML);
    write('lessons/memory.html', '<!DOCTYPE html><html><head></head><body></body></html>');
    for (const f of ['client-AAA', 'c-REACT', 'deck-controller-BBB', 'c-QR']) write(`_islands/${f}.js`, 'export {};');
    write('_next/static/media/KaTeX_Main-Regular.abc.woff2', 'font');
    write('favicon.svg', '<svg/>');
    write('sw.js', `const BUILD_ID = '${offline.BUILD_ID_PLACEHOLDER}';`);
    fs.mkdirSync(path.join(root, '.next'), { recursive: true });
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'NextBuild42\n');
    const pages = ['present/memory.html', 'lessons/memory.html'].map((p) => path.join(out, p));

    const result = offline.writeOfflineManifests({ outDir: out, root, pages, metafile: METAFILE, publicUrl });
    expect(result.decks).toEqual(['memory']);
    expect(result.buildId).toMatch(/^NextBuild42-[0-9a-f]{12}$/);
    // /img/bg.svg is named by the page's CSS but is not in out/: the build says so.
    expect(result.errors).toEqual([
      'out/present/memory.html: the offline list names /img/bg.svg, which is not in out/',
    ]);
    const list = JSON.parse(fs.readFileSync(path.join(out, '_offline', 'memory.json'), 'utf8'));
    expect(list.version).toBe(result.buildId);
    expect(list.urls).toContain('/_islands/c-QR.js');
    expect(fs.existsSync(path.join(out, '_offline', 'lessons.json'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'sw.js'), 'utf8')).toBe(`const BUILD_ID = '${result.buildId}';`);
  });

  it('public/sw.js carries the placeholder the build replaces', () => {
    const sw = fs.readFileSync(path.resolve(__dirname, '../public/sw.js'), 'utf8');
    expect(sw).toContain(`const BUILD_ID = '${offline.BUILD_ID_PLACEHOLDER}';`);
  });
});
