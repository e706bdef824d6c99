import type { Source } from '../hardware/types';
import type { ModelSpec } from '../models/types';
import type { Bytes, Params } from '../units';
import { FORMATS } from './catalog';
import { ggufBlockBytes } from './storageBitsBreakdown';

/**
 * GGUF files as they are downloaded: `Q4_K_M`, `Q3_K_S`, `IQ4_XS`… are not block types but
 * *mixes* (llama.cpp `llama_ftype`): `llama-quantize` picks a GGML block type per tensor by
 * its name, its layer and the model's shape. This module replays those rules on a model's
 * actual tensors to give a file's bytes and effective bits per weight.
 *
 * Rules (llama.cpp `src/llama-quant.cpp`, commit 007dbbf, `llama_tensor_get_type_impl`,
 * `tensor_type_fallback`, `llama_ftype_get_default_type`, `tensor_allows_quantization`):
 *
 * - Base type by file type: Q2_K → Q2_K; Q3_K_S/M/L → Q3_K; Q4_K_S/M → Q4_K; Q5_K_S/M → Q5_K;
 *   Q6_K → Q6_K; Q8_0 → Q8_0; IQ2_XXS, IQ2_XS, IQ3_XXS, IQ4_XS → the block type of that name.
 * - Never quantized: 1-D tensors, `*_norm.weight`, biases, the MoE router `ffn_gate_inp`
 *   (F32, as convert_hf_to_gguf.py writes them).
 * - `output.weight` (and `token_embd.weight` when tied to it): Q8_0 stays Q8_0; IQ2_XXS,
 *   IQ2_XS, IQ3_XXS → Q5_K; every other file type → Q6_K; Q8_0 when its row is not a whole
 *   number of blocks.
 * - `token_embd.weight` (untied): IQ2_XXS, IQ2_XS → Q2_K; IQ3_XXS → IQ3_S; else the base type.
 * - IQ2_XXS / IQ2_XS: attn_v → Q4_K when GQA ratio ≥ 4 or ≥ 4 experts, else Q2_K; ffn_down of
 *   the first eighth of layers → Q2_K; 8-expert models: attn_k → Q4_K, attn_output → Q5_K.
 * - attn_v: Q2_K → Q4_K if GQA ≥ 4 else Q3_K; IQ3_XXS → Q4_K if GQA ≥ 4, else IQ3_S without
 *   an imatrix; Q3_K_M → Q5_K for the first two layers, else Q4_K; Q3_K_L → Q5_K; IQ4_XS with
 *   GQA ≥ 4 → Q5_K; Q4_K_M, Q5_K_M → Q6_K on "use_more_bits" layers; Q4_K_S → Q5_K for the
 *   first four. Then on a 70B model (llama with 80 layers and GQA; qwen2 with 80 layers) Q3_K
 *   and Q4_K become Q5_K, and on an 8-expert model (Mixtral) attn_v is Q8_0.
 * - attn_k: 8-expert models → Q8_0; IQ3_XXS → IQ2_S. attn_q: IQ3_XXS → IQ2_S.
 * - ffn_down (layer i of n): Q2_K → Q3_K; IQ3_XXS without imatrix → Q4_K for i < n/8, else
 *   Q3_K; Q3_K_M → Q5_K for i < n/16, else Q4_K; Q3_K_L → Q5_K; Q4_K_M, Q5_K_M → Q6_K on
 *   use_more_bits layers; IQ4_XS without imatrix → Q5_K for i < n/8; Q4_K_S → Q5_K for i < n/8.
 * - attn_output: 8-expert models → Q5_K for Q2_K, IQ3_XXS, Q3_K_S/M, Q4_K_S/M, IQ4_XS;
 *   otherwise Q2_K → Q3_K, IQ3_XXS → IQ3_S, Q3_K_M → Q4_K, Q3_K_L → Q5_K.
 * - use_more_bits(i, n) = i < n/8 ∨ i ≥ 7n/8 ∨ (i − n/8) mod 3 = 2 (integer division): the
 *   first and last eighth of the layers and every third layer between.
 * - Fallback when a tensor's row (ne[0], its input width) is not a whole number of blocks:
 *   IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S, IQ4_XS → IQ4_NL; Q2_K, Q3_K → Q4_0; Q4_K → Q5_0;
 *   Q5_K → Q5_1; Q6_K → Q8_0; F16 when even 32 does not divide it. (Qwen2.5-72B's ffn_down,
 *   29,568 wide, is one: 29,568 / 256 = 115.5.)
 *
 * Tensors come in llama.cpp's order (by layer, then name), which drives the attn_v and
 * ffn_down counters. Bytes per tensor = rows × (ne[0] / block weights) × block bytes, block
 * sizes from ggml-common.h (lib/formats `FORMATS`, plus Q5_1, IQ2_S, IQ3_S, IQ4_NL below).
 * The GGUF header (metadata, tokenizer vocabulary: a few MB) and alignment padding are
 * not counted.
 */

