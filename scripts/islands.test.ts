import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { ISLANDS } from '../components/islands/registry';
// @ts-expect-error -- a plain ES module of the build (scripts/islands.mjs), without type declarations
import * as build from './islands-build.mjs';

const root = path.resolve(__dirname, '..');

interface Chunks {
  entry: string;
  runtime: string;
  entryClosure: string[];
  islands: Map<string, string[]>;
}

describe('the island bundle (esbuild, from the registry)', () => {
  let registry: Record<string, { module: string; exportName: string }>;
  let renderIsland: (name: string, props: object, index: number) => string;
  let metafile: Metafile;
  let chunks: Chunks;
  let workers: Array<{ source: string; url: string; files: Array<{ text: string }> }>;
  let outputText: string;
  let outputFiles: Array<{ path: string; text: string }>;

  beforeAll(async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'islands-registry-'));
    ({ registry, renderIsland } = await build.loadRegistry(root, cache));
    const result = await build.bundleIslands({ root, registry, outdir: path.join(cache, 'out'), write: false });
    metafile = result.metafile;
    chunks = build.islandChunks(metafile, Object.keys(registry));
    workers = result.workers;
    outputFiles = result.outputFiles;
    outputText = outputFiles.map((f) => f.text).join('\n');
  }, 60_000);

  it("bundles the method lab's Web Worker with the quantizers, and keeps them out of the page's chunks", () => {
    const w = workers.find((x) => x.source === path.join('components', 'methods', 'methodLab.worker.ts'));
    expect(w, 'methodLab.worker.ts is bundled').toBeDefined();
    expect(w!.url).toMatch(/^\/_islands\/methodLab\.worker-[A-Z0-9]+\.js$/);
    expect(outputText).toContain(w!.url);
    expect(outputText).not.toContain('methodLab.worker.ts');
    // The worker holds compareMethods' error messages; no page chunk does.
    expect(w!.files.map((f) => f.text).join('')).toContain('bits must be 2, 3, 4 or 8');
    const pageInputs = inputsOf(Object.keys(metafile.outputs));
    expect([...pageInputs].filter((i) => i.startsWith('lib/quant/'))).not.toContain('lib/quant/gptq.ts');
  });

  it("bundles the accuracy lab's Web Worker with lib/lab, and keeps the model code out of the page's chunks", () => {
    const w = workers.find((x) => x.source === path.join('components', 'accuracy', 'accuracyLab.worker.ts'));
    expect(w, 'accuracyLab.worker.ts is bundled').toBeDefined();
    expect(w!.url).toMatch(/^\/_islands\/accuracyLab\.worker-[A-Z0-9]+\.js$/);
    expect(outputText).toContain(w!.url);
    // The worker holds lib/lab's forward pass and the held-out text; no page chunk does.
    expect(w!.files.map((f) => f.text).join('')).toContain('pass the model');
    const pageInputs = [...inputsOf(Object.keys(metafile.outputs))];
    expect(pageInputs.filter((i) => /^lib\/lab\/(forward|calibrated|metrics)\.ts$/.test(i))).toEqual([]);
    expect(pageInputs.filter((i) => i.startsWith('lib/lab/data/'))).toEqual([]);
  });

  /** The source files that went into `outputs`. */
  const inputsOf = (outputs: Iterable<string>) =>
    new Set([...outputs].flatMap((o) => Object.keys(metafile.outputs[o]?.inputs ?? {})));

  it('reads the same islands the registry module exports', () => {
    const expected = Object.fromEntries(
      Object.entries(ISLANDS).map(([name, s]) => [name, { module: s.module, exportName: s.exportName }]),
    );
    expect(registry).toEqual(expected);
  });

  it("gives every island a chunk holding its own component's module, and the entry none of them", () => {
    const entryInputs = inputsOf(chunks.entryClosure);
    for (const [name, spec] of Object.entries(ISLANDS)) {
      const files = chunks.islands.get(name);
      expect(files, name).toBeDefined();
      const own = [...inputsOf(files!)].filter((i) => i.replace(/\.tsx?$/, '') === spec.module);
      expect(own, `${name}'s chunks hold ${spec.module}`).toHaveLength(1);
      expect(
        [...entryInputs].some((i) => i.startsWith(spec.module + '.')),
        `the entry must not hold ${spec.module}`,
      ).toBe(false);
    }
  });

  it("puts React 19 in the runtime every island page loads, not in the entry, and neither Next's runtime nor Preact anywhere", () => {
    const entryInputs = [...inputsOf(chunks.entryClosure)];
    const isReactDom = (i: string) => i.includes('node_modules/react-dom/cjs/react-dom-client.production.js');
    expect(entryInputs.some(isReactDom)).toBe(true);
    expect(inputsOf([chunks.runtime]).has('components/islands/client.ts')).toBe(true);
    // The entry itself (what the browser fetches before first paint) holds no React: it stays small.
    const entryOwn = inputsOf([
      chunks.entry,
      ...metafile.outputs[chunks.entry]!.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
    ]);
    expect([...entryOwn].filter((i) => i.includes('node_modules/react'))).toEqual([]);
    expect(metafile.outputs[chunks.entry]!.bytes).toBeLessThan(8 * 1024);
    expect(Object.keys(metafile.inputs).filter((i) => /node_modules\/(next|preact)\//.test(i))).toEqual([]);
  });

  it("renders an island as its own React root, every useId id carrying the island's prefix", () => {
    const html = renderIsland('memory-calculator', { syncUrl: true }, 3);
    expect(html).toContain('Context length');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(5);
    // React 19.3's useId gives `_${prefix}R_${tree id}_` (packages/react-reconciler/src/ReactFiberHooks.js, mountId).
    for (const id of ids.filter((i) => i.includes('R_'))) expect(id).toMatch(/^_memory-calculator-3-R_/);
    expect(() => renderIsland('no-such-widget', {}, 0)).toThrow(/unknown island "no-such-widget"/);
  });

  it("starts every island chunk with V8's compile hint, so Chrome compiles it while it streams in", () => {
    const js = outputFiles.filter((f) => f.path.endsWith('.js'));
    expect(js.length).toBeGreaterThan(10);
    for (const f of js) expect(f.text.startsWith(`${build.COMPILE_HINT}\n`), f.path).toBe(true);
    expect(build.COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
  });

  it('fails naming the island when esbuild made no chunk for it', () => {
    expect(() => build.islandChunks(metafile, ['no-such-widget'])).toThrow(/no chunk for island "no-such-widget"/);
  });
});

/** The scripts and preloads Next writes into an exported page (as in .next/server/app/*.html, Next 16.4). */
const NEXT_HEAD =
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>' +
  '<script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script>';
const NEXT_BODY =
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push([])</script>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"1:[\\"$\\",\\"html\\"]\\n"])</script>';
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html><head><title>t</title>${NEXT_HEAD}${head}</head><body>${body}${NEXT_BODY}</body></html>`;
/** Stands in for React: the island's name, props and position, so a test sees what was rendered where. */
const renderIsland = (name: string, props: object, index: number) =>
  `<p>${name} ${JSON.stringify(props)} #${index}</p>`;
