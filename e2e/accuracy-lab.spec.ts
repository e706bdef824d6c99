import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

// The worker downloads the 4.2 MB model, then evaluates 1,024 predictions per format (about 2 s per format on a
// laptop core; a loaded CI core may take several times that). Continuations are 120 bytes at FP16 and one format.
const COMPUTE_MS = 60_000;
const lab = (page: Page) => page.getByRole('region', { name: /Accuracy lab: a small model/ });
const table = (page: Page) => lab(page).getByRole('table', { name: /Held-out accuracy of the small model/ });
const row = (page: Page, format: string) => table(page).locator(`tr[data-format="${format}"]`);

test.describe('accuracy lab', () => {
  test('tool: precomputed table, run INT4 here, continue a prompt, axe passes', async ({ page, consoleErrors }) => {
    await page.goto('/tools/accuracy');
    await expect(page.getByRole('heading', { level: 1, name: 'Accuracy lab' })).toBeVisible();
    const w = lab(page);
    // Precomputed numbers before anything runs: fp16 first, every format listed (header + 12 rows).
    await expect(table(page).getByRole('row')).toHaveCount(13);
    await expect(table(page).getByRole('row').nth(1)).toContainText('FP16');
    await expect(row(page, 'int4-g128')).toContainText('precomputed');

    await w.getByLabel('Format or method').selectOption('int4-g128');
    await w.getByRole('button', { name: 'Run INT4 RTN' }).click();
    const int4 = row(page, 'int4-g128');
    await expect(int4).toContainText('run here', { timeout: COMPUTE_MS });
    await expect(int4).toContainText(/2\.79\d\d/); // perplexity (lib/lab: 2.7932 on this model)
    await expect(row(page, 'fp16')).toContainText('run here');
    await expect(w.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    // A prompt, continued at FP16 and INT2 side by side, keyboard only for the button.
    await w.getByLabel('Prompt').fill('And the LORD said unto Moses, ');
    await w.getByLabel('Compare FP16 with').selectOption('int2-g128');
    await w.getByRole('button', { name: 'Continue the prompt' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      w.getByText(/INT2 RTN (first differs from FP16 at character \d+|continues exactly as FP16)/),
    ).toBeVisible({
      timeout: COMPUTE_MS,
    });
    await expect(w.getByRole('figure')).toHaveCount(2);

    // An empty prompt gets a message, not a run.
    await w.getByLabel('Prompt').fill('  ');
    await w.getByRole('button', { name: 'Continue the prompt' }).click();
    await expect(w.getByText('Type a prompt first.')).toBeVisible();

    await expect(page.locator('body')).not.toContainText(/NaN|Infinity|undefined/);
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });

  test('run all can be cancelled, keeping the rows already computed', async ({ page, consoleErrors }) => {
    await page.goto('/tools/accuracy');
    const w = lab(page);
    await w.getByRole('button', { name: 'Run all' }).click();
    await expect(w.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    await expect(row(page, 'fp16')).toContainText('run here', { timeout: COMPUTE_MS });
    await w.getByRole('button', { name: 'Cancel' }).click();
    await expect(w.getByRole('status', { name: 'Accuracy lab status' })).toContainText('Cancelled');
    await expect(row(page, 'fp16')).toContainText('run here');
    await expect(w.getByRole('button', { name: 'Run all' })).toBeEnabled();
    expect(consoleErrors).toEqual([]);
  });

  test('a model that cannot be downloaded gives a clear error', async ({ page }) => {
    // The download happens in the Web Worker; a context route covers worker requests too (Playwright ≥ 1.48 intercepts
    // dedicated workers' fetches in Chromium, microsoft/playwright#32355).
    await page
      .context()
      .route('**/lab/kjv-lab.safetensors', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto('/tools/accuracy');
    await lab(page).getByRole('button', { name: 'Run all' }).click();
    await expect(lab(page).getByRole('alert')).toContainText('Could not download the model', { timeout: COMPUTE_MS });
  });
});
