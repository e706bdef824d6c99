#!/usr/bin/env node
// The one test command: format (Prettier), lint, typecheck, unit tests, production build, e2e in Chromium.
// Ends with a plain "N passed, N failed" line summed from the runners' JSON reports
// (lint, typecheck and build count as one check each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
fs.mkdirSync('reports', { recursive: true });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
  return ok;
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  console.log(`Chromium not found at ${CHROMIUM}; installing Debian's chromium with apt…`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const apt = (args) =>
    spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (apt(['update']).status === 0 && apt(['install', '-y', 'chromium']).status === 0 && fs.existsSync(CHROMIUM))
    return true;
  console.error(
    `\nCannot run the browser tests: no Chromium at ${CHROMIUM} and apt could not install it.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary, then run npm test again.',
  );
  return false;
}

function countVitest(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0 };
  } catch {
    return null;
  }
}

function countPlaywright(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    const s = j.stats ?? {};
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
  } catch {
    return null;
  }
}

const chromiumOk = ensureChromium();

check('format', 'npx', ['prettier', '--check', '.']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('typecheck', 'sh', ['-c', 'npx next typegen && npx tsc --noEmit']);

fs.rmSync('reports/vitest.json', { force: true });
const unitOk = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=reports/vitest.json',
]);
const unit = countVitest('reports/vitest.json');
if (unit) {
  passed += unit.passed;
  failed += unit.failed;
}
if (!unitOk && (!unit || unit.failed === 0)) {
  failed += 1;
}
if (!unitOk) failures.push('unit');

const buildOk = check('build', 'npm', ['run', 'build']);

if (buildOk && chromiumOk) {
  fs.rmSync('reports/playwright.json', { force: true });
  const e2eOk = run('e2e', 'npx', ['playwright', 'test'], { env: { CHROMIUM_PATH: CHROMIUM } });
  const e2e = countPlaywright('reports/playwright.json');
  if (e2e) {
    passed += e2e.passed;
    failed += e2e.failed;
  }
  if (!e2eOk && (!e2e || e2e.failed === 0)) failed += 1;
  if (!e2eOk) failures.push('e2e');
} else {
  failed += 1;
  failures.push(chromiumOk ? 'e2e (skipped: build failed)' : 'e2e (skipped: no Chromium)');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
