import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

test('home page states the question and the five factors', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /4-bit or 8-bit/i })).toBeVisible();
  for (const factor of [
    'Precision vs accuracy',
    'Memory footprint',
    'Quantization method',
    'Speed and hardware',
    'Deployment cost',
  ]) {
    await expect(page.getByRole('heading', { name: new RegExp(factor, 'i') })).toBeVisible();
  }
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('the memory lesson renders KaTeX at build time and its calculator responds', async ({ page, consoleErrors }) => {
  test.slow(); // axe runs twice over a long lesson
  await page.goto('/lessons/memory');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Math is static HTML: KaTeX markup is present in the served page.
  await expect(page.locator('.katex').first()).toBeVisible();

  const widget = page.getByRole('region', { name: /inference memory calculator/i });
  const model = widget.getByLabel('Model', { exact: true });
  const format = widget.getByLabel('Weight format');

  await model.selectOption('llama-3.1-70b');
  await format.selectOption('bf16');
  await expect(widget.getByRole('row', { name: /^Weights/ })).toContainText('141.11');
  await expect(widget.getByRole('status', { name: 'Result' })).toContainText('Does not fit');
  await format.selectOption('nf4');
  await expect(widget.getByRole('status', { name: 'Result' })).toContainText('NF4 (bitsandbytes) weights');
  const text = await widget.textContent();
  expect(text).toMatch(/GiB/);
  expect(text).not.toContain('141.11');
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('the memory calculator works with the keyboard alone', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  const widget = page.getByRole('region', { name: /inference memory calculator/i });
  const model = widget.getByLabel('Model', { exact: true });
  await model.focus();
  await expect(model).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Weight format')).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('an unknown lesson is a 404', async ({ page }) => {
  const res = await page.goto('/lessons/no-such-lesson');
  expect(res?.status()).toBe(404);
});

test('a lesson quiz gives feedback for right and wrong answers', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  await expect(page.locator('[data-island="quiz"]:not([data-hydrated="true"])')).toHaveCount(0);
  const q = page.getByRole('group', { name: /GPTQ 4-bit, group-size-128 checkpoint/ });
  await q.getByLabel('It stores activations').check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText(/Not quite/);
  await expect(q).toContainText('Activations are computed at run time');
  await q.getByLabel('Scales, zero-points and 16-bit embeddings').check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText('Right.');
  expect(consoleErrors).toEqual([]);
});

test('the sources page lists citations with anchors', async ({ page, consoleErrors }) => {
  await page.goto('/sources');
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  await expect(page.locator('#qlora-2305\\.14314')).toContainText('QLoRA');
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('prose pages ship no JavaScript but the theme script; widget pages load only the island bundle and mount every widget', async ({
  page,
  consoleErrors,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await page.goto('/sources');
  // No script file at all: the theme script is inline (the stored light/dark choice, applied before first paint).
  expect(scripts).toEqual([]);
  await page.goto('/lessons/memory');
  const islands = page.locator('[data-island]');
  await expect(islands.first()).toBeVisible();
  const count = await islands.count();
  expect(count).toBeGreaterThan(1);
  await expect(page.locator('[data-island][data-hydrated="true"]')).toHaveCount(count);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((s) => s.startsWith('/_islands/'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('a widget below the fold stays as the server rendered it until it comes near the viewport, then goes live', async ({
  page,
  consoleErrors,
}) => {
  // Islands load after first paint and hydrate as they come within a screen of the viewport
  // (components/islands/boot.ts), not all at once: a visitor reading the top of a lesson pays for none of them.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/lessons/memory', { waitUntil: 'commit' });
  await page.waitForLoadState('load');
  const calculator = page.locator('[data-island="memory-calculator"]');
  await expect(calculator).toHaveCount(1);
  await page.waitForTimeout(1500); // time enough for an idle-time hydration, which must not happen
  await expect(calculator).not.toHaveAttribute('data-hydrated', 'true');
  await calculator.evaluate((el) => el.firstElementChild?.scrollIntoView({ block: 'center' }));
  await expect(calculator).toHaveAttribute('data-hydrated', 'true');
  expect(consoleErrors).toEqual([]);
});

test('what a visitor types before the widget is live is kept, with focus', async ({ page, consoleErrors }) => {
  // Hold the island bundle back, as a slow connection would, and type into the server HTML meanwhile.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_islands\/client-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/tools/memory', { waitUntil: 'commit' });
  const context = page.getByLabel('Context length', { exact: true });
  await context.fill('8192');
  await expect(page.locator('[data-island="memory-calculator"][data-hydrated="true"]')).toHaveCount(0);
  release();
  await expect(page.locator('[data-island="memory-calculator"][data-hydrated="true"]')).toBeAttached();
  await expect(context).toHaveValue('8192');
  await expect(context).toBeFocused();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('8,192');
  expect(consoleErrors).toEqual([]);
});
