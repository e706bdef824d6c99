import { quantizeAffine } from '../quant/quantize-affine';
import { quantizeInt8Absmax } from '../quant/quantize-int8-absmax';
import { quantizeNF4 } from '../quant/quantize-nf4';
import { forward, type LinearInputHook } from './forward';
import { evaluationWindows } from './metrics';
import { BLOCK_LINEARS, type ActivationQuant, type LabBlock, type LabModel, type LinearLayer } from './model';

/**
 * Quantized variants of the lab model. A quantization method is a function
 * from one linear layer's weight (and, for methods that need it, that
 * layer's input activations on a calibration text) to what the forward pass
 * uses instead:
 *
 *   (W, calibration?) → { weight: Ŵ (dequantized, [out, in]), actQuant?, smoothing? }
 *
 * so GPTQ, AWQ and SmoothQuant are `LabQuantizer`s too (lib/lab/calibrated.ts),
 * without touching the forward pass. `smoothing` s means: the layer divides its
 * input by s per input channel before quantizing it, and Ŵ already holds
 * W·diag(s) in this [out, in] layout (SmoothQuant, Xiao et al., arXiv 2211.10438:
 * Y = (X diag(s)⁻¹)·(diag(s) W) with W stored [in, out] there).
 *
 * Quantized: the four linear layers of every block (attn.qkv, attn.proj,
 * mlp.fc, mlp.proj), as weight-only methods quantize the linear layers of
 * LLMs. Kept at the file's fp16: the token and position embeddings, the
 * LM head (tied to the token embedding) and the norms.
 */

/** A linear layer's weight as a quantizer sees it. */
export interface LinearWeight {
  readonly name: string;
  readonly outFeatures: number;
  readonly inFeatures: number;
  /** [outFeatures, inFeatures] row-major (torch nn.Linear layout). Do not modify. */
  readonly weight: Float32Array;
}

/** A linear layer's inputs on a calibration text: `rows` tokens × inFeatures, row-major (see `captureLinearInputs`). */
export interface CalibrationInputs {
  readonly rows: number;
  readonly inFeatures: number;
  readonly x: Float32Array;
}

/** What replaces a linear layer in the quantized model. */
export interface LinearQuantization {
  /** Ŵ, [outFeatures, inFeatures]: the dequantized weights the matmul uses. */
  readonly weight: Float32Array;
  /** Quantize the layer's input too (W8A8). */
  readonly actQuant?: ActivationQuant;
  /** Per-input-channel divisor applied to the input first (SmoothQuant); Ŵ must already include it. */
  readonly smoothing?: Float32Array;
}

export type LinearQuantizeFn = (w: LinearWeight, calibration?: CalibrationInputs) => LinearQuantization;

/** A quantization method of the lab. */
export interface LabQuantizer {
  /** Stable id, also used by `bench/lab/quantref.py` FORMATS and the fixtures. */
  readonly id: string;
  readonly label: string;
  /** Whether `quantizeLinear` needs `calibration` (GPTQ, AWQ, SmoothQuant do). */
  readonly needsCalibration: boolean;
  readonly quantizeLinear: LinearQuantizeFn;
}

/** Groups along the input dimension, as GPTQ does (`groupsize` 128), and NF4's bitsandbytes default block. */
export const RTN_GROUP_SIZE = 128;
export const NF4_BLOCK_SIZE = 64;

/**
 * Asymmetric round-to-nearest in groups of `groupSize` along each row (one
 * scale and zero point per group, lib/quant `quantizeAffine`). Groups never
 * straddle two rows: when the row length is not a multiple of the group
 * size, each row is quantized on its own and its last group is partial.
 */
export function rtnRowGroups(w: LinearWeight, bits: number, groupSize = RTN_GROUP_SIZE): Float32Array {
  if (w.inFeatures % groupSize === 0) return quantizeAffine(w.weight, { bits, groupSize }).dequantized;
  const out = new Float32Array(w.weight.length);
  for (let r = 0; r < w.outFeatures; r++) {
    const row = w.weight.subarray(r * w.inFeatures, (r + 1) * w.inFeatures);
    out.set(quantizeAffine(row, { bits, groupSize }).dequantized, r * w.inFeatures);
  }
  return out;
}

/** INT8 absmax with one scale per output channel (row): lib/quant `quantizeInt8Absmax`, blockSize = inFeatures. */
export function int8PerChannel(w: LinearWeight): Float32Array {
  return quantizeInt8Absmax(w.weight, { blockSize: w.inFeatures }).dequantized;
}

const rtn = (bits: number): LabQuantizer => ({
  id: `int${bits}-g${RTN_GROUP_SIZE}`,
  label: `INT${bits} RTN, group ${RTN_GROUP_SIZE}`,
  needsCalibration: false,
  quantizeLinear: (w) => ({ weight: rtnRowGroups(w, bits) }),
});

/**
 * The methods that need no calibration, all from lib/quant:
 * - `int8`: INT8 absmax per output channel (LLM.int8()'s vector-wise weights, without its outlier split);
 * - `w8a8`: the same weights, and each token's input row quantized to INT8 absmax on the fly (per-token
 *   dynamic activation quantization, without SmoothQuant's smoothing);
 * - `nf4`: NF4 in blocks of 64 over the flattened weight (bitsandbytes `quantize_4bit` defaults, no double quantization);
 * - `int4-g128`, `int3-g128`, `int2-g128`: asymmetric RTN per group of 128 (GPTQ's quantizer without its error feedback).
 */
