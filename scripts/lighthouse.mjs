#!/usr/bin/env node
// Lighthouse (mobile, default throttling) on the production build, plus first-load JS per route (gzip).
// Usage: npx next build && node scripts/lighthouse.mjs [/route …]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const port = 3202;
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/lessons/memory', '/tools/memory'];
fs.mkdirSync('reports/lighthouse', { recursive: true });

function htmlFile(route) {
  if (route === '/') return 'out/index.html';
  return `out${route}.html`;
}

/** Sum of gzip sizes of the script chunks the page loads (script src + modulepreload; noModule polyfills excluded). */
function firstLoadJsGzip(route) {
  const html = fs.readFileSync(htmlFile(route), 'utf8');
  const srcs = new Set(
    [
      ...[...html.matchAll(/<script([^>]*)>/g)]
        .filter((m) => !/noModule/i.test(m[1]))
        .map((m) => /src="([^"]+\.js)"/.exec(m[1])?.[1]),
      ...[...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]),
    ].filter(Boolean),
  );
  let bytes = 0;
  for (const src of srcs) {
    const file = path.join('out', src.replace(/^\//, ''));
    if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  return { chunks: srcs.size, kib: bytes / 1024 };
}

const server = spawn('node', ['node_modules/serve/build/main.js', 'out', '-l', String(port), '--no-clipboard'], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 1500));
const rows = [];
try {
  for (const route of routes) {
    const out = `reports/lighthouse/${route.replace(/[^a-z0-9]+/gi, '_') || 'home'}.json`;
    const r = spawnSync(
      'npx',
      [
        'lighthouse',
        `http://127.0.0.1:${port}${route}`,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-gpu-compositing --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run',
      ],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
    );
    if (r.status !== 0) {
      rows.push({ route, error: `lighthouse exit ${r.status}` });
      continue;
    }
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    const score = (k) => Math.round((j.categories[k]?.score ?? 0) * 100);
    rows.push({
      route,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(j.audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(j.audits['total-blocking-time'].numericValue),
      firstLoadJsGzipKiB: Number(firstLoadJsGzip(route).kib.toFixed(1)),
    });
  }
} finally {
  server.kill();
}
console.table(rows);
