import { isTensorParallelSize } from '@/lib/sizing/tensorParallel';
import { DEEPSEEK_V32_FP8_MLA_LAYOUT, FORMATS, KV_FORMATS, bitsPerWeight } from '@/lib/formats';
import type { KvEngine } from '@/lib/models';
import type { KvLayoutId } from '@/lib/sizing';
import type { WeightFormat } from '@/lib/formats';
import type { ModelSpec } from '@/lib/models/types';

/** Most GPUs the memory calculator offers (one 8-GPU node). */
export const MEMORY_MAX_GPUS = 8;

/** A family of weight formats, for one `<optgroup>`. */
export interface FormatFamily {
  label: string;
  formats: WeightFormat[];
}

/** The family label of a weight format: how it stores a weight, not how many bits it ends up costing. */
export function formatFamilyLabel(format: WeightFormat): string {
  const s = format.storage;
  switch (s.kind) {
    case 'float':
      return 'Floating point (unquantised)';
    case 'fp8':
      return '8-bit';
    case 'integer':
      return s.bits >= 8 ? '8-bit' : 'INT4 group-wise (GPTQ / AWQ layout)';
    case 'codebook':
      return 'bitsandbytes 4-bit (NF4 / FP4)';
    case 'microscaling':
      return 'Microscaling (OCP MX)';
    case 'gguf':
      return 'GGUF (llama.cpp base types)';
  }
}

/**
 * Every weight format in lib/formats `FORMATS`, grouped by family for a `<select>`
 * with `<optgroup>`s, in catalog order. Unlike the speed calculator nothing is left
 * out: memory is defined for every format, FP32 and LLM.int8() included.
 *
 * @example weightFormatFamilies().map((g) => g.label)
 * // ['Floating point (unquantised)', '8-bit', 'INT4 group-wise (GPTQ / AWQ layout)',
 * //  'bitsandbytes 4-bit (NF4 / FP4)', 'Microscaling (OCP MX)', 'GGUF (llama.cpp base types)']
 */
export function weightFormatFamilies(): FormatFamily[] {
  const families: FormatFamily[] = [];
  for (const format of FORMATS) {
    const label = formatFamilyLabel(format);
    let family = families.find((f) => f.label === label);
    if (!family) {
      family = { label, formats: [] };
      families.push(family);
    }
    family.formats.push(format);
  }
  return families;
}

/** "INT4 group-128 (GPTQ/AWQ, W4A16) — 4.156 bits/weight": the option text of a weight format. */
export function weightFormatOptionLabel(format: WeightFormat): string {
  const bits = bitsPerWeight(format.id);
  return `${format.name} — ${Number(bits.toFixed(3))} bits/weight`;
}

/** One choice of the GPU-count select. */
export interface GpuCountChoice {
  count: number;
  /** Whether tensor parallelism can split the model's attention heads evenly over `count` GPUs. */
  allowed: boolean;
}

/**
 * GPU counts 1 … 8 with whether each is a valid tensor-parallel size for the model:
 * the count must divide the attention heads (lib/sizing `isTensorParallelSize`; vLLM: "Total
 * number of attention heads must be divisible by tensor parallel size"). With no model
 * yet (a custom config still to be pasted), every count is offered.
 *
 * @example gpuCountChoices(llama70b).filter((c) => c.allowed).map((c) => c.count) // [1, 2, 4, 8] (64 heads)
 * @example gpuCountChoices(qwen7b).filter((c) => c.allowed).map((c) => c.count)   // [1, 2, 4, 7] (28 heads)
 */
export function gpuCountChoices(spec: Pick<ModelSpec, 'attention'> | null): GpuCountChoice[] {
  return Array.from({ length: MEMORY_MAX_GPUS }, (_, i) => ({
    count: i + 1,
    allowed: spec === null || isTensorParallelSize(spec, i + 1),
  }));
}

/** The allowed counts of {@link gpuCountChoices}. */
export function allowedGpuCounts(spec: Pick<ModelSpec, 'attention'>): number[] {
  return gpuCountChoices(spec)
    .filter((c) => c.allowed)
    .map((c) => c.count);
}

/**
 * `gpuCount` when the model allows it, else the largest allowed count below it (1 is
 * always allowed): used when a new model cannot split its heads over the old count.
 *
 * @example nearestAllowedGpuCount(qwen7b, 8) // 7
 */
export function nearestAllowedGpuCount(spec: Pick<ModelSpec, 'attention'>, gpuCount: number): number {
  return (
    allowedGpuCounts(spec)
      .filter((n) => n <= gpuCount)
      .pop() ?? 1
  );
}

/** One choice of the KV-cache select. */
export interface KvChoice {
  id: string;
  /** Option text. */
  label: string;
  /** Short name for sentences ("BF16 KV cache"). */
  name: string;
  summary: string;
  /** Bits per element (8 for the DeepSeek-V3.2 layout, whose bytes the layout fixes). */
  bits: number;
  /** lib/sizing `kvLayout`, or null for a plain element width. */
  layout: KvLayoutId | null;
}

/** The KV-choice id of DeepSeek-V3.2's FP8 cache (vLLM "fp8_ds_mla" plus the indexer keys). */
export const DEEPSEEK_V32_KV_CHOICE = 'fp8-deepseek-v3.2';

/**
 * KV-cache formats offered: lib/formats `KV_FORMATS`, with the bits in the label, then
 * DeepSeek-V3.2's FP8 cache (656 B per token per layer for the MLA entry + 132 B for the
 * indexer key: lib/models `kvCacheFormulaDeepseekV32Fp8`), which only MLA models accept.
 */
export function kvChoices(): KvChoice[] {
  return [
    ...KV_FORMATS.map((f) => ({
      id: f.id,
      label: `${f.name} — ${f.bitsPerElement} bits`,
      name: f.name,
      summary: f.summary,
      bits: f.bitsPerElement,
      layout: null,
    })),
    {
      id: DEEPSEEK_V32_KV_CHOICE,
      label: 'FP8, DeepSeek-V3.2 layout — 656 + 132 B per token per layer',
      name: DEEPSEEK_V32_FP8_MLA_LAYOUT.name,
      summary: `${DEEPSEEK_V32_FP8_MLA_LAYOUT.summary} vLLM also keeps the lightning indexer's FP8 key (128 values + a 4-byte scale) per layer. MLA models only.`,
      bits: 8,
      layout: 'deepseek-v3.2-fp8',
    },
  ];
}

/** Engines whose KV reservation rule the calculator offers (lib/models `KvEngine`), vLLM's first (the default). */
export const ENGINE_CHOICES: ReadonlyArray<{ id: KvEngine; label: string }> = [
  { id: 'vllm', label: 'vLLM (V1)' },
  { id: 'llama.cpp', label: 'llama.cpp' },
];
