import { countParams } from '../models';
import {
  bitsPerWeight,
  getFormat,
  ggufFileSize,
  ggufFileTypeOfId,
  type GgufFileSize,
  type GgufFileType,
} from '../formats';
import type { ModelSpec } from '../models/types';
import type { Bytes, Params } from '../units';
import { resolveModel, type ModelRef } from './inputs';

/** Bits per weight of the tensors a quantiser leaves in high precision (BF16/FP16). */
export const HIGH_PRECISION_BITS = 16;

/** How many bytes a model's weights take in a given format, and how they split. */
export interface WeightBytes {
  /** Total weight bytes: quantizedParams × bitsPerWeight / 8 + sixteenBitParams × 2. */
  bytes: Bytes;
  /** Parameters stored at the format's `bitsPerWeight`. */
  quantizedParams: Params;
  /** Parameters kept at 16 bits: norms always; embedding and lm_head when the format says so. */
  sixteenBitParams: Params;
  /** The format's storage cost per quantized weight, scales and zero-points included. */
  bitsPerWeight: number;
  /** Bytes of the input embedding matrix (at 16 bits or at `bitsPerWeight`). */
  embeddingBytes: Bytes;
  /** Bytes of the output projection (0 when tied to the embedding). */
  lmHeadBytes: Bytes;
  /** Bytes of the RMSNorm weights. */
  normBytes: Bytes;
  /** Bytes of everything else: attention and MLP/expert weights, at `bitsPerWeight`. */
  linearBytes: Bytes;
  /** Whether the embedding and lm_head were kept at 16 bits (false for ≥ 16-bit formats, where nothing is split off). */
  embeddingsAt16Bit: boolean;
}

/**
 * Bytes of a model's weights when stored in a weight format.
 *
 *     bytes = quantizedParams × bitsPerWeight / 8 + sixteenBitParams × 2 B
 *
 * `bitsPerWeight` includes the format's scale/zero-point overhead (lib/formats).
 * RMSNorm weights stay at 16 bits in every quantiser (GPTQ, AWQ, bitsandbytes,
 * llm-compressor; llama.cpp keeps them in F32, which this rounds down by a few MB).
 * When the format has `embeddingsAt16Bit` (GPTQ/AWQ/bitsandbytes/llm-compressor
 * checkpoints), the input embedding and lm_head also stay at 16 bits; GGUF
 * quantises them. Formats of 16 bits or more store every parameter at their
 * width. Biases and MoE routers are counted with the linear weights, at
 * `bitsPerWeight` (checkpoints usually keep them at 16 bits; they are < 0.01% of a
 * 70B model). MoE: every expert is stored, so the total parameter count is used.
 *
 * Source: docs/provenance.md §7 (Llama-3.1-70B: BF16 141.1 GB; INT8 linear + BF16 embed/lm_head
 * 72.7 GB = 67.7 GiB; 4-bit g128 + BF16 embed ≈ 39.5 GB vs the 39.8 GB Neural Magic
 * W4A16 checkpoint).
 *
 * A GGUF file type ("gguf-file-q4_k_m", lib/formats `ggufFileFormatId`) is sized by
 * {@link ggufFileWeightBytes} instead: its bits per weight depend on the model's tensors.
 *
 * @throws {Error} when the model id or format id is unknown, or a GGUF file type is asked
 *   of a model whose file layout lib/formats does not model (MLA, Falcon, gpt-oss).
 * @example
 * // Llama-3.1-70B: 70,553,706,496 params × 2 B
 * weightBytes('llama-3.1-70b', 'bf16').bytes // 141_107_412_992 (141.1 GB)
 * // 68,451,041,280 linear weights × 8 bits + (2 × 1,050,673,152 embed/lm_head + 1,318,912 norms) × 16 bits
 * weightBytes('llama-3.1-70b', 'int8-w8a8').bytes // 72_656_371_712 (72.7 GB, 67.7 GiB)
 * // same linear weights at 4 + 16/128 + 4/128 = 4.15625 bits (GPTQ/AWQ g128)
 * weightBytes('llama-3.1-70b', 'int4-g128').bytes // 39_767_785_472 (39.8 GB)
 */
