import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

/** 1 mm in CSS pixels (96 px per inch). */
const MM = 96 / 25.4;

/**
 * The printable area of each paper size with the sheet's 10 mm margins, in CSS px:
 * A4 210 × 297 mm, Letter 215.9 × 279.4 mm (wider but shorter).
 */
const PAPER = {
  A4: { width: (210 - 20) * MM, height: (297 - 20) * MM },
  Letter: { width: (215.9 - 20) * MM, height: (279.4 - 20) * MM },
} as const;

/**
 * Pages in a PDF that Chromium wrote: its page objects are plain dictionaries
 * ("<</Type /Page … >>", no object streams), so counting `/Type /Page` not followed by
 * a letter (that would be `/Pages`) counts pages. The page tree's `/Count` must agree.
 */
function pdfPages(pdf: Buffer): { pageObjects: number; treeCount: number } {
  const text = pdf.toString('latin1');
  const pageObjects = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  const tree = /\/Type\s*\/Pages\s*\/Count\s+(\d+)/.exec(text);
  return { pageObjects, treeCount: tree ? Number(tree[1]) : Number.NaN };
}

/**
 * What would be cut or overlap on paper, measured in the print layout: elements that
 * stick out of their column (or the sheet), boxes whose content is clipped (scrollWidth
 * beyond clientWidth where overflow is not visible), the sheet taller than the page,
 * and text smaller than 7.5 pt (10 px; citation superscripts and KaTeX's own sub- and
 * superscripts excepted).
 */
async function printProblems(page: Page, pageHeightPx: number): Promise<string[]> {
  return page.evaluate((maxHeight) => {
    const problems: string[] = [];
    const sheet = document.querySelector('main article');
    if (!sheet) return ['no article in main'];
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
    const box = sheet.getBoundingClientRect();
    if (box.bottom > maxHeight + 0.5)
      problems.push(`the sheet is ${Math.round(box.bottom - maxHeight)} px taller than the page`);
    if (box.right > document.documentElement.clientWidth + 0.5) problems.push('the sheet is wider than the page');
    const sections = [...sheet.querySelectorAll('section')];
    if (sections.length < 7) problems.push(`expected at least 7 sections, found ${sections.length}`);
    for (const el of [sheet, ...sheet.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('.sr-only, .katex-mathml')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const column = el.closest('section')?.parentElement?.getBoundingClientRect() ?? box;
      if (r.left < column.left - 0.5 || r.right > column.right + 0.5) {
        problems.push(
          `${name(el)} sticks out of its column (${Math.round(r.left - column.left)}…${Math.round(r.right - column.right)} px)`,
        );
      }
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} clips its content horizontally`);
      if (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1 && !el.closest('.katex'))
        problems.push(`${name(el)} clips its content vertically`);
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (ownText && !el.closest('sup, .katex') && parseFloat(style.fontSize) < 9.99)
        problems.push(`${name(el)} is set in ${style.fontSize} (< 7.5 pt)`);
    }
    return problems;
  }, pageHeightPx);
}

test('the cheat sheet shows lib-computed numbers, ships no script and passes axe', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000); // axe runs twice, and /sources is visited to check every citation
  await page.goto('/cheatsheet');
  await expect(page.getByRole('heading', { level: 1, name: /cheat sheet/i })).toBeVisible();
  for (const heading of [
    /^Formulas$/,
    /weights$/,
    /^KV cache$/,
    /^GPUs$/,
    /decode ceiling/,
    /^Decision tree$/,
    /^Follow-ups/,
    /^Sources$/,
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  // No JavaScript but the site's inline theme script (components/theme/theme-script.js): not even Next's runtime.
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
  expect(scripts).toEqual([null]);
  await expect(page.locator('html')).toHaveClass(/theme-js/);
  // Formulas are KaTeX rendered at build time (HTML + MathML).
  expect(await page.locator('.katex').count()).toBeGreaterThanOrEqual(4);
  expect(await page.locator('math').count()).toBeGreaterThanOrEqual(4);

  // Numbers from lib/: INT4 g128 = 4 + 16/128 + 4/128 bits → 39.8 GB (37.0 GiB) for Llama-3.1-70B
  // (lib/sizing weightBytes doc); KV 2 × 80 × 8 × 128 × 2 B = 327,680 B per token.
  const weights = page.getByRole('table', { name: /weight memory by format/ });
  await expect(weights.getByRole('row', { name: /^INT4 g128/ })).toContainText('4.156');
  await expect(weights.getByRole('row', { name: /^INT4 g128/ })).toContainText('39.8');
  await expect(weights.getByRole('row', { name: /^BF16/ })).toContainText('141.1');
  await expect(page.getByRole('table', { name: /KV cache/ }).getByRole('row', { name: /^BF16/ })).toContainText(
    '327,680 B',
  );
  // Batch-1 ceiling of W4A16 on one H100 SXM at 8,192 tokens: ≈ 83.0 tokens/s (components/cheatsheet/model test).
  await expect(
    page.getByRole('table', { name: /Roofline upper bound/ }).getByRole('row', { name: /^INT4 g128/ }),
  ).toContainText('83.0');
  // The GPU table flags unverified figures (L40S INT8/INT4).
  await expect(
    page.getByRole('table', { name: /tensor-core support/ }).getByRole('row', { name: /L40S/ }),
  ).toContainText('unverified');

  const followUps = page.getByRole('region', { name: /Follow-ups/ }).getByRole('listitem');
  expect(await followUps.count()).toBeGreaterThanOrEqual(8);
  expect(await followUps.count()).toBeLessThanOrEqual(10);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/NaN|Infinity|undefined|null/);

  // Every citation points at an entry that exists on /sources.
  const targets = [
    ...new Set(
      await page
        .locator('main a[href^="/sources#"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice('/sources#'.length))),
    ),
  ];
  expect(targets.length).toBeGreaterThan(10);
  await page.goto('/sources');
  for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), `/sources#${id}`).toBe(1);

  await page.goto('/cheatsheet');
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('the cheat sheet prints on exactly one A4 page and one Letter page', async ({ page, consoleErrors }) => {
  test.slow(); // four PDFs
  await page.goto('/cheatsheet');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const format of ['A4', 'Letter'] as const) {
      const { pageObjects, treeCount } = pdfPages(await page.pdf({ format, printBackground: true }));
      expect(pageObjects, `${format}, ${colorScheme}: /Type /Page objects`).toBe(1);
      expect(treeCount, `${format}, ${colorScheme}: /Pages /Count`).toBe(1);
    }
  }
  expect(consoleErrors).toEqual([]);
});

test('in print the sheet fits the page box with nothing clipped, black on white even in dark mode', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/cheatsheet');
  for (const [format, paper] of Object.entries(PAPER)) {
    await page.setViewportSize({ width: Math.floor(paper.width), height: Math.floor(paper.height) });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await printProblems(page, paper.height), `${format} print layout`).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    // Black on white even with a dark colour scheme: no text lighter than #404040.
    const colors = await page.evaluate(() => {
      const light = new Set<string>();
      for (const el of document.querySelectorAll('main *')) {
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
        );
        if (!ownText) continue;
        const channels = (getComputedStyle(el).color.match(/\d+/g) ?? []).slice(0, 3).map(Number);
        if (Math.max(...channels) > 64) light.add(getComputedStyle(el).color);
      }
      return {
        body: getComputedStyle(document.body).backgroundColor,
        heading: getComputedStyle(document.querySelector('h1')!).color,
        light: [...light],
      };
    });
    expect(colors).toEqual({ body: 'rgb(255, 255, 255)', heading: 'rgb(0, 0, 0)', light: [] });
  }
  expect(consoleErrors).toEqual([]);
});

