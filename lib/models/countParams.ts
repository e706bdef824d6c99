import type { Attention, Mlp, ModelSpec, ParamCounts } from './types';

/**
 * Parameters of one decoder layer's attention projections (biases included, norms
 * not: those are counted in `norms`).
 *
 * - MHA/GQA/MQA (transformers `LlamaAttention`, `Qwen2Attention`, `GemmaAttention`):
 *   q: hidden → heads·d, k and v: hidden → kvHeads·d, o: heads·d → hidden.
 * - MLA (DeepSeek `inference/model.py` class `MLA`; transformers `DeepseekV2Attention`):
 *   q: hidden → qLora → heads·(nope+rope) (or hidden → heads·(nope+rope) when
 *   qLoraRank is null), kv_a: hidden → kvLora + rope, kv_b: kvLora → heads·(nope+v),
 *   o: heads·v → hidden.
 *
 * @example
 * // Llama-3.1-70B: q 8192·8192 + k 8192·1024 + v 8192·1024 + o 8192·8192
 * attentionParamsPerLayer(getModel('llama-3.1-70b').spec.attention, 8192) // 150_994_944
 * // DeepSeek-V3: wq_a 7168·1536 + wq_b 1536·128·192 + wkv_a 7168·576 + wkv_b 512·128·256 + wo 16384·7168
 * attentionParamsPerLayer(getModel('deepseek-v3').spec.attention, 7168)  // 187_105_280
 */
export function attentionParamsPerLayer(attention: Attention, hiddenSize: number): number {
  if (attention.kind === 'mla') {
    const { numHeads, kvLoraRank, qLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim } = attention;
    const bias = attention.bias === true;
    const qkHeadDim = qkNopeHeadDim + qkRopeHeadDim;
    const q =
      qLoraRank === null
        ? hiddenSize * numHeads * qkHeadDim // q_proj (bias=False even with attention_bias)
        : hiddenSize * qLoraRank + (bias ? qLoraRank : 0) + qLoraRank * numHeads * qkHeadDim; // q_a_proj, q_b_proj
    const kvA = hiddenSize * (kvLoraRank + qkRopeHeadDim) + (bias ? kvLoraRank + qkRopeHeadDim : 0);
    const kvB = kvLoraRank * numHeads * (qkNopeHeadDim + vHeadDim);
    const o = numHeads * vHeadDim * hiddenSize + (bias ? hiddenSize : 0);
    return q + kvA + kvB + o;
  }
  const qWidth = attention.numHeads * attention.headDim;
  const kvWidth = attention.numKvHeads * attention.headDim;
  const weights = hiddenSize * qWidth + 2 * hiddenSize * kvWidth + qWidth * hiddenSize;
  const qkvBias = attention.qkvBias ? qWidth + 2 * kvWidth : 0;
  const oBias = attention.outputBias === true ? hiddenSize : 0;
  const sinks = attention.sinks === true ? attention.numHeads : 0; // gpt-oss: one sink logit per head
  return weights + qkvBias + oBias + sinks;
}

/**
 * Gate, up and down projections of one SwiGLU/GeGLU MLP of width `intermediateSize`:
 * 3 · hidden · intermediate (+ 2 · intermediate + hidden with biases).
 *
 * @example gatedMlpParams(8192, 28672) // 704_643_072 (one Llama-3.1-70B layer)
 */
export function gatedMlpParams(hiddenSize: number, intermediateSize: number, bias = false): number {
  return 3 * hiddenSize * intermediateSize + (bias ? 2 * intermediateSize + hiddenSize : 0);
}

/**
 * Parameters of one dense MLP: {@link gatedMlpParams} when gated (the default), else the
 * plain two-matrix MLP, 2 · hidden · intermediate (+ intermediate + hidden with biases;
 * Falcon `dense_h_to_4h`/`dense_4h_to_h`, transformers `modeling_falcon.py` `FalconMLP`).
 */
function denseMlpParams(hiddenSize: number, mlp: Extract<Mlp, { kind: 'dense' }>): number {
  const bias = mlp.bias === true;
  if (mlp.gated === false)
    return 2 * hiddenSize * mlp.intermediateSize + (bias ? mlp.intermediateSize + hiddenSize : 0);
  return gatedMlpParams(hiddenSize, mlp.intermediateSize, bias);
}

/** Router weights of one MoE layer: a hidden → experts linear (no bias), plus DeepSeek-V3's correction bias. */
function routerParams(mlp: Extract<Mlp, { kind: 'moe' }>, hiddenSize: number): number {
  const biases = (mlp.routerCorrectionBias === true ? 1 : 0) + (mlp.routerBias === true ? 1 : 0);
  return mlp.numRoutedExperts * (hiddenSize + biases);
}

/** RMSNorm weights inside one layer's attention block (MLA latent norms, Qwen3 q/k norms). */
function attentionNormParamsPerLayer(attention: Attention): number {
  if (attention.kind === 'mla') return attention.kvLoraRank + (attention.qLoraRank ?? 0); // kv_a_layernorm, q_a_layernorm
  if (attention.qkNormFull === true) return (attention.numHeads + attention.numKvHeads) * attention.headDim; // OLMo-2
  return attention.qkNorm === true ? 2 * attention.headDim : 0; // q_norm, k_norm (per head)
}

