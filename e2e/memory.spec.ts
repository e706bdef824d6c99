import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';
import {
  GEMMA_3_27B_IT_CONFIG,
  LLAMA_4_SCOUT_CONFIG,
  PHI_4_CONFIG,
  QWEN3_30B_A3B_CONFIG,
} from '../lib/models/architectureConfigs';

/** A trimmed Llama-3.1-8B config.json: only the keys that shape the model (values as in meta-llama/Llama-3.1-8B). */
const LLAMA_8B_TRIMMED = JSON.stringify({
  model_type: 'llama',
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  max_position_embeddings: 131072,
  tie_word_embeddings: false,
});

function calculator(page: Page, name: RegExp = /your set-up/i) {
  const widget = page.getByRole('region', { name });
  return {
    widget,
    model: widget.getByLabel('Model', { exact: true }),
    weights: widget.getByLabel('Weight format', { exact: true }),
    kv: widget.getByLabel('KV cache precision', { exact: true }),
    context: widget.getByLabel('Context length', { exact: true }),
    batch: widget.getByLabel('Batch size', { exact: true }),
    gpu: widget.getByLabel('GPU', { exact: true }),
    gpus: widget.getByLabel('Number of GPUs', { exact: true }),
    util: widget.getByLabel('gpu_memory_utilization', { exact: true }),
    engine: widget.getByLabel('Engine (KV reservation)', { exact: true }),
    config: widget.getByLabel('config.json', { exact: true }),
    result: widget.getByRole('status', { name: 'Result' }),
  };
}

async function expectNoBadNumbers(locator: Locator) {
  const text = (await locator.textContent()) ?? '';
  expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
}

test('the lesson and the tool load, each with a working calculator', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  await expect(page.getByRole('heading', { level: 1, name: /Memory/ })).toBeVisible();
  const lesson = calculator(page, /inference memory calculator/i);
  await expect(lesson.result).toContainText('Fits');
  await expect(page.getByRole('heading', { name: 'What interviewers ask next' })).toBeVisible();
  await expectNoBadNumbers(page.locator('main'));
  // The lesson embed links to the standalone tool with its set-up.
  await expect(lesson.widget.getByRole('link', { name: /full-page calculator/ })).toHaveAttribute(
    'href',
    /\/tools\/memory\?model=llama-3\.1-70b&weights=int4-g128/,
  );

  await page.goto('/tools/memory');
  await expect(page.getByRole('heading', { level: 1, name: 'Inference memory calculator' })).toBeVisible();
  const tool = calculator(page);
  await expect(tool.result).toContainText('Fits');
  await expect(tool.widget.getByRole('table', { name: /Memory by term/ })).toContainText('Weights');
  await expect(tool.widget.getByRole('table', { name: /Fewest GPUs/ })).toContainText('H100 SXM 80GB');
  await expectNoBadNumbers(page.locator('main'));
  expect(consoleErrors).toEqual([]);
});

test('changing model, format, context and batch updates the result', async ({ page, consoleErrors }) => {
  await page.goto('/tools/memory');
  const c = calculator(page);
  // vLLM's default cap: 0.92 × 81,440 MiB (CUDA total of an A100 80GB) = 78.6 GB (lib/sizing fitOnGpu)
  await expect(c.result).toContainText('needs 51.3 GB (47.8 GiB) of 78.6 GB (73.2 GiB)');

  await c.weights.selectOption('bf16'); // 141.1 GB of weights on one A100 80GB
  await expect(c.result).toContainText('Does not fit');
  await expect(c.widget.getByRole('row', { name: /^Weights/ })).toContainText('141.11');

  await c.model.selectOption('llama-3.1-8b');
  await expect(c.result).toContainText('Fits');
  await expect(c.result).toContainText('Llama-3.1-8B, BF16 weights');

  const before = await c.result.textContent();
  await c.context.fill('32768');
  await expect(c.result).toContainText('8 × 32,768 tokens');
  await c.batch.fill('64');
  await expect(c.result).toContainText('64 × 32,768 tokens');
  expect(await c.result.textContent()).not.toBe(before);

  // The KV cache (GB and GiB cells) does not move when only the weight format changes.
  const kvCells = c.widget.getByRole('row', { name: /^KV cache/ }).getByRole('cell');
  const kvBytes = async () => `${await kvCells.nth(0).textContent()} / ${await kvCells.nth(1).textContent()}`;
  const kvAtBf16 = await kvBytes();
  const weightsRow = c.widget.getByRole('row', { name: /^Weights/ });
  const weightsAtBf16 = await weightsRow.textContent();
  await c.weights.selectOption('int4-g128');
  await expect(weightsRow).not.toHaveText(weightsAtBf16 ?? '');
  expect(await kvBytes()).toBe(kvAtBf16);
  // …but halves with an FP8 cache.
  await c.kv.selectOption('fp8');
  await expect(kvCells.nth(0)).not.toHaveText(kvAtBf16.split(' / ')[0]!);
  await expectNoBadNumbers(c.widget);
  expect(consoleErrors).toEqual([]);
});

