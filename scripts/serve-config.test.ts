import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The headers `npm start` sends: serve.json, read by `serve --config ../serve.json` (resolved from out/). The test
 * serves a tiny folder with serve-handler — the library `serve` runs — and this config, and reads the real headers.
 */
const root = path.resolve(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'serve.json'), 'utf8')) as Record<string, unknown>;
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, options: Record<string, unknown>) => Promise<void>;
const handler = createRequire(path.join(root, 'node_modules/serve/package.json'))('serve-handler') as Handler;

/** The CSP hash of components/theme/theme-script.js, the one inline script the pages carry. */
const themeScriptHash = `'sha256-${crypto
  .createHash('sha256')
  .update(fs.readFileSync(path.join(root, 'components', 'theme', 'theme-script.js'), 'utf8'), 'utf8')
  .digest('base64')}'`;

let server: http.Server;
let base = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-config-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>home</title>');
  fs.mkdirSync(path.join(dir, 'practice'));
  fs.writeFileSync(path.join(dir, 'practice', 'index.html'), '<!doctype html><title>practice</title>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'export {};');
  server = http.createServer((req, res) => void handler(req, res, { ...config, public: dir }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('security headers served by npm start (serve.json)', () => {
  it('npm start and the e2e server both use serve.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toContain('--config ../serve.json');
    expect(fs.readFileSync(path.join(root, 'playwright.config.ts'), 'utf8')).toContain('--config ../serve.json');
  });

  for (const route of ['/', '/practice', '/app.js', '/no-such-page']) {
    it(`${route}: CSP with script-src 'self' + the theme script's hash, frame-ancestors 'none', nosniff, a referrer policy, no framing`, async () => {
      const res = await fetch(`${base}${route}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values] as const),
      );
      // 'self' and exactly one inline script: the theme script, by the SHA-256 of its current text (so editing the
      // script without updating serve.json fails here, and the page would otherwise lose its theme under the CSP).
      expect(directives.get('script-src')).toEqual(["'self'", themeScriptHash]);
      expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    });
  }
});
