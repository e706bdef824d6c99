import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** The slide on screen: the one region named "n of N: title" that is not hidden (as e2e/present.spec.ts). */
const currentSlide = (page: Page) => page.getByRole('region', { name: /^\d+ of \d+: / });
/** The deck's offline state, a polite status in a corner (components/offline/OfflineStatus.tsx). */
const offlineStatus = (page: Page) => page.getByRole('status').filter({ hasText: /offline/i });

/** Presses → until the slide titled `title` is on screen (at most 40 times). */
async function advanceTo(page: Page, title: string) {
  for (let i = 0; i < 40; i += 1) {
    const name = (await currentSlide(page).getAttribute('aria-label')) ?? '';
    if (name.endsWith(`: ${title}`)) return;
    await page.keyboard.press('ArrowRight');
    await expect(currentSlide(page)).not.toHaveAttribute('aria-label', name);
  }
  throw new Error(`slide "${title}" not reached`);
}

test('item 21: a deck visited once works with the network off, widgets included', async ({ page, context }) => {
  test.slow(); // the first visit stores the deck (about 40 files)
  await page.goto('/present/memory');
  await expect(page.locator('[data-island="deck-controller"][data-hydrated="true"]')).toBeAttached();
  await expect(offlineStatus(page)).toContainText('Ready offline', { timeout: 30_000 });

  await advanceTo(page, 'Try it');
  const deckUrl = page.url(); // /present/memory#n: a reload stays on this slide

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  expect(page.url()).toBe(deckUrl);
  // Every island shown (deck controller, this slide's calculator, offline status) loads its module from the stored
  // copy and hydrates; islands on slides not shown hydrate when they are (components/islands/boot.ts).
  for (const name of ['deck-controller', 'offline-status'])
    await expect(page.locator(`[data-island="${name}"][data-hydrated="true"]`)).toBeAttached({ timeout: 15_000 });
  await expect(currentSlide(page).locator('[data-island="memory-calculator"]')).toHaveAttribute(
    'data-hydrated',
    'true',
    { timeout: 15_000 },
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Memory: what a 70B model really needs' })).toBeAttached();

  const slide = currentSlide(page);
  await expect(slide).toHaveAttribute('aria-label', /: Try it$/);
  const result = slide.getByRole('status', { name: 'Result' });
  await slide.getByLabel('Batch size', { exact: true }).fill('64');
  await expect(result).toContainText('64 × 4,096 tokens'); // the calculator answers, offline

  // The presenter view is the same page: it opens offline too.
  const presenter = await context.newPage();
  const presenterResponse = await presenter.goto('/present/memory?view=presenter#1', { waitUntil: 'commit' });
  expect(presenterResponse?.fromServiceWorker()).toBe(true);
  await expect(presenter.locator('[data-island="deck-controller"][data-hydrated="true"]')).toBeAttached({
    timeout: 15_000,
  });
  await context.setOffline(false);
});

test('item 21: the offline state is announced once, on deck pages only', async ({ page }) => {
  await page.goto('/lessons/memory');
  await expect(offlineStatus(page)).toHaveCount(0);
  await page.goto('/present/precision');
  await expect(offlineStatus(page)).toHaveCount(1);
  await expect(offlineStatus(page)).toHaveText(/^(Ready offline|Not available offline|Preparing)/);
});
