import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every e2e test gets a page that records console errors and uncaught
 * exceptions; the test fails if any were logged.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  /**
   * `page.goto` also brings every island the page displays to life (`hydrateDisplayedIslands`): until React has
   * hydrated it, a field takes typing but nothing answers it, so a test acting earlier would depend on timing.
   * Polled from the test side, so it works with `page.clock` installed. `waitUntil: 'commit'` skips the wait (for
   * tests that act before the islands are live).
   */
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (options?.waitUntil === 'commit') return response;
      await hydrateDisplayedIslands(page);
      return response;
    };
    await use(page);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(errors);
    expect(errors, 'console errors on the page').toEqual([]);
  },
});

export { expect };

/**
 * Brings every island the page displays to life and returns how many that is. Islands hydrate when they come near
 * the viewport (components/islands/boot.ts), so each displayed one is scrolled to in turn and awaited, and the page
 * is then scrolled back to the top. An island with nothing rendered hydrates at once and is awaited too; one that is
 * not displayed (on a slide not shown, in a closed <details>) is left as it is.
 */
export async function hydrateDisplayedIslands(page: Page): Promise<number> {
  const islands = page.locator('[data-island]');
  const n = await islands.count();
  let live = 0;
  for (let i = 0; i < n; i++) {
    const island = islands.nth(i);
    const displayed = await island.evaluate((el) => {
      const box = el.firstElementChild;
      if (!box) return true;
      if (box.getClientRects().length === 0) return false;
      box.scrollIntoView({ block: 'center' });
      return true;
    });
    if (!displayed) continue;
    await expect(island).toHaveAttribute('data-hydrated', 'true', { timeout: 15_000 });
    live += 1;
  }
  if (n) await page.evaluate(() => window.scrollTo(0, 0));
  return live;
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) and expects zero violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Runs the axe check in dark mode too (colour contrast differs). */
export async function expectNoAxeViolationsLightAndDark(page: Page) {
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
}
