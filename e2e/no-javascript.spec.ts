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
  test.use({ javaScriptEnabled: false });

  for (const [path, note] of PAGES) {
    test(`${path} says it needs JavaScript instead of loading forever`, async ({ page, consoleErrors }) => {
      // 'commit': the fixture's wait for live islands would never end with scripts off.
      await page.goto(path, { waitUntil: 'commit' });
      await page.waitForLoadState('load');
      await expect(page.getByText(note).first()).toBeVisible();
      expect(consoleErrors).toEqual([]);
    });
  }
});

test('with JavaScript the note is never shown', async ({ page, consoleErrors }) => {
  await page.goto('/practice');
  await expect(page.locator('.needs-js')).toHaveCount(0);
  await expect(page.getByText('Practice needs JavaScript')).toBeHidden();
  expect(consoleErrors).toEqual([]);
});
