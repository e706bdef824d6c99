import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';
import type { Page } from '@playwright/test';

const NOT_A_NUMBER = /NaN|Infinity|undefined/;

function widgetOf(page: Page) {
  return page.getByRole('region', { name: 'Decode speed calculator' });
}

test('the speed lesson loads with its math, tables, calculator and quiz, and passes axe in light and dark', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000); // axe runs twice over a long page
  await page.goto('/lessons/speed');
  await expect(page.getByRole('heading', { level: 1, name: /Speed/ })).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  await expect(page.getByRole('table', { name: /Low-bit tensor-core support/ })).toContainText('H100 SXM 80GB');
  await expect(
    page.getByRole('table', { name: /Roofline decode speed of Llama-3.1-70B on H100 SXM 80GB/ }),
  ).toContainText('INT4 g128 W4A16');
  // Which kernel runs a GPTQ (W4A16) model on an H100 (lib/hardware vllmKernelPath): Machete; FP8 on a T4 and INT8 W8A8 on a B200 do not run.
  const kernels = page.getByRole('table', { name: /vLLM kernel that runs each weight format/ });
  await expect(kernels.getByRole('row', { name: /^INT4 group-128 symmetric/ })).toContainText('Machete');
  await expect(kernels.getByRole('row', { name: /^INT8 W8A8/ })).toContainText('✗ not supported');
  // The per-operator roofline: the GEMM crossover does not move with the context; 5× is not ruled out.
  const main = page.getByRole('main');
  await expect(main).toContainText('it does not depend on the context');
  await expect(main).not.toContainText('No format gives 5×');
  const widget = widgetOf(page);
  await expect(widget.getByRole('status')).toContainText('per decode step');
  await expect(widget).toContainText('Ceiling and expected, not a serving engine.');
  await expect(page.getByRole('group', { name: /serves one user at a time/ })).toBeVisible();
  expect(await page.locator('main').innerText()).not.toMatch(NOT_A_NUMBER);
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('/tools/speed loads and passes axe in light and dark', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto('/tools/speed');
  await expect(page.getByRole('heading', { level: 1, name: 'Decode speed calculator' })).toBeVisible();
  await expect(widgetOf(page).getByRole('status')).toContainText('per decode step');
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('changing batch, GPU and format changes the results', async ({ page, consoleErrors }) => {
  await page.goto('/tools/speed');
  const widget = widgetOf(page);
  const status = widget.getByRole('status');
  await expect(status).toContainText('13.0 ms per decode step'); // Llama-3.1-70B INT4 g128, 1 × H100 SXM, 16 × 1,024 tokens (per-operator ceiling, small ops included)
  const before = await status.innerText();

  await widget.getByLabel('Batch size', { exact: true }).fill('64');
  await expect(status).not.toHaveText(before);
  await expect(status).toContainText('in total (64 sequences)');
  const at64 = await status.innerText();

  await widget.getByLabel('GPU', { exact: true }).selectOption('a100-80gb-sxm');
  await expect(status).not.toHaveText(at64);
  const onA100 = await status.innerText();

  await widget.getByLabel('Weight format', { exact: true }).selectOption('bf16');
  await expect(status).not.toHaveText(onA100);
  await expect(widget).toContainText('Does not fit');

  await widget.getByLabel('GPUs (tensor parallel)', { exact: true }).selectOption('2');
  // 64 × 1,024 tokens of BF16 KV do not fit beside 131 GiB of weights at vLLM's 0.92; 8 do.
  await expect(widget).toContainText('Does not fit in 2 × A100 SXM 80GB');
  await widget.getByLabel('Batch size', { exact: true }).fill('8');
  await expect(widget).toContainText('Fits in 2 × A100 SXM 80GB');

  // FP8 on an A100 has no FP8 tensor cores: lib/perf's fallback note is shown.
  await widget.getByLabel('Weight format', { exact: true }).selectOption('fp8-w8a8');
  await expect(widget).toContainText('has no fp8 tensor cores');

  expect(await widget.innerText()).not.toMatch(NOT_A_NUMBER);
  expect(consoleErrors).toEqual([]);
});

test('bad input gets a message next to its field and never a NaN', async ({ page, consoleErrors }) => {
  await page.goto('/tools/speed');
  const widget = widgetOf(page);
  const batch = widget.getByLabel('Batch size', { exact: true });
  const context = widget.getByLabel('Context length', { exact: true });

  for (const [text, message] of [
    ['abc', 'Batch size must be a number (got "abc").'],
    ['', 'Batch size is required (1–100,000).'],
    ['-3', 'Batch size must be at least 1.'],
    ['2.5', 'Batch size must be a whole number (1–100,000).'],
    ['1e9', 'Batch size must be at most 100,000.'],
  ]) {
    await batch.fill(text!);
    await expect(batch).toHaveAttribute('aria-invalid', 'true');
    await expect(batch).toHaveAccessibleDescription(new RegExp(message!.replace(/[().]/g, '\\$&')));
    await expect(widget.getByRole('status')).toContainText('Results appear when the batch size field is valid.');
    expect(await widget.innerText()).not.toMatch(NOT_A_NUMBER);
  }
  await batch.fill('16');
  await expect(batch).toHaveAttribute('aria-invalid', 'false');

  await context.fill('0');
  await expect(context).toHaveAccessibleDescription(/Context length must be at least 1\./);
  await expect(widget).toContainText('The chart appears when the context length is valid.');
  await context.fill('200000');
  await expect(context).toHaveAccessibleDescription(/Context length must be at most 131,072\./);
  await context.fill('8k');
  await expect(context).toHaveAttribute('aria-invalid', 'false');
  await expect(widget.getByRole('status')).toContainText('per decode step');
  expect(await widget.innerText()).not.toMatch(NOT_A_NUMBER);
  expect(consoleErrors).toEqual([]);
});

test('the URL reproduces the set-up, and a bad value in a link is explained next to its field', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/speed');
  const widget = widgetOf(page);
  await widget.getByLabel('Model', { exact: true }).selectOption('qwen2.5-72b-instruct');
  await widget.getByLabel('Weight format', { exact: true }).selectOption('fp8-w8a8');
  await widget.getByLabel('GPU', { exact: true }).selectOption('h200-sxm');
  await widget.getByLabel('Batch size', { exact: true }).fill('256');
  await widget.getByLabel('Context length', { exact: true }).fill('512');
  await widget.getByLabel('KV cache', { exact: true }).selectOption('fp8');
  await widget.getByRole('checkbox', { name: 'BF16' }).uncheck();
  await expect(page).toHaveURL(/batch=256/);
  const url = page.url();
  expect(url).toContain('model=qwen2.5-72b-instruct');
  expect(url).toContain('show=int8-w8a8%2Cfp8-w8a8%2Cint8-w8a16%2Cint4-g128');
  const result = (await widget.getByRole('status').textContent()) ?? '';

  const fresh = await page.context().newPage();
  await fresh.goto(url);
  const again = widgetOf(fresh);
  await expect(again.getByLabel('Batch size', { exact: true })).toHaveValue('256');
  await expect(again.getByLabel('Model', { exact: true })).toHaveValue('qwen2.5-72b-instruct');
  await expect(again.getByLabel('GPU', { exact: true })).toHaveValue('h200-sxm');
  await expect(again.getByLabel('KV cache', { exact: true })).toHaveValue('fp8');
  await expect(again.getByRole('checkbox', { name: 'BF16' })).not.toBeChecked();
  await expect(again.getByRole('status')).toHaveText(result);
  await fresh.close();

  await page.goto('/tools/speed?gpus=3&model=gpt-9&batch=12');
  await expect(widget.getByLabel('GPUs (tensor parallel)', { exact: true })).toHaveAccessibleDescription(
    /must be one of 1, 2, 4, 8/,
  );
  await expect(widget.getByLabel('Model', { exact: true })).toHaveAccessibleDescription(
    /Unknown model "gpt-9"; showing Llama-3.1-70B\./,
  );
  await expect(widget.getByLabel('Batch size', { exact: true })).toHaveValue('12');
  expect(consoleErrors).toEqual([]);
});