export const BUILTIN_QUANTIZERS: readonly LabQuantizer[] = [
  {
    id: 'int8',
    label: 'INT8 per channel',
    needsCalibration: false,
    quantizeLinear: (w) => ({ weight: int8PerChannel(w) }),
  },
  {
    id: 'w8a8',
    label: 'W8A8 (INT8 weights per channel, INT8 activations per token)',
    needsCalibration: false,
    quantizeLinear: (w) => ({ weight: int8PerChannel(w), actQuant: 'int8-per-token' }),
  },
  {
    id: 'nf4',
    label: 'NF4, block 64',
    needsCalibration: false,
    quantizeLinear: (w) => ({ weight: quantizeNF4(w.weight, { blockSize: NF4_BLOCK_SIZE }).dequantized }),
  },
  rtn(4),
  rtn(3),
  rtn(2),
];

/**
 * The model with every block's linear layers replaced by `quantizer`'s
 * output (embeddings, LM head and norms shared with `model`, unchanged).
 * `calibration` maps layer names to their inputs (`captureLinearInputs`);
 * it is required when the quantizer needs it. `blocks`: quantize only the
 * blocks with these indices (the others are kept as they are in `model`),
 * for calibrating block by block (lib/lab/calibrated.ts).
 *
 * @throws {RangeError} if a quantizer needing calibration gets none for a layer, or returns a weight of the wrong size
 */
export function quantizeModel(
  model: LabModel,
  quantizer: LabQuantizer,
  calibration?: ReadonlyMap<string, CalibrationInputs>,
  { blocks: only }: { blocks?: readonly number[] } = {},
): LabModel {
  const replace = (layer: LinearLayer): LinearLayer => {
    const cal = calibration?.get(layer.name);
    if (quantizer.needsCalibration && !cal)
      throw new RangeError(`${quantizer.label} needs calibration inputs for ${layer.name}`);
    const q = quantizer.quantizeLinear(
      { name: layer.name, outFeatures: layer.outFeatures, inFeatures: layer.inFeatures, weight: layer.weight },
      cal,
    );
    if (!(q.weight instanceof Float32Array) || q.weight.length !== layer.weight.length) {
      throw new RangeError(
        `${quantizer.label} returned ${q.weight?.length} weights for ${layer.name}, which has ${layer.weight.length}`,
      );
    }
    if (q.smoothing && q.smoothing.length !== layer.inFeatures) {
      throw new RangeError(
        `${quantizer.label} returned ${q.smoothing.length} smoothing factors for ${layer.name}, which has ${layer.inFeatures} inputs`,
      );
    }
    return { ...layer, weight: q.weight, actQuant: q.actQuant ?? null, smoothing: q.smoothing ?? null };
  };
  const blocks = model.blocks.map((b, i) => {
    if (only && !only.includes(i)) return b;
    const nb: Record<string, unknown> = { ...b };
    for (const [field] of BLOCK_LINEARS) nb[field] = replace(b[field]);
    return nb as unknown as LabBlock;
  });
  return { ...model, blocks };
}

/**
 * Records each linear layer's input activations while `model` reads
 * `tokens` (non-overlapping windows, as in evaluation), for calibrated
 * methods: GPTQ's Hessian 2XXᵀ, AWQ's mean |x| per channel, SmoothQuant's
 * max |x| per channel. Inputs are taken before any smoothing or activation
 * quantization of that layer. Only the first `maxTokens` tokens are fed
 * (memory: 4 bytes × tokens × Σ inFeatures; for the 2.1 M-parameter model,
 * 1,024 tokens ≈ 19 MB).
 *
 * Inputs are those of `model` as given: pass the full-precision model for
 * one-shot calibration, or a partly quantized one to calibrate layer by
 * layer on quantized inputs, as GPTQ's reference code does.
 */
export function captureLinearInputs(
  model: LabModel,
  tokens: ArrayLike<number>,
  { maxTokens = 1024 } = {},
): Map<string, CalibrationInputs> {
  const n = Math.min(tokens.length, maxTokens + 1);
  const parts = new Map<string, { inFeatures: number; chunks: Float32Array[]; rows: number }>();
  const hook: LinearInputHook = (layer, x, rows) => {
    const p = parts.get(layer.name) ?? { inFeatures: layer.inFeatures, chunks: [], rows: 0 };
    p.chunks.push(x.slice());
    p.rows += rows;
    parts.set(layer.name, p);
  };
  for (const w of evaluationWindows(n, model.config.contextTokens)) {
    forward(model, Array.prototype.slice.call(tokens, w.start, w.end) as number[], undefined, hook);
  }
  const out = new Map<string, CalibrationInputs>();
  for (const [name, p] of parts) {
    const x = new Float32Array(p.rows * p.inFeatures);
    let o = 0;
    for (const c of p.chunks) {
      x.set(c, o);
      o += c.length;
    }
    out.set(name, { rows: p.rows, inFeatures: p.inFeatures, x });
  }
  return out;
}
