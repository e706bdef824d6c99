import { parseSafetensors } from './safetensors';

/**
 * The accuracy lab's small language model: a decoder-only transformer over
 * bytes, defined in `bench/lab/labmodel.py` (which trains and exports it) and
 * computed here in the browser. Pre-norm blocks, no biases:
 *
 *   h = tokEmb[x] + posEmb[position]
 *   per block:  h += attn.proj(causalAttention(attn.qkv(rmsNorm(h, norm1))))
 *               h += mlp.proj(gelu(mlp.fc(rmsNorm(h, norm2))))
 *   logits = rmsNorm(h, normF) · tokEmbᵀ            (LM head tied to the embedding)
 *
 * Only the four linear layers per block are quantized; the embeddings (and so
 * the tied LM head) and the norms stay at the file's fp16 precision.
 */
export interface LabConfig {
  /** Vocabulary: 256, the byte values of UTF-8 text. */
  readonly vocabSize: number;
  /** Longest sequence the model attends over (learned positions), in tokens. */
  readonly contextTokens: number;
  readonly dModel: number;
  readonly nLayers: number;
  readonly nHeads: number;
  /** Width of the MLP's hidden layer. */
  readonly dMlp: number;
  /** RMSNorm's ε. */
  readonly normEps: number;
}

/** How a linear layer's input is quantized before the matmul, if at all. */
export type ActivationQuant = 'int8-per-token';

/**
 * One linear layer y = x Wᵀ with W stored [outFeatures, inFeatures] row-major
 * (torch `nn.Linear` layout), plus what a quantized variant adds:
 * `smoothing` s (SmoothQuant: the input is divided by s per input channel,
 * and W is expected to have been multiplied by s) and `actQuant`.
 */
export interface LinearLayer {
  /** `blocks.{i}.attn.qkv`, `blocks.{i}.attn.proj`, `blocks.{i}.mlp.fc` or `blocks.{i}.mlp.proj`. */
  readonly name: string;
  readonly outFeatures: number;
  readonly inFeatures: number;
  readonly weight: Float32Array;
  readonly actQuant: ActivationQuant | null;
  readonly smoothing: Float32Array | null;
}

export interface LabBlock {
  readonly norm1: Float32Array;
  readonly qkv: LinearLayer;
  readonly attnProj: LinearLayer;
  readonly norm2: Float32Array;
  readonly mlpFc: LinearLayer;
  readonly mlpProj: LinearLayer;
}

export interface LabModel {
  readonly config: LabConfig;
  /** [vocabSize, dModel]; also the LM head. */
  readonly tokEmb: Float32Array;
  /** [contextTokens, dModel]. */
  readonly posEmb: Float32Array;
  readonly blocks: readonly LabBlock[];
  readonly normF: Float32Array;
  /** The file's `__metadata__` (corpus, licence, seed, …). */
  readonly metadata: Readonly<Record<string, string>>;
}

/** The linear layers of a block, in forward order, with their field names. */
export const BLOCK_LINEARS = [
  ['qkv', 'attn.qkv'],
  ['attnProj', 'attn.proj'],
  ['mlpFc', 'mlp.fc'],
  ['mlpProj', 'mlp.proj'],
] as const;

/** Every linear layer of the model in forward order (4 per block). */
export function linearLayers(model: LabModel): LinearLayer[] {
  return model.blocks.flatMap((b) => BLOCK_LINEARS.map(([field]) => b[field]));
}

/**
 * Parameters of a model with this config (tied LM head counted once):
 * V·d + C·d (embeddings) + L·(3d² + d² + 2·d·d_mlp + 2d) + d.
 *
 * @example parameterCount({ vocabSize: 256, contextTokens: 256, dModel: 256, nLayers: 3, nHeads: 4, dMlp: 768, normEps: 1e-5 }) // 2098944
 */