test('a lesson prints without controls, its widget showing the current result', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  const widget = page.getByRole('region', { name: /inference memory calculator/i });
  await widget.getByLabel('Weight format').selectOption('int8-w8a8');
  const result = widget.getByRole('status', { name: 'Result' });
  await expect(result).toContainText('INT8');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  for (const control of [
    widget.getByLabel('Weight format'),
    widget.getByLabel('Model', { exact: true }),
    widget.getByLabel('Context length', { exact: true }),
  ]) {
    await expect(control).toBeHidden();
  }
  await expect(page.getByRole('button', { name: 'Check answer' }).first()).toBeHidden();
  // The result, its figure and its table stay, with the value chosen before printing.
  await expect(result).toBeVisible();
  await expect(result).toContainText('INT8');
  await expect(widget.getByRole('figure').first()).toBeVisible();
  await expect(widget.getByRole('table').first()).toBeVisible();
  // Checkboxes print their state as a tick mark; the QR box (not drawn) and copy hints are gone.
  await expect(widget.getByLabel('gpu_memory_utilization', { exact: true })).toBeHidden();
  await expect(widget.getByText('QR code for this set-up')).toBeHidden();
  // External links print their address (except links whose text already is it, like the QR box's).
  const external = page.locator('main a[href^="http"]:not([data-print-url="off"])').first();
  if ((await external.count()) > 0) {
    const after = await external.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('http');
  }
  expect(consoleErrors).toEqual([]);
});

test('on paper, radio and tick choices keep their state as marks', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/decision');
  await page.locator('[data-island="decision-checklist"][data-hydrated]').waitFor();
  const chosen = page.getByRole('radio', { name: /Throughput-bound/ });
  await chosen.check();
  await page.emulateMedia({ media: 'print' });
  await expect(chosen).toBeHidden();
  const mark = (name: RegExp) =>
    page
      .locator('label', { hasText: name })
      .first()
      .evaluate((l) => getComputedStyle(l, '::before').content);
  expect(await mark(/Throughput-bound/)).toContain('\u25C9'); // ◉ chosen
  expect(await mark(/Latency-bound/)).toContain('\u25CB'); // ○ not chosen
  expect(consoleErrors).toEqual([]);
});
