import { quantizeInt8Absmax } from '../quant/quantize-int8-absmax';
import type { LabModel, LinearLayer } from './model';

/**
 * The lab model's forward pass in plain TypeScript (typed arrays, no DOM), the
 * same computation as `bench/lab/labmodel.py` `forward_eval`. Activations are
 * stored as float32 (as torch computes them); every dot product and sum is
 * accumulated in float64 (JavaScript numbers), so results agree with torch's
 * float32 to about 1e−6 relative, not bit for bit.
 */

/**
 * Keys and values of the positions already processed, per layer, so that
 * generating token t+1 attends to tokens 0…t without recomputing them
 * ("KV cache"). Holds at most `contextTokens` positions.
 */
export interface KvCache {
  /** Per layer: [contextTokens, dModel] keys, rows 0 … length−1 filled. */
  readonly keys: Float32Array[];
  readonly values: Float32Array[];
  /** Positions filled (= the position of the next token). */
  length: number;
}

/** An empty KV cache for `model`. */
export function createKvCache(model: LabModel): KvCache {
  const { nLayers, contextTokens, dModel } = model.config;
  const size = contextTokens * dModel;
  return {
    keys: Array.from({ length: nLayers }, () => new Float32Array(size)),
    values: Array.from({ length: nLayers }, () => new Float32Array(size)),
    length: 0,
  };
}

/** Called with each linear layer's input (rows × inFeatures, row-major) before any smoothing or quantization. */
export type LinearInputHook = (layer: LinearLayer, x: Float32Array, rows: number) => void;

/**
 * y[r, o] = Σ_i x[r, i] · W[o, i] for rows r < `rows`: x [rows, in], W [out, in]
 * (both row-major), y [rows, out]. Each sum runs over i in order, in float64,
 * so a row's result does not depend on how many rows are computed together
 * (the KV cache relies on this). Tiles of 4 rows × 4 outputs share each load
 * of x and W between 16 sums: measured in Node 20 on this project's 2-core
 * dev VM, 2.3 GFLOP/s against 1.4 for 1 row × 4 outputs (best of 12 runs of
 * a 256 × 256 by 768 × 256 product).
 */
export function matmulTransposed(
  x: Float32Array,
  rows: number,
  w: Float32Array,
  outFeatures: number,
  inFeatures: number,
  y: Float32Array,
): void {
  const inF = inFeatures;
  const outF = outFeatures;
  const o4 = outF - (outF % 4);
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const xa = r * inF;
    const xb = xa + inF;
    const xc = xb + inF;
    const xd = xc + inF;
    const ya = r * outF;
    for (let o = 0; o < o4; o += 4) {
      const w0 = o * inF;
      const w1 = w0 + inF;
      const w2 = w1 + inF;
      const w3 = w2 + inF;
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        b0 = 0,
        b1 = 0,
        b2 = 0,
        b3 = 0;
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0,
        d0 = 0,
        d1 = 0,
        d2 = 0,
        d3 = 0;
      for (let i = 0; i < inF; i++) {
        const u = x[xa + i] as number;
        const v = x[xb + i] as number;
        const s = x[xc + i] as number;
        const t = x[xd + i] as number;
        const p0 = w[w0 + i] as number;
        const p1 = w[w1 + i] as number;
        const p2 = w[w2 + i] as number;
        const p3 = w[w3 + i] as number;
        a0 += u * p0;
        a1 += u * p1;
        a2 += u * p2;
        a3 += u * p3;
        b0 += v * p0;
        b1 += v * p1;
        b2 += v * p2;
        b3 += v * p3;
        c0 += s * p0;
        c1 += s * p1;
        c2 += s * p2;
        c3 += s * p3;
        d0 += t * p0;
        d1 += t * p1;
        d2 += t * p2;
        d3 += t * p3;
      }
      y[ya + o] = a0;
      y[ya + o + 1] = a1;
      y[ya + o + 2] = a2;
      y[ya + o + 3] = a3;
      const yb = ya + outF;
      y[yb + o] = b0;
      y[yb + o + 1] = b1;
      y[yb + o + 2] = b2;
      y[yb + o + 3] = b3;
      const yc = yb + outF;
      y[yc + o] = c0;
      y[yc + o + 1] = c1;
      y[yc + o + 2] = c2;
      y[yc + o + 3] = c3;
      const yd = yc + outF;
      y[yd + o] = d0;
      y[yd + o + 1] = d1;
      y[yd + o + 2] = d2;
      y[yd + o + 3] = d3;
    }
    for (let o = o4; o < outF; o++)
      for (let k = 0; k < 4; k++) y[ya + k * outF + o] = dot(x, xa + k * inF, w, o * inF, inF);
  }
  for (; r < rows; r++) {
    const xo = r * inF;
    const yo = r * outF;
    let o = 0;
    for (; o < o4; o += 4) {
      const w0 = o * inF;
      const w1 = w0 + inF;
      const w2 = w1 + inF;
      const w3 = w2 + inF;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < inF; i++) {
        const xv = x[xo + i] as number;
        s0 += xv * (w[w0 + i] as number);
        s1 += xv * (w[w1 + i] as number);
        s2 += xv * (w[w2 + i] as number);
        s3 += xv * (w[w3 + i] as number);
      }
      y[yo + o] = s0;
      y[yo + o + 1] = s1;
      y[yo + o + 2] = s2;
      y[yo + o + 3] = s3;
    }
    for (; o < outF; o++) y[yo + o] = dot(x, xo, w, o * inF, inF);
  }
}

