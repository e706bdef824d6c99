import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

/** The visible slide counter ("Slide 3 of 14"), a polite live region. */
const counter = (page: Page) => page.getByRole('status').filter({ hasText: /^Slide \d+ of \d+$/ });

/** The slide on screen: the one region named "n of N: title" that is not hidden. */
const currentSlide = (page: Page) => page.getByRole('region', { name: /^\d+ of \d+: / });

/** Opens a deck page and waits until its controls are live (keys pressed earlier would be lost). */
async function openDeck(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-island="deck-controller"][data-hydrated="true"]')).toBeAttached();
}

/** A second page in the same browser context (BroadcastChannel reaches every page of one context), with its console errors recorded. */
async function secondPage(context: BrowserContext, consoleErrors: string[]) {
  const other = await context.newPage();
  other.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`[second page] ${msg.text()}`);
  });
  other.on('pageerror', (err) => consoleErrors.push(`[second page] ${String(err)}`));
  return other;
}

/** Presses → until the slide titled `title` is on screen (at most 30 times). */
async function advanceTo(page: Page, title: string) {
  for (let i = 0; i < 30; i += 1) {
    const name = (await currentSlide(page).getAttribute('aria-label')) ?? '';
    if (name.endsWith(`: ${title}`)) return;
    await page.keyboard.press('ArrowRight');
    await expect(currentSlide(page)).not.toHaveAttribute('aria-label', name);
  }
  throw new Error(`slide "${title}" not reached`);
}

test('each lesson links to its slides', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  await expect(page.getByRole('link', { name: 'Present this lesson' })).toHaveAttribute('href', '/present/memory');
  expect(consoleErrors).toEqual([]);
});

