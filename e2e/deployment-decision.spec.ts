import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';
import type { Page } from '@playwright/test';

const planner = (page: Page) => page.getByRole('region', { name: 'Deployment planner' });
const checklist = (page: Page) => page.getByRole('region', { name: /Decision checklist/ });

test('the deployment lesson renders its lib-computed figures and math', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/deployment');
  await expect(page.getByRole('heading', { level: 1, name: /Deployment/ })).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  const main = page.getByRole('main');
  // A100 80GB, Llama-3.1-70B INT8, 8 × 4k: with every byte in use 1.1 GiB to spare, inside the 1.8 GiB band
  // ("is tight", lib/sizing fitOnGpu); at vLLM's 0.92 it does not fit
  await expect(main).toContainText('a batch of 8 × 4,096 tokens is tight');
  await expect(main).toContainText('the same batch of 8 does not fit');
  await expect(main).toContainText('IQ2_XS');
  await expect(main).not.toContainText(/NaN|Infinity|undefined/);

  // Quiz explanations carry lib-computed numbers too
  await expect(page.locator('[data-island="quiz"]:not([data-hydrated="true"])')).toHaveCount(0);
  const q = page.getByRole('group', { name: /What limits the batch/ });
  await q.getByLabel("The GPU's INT8 compute").check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText(/Not quite/);
  await expect(q).toContainText(/room for (about )?[\d,]+ tokens of BF16 KV cache/);
  expect(consoleErrors).toEqual([]);
});

