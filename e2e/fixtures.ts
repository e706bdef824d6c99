import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every e2e test gets a page that records console errors and uncaught
 * exceptions; the test fails if any were logged.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  /**
   * `page.goto` also waits until every island on the page is live (`data-hydrated`):
   * until React has hydrated it, a field takes typing but nothing answers it, so a test
   * acting earlier would depend on timing (islands off screen hydrate when idle). Polled from the test side, so it
   * works with `page.clock` installed. `waitUntil: 'commit'` skips the wait (for
   * tests that act before the islands are live).
   */
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (options?.waitUntil === 'commit') return response;
      await expect(page.locator('[data-island]:not([data-hydrated="true"])')).toHaveCount(0, { timeout: 15_000 });
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
