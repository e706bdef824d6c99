import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';
import { OPENING_RUBRIC_FACTORS } from '../lib/practice/interview';
import { PROGRESS_STORAGE_KEY } from '../lib/practice/progress';
import { FACTORS, type Factor } from '../lib/practice/types';

const SHOTS = '/tmp/interview-shots';
const LABEL_TO_FACTOR: Record<string, Factor> = {
  Precision: 'precision',
  Memory: 'memory',
  Method: 'method',
  Speed: 'speed',
  Cost: 'cost',
};

/** Opens /interview and waits for the island to be live. */
async function openInterview(page: Page, query = '') {
  await page.goto(`/interview${query}`);
  await expect(page.locator('[data-island="interview"][data-hydrated="true"]')).toBeAttached();
}

const questionHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Question \d+ of \d+$/ });
const rubric = (page: Page) => page.getByRole('group', { name: 'Tick each point your answer made' });
const timer = (page: Page) => page.getByRole('timer');

/**
 * Fakes the page's clock (call before the first goto). It keeps flowing, because
 * React schedules effects and hydration on timers, so readings are checked to within two seconds.
 */
async function installClock(page: Page) {
  await page.clock.install();
}

const toSeconds = (mmss: string) => {
  const m = /^(\d{2,}):(\d{2})$/.exec(mmss.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** The timer reads `mmss`, give or take two seconds of real time passing. */
async function expectClockNear(page: Page, mmss: string) {
  await expect
    .poll(async () => Math.abs(toSeconds((await timer(page).textContent()) ?? '') - toSeconds(mmss)), {
      message: `timer near ${mmss}`,
    })
    .toBeLessThanOrEqual(2);
}

async function startInterview(page: Page, followUps = 4) {
  await page.getByLabel('Follow-up questions').selectOption(String(followUps));
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(questionHeading(page)).toHaveText(`Question 1 of ${followUps + 1}`);
  await expect(questionHeading(page)).toBeFocused();
}

/** The factor each rubric point of the question on screen counts toward (opener: its map; follow-up: from its label). */
async function pointFactors(page: Page, points: number): Promise<Factor[]> {
  const label = (await page.getByText(/^(Opening question|Follow-up \d+ · .*)$/).textContent()) ?? '';
  if (label === 'Opening question') return [...OPENING_RUBRIC_FACTORS];
  const m = /· (\w+)/.exec(label);
  const f = LABEL_TO_FACTOR[m?.[1] ?? ''];
  if (!f) throw new Error(`no factor in "${label}"`);
  return Array.from({ length: points }, () => f);
}

type Tally = Record<Factor, { made: number; possible: number }>;
const emptyTally = (): Tally => Object.fromEntries(FACTORS.map((f) => [f, { made: 0, possible: 0 }])) as Tally;

/** Answers every question with the mouse, ticking point i of question k when `pick(k, i)`; returns what was ticked per factor. */
async function playThrough(page: Page, pick: (k: number, i: number) => boolean): Promise<Tally> {
  const tally = emptyTally();
  const [, from, total] = (
    /^Question (\d+) of (\d+)$/.exec((await questionHeading(page).textContent()) ?? '') ?? []
  ).map(Number);
  if (!from || !total) throw new Error('not on a question');
  for (let k = from - 1; k < total; k++) {
    await expect(questionHeading(page)).toHaveText(`Question ${k + 1} of ${total}`);
    await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
    const boxes = rubric(page).getByRole('checkbox');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    const factors = await pointFactors(page, n);
    expect(factors).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const f = factors[i] as Factor;
      tally[f].possible++;
      if (pick(k, i)) {
        await boxes.nth(i).check();
        tally[f].made++;
      }
    }
    await page.getByRole('button', { name: k === total - 1 ? 'Finish — see my scorecard' : 'Next question' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Scorecard' })).toBeFocused();
  return tally;
}

async function expectScorecard(page: Page, tally: Tally) {
  const table = page.getByRole('table', { name: 'Rubric points by factor' });
  let made = 0;
  let possible = 0;
  for (const f of FACTORS) {
    const label = Object.keys(LABEL_TO_FACTOR).find((k) => LABEL_TO_FACTOR[k] === f) ?? '';
    const cells = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
      .getByRole('cell');
    const { made: m, possible: p } = tally[f];
    await expect(cells.nth(0)).toHaveText(String(m));
    await expect(cells.nth(1)).toHaveText(String(p));
    await expect(cells.nth(2)).toHaveText(p === 0 ? 'not asked' : `${Math.round((m / p) * 100)}%`);
    made += m;
    possible += p;
  }
  await expect(
    page.getByText(`Total: ${made} of ${possible} rubric points (${Math.round((made / possible) * 100)}%)`),
  ).toBeVisible();
}

/** Presses Tab until `target` has focus (at most 40 times). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

test.describe('mock interview', () => {
  test('runs to a scorecard whose per-factor points match the ticks, and saves it', async ({ page, consoleErrors }) => {
    await openInterview(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Mock interview' })).toBeVisible();
    await expect(page.getByText('None yet')).toBeVisible();
    await startInterview(page, 4);
    const tally = await playThrough(page, (k, i) => (k + i) % 2 === 0);
    await expectScorecard(page, tally);
    await expect(page.getByRole('table', { name: 'Points and time per question' }).getByRole('row')).toHaveCount(6);
    await expect(page.getByText('Saved to your progress in this browser.')).toBeVisible();

    // The weakest factor links to its lesson and to practice filtered to it.
    const weakest = page.getByText(/^Weakest factor:/);
    await expect(weakest).toBeVisible();
    const name = (await weakest.locator('strong').textContent()) ?? '';
    const f = LABEL_TO_FACTOR[name];
    expect(f).toBeDefined();
    const lesson = {
      precision: '/lessons/precision',
      memory: '/lessons/memory',
      method: '/lessons/methods',
      speed: '/lessons/speed',
      cost: '/lessons/deployment',
    }[f as Factor];
    await expect(page.getByRole('link', { name: `Revise the ${name.toLowerCase()} lesson` })).toHaveAttribute(
      'href',
      lesson,
    );
    await expect(page.getByRole('link', { name: `Practise ${name.toLowerCase()} questions` })).toHaveAttribute(
      'href',
      `/practice?factor=${f}`,
    );

    const saved = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { interviews: Array<{ total: { made: number } }> },
      PROGRESS_STORAGE_KEY,
    );
    expect(saved.interviews).toHaveLength(1);
    expect(saved.interviews[0]?.total.made).toBe(FACTORS.reduce((s, x) => s + tally[x].made, 0));

    // Another interview starts straight away; the start screen lists the saved scorecard.
    await page.getByRole('button', { name: 'Try another interview' }).click();
    await expect(questionHeading(page)).toHaveText(/^Question 1 of/);
    await page.getByRole('button', { name: 'Quit this interview' }).click();
    await expect(page.getByRole('heading', { name: 'Past scorecards' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /\d+ of \d+ points/ })).toHaveCount(1);
    await expect(page.locator('body')).not.toContainText(/NaN|undefined|Infinity/);
    expect(consoleErrors).toEqual([]);
  });

  test('the scorecard shows my notes beside the model answers; print and Markdown download', async ({
    page,
    consoleErrors,
  }) => {
    await openInterview(page);
    await startInterview(page, 4);
    await page.getByLabel('Your answer or notes (optional)').fill('4-bit: 39.8 GB of weights\n# KV cache is the rest');
    await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
    await rubric(page).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Next question' }).click();
    await playThrough(page, () => false);
    const review = page.getByRole('region', { name: 'Your notes and the model answers' });
    await expect(review.getByRole('article')).toHaveCount(5);
    const first = review.getByRole('article').first();
    await expect(first.getByRole('heading', { level: 4 })).toHaveText('1. Opening question · 1 of 8 points');
    await expect(first).toContainText('4-bit: 39.8 GB of weights');
    await expect(first.getByRole('heading', { name: 'Model answer' })).toBeVisible();
    await expect(review.getByText('No notes written.')).toHaveCount(4);
    await expect(page.getByRole('button', { name: 'Print scorecard' })).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^interview-scorecard-\d{4}-\d{2}-\d{2}\.md$/);
    const md = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(md).toMatch(/^# Mock interview scorecard, \d{4}-\d{2}-\d{2}\n\nTotal: 1 of \d+ rubric points \(\d+%\)\./);
    expect(md).toContain('## 1. Opening question\n\nPoints: 1 of 8.');
    expect(md).toContain('### My notes\n\n> 4-bit: 39.8 GB of weights\n> \\# KV cache is the rest');
    expect(md).toMatch(/### Rubric\n\n- \[x\] /);
    expect(md).toContain('### Model answer');
    // Printing hides the controls and keeps the review.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Download as Markdown' })).toBeHidden();
    await expect(first).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    expect(consoleErrors).toEqual([]);
  });

  test('the timer counts down, warns at a minute, and flags overtime without cutting off', async ({
    page,
    consoleErrors,
  }) => {
    await installClock(page);
    await openInterview(page);
    await startInterview(page, 5);
    await expectClockNear(page, '06:00');
    await expect(timer(page)).toHaveAttribute('aria-live', 'off');
    await page.clock.fastForward('01:30');
    await expectClockNear(page, '04:30');
    await expect(page.getByText('Time left')).toBeVisible();
    await page.clock.fastForward('03:31');
    await expectClockNear(page, '00:59');
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: '1 minute left.' })).toBeAttached();
    await page.clock.fastForward('01:20');
    await expect(page.getByText('Over time by')).toBeVisible();
    await expectClockNear(page, '00:21');
    await expect(page.getByText(/Over time — finish your point/)).toBeVisible();
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Time is up.' })).toBeAttached();
    // Still answering: notes can be typed, and grading shows the time used.
    await page.getByLabel('Your answer or notes (optional)').fill('Weights: 141 GB BF16, 72.7 GB 8-bit, ~40 GB 4-bit.');
    await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
    await expect(rubric(page).getByText(/^Time used: 06:2\d of 06:00 — over time\.$/)).toBeVisible();
    const stopped = (await timer(page).textContent()) ?? '';
    await page.clock.fastForward('02:00');
    await expect(timer(page), 'the clock stops while grading').toHaveText(stopped);

    // The next question gets a fresh 3-minute clock.
    await page.getByRole('button', { name: 'Next question' }).click();
    await expectClockNear(page, '03:00');
    await expect(page.getByLabel('Your answer or notes (optional)')).toHaveValue('');
    expect(consoleErrors).toEqual([]);
  });

  test('timer options: relaxed doubles the limits, off shows time used, ?seconds= overrides or is explained', async ({
    page,
    consoleErrors,
  }) => {
    await installClock(page);
    await openInterview(page, '?seconds=45');
    await expect(page.getByText('This link sets 00:45 per question')).toBeVisible();
    await startInterview(page, 4);
    await expectClockNear(page, '00:45');
    await page.clock.fastForward('00:30');
    await expectClockNear(page, '00:15');
    await expect(page.locator('[aria-live="polite"]')).toHaveText('');
    await page.getByRole('button', { name: 'Quit this interview' }).click();

    await openInterview(page, '?seconds=0');
    await expect(
      page.getByText(/Ignored \?seconds=0: the time per question must be a whole number of seconds from 1 to 3600/),
    ).toBeVisible();
    await page.getByRole('radio', { name: /^Relaxed/ }).check();
    await startInterview(page, 4);
    await expectClockNear(page, '12:00');
    await page.getByRole('button', { name: 'Quit this interview' }).click();

    await openInterview(page);
    await page.getByRole('radio', { name: /^No timer/ }).check();
    await startInterview(page, 4);
    await expect(page.getByText('Time used', { exact: true })).toBeVisible();
    await page.clock.fastForward('00:42');
    await expectClockNear(page, '00:42');
    expect(consoleErrors).toEqual([]);
  });

  test('the whole interview can be done with the keyboard alone', async ({ page, consoleErrors }) => {
    await openInterview(page);
    const select = page.getByLabel('Follow-up questions');
    await tabTo(page, select);
    await page.keyboard.press('ArrowUp'); // 5 → 4
    await expect(select).toHaveValue('4');
    await tabTo(page, page.getByRole('radio', { name: /^Standard/ }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /^Relaxed/ })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Start interview' }));
    await page.keyboard.press('Enter');
    await expect(questionHeading(page)).toBeFocused();
    let ticked = 0;
    for (let k = 0; k < 5; k++) {
      await expect(questionHeading(page)).toHaveText(`Question ${k + 1} of 5`);
      await tabTo(page, page.getByLabel('Your answer or notes (optional)'));
      await page.keyboard.type('My answer');
      await tabTo(page, page.getByRole('button', { name: 'I’m done — grade myself' }));
      await page.keyboard.press('Enter');
      await expect(rubric(page)).toBeVisible();
      await tabTo(page, rubric(page).getByRole('checkbox').first());
      await page.keyboard.press('Space');
      await expect(rubric(page).getByRole('checkbox').first()).toBeChecked();
      ticked++;
      const show = page.getByRole('button', { name: 'Show model answer' });
      await tabTo(page, show);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: 'Model answer' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Hide model answer' })).toHaveAttribute('aria-expanded', 'true');
      await tabTo(page, page.getByRole('button', { name: k === 4 ? 'Finish — see my scorecard' : 'Next question' }));
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('heading', { name: 'Scorecard' })).toBeFocused();
    await expect(page.getByText(new RegExp(`^Total: ${ticked} of \\d+ rubric points`))).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: /^Revise the / }));
    await tabTo(page, page.getByRole('button', { name: 'Try another interview' }));
    await page.keyboard.press('Enter');
    await expect(questionHeading(page)).toBeFocused();
    expect(consoleErrors).toEqual([]);
  });

  for (const [name, saved] of [
    ['invalid JSON', '{oops not json'],
    ['a newer schema version', JSON.stringify({ version: 3, learnerSeed: 'learner0001', items: { a: 1, b: 2, c: 3 } })],
  ] as const) {
    test(`unreadable saved progress (${name}) is never overwritten without the learner's choice, and is offered as a download`, async ({
      page,
      consoleErrors,
    }) => {
      await page.addInitScript(
        ([key, value]) => {
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(key, value);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [PROGRESS_STORAGE_KEY, saved] as const,
      );
      await openInterview(page);
      const notice = page.getByRole('status').filter({ hasText: /could not be read|newer version/ });
      await expect(notice).toBeVisible();
      // The banner's promise is kept: the old data downloads, byte for byte.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        notice.getByRole('button', { name: 'Download the old data' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('quant-70b-progress-old.json');
      expect(fs.readFileSync((await download.path()) as string, 'utf8')).toBe(saved);

      await startInterview(page, 4);
      const tally = await playThrough(page, (_k, i) => i === 0);
      await expectScorecard(page, tally);
      await expect(page.getByRole('status').filter({ hasText: 'This scorecard was not saved' })).toBeVisible();
      expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_STORAGE_KEY)).toBe(saved);

      // Only the learner's explicit choice replaces it; then this scorecard is saved.
      await page.getByRole('button', { name: 'Replace it and save this scorecard…' }).click();
      await page.getByRole('button', { name: 'Yes, replace the old data' }).click();
      await expect(page.getByText('Saved to your progress in this browser.')).toBeVisible();
      await openInterview(page);
      await expect(page.getByRole('listitem').filter({ hasText: /\d+ of \d+ points/ })).toHaveCount(1);
      await expect(page.getByText(/could not be read|newer version/)).toHaveCount(0);
      expect(consoleErrors).toEqual([]);
    });
  }

  test('blocked storage: the interview still runs and the scorecard says it was not saved', async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openInterview(page);
    await startInterview(page, 4);
    const tally = await playThrough(page, (k) => k === 0);
    await expectScorecard(page, tally);
    await expect(page.getByRole('status').filter({ hasText: 'This scorecard could not be saved' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a reload mid-interview picks up where it was, clock included', async ({ page, consoleErrors }) => {
    await installClock(page);
    await openInterview(page);
    await startInterview(page, 4);
    await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByLabel('Your answer or notes (optional)').fill('half an answer');
    await page.clock.fastForward('01:00');
    await expectClockNear(page, '02:00');
    await openInterview(page);
    await expect(page.getByText('Picked up your interview where you left it.')).toBeVisible();
    await expect(questionHeading(page)).toHaveText('Question 2 of 5');
    await expect(page.getByLabel('Your answer or notes (optional)')).toHaveValue('half an answer');
    await expectClockNear(page, '02:00');
    await page.getByRole('button', { name: 'Quit this interview' }).click();
    await openInterview(page);
    await expect(page.getByRole('button', { name: 'Start interview' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('axe light and dark: start screen, a question with rubric and model answer, the scorecard', async ({
    page,
    consoleErrors,
  }) => {
    await openInterview(page);
    await expectNoAxeViolationsLightAndDark(page);
    await startInterview(page, 4);
    await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
    await rubric(page).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await expectNoAxeViolationsLightAndDark(page);
    await page.getByRole('button', { name: 'Next question' }).click();
    await playThrough(page, (_k, i) => i % 3 === 0);
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });

  test('mobile 375 px: no sideways scroll; screenshots', async ({ page, consoleErrors }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const noSideScroll = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await installClock(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await openInterview(page);
      await noSideScroll();
      await page.screenshot({ path: `${SHOTS}/mobile-${scheme}-start.png`, fullPage: true });
      await startInterview(page, 4);
      await page.clock.fastForward('06:10');
      await expect(page.getByText('Over time by')).toBeVisible();
      await noSideScroll();
      await page.screenshot({ path: `${SHOTS}/mobile-${scheme}-question.png`, fullPage: true });
      await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
      await rubric(page).getByRole('checkbox').nth(1).check();
      await page.getByRole('button', { name: 'Show model answer' }).click();
      await noSideScroll();
      await page.screenshot({ path: `${SHOTS}/mobile-${scheme}-grade.png`, fullPage: true });
      await page.getByRole('button', { name: 'Next question' }).click();
      await playThrough(page, (k, i) => (k * 7 + i) % 3 !== 0);
      await noSideScroll();
      await page.screenshot({ path: `${SHOTS}/mobile-${scheme}-scorecard.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${SHOTS}/desktop-${scheme}-scorecard.png`, fullPage: true });
      await page.getByRole('button', { name: 'Try another interview' }).click();
      await page.getByRole('button', { name: 'I’m done — grade myself' }).click();
      await page.getByRole('button', { name: 'Show model answer' }).click();
      await page.screenshot({ path: `${SHOTS}/desktop-${scheme}-grade.png`, fullPage: true });
      await page.getByRole('button', { name: 'Quit this interview' }).click();
      await page.screenshot({ path: `${SHOTS}/desktop-${scheme}-start.png`, fullPage: true });
    }
    expect(consoleErrors).toEqual([]);
  });
});