/** Σ_i a[ao + i] · b[bo + i] for i < n, in float64. */
function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[ao + i] as number) * (b[bo + i] as number);
  return s;
}

/**
 * Applies one (possibly quantized) linear layer to `rows` rows of x:
 *   x' = x / s (per input channel, if the layer has SmoothQuant `smoothing` s),
 *   x' = INT8 per-token fake quantization of x' (if `actQuant` is 'int8-per-token':
 *        lib/quant `quantizeInt8Absmax` with one block per row, x̂ = round(x / (absmax/127)) · absmax/127),
 *   y  = x' Wᵀ.
 */
export function applyLinear(
  layer: LinearLayer,
  x: Float32Array,
  rows: number,
  y: Float32Array,
  hook?: LinearInputHook,
): void {
  const n = rows * layer.inFeatures;
  if (hook) hook(layer, x.subarray(0, n), rows);
  let input = x;
  if (layer.smoothing) {
    const s = layer.smoothing;
    const inF = layer.inFeatures;
    input = new Float32Array(n);
    for (let i = 0; i < n; i++) input[i] = (x[i] as number) / (s[i % inF] as number);
  }
  if (layer.actQuant === 'int8-per-token')
    input = quantizeInt8Absmax(input.subarray(0, n), { blockSize: layer.inFeatures }).dequantized;
  matmulTransposed(input, rows, layer.weight, layer.outFeatures, layer.inFeatures, y);
}

/** y = x / √(mean(x²) + ε) · w, per row (RMSNorm: Zhang & Sennrich, arXiv 1910.07467). */
export function rmsNorm(x: Float32Array, rows: number, d: number, w: Float32Array, eps: number, y: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let ss = 0;
    for (let i = 0; i < d; i++) ss += (x[o + i] as number) ** 2;
    const inv = 1 / Math.sqrt(ss / d + eps);
    for (let i = 0; i < d; i++) y[o + i] = (x[o + i] as number) * inv * (w[i] as number);
  }
}

const GELU_C = Math.sqrt(2 / Math.PI);

/** GELU, tanh form: 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³))) (Hendrycks & Gimpel, arXiv 1606.08415; torch `gelu(approximate='tanh')`). */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + Math.tanh(GELU_C * (x + 0.044715 * x * x * x)));
}

/**
 * Runs `tokens` through the model at positions cache.length, cache.length+1, …
 * and returns their logits, [tokens.length, vocabSize] row-major. Each
 * token attends to every earlier position: those in `cache` (whose keys and
 * values are reused, not recomputed) and the earlier ones among `tokens`.
 * The cache is extended with the new positions. Without a cache, a fresh one
 * is used: the logits of a whole window at once.
 *
 * @throws {RangeError} if a token is not an integer in [0, vocabSize) or the positions would pass contextTokens
 */
