import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Whether the element's box lies inside the viewport (at least partly, top and bottom both on screen). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
}

test.describe('item 16: the result summary stays in view while the inputs change (1280 × 800)', () => {
  test.use({ viewport: DESKTOP });

  test('/tools/memory: scrolled to the last input, the summary is on screen and follows the input', async ({
    page,
  }) => {
    await page.goto('/tools/memory');
    const widget = page.getByRole('region', { name: /your set-up/i });
    const summary = widget.getByRole('group', { name: 'Result summary' });
    await expect(summary).toContainText('Fits');
    await expect(summary).toContainText('Needs 51.3 GB of 78.6 GB'); // as the result line (e2e/memory.spec.ts)

    const engine = widget.getByLabel('Engine (KV reservation)', { exact: true });
    await engine.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200)); // the last input row well below the summary's first place
    expect(await inViewport(page, '.rsum-bar')).toBe(true);

    await widget.getByLabel('Weight format', { exact: true }).selectOption('bf16'); // 141.1 GB: does not fit on one A100
    await widget.getByLabel('Batch size', { exact: true }).scrollIntoViewIfNeeded();
    await expect(summary).toContainText('Does not fit');
    expect(await inViewport(page, '.rsum-bar')).toBe(true);
    // Only the full result speaks: the summary is not a live region.
    await expect(summary).not.toHaveAttribute('aria-live');
    await expect(summary.locator('[aria-live], [role="status"], [role="alert"]')).toHaveCount(0);
  });

  test('/tools/speed: scrolled past the inputs, the step time is on screen', async ({ page }) => {
    await page.goto('/tools/speed');
    const summary = page.getByRole('group', { name: 'Result summary' });
    await expect(summary).toContainText('13.0 ms per decode step'); // as e2e/speed.spec.ts
    await page.getByLabel('KV cache', { exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 300));
    expect(await inViewport(page, '.rsum-bar')).toBe(true);
    await page.getByLabel('Batch size', { exact: true }).fill('64');
    await expect(summary).toContainText('Total, 64 sequences');
  });
});

test.describe('item 16 on a phone: the summary is in the flow, not pinned', () => {
  test.use({ viewport: PHONE });
  test('/tools/memory at 390 px: the summary scrolls away with the page', async ({ page }) => {
    await page.goto('/tools/memory');
    await expect(page.locator('.rsum-bar').first()).toHaveCSS('position', 'static');
  });
});
