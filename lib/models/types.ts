import type { Params } from '../units';

/**
 * Attention block shape. A discriminated union: MLA has no KV heads to count.
 *
 * Fields marked optional default to `false`/absent, so a hand-written spec for a
 * plain Llama-style model needs only the required ones.
 */
export type Attention =
  | {
      /** Standard multi-head attention with `numKvHeads` K/V heads: MHA when equal to `numHeads`, MQA when 1, GQA otherwise. */
      kind: 'mha' | 'gqa' | 'mqa';
      numHeads: number;
      numKvHeads: number;
      /** Per-head width. Equal to hidden/heads unless the config says otherwise (Gemma: 256 ≠ 3072/16). */
      headDim: number;
      /** Q, K and V projections carry a bias (Qwen2: always; Llama/Mistral: when `attention_bias` is true). */
      qkvBias: boolean;
      /** The output projection carries a bias (Llama/Mistral with `attention_bias: true`; never Qwen2). Default false. */
      outputBias?: boolean;
      /** Per-head RMSNorm on queries and keys, `headDim` weights each (Qwen3 `q_norm`/`k_norm`). Default false. */
      qkNorm?: boolean;
      /**
       * RMSNorm over the whole query and key projections instead, `numHeads·headDim` and
       * `numKvHeads·headDim` weights (OLMo-2 `q_norm`/`k_norm`). Default false.
       */
      qkNormFull?: boolean;
      /**
       * Learned attention-sink logits, one per attention head per layer (gpt-oss `self.sinks`).
       * They are parameters, not cached tokens: they add nothing to the KV cache. Default false.
       */
      sinks?: boolean;
    }
  | {
      /** Multi-head latent attention (DeepSeek-V2/V3): K and V are rebuilt from a cached low-rank latent. */
      kind: 'mla';
      numHeads: number;
      /** Width of the compressed KV latent (cached). */
      kvLoraRank: number;
      /** Width of the compressed query latent; null when queries are not compressed (V2-Lite). */
      qLoraRank: number | null;
      qkNopeHeadDim: number;
      /** Decoupled RoPE key width, shared by all heads (cached beside the latent). */
      qkRopeHeadDim: number;
      vHeadDim: number;
      /** `attention_bias`: q_a_proj, kv_a_proj_with_mqa and o_proj carry a bias (false in every released DeepSeek model). Default false. */
      bias?: boolean;
    };

/** Feed-forward block shape. */
export type Mlp =
  | {
      kind: 'dense';
      /** SwiGLU/GeGLU width: gate, up (hidden → intermediate) and down (intermediate → hidden). */
      intermediateSize: number;
      /** `mlp_bias`: gate, up and down projections carry a bias (Llama option, false in Meta's releases). Default false. */
      bias?: boolean;
      /**
       * false for a plain two-matrix MLP (up hidden → intermediate, down intermediate → hidden;
       * Falcon `dense_h_to_4h`/`dense_4h_to_h`). Default true: gated SwiGLU/GeGLU (gate, up, down).
       */
      gated?: boolean;
    }
  | {
      kind: 'moe';
      numRoutedExperts: number;
      /** Routed experts chosen per token (top-k). */
      expertsPerToken: number;
      /** Width of one routed expert's SwiGLU. */
      expertIntermediateSize: number;
      /** Always-on shared experts (DeepSeek); 0 for Mixtral. */
      numSharedExperts: number;
      /** Width of one shared expert's SwiGLU. */
      sharedExpertIntermediateSize: number;
      /**
       * How many layers use a dense MLP of width `denseIntermediateSize` instead of
       * experts (DeepSeek: the first `first_k_dense_replace`, plus any skipped by
       * `moe_layer_freq`); 0 for Mixtral.
       */
      denseLayers: number;
      denseIntermediateSize: number;
      /**
       * The router also stores a per-expert score-correction bias
       * (`e_score_correction_bias`, DeepSeek-V3's `topk_method: "noaux_tc"`). Default false.
       */
      routerCorrectionBias?: boolean;
      /** The router linear has a bias, one per expert (gpt-oss `router.bias`). Default false. */
      routerBias?: boolean;
      /** Every routed expert's gate/up and down projections carry biases (gpt-oss `gate_up_proj_bias`, `down_proj_bias`). Default false. */
      expertBias?: boolean;
    };

