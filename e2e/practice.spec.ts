import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';
import { readQuestionFiles } from '../content/questions';
import { bankVersionOf } from '@/components/practice/model/report';

const KEY = 'quant-70b:practice-progress';

/** Opens /practice (optionally a deep link) and waits until the island has loaded the bank. */
async function openPractice(page: Page, search = '') {
  await page.goto(`/practice${search}`);
  await expect(page.locator('[data-island="practice-app"][data-hydrated="true"]')).toBeAttached();
  await expect(summary(page)).toBeVisible();
}

const summary = (page: Page) => page.getByText(/^\d+ due, \d+ new left today/);
const card = (page: Page) => page.locator('[data-question-id]');
const verdict = (page: Page) => card(page).getByRole('status');
const gradeGroup = (page: Page) => page.getByRole('group', { name: /How well did you know it/ });
const gradeButton = (page: Page, label: 'Again' | 'Hard' | 'Good' | 'Easy') =>
  gradeGroup(page).getByRole('button', { name: new RegExp(label) });
const topicRow = (page: Page, topic: string) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: topic, exact: true }) });
const checkAnswer = (page: Page) => card(page).getByRole('button', { name: 'Check answer' }).click();

/** Today's local date as the progress file stores it. */
function todayInit() {
  return `(() => { const d = new Date(); const p = (n) => String(n).padStart(2, '0'); return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()); })()`;
}

