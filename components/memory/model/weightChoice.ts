import {
  FORMATS,
  GGUF_FILE_TYPES,
  bitsPerWeight,
  formatBitsBreakdown,
  getFormat,
  ggmlBlock,
  ggufFileFormatId,
  ggufFileSize,
  ggufFileTypeOfId,
  type GgufFileType,
} from '@/lib/formats';
import type { ModelSpec } from '@/lib/models/types';
import { formatNumber } from '@/lib/units';

/** The `<optgroup>` label of the GGUF file types, after the base-type families. */
export const GGUF_FILES_GROUP_LABEL = 'GGUF files (as downloaded: Q4_K_M, …)';

/** What the calculator shows about the chosen weights: a catalog format or a GGUF file type. */
export interface WeightChoiceInfo {
  /** "INT4 group-128 (GPTQ/AWQ, W4A16)", or "GGUF Q4_K_M file". */
  name: string;
  summary: string;
  /** Bits per weight; for a GGUF file this model's, null when there is no model yet or its file layout is not modelled. */
  bitsPerWeight: number | null;
  /** The "show the work" line: the bits-per-weight arithmetic. Null when `bitsPerWeight` is. */
  formula: string | null;
  /** Things to know about the choice, for the "show the work" list (a catalog format's caveats; a GGUF file's assumptions). */
  notes: readonly string[];
}

/** Whether a weight id is one the calculator offers: a catalog format or a GGUF file type. */
export function isWeightChoiceId(id: string): boolean {
  return FORMATS.some((f) => f.id === id) || ggufFileTypeOfId(id) !== null;
}

const GGUF_FILE_NOTES = [
  "A GGUF file mixes block types: llama-quantize gives attn_v, ffn_down, attn_output, the output head and the embedding higher or lower types by layer, GQA ratio and expert count (llama.cpp src/llama-quant.cpp). These bits per weight are for this model's tensors.",
  'Tensor bytes only: the file also holds its header (metadata and tokenizer, a few MB).',
  'Assumes the file was made with an importance matrix, as the common uploads are; without one an IQ4_XS file keeps the first eighth of ffn_down at Q5_K.',
];

/** ggufFileBits results per model spec: the select re-renders on every keystroke, the spec rarely changes. */
const FILE_BITS = new WeakMap<ModelSpec, Map<GgufFileType, { bits: number; formula: string } | null>>();

function ggufFileBits(spec: ModelSpec | null, fileType: GgufFileType): { bits: number; formula: string } | null {
  if (!spec) return null;
  let perSpec = FILE_BITS.get(spec);
  if (!perSpec) FILE_BITS.set(spec, (perSpec = new Map()));
  if (perSpec.has(fileType)) return perSpec.get(fileType)!;
  const result = computeGgufFileBits(spec, fileType);
  perSpec.set(fileType, result);
  return result;
}

function computeGgufFileBits(spec: ModelSpec, fileType: GgufFileType): { bits: number; formula: string } | null {
  let file;
  try {
    file = ggufFileSize(spec, fileType);
  } catch {
    return null;
  }
  const parts = file.byType.map((s) => {
    const block = ggmlBlock(s.type);
    const share = (100 * s.params) / file.params;
    const shareText = share < 0.01 ? '<0.01' : formatNumber(share, share < 1 ? 2 : 1);
    return `${s.type} ${Number(((block.bytes * 8) / block.weights).toFixed(4))} bits × ${shareText}%`;
  });
  return {
    bits: file.bitsPerWeight,
    formula: `${parts.join(' + ')} of the weights = ${formatNumber(file.bitsPerWeight, 3)} bits/weight`,
  };
}

/**
 * Name, summary, bits per weight and notes of a weight choice. Catalog formats come from
 * lib/formats (`getFormat`, `bitsPerWeight`, `formatBitsBreakdown`); GGUF file types from
 * `ggufFileSize` on the model, as the share of weights in each block type:
 *
 *     bits/weight = Σ_type bits(type) × share of weights(type)
 *
 * Never throws for an id {@link isWeightChoiceId} accepts; a GGUF file on a model whose
 * layout is not modelled (MLA, Falcon, gpt-oss) has `bitsPerWeight` null.
 *
 * @example weightChoiceInfo('gguf-file-q4_k_m', getModel('llama-3.1-8b').spec).bitsPerWeight // ≈ 4.894
 * @example weightChoiceInfo('int4-g128', null).bitsPerWeight // 4.15625
 */
export function weightChoiceInfo(id: string, spec: ModelSpec | null): WeightChoiceInfo {
  const fileType = ggufFileTypeOfId(id);
  if (fileType) {
    const bits = ggufFileBits(spec, fileType);
    return {
      name: `GGUF ${fileType} file`,
      summary: `llama.cpp's ${fileType} file type: a mix of block types chosen per tensor, so its size depends on the model.`,
      bitsPerWeight: bits?.bits ?? null,
      formula: bits?.formula ?? null,
      notes: GGUF_FILE_NOTES,
    };
  }
  const format = getFormat(id);
  return {
    name: format.name,
    summary: format.summary,
    bitsPerWeight: bitsPerWeight(id),
    formula: formatBitsBreakdown(id).formula,
    notes: format.caveats,
  };
}

/** The weight field's hint: "4.894 bits per weight on this model. llama.cpp's …". */
export function weightChoiceHint(info: WeightChoiceInfo): string {
  const bits =
    info.bitsPerWeight === null
      ? "Bits per weight depend on the model's tensors."
      : `${formatNumber(info.bitsPerWeight, 3)} bits per weight.`;
  return `${bits} ${info.summary}`;
}

/**
 * The GGUF file types for the weight select, by the names on the download pages, each
 * labelled with its bits per weight on the model (none when there is no model yet or its
 * layout is not modelled).
 *
 * @example ggufFileChoices(getModel('llama-3.1-70b').spec).find((c) => c.id === 'gguf-file-q4_k_m')?.label // 'Q4_K_M — 4.82 bits/weight on this model'
 */
export function ggufFileChoices(
  spec: ModelSpec | null,
  opts: { withBits?: boolean; selected?: string } = {},
): Array<{ id: string; label: string }> {
  const withBits = opts.withBits ?? true;
  return GGUF_FILE_TYPES.map((fileType) => {
    const id = ggufFileFormatId(fileType);
    // Sizing a file walks every tensor of the model (≈ 6 ms for a 70B): until the learner opens the menu, only the chosen file is sized.
    const bits = withBits || id === opts.selected ? ggufFileBits(spec, fileType) : null;
    return { id, label: bits ? `${fileType} — ${formatNumber(bits.bits, 2)} bits/weight on this model` : fileType };
  });
}
