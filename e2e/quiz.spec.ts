import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark, hydrateDisplayedIslands } from './fixtures';
import { getQuestions } from '../content/questions';
import { compactQuestion } from '../lib/practice/compact';
import { PROGRESS_STORAGE_KEY } from '../lib/practice/progress';
import type { OrderingQuestion } from '../lib/practice/types';

/** The lesson quiz of a page, once its island is live. */
async function openQuiz(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  await expect(page.locator('[data-island="quiz"]:not([data-hydrated="true"])')).toHaveCount(0);
  return page.getByRole('region', { name: 'Check yourself', exact: true });
}

/** A question card: the group named "Question n of N <prompt>". */
const card = (page: Page, id: string) =>
  page.locator(`[data-question-id="${id}"]`).getByRole('group', { name: /^Question/ });

/** Saved practice progress, as the page's localStorage holds it. */
async function savedProgress(
  page: Page,
): Promise<{ items: Record<string, { seen: number; lastResult: string; withHints: number }> } | null> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), PROGRESS_STORAGE_KEY);
  return raw === null
    ? null
    : (JSON.parse(raw) as { items: Record<string, { seen: number; lastResult: string; withHints: number }> });
}

/**
 * A lesson page whose quiz island is handed other bank questions (numeric, ordering,
 * open, flaw: types no lesson asks yet), so the card is tested in the real bundle.
 */
async function openHarness(page: Page, ids: string[], mode: 'check' | 'room'): Promise<Locator> {
  const props = { title: 'Card harness', questions: getQuestions(ids).map(compactQuestion), mode };
  const attr = JSON.stringify(props)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  await page.route('**/lessons/precision', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /data-island="quiz" data-props="[^"]*"/,
      `data-island="quiz" data-props="${attr}" data-harness=""`,
    );
    await route.fulfill({ response, body: html });
  });
  // The server HTML is the lesson's own quiz, which React would refuse to hydrate with other props: empty the
  // island once the page is parsed, before the island bundle (a module script) runs, so the card renders afresh.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') document.querySelector('[data-harness]')?.replaceChildren();
    });
  });
  await page.goto('/lessons/precision');
  await expect(page.locator('[data-island="quiz"]:not([data-hydrated="true"])')).toHaveCount(0);
  return page.getByRole('region', { name: 'Card harness' });
}

