// The pieces of the islands post-build step (scripts/islands.mjs), kept apart so unit tests can run them:
// read the island registry, bundle one chunk per island with esbuild, rewrite a page's HTML, check the output.
import { build } from 'esbuild';
import { parse } from 'parse5';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** Where the bundle is served from, under out/. */
export const PUBLIC_PREFIX = '/_islands/';

/**
 * Most JavaScript (gzip, level 9) one page may load: its island entry, React and its widgets' chunks.
 * The heaviest page, /present/speed, loads 158 KiB with React 19 (Dec 2026 build); the budget leaves about 7% room.
 */
export const JS_BUDGET_GZIP_BYTES = 170 * 1024;

const REGISTRY = 'components/islands/registry.ts';
const PREFIX = 'components/islands/prefix.ts';
const CLIENT = 'components/islands/client.ts';
const BOOT = 'components/islands/boot.ts';
const NAMESPACE = 'islands';
/** esbuild's name for a virtual module of the `islands` namespace in its metafile. */
const virtualId = (p) => `${NAMESPACE}:${p}`;
export const CLIENT_ENTRY = virtualId('client');
export const widgetEntry = (name) => virtualId(`widget/${name}`);

/**
 * Imports components/islands/registry.ts and prefix.ts: esbuild bundles them for Node (TypeScript, JSX, the widgets'
 * CSS imports as nothing, packages left to node_modules) into `cacheDir`, and Node imports the result.
 * @returns {Promise<{ registry: Record<string, { module: string, exportName: string }>, renderIsland: (name: string, props: object, index: number) => string }>}
 *   registry: island name → where its component lives; renderIsland: the island's HTML as the browser will hydrate it
 *   (its own React root, React 19 from node_modules, `identifierPrefix(name, index)`)
 */
export async function loadRegistry(root, cacheDir) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const outfile = path.join(cacheDir, `registry-${process.pid}-${Date.now()}.mjs`);
  await build({
    absWorkingDir: root,
    stdin: {
      contents: `export { ISLANDS } from './${REGISTRY}';\nexport { identifierPrefix } from './${PREFIX}';\n`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    logOverride: { 'module-level-directive': 'silent' },
    logLevel: 'error',
  });
  try {
    // React picks its build from NODE_ENV when first imported: the production one, as the browser bundle has.
    process.env.NODE_ENV ??= 'production';
    const [{ ISLANDS, identifierPrefix }, { createElement }, { renderToString }] = await Promise.all([
      import(pathToFileURL(outfile).href),
      import('react'),
      import('react-dom/server'),
    ]);
    const registry = {};
    for (const [name, spec] of Object.entries(ISLANDS)) {
      if (typeof spec.module !== 'string' || typeof spec.exportName !== 'string') {
        throw new Error(`${REGISTRY}: island "${name}" needs a string module and exportName`);
      }
      registry[name] = { module: spec.module, exportName: spec.exportName };
    }
    const renderIsland = (name, props, index) => {
      if (!ISLANDS[name]) throw new Error(`unknown island "${name}" (not in ${REGISTRY})`);
      return renderToString(createElement(ISLANDS[name].Component, props), {
        identifierPrefix: identifierPrefix(name, index),
      });
    };
    return { registry, renderIsland };
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

/**
 * The browser bundle's entry, generated from the registry: bootIslands() from boot.ts, with one lazy loader per
 * island and a dynamic import of client.ts (React and the hydration), which boot.ts makes after first paint. Each
 * loader imports that island's own entry (`widgetSource`), so each widget is its own chunk.
 */
export function clientSource(registry) {
  const loaders = Object.keys(registry)
    .map(
      (name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(widgetEntry(name))}).then((m) => m.default),`,
    )
    .join('\n');
  return (
    `import { bootIslands } from ${JSON.stringify(`./${BOOT}`)};\n` +
    `bootIslands({\n${loaders}\n}, () => import(${JSON.stringify(`./${CLIENT}`)}));\n`
  );
}

/** One island's entry: its component as the default export. */
export function widgetSource({ module, exportName }) {
  return `export { ${exportName} as default } from ${JSON.stringify(`./${module}`)};\n`;
}

/** esbuild plugin serving the generated entries as virtual modules (namespace `islands`). */
function generatedEntries(root, registry) {
  return {
    name: 'island-entries',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${NAMESPACE}:`) }, (args) => ({
        path: args.path.slice(NAMESPACE.length + 1),
        namespace: NAMESPACE,
      }));
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        if (args.path === 'client') return { contents: clientSource(registry), resolveDir: root, loader: 'js' };
        const name = args.path.replace(/^widget\//, '');
        if (!registry[name]) return { errors: [{ text: `no island "${name}" in ${REGISTRY}` }] };
        return { contents: widgetSource(registry[name]), resolveDir: root, loader: 'js' };
      });
    },
  };
}

