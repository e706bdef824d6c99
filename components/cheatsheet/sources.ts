import { gpuSheetRow, numberSources, type NumberedSource } from './model';

/** GPUs of the GPU table, in print order. */
export const TABLE_GPUS = [
  'a100-80gb-sxm',
  'h100-sxm',
  'h100-pcie',
  'h200-sxm',
  'l40s',
  'rtx-4090',
  'mi300x',
  'b200',
] as const;

/** GPUs of the decode-ceiling table (columns). */
export const DECODE_GPUS = ['h100-sxm', 'h200-sxm', 'a100-80gb-sxm', 'l40s'] as const;

/**
 * Every source the sheet cites, in reading order (column by column), so the [n]
 * numbers rise down the page. A `Ref` to an id missing here throws at build time.
 */
const CITED: readonly string[] = [
  // Header and formulas: the model's shape.
  'hf-config-llama-3.1-70b',
  // Weights table.
  'autogptq-qlinear-cuda-py',
  'qlora-2305.14314',
  'llama-cpp-ggml-common-h',
  'llama-cpp-quantize-readme',
  'nm-llama-3.1-70b-instruct-w4a16',
  // KV cache.
  'vllm-docs-quantized-kv-cache',
  // GPU table: each row's sources, datasheet first.
  ...TABLE_GPUS.flatMap((id) => gpuSheetRow(id).sourceIds),
  // Decode ceilings.
  'marlin-readme',
  // Decision tree.
  'awq-2306.00978',
  'vllm-docs-fp8',
  'bf16-or-death-2411.02355',
  'llama3-70b-per-channel-2408.15301',
  // Follow-up questions.
  'llama3-quantization-2404.14047',
  'flips-2407.09141',
];

export const SHEET_SOURCES: readonly NumberedSource[] = numberSources(CITED);

/** The [n] of a cited source. @throws {Error} when the sheet does not list it in CITED. */
export function sheetSource(id: string): NumberedSource {
  const s = SHEET_SOURCES.find((x) => x.id === id);
  if (!s) throw new Error(`cheatsheet: source "${id}" is cited but not listed in components/cheatsheet/sources.ts`);
  return s;
}
