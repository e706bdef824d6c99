import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Whether the element's box lies inside the viewport (at least partly, top and bottom both on screen). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
}

test.describe('item 16: the result summary stays in view while the inputs change (1280 × 800)', () => {
  test.use({ viewport: DESKTOP });

  test('/tools/memory: scrolled to the last input, the summary is on screen and follows the input', async ({
    page,
  }) => {
    await page.goto('/tools/memory');
    const widget = page.getByRole('region', { name: /your set-up/i });
    const summary = widget.getByRole('group', { name: 'Result summary' });
    await expect(summary).toContainText('Fits');
    await expect(summary).toContainText('Needs 51.3 GB of 78.6 GB'); // as the result line (e2e/memory.spec.ts)

    const engine = widget.getByLabel('Engine (KV reservation)', { exact: true });
    await engine.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200)); // the last input row well below the summary's first place
    expect(await inViewport(page, '.rsum-bar')).toBe(true);

    await widget.getByLabel('Weight format', { exact: true }).selectOption('bf16'); // 141.1 GB: does not fit on one A100
    await widget.getByLabel('Batch size', { exact: true }).scrollIntoViewIfNeeded();
    await expect(summary).toContainText('Does not fit');
    expect(await inViewport(page, '.rsum-bar')).toBe(true);
    // Only the full result speaks: the summary is not a live region.
    await expect(summary).not.toHaveAttribute('aria-live');
    await expect(summary.locator('[aria-live], [role="status"], [role="alert"]')).toHaveCount(0);
  });

  test('/tools/speed: scrolled past the inputs, the step time is on screen', async ({ page }) => {
    await page.goto('/tools/speed');
    const summary = page.getByRole('group', { name: 'Result summary' });
    await expect(summary).toContainText('13.0 ms per decode step'); // as e2e/speed.spec.ts
    await page.getByLabel('KV cache', { exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 300));
    expect(await inViewport(page, '.rsum-bar')).toBe(true);
    await page.getByLabel('Batch size', { exact: true }).fill('64');
    await expect(summary).toContainText('Total, 64 sequences');
  });
});

test.describe('item 16 on a phone: the summary is in the flow, not pinned', () => {
  test.use({ viewport: PHONE });
  test('/tools/memory at 390 px: the summary scrolls away with the page', async ({ page }) => {
    await page.goto('/tools/memory');
    await expect(page.locator('.rsum-bar').first()).toHaveCSS('position', 'static');
  });
});

/**
 * Parts of `inner` (a locator's elements) whose box reaches outside `outer`'s box, as "tag x..x" strings. With
 * `horizontalOnly`, only the left and right edges count (a card grows downwards with its content).
 */
