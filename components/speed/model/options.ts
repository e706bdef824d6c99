import { FORMATS, KV_FORMATS, bitsPerWeight } from '@/lib/formats';
import type { WeightFormat } from '@/lib/formats';
import { tensorParallelSizes } from '@/lib/sizing/tensorParallel';

/**
 * The five formats the speed chart compares, in legend order: the 16-bit baseline,
 * the two W8A8 formats that use 8-bit tensor cores, and the two weight-only ones
 * that move fewer bytes but multiply in 16 bits.
 */
export const CHART_FORMATS = ['bf16', 'int8-w8a8', 'fp8-w8a8', 'int8-w8a16', 'int4-g128'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** Short legend names for the chart formats (the catalog names are longer). */
export const CHART_FORMAT_LABELS: Readonly<Record<ChartFormat, string>> = {
  bf16: 'BF16',
  'int8-w8a8': 'INT8 W8A8',
  'fp8-w8a8': 'FP8 W8A8',
  'int8-w8a16': 'INT8 W8A16',
  'int4-g128': 'INT4 g128 W4A16',
};

/** Whether an id is one of {@link CHART_FORMATS}. */
export function isChartFormat(id: string): id is ChartFormat {
  return (CHART_FORMATS as readonly string[]).includes(id);
}

/**
 * Weight formats the speed calculator leaves out, with the reason shown on the page.
 *
 * - `llm-int8`: bitsandbytes' LLM.int8() is tagged INT8 compute, so a roofline would
 *   credit it with the INT8 tensor-core peak, yet it is measured *slower* than FP16
 *   (BLOOM-176B "about 15% to 23% slower"; HF blog `hf-bitsandbytes-integration`,
 *   docs/provenance.md §2). A roofline bound for it would mislead.
 * - `fp32`: the GPU catalog lists tensor-core peaks only; FP32 has none there.
 */
export const SPEED_EXCLUDED_FORMATS: Readonly<Record<string, { reason: string; sourceId: string | null }>> = {
  'llm-int8': {
    reason:
      'LLM.int8() (bitsandbytes) is left out: a roofline would credit it with the INT8 tensor-core peak, but it is measured slower than FP16 (BLOOM-176B: 15–23% slower).',
    sourceId: 'hf-blog-hf-bitsandbytes-integration',
  },
  fp32: { reason: 'FP32 is left out: the GPU catalog lists tensor-core peaks only.', sourceId: null },
};

/** A group of weight formats for an `<optgroup>`. */
export interface FormatGroup {
  label: string;
  formats: WeightFormat[];
}

/**
 * The weight formats the speed calculator offers, grouped for a select: 16-bit,
 * 8-bit, 4-bit and below, GGUF (llama.cpp). Groups follow the stored bits per weight
 * (≥ 12 → 16-bit, ≥ 6 → 8-bit); GGUF types get their own group. Formats in
 * {@link SPEED_EXCLUDED_FORMATS} are left out.
 *
 * @example speedFormatGroups().map((g) => g.label) // ['16-bit', '8-bit', '4-bit and below', 'GGUF (llama.cpp, weight-only)']
 */
export function speedFormatGroups(): FormatGroup[] {
  const groups: FormatGroup[] = [
    { label: '16-bit', formats: [] },
    { label: '8-bit', formats: [] },
    { label: '4-bit and below', formats: [] },
    { label: 'GGUF (llama.cpp, weight-only)', formats: [] },
  ];
  for (const format of FORMATS) {
    if (format.id in SPEED_EXCLUDED_FORMATS) continue;
    const bits = bitsPerWeight(format.id);
    const group =
      format.storage.kind === 'gguf' ? groups[3] : bits >= 12 ? groups[0] : bits >= 6 ? groups[1] : groups[2];
    group!.formats.push(format);
  }
  return groups.filter((g) => g.formats.length > 0);
}

/** Ids of every format {@link speedFormatGroups} offers. */
export function speedFormatIds(): string[] {
  return speedFormatGroups().flatMap((g) => g.formats.map((f) => f.id));
}

/** GPU counts offered for tensor parallelism: lib/deploy `tensorParallelSizes(model, 8)`. */
export const MAX_GPUS_OFFERED = 8;

/**
 * The tensor-parallel sizes a model allows (1 … 8, dividing its attention heads), for
 * the GPU-count select.
 *
 * @example gpuCountOptions('llama-3.1-70b') // [1, 2, 4, 8]
 */
export function gpuCountOptions(model: string): number[] {
  return tensorParallelSizes(model, MAX_GPUS_OFFERED);
}

/**
 * `gpuCount` if the model allows it, else the largest allowed count not above it
 * (1 is always allowed): used when a new model does not divide the old count.
 *
 * @example nearestAllowedGpuCount('gemma-7b', 8) // 8 (16 heads)
 */
export function nearestAllowedGpuCount(model: string, gpuCount: number): number {
  const allowed = gpuCountOptions(model);
  return allowed.filter((n) => n <= gpuCount).pop() ?? 1;
}

/** KV-cache precisions offered: lib/formats `KV_FORMATS` (id → bits per element). */
export function kvOptions(): Array<{ id: string; name: string; bits: number }> {
  return KV_FORMATS.map((f) => ({ id: f.id, name: `${f.name} (${f.bitsPerElement}-bit)`, bits: f.bitsPerElement }));
}