test('bad numbers show a message next to the field, no NaN, and the result says what to fix', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/memory');
  const c = calculator(page);
  const cases: Array<[Locator, string, RegExp]> = [
    [c.context, '', /Context length is required/],
    [c.context, '-5', /Context length must be at least 1/],
    [c.context, 'abc', /Context length must be a number \(got "abc"\)/],
    [c.context, '1e12', /Context length must be at most 131,072/],
    [c.batch, '', /Batch size is required/],
    [c.batch, '-1', /Batch size must be at least 1/],
    [c.batch, 'abc', /Batch size must be a number/],
    [c.batch, '1e12', /Batch size must be at most 100,000/],
  ];
  for (const [field, text, message] of cases) {
    await field.fill(text);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
    await expect(c.result).toContainText('No result yet');
    await expect(c.result).toContainText(message);
    await expectNoBadNumbers(c.widget);
    await field.fill(field === c.context ? '4096' : '8');
    await expect(c.result).toContainText('Fits');
  }
  expect(consoleErrors).toEqual([]);
});

test('GPU counts the heads cannot be split over are offered disabled, with the reason', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/memory?gpus=3');
  const c = calculator(page);
  await expect(c.gpus).toHaveAccessibleDescription(
    /must be one of 1, 2, 4, 8 for Llama-3\.1-70B.*64 attention heads.*showing 2/,
  );
  await expect(c.gpus).toHaveValue('2');
  await expect(c.gpus.locator('option', { hasText: '3 — does not divide 64 heads' })).toBeDisabled();
  await c.gpus.selectOption('8');
  await expect(c.result).toContainText('on 8 × A100 SXM 80GB');
  await expect(c.result).toContainText('Each GPU holds');
  expect(consoleErrors).toEqual([]);
});

test('a malformed config.json shows a message naming the field; a valid one works', async ({ page, consoleErrors }) => {
  test.slow(); // axe runs twice on a long page
  await page.goto('/tools/memory');
  const c = calculator(page);
  await c.model.selectOption('custom');
  await expect(c.config).toBeVisible();
  await expect(c.config).toHaveAccessibleDescription(/Paste a model's config\.json/);
  await expect(c.result).toContainText('No result yet');
  await expect(c.widget).toContainText('a pasted config.json is not included');

  await c.config.fill('{"model_type": "llama", "hidden_size": 4096,');
  await expect(c.config).toHaveAttribute('aria-invalid', 'true');
  await expect(c.config).toHaveAccessibleDescription(/config\.json is not valid JSON/);
  await expect(c.result).toContainText('config.json: config.json is not valid JSON');

  const missing = JSON.parse(LLAMA_8B_TRIMMED) as Record<string, unknown>;
  delete missing.num_hidden_layers;
  await c.config.fill(JSON.stringify(missing));
  await expect(c.config).toHaveAccessibleDescription(/num_hidden_layers is required/);
  await expect(c.result).toContainText('num_hidden_layers');
  await expectNoBadNumbers(c.widget);

  await c.config.fill(LLAMA_8B_TRIMMED);
  await expect(c.config).not.toHaveAttribute('aria-invalid', 'true');
  await expect(c.widget).toContainText(
    'Read: 32 layers, 32 heads, 8 KV heads (GQA), head_dim 128. 8,030,261,248 parameters.',
  );
  await expect(c.result).toContainText('Your config.json (llama), INT4 group-128');
  await expect(c.result).toContainText('Fits');
  await expectNoBadNumbers(c.widget);
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('a config.json upload over 1 MB is refused by its size, before it is read, with the message by the field', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/memory');
  const c = calculator(page);
  await c.model.selectOption('custom');
  const upload = c.widget.getByLabel('Or upload config.json');
  await expect(upload).toHaveAccessibleDescription(/Up to 1 MB/);
  // 4 MB of JSON: it used to be put into the textarea first (a 2.3 s freeze), then rejected.
  await upload.setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(4_000_000, 0x20),
  });
  await expect(c.widget.getByRole('alert').filter({ hasText: 'huge.json is 4,000,000 bytes' })).toBeVisible();
  await expect(upload).toHaveAttribute('aria-invalid', 'true');
  await expect(c.config).toHaveValue('');
  // A real one is read.
  await upload.setInputFiles({
    name: 'config.json',
    mimeType: 'application/json',
    buffer: Buffer.from(LLAMA_8B_TRIMMED),
  });
  await expect(c.widget.getByText(`Read config.json (${LLAMA_8B_TRIMMED.length} bytes).`)).toBeVisible();
  await expect(c.result).toContainText('Fits');
  expect(consoleErrors).toEqual([]);
});