export function parameterCount(c: LabConfig): number {
  const d = c.dModel;
  return c.vocabSize * d + c.contextTokens * d + c.nLayers * (4 * d * d + 2 * d * c.dMlp + 2 * d) + d;
}

const LIMITS = { vocabSize: 65536, contextTokens: 8192, dModel: 4096, nLayers: 64, nHeads: 256, dMlp: 16384 };

function parseConfig(json: string | undefined): LabConfig {
  if (json === undefined) throw new RangeError('weights file has no __metadata__.config: not a lab model');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new RangeError('weights file __metadata__.config is not valid JSON');
  }
  const int = (key: string, max: number): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max)
      throw new RangeError(`model config ${key} must be an integer from 1 to ${max} (got ${String(v)})`);
    return v;
  };
  const config: LabConfig = {
    vocabSize: int('vocab_size', LIMITS.vocabSize),
    contextTokens: int('context_tokens', LIMITS.contextTokens),
    dModel: int('d_model', LIMITS.dModel),
    nLayers: int('n_layers', LIMITS.nLayers),
    nHeads: int('n_heads', LIMITS.nHeads),
    dMlp: int('d_mlp', LIMITS.dMlp),
    normEps: typeof raw.norm_eps === 'number' && raw.norm_eps > 0 && raw.norm_eps < 1 ? raw.norm_eps : NaN,
  };
  if (Number.isNaN(config.normEps))
    throw new RangeError(`model config norm_eps must be a number between 0 and 1 (got ${String(raw.norm_eps)})`);
  if (config.dModel % config.nHeads !== 0)
    throw new RangeError(`model config d_model (${config.dModel}) must be a multiple of n_heads (${config.nHeads})`);
  return config;
}

/**
 * Reads a lab model from its safetensors bytes (see `parseSafetensors`),
 * checking that every tensor the config implies is there with its shape
 * and holds only finite values.
 *
 * @throws {RangeError} for a malformed file, a missing or misshapen tensor, or a NaN/∞ weight, naming it
 */
export function loadLabModel(bytes: Uint8Array): LabModel {
  const file = parseSafetensors(bytes);
  const config = parseConfig(file.metadata.config);
  const { vocabSize: V, contextTokens: C, dModel: d, dMlp: m } = config;
  const take = (name: string, shape: number[]): Float32Array => {
    const t = file.tensors.get(name);
    if (!t) throw new RangeError(`weights file has no tensor ${name}`);
    if (t.shape.length !== shape.length || t.shape.some((s, i) => s !== shape[i])) {
      throw new RangeError(`tensor ${name} has shape [${t.shape.join(', ')}], the config needs [${shape.join(', ')}]`);
    }
    for (let i = 0; i < t.data.length; i++) {
      const v = t.data[i] as number;
      if (v - v !== 0) throw new RangeError(`tensor ${name}[${i}] must be finite (got ${v})`);
    }
    return t.data;
  };
  const linear = (name: string, outFeatures: number, inFeatures: number): LinearLayer => ({
    name,
    outFeatures,
    inFeatures,
    weight: take(name, [outFeatures, inFeatures]),
    actQuant: null,
    smoothing: null,
  });
  const blocks: LabBlock[] = [];
  for (let i = 0; i < config.nLayers; i++) {
    const p = `blocks.${i}.`;
    blocks.push({
      norm1: take(`${p}norm1`, [d]),
      qkv: linear(`${p}attn.qkv`, 3 * d, d),
      attnProj: linear(`${p}attn.proj`, d, d),
      norm2: take(`${p}norm2`, [d]),
      mlpFc: linear(`${p}mlp.fc`, m, d),
      mlpProj: linear(`${p}mlp.proj`, d, m),
    });
  }
  return {
    config,
    tokEmb: take('tok_emb', [V, d]),
    posEmb: take('pos_emb', [C, d]),
    blocks,
    normF: take('norm_f', [d]),
    metadata: file.metadata,
  };
}