const scriptsFor = (names: string[]) => ({
  entryUrl: '/_islands/client-X.js',
  preloads: ['/_islands/c-R.js', ...names.map((n) => `/_islands/${n}-X.js`)],
});

describe('rewritePage (parse5)', () => {
  it("removes every one of Next's scripts and preloads from a prose page and adds none", () => {
    const out = build.rewritePage(page('<main><p>Prose.</p></main>'), 'out/x.html', scriptsFor, renderIsland);
    expect(out.removed).toBe(6);
    expect(out.islands).toEqual([]);
    expect(out.html).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head><body><main><p>Prose.</p></main></body></html>',
    );
  });

  it("adds the entry, listing exactly the page's islands' chunks, at the end of <body> and nothing to <head>", () => {
    const body =
      '<div class="island" data-island="quiz" data-props="{&quot;mode&quot;:&quot;check&quot;}"><p>Next&#x27;s render</p></div>' +
      "<noscript><p>data-island</p></noscript><div data-island='quiz'></div>";
    const out = build.rewritePage(page(body), 'out/x.html', scriptsFor, renderIsland);
    expect(out.islands).toEqual(['quiz']);
    expect(out.html).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head>' +
        '<body><div class="island" data-island="quiz" data-props="{&quot;mode&quot;:&quot;check&quot;}"><p>quiz {"mode":"check"} #0</p></div>' +
        "<noscript><p>data-island</p></noscript><div data-island='quiz'><p>quiz {} #1</p></div>" +
        '<script type="module" src="/_islands/client-X.js" data-chunks="/_islands/c-R.js /_islands/quiz-X.js"></script></body></html>',
    );
    expect(build.pageScripts(out.html)).toEqual(['/_islands/client-X.js', '/_islands/c-R.js', '/_islands/quiz-X.js']);
  });

  it('refuses a chunk URL that would need escaping in the data-chunks attribute', () => {
    const odd = () => ({ entryUrl: '/_islands/client-X.js', preloads: ['/_islands/a b".js'] });
    expect(() => build.rewritePage(page('<div data-island="quiz"></div>'), 'out/x.html', odd, renderIsland)).toThrow(
      /out\/x\.html: an island script URL that cannot go in HTML as is/,
    );
  });

  it('names the same data-chunks attribute and reads it the same way as the browser entry (components/islands/boot.ts)', async () => {
    const boot = await import('../components/islands/boot');
    expect(build.CHUNKS_ATTRIBUTE).toBe(boot.CHUNKS_ATTRIBUTE);
    for (const value of ['', '  /a.js   /b.js ', '/a.js //evil.example/x.js https://x/y.js /c.js', undefined])
      expect(build.chunkList(value)).toEqual(boot.parseChunkList(value));
    expect(build.chunkList(' /a.js //x/y.js /b.js')).toEqual(['/a.js', '/b.js']);
  });

  it('reads markup the way a browser does, where a regex would not (comments, text, quoting)', () => {
    const body =
      '<!-- <script src="/_next/x.js"></script> --><p>Write &lt;script&gt; in prose, or data-island="quiz".</p>';
    const out = build.rewritePage(page(body), 'out/x.html', scriptsFor, renderIsland);
    expect(out.islands).toEqual([]);
    expect(out.html).toContain(body);
  });

  it('keeps the site theme script (inline, allowed by its hash) in <head> on any page, and no other inline script', () => {
    const theme = fs.readFileSync(path.join(__dirname, '..', 'components', 'theme', 'theme-script.js'), 'utf8');
    const prose = page('<p>Prose.</p>', `<script>${theme}</script>`);
    const out = build.rewritePage(prose, 'out/x.html', scriptsFor, renderIsland);
    expect(out.html).toBe(
      `<!DOCTYPE html><html><head><title>t</title><script>${theme}</script></head><body><p>Prose.</p></body></html>`,
    );
    expect(build.SITE_SCRIPT_FILES).toEqual(['components/theme/theme-script.js']);
    // One character changed and the text no longer matches the hash the CSP allows: the build refuses it.
    expect(() =>
      build.rewritePage(page('', `<script>${theme} </script>`), 'out/t.html', scriptsFor, renderIsland),
    ).toThrow(/out\/t\.html:1: a <script> that is not Next's/);
    expect(() =>
      build.rewritePage(page('', '<script src="/theme.js"></script>'), 'out/t.html', scriptsFor, renderIsland),
    ).toThrow(/out\/t\.html:1: a <script> that is not Next's \(\/theme\.js\)/);
  });

  it('fails on any other <script> or unreadable props, naming the file and line', () => {
    expect(() =>
      build.rewritePage(
        page('<div data-island="quiz" data-props="{oops"></div>'),
        'out/q.html',
        scriptsFor,
        renderIsland,
      ),
    ).toThrow(/^out\/q\.html:1: island "quiz" has unreadable data-props/);
    expect(() =>
      build.rewritePage(page('<script>alert(1)</script>'), 'out/lessons/memory.html', scriptsFor, renderIsland),
    ).toThrow(/^out\/lessons\/memory\.html:1: a <script> that is not Next's \(inline\)/);
    expect(() =>
      build.rewritePage(
        page('', '<script src="https://cdn.example/x.js"></script>'),
        'out/a.html',
        scriptsFor,
        renderIsland,
      ),
    ).toThrow(/out\/a\.html:1: a <script> that is not Next's \(https:\/\/cdn\.example\/x\.js\)/);
  });
});

describe('checkOutput (post-conditions, each naming the file)', () => {
  let dir: string;
  let out: string;
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
    return path.join(out, rel);
  };
  const html = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  const islandPage = (urls: string[]) =>
    html(
      '',
      `<div data-island="quiz"></div><script type="module" src="${urls[0]}" data-chunks="${urls.slice(1).join(' ')}"></script>`,
    );

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'islands-check-'));
    out = path.join(dir, 'out');
    // Random bytes do not compress: this file is about 2 KiB gzipped too.
    write('_islands/client-X.js', crypto.randomBytes(2048));
    write('_islands/quiz-X.js', 'export {};');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a clean site and reports the gzip bytes each page loads', () => {
    // Next inlines CSS as <style data-href="/_next/static/chunks/….css">: a reference that stays.
    const prose = write('index.html', html('<style data-href="/_next/static/chunks/x.css">p{}</style>', '<p>x</p>'));
    const quiz = write('q.html', islandPage(['/_islands/client-X.js', '/_islands/quiz-X.js']));
    const { errors, jsBytes } = build.checkOutput(out, [prose, quiz]);
    expect(errors).toEqual([]);
    expect(jsBytes.get(prose)).toBe(0);
    expect(jsBytes.get(quiz)).toBeGreaterThan(0);
  });

  it('lets a page without islands carry the inline theme script, and no script file', () => {
    const theme = fs.readFileSync(path.join(__dirname, '..', 'components', 'theme', 'theme-script.js'), 'utf8');
    const prose = write('t.html', html(`<script>${theme}</script>`, '<p>x</p>'));
    const { errors, jsBytes } = build.checkOutput(out, [prose]);
    expect(errors).toEqual([]);
    expect(jsBytes.get(prose)).toBe(0);
  });

  it('reports a URL that does not exist, a script on a page without islands, a leftover Next chunk and a page over budget', () => {
    const missing = write('m.html', islandPage(['/_islands/client-X.js', '/_islands/gone-Y.js']));
    const prose = write('p.html', html('', '<p>x</p><script type="module" src="/_islands/client-X.js"></script>'));
    const stale = write(
      's.html',
      html('<link rel="preload" as="script" href="/_next/static/chunks/a.js"/>', '<p>x</p>'),
    );
    write('_next/static/chunks/a.js', '1');
    const heavy = write('h.html', islandPage(['/_islands/client-X.js']));
    const { errors } = build.checkOutput(out, [missing, prose, stale, heavy], { budgetBytes: 1024 });
    fs.rmSync(path.join(out, '_next'), { recursive: true });
    expect(errors).toEqual([
      'out/m.html: loads /_islands/gone-Y.js, which is not in out/',
      expect.stringMatching(/^out\/m\.html: loads 2\.0 KiB of JavaScript \(gzip\), over the budget of 1 KiB$/),
      'out/p.html: 1 <script>/preload elements where none belongs',
      'out/p.html: has no islands but loads /_islands/client-X.js',
      expect.stringMatching(/^out\/p\.html: loads 2\.0 KiB/),
      "out/s.html: still refers to Next's JavaScript (/_next/static/chunks/a.js)",
      'out/s.html: 1 <script>/preload elements where none belongs',
      expect.stringMatching(/^out\/h\.html: loads 2\.0 KiB of JavaScript \(gzip\), over the budget of 1 KiB$/),
      "Next's JavaScript is still in the output: out/_next/static/chunks/a.js",
    ]);
  });
});