test.describe('/practice', () => {
  test('loads the bank, shows the queue, a question and progress; axe light and dark before and after an answer', async ({
    page,
    consoleErrors,
  }) => {
    test.slow(); // several axe passes over a long page
    await openPractice(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible();
    await expect(summary(page)).toHaveText(/^0 due, 10 new left today/);
    await expect(card(page)).toBeVisible();
    await expect(topicRow(page, 'Memory')).toContainText(/0 \/ \d+/);
    await expect(page.locator('body')).not.toContainText(/NaN|undefined|Infinity/);
    await expectNoAxeViolationsLightAndDark(page);
    // Answer whatever came first (open questions need the rubric), then check axe with the feedback shown.
    await openPractice(page, '?q=mem-70b-fp8-size');
    await card(page).getByRole('radio', { name: '70 GB', exact: true }).check();
    await checkAnswer(page);
    await expect(gradeGroup(page)).toBeVisible();
    await expectNoAxeViolationsLightAndDark(page);
    expect(consoleErrors).toEqual([]);
  });

  test('single choice: wrong then right, with feedback and a suggested grade', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-70b-fp8-size');
    await card(page).getByRole('radio', { name: '70 GB', exact: true }).check();
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText(/Not quite/);
    await expect(gradeButton(page, 'Again')).toContainText('suggested');
    await expect(gradeButton(page, 'Again')).toContainText(/in 1m/);
    // Not graded yet, so a reload shows the same question and order afresh.
    await page.reload();
    await expect(card(page)).toBeVisible();
    await card(page)
      .getByRole('radio', { name: /72\.66 GB \(67\.67 GiB\)/ })
      .check();
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText('Right.');
    await expect(gradeButton(page, 'Good')).toContainText('suggested');
    await expect(gradeButton(page, 'Easy')).toContainText(/in \d+d/);
    expect(consoleErrors).toEqual([]);
  });

  test('multiple choice: all right options, then a partial answer', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-inference-holds');
    for (const name of [
      'The weights',
      'The KV cache',
      'A transient activation workspace',
      'The CUDA context and the runtime’s own buffers',
    ]) {
      await card(page)
        .getByRole('checkbox', { name: name.replace('’', "'"), exact: true })
        .check();
    }
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText('Right.');
    await page.reload();
    await card(page).getByRole('checkbox', { name: 'The weights', exact: true }).check();
    await card(page)
      .getByRole('checkbox', { name: /Gradients/ })
      .check();
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText(/Not quite: 3 right options missed, 1 wrong option chosen/);
    expect(consoleErrors).toEqual([]);
  });

  test('numeric: a GiB answer to a GB question is converted; garbage gets a message by the field; a wrong value', async ({
    page,
    consoleErrors,
  }) => {
    await openPractice(page, '?q=mem-70b-bf16-gb');
    const input = card(page).getByRole('textbox', { name: /Your answer/ });
    await input.fill('banana');
    await checkAnswer(page);
    await expect(card(page).getByRole('alert')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(gradeGroup(page)).toHaveCount(0);
    await input.fill('131.4 GiB');
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText('Right.');
    await expect(gradeGroup(page)).toBeVisible();
    await page.reload();
    await card(page)
      .getByRole('textbox', { name: /Your answer/ })
      .fill('70 GB');
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText(/Not quite/);
    await expect(gradeButton(page, 'Again')).toContainText('suggested');
    expect(consoleErrors).toEqual([]);
  });

  test('ordering: as shuffled is wrong; moved into order is right', async ({ page, consoleErrors }) => {
    const correct = [
      'FP32',
      'BF16',
      'GGUF Q8_0',
      'INT8 weight-only',
      'NF4 with an FP32 absmax',
      'INT4 group-128',
      'GGUF Q2_K',
    ];
    await openPractice(page, '?q=mem-format-bits-order');
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText(/Not quite: \d of 7 items in the right place/);
    await page.reload();
    await expect(card(page)).toBeVisible();
    const items = card(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^Move up/ }) });
    await expect(items).toHaveCount(7);
    // The longest matching name wins ("NF4 with an FP32 absmax" also contains "FP32").
    const rank = (text: string) => {
      let best = -1;
      correct.forEach((c, i) => {
        if (text.includes(c) && (best < 0 || c.length > (correct[best] ?? '').length)) best = i;
      });
      return best;
    };
    for (let pos = 0; pos < 7; pos++) {
      const texts = await items.allTextContents();
      const j = texts.findIndex((t) => rank(t) === pos);
      for (let k = j; k > pos; k--)
        await items
          .nth(k)
          .getByRole('button', { name: /^Move up/ })
          .click();
    }
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText('Right.');
    expect(consoleErrors).toEqual([]);
  });

  test('spot the flaw: the wrong step, then a fine step', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-gb-gib-flaw');
    await card(page)
      .getByRole('radio', { name: /That is 80 GB/ })
      .check();
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText('Right.');
    await page.reload();
    await card(page)
      .getByRole('radio', { name: /nvidia-smi reports/ })
      .check();
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText(/Not quite/);
    expect(consoleErrors).toEqual([]);
  });

  test('open question: self-graded with the rubric, right and not yet', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-post-48-60-open');
    await card(page).getByRole('textbox').fill('4-bit weights are about 39.8 GB; KV cache depends on batch × context.');
    await card(page).getByRole('button', { name: 'Show the rubric' }).click();
    const ticks = card(page).getByRole('checkbox');
    await expect(ticks).toHaveCount(6);
    for (let i = 0; i < 5; i++) await ticks.nth(i).check();
    await card(page).getByRole('button', { name: 'Score my answer' }).click();
    await expect(verdict(page)).toHaveText(/5 of 6 points .*counts as right/);
    await expect(gradeButton(page, 'Good')).toContainText('suggested');
    await page.reload();
    await card(page).getByRole('button', { name: 'Show the rubric' }).click();
    await card(page).getByRole('checkbox').first().check();
    await card(page).getByRole('button', { name: 'Score my answer' }).click();
    await expect(verdict(page)).toHaveText(/counts as not yet/);
    await expect(gradeButton(page, 'Again')).toContainText('suggested');
    expect(consoleErrors).toEqual([]);
  });

  test('report a problem: keyboard only, prefilled with id, bank version and answer; copy and download; axe clean', async ({
    page,
    context,
    consoleErrors,
  }) => {
    test.slow(); // several axe passes over a long page
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const version = bankVersionOf(readQuestionFiles());
    await openPractice(page, '?q=mem-70b-fp8-size');
    await card(page).getByRole('radio', { name: '70 GB', exact: true }).check();
    await checkAnswer(page);
    await expect(verdict(page)).toHaveText(/Not quite/);

    const toggle = card(page).getByRole('button', { name: 'Report a problem with this question' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const note = card(page).getByRole('textbox', { name: 'What is wrong?' });
    await expect(note).toBeFocused();
    await page.keyboard.type('The GiB figure in option 2 looks rounded the wrong way.');
    const report = card(page).getByRole('textbox', { name: 'Your report' });
    await expect(report).toHaveAttribute('readonly', '');
    for (const line of [
      '## Question mem-70b-fp8-size: problem report',
      '- Question id: `mem-70b-fp8-size`',
      `- Bank version: \`${version}\``,
      '- Shown at: /practice?q=mem-70b-fp8-size',
      '- Result shown: wrong',
      '- Option 1 (written order): 70 GB',
      'The GiB figure in option 2 looks rounded the wrong way.',
    ]) {
      await expect(report).toHaveValue(new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }

    // Copy, by keyboard (Enter on the focused button). Headless Chromium may refuse the clipboard: then the report is selected instead.
    await card(page).getByRole('button', { name: 'Copy report' }).focus();
    await page.keyboard.press('Enter');
    const status = card(page)
      .getByRole('status')
      .filter({ hasText: /Report copied|Could not copy/ });
    await expect(status).toBeVisible();
    if ((await status.textContent())?.startsWith('Report copied')) {
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`- Bank version: \`${version}\``);
    }

    const downloadPromise = page.waitForEvent('download');
    await card(page).getByRole('button', { name: 'Download report (.md)' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`question-report-mem-70b-fp8-size-${version}.md`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toContain('- Question id: `mem-70b-fp8-size`');
    expect(text).toContain('The GiB figure in option 2 looks rounded the wrong way.');
    await expect(
      card(page)
        .getByRole('status')
        .filter({ hasText: /^Downloaded question-report-/ }),
    ).toBeVisible();

    await expectNoAxeViolationsLightAndDark(page);
    // Closing it returns to one button; the answer and verdict are untouched.
    await toggle.click();
    await expect(note).toHaveCount(0);
    await expect(verdict(page)).toHaveText(/Not quite/);
    expect(consoleErrors).toEqual([]);
  });

  test('a generated question and an unknown id', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=gen:weights-memory');
    await expect(page.getByText(/generated: /)).toBeVisible();
    await expect(card(page).getByRole('textbox', { name: /Your answer/ })).toBeVisible();
    await openPractice(page, '?q=no-such-question');
    await expect(page.getByRole('alert')).toContainText('There is no question with the id “no-such-question”');
    await page.getByRole('button', { name: 'Go to today’s queue' }).click();
    await expect(card(page)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('grading records progress that survives a reload; undo reverts it', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-70b-fp8-size');
    await card(page)
      .getByRole('radio', { name: /72\.66 GB \(67\.67 GiB\)/ })
      .check();
    await checkAnswer(page);
    await gradeButton(page, 'Good').click();
    await expect(page.getByRole('status').filter({ hasText: 'Recorded: Good, next review in 10m.' })).toBeVisible();
    await expect(summary(page)).toHaveText(/^0 due, 9 new left today/);
    await expect(topicRow(page, 'Memory')).toContainText(/1 \/ \d+\s*100%/);
    await expect(page).toHaveURL(/\/practice$/);
    await page.reload();
    await expect(summary(page)).toHaveText(/^0 due, 9 new left today/);
    await expect(topicRow(page, 'Memory')).toContainText(/1 \/ \d+\s*100%/);
    await page.getByRole('button', { name: 'Undo last answer' }).click();
    await expect(summary(page)).toHaveText(/^0 due, 10 new left today/);
    await expect(topicRow(page, 'Memory')).toContainText(/0 \/ \d+/);
    await expect(card(page)).toHaveAttribute('data-question-id', 'mem-70b-fp8-size');
    expect(consoleErrors).toEqual([]);
  });

  test('mistakes deck drills what was answered wrong', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-gb-gib-flaw');
    await card(page)
      .getByRole('radio', { name: /nvidia-smi reports/ })
      .check();
    await checkAnswer(page);
    await gradeButton(page, 'Again').click();
    await page.getByRole('button', { name: 'Mistakes (1)' }).click();
    await expect(page.getByText('Mistakes deck: 1 of 1')).toBeVisible();
    await expect(card(page)).toHaveAttribute('data-question-id', 'mem-gb-gib-flaw');
    expect(consoleErrors).toEqual([]);
  });

  test('export, reset, import restores progress', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-70b-fp8-size');
    await card(page)
      .getByRole('radio', { name: /72\.66 GB \(67\.67 GiB\)/ })
      .check();
    await checkAnswer(page);
    await gradeButton(page, 'Good').click();
    await expect(topicRow(page, 'Memory')).toContainText(/1 \/ \d+/);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^quant-70b-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).app).toBe('quant-70b-practice');

    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Yes, reset progress' }).click();
    await expect(topicRow(page, 'Memory')).toContainText(/0 \/ \d+/);
    await expect(summary(page)).toHaveText(/^0 due, 10 new left today/);

    const fileInput = page.getByLabel('Import progress from a file');
    // A file that is not an export: an error next to the control, nothing changes.
    await fileInput.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": 1}'),
    });
    await expect(page.getByRole('alert').filter({ hasText: /no recognisable progress data/ })).toBeVisible();
    await fileInput.setInputFiles(file);
    await page.getByRole('button', { name: 'Replace progress' }).click();
    await expect(topicRow(page, 'Memory')).toContainText(/1 \/ \d+\s*100%/);
    await expect(summary(page)).toHaveText(/^0 due, 9 new left today/);
    await expect(page.getByText(/^Imported /).first()).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('corrupted saved data: a notice with the old data as a download; answers are not saved over it until the learner chooses', async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(
      ([key]) => {
        if (!window.sessionStorage.getItem('seeded')) {
          window.localStorage.setItem(key as string, '{not json');
          window.sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY],
    );
    await openPractice(page, '?q=mem-70b-fp8-size');
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await expect(notice).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download the old data' }).click(),
    ]);
    expect(fs.readFileSync((await download.path()) as string, 'utf8')).toBe('{not json');
    // Practice works, but the answer is not written over the unreadable data.
    await card(page)
      .getByRole('radio', { name: /72\.66 GB \(67\.67 GiB\)/ })
      .check();
    await checkAnswer(page);
    await gradeButton(page, 'Good').click();
    await expect(page.getByRole('alert').filter({ hasText: /^Not saved: the progress already saved/ })).toBeVisible();
    expect(await page.evaluate((key) => window.localStorage.getItem(key), KEY)).toBe('{not json');
    // The learner's explicit choice replaces it; what was answered this visit is saved.
    await notice.getByRole('button', { name: 'Replace it and save from now on…' }).click();
    await page.getByRole('button', { name: 'Yes, replace the old data' }).click();
    await expect(notice).toContainText('new progress is saved from now on');
    const saved = await page.evaluate(
      (key) => JSON.parse(window.localStorage.getItem(key) ?? 'null') as { items: Record<string, unknown> },
      KEY,
    );
    expect(Object.keys(saved.items)).toEqual(['mem-70b-fp8-size']);
    expect(consoleErrors).toEqual([]);
  });

  test('old-version saved data is migrated with a notice', async ({ page, consoleErrors }) => {
    await page.addInitScript(
      ([key]) =>
        window.localStorage.setItem(
          key as string,
          JSON.stringify({ version: 1, answers: { 'mem-70b-fp8-size': { right: 2, wrong: 1 } } }),
        ),
      [KEY],
    );
    await openPractice(page);
    await expect(
      page.getByRole('status').filter({ hasText: /upgraded to the new format: answers to 1 question are kept/ }),
    ).toBeVisible();
    await expect(topicRow(page, 'Memory')).toContainText(/1 \/ \d+\s*67%/);
    await expect(card(page)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('done for today: practise ahead, mistakes, change filters', async ({ page, consoleErrors }) => {
    await page.addInitScript(`window.localStorage.setItem(${JSON.stringify(KEY)}, JSON.stringify({
      version: 2, learnerSeed: 'learner0001', createdAt: new Date().toISOString(), items: {}, attempts: {},
      daily: { day: ${todayInit()}, newSeen: 10, reviewsDone: 0 },
      settings: { dailyNewCap: 10, dailyReviewCap: 100, desiredRetention: 0.9 }, interviews: [] }))`);
    await openPractice(page);
    await expect(summary(page)).toHaveText(/^0 due, 0 new left today/);
    await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
    await page.getByRole('button', { name: 'Change filters' }).click();
    await expect(page.getByRole('checkbox', { name: /^Memory/ })).toBeVisible();
    await page.getByRole('button', { name: 'Practise ahead' }).last().click();
    await expect(page.getByText(/Practising ahead: 1 of \d+/)).toBeVisible();
    await expect(card(page)).toBeVisible();
    await page.getByRole('button', { name: 'Mistakes (0)' }).click();
    await expect(page.getByRole('heading', { name: 'No mistakes to drill' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('deep links filter: ?factor=memory (the scorecard link), plus level and type; the saved filters come back on request', async ({
    page,
    consoleErrors,
  }) => {
    await openPractice(page, '?factor=memory');
    const notice = page.getByRole('status').filter({ hasText: 'Filtered by the link' });
    await expect(notice).toContainText('Filtered by the link: Memory, KV cache (');
    await expect(page.getByText(/^(Memory|KV cache) · (Junior|Mid|Senior) · /)).toBeVisible();
    await page.getByText('Filters', { exact: true }).click(); // the filter panel is a closed <details>
    await expect(page.getByRole('checkbox', { name: /^Speed \(/ })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Memory \(/ })).toBeChecked();

    await openPractice(page, '?factor=speed&level=senior&type=open');
    await expect(page.getByRole('status').filter({ hasText: 'Filtered by the link' })).toContainText(
      'Speed, Serving · Senior · open questions',
    );
    await expect(page.getByText(/^(Speed|Serving) · Senior · /)).toBeVisible();

    // Unknown values are said, not silently dropped; the saved filters are one click away (and the link filter leaves the URL).
    await openPractice(page, '?factor=memory&level=expert');
    await expect(
      page.getByRole('status').filter({ hasText: 'Not understood in the link, so ignored: level=expert.' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Use my saved filters instead' }).click();
    await expect(page.getByText('Filtered by the link')).toHaveCount(0);
    expect(new URL(page.url()).search).toBe('');
    await page.getByText('Filters', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: /^Speed \(/ })).toBeChecked();
    expect(consoleErrors).toEqual([]);
  });

  test('filters narrow the queue and are kept', async ({ page, consoleErrors }) => {
    await openPractice(page);
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('button', { name: 'No topics' }).click();
    await expect(page.getByRole('heading', { name: 'No questions match your filters' })).toBeVisible();
    await page.getByRole('checkbox', { name: /^Speed \(\d+\)/ }).check();
    await page.getByRole('checkbox', { name: /^Junior/ }).uncheck();
    await expect(page.getByText(/^Speed · (Mid|Senior) · /)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^Speed · (Mid|Senior) · /)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a whole question with the keyboard alone, grade shortcut included; shortcuts can be turned off', async ({
    page,
    consoleErrors,
  }) => {
    await openPractice(page, '?q=mem-nf4-dq-bits');
    // Tab to the options, arrow to the right one.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) break;
    }
    for (let i = 0; i < 5; i++) {
      const label = await page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '');
      if (label.includes('About 4.127 bits')) break;
      await page.keyboard.press('ArrowDown');
    }
    // Tabbing into a radio group focuses without choosing; Space chooses.
    await page.keyboard.press('Space');
    await expect(card(page).getByRole('radio', { name: 'About 4.127 bits' })).toBeChecked();
    await page.keyboard.press('h');
    await expect(card(page).getByText(/Hint 1 of 1/)).toBeVisible();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent === 'Check answer')) break;
    }
    await page.keyboard.press('Enter');
    await expect(verdict(page)).toHaveText('Right.');
    // A hint was used, so Hard is suggested; 3 grades Good.
    await expect(gradeButton(page, 'Hard')).toContainText('suggested');
    await page.keyboard.press('3');
    await expect(page.getByRole('status').filter({ hasText: 'Recorded: Good' })).toBeVisible();
    await expect(summary(page)).toHaveText(/9 new left today/);

    // Shortcuts off: "1" does nothing after checking.
    await page.keyboard.press('?');
    const toggle = page.getByRole('checkbox', { name: 'Use keyboard shortcuts' });
    await expect(toggle).toBeVisible();
    await toggle.uncheck();
    await openPractice(page, '?q=mem-70b-bf16-gb');
    await expect(page.getByText('Keyboard shortcuts (off)')).toBeVisible();
    const input = card(page).getByRole('textbox', { name: /Your answer/ });
    await input.fill('141.1 GB');
    await input.press('Enter');
    await expect(verdict(page)).toHaveText('Right.');
    await page.locator('body').press('1');
    await expect(gradeGroup(page)).toBeVisible();
    await expect(summary(page)).toHaveText(/9 new left today/);
    expect(consoleErrors).toEqual([]);
  });

  test('typing a digit in the answer field never grades', async ({ page, consoleErrors }) => {
    await openPractice(page, '?q=mem-70b-bf16-gb');
    const input = card(page).getByRole('textbox', { name: /Your answer/ });
    await input.fill('141.1 GB');
    await input.press('Enter');
    await expect(gradeGroup(page)).toBeVisible();
    await input.press('3');
    await expect(gradeGroup(page)).toBeVisible();
    await expect(summary(page)).toHaveText(/10 new left today/);
    expect(consoleErrors).toEqual([]);
  });

  test('blocked storage: a message, and practice still works', async ({ page, consoleErrors }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openPractice(page, '?q=mem-70b-fp8-size');
    await expect(page.getByRole('alert').filter({ hasText: 'blocks storage' })).toBeVisible();
    await card(page)
      .getByRole('radio', { name: /72\.66 GB \(67\.67 GiB\)/ })
      .check();
    await checkAnswer(page);
    await gradeButton(page, 'Good').click();
    await expect(page.getByRole('alert').filter({ hasText: /could not be saved/ })).toBeVisible();
    await expect(summary(page)).toHaveText(/9 new left today/);
    expect(consoleErrors).toEqual([]);
  });

  test('the bank failing to load shows an error with a retry that works', async ({ page, consoleErrors }) => {
    let fail = true;
    await page.route('**/practice/bank.json', (route) =>
      fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
    );
    await page.goto('/practice');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(alert).toBeVisible();
    fail = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(summary(page)).toBeVisible();
    await expect(card(page)).toBeVisible();
    // The one expected console error is the 503 itself.
    expect(consoleErrors.filter((e) => !/503/.test(e))).toEqual([]);
    consoleErrors.length = 0;
  });
  test('the daily new cap explains itself; "Keep going" crams without writing to the schedule', async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(`window.localStorage.setItem(${JSON.stringify(KEY)}, JSON.stringify({
      version: 2, learnerSeed: 'learner0001', createdAt: new Date().toISOString(), items: {}, attempts: {},
      daily: { day: ${todayInit()}, newSeen: 10, reviewsDone: 0 },
      settings: { dailyNewCap: 10, dailyReviewCap: 100, desiredRetention: 0.9 }, interviews: [] }))`);
    // Single-choice questions only, so the test can answer whatever comes.
    await openPractice(page, '?type=single');
    await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
    await expect(
      page.getByText(/You have had today’s 10 new questions: 10 new a day keeps reviews manageable/),
    ).toBeVisible();
    const before = await page.evaluate((key) => window.localStorage.getItem(key), KEY);
    await page.getByRole('button', { name: 'Keep going (cram, not recorded)' }).click();
    await expect(page.getByText(/^Keep going \(cram, not recorded\): 1 of \d+/)).toBeVisible();
    await card(page).getByRole('radio').first().check();
    await checkAnswer(page);
    await expect(page.getByText('Not recorded: this is a cram answer, so no review date changes.')).toBeVisible();
    await expect(gradeGroup(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Next cram question' }).click();
    await expect(page.getByText(/^Keep going \(cram, not recorded\): 2 of \d+/)).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: /^Not recorded \(cram\): [01] of 1 right so far\.$/ }),
    ).toBeVisible();
    // Nothing was written: no item, no daily counter, no due date.
    expect(await page.evaluate((key) => window.localStorage.getItem(key), KEY)).toBe(before);
    await expect(summary(page)).toHaveText(/^0 due, 0 new left today/);
    expect(consoleErrors).toEqual([]);
  });

  test('settings: the daily caps and retention target are validated, saved and kept after a reload', async ({
    page,
    consoleErrors,
  }) => {
    await openPractice(page);
    await page.getByText('Settings', { exact: true }).click(); // a closed <details>
    const retention = page.getByRole('spinbutton', { name: 'Retention target (%)' });
    await expect(retention).toHaveValue('90');
    await retention.fill('99');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Enter a percentage from 70 to 97.' })).toBeVisible();
    await expect(retention).toHaveAttribute('aria-invalid', 'true');
    await retention.fill('85');
    await page.getByRole('spinbutton', { name: 'New questions a day' }).fill('20');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await expect(summary(page)).toHaveText(/^0 due, 20 new left today/);
    await page.reload();
    await expect(summary(page)).toHaveText(/^0 due, 20 new left today/);
    await page.getByText('Settings', { exact: true }).click();
    await expect(page.getByRole('spinbutton', { name: 'New questions a day' })).toHaveValue('20');
    await expect(page.getByRole('spinbutton', { name: 'Retention target (%)' })).toHaveValue('85');
    const saved = await page.evaluate(
      (key) => JSON.parse(window.localStorage.getItem(key) ?? 'null') as { settings: unknown },
      KEY,
    );
    expect(saved.settings).toEqual({ dailyNewCap: 20, dailyReviewCap: 100, desiredRetention: 0.85 });
    expect(consoleErrors).toEqual([]);
  });

  test('Anki export: the bank and the mistakes deck download as files Anki imports', async ({
    page,
    consoleErrors,
  }) => {
    await openPractice(page, '?q=mem-70b-fp8-size');
    await expect(page.getByText('How to import it into Anki')).toBeVisible();
    const [bankDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download the bank for Anki \(\d+\)$/ }).click(),
    ]);
    expect(bankDownload.suggestedFilename()).toBe('quant-70b-anki-bank.txt');
    const bank = fs.readFileSync((await bankDownload.path()) as string, 'utf8');
    expect(bank.split('\n').slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:true',
      '#columns:Front\tBack\tTags',
      '#tags column:3',
    ]);
    // One row: the FP8 size question, its options lettered on the front, its tags in column 3.
    expect(bank).toContain('<li>72.66 GB (67.67 GiB)</li>');
    expect(bank).toMatch(/\tquant-70b memory junior single weights fp8 gb-vs-gib\n/);

    const mistakes = page.getByRole('button', { name: /^Download my mistakes for Anki/ });
    await expect(mistakes).toBeDisabled();
    await card(page).getByRole('radio', { name: '70 GB', exact: true }).check();
    await checkAnswer(page);
    await gradeButton(page, 'Again').click();
    await expect(page.getByRole('button', { name: 'Download my mistakes for Anki (1)' })).toBeEnabled();
    const [mistakeDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my mistakes for Anki (1)' }).click(),
    ]);
    expect(mistakeDownload.suggestedFilename()).toMatch(/^quant-70b-anki-mistakes-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = fs.readFileSync((await mistakeDownload.path()) as string, 'utf8');
    expect(text).toContain('Question mem-70b-fp8-size');
    expect(text).toMatch(/\tquant-70b memory junior single weights fp8 gb-vs-gib mistake\n$/);
    expect(consoleErrors).toEqual([]);
  });
});
