import { test, expect } from './fixtures';

/** Pages whose main content is an island, and the first words of the note each shows without JavaScript. */
const PAGES: Array<[string, string]> = [
  ['/practice', 'Practice needs JavaScript'],
  ['/interview', 'The mock interview needs JavaScript'],
  ['/tools/memory', 'This calculator needs JavaScript'],
  ['/tools/speed', 'This calculator needs JavaScript'],
  ['/tools/rounding', 'This demo needs JavaScript'],
];

test.describe('without JavaScript', () => {
  // Chromium under Playwright's javaScriptEnabled: false stops scripts but its HTML parser still treats <noscript>
  // as raw text (the emulation does not clear the parser's scripting flag), so the note cannot be *seen* there; a
  // browser with JavaScript switched off renders it. What we can check is what such a browser receives.
  for (const [path, note] of PAGES) {
    test(`${path} carries a <noscript> note that it needs JavaScript instead of loading forever`, async ({
      request,
    }) => {
      const html = await (await request.get(path)).text();
      const noscript = html.match(/<noscript><p class="needs-js">([^<]*)<\/p><\/noscript>/);
      expect(noscript, `${path} has a <noscript> note`).not.toBeNull();
      expect(noscript![1]).toContain(note);
    });
  }
});

test('with JavaScript the note is never shown', async ({ page, consoleErrors }) => {
  await page.goto('/practice');
  await expect(page.locator('.needs-js')).toHaveCount(0);
  await expect(page.getByText('Practice needs JavaScript')).toBeHidden();
  expect(consoleErrors).toEqual([]);
});