test('the decision lesson renders the tensor-core table and the model answer', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/decision');
  await expect(page.getByRole('heading', { level: 1, name: /decision/i })).toBeVisible();
  const table = page.getByRole('table', { name: /tensor-core support/ });
  await expect(table.getByRole('row', { name: /A100/ })).toContainText('INT8, INT4');
  await expect(table.getByRole('row', { name: /H100/ })).toContainText('FP8, INT8');
  await expect(page.getByRole('complementary', { name: 'Spoken answer' })).toContainText('FP8 W8A8');
  await expect(page.getByRole('main')).not.toContainText(/NaN|Infinity|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('the planner responds to context and concurrency, and caps speed at what fits', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/lessons/deployment');
  const p = planner(page);
  const maxRow = p.getByRole('row', { name: /Max concurrent sequences/ });
  const speedRow = p.getByRole('row', { name: /Decode tokens\/s per sequence/ });
  // Defaults: 16 × 4,096 tokens at vLLM's 0.92; set-up 1 (INT8 on one H100) holds 2 (lib/sizing), so its speed is quoted at 2
  await expect(maxRow).toContainText('4,096 tokens');
  await expect(speedRow).toContainText('at batch 2 (capped)');
  const before = await maxRow.textContent();

  await p.getByLabel('Context length').fill('2048');
  await expect(maxRow).toContainText('2,048 tokens');
  await expect.poll(() => maxRow.textContent()).not.toBe(before);

  await p.getByLabel('Target concurrency').fill('2');
  await expect(speedRow).not.toContainText('capped');
  await expect(p.getByRole('status')).toContainText('Every set-up holds the target concurrency');

  await p.getByLabel('Context length').fill('');
  await expect(p.getByText('Context length is required')).toBeVisible();
  await expect(p.getByRole('status')).toContainText('Fix the highlighted field');
  await expect(p).not.toContainText(/NaN|Infinity|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('a typed price gives dollars per million tokens; a bad price gets a message next to the field', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/lessons/deployment');
  const p = planner(page);
  const costRow = p.getByRole('row', { name: /\$ per 1M output tokens/ });
  await expect(costRow).toContainText('enter $/hour');

  const setup2 = p.getByRole('group', { name: 'Set-up 2' });
  const price2 = setup2.getByLabel('$ per GPU-hour');
  await price2.fill('2.50');
  await expect(costRow).toContainText(/\$\d+\.\d{2,3}/);
  await expect(costRow).not.toContainText(/NaN|Infinity|undefined/);
  await expect(p.getByRole('status')).toContainText('set-up 2');

  await price2.fill('abc');
  await expect(setup2.getByText(/\$ per GPU-hour must be a number/)).toBeVisible();
  await expect(price2).toHaveAttribute('aria-invalid', 'true');
  await expect(costRow).toContainText('fix the price');

  await price2.fill('-1');
  await expect(setup2.getByText(/\$ per GPU-hour must be at least 0\.01/)).toBeVisible();

  const price3 = p.getByRole('group', { name: 'Set-up 3' }).getByLabel('$ per GPU-hour');
  await price2.fill('$3');
  await price3.fill('3');
  await expect(p.getByRole('status')).toContainText(/Cheapest per million tokens: set-up [23] \(\$\d/);
  expect(consoleErrors).toEqual([]);
});

test('the checklist changes its recommendation when the constraints change', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/decision');
  const c = checklist(page);
  const verdict = c.getByRole('status');
  // Defaults: 2 × H100, throughput-bound, small loss acceptable → the eligible format with the most tokens per
  // GPU-second at the largest batch that fits (FP8 W8A8 or W4A16, by lib/perf decodeStep); both metrics for every candidate
  await expect(verdict).toHaveText(/Recommendation: (FP8 W8A8|W4A16)/);
  const metrics = c.getByRole('table', { name: /Throughput and latency of each candidate/ });
  await expect(metrics.getByRole('row')).toHaveCount(6);
  await expect(metrics).toContainText('Tokens/s per GPU at that batch');
  await expect(metrics).toContainText('(chosen)');
  await expect(c).toContainText(/wins on throughput: .* tokens\/s per GPU/);
  // The regime reason: the weight GEMMs' crossover is the same at any context; attention over the cache takes its own share.
  await expect(c).toContainText(/compute-bound (from about|near) [\d,]+.*at any context/);
  await expect(c).toContainText(
    /Attention over the [\d,]+-token KV cache, memory-bound at any batch, takes \d+% of the step/,
  );
  await expect(c.getByText('FP8 tensor cores: yes')).toBeVisible();

  // Ampere: no FP8 tensor cores → INT8 W8A8 is the 8-bit contender; the metric picks between it and W4A16
  await c.getByLabel('GPU you have').selectOption('a100-80gb-sxm');
  await expect(c.getByText('FP8 tensor cores: no')).toBeVisible();
  await expect(verdict).toHaveText(/Recommendation: (INT8 W8A8|W4A16)/);

  // One 48 GB L40S, latency-bound → W4A16
  await c.getByLabel('GPU you have').selectOption('l40s');
  await c.getByLabel('GPUs per replica').selectOption('1');
  await c.getByLabel('Concurrent sequences').fill('1');
  await c.getByLabel(/Latency-bound/).check();
  await expect(verdict).toHaveText(/Recommendation: W4A16/);

  // No loss allowed and no evaluation budget → never 4-bit
  await c.getByLabel('No measurable loss allowed').check();
  await c.getByLabel(/An evaluation budget/).uncheck();
  await expect(verdict).toHaveText(/Recommendation: FP8 W8A8 — on 2 GPUs/);
  await expect(c.getByRole('blockquote')).toContainText('would not go to 4-bit without an evaluation budget');
  await expect(c).not.toContainText(/NaN|Infinity|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('the planner and the checklist work with the keyboard alone', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/deployment');
  const p = planner(page);
  await p.getByLabel('Model').focus();
  await page.keyboard.press('Tab');
  await expect(p.getByLabel('Context length')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(p.getByLabel('Target concurrency')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(p.getByRole('checkbox')).toBeFocused();
  // vLLM's 0.92 is on by default now (one budget everywhere); Space toggles it off and on again.
  await expect(p.getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Space');
  await expect(p.getByRole('checkbox')).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(p.getByRole('checkbox')).toBeChecked();
  // Into set-up 1: format, GPU, count, price
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const price1 = p.getByRole('group', { name: 'Set-up 1' }).getByLabel('$ per GPU-hour');
  await expect(price1).toBeFocused();
  await page.keyboard.type('4');
  await expect(p.getByRole('row', { name: /\$ per 1M output tokens/ })).toContainText(/\$\d/);
  const add = p.getByRole('button', { name: 'Add a set-up' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(p.getByRole('group', { name: 'Set-up 4' })).toBeVisible();
  await p.getByRole('button', { name: 'Remove set-up 4' }).focus();
  await page.keyboard.press('Enter');
  await expect(p.getByRole('group', { name: 'Set-up 4' })).toHaveCount(0);

  await page.goto('/lessons/decision');
  const c = checklist(page);
  const throughput = c.getByLabel(/Throughput-bound/);
  await throughput.focus();
  await expect(throughput).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(c.getByLabel(/Latency-bound/)).toBeChecked();
  await expect(c.getByRole('status')).toHaveText(/Recommendation:/);
  await c.getByLabel(/Calibration data/).focus();
  await page.keyboard.press('Space');
  await expect(c.getByLabel(/Calibration data/)).not.toBeChecked();
  expect(consoleErrors).toEqual([]);
});

for (const path of ['/lessons/deployment', '/lessons/decision']) {
  test(`${path} has no axe violations in light and dark mode`, async ({ page, consoleErrors }) => {
    // Two full axe runs over a long lesson with a large widget: allow for a loaded machine.
    test.slow();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });
}
