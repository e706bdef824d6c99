#!/usr/bin/env node
// Lighthouse (mobile, default throttling) on the production build, plus first-load JS per route (gzip).
// Each route runs RUNS times (default 3); the table shows the median run and every run's performance score.
// Usage: npm run build && node scripts/lighthouse.mjs [/route …]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pageScripts } from './islands-build.mjs';

const port = 3202;
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/lessons/memory', '/tools/memory'];
fs.mkdirSync('reports/lighthouse', { recursive: true });

function htmlFile(route) {
  if (route === '/') return 'out/index.html';
  return `out${route}.html`;
}

/** Sum of gzip sizes of the JavaScript the page loads, as the islands build counts it (its pageScripts). */
function firstLoadJsGzip(route) {
  const srcs = new Set(pageScripts(fs.readFileSync(htmlFile(route), 'utf8')));
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
/** One Lighthouse run of `route`; its report goes to `out`. Returns the scores and metrics, or an error. */
function runOnce(route, out) {
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
  if (r.status !== 0) return { error: `lighthouse exit ${r.status}` };
  const j = JSON.parse(fs.readFileSync(out, 'utf8'));
  const score = (k) => Math.round((j.categories[k]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: Math.round(j.audits['first-contentful-paint'].numericValue),
    lcpMs: Math.round(j.audits['largest-contentful-paint'].numericValue),
    tbtMs: Math.round(j.audits['total-blocking-time'].numericValue),
  };
}

// Lighthouse's simulated throttling multiplies what this machine's CPU did by 4, so one run's score moves by several
// points with the machine's load; Lighthouse's docs advise the median of several runs. RUNS=1 for a quick look.
const runs = Math.max(1, Number(process.env.RUNS ?? 3));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const route of routes) {
    const name = route.replace(/[^a-z0-9]+/gi, '_') || 'home';
    const results = [];
    for (let i = 0; i < runs; i++) {
      const res = runOnce(route, `reports/lighthouse/${name}${runs > 1 ? `-${i + 1}` : ''}.json`);
      if (res.error) {
        rows.push({ route, error: res.error });
        break;
      }
      results.push(res);
    }
    if (results.length < runs) continue;
    // The run whose performance score is the median, reported whole (its metrics belong together).
    const mid = results.find((r) => r.performance === median(results.map((x) => x.performance)));
    rows.push({
      route,
      ...mid,
      performanceRuns: results.map((r) => r.performance).join(' '),
      firstLoadJsGzipKiB: Number(firstLoadJsGzip(route).kib.toFixed(1)),
    });
  }
} finally {
  server.kill();
}
console.table(rows);