/**
 * Counts a decoder-only transformer's parameters from its shape, exactly.
 *
 *     total  = embedding + lmHead + attention + mlp + norms
 *     embedding = vocab · hidden;  lmHead = tied ? 0 : vocab · hidden
 *     attention = layers · (q + k + v + o projections, biases included)
 *     mlp (dense) = layers · 3 · hidden · intermediate
 *     mlp (MoE)   = denseLayers · 3 · hidden · denseIntermediate
 *                 + moeLayers · (experts · 3 · hidden · expertIntermediate
 *                                + shared · 3 · hidden · sharedIntermediate
 *                                + experts · hidden [router] (+ experts [V3 correction bias]))
 *     norms  = layers · normsPerLayer · hidden + hidden [final norm] + MLA latent / q-k norms
 *              (× 2 for LayerNorms with a bias: Falcon)
 *
 * Variants: attention sinks add `heads` per layer (gpt-oss); gpt-oss routers and experts
 * carry biases (router: experts; each expert: 2 · expertIntermediate + hidden); Falcon's MLP
 * is ungated (2 · hidden · intermediate); OLMo-2's q/k norms span the whole projection.
 * Multimodal checkpoints report their vision tower and projector in `vision`, outside
 * `total`, which stays the language model's count.
 *
 * `active` is what one token touches: everything except the routed experts it was
 * not sent to, i.e. embedding + lmHead + attention + norms + dense layers + per
 * MoE layer (top-k routed experts + shared experts + router). Memory needs `total`;
 * decode reads `active` per token. (DeepSeek's "37B activated" leaves out the input
 * embedding, which is a row lookup, not a matmul: 37.55B − 0.93B = 36.6B, the figure in
 * DeepSeek-V3's README_WEIGHTS.md.)
 *
 * Layer structure: transformers `modeling_llama.py`, `modeling_qwen2.py`,
 * `modeling_mixtral.py`, `modeling_gemma2.py` (4 norms per layer); DeepSeek-V3
 * `inference/model.py` (MLA, Gate, MoE) and transformers `modular_deepseek_v2.py`.
 * The MTP module of DeepSeek-V3 (`num_nextn_predict_layers`) is not counted: it is a
 * training/speculative-decoding add-on outside the 61 layers.
 *
 * Results are exact integers for every real model (well under 2^53 ≈ 9.0e15).
 *
 * @example
 * countParams(getModel('llama-3.1-70b').spec).total // 70_553_706_496
 * countParams(getModel('mixtral-8x7b').spec)        // { total: 46_702_792_704, active: 12_879_925_248, … }
 */
export function countParams(model: ModelSpec): ParamCounts {
  const { hiddenSize, numLayers, vocabSize, attention, mlp } = model;
  const normsPerLayer = model.normsPerLayer ?? 2;

  const embedding = vocabSize * hiddenSize;
  const lmHead = model.tieWordEmbeddings ? 0 : vocabSize * hiddenSize;
  const attentionParams = numLayers * attentionParamsPerLayer(attention, hiddenSize);
  const normWidth = model.normBias === true ? 2 * hiddenSize : hiddenSize; // LayerNorm: weight and bias
  const norms = numLayers * (normsPerLayer * normWidth + attentionNormParamsPerLayer(attention)) + normWidth;

  let mlpParams: number;
  let activeMlpParams: number;
  if (mlp.kind === 'dense') {
    mlpParams = numLayers * denseMlpParams(hiddenSize, mlp);
    activeMlpParams = mlpParams;
  } else {
    const moeLayers = numLayers - mlp.denseLayers;
    const dense = mlp.denseLayers * gatedMlpParams(hiddenSize, mlp.denseIntermediateSize);
    // gpt-oss experts: gate_up_proj_bias (2 · intermediate) and down_proj_bias (hidden) per expert.
    const expertBias = mlp.expertBias === true ? 2 * mlp.expertIntermediateSize + hiddenSize : 0;
    const expert = gatedMlpParams(hiddenSize, mlp.expertIntermediateSize) + expertBias;
    const shared = mlp.numSharedExperts * gatedMlpParams(hiddenSize, mlp.sharedExpertIntermediateSize);
    const router = routerParams(mlp, hiddenSize);
    mlpParams = dense + moeLayers * (mlp.numRoutedExperts * expert + shared + router);
    activeMlpParams = dense + moeLayers * (mlp.expertsPerToken * expert + shared + router);
  }

  const shared = embedding + lmHead + attentionParams + norms;
  return {
    total: shared + mlpParams,
    active: shared + activeMlpParams,
    embedding,
    lmHead,
    attention: attentionParams,
    mlp: mlpParams,
    norms,
    ...(model.vision ? { vision: { tower: model.vision.tower, projector: model.vision.projector } } : {}),
  };
}
