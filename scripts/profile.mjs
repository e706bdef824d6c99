// CPU profile of one page load: which functions cost the most self time before the widgets are live.
// Usage: npm run build, then node scripts/profile.mjs /tools/memory
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['node_modules/serve/build/main.js', 'out', '-l', '3207', '--no-clipboard'], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 1200));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto('http://127.0.0.1:3207' + process.argv[2]);
await page.waitForSelector('[data-hydrated]');
await page.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0));
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, us] of rows) console.log((us / 1000).toFixed(1).padStart(7), 'ms', k);
await browser.close();
srv.kill();
