import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

const region = (page: Page) => page.getByRole('region', { name: /Rounding demo/ });

async function int8Rmse(page: Page): Promise<number> {
  const table = region(page).getByRole('table', { name: /Block size/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'INT8 absmax', exact: true }) });
  const text = (await row.getByRole('cell').first().textContent()) ?? '';
  const v = Number(text);
  expect(Number.isFinite(v)).toBe(true);
  return v;
}

test.describe('rounding demo and precision lesson', () => {
  test('lesson loads with the demo, KaTeX, NF4 levels and quiz', async ({ page, consoleErrors }) => {
    await page.goto('/lessons/precision');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(region(page)).toBeVisible();
    await expect(page.locator('.katex').first()).toBeVisible();
    await expect(page.getByRole('table', { name: /16 NF4 levels/ })).toContainText('-1.0000');
    await expect(page.locator('body')).not.toContainText(/NaN|Infinity|undefined/);
    expect(consoleErrors).toEqual([]);
  });

  test('tool loads; switching tabs changes the shown stats; keyboard arrows move tabs', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/tools/rounding');
    await expect(page.getByRole('heading', { level: 1, name: 'Rounding demo' })).toBeVisible();
    const w = region(page);
    const panel = w.getByRole('tabpanel');
    await expect(panel.getByRole('status')).toContainText('INT8 absmax RMSE');
    const before = await panel.getByRole('status').textContent();
    await w.getByRole('tab', { name: 'NF4' }).click();
    await expect(w.getByRole('tabpanel').getByRole('status')).toContainText('NF4 RMSE');
    expect(await w.getByRole('tabpanel').getByRole('status').textContent()).not.toBe(before);
    const nf4 = w.getByRole('tab', { name: 'NF4' });
    await nf4.focus();
    await page.keyboard.press('ArrowRight');
    await expect(w.getByRole('tab', { name: 'FP4' })).toBeFocused();
    await expect(w.getByRole('tab', { name: 'FP4' })).toHaveAttribute('aria-selected', 'true');
    await expect(w.getByRole('tabpanel').getByRole('status')).toContainText('FP4 RMSE');
    expect(consoleErrors).toEqual([]);
  });

  test('one outlier raises per-tensor INT8 error; block 64 reduces it', async ({ page, consoleErrors }) => {
    await page.goto('/tools/rounding');
    const w = region(page);
    const clean = await int8Rmse(page);
    await w.getByRole('button', { name: 'Outlier, per tensor' }).click();
    await expect.poll(() => int8Rmse(page)).toBeGreaterThan(clean * 3);
    const perTensor = await int8Rmse(page);
    await w.getByRole('button', { name: 'Outlier, block 64' }).click();
    await expect.poll(() => int8Rmse(page)).toBeLessThan(perTensor / 3);
    expect(consoleErrors).toEqual([]);
  });

  test('pasted garbage shows a message next to the textarea', async ({ page, consoleErrors }) => {
    await page.goto('/tools/rounding');
    const w = region(page);
    await w.getByLabel('Distribution').selectOption('paste');
    const box = w.getByLabel(/Your weights/);
    await box.fill('0.1, 0.2, banana');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(w.getByRole('alert')).toContainText('banana');
    await box.fill('0.1, -0.2, 0.5, 1');
    await expect(box).toHaveAttribute('aria-invalid', 'false');
    await expect(w.getByRole('table', { name: /Block size/ })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('URL round-trip on the tool', async ({ page, consoleErrors }) => {
    await page.goto('/tools/rounding');
    const w = region(page);
    await w.getByLabel('Block (group) size').selectOption('128');
    await w.getByLabel('Seed', { exact: true }).fill('7');
    await w.getByRole('tab', { name: 'INT4 zero-point' }).click();
    await expect(page).toHaveURL(/seed=7/);
    await expect(page).toHaveURL(/block=128/);
    const url = page.url();
    const rmse = await int8Rmse(page);
    await page.goto('about:blank');
    await page.goto(url);
    const w2 = region(page);
    await expect(w2.getByLabel('Seed', { exact: true })).toHaveValue('7');
    await expect(w2.getByLabel('Block (group) size')).toHaveValue('128');
    await expect(w2.getByRole('tab', { name: 'INT4 zero-point' })).toHaveAttribute('aria-selected', 'true');
    expect(await int8Rmse(page)).toBe(rmse);
    expect(consoleErrors).toEqual([]);
  });

  test('link values the menus do not offer are flagged by their field; an invalid field keeps the last results, marked stale', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/tools/rounding?block=7&dist=cauchy&m=int3');
    const w = region(page);
    const block = w.getByLabel('Block (group) size');
    const dist = w.getByLabel('Distribution');
    await expect(block).toHaveAttribute('aria-invalid', 'true');
    await expect(block).toHaveAccessibleDescription(/Block \(group\) size “7” is not offered/);
    await expect(dist).toHaveAttribute('aria-invalid', 'true');
    await expect(dist).toHaveAccessibleDescription(/Distribution “cauchy” is not offered/);
    await expect(w.getByRole('alert').filter({ hasText: 'Quantization method “int3” is not offered' })).toBeVisible();
    // No dead end: the message names the fields at fault.
    // (The results of the default set-up, rendered before the link was read, stay on screen marked stale.)
    await expect(w.getByText(/Fix Distribution, Block \(group\) size \(see the message by the field\)/)).toBeVisible();

    await block.selectOption('64');
    await dist.selectOption('gaussian');
    const table = w.getByRole('table', { name: /Block size: 64/ });
    await expect(table).toBeVisible();
    const rmse = await int8Rmse(page);

    // One invalid field: the last results stay, marked stale, next to the field's message.
    const count = w.getByLabel('Number of weights');
    await count.fill('abc');
    await expect(count).toHaveAttribute('aria-invalid', 'true');
    await expect(
      w
        .getByRole('status')
        .filter({ hasText: /^Stale: these results are for the last valid set-up\. Fix Number of weights/ }),
    ).toBeVisible();
    await expect(table).toBeVisible();
    await expect(w.locator('[data-stale="true"]')).toBeVisible();
    expect(await int8Rmse(page)).toBe(rmse);
    await count.fill('1024');
    await expect(w.getByText(/^Stale:/)).toHaveCount(0);
    await expect(w.locator('[data-stale="true"]')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('axe light and dark', async ({ page, consoleErrors }) => {
    test.setTimeout(120_000); // four full-page axe runs on long pages
    await page.goto('/tools/rounding');
    await expectNoAxeViolationsLightAndDark(page);
    await page.goto('/lessons/precision');
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });
});
