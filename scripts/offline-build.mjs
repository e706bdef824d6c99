// Offline decks (issue 15 item 21), the build half: after scripts/islands.mjs has rewritten the pages, write for each
// deck (/present/<slug>) the list of URLs it needs to run with the network off — its HTML, the fonts its inlined CSS
// names, every island module it loads or may import later, its icon — to out/_offline/<slug>.json, and stamp the
// build id into out/sw.js (public/sw.js), which names its cache after it and deletes other builds' caches.
// The service worker reads these lists when components/offline/OfflineStatus.tsx asks it to make a deck ready.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { CHUNKS_ATTRIBUTE, chunkList } from './islands-build.mjs';

/** Where the per-deck lists are served from, under out/. */
export const OFFLINE_PREFIX = '/_offline/';
/** The placeholder in public/sw.js that the build replaces with the build id. */
export const BUILD_ID_PLACEHOLDER = '__OFFLINE_BUILD_ID__';
/** A deck page's file under out/, relative: present/<slug>.html. */
const DECK_FILE = /^present\/([a-z0-9-]+)\.html$/;

/** The deck slug of a page file relative to out/ ('present/memory.html' → 'memory'), or null for any other page. */
export function deckSlugOf(relFile) {
  const m = DECK_FILE.exec(relFile.split(path.sep).join('/'));
  return m ? m[1] : null;
}

function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) yield child;
    yield* elements(child);
  }
}
const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;

/**
 * The same-site URLs a page loads by itself: scripts and module preloads (including the chunks the islands entry
 * lists in its `data-chunks`), stylesheets, icons, images, and the
 * `url(...)` of its inline `<style>` (Next inlines the CSS; KaTeX's fonts are named there). Fonts are kept in
 * WOFF2 only: each @font-face lists WOFF2 first, and every browser with service workers reads it, so the WOFF and
 * TTF copies are never fetched. Query strings and fragments are dropped; external and data: URLs are left out.
 * @returns {string[]} sorted, without duplicates
 */