/** The GGUF file types this module sizes, by the names on the download pages. */
export const GGUF_FILE_TYPES = [
  'Q2_K',
  'Q3_K_S',
  'Q3_K_M',
  'Q3_K_L',
  'Q4_K_S',
  'Q4_K_M',
  'Q5_K_S',
  'Q5_K_M',
  'Q6_K',
  'Q8_0',
  'IQ2_XXS',
  'IQ2_XS',
  'IQ3_XXS',
  'IQ4_XS',
] as const;

export type GgufFileType = (typeof GGUF_FILE_TYPES)[number];

/** GGML block types a file of {@link GGUF_FILE_TYPES} can contain. */
export type GgmlType =
  | 'F32'
  | 'F16'
  | 'Q4_0'
  | 'Q5_0'
  | 'Q5_1'
  | 'Q8_0'
  | 'Q2_K'
  | 'Q3_K'
  | 'Q4_K'
  | 'Q5_K'
  | 'Q6_K'
  | 'IQ2_XXS'
  | 'IQ2_XS'
  | 'IQ2_S'
  | 'IQ3_XXS'
  | 'IQ3_S'
  | 'IQ4_NL'
  | 'IQ4_XS';

/** One GGML block: `weights` values stored in `bytes`. */
export interface GgmlBlock {
  weights: number;
  bytes: number;
}

/**
 * Block types the weight-format catalog does not list, from ggml-common.h (commit 01243c5)
 * static_asserts: block_q5_1 = 2·2 + 4 + 32/2 = 24 B per 32; block_iq2_s = 2 + 256/4 + 256/16
 * = 82 B per 256; block_iq3_s = 2 + 13·256/32 + 256/64 = 110 B per 256; block_iq4_nl = 2 + 32/2
 * = 18 B per 32. F32 and F16 are 4 and 2 bytes per value.
 */
const EXTRA_BLOCKS: Readonly<Partial<Record<GgmlType, GgmlBlock>>> = {
  F32: { weights: 1, bytes: 4 },
  F16: { weights: 1, bytes: 2 },
  Q5_1: { weights: 32, bytes: 24 },
  IQ2_S: { weights: 256, bytes: 82 },
  IQ3_S: { weights: 256, bytes: 110 },
  IQ4_NL: { weights: 32, bytes: 18 },
};

/**
 * Weights and bytes of one block of a GGML type: from the GGUF entries of `FORMATS`
 * (their ggml-common.h fields), or {@link EXTRA_BLOCKS}.
 *
 * @example ggmlBlock('Q4_K') // { weights: 256, bytes: 144 }
 * @example ggmlBlock('IQ4_NL') // { weights: 32, bytes: 18 }
 */
export function ggmlBlock(type: GgmlType): GgmlBlock {
  const cached = BLOCKS.get(type);
  if (cached) return cached;
  let block: GgmlBlock | undefined;
  for (const format of FORMATS) {
    const s = format.storage;
    if (s.kind === 'gguf' && s.ggmlType === type) {
      block = { weights: s.blockWeights, bytes: ggufBlockBytes(s) };
      break;
    }
  }
  block ??= EXTRA_BLOCKS[type];
  if (!block) throw new Error(`No block size for GGML type ${type}`);
  BLOCKS.set(type, block);
  return block;
}