export function weightBytes(model: ModelRef, formatId: string): WeightBytes {
  const spec = resolveModel(model);
  const fileType = ggufFileTypeOfId(formatId);
  if (fileType) return ggufFileWeightBytes(spec, fileType);
  const format = getFormat(formatId);
  const bits = bitsPerWeight(formatId);
  const counts = countParams(spec);

  const splitsOff = bits < HIGH_PRECISION_BITS;
  const embeddingBits = splitsOff && format.embeddingsAt16Bit ? HIGH_PRECISION_BITS : bits;
  const normBits = splitsOff ? HIGH_PRECISION_BITS : bits;

  const sixteenBitParams =
    (splitsOff ? counts.norms : 0) + (splitsOff && format.embeddingsAt16Bit ? counts.embedding + counts.lmHead : 0);
  const quantizedParams = counts.total - sixteenBitParams;

  const embeddingBytes = (counts.embedding * embeddingBits) / 8;
  const lmHeadBytes = (counts.lmHead * embeddingBits) / 8;
  const normBytes = (counts.norms * normBits) / 8;
  const linearBytes = ((counts.total - counts.embedding - counts.lmHead - counts.norms) * bits) / 8;

  return {
    bytes: (quantizedParams * bits) / 8 + (sixteenBitParams * HIGH_PRECISION_BITS) / 8,
    quantizedParams,
    sixteenBitParams,
    bitsPerWeight: bits,
    embeddingBytes,
    lmHeadBytes,
    normBytes,
    linearBytes,
    embeddingsAt16Bit: splitsOff && format.embeddingsAt16Bit,
  };
}

const GGUF_CACHE = new WeakMap<ModelSpec, Map<GgufFileType, GgufFileSize>>();

/** lib/formats `ggufFileSize`, remembered per spec object (the fit searches ask for the same file many times). */
function cachedGgufFileSize(spec: ModelSpec, fileType: GgufFileType): GgufFileSize {
  let bySpec = GGUF_CACHE.get(spec);
  if (!bySpec) GGUF_CACHE.set(spec, (bySpec = new Map()));
  let file = bySpec.get(fileType);
  if (!file) bySpec.set(fileType, (file = ggufFileSize(spec, fileType)));
  return file;
}

/**
 * Weight bytes of a model stored as a GGUF file of a given type: the sum of its tensors'
 * bytes under llama.cpp's per-tensor type rules (lib/formats `ggufFileSize`, with an
 * importance matrix), so the bits per weight are this model's, not the base block type's:
 *
 *     bytes = Σ tensors elements / blockWeights(type) × blockBytes(type)
 *     bitsPerWeight = bytes × 8 / total params      (every parameter counts as quantized)
 *
 * Norms, biases and routers are F32 in the file and counted so; `sixteenBitParams` is 0.
 *
 * @throws {Error} for MLA, Falcon and gpt-oss models (lib/formats `ggufTensors`).
 * @example ggufFileWeightBytes(getModel('llama-3.1-70b').spec, 'Q4_K_M').bytes // 42_512_531_456 (bartowski's file: 42.52 GB)
 */
export function ggufFileWeightBytes(spec: ModelSpec, fileType: GgufFileType): WeightBytes {
  const file = cachedGgufFileSize(spec, fileType);
  const sum = (pick: (name: string, category: string, dims: number) => boolean) =>
    file.tensors.filter((t) => pick(t.name, t.category, t.dims)).reduce((s, t) => s + t.bytes, 0);
  const embeddingBytes = sum((_, category) => category === 'token_embd');
  const lmHeadBytes = sum((_, category) => category === 'output');
  const normBytes = sum((name) => name.endsWith('norm.weight'));
  return {
    bytes: file.totalBytes,
    quantizedParams: file.params,
    sixteenBitParams: 0,
    bitsPerWeight: file.bitsPerWeight,
    embeddingBytes,
    lmHeadBytes,
    normBytes,
    linearBytes: file.totalBytes - embeddingBytes - lmHeadBytes - normBytes,
    embeddingsAt16Bit: false,
  };
}
