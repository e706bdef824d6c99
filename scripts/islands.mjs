#!/usr/bin/env node
// Post-build step: turn Next's static export into static HTML + React islands.
//
// Next's App Router ships its router, React and the page's RSC payload (the whole page
// again, as data) on every page, even one with no interactive part. On a phone that
// costs ~0.5 s of blocked main thread before anything responds. This step:
//   1. imports the island registry (components/islands/registry.ts) and bundles, with esbuild and
//      React 19, an entry generated from it (client.ts's hydrateIslands with one lazy loader per
//      island) plus one chunk per island; esbuild's metafile says which files each island needs;
//   2. parses every page in out/ with parse5, renders each island's content again as its own React root
//      with the identifierPrefix the browser hydrates it with (so useId's ids match; Astro does the same),
//      removes Next's <script>s and script preloads (and fails on any other <script>), and on pages with
//      a `data-island` element adds the entry module, which lists in `data-chunks` exactly the chunks that
//      page's islands need and preloads them after first paint (components/islands/boot.ts);
//   3. deletes Next's JavaScript and the RSC payload files nothing references any more;
//   4. checks the result (file names in every message): no reference to Next's chunks is left, every
//      script URL a page names exists, pages without islands load no script, and no page loads more
//      JavaScript (gzip) than the budget in scripts/islands-build.mjs;
//   5. writes each deck's offline file list and stamps the service worker (scripts/offline-build.mjs).
// Prose pages end up with no JavaScript at all. Exits 1 on any problem.
// ISLANDS_DEBUG=1: unminified bundle with source maps (out/_islands/*.js.map); the budget is not checked.
// Usage: next build && node scripts/islands.mjs   (npm run build does both)
import fs from 'node:fs';
import path from 'node:path';
import {
  bundleIslands,
  checkOutput,
  islandChunks,
  loadRegistry,
  PUBLIC_PREFIX,
  rewritePage,
} from './islands-build.mjs';
import { writeOfflineManifests } from './offline-build.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'out');
const islandsDir = path.join(outDir, PUBLIC_PREFIX.replace(/\//g, ''));
const debug = process.env.ISLANDS_DEBUG === '1';

function fail(messages) {
  console.error(`islands: build failed\n  ${messages.join('\n  ')}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(outDir, 'index.html'))) fail(['out/index.html not found; run `next build` first.']);

// 1. Bundle.
const { registry, renderIsland } = await loadRegistry(root, path.join(root, '.next/cache/islands'));
fs.rmSync(islandsDir, { recursive: true, force: true });
const result = await bundleIslands({ root, registry, outdir: islandsDir, debug });
const outputs = result.metafile.outputs;
const fromNext = Object.keys(result.metafile.inputs).filter((i) => /node_modules\/(next|preact)\//.test(i));
if (fromNext.length)
  fail([
    `the island bundle includes ${fromNext.slice(0, 3).join(', ')}: use a plain <a>, not next/link, in client components`,
  ]);
const chunks = islandChunks(result.metafile, Object.keys(registry));
const publicUrl = (p) => PUBLIC_PREFIX + path.relative(islandsDir, path.resolve(root, p)).split(path.sep).join('/');

/** The entry module and the chunks a page with these islands needs: the entry and runtime closure, then each island's chunks. */
function scriptsFor(names) {
  const unknown = names.filter((n) => !chunks.islands.has(n));
  if (unknown.length) throw new Error(`unknown island "${unknown[0]}" (not in components/islands/registry.ts)`);
  const files = new Set(chunks.entryClosure);
  for (const n of names) for (const f of chunks.islands.get(n)) files.add(f);
  return { entryUrl: publicUrl(chunks.entry), preloads: [...files].map(publicUrl) };
}

// 2. Rewrite the pages.
function* htmlFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_next' && entry.name !== '_islands') yield* htmlFiles(p);
    } else if (entry.name.endsWith('.html')) yield p;
  }
}

const pages = [...htmlFiles(outDir)];
const errors = [];
let islandPages = 0;
for (const file of pages) {
  const name = path.relative(root, file);
  try {
    const scripts = (names) => {
      try {
        return scriptsFor(names);
      } catch (err) {
        throw new Error(`${name}: ${err.message}`);
      }
    };
    const page = rewritePage(fs.readFileSync(file, 'utf8'), name, scripts, renderIsland);
    fs.writeFileSync(file, page.html);
    if (page.islands.length) islandPages += 1;
  } catch (err) {
    errors.push(err.message);
  }
}
if (errors.length) fail(errors);

// 3. Remove what no page loads any more: Next's JavaScript and the RSC payloads for client navigation.
let removed = 0;
function removeNextFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_islands') removeNextFiles(p);
      if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
    } else if (p.startsWith(path.join(outDir, '_next') + path.sep) && /\.(js|mjs)$/.test(entry.name)) {
      fs.rmSync(p);
      removed += 1;
    } else if (
      entry.name.endsWith('.txt') &&
      (entry.name.startsWith('__next.') || fs.existsSync(p.replace(/\.txt$/, '.html')))
    ) {
      fs.rmSync(p);
      removed += 1;
    }
  }
}
removeNextFiles(outDir);

// 4. Check the result.
const check = checkOutput(outDir, pages, { budgetBytes: debug ? Infinity : undefined });
if (check.errors.length) fail(check.errors);

// 5. Offline decks: each /present/<slug> page's list of files for the service worker, and its build id (scripts/offline-build.mjs).
const offline = writeOfflineManifests({ outDir, root, pages, metafile: result.metafile, publicUrl });
if (offline.errors.length) fail(offline.errors);
console.log(`islands: offline lists for ${offline.decks.length} decks, service worker build ${offline.buildId}`);

const bundleBytes = Object.values(outputs).reduce((s, m) => s + m.bytes, 0);
console.log(
  `islands: ${pages.length} pages rewritten, ${islandPages} with islands; bundle ${Object.keys(outputs).length} files, ` +
    `${(bundleBytes / 1024).toFixed(1)} KiB raw${debug ? ', unminified with source maps (ISLANDS_DEBUG=1)' : ''}; removed ${removed} unused files`,
);
if (result.workers.length)
  console.log(`islands: web workers ${result.workers.map((w) => `${w.source} → ${w.url}`).join(', ')}`);
const heaviest = [...check.jsBytes].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(
  `islands: JavaScript per page (gzip): ${heaviest.map(([f, b]) => `${path.relative(outDir, f)} ${(b / 1024).toFixed(1)} KiB`).join(', ')}`,
);
