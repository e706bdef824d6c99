import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

test.describe('methods lesson', () => {
  test('loads with the explorer, KaTeX and quiz', async ({ page, consoleErrors }) => {
    await page.goto('/lessons/methods');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const widget = page.getByRole('region', { name: 'Group size explorer' });
    await expect(widget.getByRole('table')).toBeVisible();
    await expect(page.locator('.katex').first()).toBeVisible();
    await expect(widget.getByRole('img')).toHaveAttribute('aria-label', /SQNR in dB/);
    expect(consoleErrors).toEqual([]);
  });

  test('changing group size and bits changes the result and table', async ({ page, consoleErrors }) => {
    await page.goto('/lessons/methods');
    const widget = page.getByRole('region', { name: 'Group size explorer' });
    const result = widget.getByRole('status', { name: 'Result' });
    await expect(result).toContainText('INT4, g128');
    const before = await result.textContent();
    await widget.getByLabel('Group size', { exact: true }).selectOption('32');
    await expect(result).toContainText('INT4, g32');
    await expect(result).toContainText('4 + (16 + 4)/32 = 4.625');
    expect(await result.textContent()).not.toBe(before);
    await widget.getByLabel('Bit width', { exact: true }).selectOption('int8');
    await expect(result).toContainText('INT8, g32');
    const table = widget.getByRole('table');
    const t1 = await table.textContent();
    await widget.getByLabel('Outlier share', { exact: true }).fill('5');
    await expect.poll(async () => table.textContent()).not.toBe(t1);
    await expect(widget).not.toContainText(/NaN|Infinity|undefined/);
    expect(consoleErrors).toEqual([]);
  });

  test('bad input shows a message next to the field', async ({ page, consoleErrors }) => {
    await page.goto('/lessons/methods');
    const widget = page.getByRole('region', { name: 'Group size explorer' });
    const seed = widget.getByLabel('Seed', { exact: true });
    await seed.fill('-3');
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.getByRole('alert')).toBeVisible();
    await seed.fill('abc');
    await expect(widget.getByRole('alert')).toBeVisible();
    await expect(widget.getByRole('status', { name: 'Result' })).toContainText('Fix the highlighted field');
    await seed.fill('2');
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard only', async ({ page, consoleErrors }) => {
    await page.goto('/lessons/methods');
    const widget = page.getByRole('region', { name: 'Group size explorer' });
    const group = widget.getByLabel('Group size', { exact: true });
    await group.focus();
    await expect(group).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(widget.getByRole('status', { name: 'Result' })).toContainText('g64');
    await page.keyboard.press('Shift+Tab');
    await expect(widget.getByLabel('Bit width', { exact: true })).toBeFocused();
    expect(consoleErrors).toEqual([]);
  });

  test('no axe violations in light and dark', async ({ page, consoleErrors }) => {
    test.slow(); // a long lesson with four widgets: axe takes a while on two CPU cores
    await page.goto('/lessons/methods');
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });
});