describe('bundledWorkers (Web Workers started by island code)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'islands-worker-'));
    fs.mkdirSync(path.join(dir, 'w'));
    fs.writeFileSync(
      path.join(dir, 'w/start.ts'),
      "export const start = (): Worker => new Worker(new URL('./sum.worker.ts', import.meta.url), { type: 'module' });\n" +
        'export const again = () => new URL("./sum.worker.ts", import.meta.url);\n',
    );
    fs.writeFileSync(path.join(dir, 'w/sum.worker.ts'), "import { two } from './two';\nself.postMessage(two + 40);\n");
    fs.writeFileSync(path.join(dir, 'w/two.ts'), 'export const two: number = 2;\n');
    fs.writeFileSync(
      path.join(dir, 'w/bad.ts'),
      "export const bad = new URL('./missing.worker.ts', import.meta.url);\n",
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundle = async (entry: string) => {
    const { plugin, workers } = build.bundledWorkers({ root: dir, outdir: path.join(dir, 'out'), write: false });
    const { build: esbuild } = await import('esbuild');
    const r = await esbuild({
      absWorkingDir: dir,
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      write: false,
      outdir: path.join(dir, 'out'),
      plugins: [plugin],
      logLevel: 'silent',
    });
    return {
      text: r.outputFiles[0]!.text,
      workers: workers as Array<{ source: string; url: string; files: Array<{ text: string }> }>,
    };
  };

  it('bundles the worker once, self-contained, and points both URLs at it under /_islands/', async () => {
    const { text, workers } = await bundle('w/start.ts');
    expect(workers).toHaveLength(1);
    const [w] = workers;
    expect(w!.source).toBe(path.join('w', 'sum.worker.ts'));
    expect(w!.url).toMatch(/^\/_islands\/sum\.worker-[A-Z0-9]+\.js$/);
    // The import of ./two was bundled in (esbuild folds 2 + 40).
    expect(w!.files.map((f) => f.text).join('')).toContain('postMessage(42)');
    expect(w!.files.map((f) => f.text).join('')).not.toMatch(/\bimport\b/);
    expect(text.split(w!.url).length - 1).toBe(2);
    expect(text).not.toContain('.worker.ts');
  });

  it('fails naming the file when the worker does not exist', async () => {
    await expect(bundle('w/bad.ts')).rejects.toThrow(/w\/bad\.ts: the worker \.\/missing\.worker\.ts does not exist/);
  });
});