test('a lesson quiz: one answer right, one wrong, with every option explained', async ({ page, consoleErrors }) => {
  const quiz = await openQuiz(page, '/lessons/memory');
  await expect(quiz.getByRole('heading', { level: 2, name: 'Check yourself', exact: true })).toBeVisible();
  await expect(quiz.getByRole('heading', { level: 3 })).toHaveText([
    'Question 1 of 4',
    'Question 2 of 4',
    'Question 3 of 4',
    'Question 4 of 4',
  ]);
  await expect(quiz.getByRole('link', { name: 'Practice' })).toHaveAttribute('href', '/practice');
  await expect(quiz).toContainText('Your answers here count toward your review queue in Practice');

  // Wrong
  const gptq = card(page, 'mem-gptq-g128-overhead');
  await expect(gptq).toHaveAccessibleName(/^Question 2 of 4 A published GPTQ 4-bit/);
  await expect(gptq).toContainText('Choose one answer.');
  await gptq.getByLabel('It includes the KV cache').check();
  await gptq.getByRole('button', { name: 'Check answer' }).click();
  await expect(gptq.getByRole('status')).toHaveText('Not quite — see the explanations.');
  await expect(gptq).toContainText('Your choice — wrong');
  await expect(gptq).toContainText('Correct answer');
  await expect(gptq.getByText(/Your choice|Correct answer|Not this one/)).toHaveCount(4);
  for (const why of [
    'never saved with the weights',
    'Every group of 128 weights carries an FP16 scale',
    'Activations are computed at run time',
    'packs eight 4-bit values',
  ]) {
    await expect(gptq).toContainText(why);
  }
  await expect(gptq).toContainText('68,451,041,280 quantized weights'); // the question's explain

  // Right
  const gqa = card(page, 'kv-gqa-vs-mha-ratio');
  await gqa.getByLabel('8× smaller').check();
  await gqa.getByRole('button', { name: 'Check answer' }).click();
  await expect(gqa.getByRole('status')).toHaveText('Right.');
  await expect(gqa).toContainText('Your choice — right');
  await expect(gqa.getByText('Not this one')).toHaveCount(3);
  await expect(gqa).toContainText('2,621,440 B (MHA)');

  // Changing the answer clears the verdict; checking again grades the new answer.
  await gptq.getByLabel('Scales, zero-points and 16-bit embeddings').check();
  await expect(gptq.getByRole('status')).toHaveText('');
  await expect(gptq).not.toContainText('Your choice — wrong');
  await gptq.getByRole('button', { name: 'Check answer' }).click();
  await expect(gptq.getByRole('status')).toHaveText('Right.');

  // Multiple choice says so, and names what is missing.
  const holds = card(page, 'mem-inference-holds');
  await expect(holds).toContainText('Choose all that apply.');
  await holds.getByRole('button', { name: 'Check answer' }).click();
  await expect(holds.getByRole('status')).toHaveText('Choose an answer first.');
  await holds.getByLabel('The weights', { exact: true }).check();
  await holds.getByRole('button', { name: 'Check answer' }).click();
  await expect(holds.getByRole('status')).toHaveText('Not quite: 3 right options missed — see the explanations.');
  await expect(holds.getByText('Correct answer — you missed it')).toHaveCount(3);
  await expect(page.getByRole('main')).not.toContainText(/NaN|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('a whole lesson quiz with the keyboard alone', async ({ page, consoleErrors }) => {
  test.slow(); // many key presses through the lesson
  await openQuiz(page, '/lessons/memory');
  const right: Record<string, string[]> = {
    'mem-inference-holds': ['The weights', 'The KV cache', 'A transient activation workspace', 'The CUDA context'],
    'mem-gptq-g128-overhead': ['Scales, zero-points and 16-bit embeddings'],
    'kv-weight-format-independent': ['Nothing: it stays the same size'],
    'kv-gqa-vs-mha-ratio': ['8× smaller'],
  };
  const isRight = (id: string | null, label: string) =>
    id ? (right[id] ?? []).some((r) => label.startsWith(r)) : false;
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        tag: el?.tagName ?? '',
        type: el?.type ?? '',
        text: (el?.textContent ?? '').trim(),
        label: (el?.closest('label')?.textContent ?? '').trim(),
        card: el?.closest('[data-question-id]')?.getAttribute('data-question-id') ?? null,
        checked: el?.checked === true,
        // The lesson's closing quiz (the page has section quizzes before it, with their own titles).
        inQuiz: Boolean(el?.closest('section[aria-label="Check yourself"]')),
      };
    });

  // Tab from the top of the page into the quiz.
  let f = await focused();
  for (let i = 0; i < 900 && !f.inQuiz; i += 1) {
    await page.keyboard.press('Tab');
    f = await focused();
  }
  expect(f.inQuiz).toBe(true);

  const checked = new Set<string>();
  // Tab on (past each card's source links) until the last stop, the link to /practice.
  for (let step = 0; step < 160 && f.inQuiz && !(f.tag === 'A' && f.text === 'Practice'); step += 1) {
    if (f.type === 'checkbox' && isRight(f.card, f.label) && !f.checked) await page.keyboard.press('Space');
    if (f.type === 'radio') {
      // Arrow keys move through a radio group and select; Space selects the first one.
      for (let k = 0; k < 6 && !isRight(f.card, f.label); k += 1) {
        await page.keyboard.press('ArrowDown');
        f = await focused();
      }
      if (!f.checked) await page.keyboard.press('Space');
    }
    if (f.tag === 'BUTTON' && f.text === 'Check answer' && f.card) {
      await page.keyboard.press('Enter');
      await expect(card(page, f.card).getByRole('status')).toHaveText('Right.');
      checked.add(f.card);
    }
    await page.keyboard.press('Tab');
    f = await focused();
  }
  expect([...checked].sort()).toEqual(Object.keys(right).sort());
  expect(f.text).toBe('Practice'); // the last stop in the quiz: the link to /practice
  // Focus is visible on the link.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  expect(consoleErrors).toEqual([]);
});

