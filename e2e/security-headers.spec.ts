import { test, expect } from './fixtures';

// The e2e server runs with serve.json, as `npm start` does; every other spec therefore runs under this CSP too
// (a blocked script or style would show up in their console-error checks).
test('pages are served with the security headers', async ({ page, consoleErrors }) => {
  for (const route of ['/', '/practice', '/tools/memory']) {
    const res = await page.goto(route);
    const headers = res?.headers() ?? {};
    // 'self' plus the one inline script the pages carry, the theme script, by its hash (never 'unsafe-inline').
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(/script-src([^;]*)/.exec(headers['content-security-policy'] ?? '')?.[1]).not.toContain('unsafe-inline');
    // The theme script ran under that CSP: it marks <html>.
    await expect(page.locator('html')).toHaveClass(/theme-js/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
  expect(consoleErrors).toEqual([]);
});

test('the site cannot be framed (no clickjacking of reset or replace buttons)', async ({ page, baseURL }) => {
  // No consoleErrors fixture here: the browser logs the refused frame as an error, which is the point.
  await page.goto('about:blank');
  await page.setContent(`<iframe title="framed" src="${baseURL}/practice" width="800" height="600"></iframe>`);
  await page.waitForTimeout(1_000);
  await expect(page.frameLocator('iframe').locator('[data-island]')).toHaveCount(0);
});
