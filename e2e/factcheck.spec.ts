import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

test('the fact-check lesson lists every claim with a verdict and links to its section', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/lessons/fact-check');
  await expect(page.getByRole('heading', { level: 1, name: /Fact-check/ })).toBeVisible();
  const table = page.getByRole('table', { name: /Every claim of the post and its verdict/ });
  await expect(table.getByRole('row')).toHaveCount(15); // header + 14 claims
  const rtx = table.getByRole('row', { name: /RTX 4090/ });
  await expect(rtx).toContainText('Misleading');
  await expect(table.getByRole('row', { name: /8-bit wins for batch inference/ })).toContainText('Conditionally right');
  await expect(table.getByRole('row', { name: /5x throughput/ })).toContainText('Unsupported');
  await expect(table.getByRole('row', { name: /A100 80GB/ })).toContainText('Misleading');

  // The summary links to the claim's section, which carries the same verdict as a word.
  await rtx.getByRole('link').click();
  await expect(page).toHaveURL(/#rtx-4090$/);
  await expect(page.getByRole('heading', { level: 2, name: /RTX 4090/ })).toBeVisible();

  // Numbers computed by lib at build time: g128 GPTQ = 4.15625 bits/weight → 39.8 GB; A100 8 × 4k fits at 100 %, not at vLLM's 0.92
  const main = page.getByRole('main');
  await expect(main).toContainText('4.15625 bits');
  await expect(main).toContainText(/39\.8 GB \(37\.0 GiB\)/);
  await expect(main).toContainText('a batch of 8 × 4,096 tokens is tight');
  await expect(main).toContainText('even batch 8 does not fit');
  await expect(main).not.toContainText(/NaN|Infinity|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('the fact-check quiz explains right and wrong answers', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/fact-check');
  await expect(page.locator('[data-island="quiz"]:not([data-hydrated="true"])')).toHaveCount(0);
  const q = page.getByRole('group', { name: /Which of these take GPU memory/ });
  await q.getByLabel('The weights', { exact: true }).check();
  await q.getByLabel('Gradients of the weights', { exact: true }).check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText(/Not quite/);
  await expect(q).toContainText(/[\d,]+ B \([\d.]+ KiB\) per token/);
  await q.getByLabel('Gradients of the weights', { exact: true }).uncheck();
  for (const label of [
    'The KV cache',
    'A transient activation workspace',
    "The CUDA context and the runtime's own buffers",
  ]) {
    await q.getByLabel(label, { exact: true }).check();
  }
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText('Right.');
  expect(consoleErrors).toEqual([]);
});

test('the fact-check lesson has no axe violations in light and dark', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/fact-check');
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});
