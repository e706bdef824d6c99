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
    };

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
}
