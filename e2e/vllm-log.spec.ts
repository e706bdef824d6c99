import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolationsLightAndDark } from './fixtures';

/**
 * A real vLLM v0.19.0 start-up log: Llama-3.3-70B-Instruct FP8 on two H100 80GB. Source: llm-d-incubation/llm-d-planner,
 * commit d3121e0, accuracy/results/v0.19.0/logs/fp8dyn-llama-3-3-70b--h100-80gb--tp2pp1dp1--8192.log (the banner, the
 * non-default args, the "Defaulting" lines, the engine-config line cut after `device_config=cuda,`, and worker TP0's
 * memory lines 139, 837, 1442, 1443, 1447, 1448). The same excerpt is lib/sizing/testVllmLogs.ts's LOG_V0_19_LLAMA_70B_FP8_TP2.
 */
const LOG_V0_19_LLAMA_70B_FP8_TP2 = [
  '(APIServer pid=1) INFO 04-22 00:16:12 [entrypoints/utils.py:299]  ▄▄ ▄█ █     █     █ ▀▄▀ █  version 0.19.0\r',
  "(APIServer pid=1) INFO 04-22 00:16:12 [entrypoints/utils.py:233] non-default args: {'model_tag': 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', 'model': 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', 'max_model_len': 8192, 'tensor_parallel_size': 2, 'gpu_memory_utilization': 0.95, 'enable_prefix_caching': False}",
  '(APIServer pid=1) DEBUG 04-22 00:16:13 [engine/arg_utils.py:2232] Defaulting max_num_batched_tokens to 8192 for OPENAI_API_SERVER usage context.',
  '(APIServer pid=1) DEBUG 04-22 00:16:13 [engine/arg_utils.py:2242] Defaulting max_num_seqs to 1024 for OPENAI_API_SERVER usage context.',
  "(EngineCore pid=245) INFO 04-22 00:16:25 [v1/engine/core.py:105] Initializing a V1 LLM engine (v0.19.0) with config: model='RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', speculative_config=None, tokenizer='RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=8192, download_dir=None, load_format=auto, tensor_parallel_size=2, pipeline_parallel_size=1, data_parallel_size=1, decode_context_parallel_size=1, dcp_comm_backend=ag_rs, disable_custom_all_reduce=False, quantization=compressed-tensors, enforce_eager=False, enable_return_routed_experts=False, kv_cache_dtype=auto, device_config=cuda,",
  '(Worker pid=445) DEBUG 04-22 00:16:36 [v1/worker/gpu_worker.py:285] worker requested memory: 75.23GiB',
  '(Worker_TP0 pid=444) INFO 04-22 00:17:32 [v1/worker/gpu_model_runner.py:4820] Model loading took 33.88 GiB memory and 54.254199 seconds',
  '(Worker_TP0 pid=444) DEBUG 04-22 00:18:23 [v1/worker/gpu_worker.py:435] Memory profiling takes 50.74 seconds. Total non KV cache memory: 37.95GiB; torch peak memory increase: 1.96GiB; non-torch forward increase memory: 2.1GiB; weights memory: 33.88GiB.',
  '(Worker_TP0 pid=444) INFO 04-22 00:18:23 [v1/worker/gpu_worker.py:436] Available KV cache memory: 37.28 GiB',
  '(EngineCore pid=245) INFO 04-22 00:18:23 [v1/core/kv_cache_utils.py:1319] GPU KV cache size: 244,304 tokens',
  '(EngineCore pid=245) INFO 04-22 00:18:23 [v1/core/kv_cache_utils.py:1324] Maximum concurrency for 8,192 tokens per request: 29.82x',
].join('\n');

function logCheck(page: Page) {
  const widget = page.getByRole('region', { name: 'Check my vLLM log' });
  return {
    widget,
    log: widget.getByLabel('vLLM start-up log', { exact: true }),
    compare: widget.getByRole('button', { name: 'Compare' }),
    result: widget.getByRole('status', { name: 'Log comparison' }),
    table: widget.getByRole('table', { name: /vLLM's figures beside this site's/ }),
  };
}