export function pageAssetUrls(html) {
  const doc = parse(html);
  const urls = new Set();
  const add = (u) => {
    if (!u || !u.startsWith('/') || u.startsWith('//')) return;
    urls.add(u.replace(/[?#].*$/, ''));
  };
  for (const el of elements(doc)) {
    if (el.tagName === 'script') {
      add(attr(el, 'src'));
      // The islands entry preloads the page's chunks itself, after first paint (components/islands/boot.ts).
      for (const u of chunkList(attr(el, CHUNKS_ATTRIBUTE))) add(u);
    } else if (el.tagName === 'img') add(attr(el, 'src'));
    else if (el.tagName === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.some((r) => ['modulepreload', 'stylesheet', 'icon', 'preload', 'manifest'].includes(r)))
        add(attr(el, 'href'));
    } else if (el.tagName === 'style') {
      const css = (el.childNodes ?? []).map((c) => c.value ?? '').join('');
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const u = m[2];
        if (/\.(woff|ttf|otf|eot)(\?|#|$)/i.test(u)) continue; // fonts in WOFF2 only (see above)
        add(u);
      }
    }
  }
  return [...urls].sort();
}

/** The module scripts a page runs (`<script src>`): the islands entry, whose lazy loaders name every island. */
export function pageEntryScripts(html) {
  const urls = [];
  for (const el of elements(parse(html))) {
    const src = el.tagName === 'script' ? attr(el, 'src') : undefined;
    if (src && src.startsWith('/') && !src.startsWith('//')) urls.push(src.replace(/[?#].*$/, ''));
  }
  return urls;
}

/**
 * Which module imports which, as public URLs, from esbuild's metafile, static and dynamic imports apart.
 * @param {(metafilePath: string) => string} publicUrl
 * @returns {Map<string, { static: string[], dynamic: string[] }>}
 */
export function moduleGraph(metafile, publicUrl) {
  const graph = new Map();
  for (const [file, out] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    const imports = (out.imports ?? []).filter((i) => !i.external && i.path.endsWith('.js'));
    graph.set(publicUrl(file), {
      static: imports.filter((i) => i.kind !== 'dynamic-import').map((i) => publicUrl(i.path)),
      dynamic: imports.filter((i) => i.kind === 'dynamic-import').map((i) => publicUrl(i.path)),
    });
  }
  return graph;
}

/**
 * `start` and every module reachable from it in `graph`, sorted: static imports always, dynamic ones except from
 * `noDynamicFrom`. A widget may load a part of itself on first use (offline that part must be stored already), but
 * the islands entry's dynamic imports are its lazy loaders for every island of the site: the page's own islands are
 * among its preloads already, and the others it never loads.
 */
export function reachable(start, graph, noDynamicFrom = []) {
  const skip = new Set(noDynamicFrom);
  const seen = new Set();
  const stack = [...start];
  while (stack.length) {
    const u = stack.pop();
    if (seen.has(u)) continue;
    seen.add(u);
    const node = graph.get(u);
    if (!node) continue;
    for (const next of node.static) stack.push(next);
    if (!skip.has(u)) for (const next of node.dynamic) stack.push(next);
  }
  return [...seen].sort();
}

/**
 * One deck's offline list: the page itself (at its clean URL, as it is visited), what the page loads
 * ({@link pageAssetUrls}) and every module those scripts can import ({@link reachable}; not the entry's loaders
 * for islands the page does not show).
 * @returns {{ version: string, deck: string, urls: string[] }}
 */
export function deckManifest({ slug, html, graph, buildId }) {
  const deck = `/present/${slug}`;
  const assets = pageAssetUrls(html);
  const scripts = assets.filter((u) => u.endsWith('.js'));
  const urls = new Set([deck, ...assets, ...reachable(scripts, graph, pageEntryScripts(html))]);
  return { version: buildId, deck, urls: [...urls].sort() };
}

/**
 * The build id the cache is named after: Next's (.next/BUILD_ID) when there is one, else a hash of every page's
 * HTML (which names every hashed asset). Only letters, digits, '-' and '_' (it becomes part of a cache name).
 */
export function buildIdOf(root, pageHtmls) {
  const file = path.join(root, '.next', 'BUILD_ID');
  const fromNext = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  const hash = crypto.createHash('sha256');
  for (const h of pageHtmls) hash.update(h);
  const id = `${fromNext ? `${fromNext}-` : ''}${hash.digest('hex').slice(0, 12)}`;
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Writes out/_offline/<slug>.json for every deck page and stamps the build id into out/sw.js. Returns problems
 * (a listed URL missing from out/, no sw.js, no placeholder in it) rather than throwing, as checkOutput does.
 * @param {{ outDir: string, root: string, pages: string[], metafile: object, publicUrl: (p: string) => string }} o
 * @returns {{ errors: string[], decks: string[], buildId: string }}
 */
export function writeOfflineManifests({ outDir, root, pages, metafile, publicUrl }) {
  const errors = [];
  const decks = pages
    .map((file) => ({ file, slug: deckSlugOf(path.relative(outDir, file)) }))
    .filter((d) => d.slug !== null);
  const htmls = new Map(decks.map((d) => [d.file, fs.readFileSync(d.file, 'utf8')]));
  const buildId = buildIdOf(root, [...htmls.values()]);
  const graph = moduleGraph(metafile, publicUrl);
  const dir = path.join(outDir, OFFLINE_PREFIX.replace(/\//g, ''));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const { file, slug } of decks) {
    const manifest = deckManifest({ slug, html: htmls.get(file), graph, buildId });
    for (const u of manifest.urls) {
      const local = u === manifest.deck ? `${u}.html` : u;
      if (!fs.existsSync(path.join(outDir, local.replace(/^\//, ''))))
        errors.push(`${path.relative(root, file)}: the offline list names ${u}, which is not in out/`);
    }
    fs.writeFileSync(path.join(dir, `${slug}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const sw = path.join(outDir, 'sw.js');
  if (!fs.existsSync(sw)) errors.push('out/sw.js is missing (public/sw.js)');
  else {
    const source = fs.readFileSync(sw, 'utf8');
    if (!source.includes(BUILD_ID_PLACEHOLDER)) errors.push(`out/sw.js has no ${BUILD_ID_PLACEHOLDER} to stamp`);
    else fs.writeFileSync(sw, source.split(BUILD_ID_PLACEHOLDER).join(buildId));
  }
  return { errors, decks: decks.map((d) => d.slug), buildId };
}