export function forward(
  model: LabModel,
  tokens: ArrayLike<number>,
  cache: KvCache = createKvCache(model),
  hook?: LinearInputHook,
): Float32Array {
  const { dModel: d, nHeads, dMlp, vocabSize: V, contextTokens: C, normEps } = model.config;
  const T = tokens.length;
  const start = cache.length;
  if (T === 0) throw new RangeError('tokens must hold at least one token');
  if (start + T > C)
    throw new RangeError(`positions ${start}…${start + T - 1} pass the model's context of ${C} tokens`);
  const hd = d / nHeads;
  const scale = 1 / Math.sqrt(hd);

  const h = new Float32Array(T * d);
  for (let t = 0; t < T; t++) {
    const tok = tokens[t] as number;
    if (!(Number.isInteger(tok) && tok >= 0 && tok < V))
      throw new RangeError(`tokens[${t}] must be an integer from 0 to ${V - 1} (got ${tok})`);
    for (let i = 0; i < d; i++)
      h[t * d + i] = (model.tokEmb[tok * d + i] as number) + (model.posEmb[(start + t) * d + i] as number);
  }
  const normed = new Float32Array(T * d);
  const qkv = new Float32Array(T * 3 * d);
  const att = new Float32Array(T * d);
  const proj = new Float32Array(T * d);
  const mlp = new Float32Array(T * dMlp);
  const scores = new Float64Array(C);
  const acc = new Float64Array(hd);

  model.blocks.forEach((block, layer) => {
    rmsNorm(h, T, d, block.norm1, normEps, normed);
    applyLinear(block.qkv, normed, T, qkv, hook);
    const K = cache.keys[layer] as Float32Array;
    const Vc = cache.values[layer] as Float32Array;
    for (let t = 0; t < T; t++) {
      K.set(qkv.subarray(t * 3 * d + d, t * 3 * d + 2 * d), (start + t) * d);
      Vc.set(qkv.subarray(t * 3 * d + 2 * d, t * 3 * d + 3 * d), (start + t) * d);
    }
    // Causal attention: position p = start + t attends to positions 0 … p.
    for (let t = 0; t < T; t++) {
      const p = start + t;
      for (let head = 0; head < nHeads; head++) {
        const qo = t * 3 * d + head * hd;
        let max = -Infinity;
        for (let j = 0; j <= p; j++) {
          const ko = j * d + head * hd;
          let s = 0;
          for (let i = 0; i < hd; i++) s += (qkv[qo + i] as number) * (K[ko + i] as number);
          s *= scale;
          scores[j] = s;
          if (s > max) max = s;
        }
        let sum = 0;
        for (let j = 0; j <= p; j++) {
          const e = Math.exp((scores[j] as number) - max);
          scores[j] = e;
          sum += e;
        }
        // Σ_j p_j v_j, walking each value row in memory order.
        acc.fill(0);
        for (let j = 0; j <= p; j++) {
          const pj = scores[j] as number;
          const vo = j * d + head * hd;
          for (let i = 0; i < hd; i++) acc[i] = (acc[i] as number) + pj * (Vc[vo + i] as number);
        }
        const ao = t * d + head * hd;
        for (let i = 0; i < hd; i++) att[ao + i] = (acc[i] as number) / sum;
      }
    }
    applyLinear(block.attnProj, att, T, proj, hook);
    for (let i = 0; i < T * d; i++) h[i] = (h[i] as number) + (proj[i] as number);
    rmsNorm(h, T, d, block.norm2, normEps, normed);
    applyLinear(block.mlpFc, normed, T, mlp, hook);
    for (let i = 0; i < T * dMlp; i++) mlp[i] = geluTanh(mlp[i] as number);
    applyLinear(block.mlpProj, mlp, T, proj, hook);
    for (let i = 0; i < T * d; i++) h[i] = (h[i] as number) + (proj[i] as number);
  });
  cache.length = start + T;
  rmsNorm(h, T, d, model.normF, normEps, normed);
  const logits = new Float32Array(T * V);
  matmulTransposed(normed, T, model.tokEmb, V, d, logits);
  return logits;
}