/**
 * `new URL('./x.worker.ts', import.meta.url)` in island code (the form Next's bundler also understands, inside
 * `new Worker(…, { type: 'module' })`). esbuild leaves such a URL alone, so it would point at a .ts file that is not
 * served; `bundledWorkers` rewrites it.
 */
export const WORKER_URL_PATTERN = /new URL\(\s*(['"])(\.{1,2}\/[\w./-]+\.worker\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * esbuild plugin: every `new URL('./x.worker.ts', import.meta.url)` in a source file outside node_modules is bundled
 * as its own self-contained ES module (no splitting, so the worker needs no other file) to `outdir`/x.worker-<hash>.js,
 * and the URL is rewritten to that file under PUBLIC_PREFIX. Same origin, no blob: URL, so CSP `script-src 'self'`
 * allows it. Each worker is bundled once however many files name it. Returns { plugin, workers }: `workers` lists
 * the outputs as they are made, { source, url, files } (files: esbuild's output files when `write` is false, else []).
 */
export function bundledWorkers({ root, outdir, debug = false, write = true }) {
  const built = new Map();
  const workers = [];
  const bundleWorker = (source) => {
    if (!built.has(source)) {
      const name = path.basename(source, '.ts');
      built.set(
        source,
        build({
          absWorkingDir: root,
          entryPoints: [{ in: source, out: name }],
          bundle: true,
          format: 'esm',
          target: ['es2020'],
          minify: !debug,
          sourcemap: debug ? 'linked' : false,
          outdir,
          write,
          entryNames: '[name]-[hash]',
          metafile: true,
          legalComments: 'none',
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'warning',
        }).then((r) => {
          const out = Object.entries(r.metafile.outputs).find(([, o]) => o.entryPoint)?.[0];
          if (!out) throw new Error(`islands: esbuild produced no file for the worker ${source}`);
          const url = PUBLIC_PREFIX + path.relative(outdir, path.resolve(root, out)).split(path.sep).join('/');
          workers.push({ source: path.relative(root, source), url, files: r.outputFiles ?? [] });
          return url;
        }),
      );
    }
    return built.get(source);
  };
  const plugin = {
    name: 'island-workers',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        const matches = [...source.matchAll(WORKER_URL_PATTERN)];
        if (matches.length === 0) return undefined;
        const urls = await Promise.all(
          matches.map((m) => {
            const file = path.resolve(path.dirname(args.path), m[2]);
            if (!fs.existsSync(file))
              throw new Error(`${path.relative(root, args.path)}: the worker ${m[2]} does not exist`);
            return bundleWorker(file);
          }),
        );
        let i = 0;
        const contents = source.replace(
          WORKER_URL_PATTERN,
          () => `new URL(${JSON.stringify(urls[i++])}, import.meta.url)`,
        );
        const loader = /tsx$/.test(args.path)
          ? 'tsx'
          : /jsx$/.test(args.path)
            ? 'jsx'
            : /ts$/.test(args.path)
              ? 'ts'
              : 'js';
        return { contents, loader, resolveDir: path.dirname(args.path) };
      });
    },
  };
  return { plugin, workers };
}

/**
 * The first line of every island chunk: V8's explicit compile hint (Chrome 136+; v8.dev/blog/explicit-compile-hints,
 * April 2025). It tells V8 to compile every function in the file while the file streams in, off the main thread,
 * instead of on first call, on it. Nearly all of an island chunk runs as soon as it loads (React's start-up, the
 * widget's first render), so the eager compile is not wasted. Lighthouse's mobile run of /tools/memory, 3 runs each:
 * JavaScript main-thread time 619–666 ms with the hint on React's chunk, 714–1,081 ms without; performance 93–98 vs
 * 84–91 (December 2026, this repository's scripts/lighthouse.mjs). Other browsers read it as a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Bundles the islands for the browser with React 19 (production build of React either way).
 * `debug`: unminified, with linked source maps. `write: false` keeps the files in memory (tests).
 * Web Workers the widgets start are bundled beside them (`bundledWorkers`); the result's `workers` lists them.
 */
export async function bundleIslands({ root, registry, outdir, debug = false, write = true }) {
  const worker = bundledWorkers({ root, outdir, debug, write });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [
      { in: CLIENT_ENTRY, out: 'client' },
      ...Object.keys(registry).map((name) => ({ in: widgetEntry(name), out: name })),
    ],
    plugins: [generatedEntries(root, registry), worker.plugin],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020'],
    minify: !debug,
    sourcemap: debug ? 'linked' : false,
    outdir,
    write,
    entryNames: '[name]-[hash]',
    chunkNames: 'c-[hash]',
    metafile: true,
    legalComments: 'none',
    banner: { js: COMPILE_HINT },
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logOverride: { 'module-level-directive': 'silent' },
    logLevel: 'warning',
  });
  return Object.assign(result, { workers: worker.workers });
}