test('raw configs of the newer architectures paste in and show their parameter counts', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/memory');
  const c = calculator(page);
  await c.model.selectOption('custom');
  // Each config.json as published on the hub (lib/models/architectureConfigs.ts, sources there); the
  // expected totals are the hub's safetensors totals (Gemma-3: the text model, hub total minus the
  // SigLIP tower and projector, which the line names separately).
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [QWEN3_30B_A3B_CONFIG, 'qwen3_moe', '30,532,122,624 parameters, 3,353,032,704 active per token.'],
    [GEMMA_3_27B_IT_CONFIG, 'gemma3_text', '27,009,346,304 parameters.'],
    [PHI_4_CONFIG, 'phi3', '14,659,507,200 parameters.'],
    [LLAMA_4_SCOUT_CONFIG, 'llama4_text', '107,769,861,120 parameters, 17,172,894,720 active per token.'],
  ];
  for (const [config, modelType, params] of cases) {
    await c.config.fill(JSON.stringify(config, null, 2));
    await expect(c.config).not.toHaveAttribute('aria-invalid', 'true');
    await expect(c.widget).toContainText(params);
    if (modelType === 'gemma3_text') {
      // 27,009,346,304 + 416,866,032 + 6,194,304 = 27,432,406,640, the hub's total for the whole checkpoint
      await expect(c.widget).toContainText('a vision tower of 416,866,032 and a projector of 6,194,304 parameters');
    }
    if (modelType === 'llama4_text') {
      // 107,769,861,120 + 850,960,896 + 20,971,520 = 108,641,793,536, the hub's total for the whole checkpoint
      await expect(c.widget).toContainText('a vision tower of 850,960,896 and a projector of 20,971,520 parameters');
    }
    await expect(c.result).toContainText(`Your config.json (${modelType}), INT4 group-128`);
    await expectNoBadNumbers(c.result); // not the whole widget: the pasted config itself says "null"
  }

  // The same pasted model as a GGUF file, by its download-page name: Qwen3-30B-A3B Q4_K_M is
  // 18,550,716,416 B of tensors (lib/formats ggufFileSize), 4.86 bits per weight.
  await c.config.fill(JSON.stringify(QWEN3_30B_A3B_CONFIG));
  await c.weights.selectOption('gguf-file-q4_k_m');
  await expect(c.weights.locator('option:checked')).toHaveText('Q4_K_M — 4.86 bits/weight on this model');
  await expect(c.result).toContainText('Your config.json (qwen3_moe), GGUF Q4_K_M file weights');
  await expect(c.widget.getByRole('row', { name: /^Weights/ })).toContainText('18.55');
  await expectNoBadNumbers(c.result);
  expect(consoleErrors).toEqual([]);
});

