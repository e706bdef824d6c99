#!/usr/bin/env node
// Post-build step: turn Next's static export into static HTML + islands.
//
// Next's App Router ships its router, React and the page's RSC payload (the whole page
// again, as data) on every page, even one with no interactive part. On a phone that
// costs ~0.5 s of blocked main thread before anything responds. This step:
//   1. bundles components/islands/client.ts with esbuild, React aliased to preact/compat
//      (≈10 KiB gzip instead of ≈135), one lazily loaded chunk per widget;
//   2. removes Next's <script> tags from every page in out/ and, on pages that contain
//      a `data-island` element, adds the island loader plus modulepreload links for the
//      exact chunks that page's widgets need;
//   3. deletes the JavaScript and RSC payload files nothing references any more.
// Prose pages end up with no JavaScript at all. Fails (exit 1) on an unknown island name.
// Usage: next build && node scripts/islands.mjs   (npm run build does both)
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'out');
const islandsDir = path.join(outDir, '_islands');
const publicPrefix = '/_islands/';

if (!fs.existsSync(path.join(outDir, 'index.html'))) {
  console.error('islands: out/index.html not found; run `next build` first.');
  process.exit(1);
}

// 1. Bundle.
fs.rmSync(islandsDir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['components/islands/client.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  outdir: islandsDir,
  entryNames: '[name]-[hash]',
  chunkNames: 'c-[hash]',
  metafile: true,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react-dom/client': 'preact/compat/client',
    'react/jsx-runtime': 'preact/jsx-runtime',
    'next/link': './components/islands/link-shim.tsx',
  },
  loader: { '.css': 'empty' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logOverride: { 'module-level-directive': 'silent' },
  logLevel: 'warning',
});

const outputs = result.metafile.outputs;
const rel = (p) => path.relative(root, path.resolve(root, p)).split(path.sep).join('/');
const publicUrl = (p) => publicPrefix + path.relative(islandsDir, path.resolve(root, p)).split(path.sep).join('/');

const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint === 'components/islands/client.ts');
if (!entryOut) throw new Error('islands: esbuild produced no entry chunk');

/** Output files a chunk needs, following static imports. */
function staticClosure(out, seen = new Set()) {
  if (seen.has(out)) return seen;
  seen.add(out);
  for (const imp of outputs[out]?.imports ?? []) if (imp.kind === 'import-statement') staticClosure(imp.path, seen);
  return seen;
}

// Island name → source module, read from the registry's import() lines.
const registrySrc = fs.readFileSync(path.join(root, 'components/islands/registry.ts'), 'utf8');
const islandSources = new Map();
for (const m of registrySrc.matchAll(/'([a-z0-9-]+)':\s*\(\)\s*=>\s*import\('([^']+)'\)/g)) {
  const src = rel(path.join('components/islands', m[2]));
  islandSources.set(m[1], src);
}
const chunkForSource = new Map();
for (const [out, meta] of Object.entries(outputs)) {
  if (!meta.entryPoint) continue;
  chunkForSource.set(meta.entryPoint.replace(/\.(tsx?|jsx?)$/, ''), out);
}

const entryClosure = staticClosure(entryOut);
function chunksForIslands(names) {
  const files = new Set();
  for (const name of names) {
    const src = islandSources.get(name);
    const chunk = src && chunkForSource.get(src);
    if (!chunk) throw new Error(`islands: no chunk for island "${name}" (source ${src ?? 'not in registry'})`);
    for (const f of staticClosure(chunk)) if (!entryClosure.has(f)) files.add(f);
  }
  return [...files];
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

const entryUrl = publicUrl(entryOut);
let pages = 0;
let islandPages = 0;
const errors = [];
for (const file of htmlFiles(outDir)) {
  let html = fs.readFileSync(file, 'utf8');
  html = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '');
  const names = new Set([...html.matchAll(/data-island="([^"]+)"/g)].map((m) => m[1]));
  for (const n of names) if (!islandSources.has(n)) errors.push(`${path.relative(root, file)}: unknown island "${n}"`);
  if (names.size && !errors.length) {
    // The entry and everything it imports statically (Preact), then each island's own chunks.
    const preload = [...entryClosure, ...chunksForIslands(names)]
      .map((o) => `<link rel="modulepreload" href="${publicUrl(o)}"/>`)
      .join('');
    html = html.replace('</head>', `${preload}</head>`);
    html = html.replace('</body>', `<script type="module" src="${entryUrl}"></script></body>`);
    islandPages += 1;
  }
  fs.writeFileSync(file, html);
  pages += 1;
}
if (errors.length) {
  console.error(`islands: ${errors.join('\n')}`);
  process.exit(1);
}

// 3. Remove what no page loads any more: Next's JS chunks and the RSC payloads for client navigation.
let removed = 0;
const chunksDir = path.join(outDir, '_next/static/chunks');
if (fs.existsSync(chunksDir)) {
  for (const f of fs.readdirSync(chunksDir)) if (f.endsWith('.js')) { fs.rmSync(path.join(chunksDir, f)); removed += 1; }
}
function removeRscPayloads(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_next' && entry.name !== '_islands') removeRscPayloads(p);
      if (entry.name.startsWith('__next.') && fs.readdirSync(p).length === 0) fs.rmdirSync(p);
    } else if (entry.name.endsWith('.txt') && (entry.name.startsWith('__next.') || fs.existsSync(p.replace(/\.txt$/, '.html')))) {
      fs.rmSync(p);
      removed += 1;
    }
  }
}
removeRscPayloads(outDir);

const bundleBytes = Object.entries(outputs).reduce((s, [, m]) => s + m.bytes, 0);
console.log(`islands: ${pages} pages rewritten, ${islandPages} with islands; bundle ${Object.keys(outputs).length} files, ${(bundleBytes / 1024).toFixed(1)} KiB raw; removed ${removed} unused files`);
