import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

// Issue 15 items 13, 14 and 22: the home page's answer and paths, the glossary and its links from the lessons, the
// post's claims, the site search and the light/dark theme switch.

test('the home page opens with the two-minute answer, three study paths and factor cards that are links', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  const answer = page.getByRole('region', { name: 'The two-minute answer' });
  await expect(answer).toBeVisible();
  // Computed at build time by lib/sizing: Llama-3.1-70B's BF16 weights (70,553,706,496 parameters × 2 B).
  await expect(answer).toContainText('141.1 GB');
  await expect(answer).not.toContainText(/NaN|Infinity|undefined/);
  const paths = page.getByRole('region', { name: 'Start here' });
  for (const name of ['15 minutes', '1 hour', 'Everything'])
    await expect(paths.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(
    paths.getByRole('region', { name: '15 minutes' }).getByRole('link', { name: /^The decision/ }),
  ).toHaveAttribute('href', '/lessons/decision');
  // The whole card follows the link; the link's name is the card's title.
  const card = page.getByRole('link', { name: '2. Memory footprint', exact: true });
  await expect(card).toHaveAttribute('href', '/lessons/memory');
  await page.locator('.factor-card').nth(1).scrollIntoViewIfNeeded();
  const box = (await page.locator('.factor-card').nth(1).boundingBox())!;
  await page.mouse.click(box.x + box.width - 8, box.y + box.height - 8);
  await expect(page).toHaveURL(/\/lessons\/memory$/);
  expect(consoleErrors).toEqual([]);
});

test('a term in a lesson links to its glossary entry, which cites a source', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  const term = page.locator('a.term[href="/glossary#gqa"]');
  await expect(term).toHaveCount(1);
  await term.click();
  await expect(page).toHaveURL(/\/glossary#gqa$/);
  const entry = page.locator('#gqa');
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('GQA');
  await expect(page.locator('.glossary-entry', { has: entry }).getByRole('link', { name: /Ainslie/ })).toHaveAttribute(
    'href',
    '/sources#gqa-2305.13245',
  );
  expect(consoleErrors).toEqual([]);
});

test('the glossary, the post and the search page pass axe in light and dark', async ({ page, consoleErrors }) => {
  test.slow();
  await page.goto('/glossary');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
  await page.goto('/the-post');
  await expect(
    page.getByRole('heading', { level: 1, name: 'The post: what it claims, and the verdicts' }),
  ).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
  await page.goto('/search?q=roofline');
  await expect(page.getByRole('list', { name: 'Results' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test("the post links each checked claim to the fact-check lesson's verdict", async ({ page, consoleErrors }) => {
  await page.goto('/the-post');
  await expect(page.getByText('Real-world 70B INT4 deployment? Needs 48-60GB minimum, not 35GB.')).toBeVisible();
  const verdict = page.getByRole('link', { name: /Fact-check of “Inference needs memory for gradients”: Wrong/ });
  await expect(verdict).toHaveAttribute('href', '/lessons/fact-check#gradients');
  await verdict.click();
  await expect(page).toHaveURL(/\/lessons\/fact-check#gradients$/);
  expect(consoleErrors).toEqual([]);
});

test('search from the header: type a term, see the result, follow it', async ({ page, consoleErrors }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  // No search code or index on a page that does not search.
  expect(requested.some((p) => p === '/search-index.json')).toBe(false);
  const header = page.getByRole('search', { name: 'Site' });
  await header.getByRole('searchbox', { name: 'Search the site' }).fill('W4A16');
  await header.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=W4A16$/);
  await expect(page.locator('[data-island="site-search"][data-hydrated="true"]')).toBeAttached();
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('link', { name: 'W4A16', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('for “W4A16”');
  await results.getByRole('link', { name: 'W4A16', exact: true }).click();
  await expect(page).toHaveURL(/\/glossary#w4a16$/);
  await expect(page.locator('#w4a16')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the search page loads its index on focus and searches as you type', async ({ page, consoleErrors }) => {
  let indexLoads = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/search-index.json') indexLoads++;
  });
  await page.goto('/search');
  expect(indexLoads).toBe(0);
  const box = page.getByRole('search', { name: 'Search the site' }).getByRole('searchbox');
  await box.focus();
  await box.fill('question bank spaced');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toBeVisible();
  await box.fill('zzqqxxvvnothing');
  await expect(page.getByRole('status')).toContainText('Nothing found');
  await box.fill('ridge point');
  const first = page.getByRole('list', { name: 'Results' }).getByRole('link').first();
  await expect(first).toHaveText('Ridge point');
  await expect(page).toHaveURL(/\/search\?q=ridge%20point$/);
  expect(indexLoads).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('the theme switch keeps its choice across reloads, beside the system setting', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/glossary');
  const html = page.locator('html');
  const theme = page.getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  await expect(html).not.toHaveAttribute('data-theme');
  await theme.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // --bg of the dark theme in app/globals.css.
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 20, 24)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 20, 24)');
  // Another page, same choice.
  await page.goto('/');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.getByLabel('Theme').selectOption('system');
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 20, 24)');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  await expect(html).not.toHaveAttribute('data-theme');
  expect(consoleErrors).toEqual([]);
});

test('without JavaScript the theme switch is hidden and the header search still submits to /search', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByLabel('Theme')).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('GQA');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=GQA$/);
  await context.close();
});