test('the URL holds the whole set-up: a new page on the same link restores controls and result', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('/tools/memory');
  const c = calculator(page);
  await c.model.selectOption('llama-2-70b');
  await c.weights.selectOption('nf4');
  await c.kv.selectOption('fp8');
  await c.context.fill('2048');
  await c.batch.fill('16');
  await c.gpu.selectOption('h100-sxm');
  await c.gpus.selectOption('2');
  await c.util.fill('0.85');
  await c.engine.selectOption('llama.cpp');
  await expect(c.result).toContainText('16 × 2,048 tokens on 2 × H100 SXM 80GB');
  await expect(c.widget).toContainText('at gpu_memory_utilization 0.85'); // the last change has rendered
  const resultText = await c.result.textContent();
  const url = page.url();
  expect(url).toContain('model=llama-2-70b');
  expect(url).toContain('util=0.85');
  expect(url).toContain('engine=llama.cpp');

  const other = await context.newPage();
  const errors: string[] = [];
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto(url);
  const d = calculator(other);
  await expect(d.model).toHaveValue('llama-2-70b');
  await expect(d.weights).toHaveValue('nf4');
  await expect(d.kv).toHaveValue('fp8');
  await expect(d.context).toHaveValue('2048');
  await expect(d.batch).toHaveValue('16');
  await expect(d.gpu).toHaveValue('h100-sxm');
  await expect(d.gpus).toHaveValue('2');
  await expect(d.util).toHaveValue('0.85');
  await expect(d.engine).toHaveValue('llama.cpp');
  await expect(d.result).toHaveText(resultText ?? '');
  expect(errors).toEqual([]);

  // A link made with a pasted config carries model=custom and asks for the config again.
  await c.model.selectOption('custom');
  await c.config.fill(LLAMA_8B_TRIMMED);
  await expect(c.result).toContainText('Fits');
  await other.goto(page.url());
  await expect(d.model).toHaveValue('custom');
  await expect(d.config).toHaveAccessibleDescription(/Paste a model's config\.json/);
  await expect(d.result).toContainText('No result yet');
  expect(consoleErrors).toEqual([]);
});

test('a hand-edited link with unknown values shows messages, not a broken page', async ({ page, consoleErrors }) => {
  await page.goto('/tools/memory?model=gpt-9&weights=int3&batch=abc&gpu=tpu&engine=sglang');
  const c = calculator(page);
  await expect(c.model).toHaveAccessibleDescription(/Unknown model "gpt-9"; showing Llama-3\.1-70B/);
  await expect(c.weights).toHaveAccessibleDescription(/Unknown weight format "int3"/);
  await expect(c.gpu).toHaveAccessibleDescription(/Unknown GPU "tpu"/);
  await expect(c.engine).toHaveAccessibleDescription(/Unknown engine "sglang"; showing vLLM \(V1\)/);
  await expect(c.batch).toHaveAccessibleDescription(/Batch size must be a number/);
  await expect(c.result).toContainText('No result yet');
  await expectNoBadNumbers(c.widget);
  expect(consoleErrors).toEqual([]);
});

test('keyboard only: change fields, toggle the cap, copy the link, open the work', async ({ page, consoleErrors }) => {
  await page.goto('/tools/memory');
  const c = calculator(page);
  await c.model.focus();
  await page.keyboard.press('Tab');
  await expect(c.weights).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(c.kv).toBeFocused();
  await page.keyboard.press('ArrowDown'); // BF16 → FP16: same size
  await page.keyboard.press('Tab');
  await expect(c.context).toBeFocused();
  // Visible focus ring on the focused field.
  expect(await c.context.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('16384');
  await expect(c.result).toContainText('8 × 16,384 tokens');
  await page.keyboard.press('Tab');
  await expect(c.batch).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(c.gpu).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(c.gpus).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(c.util).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0.9');
  await expect(c.util).toHaveValue('0.9');
  await expect(c.widget).toContainText('at gpu_memory_utilization 0.90');
  await page.keyboard.press('Tab');
  await expect(c.engine).toBeFocused();
  await page.keyboard.press('Tab');
  const copy = c.widget.getByRole('button', { name: 'Copy link to this set-up' });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(c.widget.getByText(/Link copied\.|Copying was blocked/)).toBeVisible();
  const summary = c.widget.getByText('Show the work');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(c.widget.getByText(/2 × 80 layers × 8 KV heads × 128 head_dim × 2 B = 327,680 B\/token/)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('axe finds no violations on the lesson and the tool, light and dark', async ({ page, consoleErrors }) => {
  test.setTimeout(180_000); // six axe runs, two on a long lesson
  await page.goto('/lessons/memory');
  await expect(calculator(page, /inference memory calculator/i).result).toContainText('Fits');
  await expectNoAxeViolationsLightAndDark(page);
  await page.goto('/tools/memory');
  const c = calculator(page);
  await expect(c.result).toContainText('Fits');
  await c.widget.getByText('Show the work').click();
  await expectNoAxeViolationsLightAndDark(page);
  // With errors on screen too.
  await c.batch.fill('abc');
  await expect(c.result).toContainText('No result yet');
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});
