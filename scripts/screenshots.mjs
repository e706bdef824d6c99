#!/usr/bin/env node
// Screenshots of pages at desktop and mobile widths, light and dark, for a human look.
// Usage: node scripts/screenshots.mjs /path1 /path2 …  (serves out/ on a spare port)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const port = 3201;
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const server = spawn('node', ['node_modules/serve/build/main.js', 'out', '-l', String(port), '--no-clipboard'], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 1200));
fs.mkdirSync('reports/screenshots', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic'],
});
try {
  for (const p of paths) {
    for (const [w, h, tag] of [
      [1280, 900, 'desktop'],
      [390, 844, 'mobile'],
    ]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
        await page.goto(`http://127.0.0.1:${port}${p}`, { waitUntil: 'networkidle' });
        const name = `reports/screenshots/${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${tag}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
        console.log(name);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