/**
 * What one decoder layer attends to, and so how many tokens its KV cache must hold.
 *
 * - `full`: every earlier token (the cache grows with the context).
 * - `sliding`: the last `windowTokens` tokens (Mistral-7B-v0.1, Gemma-2/3 local layers, gpt-oss even layers).
 * - `chunked`: tokens of the same `chunkTokens`-long chunk only (Llama-4 local layers,
 *   `attention_chunk_size`), so at most `chunkTokens` tokens.
 */
export type LayerAttention =
  { kind: 'full' } | { kind: 'sliding'; windowTokens: number } | { kind: 'chunked'; chunkTokens: number };

/** Parameters of a multimodal checkpoint outside its language model, counted separately. */
export interface VisionParams {
  /** The vision encoder (Gemma-3: SigLIP; Llama-4: its ViT with the pixel-shuffle adapter). */
  tower: number;
  /** The projector from vision features to the language model's hidden size. */
  projector: number;
  /** Which encoder layout was counted, e.g. "siglip", "llama4". */
  kind: string;
}

/** A decoder-only transformer, as described by its Hugging Face `config.json`. */
export interface ModelSpec {
  /** `model_type` from the config, e.g. "llama", "qwen2", "mixtral", "deepseek_v3". */
  modelType: string;
  hiddenSize: number;
  numLayers: number;
  vocabSize: number;
  /** Input embedding and output head share one matrix. */
  tieWordEmbeddings: boolean;
  attention: Attention;
  mlp: Mlp;
  /** Longest context the config declares (`max_position_embeddings`), in tokens. */
  maxContextTokens: number;
  /**
   * Hidden-size RMSNorm weight vectors per decoder layer: 2 (before attention and
   * before the MLP) for Llama-style models, 4 for Gemma-2 (a second norm after each
   * sub-block). Default 2.
   */
  normsPerLayer?: number;
  /**
   * Layers that attend only to the last `windowTokens` tokens, so their KV cache
   * stops growing there (Gemma-2: every other layer, 4,096; Mistral-7B-v0.1: all
   * layers, 4,096). Absent when every layer attends to the whole context.
   */
  slidingWindow?: { windowTokens: number; numLayers: number };
  /**
   * Per-layer attention, `numLayers` entries, when the layers differ (Gemma-3 5 local : 1
   * global, Llama-4 3 chunked : 1 full, gpt-oss sliding/full alternation). Absent when every
   * layer is full, or every windowed layer shares one window (then `slidingWindow` says it all).
   * When present, `slidingWindow` summarises it: the windowed (sliding or chunked) layer count
   * and the largest window, which is what the older whole-model helpers cap at.
   */
  layerAttention?: readonly LayerAttention[];
  /** The norms are LayerNorms with a bias as well as a weight (Falcon). Default false (RMSNorm). */
  normBias?: boolean;
  /**
   * Some layers use a dense MLP of `mlp.denseIntermediateSize` interleaved among the MoE layers
   * (Llama-4 Maverick `interleave_moe_layer_step: 2`); counted by `mlp.denseLayers` like DeepSeek's
   * leading dense layers. Informational only.
   */
  moeLayerStep?: number;
  /** Vision tower and projector of a multimodal checkpoint (not part of the text counts). */
  vision?: VisionParams;
}

/** Parameter counts, in parameters. `total = embedding + lmHead + attention + mlp + norms`. */
export interface ParamCounts {
  /** Every stored parameter (MoE: all experts). */
  total: Params;
  /** Parameters touched for one token (MoE: shared + top-k routed experts only). Equals total for dense models. */
  active: Params;
  /** Input embedding matrix. */
  embedding: Params;
  /** Output projection (0 when tied to the embedding). */
  lmHead: Params;
  /** All attention projections over all layers (biases included). */
  attention: Params;
  /** All MLP / expert / router weights over all layers. */
  mlp: Params;
  /** RMSNorm weights (per layer, final, MLA latent norms, Qwen3 q/k norms). */
  norms: Params;
  /** Multimodal checkpoints: vision tower and projector, not included in `total` (the text model's count). */
  vision?: { tower: Params; projector: Params };
}
