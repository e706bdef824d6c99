import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

// The lab quantizes a 256 × 256 layer twice in a Web Worker (about 1–3 s on a CI core), so results get time.
const COMPUTE_MS = 30_000;
const lab = (page: Page) => page.getByRole('region', { name: /Method lab: RTN vs GPTQ/ });
const ranking = (page: Page) => lab(page).getByRole('table', { name: /Held-out output error/ });

test.describe('method lab', () => {
  test('tool: bits and calibration re-rank the methods, GPTQ steps, axe passes', async ({ page, consoleErrors }) => {
    await page.goto('/tools/methods');
    await expect(page.getByRole('heading', { level: 1, name: 'Method lab' })).toBeVisible();
    const w = lab(page);
    await expect(ranking(page)).toBeVisible({ timeout: COMPUTE_MS });
    await expect(ranking(page)).toHaveAccessibleName(/production-like calibration; 4-bit weights/);
    // Default 4 bits: RTN, GPTQ, GPTQ act-order and AWQ (header + 4 rows); RTN uses no data, so no gap.
    await expect(ranking(page).getByRole('row')).toHaveCount(5);
    await expect(ranking(page).getByRole('row', { name: /RTN/ })).toContainText('none (uses no data)');
    const at4 = await ranking(page).textContent();

    await w.getByLabel('Weight bits').selectOption('8');
    await expect(ranking(page)).toHaveAccessibleName(/8-bit weights/, { timeout: COMPUTE_MS });
    await expect(ranking(page).getByRole('rowheader', { name: 'SmoothQuant W8A8' })).toBeVisible();
    await expect(ranking(page).getByRole('row')).toHaveCount(7);
    expect(await ranking(page).textContent()).not.toBe(at4);
    await expect(w.getByRole('img', { name: /SmoothQuant at α = 0.5/ })).toBeVisible();
    await expect(page).toHaveURL(/bits=8/);

    const reading = w.getByText(/^Calibrated on production-like data/);
    await expect(reading).toBeVisible();
    await w.getByLabel('Calibration data').selectOption('shifted');
    await expect(ranking(page)).toHaveAccessibleName(/ranked for shifted domain calibration/, { timeout: COMPUTE_MS });
    await expect(w.getByText(/^Calibrated on the shifted set,/)).toBeVisible();
    await expect(page).toHaveURL(/cal=shifted/);

    // GPTQ step by step: buttons and the range input (keyboard).
    const step = w.getByRole('status', { name: 'GPTQ step' });
    await expect(step).toContainText('Step 1: column 0');
    await w.getByRole('button', { name: 'Next column' }).click();
    await expect(step).toContainText('Step 2: column 1');
    const slider = w.getByRole('slider', { name: /^Step \d+ of 256$/ });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(step).toContainText('Step 3: column 2');
    await w.getByRole('button', { name: 'Previous column' }).click();
    await expect(step).toContainText('Step 2: column 1');
    await w.getByLabel('Column order').selectOption('act');
    await expect(step).toContainText('Step 1: column');

    await expect(page.locator('body')).not.toContainText(/NaN|Infinity|undefined/);
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });

  test('a bad seed shows a message and keeps the last results; the link restores the set-up', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/tools/methods?bits=3&group=channel&cal=matched&seed=7');
    const w = lab(page);
    await expect(ranking(page)).toHaveAccessibleName(/3-bit weights/, { timeout: COMPUTE_MS });
    await expect(w.getByLabel('Group size')).toHaveValue('channel');
    await w.getByLabel('Seed').fill('-1');
    await expect(w.getByRole('alert')).toContainText('Seed');
    await expect(w.getByRole('status', { name: 'Lab status' })).toContainText('Fix the seed');
    await expect(ranking(page)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('methods lesson embeds the lab and it computes', async ({ page, consoleErrors }) => {
    await page.goto('/lessons/methods');
    const w = lab(page);
    await w.scrollIntoViewIfNeeded();
    await expect(ranking(page)).toBeVisible({ timeout: COMPUTE_MS });
    await expect(w.getByRole('img', { name: /Error per output channel/ })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/NaN|Infinity/);
    expect(consoleErrors).toEqual([]);
  });
});