/** Block sizes already looked up (the catalog does not change at run time). */
const BLOCKS = new Map<GgmlType, GgmlBlock>();

/** What llama-quantize decides by (`tensor_category` in llama-quant.cpp). */
export type TensorCategory =
  | 'token_embd'
  | 'output'
  | 'attn_q'
  | 'attn_k'
  | 'attn_v'
  | 'attn_qkv'
  | 'attn_output'
  | 'ffn_gate'
  | 'ffn_up'
  | 'ffn_down'
  | 'other';

/** One tensor of a GGUF file, as llama.cpp names and shapes it. */
export interface GgufTensor {
  /** llama.cpp name, e.g. "blk.0.attn_v.weight". */
  name: string;
  /** Decoder layer, or null for token_embd, output and output_norm. */
  layer: number | null;
  category: TensorCategory;
  /** ne[0]: the row length (the input width of a projection), which the block size must divide. */
  rowElements: number;
  /** All elements (ne[0] · ne[1] · ne[2]). */
  elements: Params;
  /** Dimensions (1 for norms and biases). */
  dims: 1 | 2 | 3;
}

function categoryOf(name: string): TensorCategory {
  if (name === 'output.weight') return 'output';
  if (name === 'token_embd.weight') return 'token_embd';
  if (name.includes('attn_qkv.weight')) return 'attn_qkv';
  if (name.includes('attn_v.weight')) return 'attn_v';
  if (name.includes('attn_k.weight')) return 'attn_k';
  if (name.includes('attn_q.weight')) return 'attn_q';
  if (name.includes('attn_output.weight')) return 'attn_output';
  if (name.includes('ffn_up')) return 'ffn_up';
  if (name.includes('ffn_gate')) return 'ffn_gate';
  if (name.includes('ffn_down')) return 'ffn_down';
  return 'other';
}

/** Model types whose tensors {@link ggufTensors} lays out. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  deepseek_v2: 'multi-head latent attention (its attn_kv_a/kv_b tensors follow other rules)',
  deepseek_v3: 'multi-head latent attention (its attn_kv_a/kv_b tensors follow other rules)',
  kimi_k2: 'multi-head latent attention (its attn_kv_a/kv_b tensors follow other rules)',
  falcon: 'Falcon (llama.cpp gives it its own rules and a fused attn_qkv)',
  gpt_oss: 'gpt-oss (its experts ship as MXFP4, which llama.cpp keeps)',
};

/**
 * The tensors of a model's GGUF file, in llama.cpp's order (by layer, then name), with
 * llama.cpp's names and shapes (`convert_hf_to_gguf.py`, `llama-arch.cpp`):
 *
 *     token_embd [hidden, vocab] · output [hidden, vocab] (untied) · output_norm [hidden]
 *     per layer: attn_norm, ffn_norm (+ post-norms: normsPerLayer − 2) [hidden]
 *       attn_q [hidden, heads·d] · attn_k, attn_v [hidden, kvHeads·d] · attn_output [heads·d, hidden]
 *       (Phi-3: one attn_qkv [hidden, (heads + 2·kvHeads)·d]); q/k/v/o biases, q/k norms, sinks (1-D)
 *       dense: ffn_gate, ffn_up [hidden, ff] · ffn_down [ff, hidden] (Phi-3: ffn_up [hidden, 2·ff])
 *       MoE: ffn_gate_inp [hidden, experts] · ffn_{gate,up}_exps [hidden, ff, experts] ·
 *            ffn_down_exps [ff, hidden, experts] · ffn_{gate,up,down}_shexp (shared·ff wide)
 *
 * MoE layers are every `moeLayerStep`-th layer (Llama-4), else all but the first
 * `denseLayers`. The element total equals `countParams(spec).total`; a multimodal
 * checkpoint's vision tower goes to a separate mmproj file and is not listed.
 *
 * @throws {Error} for MLA (DeepSeek, Kimi-K2), Falcon and gpt-oss, whose files follow other rules.
 * @example ggufTensors(getModel('llama-3.1-8b').spec).length // 291 (2 + 1 + 32 × 9)
 */
