import type { ComputeDtype, Source } from '../hardware/types';
import type { Quantity } from '../units';

/** Storage cost of one weight, in bits, scales and zero-points included. */
export type BitsPerWeight = Quantity<'bits/weight'>;

/** What one field of a GGUF block holds: the quantised values, their scales, their mins, or the scales of those scales. */
export type BitRole = 'payload' | 'scale' | 'zeroPoint' | 'secondLevel';

/** One field of a GGML block struct, as declared in llama.cpp's ggml-common.h. */
export interface GgufField {
  /** Field name(s) in the struct, e.g. "qs" or "d, dmin". */
  name: string;
  bytes: number;
  role: BitRole;
  /** What the bytes hold, when the struct packs several things into one array. */
  note?: string;
}

/**
 * How a format stores each weight. A discriminated union: each kind carries exactly
 * the fields that determine its bits per weight, so `bitsPerWeight` is computed from
 * the layout, never typed in.
 */
export type WeightStorage =
  /** Plain IEEE/brain floats: the width is the cost. */
  | { kind: 'float'; dtype: 'fp32' | 'bf16' | 'fp16' }
  /** 8-bit floats with a higher-precision scale per tensor or per output channel. */
  | {
      kind: 'fp8';
      dtype: 'fp8-e4m3' | 'fp8-e5m2';
      /** 'tensor': one scale per weight matrix; 'channel': one per output row. */
      scaleGranularity: 'tensor' | 'channel';
      scaleBits: number;
    }
  /** Affine integers: q = clamp(round(w/s) + z); one scale (and zero-point) per group of weights along the input dimension. */
  | {
      kind: 'integer';
      bits: number;
      /** Weights sharing one scale; 'channel' = the whole output row (in_features weights). */
      groupSize: number | 'channel';
      scaleBits: number;
      /** Bits stored per group for the zero-point; 0 when none is stored (symmetric formats). */
      zeroPointBits: number;
    }
  /** A 16-entry lookup table (NF4, bitsandbytes FP4) scaled by a per-block absmax. */
  | {
      kind: 'codebook';
      codebook: 'nf4' | 'fp4';
      blockSize: number;
      absmaxBits: number;
      /** QLoRA double quantisation: the absmax values are themselves quantised in blocks. */
      doubleQuant: null | { blockSize: number; codeBits: number; secondLevelAbsmaxBits: number };
    }
  /**
   * Block-scaled FP4: blocks of E2M1 elements sharing one scale — OCP MXFP4 (32 per
   * power-of-two E8M0 scale) or NVIDIA NVFP4 (16 per FP8 E4M3 scale, plus one FP32
   * scale per tensor, negligible per weight).
   */
  | { kind: 'microscaling'; element: 'fp4-e2m1'; blockSize: number; scaleBits: number; scaleDtype: 'e8m0' | 'e4m3' }
  /** A GGML block type: `blockWeights` weights stored in the listed fields. */
  | { kind: 'gguf'; ggmlType: string; blockWeights: number; fields: readonly GgufField[] };

export interface WeightFormat {
  /** Stable kebab-case id, e.g. "int4-g128", "gguf-q4_k". */
  id: string;
  name: string;
  /** One line on what it is, for the UI. */
  summary: string;
  storage: WeightStorage;
  /**
   * The dtype the matmul runs in: weight-only formats (W8A16, W4A16, NF4, GGUF)
   * dequantise to 16 bits; W8A8 formats run INT8/FP8 tensor cores. On a GPU without
   * tensor cores for it, the kernel falls back to 16 bits (lib/perf).
   */
  computeDtype: ComputeDtype;
  /**
   * Whether the input embedding and lm_head stay at 16 bits while the linear layers
   * use this format (GPTQ, AWQ, bitsandbytes and llm-compressor checkpoints do). False
   * for GGUF (it quantises them, usually to a higher type in `_M` mixes) and for the
   * plain float formats (everything is stored at their width).
   */
  embeddingsAt16Bit: boolean;
  /** Things a reader must know before trusting a number made from this format. */
  caveats: readonly string[];
  sources: readonly Source[];
}

/** A KV-cache element format. Independent of the weight format. */
export interface KvFormat {
  id: string;
  name: string;
  /** Bits per cached K or V element, not counting any per-block scales. */
  bitsPerElement: number;
  summary: string;
  sources: readonly Source[];
}

/** The bits of one weight, split by what they pay for, for the "show the work" panel. */
export interface BitsBreakdown {
  /** The quantised value itself (4 for INT4). */
  payloadBits: number;
  /** Scales (or absmax values) per weight. */
  scaleBits: number;
  /** Zero-points (GGUF: sub-block mins) per weight. */
  zeroPointBits: number;
  /** Scales of the scales (double quantisation, GGUF super-block scales) per weight. */
  secondLevelBits: number;
  /** payloadBits + scaleBits + zeroPointBits + secondLevelBits. */
  totalBits: BitsPerWeight;
  /** The arithmetic, e.g. "4 + 16/128 + 4/128 = 4.15625". */
  formula: string;
  /** Assumptions behind the numbers (per-channel scales treated as free, …). */
  assumptions: readonly string[];
}