async function outside(
  page: Page,
  outerSelector: string,
  innerSelector: string,
  horizontalOnly = false,
): Promise<string[]> {
  return page.evaluate(
    ([o, i, h]) => {
      const outer = document.querySelector(o);
      if (!outer) return [`no ${o}`];
      const box = outer.getBoundingClientRect();
      const bad: string[] = [];
      for (const el of outer.querySelectorAll(i)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        // Inside a scroll region (a wide table on a phone) content may run past the card: the region scrolls.
        const scroller = el.parentElement?.closest('.table-wrap');
        if (scroller && outer.contains(scroller)) continue;
        const vertical = !h && (r.top < box.top - 1 || r.bottom > box.bottom + 1);
        if (r.left < box.left - 1 || r.right > box.right + 1 || vertical)
          bad.push(
            `<${el.tagName.toLowerCase()}> ${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(box.left)}..${Math.round(box.right)}`,
          );
      }
      return bad;
    },
    [outerSelector, innerSelector, horizontalOnly] as const,
  );
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`item 17 at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('"Outlier, per tensor": no part of the INT8 chart lies outside its chart or its card', async ({ page }) => {
      await page.goto('/tools/rounding');
      const w = page.getByRole('region', { name: /Rounding demo/ });
      await w.getByRole('button', { name: 'Outlier, per tensor' }).click();
      await w.getByRole('tab', { name: 'INT8 absmax' }).click();
      const chart = w.getByRole('img', { name: /Histogram of/ });
      await expect(chart).toBeVisible();
      // The grid spans ±absmax but the weights do not: only the levels within their range are drawn.
      await expect(w.locator('.rd-figure figcaption')).toContainText('within the weights');
      expect(await outside(page, '.rd-figure svg', 'line, rect, circle, text')).toEqual([]);
      expect(await outside(page, 'section.rd-demo', '*', true)).toEqual([]);
    });

    test('the config.json upload field stays inside its card', async ({ page }) => {
      await page.goto('/tools/memory');
      const widget = page.getByRole('region', { name: /your set-up/i });
      await widget.getByLabel('Model', { exact: true }).selectOption('custom');
      const upload = widget.getByLabel('Or upload config.json');
      await expect(upload).toBeVisible();
      const [card, field] = await Promise.all([widget.boundingBox(), upload.boundingBox()]);
      expect(card && field).toBeTruthy();
      expect(field!.x).toBeGreaterThanOrEqual(card!.x);
      expect(field!.x + field!.width).toBeLessThanOrEqual(card!.x + card!.width + 0.5);
    });
  });
}

test.describe('item 17: validation waits for input', () => {
  test('"Paste or upload a config.json": no error until the box is typed in or left', async ({ page }) => {
    await page.goto('/tools/memory');
    const widget = page.getByRole('region', { name: /your set-up/i });
    await widget.getByLabel('Model', { exact: true }).selectOption('custom');
    const box = widget.getByLabel('config.json', { exact: true });
    await expect(box).toBeVisible();
    await expect(box).not.toHaveAttribute('aria-invalid', 'true');
    await expect(widget.getByRole('alert')).toHaveCount(0);
    await expect(box).toHaveAccessibleDescription(/Paste a model's config\.json/); // said as a hint, not an error

    await box.focus();
    await box.blur();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.getByRole('alert')).toContainText("Paste a model's config.json");
  });

  test('rounding demo "Paste your own numbers": no error before typing, one after', async ({ page }) => {
    await page.goto('/tools/rounding');
    const w = page.getByRole('region', { name: /Rounding demo/ });
    await w.getByLabel('Distribution').selectOption('paste');
    const box = w.getByLabel(/Your weights/);
    await expect(box).toHaveAttribute('aria-invalid', 'false');
    await expect(w.getByRole('alert')).toHaveCount(0);
    await expect(w.locator('.field-error')).toHaveCount(0);
    await box.fill('0.1, banana');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(w.getByRole('alert')).toContainText('banana');
  });

  test.describe('precision lesson at 1280 px', () => {
    test.use({ viewport: DESKTOP });
    test('the published-results table fits its column (no clipped columns)', async ({ page }) => {
      await page.goto('/lessons/precision');
      const wrap = page.getByRole('region', { name: 'Published LLaMA3-70B results' });
      await expect(wrap).toBeVisible();
      const fits = await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
    });
  });
});

const LESSONS = ['precision', 'memory', 'methods', 'speed', 'deployment', 'decision', 'fact-check'];

test.describe('item 18 at 390 px: every sideways-scrolling region is reachable by keyboard, with a cue', () => {
  test.use({ viewport: PHONE });

  for (const route of [...LESSONS.map((s) => `/lessons/${s}`), '/cheatsheet', '/tools/memory', '/tools/speed']) {
    test(`${route}: axe scrollable-region-focusable is clean; every scroller is focusable and named`, async ({
      page,
    }) => {
      await page.goto(route);
      const results = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
      expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
      // Every box that scrolls sideways right now: focusable, with a role and a name.
      const bare = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => {
            const s = getComputedStyle(el);
            if (el.matches('textarea, input, select')) return false; // focusable already
            return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
          })
          .filter(
            (el) => el.getAttribute('tabindex') !== '0' || !el.getAttribute('role') || !el.getAttribute('aria-label'),
          )
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
      expect(bare).toEqual([]);
    });
  }

  test('/cheatsheet does not scroll sideways', async ({ page }) => {
    await page.goto('/cheatsheet');
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test('a focused table region shows a focus ring and scrolls with the arrow keys', async ({ page }) => {
    await page.goto('/cheatsheet');
    const region = page.getByRole('region', { name: 'GPU table' });
    await region.focus();
    await expect(region).toBeFocused();
    const outline = await region.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    const canScroll = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    if (canScroll) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }
  });
});