/** Output files `out` needs before it runs, following static imports (dynamic imports load on demand). */
function staticClosure(outputs, out, seen = new Set()) {
  if (seen.has(out)) return seen;
  seen.add(out);
  for (const imp of outputs[out]?.imports ?? [])
    if (imp.kind === 'import-statement') staticClosure(outputs, imp.path, seen);
  return seen;
}

/**
 * What esbuild's metafile says each island needs: `entry` (the generated entry, without React), `runtime` (client.ts,
 * which the entry imports after first paint), `entryClosure` (every page with islands loads these: the entry, the
 * runtime and the runtime's static imports, React and react-dom among them), and for each island name the output
 * files its chunk needs beyond those. Throws naming the island if esbuild produced no chunk for it.
 * @returns {{ entry: string, runtime: string, entryClosure: string[], islands: Map<string, string[]> }} paths as the metafile has them
 */
export function islandChunks(metafile, names) {
  const outputs = metafile.outputs;
  const byEntry = new Map(
    Object.entries(outputs)
      .filter(([, o]) => o.entryPoint)
      .map(([file, o]) => [o.entryPoint, file]),
  );
  const entry = byEntry.get(CLIENT_ENTRY);
  if (!entry) throw new Error('islands: esbuild produced no chunk for the client entry');
  // A dynamic import's target is an entry point of its own in the metafile, named by its source path.
  const runtime = byEntry.get(CLIENT);
  if (!runtime) throw new Error(`islands: esbuild produced no chunk for ${CLIENT}`);
  const entryClosure = new Set([...staticClosure(outputs, entry), ...staticClosure(outputs, runtime)]);
  const islands = new Map();
  for (const name of names) {
    const chunk = byEntry.get(widgetEntry(name));
    if (!chunk) throw new Error(`islands: esbuild produced no chunk for island "${name}"`);
    islands.set(
      name,
      [...staticClosure(outputs, chunk)].filter((f) => !entryClosure.has(f)),
    );
  }
  return { entry, runtime, entryClosure: [...entryClosure], islands };
}

/** Every element of a parse5 tree in document order, as `document.querySelectorAll('*')` lists them. */
function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) yield child;
    yield* elements(child);
  }
}

const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
const text = (el) => (el.childNodes ?? []).map((c) => c.value ?? '').join('');