export function ggufTensors(spec: ModelSpec): GgufTensor[] {
  const why = UNSUPPORTED[spec.modelType];
  const a = spec.attention;
  if (why || a.kind === 'mla') {
    throw new Error(
      `GGUF file sizes are modelled for models with separate q/k/v attention; ${spec.modelType} uses ${why ?? 'multi-head latent attention'}.`,
    );
  }
  const h = spec.hiddenSize;
  const tensors: GgufTensor[] = [];
  const add = (name: string, layer: number | null, shape: [number, ...number[]]) => {
    const elements = shape.reduce((x, y) => x * y, 1);
    tensors.push({
      name,
      layer,
      category: categoryOf(name),
      rowElements: shape[0],
      elements,
      dims: shape.length as 1 | 2 | 3,
    });
  };

  add('token_embd.weight', null, [h, spec.vocabSize]);
  add('output_norm.weight', null, [h]);
  if (!spec.tieWordEmbeddings) add('output.weight', null, [h, spec.vocabSize]);

  const fused = spec.modelType === 'phi3';
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const extraNorms = (spec.normsPerLayer ?? 2) - 2;
  const mlp = spec.mlp;
  for (let i = 0; i < spec.numLayers; i++) {
    const blk = `blk.${i}.`;
    add(`${blk}attn_norm.weight`, i, [h]);
    add(`${blk}ffn_norm.weight`, i, [h]);
    for (let n = 0; n < extraNorms; n++) add(`${blk}post_norm_${n}.weight`, i, [h]);
    if (fused) {
      add(`${blk}attn_qkv.weight`, i, [h, q + 2 * kv]);
      if (a.qkvBias) add(`${blk}attn_qkv.bias`, i, [q + 2 * kv]);
    } else {
      add(`${blk}attn_q.weight`, i, [h, q]);
      add(`${blk}attn_k.weight`, i, [h, kv]);
      add(`${blk}attn_v.weight`, i, [h, kv]);
      if (a.qkvBias) {
        add(`${blk}attn_q.bias`, i, [q]);
        add(`${blk}attn_k.bias`, i, [kv]);
        add(`${blk}attn_v.bias`, i, [kv]);
      }
    }
    add(`${blk}attn_output.weight`, i, [q, h]);
    if (a.outputBias === true) add(`${blk}attn_output.bias`, i, [h]);
    if (a.qkNormFull === true) {
      add(`${blk}attn_q_norm.weight`, i, [q]);
      add(`${blk}attn_k_norm.weight`, i, [kv]);
    } else if (a.qkNorm === true) {
      add(`${blk}attn_q_norm.weight`, i, [a.headDim]);
      add(`${blk}attn_k_norm.weight`, i, [a.headDim]);
    }
    if (a.sinks === true) add(`${blk}attn_sinks.weight`, i, [a.numHeads]);

    const isMoe =
      mlp.kind === 'moe' &&
      (spec.moeLayerStep !== undefined ? (i + 1) % spec.moeLayerStep === 0 : i >= mlp.denseLayers);
    if (mlp.kind === 'dense' || !isMoe) {
      const ff = mlp.kind === 'dense' ? mlp.intermediateSize : mlp.denseIntermediateSize;
      const gated = mlp.kind === 'moe' || mlp.gated !== false;
      if (fused) add(`${blk}ffn_up.weight`, i, [h, 2 * ff]);
      else {
        if (gated) add(`${blk}ffn_gate.weight`, i, [h, ff]);
        add(`${blk}ffn_up.weight`, i, [h, ff]);
      }
      add(`${blk}ffn_down.weight`, i, [ff, h]);
      if (mlp.kind === 'dense' && mlp.bias === true) {
        if (gated && !fused) add(`${blk}ffn_gate.bias`, i, [ff]);
        add(`${blk}ffn_up.bias`, i, [fused ? 2 * ff : ff]);
        add(`${blk}ffn_down.bias`, i, [h]);
      }
    } else {
      const e = mlp.numRoutedExperts;
      const ff = mlp.expertIntermediateSize;
      add(`${blk}ffn_gate_inp.weight`, i, [h, e]);
      if (mlp.routerBias === true) add(`${blk}ffn_gate_inp.bias`, i, [e]);
      if (mlp.routerCorrectionBias === true) add(`${blk}exp_probs_b.bias`, i, [e]);
      add(`${blk}ffn_gate_exps.weight`, i, [h, ff, e]);
      add(`${blk}ffn_up_exps.weight`, i, [h, ff, e]);
      add(`${blk}ffn_down_exps.weight`, i, [ff, h, e]);
      if (mlp.numSharedExperts > 0) {
        const sff = mlp.numSharedExperts * mlp.sharedExpertIntermediateSize;
        add(`${blk}ffn_gate_shexp.weight`, i, [h, sff]);
        add(`${blk}ffn_up_shexp.weight`, i, [h, sff]);
        add(`${blk}ffn_down_shexp.weight`, i, [sff, h]);
      }
    }
  }
  const layerKey = (t: GgufTensor) => t.layer ?? -1;
  return tensors.sort((x, y) => layerKey(x) - layerKey(y) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** `tensor_allows_quantization`: 2-D/3-D `*.weight` tensors, except norms and the MoE router. */
function quantizable(t: GgufTensor): boolean {
  return (
    t.dims >= 2 &&
    t.name.endsWith('weight') &&
    !t.name.includes('_norm.weight') &&
    !t.name.includes('ffn_gate_inp.weight')
  );
}

const BASE_TYPE: Readonly<Record<GgufFileType, GgmlType>> = {
  Q2_K: 'Q2_K',
  Q3_K_S: 'Q3_K',
  Q3_K_M: 'Q3_K',
  Q3_K_L: 'Q3_K',
  Q4_K_S: 'Q4_K',
  Q4_K_M: 'Q4_K',
  Q5_K_S: 'Q5_K',
  Q5_K_M: 'Q5_K',
  Q6_K: 'Q6_K',
  Q8_0: 'Q8_0',
  IQ2_XXS: 'IQ2_XXS',
  IQ2_XS: 'IQ2_XS',
  IQ3_XXS: 'IQ3_XXS',
  IQ4_XS: 'IQ4_XS',
};

/** `tensor_type_fallback`: the type used when the row is not a whole number of blocks of `type`. */
const FALLBACK: Readonly<Partial<Record<GgmlType, GgmlType>>> = {
  IQ2_XXS: 'IQ4_NL',
  IQ2_XS: 'IQ4_NL',
  IQ2_S: 'IQ4_NL',
  IQ3_XXS: 'IQ4_NL',
  IQ3_S: 'IQ4_NL',
  IQ4_XS: 'IQ4_NL',
  Q2_K: 'Q4_0',
  Q3_K: 'Q4_0',
  Q4_K: 'Q5_0',
  Q5_K: 'Q5_1',
  Q6_K: 'Q8_0',
};

/** llama.cpp's `use_more_bits(i, n)` = i < n/8 ∨ i ≥ 7n/8 ∨ (i − n/8) mod 3 = 2, in C integer division. */
export function getsMoreBits(layer: number, numLayers: number): boolean {
  const eighth = Math.trunc(numLayers / 8);
  return layer < eighth || layer >= Math.trunc((7 * numLayers) / 8) || (layer - eighth) % 3 === 2;
}

/** llama.cpp's size class "70B" (`llm_type`), which gets a larger attn_v: llama with 80 layers and GQA, qwen2 with 80 layers. */
function is70B(spec: ModelSpec, nExpert: number): boolean {
  if (spec.numLayers !== 80 || spec.attention.kind === 'mla') return false;
  if (spec.modelType === 'qwen2') return true;
  const llamaArch = spec.modelType === 'llama' || spec.modelType === 'mistral' || spec.modelType === 'mixtral';
  return llamaArch && nExpert !== 8 && spec.attention.numHeads !== spec.attention.numKvHeads;
}

interface QuantState {
  ftype: GgufFileType;
  nGqa: number;
  nExpert: number;
  is70B: boolean;
  imatrix: boolean;
  tied: boolean;
  nAttentionWv: number;
  nLayer: number;
  iAttentionWv: number;
  iFfnDown: number;
}

const IQ2_FAMILY: ReadonlySet<GgufFileType> = new Set(['IQ2_XXS', 'IQ2_XS']);

/** `llama_tensor_get_type_impl` for the file types of {@link GGUF_FILE_TYPES}. */
function chooseType(qs: QuantState, t: GgufTensor, base: GgmlType): GgmlType {
  const { ftype, nGqa, nExpert } = qs;
  let type = base;
  const cat = t.category;
  if (cat === 'output' || (qs.tied && cat === 'token_embd')) {
    if (t.rowElements % ggmlBlock(type).weights !== 0) return 'Q8_0';
    if (ftype === 'IQ2_XXS' || ftype === 'IQ2_XS' || ftype === 'IQ3_XXS') return 'Q5_K';
    return type === 'Q8_0' ? type : 'Q6_K';
  }
  if (cat === 'token_embd') {
    if (IQ2_FAMILY.has(ftype)) return 'Q2_K';
    if (ftype === 'IQ3_XXS') return 'IQ3_S';
    return type;
  }
  const attnVLike = cat === 'attn_v' || cat === 'attn_qkv';
  if (IQ2_FAMILY.has(ftype)) {
    if (attnVLike) {
      type = nGqa >= 4 || nExpert >= 4 ? 'Q4_K' : 'Q2_K';
      qs.iAttentionWv++;
    } else if (nExpert === 8 && cat === 'attn_k') type = 'Q4_K';
    else if (cat === 'ffn_down') {
      if (qs.iFfnDown < Math.trunc(qs.nLayer / 8)) type = 'Q2_K';
      qs.iFfnDown++;
    } else if (cat === 'attn_output' && nExpert === 8) type = 'Q5_K';
    return type;
  }
  if (attnVLike) {
    const i = qs.iAttentionWv;
    if (ftype === 'Q2_K') type = nGqa >= 4 ? 'Q4_K' : 'Q3_K';
    else if (ftype === 'IQ3_XXS') type = nGqa >= 4 ? 'Q4_K' : qs.imatrix ? 'IQ3_XXS' : 'IQ3_S';
    else if (ftype === 'Q3_K_M') type = i < 2 ? 'Q5_K' : 'Q4_K';
    else if (ftype === 'Q3_K_L') type = 'Q5_K';
    else if (ftype === 'IQ4_XS' && nGqa >= 4) type = 'Q5_K';
    else if ((ftype === 'Q4_K_M' || ftype === 'Q5_K_M') && getsMoreBits(i, qs.nAttentionWv)) type = 'Q6_K';
    else if (ftype === 'Q4_K_S' && i < 4) type = 'Q5_K';
    if (qs.is70B && (type === 'Q3_K' || type === 'Q4_K')) type = 'Q5_K';
    if (nExpert === 8) type = 'Q8_0';
    qs.iAttentionWv++;
    return type;
  }
  if (cat === 'attn_k') {
    if (nExpert === 8) return 'Q8_0';
    return ftype === 'IQ3_XXS' ? 'IQ2_S' : type;
  }
  if (cat === 'attn_q') return ftype === 'IQ3_XXS' ? 'IQ2_S' : type;
  if (cat === 'ffn_down') {
    // Several experts: the layer comes from the tensor's name; otherwise from the counter.
    const layer = nExpert > 1 ? (t.layer ?? 0) : qs.iFfnDown;
    const n = qs.nLayer;
    const eighth = Math.trunc(n / 8);
    if (ftype === 'Q2_K') type = 'Q3_K';
    else if (ftype === 'IQ3_XXS' && !qs.imatrix) type = layer < eighth ? 'Q4_K' : 'Q3_K';
    else if (ftype === 'Q3_K_M') type = layer < Math.trunc(n / 16) ? 'Q5_K' : 'Q4_K';
    else if (ftype === 'Q3_K_L') type = 'Q5_K';
    else if (ftype === 'Q4_K_M') {
      if (getsMoreBits(layer, n)) type = 'Q6_K';
    } else if (layer < eighth && ftype === 'IQ4_XS' && !qs.imatrix) type = 'Q5_K';
    else if (ftype === 'Q5_K_M' && getsMoreBits(layer, n)) type = 'Q6_K';
    else if (ftype === 'Q4_K_S' && layer < eighth) type = 'Q5_K';
    qs.iFfnDown++;
    return type;
  }
  if (cat === 'attn_output') {
    if (nExpert === 8) {
      const bumped: GgufFileType[] = ['Q2_K', 'IQ3_XXS', 'Q3_K_S', 'Q3_K_M', 'Q4_K_S', 'Q4_K_M', 'IQ4_XS'];
      return bumped.includes(ftype) ? 'Q5_K' : type;
    }
    if (ftype === 'Q2_K') return 'Q3_K';
    if (ftype === 'IQ3_XXS') return 'IQ3_S';
    if (ftype === 'Q3_K_M') return 'Q4_K';
    if (ftype === 'Q3_K_L') return 'Q5_K';
  }
  return type;
}

/** One tensor's decision. */
export interface GgufTensorPlan extends GgufTensor {
  type: GgmlType;
  bytes: Bytes;
  /** True when the row did not divide into blocks of the chosen type and a fallback type was used. */
  fellBack: boolean;
}

/** Parameters and bytes held in one GGML type. */
export interface GgufTypeShare {
  type: GgmlType;
  params: Params;
  bytes: Bytes;
}

/** A GGUF file of a model: its tensor bytes, effective bits per weight and the per-tensor breakdown. */
export interface GgufFileSize {
  fileType: GgufFileType;
  /** Sum of the tensors' bytes (the GGUF header, a few MB, is not counted). */
  totalBytes: Bytes;
  /** Every stored parameter: equals `countParams(spec).total`. */
  params: Params;
  /** totalBytes × 8 / params. */
  bitsPerWeight: number;
  tensors: GgufTensorPlan[];
  /** Bytes by GGML type, largest first. */
  byType: GgufTypeShare[];
}

/** Options for {@link ggufFileSize}. */
export interface GgufFileOptions {
  /**
   * Whether the file was made with an importance matrix (`--imatrix`). Default true: the
   * IQ2 types cannot be made without one, and the common uploaders use one for every type.
   * Without one, IQ4_XS keeps the first eighth of ffn_down at Q5_K and IQ3_XXS changes attn_v and ffn_down.
   */
  imatrix?: boolean;
}

/**
 * Bytes and effective bits per weight of a model's GGUF file of a given type, by replaying
 * llama.cpp's per-tensor rules (see the module comment) on {@link ggufTensors}:
 *
 *     bytes(tensor) = elements / blockWeights(type) × blockBytes(type)   (F32 for norms, biases, router)
 *     bitsPerWeight = Σ bytes × 8 / Σ elements
 *
 * @throws {Error} "Unknown GGUF file type: …" for a type outside {@link GGUF_FILE_TYPES}, and
 *   {@link ggufTensors}' error for MLA, Falcon and gpt-oss models.
 * @example ggufFileSize(getModel('llama-3.1-8b').spec, 'Q4_K_M').bitsPerWeight // ≈ 4.89
 */
export function ggufFileSize(spec: ModelSpec, fileType: GgufFileType, options: GgufFileOptions = {}): GgufFileSize {
  if (!(GGUF_FILE_TYPES as readonly string[]).includes(fileType)) {
    throw new Error(`Unknown GGUF file type: ${String(fileType)} (expected one of ${GGUF_FILE_TYPES.join(', ')})`);
  }
  const tensors = ggufTensors(spec);
  const a = spec.attention;
  const nExpert = spec.mlp.kind === 'moe' ? spec.mlp.numRoutedExperts : 0;
  const qs: QuantState = {
    ftype: fileType,
    nGqa: a.kind === 'mla' ? 1 : Math.trunc(a.numHeads / a.numKvHeads),
    nExpert,
    is70B: is70B(spec, nExpert),
    imatrix: options.imatrix ?? true,
    tied: !tensors.some((t) => t.category === 'output'),
    nAttentionWv: tensors.filter((t) => t.category === 'attn_v' || t.category === 'attn_qkv').length,
    nLayer: spec.numLayers,
    iAttentionWv: 0,
    iFfnDown: 0,
  };
  const base = BASE_TYPE[fileType];

  const plans: GgufTensorPlan[] = tensors.map((t) => {
    let type: GgmlType = 'F32';
    let fellBack = false;
    if (quantizable(t)) {
      type = chooseType(qs, t, base);
      if (t.rowElements % ggmlBlock(type).weights !== 0) {
        fellBack = true;
        const next = FALLBACK[type] ?? 'F16';
        type = t.rowElements % ggmlBlock(next).weights === 0 ? next : 'F16';
      }
    }
    const block = ggmlBlock(type);
    return { ...t, type, fellBack, bytes: (t.elements / block.weights) * block.bytes };
  });

  const totalBytes = plans.reduce((s, p) => s + p.bytes, 0);
  const params = plans.reduce((s, p) => s + p.elements, 0);
  const shares = new Map<GgmlType, GgufTypeShare>();
  for (const p of plans) {
    const share = shares.get(p.type) ?? { type: p.type, params: 0, bytes: 0 };
    share.params += p.elements;
    share.bytes += p.bytes;
    shares.set(p.type, share);
  }
  return {
    fileType,
    totalBytes,
    params,
    bitsPerWeight: (totalBytes * 8) / params,
    tensors: plans,
    byType: [...shares.values()].sort((x, y) => y.bytes - x.bytes),
  };
}

/** Prefix of the weight-format ids that name a GGUF file type ("gguf-file-q4_k_m"). */
export const GGUF_FILE_ID_PREFIX = 'gguf-file-';

/**
 * The weight-format id of a GGUF file type, for selects and URLs. Distinct from the base
 * block types' ids ("gguf-q4_k"), which stay what they were.
 *
 * @example ggufFileFormatId('Q4_K_M') // 'gguf-file-q4_k_m'
 */
export function ggufFileFormatId(fileType: GgufFileType): string {
  return `${GGUF_FILE_ID_PREFIX}${fileType.toLowerCase()}`;
}

/**
 * The GGUF file type a weight-format id names, or null when it names none.
 *
 * @example ggufFileTypeOfId('gguf-file-q4_k_m') // 'Q4_K_M'
 * @example ggufFileTypeOfId('gguf-q4_k') // null
 */
export function ggufFileTypeOfId(id: string): GgufFileType | null {
  if (!id.startsWith(GGUF_FILE_ID_PREFIX)) return null;
  const name = id.slice(GGUF_FILE_ID_PREFIX.length).toUpperCase();
  return (GGUF_FILE_TYPES as readonly string[]).includes(name) ? (name as GgufFileType) : null;
}

/** Where the per-tensor rules come from. */
export const GGUF_FILE_TYPE_SOURCES: readonly Source[] = [
  {
    id: 'llama-cpp-llama-quant-cpp',
    note: 'llama_tensor_get_type_impl, tensor_type_fallback, llama_ftype_get_default_type, tensor_allows_quantization',
    status: 'verified',
  },
  { id: 'llama-cpp-ggml-common-h', note: 'Block structs of Q5_1, IQ2_S, IQ3_S, IQ4_NL', status: 'verified' },
  {
    id: 'llama-cpp-convert-hf-to-gguf',
    note: '1-D tensors, norms and ffn_gate_inp are written as F32',
    status: 'verified',
  },
];