test('the chart has an accessible name, a description and its data as a table', async ({ page, consoleErrors }) => {
  await page.goto('/tools/speed');
  const widget = widgetOf(page);
  const chart = widget.getByRole('img', { name: /Total decode tokens per second against batch size/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/At batch 1 the fastest is INT4 g128 W4A16/);
  await widget.getByText('Chart data as a table').click();
  const table = widget.getByRole('table', { name: /Total tokens\/s by batch size/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Batch',
    'BF16',
    'INT8 W8A8',
    'FP8 W8A8',
    'INT8 W8A16',
    'INT4 g128 W4A16',
  ]);
  await expect(table.getByRole('row', { name: /^1,024/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Crossover batch/ })).toContainText('≈ 80'); // INT4 g128's GEMMs on an H100, at any context (lib/perf crossoverBatch)

  await widget.getByRole('checkbox', { name: 'INT8 W8A16' }).uncheck();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Batch',
    'BF16',
    'INT8 W8A8',
    'FP8 W8A8',
    'INT4 g128 W4A16',
  ]);
  for (const name of ['BF16', 'INT8 W8A8', 'FP8 W8A8', 'INT4 g128 W4A16'])
    await widget.getByRole('checkbox', { name }).uncheck();
  await expect(widget).toContainText('Tick at least one format to plot.');
  await expect(widget.getByRole('img', { name: /Total decode tokens per second/ })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the calculator works with the keyboard alone', async ({ page, consoleErrors }) => {
  await page.goto('/tools/speed');
  const widget = widgetOf(page);
  const status = widget.getByRole('status');
  await widget.getByLabel('Model', { exact: true }).focus();
  const order = ['Weight format', 'GPU', 'GPUs (tensor parallel)', 'Batch size', 'Context length', 'KV cache'];
  for (const label of order) {
    await page.keyboard.press('Tab');
    await expect(widget.getByLabel(label, { exact: true })).toBeFocused();
  }
  // Back to the batch field and type a new value.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(widget.getByLabel('Batch size', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('128');
  await expect(status).toContainText('in total (128 sequences)');

  // A checkbox toggles with Space; the data table opens with Enter on its summary.
  const bf16 = widget.getByRole('checkbox', { name: 'BF16' });
  await bf16.focus();
  await page.keyboard.press('Space');
  await expect(bf16).not.toBeChecked();
  const summary = widget.getByText('Chart data as a table');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('table', { name: /Total tokens\/s by batch size/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