test('/tools/memory: a pasted v0.19 log is read and put beside the estimate, row by row', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/memory');
  const c = logCheck(page);
  await c.log.fill(LOG_V0_19_LLAMA_70B_FP8_TP2);
  await c.compare.click();
  // The set-up comes from the log: model from its name, TP 2, the GPU from "worker requested memory" ÷ 0.95.
  await expect(c.result).toContainText('vLLM 0.19.0 (V1): Llama-3.3-70B-Instruct on 2 × H100 SXM 80GB.');
  // Logged figures are the log's own lines; ours are lib/sizing fitOnGpu's for the same set-up (components/memory/model/vllmLogCheck.test.ts).
  await expect(c.table.getByRole('row', { name: /^Weights/ })).toContainText('33.88 GiB');
  await expect(c.table.getByRole('row', { name: /^Weights/ })).toContainText('33.83 GiB');
  await expect(c.table.getByRole('row', { name: /^Activation peak/ })).toContainText('1.96 GiB');
  await expect(c.table.getByRole('row', { name: /^Non-torch memory/ })).toContainText('2.10 GiB');
  await expect(c.table.getByRole('row', { name: /^KV cache memory/ })).toContainText('37.28 GiB');
  await expect(c.table.getByRole('row', { name: /^KV cache memory/ })).toContainText("inside the model's uncertainty");
  await expect(c.table.getByRole('row', { name: /^KV cache tokens/ })).toContainText('244,304 tokens');
  await expect(c.table.getByRole('row', { name: /^Maximum concurrency/ })).toContainText('29.82×');
  await expect(c.log).not.toHaveAttribute('aria-invalid', 'true');
  const text = (await c.widget.textContent()) ?? '';
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
  await expectNoAxeViolationsLightAndDark(page);
  expect(consoleErrors).toEqual([]);
});

test('/tools/memory: garbage, then a log with lines missing, get messages naming what was not found', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/tools/memory');
  const c = logCheck(page);
  await c.compare.click();
  await expect(c.log).toHaveAccessibleDescription(/Paste the start-up log of a vLLM server first\./);

  await c.log.fill('this is not a vLLM log\nAvailable KV cache memory: lots GiB');
  await c.compare.click();
  await expect(c.log).toHaveAttribute('aria-invalid', 'true');
  await expect(c.log).toHaveAccessibleDescription(
    /No vLLM memory lines found in 2 lines\..*could not read the number on line 2 \(KV cache memory\)/,
  );

  // Only the KV lines of the real log: the other quantities are named as missing, and the rows that are there still show.
  const kvOnly = LOG_V0_19_LLAMA_70B_FP8_TP2.split('\n')
    .filter((l) => /non-default args|Available KV cache|GPU KV cache size|concurrency/.test(l))
    .join('\n');
  await c.log.fill(kvOnly);
  await c.compare.click();
  await expect(c.result).toContainText('Not found in the log: Weights');
  await expect(c.result).toContainText('Activation peak');
  await expect(c.table.getByRole('row', { name: /^KV cache tokens/ })).toContainText('244,304 tokens');
  await expect(c.log).not.toHaveAttribute('aria-invalid', 'true');
  expect(consoleErrors).toEqual([]);
});

test('the memory lesson has the log check next to "Reading vLLM\'s start-up log"', async ({ page, consoleErrors }) => {
  await page.goto('/lessons/memory');
  const c = logCheck(page);
  await expect(c.widget).toBeVisible();
  await c.log.fill(LOG_V0_19_LLAMA_70B_FP8_TP2);
  await c.log.press('Tab');
  await expect(c.compare).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(c.table.getByRole('row', { name: /^Weights/ })).toContainText('33.88 GiB');
  expect(consoleErrors).toEqual([]);
});