/** The inline scripts Next writes: the RSC payload (`self.__next_f`) and Turbopack's runtime bootstrap. */
const NEXT_INLINE_SCRIPT = [
  /^\s*\(self\.__next_f\s*=/,
  /^\s*self\.__next_f\.push\(/,
  /^\s*\(globalThis\["TURBOPACK"\]/,
];

/**
 * The site's own inline script that every page carries in `<head>`, outside the islands: the theme script
 * (components/theme/theme-script.js) applies the stored light/dark choice before first paint, and says why it cannot
 * be an island. It is allowed by its exact text: serve.json's CSP names its SHA-256 (`script-src 'sha256-…'`), and
 * scripts/serve-config.test.ts checks the two agree. A page keeps it; any other inline script fails the build.
 */
export const SITE_SCRIPT_FILES = ['components/theme/theme-script.js'];

/** The CSP source expression of a script text: `'sha256-<base64>'`. */
export function cspHash(scriptText) {
  return `'sha256-${crypto.createHash('sha256').update(scriptText, 'utf8').digest('base64')}'`;
}

const SITE_SCRIPT_HASHES = new Set(
  SITE_SCRIPT_FILES.map((f) =>
    cspHash(fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', f), 'utf8')),
  ),
);

/** Whether `<script>` element `el` is the site's own inline script: a classic script whose text is allowed by hash. */
function isSiteScript(el) {
  return attr(el, 'src') === undefined && attr(el, 'type') === undefined && SITE_SCRIPT_HASHES.has(cspHash(text(el)));
}

/** Whether `<script>` element `el` is one of Next's own: a file under /_next/, or one of its inline scripts. */
export function isNextScript(el) {
  const src = attr(el, 'src');
  if (src !== undefined) return src.startsWith('/_next/');
  return NEXT_INLINE_SCRIPT.some((re) => re.test(text(el)));
}

/** Whether `<link>` element `el` makes the browser fetch one of Next's scripts. */
function isNextScriptLink(el) {
  const rel = (attr(el, 'rel') ?? '').toLowerCase();
  const href = attr(el, 'href') ?? '';
  return href.startsWith('/_next/') && (rel === 'modulepreload' || (rel === 'preload' && attr(el, 'as') === 'script'));
}

/**
 * Parses `html` with parse5 and reports where things are (offsets into `html`): Next's scripts and script
 * preloads, the site's own inline script (by hash), any other `<script>`, the scripts a page loads (`assets`: script
 * src, the entry's `data-chunks`, modulepreloads), the islands (name, JSON props, the range of their content), and
 * the `</body>` end tag.
 */
export function analysePage(html) {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const nextScripts = [];
  const otherScripts = [];
  const islands = [];
  const assets = [];
  const nextJsRefs = [];
  const siteScripts = [];
  let bodyEnd;
  for (const el of elements(doc)) {
    const loc = el.sourceCodeLocation;
    if (el.tagName === 'script' && isSiteScript(el)) {
      siteScripts.push(cspHash(text(el)));
    } else if (el.tagName === 'script') {
      (isNextScript(el) ? nextScripts : otherScripts).push({
        start: loc.startOffset,
        end: loc.endOffset,
        src: attr(el, 'src'),
        line: loc.startLine,
      });
      const src = attr(el, 'src');
      if (src) assets.push(src);
      assets.push(...chunkList(attr(el, CHUNKS_ATTRIBUTE)));
    } else if (el.tagName === 'link') {
      if (isNextScriptLink(el))
        nextScripts.push({ start: loc.startOffset, end: loc.endOffset, src: attr(el, 'href'), line: loc.startLine });
      else if ((attr(el, 'rel') ?? '').toLowerCase() === 'modulepreload') assets.push(attr(el, 'href'));
    }
    for (const a of el.attrs) if (/^\/_next\/.*\.m?js(\?.*)?$/.test(a.value)) nextJsRefs.push(a.value);
    const island = attr(el, 'data-island');
    if (island !== undefined) {
      const { startTag, endTag } = loc;
      islands.push({
        name: island,
        props: attr(el, 'data-props') ?? '{}',
        start: startTag.endOffset,
        end: endTag?.startOffset ?? startTag.endOffset,
        line: loc.startLine,
      });
    }
    if (el.tagName === 'body') bodyEnd = loc?.endTag?.startOffset;
  }
  return { nextScripts, otherScripts, siteScripts, islands, assets, nextJsRefs, bodyEnd };
}

/** The attribute of the islands entry's `<script>` that lists the chunks its page needs (components/islands/boot.ts). */
export const CHUNKS_ATTRIBUTE = 'data-chunks';

/** The URLs in a `data-chunks` value (space-separated), as components/islands/boot.ts reads them. */
export function chunkList(value) {
  return (value ?? '').split(/\s+/).filter((u) => u.startsWith('/') && !u.startsWith('//'));
}

/** `html` with the [start, end) ranges removed and the insertions made (edits may come in any order; none overlap). */
function splice(html, edits) {
  let out = html;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + (e.insert ?? '') + out.slice(e.end ?? e.start);
  return out;
}

/**
 * Rewrites one page: renders each island's content again with `renderIsland` (as the browser will hydrate it),
 * removes Next's scripts and script preloads, and when the page has islands, adds the entry module before `</body>`
 * with the page's chunks (`preloads`) in its `data-chunks` attribute. Nothing goes into `<head>`: the entry preloads
 * the chunks itself after first paint (components/islands/boot.ts says why). Throws, naming `file` and the line, on any other `<script>`,
 * unreadable island props, or a page without `</head>`/`</body>`.
 * @param {(names: string[]) => { entryUrl: string, preloads: string[] }} scriptsFor the URLs a set of islands needs
 * @param {(name: string, props: object, index: number) => string} renderIsland the HTML of the `index`-th island
 */
export function rewritePage(html, file, scriptsFor, renderIsland) {
  const page = analysePage(html);
  if (page.otherScripts.length) {
    const s = page.otherScripts[0];
    throw new Error(
      `${file}:${s.line}: a <script> that is not Next's (${s.src ?? 'inline'}); islands are the only scripts a page may have`,
    );
  }
  const edits = page.nextScripts.map(({ start, end }) => ({ start, end }));
  page.islands.forEach((island, index) => {
    let props;
    try {
      props = JSON.parse(island.props);
    } catch (err) {
      throw new Error(`${file}:${island.line}: island "${island.name}" has unreadable data-props (${err.message})`);
    }
    let rendered;
    try {
      rendered = renderIsland(island.name, props, index);
    } catch (err) {
      throw new Error(`${file}:${island.line}: island "${island.name}" did not render: ${err.message}`);
    }
    edits.push({ start: island.start, end: island.end, insert: rendered });
  });
  const names = [...new Set(page.islands.map((i) => i.name))];
  if (names.length) {
    if (page.bodyEnd === undefined) throw new Error(`${file}: no </body> to add the island script to`);
    const { entryUrl, preloads } = scriptsFor(names);
    const chunks = preloads.filter((u) => u !== entryUrl);
    for (const u of [entryUrl, ...chunks])
      if (!/^\/[\w./-]+$/.test(u)) throw new Error(`${file}: an island script URL that cannot go in HTML as is: ${u}`);
    edits.push({
      start: page.bodyEnd,
      insert: `<script type="module" src="${entryUrl}" ${CHUNKS_ATTRIBUTE}="${chunks.join(' ')}"></script>`,
    });
  }
  return { html: splice(html, edits), islands: names, removed: page.nextScripts.length };
}

/** Gzip size (level 9) of each file, cached. */
function gzipSizer() {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) cache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
    return cache.get(file);
  };
}

/** The JavaScript a built page loads: its module script, the chunks that script preloads, and any modulepreload link, as URLs. */
export function pageScripts(html) {
  return [...new Set(analysePage(html).assets)];
}

/**
 * Checks the rewritten site in `outDir`; returns one message per problem, each naming the file:
 * no page refers to Next's JavaScript and none is left (its CSS, inlined with a data-href, stays); every script and preload URL a page names exists;
 * a page without islands loads no script; a page with islands loads at most `budgetBytes` of gzip JavaScript.
 * @returns {{ errors: string[], jsBytes: Map<string, number> }} jsBytes: gzip bytes of JavaScript per page file
 */
export function checkOutput(outDir, pageFiles, { budgetBytes = JS_BUDGET_GZIP_BYTES } = {}) {
  const errors = [];
  const jsBytes = new Map();
  const gzip = gzipSizer();
  const rel = (f) => path.relative(path.dirname(outDir), f);
  for (const file of pageFiles) {
    const page = analysePage(fs.readFileSync(file, 'utf8'));
    if (page.nextJsRefs.length) errors.push(`${rel(file)}: still refers to Next's JavaScript (${page.nextJsRefs[0]})`);
    if (page.nextScripts.length || page.otherScripts.length > (page.islands.length ? 1 : 0)) {
      errors.push(
        `${rel(file)}: ${page.nextScripts.length + page.otherScripts.length} <script>/preload elements where ${page.islands.length ? 'one' : 'none'} belongs`,
      );
    }
    let bytes = 0;
    for (const url of new Set(page.assets)) {
      const asset = path.join(outDir, url.replace(/^\//, ''));
      if (!url.startsWith('/') || !fs.existsSync(asset))
        errors.push(`${rel(file)}: loads ${url}, which is not in ${path.basename(outDir)}/`);
      else bytes += gzip(asset);
    }
    const islandAssets = page.assets.filter((a) => !page.siteScripts.includes(a));
    if (!page.islands.length && islandAssets.length)
      errors.push(`${rel(file)}: has no islands but loads ${islandAssets.join(', ')}`);
    if (bytes > budgetBytes) {
      errors.push(
        `${rel(file)}: loads ${(bytes / 1024).toFixed(1)} KiB of JavaScript (gzip), over the budget of ${(budgetBytes / 1024).toFixed(0)} KiB`,
      );
    }
    jsBytes.set(file, bytes);
  }
  const leftover = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|mjs)$/.test(e.name)) leftover.push(rel(p));
    }
  };
  if (fs.existsSync(path.join(outDir, '_next'))) walk(path.join(outDir, '_next'));
  if (leftover.length)
    errors.push(
      `Next's JavaScript is still in the output: ${leftover.slice(0, 5).join(', ')}${leftover.length > 5 ? ` and ${leftover.length - 5} more` : ''}`,
    );
  return { errors, jsBytes };
}