test('slides move with the keyboard; the counter, the heading, focus and the hash follow', async ({
  page,
  consoleErrors,
}) => {
  await openDeck(page, '/present/memory');
  const c = counter(page);
  await expect(c).toHaveText(/^Slide 1 of \d+$/);
  const total = Number((await c.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(8);
  await expect(page.getByRole('heading', { level: 1, name: 'Memory: what a 70B model really needs' })).toBeAttached();
  await expect(page.getByRole('heading', { level: 2, name: 'Memory: what a 70B model really needs' })).toBeVisible();
  await expect(currentSlide(page)).toHaveCount(1);

  await page.keyboard.press('ArrowRight');
  await expect(c).toHaveText(`Slide 2 of ${total}`);
  await expect(page.getByRole('heading', { name: 'What the post says about memory' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What the post says about memory' })).toBeFocused(); // screen readers follow the slide
  await expect(page).toHaveURL(/\/present\/memory#2$/);
  await expect(page.getByRole('heading', { name: /Memory: what a 70B/, level: 2 })).toBeHidden();

  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Three corrections' })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(c).toHaveText(`Slide 4 of ${total}`);
  await expect(currentSlide(page)).toHaveAttribute('aria-label', `4 of ${total}: Four terms, and no gradients`);
  await page.keyboard.press('Shift+Space');
  await expect(c).toHaveText(`Slide 3 of ${total}`);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(c).toHaveText(`Slide 1 of ${total}`);
  await page.keyboard.press('ArrowLeft'); // stays on the first slide
  await expect(c).toHaveText(`Slide 1 of ${total}`);
  await page.keyboard.press('End');
  await expect(c).toHaveText(`Slide ${total} of ${total}`);
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#${total}$`));
  await page.keyboard.press('Home');
  await expect(c).toHaveText(`Slide 1 of ${total}`);

  // The buttons move too, and keep focus (the live counter announces the slide).
  const next = page.getByRole('button', { name: 'Next' });
  await next.click();
  await next.click();
  await expect(c).toHaveText(`Slide 3 of ${total}`);
  await expect(next).toBeFocused();

  // Back returns to the previous slide; a reload stays on the slide in the hash.
  await page.goBack();
  await expect(c).toHaveText(`Slide 2 of ${total}`);
  await expect(page.getByRole('heading', { name: 'What the post says about memory' })).toBeVisible();
  await openDeck(page, '/present/memory#4');
  await expect(c).toHaveText(`Slide 4 of ${total}`);
  await expect(page.getByRole('heading', { name: 'Four terms, and no gradients' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the presenter window follows the audience window, and back, with notes and the next slide', async ({
  page,
  context,
  consoleErrors,
}) => {
  await openDeck(page, '/present/memory#2');
  await page.keyboard.press('ArrowRight'); // the audience window is now presenting slide 3
  await expect(counter(page)).toHaveText(/^Slide 3 of/);

  // The audience window links to the presenter view of the current slide.
  await expect(page.getByRole('link', { name: 'Presenter view' })).toHaveAttribute(
    'href',
    '/present/memory?view=presenter#3',
  );

  // A presenter window opened on slide 1 asks the deck where it is and joins slide 3.
  const presenter = await secondPage(context, consoleErrors);
  await openDeck(presenter, '/present/memory?view=presenter');
  await expect(counter(presenter)).toHaveText(/^Slide 3 of/);
  await expect(presenter.getByRole('heading', { name: 'Three corrections' })).toBeVisible();
  const notes = presenter.getByRole('region', { name: 'Notes' });
  await expect(notes).toContainText('Three corrections');
  await expect(presenter.getByRole('heading', { name: 'Next: Four terms, and no gradients' })).toBeVisible();
  await expect(presenter.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
  await expect(presenter.getByRole('link', { name: 'Audience window' })).toBeVisible();

  // Drive the audience window: the presenter follows, notes and preview included.
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText(/^Slide 4 of/);
  await expect(counter(presenter)).toHaveText(/^Slide 4 of/);
  await expect(presenter.getByRole('heading', { name: 'Four terms, and no gradients' })).toBeVisible();
  await expect(notes).toContainText('Point at each term');
  await expect(presenter).toHaveURL(/#4$/);

  // Drive the presenter window: the audience follows.
  await presenter.getByRole('button', { name: 'Next' }).click();
  await expect(counter(presenter)).toHaveText(/^Slide 5 of/);
  await expect(counter(page)).toHaveText(/^Slide 5 of/);
  await presenter.keyboard.press('ArrowLeft');
  await presenter.keyboard.press('ArrowLeft');
  await expect(counter(page)).toHaveText(/^Slide 3 of/);
  await expect(page.getByRole('heading', { name: 'Three corrections' })).toBeVisible();

  // Another lesson's deck is on another channel: it does not move.
  const other = await secondPage(context, consoleErrors);
  await openDeck(other, '/present/speed');
  await page.keyboard.press('ArrowRight');
  await expect(counter(presenter)).toHaveText(/^Slide 4 of/);
  await expect(counter(other)).toHaveText(/^Slide 1 of/);

  // The clock pauses and resets.
  await presenter.getByRole('button', { name: 'Pause' }).click();
  await expect(presenter.getByRole('button', { name: 'Resume' })).toBeVisible();
  await presenter.getByRole('button', { name: 'Reset' }).click();
  await expect(presenter.getByRole('timer')).toHaveText('0:00');
  expect(consoleErrors).toEqual([]);
});

test('a calculator on a slide takes typing and arrows without changing slides', async ({ page, consoleErrors }) => {
  await openDeck(page, '/present/memory');
  await advanceTo(page, 'Try it');
  const before = await counter(page).textContent();
  const widget = page.getByRole('region', { name: /inference memory calculator/i });
  const batch = widget.getByLabel('Batch size', { exact: true });
  await batch.click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('16');
  await page.keyboard.press('Space'); // a space in a text field is typing, not "next slide"
  await page.keyboard.press('Backspace');
  await expect(batch).toHaveValue('16');
  await expect(counter(page)).toHaveText(before!);

  const model = widget.getByLabel('Model', { exact: true });
  await model.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Home');
  await expect(counter(page)).toHaveText(before!);
  await expect(widget.getByRole('status', { name: 'Result' })).toContainText('16 ×');
  expect(consoleErrors).toEqual([]);
});

test("a QR code's link on a slide opens the calculator with the same set-up", async ({
  page,
  context,
  consoleErrors,
}) => {
  await openDeck(page, '/present/memory');
  await advanceTo(page, 'Try it');
  const widget = page.getByRole('region', { name: /inference memory calculator/i });
  await widget.getByLabel('Weight format', { exact: true }).selectOption('nf4');
  await widget.getByLabel('KV cache precision', { exact: true }).selectOption('fp8');
  await widget.getByLabel('Context length', { exact: true }).fill('8192');
  await widget.getByLabel('Batch size', { exact: true }).fill('12');
  await widget.getByLabel('GPU', { exact: true }).selectOption('h100-sxm');

  const link = widget.getByRole('link', { name: /^http:\/\/127\.0\.0\.1:\d+\/tools\/memory\?/ });
  await expect(link).toHaveAttribute('href', /batch=12/);
  const href = (await link.getAttribute('href'))!;
  await expect(link).toHaveText(href);
  await expect(widget.getByRole('img', { name: `QR code for ${href}` })).toBeVisible();
  // The test server is 127.0.0.1: the code says plainly that a phone cannot open it.
  await expect(widget.getByText(/phones on the network cannot open localhost/)).toBeVisible();
  expect(href).toMatch(/weights=nf4&kv=fp8&context=8192&batch=12&gpu=h100-sxm/);

  const laptop = await secondPage(context, consoleErrors);
  await laptop.goto(href);
  const tool = laptop.getByRole('region', { name: /your set-up/i });
  await expect(laptop.locator('[data-island="memory-calculator"][data-hydrated="true"]')).toBeAttached();
  await expect(tool.getByLabel('Weight format', { exact: true })).toHaveValue('nf4');
  await expect(tool.getByLabel('KV cache precision', { exact: true })).toHaveValue('fp8');
  await expect(tool.getByLabel('Context length', { exact: true })).toHaveValue('8192');
  await expect(tool.getByLabel('Batch size', { exact: true })).toHaveValue('12');
  await expect(tool.getByLabel('GPU', { exact: true })).toHaveValue('h100-sxm');
  await expect(tool.getByRole('status', { name: 'Result' })).toContainText('12 × 8,192 tokens');
  expect(consoleErrors).toEqual([]);
});

test('the speed calculator on a slide shows its set-up as a QR code too', async ({ page, consoleErrors }) => {
  await openDeck(page, '/present/speed');
  await advanceTo(page, 'Try it: the decode speed calculator');
  const widget = page.getByRole('region', { name: 'Decode speed calculator' });
  await widget.getByLabel('Batch size', { exact: true }).fill('64');
  const link = widget.getByRole('link', { name: /\/tools\/speed\?/ });
  await expect(link).toHaveAttribute('href', /batch=64/);
  await expect(widget.getByRole('img', { name: /^QR code for http.*\/tools\/speed\?.*batch=64/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("on a slide, a quiz question shows its options first and 'Reveal' shows the answer", async ({
  page,
  consoleErrors,
}) => {
  await openDeck(page, '/present/memory');
  // One question per slide, numbered within the quiz; the quiz hydrates once its slide is shown.
  await advanceTo(page, 'Check yourself (1 of 4)');
  await expect(currentSlide(page).locator('[data-island="quiz"]')).toHaveAttribute('data-hydrated', 'true');
  await expect(currentSlide(page).getByRole('group')).toHaveCount(1);
  await expect(currentSlide(page).getByRole('heading', { name: 'Question 1 of 4' })).toBeVisible();
  await advanceTo(page, 'Check yourself (2 of 4)');
  const slide = currentSlide(page);
  await expect(slide.getByRole('group')).toHaveCount(1);
  const question = slide.getByRole('group', { name: /Question 2 of 4.*GPTQ 4-bit, group-size-128 checkpoint/ });
  await expect(question.getByRole('radio')).toHaveCount(4);
  await expect(question).not.toContainText('Correct answer');
  await expect(question.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  await question.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(question).toContainText('Correct answer');
  await expect(question).toContainText('Scales, zero-points and 16-bit embeddings');
  await expect(question).toContainText('Every group of 128 weights carries an FP16 scale');
  await expect(question).toContainText('Activations are computed at run time'); // every option is explained
  await question.getByRole('button', { name: 'Hide answer' }).click();
  await expect(question).not.toContainText('Correct answer');
  expect(consoleErrors).toEqual([]);
});

test('axe finds nothing on a slide page: title slide, calculator slide and presenter view', async ({
  page,
  consoleErrors,
}) => {
  test.slow(); // six axe runs
  await openDeck(page, '/present/memory');
  await expectNoAxeViolationsLightAndDark(page);
  await advanceTo(page, 'Try it');
  await expect(page.getByRole('img', { name: /^QR code for / })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
  await openDeck(page, '/present/memory?view=presenter#7');
  await expect(page.getByRole('region', { name: 'Notes' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('on a phone the slide reads in the page flow with the controls at hand', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openDeck(page, '/present/speed');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(counter(page)).toHaveText(/^Slide 2 of/);
  await expect(page.getByRole('heading', { name: 'What the post says about speed' })).toBeInViewport();
  // Nothing wider than the screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(consoleErrors).toEqual([]);
});

for (const [name, saved] of [
  ['an infinite clock', { runningSinceMs: -1e308, bankedMs: 1e308 }],
  ['a 1e300 ms clock', { runningSinceMs: null, bankedMs: 1e300 }],
] as const) {
  test(`a crafted presenter clock in session storage (${name}) starts a fresh clock; the keys keep working`, async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(
      (value) => window.sessionStorage.setItem('present-timer:memory', value),
      JSON.stringify(saved),
    );
    await openDeck(page, '/present/memory?view=presenter');
    await expect(page.getByRole('timer')).toHaveText(/^0:0\d$/);
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(/^Slide 2 of/);
    expect(consoleErrors).toEqual([]);
  });
}

/** Every lesson's deck (content/lessons/*.mdx). */
const DECKS = ['precision', 'memory', 'methods', 'speed', 'deployment', 'decision', 'fact-check'] as const;

/**
 * How far the slide on screen overflows, in CSS px (≤ 1 means it fits): the stage's own
 * scrolling (down and across), the page's, and the slide's box against the viewport.
 * Also the zoom the deck chose for it (data-fit), for the failure message.
 */
async function slideOverflow(page: Page) {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('section[data-slide]:not([hidden])');
    const stage = slide?.parentElement;
    if (!slide || !stage) return { px: Number.POSITIVE_INFINITY, fit: 'no slide' };
    const box = slide.getBoundingClientRect();
    const root = document.documentElement;
    const px = Math.max(
      stage.scrollHeight - stage.clientHeight,
      stage.scrollWidth - stage.clientWidth,
      root.scrollHeight - root.clientHeight,
      root.scrollWidth - root.clientWidth,
      box.bottom - window.innerHeight,
      box.right - window.innerWidth,
      -box.top,
    );
    return { px, fit: slide.dataset.fit ?? 'unset' };
  });
}

for (const slug of DECKS) {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    test(`every slide of the ${slug} deck fits ${size.width}×${size.height} without scrolling`, async ({
      page,
      consoleErrors,
    }) => {
      test.slow(); // up to ~20 slides, each measured until its fit settles
      await page.setViewportSize(size);
      await openDeck(page, `/present/${slug}`);
      const total = Number((await counter(page).textContent())!.match(/of (\d+)/)![1]);
      for (let n = 1; n <= total; n += 1) {
        if (n > 1) await page.keyboard.press('ArrowRight');
        await expect(counter(page)).toHaveText(`Slide ${n} of ${total}`);
        const label = (await currentSlide(page).getAttribute('aria-label')) ?? `slide ${n}`;
        // The deck zooms a long slide out to fit (data-fit, never below 0.5); a slide still taller than the screen fails.
        let last = { px: Number.POSITIVE_INFINITY, fit: 'unmeasured' };
        try {
          await expect
            .poll(async () => {
              last = await slideOverflow(page);
              return last.px;
            })
            .toBeLessThanOrEqual(1);
        } catch {
          throw new Error(
            `${slug} at ${size.width}×${size.height}: "${label}" overflows by ${last.px} px (fit ${last.fit})`,
          );
        }
      }
      expect(consoleErrors).toEqual([]);
    });
  }
}

test('a quiz answer revealed in the presenter window shows in the audience window; the notes hold the answer key', async ({
  page,
  context,
  consoleErrors,
}) => {
  // The audience window on the projector: no site header or footer.
  await openDeck(page, '/present/memory?view=audience');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await advanceTo(page, 'Check yourself (2 of 4)');

  const presenter = await secondPage(context, consoleErrors);
  await openDeck(presenter, '/present/memory?view=presenter');
  await expect(currentSlide(presenter)).toHaveAttribute('aria-label', /: Check yourself \(2 of 4\)$/);
  // The audience window link of the presenter view opens this chrome-free view.
  await expect(presenter.getByRole('link', { name: 'Audience window' })).toHaveAttribute(
    'href',
    /^\/present\/memory\?view=audience#\d+$/,
  );

  // The presenter's notes give the answer key and the explanation (content/questions/memory.md, mem-gptq-g128-overhead).
  const notes = presenter.getByRole('region', { name: 'Notes' });
  await expect(notes).toContainText('Answer key');
  await expect(notes).toContainText('Scales, zero-points and 16-bit embeddings');
  await expect(notes).toContainText('total 39.77 GB');
  // …which the audience window does not show.
  await expect(currentSlide(page).getByText('Answer key').filter({ visible: true })).toHaveCount(0);

  const inAudience = currentSlide(page).getByRole('group', { name: /Question 2 of 4/ });
  const inPresenter = currentSlide(presenter).getByRole('group', { name: /Question 2 of 4/ });
  await expect(inAudience).not.toContainText('Correct answer');
  await inPresenter.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(inPresenter).toContainText('Correct answer');
  await expect(inAudience).toContainText('Correct answer');
  await expect(inAudience).toContainText('Every group of 128 weights carries an FP16 scale');
  await expect(inAudience.getByRole('button', { name: 'Hide answer' })).toBeVisible();

  // A window opened after the reveal asks for the current state and shows it too.
  const late = await secondPage(context, consoleErrors);
  await openDeck(late, '/present/memory');
  await expect(currentSlide(late)).toHaveAttribute('aria-label', /: Check yourself \(2 of 4\)$/);
  await expect(currentSlide(late).getByRole('group', { name: /Question 2 of 4/ })).toContainText('Correct answer');

  // Hiding works from either side.
  await inAudience.getByRole('button', { name: 'Hide answer' }).click();
  await expect(inPresenter).not.toContainText('Correct answer');
  await expect(inAudience).not.toContainText('Correct answer');
  expect(consoleErrors).toEqual([]);
});

test("the calculator's fields on a slide are the same in the presenter and audience windows", async ({
  page,
  context,
  consoleErrors,
}) => {
  await openDeck(page, '/present/memory?view=audience');
  await advanceTo(page, 'Try it');
  const presenter = await secondPage(context, consoleErrors);
  await openDeck(presenter, '/present/memory?view=presenter');
  await expect(currentSlide(presenter)).toHaveAttribute('aria-label', /: Try it$/);

  const calc = (p: Page) => currentSlide(p).getByRole('region', { name: /inference memory calculator/i });
  await calc(presenter).getByLabel('Batch size', { exact: true }).fill('16');
  await calc(presenter).getByLabel('KV cache precision', { exact: true }).selectOption('fp8');
  await expect(calc(page).getByLabel('Batch size', { exact: true })).toHaveValue('16');
  await expect(calc(page).getByLabel('KV cache precision', { exact: true })).toHaveValue('fp8');
  await expect(calc(page).getByRole('status', { name: 'Result' })).toContainText('16 ×');
  // And back: the audience window's change reaches the presenter.
  await calc(page).getByLabel('Batch size', { exact: true }).fill('4');
  await expect(calc(presenter).getByLabel('Batch size', { exact: true })).toHaveValue('4');
  expect(consoleErrors).toEqual([]);
});

test('a clicker page (?view=remote) moves the audience window with big buttons, and follows it', async ({
  page,
  context,
  consoleErrors,
}) => {
  await openDeck(page, '/present/speed?view=audience');
  await expect(counter(page)).toHaveText(/^Slide 1 of/);

  const remote = await secondPage(context, consoleErrors);
  await remote.setViewportSize({ width: 390, height: 844 });
  await openDeck(remote, '/present/speed?view=remote');
  await expect(counter(remote)).toHaveText(/^Slide 1 of/);
  await expect(currentSlide(remote)).toHaveCount(0); // no slides on the clicker, only the controls
  const clicker = remote.getByRole('region', { name: 'Clicker' });
  await expect(
    clicker.getByText(/needs a server to relay the clicks, and this static site does not run one/),
  ).toBeVisible();

  const next = remote.getByRole('button', { name: 'Next' });
  const prev = remote.getByRole('button', { name: 'Previous' });
  for (const button of [next, prev]) {
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48); // WCAG 2.5.5 target size (AAA): 44 CSS px; Material's 48
    expect(box.width).toBeGreaterThanOrEqual(48);
  }

  await next.click();
  await expect(counter(page)).toHaveText(/^Slide 2 of/);
  await expect(counter(remote)).toHaveText(/^Slide 2 of/);
  await expect(clicker.getByText('What the post says about speed', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What the post says about speed' })).toBeVisible();

  // Keyboard: Enter and Space press the focused button.
  await next.focus();
  await remote.keyboard.press('Enter');
  await expect(counter(page)).toHaveText(/^Slide 3 of/);
  await prev.focus();
  await remote.keyboard.press('Space');
  await expect(counter(page)).toHaveText(/^Slide 2 of/);

  // The audience window moves: the clicker shows the new slide's number and title.
  await page.keyboard.press('ArrowRight');
  await expect(counter(remote)).toHaveText(/^Slide 3 of/);
  await expect(clicker.getByText('Two levers per step, and the batch', { exact: true })).toBeVisible();

  await expectNoAxeViolationsLightAndDark(remote);
  expect(consoleErrors).toEqual([]);
});