test('hints step through one at a time and count into the recorded answer', async ({ page, consoleErrors }) => {
  await openQuiz(page, '/lessons/memory');
  const gqa = card(page, 'kv-gqa-vs-mha-ratio');
  await expect(gqa.getByRole('listitem').filter({ hasText: /^Hint/ })).toHaveCount(0);
  await gqa.getByRole('button', { name: 'Show hint 1 of 2' }).click();
  await expect(gqa).toContainText('Hint 1 of 2');
  await expect(gqa).toContainText('KV cache per token = 2 (K and V)');
  await expect(gqa).not.toContainText('Hint 2 of 2');
  const second = gqa.getByRole('button', { name: 'Show hint 2 of 2' });
  await expect(second).toBeFocused(); // the same button, now for the next hint
  await page.keyboard.press('Enter');
  await expect(gqa).toContainText('multi-head attention caches all 64 heads');
  await expect(gqa.getByRole('button', { name: /Show hint/ })).toHaveCount(0);
  await expect(gqa.getByRole('listitem').filter({ hasText: 'Hint 2 of 2' })).toBeFocused(); // focus is not lost with the button

  await gqa.getByLabel('8× smaller').check();
  await gqa.getByRole('button', { name: 'Check answer' }).click();
  await expect(gqa.getByRole('status')).toHaveText('Right.');
  await expect.poll(async () => (await savedProgress(page))?.items['kv-gqa-vs-mha-ratio']?.withHints).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('axe finds nothing on a lesson quiz with feedback and hints shown, light and dark', async ({
  page,
  consoleErrors,
}) => {
  test.slow(); // axe twice over a long lesson
  await openQuiz(page, '/lessons/memory');
  const gptq = card(page, 'mem-gptq-g128-overhead');
  await gptq.getByRole('button', { name: 'Show hint 1 of 1' }).click();
  await gptq.getByLabel('It stores activations').check();
  await gptq.getByRole('button', { name: 'Check answer' }).click();
  const holds = card(page, 'mem-inference-holds');
  await holds.getByLabel('The weights', { exact: true }).check();
  await holds.getByRole('button', { name: 'Check answer' }).click();
  const gqa = card(page, 'kv-gqa-vs-mha-ratio');
  await gqa.getByLabel('8× smaller').check();
  await gqa.getByRole('button', { name: 'Check answer' }).click();
  await expect(gqa.getByRole('status')).toHaveText('Right.');
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('answers are recorded in practice progress and survive a reload', async ({ page, consoleErrors }) => {
  await openQuiz(page, '/lessons/memory');
  expect(await savedProgress(page)).toBeNull();
  const gptq = card(page, 'mem-gptq-g128-overhead');
  await gptq.getByLabel('It stores activations').check();
  await gptq.getByRole('button', { name: 'Check answer' }).click();
  await expect(gptq.getByRole('status')).toHaveText(/Not quite/);
  const gqa = card(page, 'kv-gqa-vs-mha-ratio');
  await gqa.getByLabel('8× smaller').check();
  await gqa.getByRole('button', { name: 'Check answer' }).click();
  await expect(gqa.getByRole('status')).toHaveText('Right.');
  // A re-check after reading the explanations is not a second review.
  await gptq.getByLabel('Scales, zero-points and 16-bit embeddings').check();
  await gptq.getByRole('button', { name: 'Check answer' }).click();
  await expect(gptq.getByRole('status')).toHaveText('Right.');

  await page.reload();
  await hydrateDisplayedIslands(page); // a reload is not page.goto: bring the quizzes to life here
  await expect(page.locator('[data-island="quiz"]:not([data-hydrated="true"])')).toHaveCount(0);
  const progress = await savedProgress(page);
  expect(progress?.items['mem-gptq-g128-overhead']).toMatchObject({ seen: 1, lastResult: 'wrong', withHints: 0 });
  expect(progress?.items['kv-gqa-vs-mha-ratio']).toMatchObject({ seen: 1, lastResult: 'right' });
  expect(progress?.items['mem-inference-holds']).toBeUndefined();
  expect(consoleErrors).toEqual([]);
});

test('unreadable saved progress is left for Practice to report; the quiz still works', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript((key) => {
    if (!window.sessionStorage.getItem('seeded')) {
      window.localStorage.setItem(key, '{not json');
      window.sessionStorage.setItem('seeded', '1');
    }
  }, PROGRESS_STORAGE_KEY);
  await openQuiz(page, '/lessons/memory');
  const gqa = card(page, 'kv-gqa-vs-mha-ratio');
  await gqa.getByLabel('8× smaller').check();
  await gqa.getByRole('button', { name: 'Check answer' }).click();
  await expect(gqa.getByRole('status')).toHaveText('Right.');
  expect(await page.evaluate((key) => window.localStorage.getItem(key), PROGRESS_STORAGE_KEY)).toBe('{not json');
  expect(consoleErrors).toEqual([]);
});

test('numeric card: a bad entry gets a message by the field; GiB is converted; a slip is diagnosed', async ({
  page,
  consoleErrors,
}) => {
  const quiz = await openHarness(page, ['mem-70b-bf16-gb'], 'check');
  const q = quiz.getByRole('group');
  const field = q.getByRole('textbox', { name: 'Your answer (GB)' });
  await expect(q).toContainText('GB = 10⁹ bytes, GiB = 2³⁰ bytes');
  await field.fill('about a lot');
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const error = q.getByRole('alert');
  await expect(error).toBeVisible();
  await expect(field).toHaveAccessibleDescription(/GB = 10⁹ bytes.*\S/);
  expect(await field.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
  await expect(q.getByRole('status')).toHaveText('');

  // 131.4 typed as GB: the GiB figure read as GB, a 0.931 slip.
  await field.fill('131.4');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await field.press('Enter');
  await expect(q.getByRole('status')).toHaveText('Not quite — see the worked solution.');
  await expect(q).toContainText('GB (10⁹ bytes) and GiB (2³⁰ bytes) mixed up?');
  await expect(q).toContainText(/Answer: 141\.1 GB\. Accepted: [\d.]+ – [\d.]+ GB \(± [\d.]+%\)/);
  await expect(q).toContainText('Worked solution');

  await field.fill('131.4 GiB');
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText('Right.');
  await expect(q).toContainText(/You answered 131\.4 GiB = 141\.\d+ GB/);
  await expect(q).not.toContainText(/NaN|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('ordering card: moves by keyboard, focus follows the item, moves are announced, then graded', async ({
  page,
  consoleErrors,
}) => {
  const [ordering] = getQuestions(['debug-accuracy-drop-order']) as [OrderingQuestion];
  const quiz = await openHarness(page, [ordering.id], 'check');
  const q = quiz.getByRole('group');
  const items = q.getByRole('list').first().getByRole('listitem');
  const texts = ordering.items.map((i) => i.md);
  await expect(items).toHaveCount(texts.length);

  // First move: the moved item's button keeps focus, and the live region says where it went.
  const current = async () => (await items.allTextContents()).map((t) => texts.find((x) => t.startsWith(x)) ?? t);
  const start = await current();
  expect(start).not.toEqual(texts); // never shown solved
  const last = start[start.length - 1]!;
  await q.getByRole('button', { name: `Move up ${last}` }).press('Enter');
  await expect(q.getByRole('button', { name: `Move up ${last}` })).toBeFocused();
  await expect(
    q.getByText(`Moved to position ${texts.length - 1} of ${texts.length}: ${last.replace(/\.$/, '')}.`),
  ).toBeAttached();
  await expect(q.getByRole('button', { name: `Move up ${(await current())[0]}` })).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  // Sort with Move up only (an insertion sort), by keyboard.
  for (let target = 0; target < texts.length; target += 1) {
    let order = await current();
    while (order.indexOf(texts[target]!) > target) {
      await q.getByRole('button', { name: `Move up ${texts[target]}` }).press('Space');
      order = await current();
    }
  }
  expect(await current()).toEqual(texts);
  await q.getByRole('button', { name: 'Check answer' }).press('Enter');
  await expect(q.getByRole('status')).toHaveText('Right.');
  await expect(q.getByText('In the right place')).toHaveCount(texts.length);
  await expect(q).toContainText('The correct order');

  // One swap: two items out of place, named.
  await q.getByRole('button', { name: `Move down ${texts[0]}` }).press('Enter');
  await q.getByRole('button', { name: 'Check answer' }).press('Enter');
  await expect(q.getByRole('status')).toHaveText(
    `Not quite: ${texts.length - 2} of ${texts.length} items in the right place.`,
  );
  await expect(q.getByText('Belongs at position 1')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('open card: rubric, self-score and model answer; flaw card numbers its steps', async ({ page, consoleErrors }) => {
  const quiz = await openHarness(page, ['choose-calibration-open', 'mem-gb-gib-flaw'], 'check');
  const open = card(page, 'choose-calibration-open');
  await open
    .getByRole('textbox', { name: /Your answer/ })
    .fill('Generic text plus production prompts; check the task metric.');
  await expect(open.getByRole('button', { name: 'Score my answer' })).toHaveCount(0);
  await open.getByRole('button', { name: 'Show the rubric' }).press('Enter');
  const rubric = open.getByRole('group', { name: 'Rubric: tick the points your answer made' });
  const boxes = rubric.getByRole('checkbox');
  await expect(boxes.first()).toBeFocused();
  const n = await boxes.count();
  for (let i = 0; i < n; i += 1) await boxes.nth(i).check();
  await open.getByRole('button', { name: 'Score my answer' }).click();
  await expect(open.getByRole('status')).toHaveText(`You made ${n} of ${n} points (100%): counts as right.`);
  await expect(open).toContainText('Model answer');

  const flaw = card(page, 'mem-gb-gib-flaw');
  await expect(flaw).toContainText('Which step is wrong?');
  await expect(flaw.getByRole('radio').first()).toHaveAccessibleName(/^Step 1\./);
  await flaw.getByRole('radio').first().check();
  await flaw.getByRole('button', { name: 'Check answer' }).click();
  await expect(flaw.getByRole('status')).toHaveText(/^(Right\.|Not quite)/);
  await expect(flaw).toContainText(/The flawed step|Your choice — right: the flawed step/);
  await expect(quiz).not.toContainText(/NaN|undefined/);
  expect(consoleErrors).toEqual([]);
});

test('room mode: nothing to check; Reveal shows the answer for every type, and hides it again', async ({
  page,
  consoleErrors,
}) => {
  test.slow(); // axe twice over a long lesson
  const quiz = await openHarness(
    page,
    ['mem-70b-bf16-gb', 'debug-accuracy-drop-order', 'choose-calibration-open', 'kv-gqa-vs-mha-ratio'],
    'room',
  );
  await expect(quiz.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  await expect(quiz.getByRole('textbox')).toHaveCount(0);
  await expect(quiz.getByRole('button', { name: /^Move/ })).toHaveCount(0);
  await expect(quiz).not.toContainText('Your answers here count');
  const choice = card(page, 'kv-gqa-vs-mha-ratio');
  await expect(choice.getByRole('radio').first()).toBeDisabled();

  for (const id of ['mem-70b-bf16-gb', 'debug-accuracy-drop-order', 'choose-calibration-open', 'kv-gqa-vs-mha-ratio']) {
    await card(page, id).getByRole('button', { name: 'Reveal answer' }).click();
    await expect(card(page, id).getByRole('button', { name: 'Hide answer' })).toBeFocused();
  }
  await expect(card(page, 'mem-70b-bf16-gb')).toContainText('Answer: 141.1 GB.');
  await expect(card(page, 'debug-accuracy-drop-order')).toContainText('The correct order');
  await expect(card(page, 'choose-calibration-open')).toContainText('What a strong answer says');
  await expect(card(page, 'choose-calibration-open')).toContainText('Model answer');
  await expect(choice).toContainText('Correct answer');
  await expect(choice.getByText('Not this one')).toHaveCount(3);
  await expect(choice).not.toContainText('Your choice');
  await expectNoAxeViolationsLightAndDark(page);
  await choice.getByRole('button', { name: 'Hide answer' }).click();
  await expect(choice).not.toContainText('Correct answer');
  expect(await savedProgress(page)).toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('each question names its sources, and a source link lands on its /sources entry', async ({
  page,
  consoleErrors,
}) => {
  const quiz = await openQuiz(page, '/lessons/memory');
  const cardEl = page.locator('[data-question-id="kv-gqa-vs-mha-ratio"]');
  await expect(cardEl.getByText(/^Sources:/)).toBeVisible();
  const link = cardEl.locator('a[href="/sources#gqa-2305.13245"]');
  await expect(link).toHaveAccessibleName(/Ainslie et al., 2023/);
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/sources#/);
  await link.click();
  await expect(page).toHaveURL(/\/sources#/);
  await expect(page.locator(`[id="${href!.split('#')[1]}"]`)).toBeVisible();
  expect(await quiz.count()).toBe(0); // left the lesson
  expect(consoleErrors).toEqual([]);
});
