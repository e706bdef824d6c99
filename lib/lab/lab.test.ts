import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantizeInt8Absmax } from '../quant/quantize-int8-absmax';
import { randomModelBytes, SMALL_RANDOM_CONFIG } from './fixtures/random-model';
import { createKvCache, forward, geluTanh, matmulTransposed } from './forward';
import { continuePrompt, argmaxRow } from './generate';
import { compareToReference, evaluateTokens, evaluationWindows } from './metrics';
import { linearLayers, loadLabModel, parameterCount } from './model';
import { encodeSafetensorsF16, parseSafetensors } from './safetensors';
import {
  BUILTIN_QUANTIZERS,
  captureLinearInputs,
  quantizeModel,
  rtnRowGroups,
  type LabQuantizer,
} from './quantize-model';
import { decodeTokens, encodeText } from './tokenizer';

// A seeded random model (lib/lab/fixtures/random-model.ts): context 16, d 32, 2 layers, 2 heads, MLP 96.
const model = loadLabModel(randomModelBytes());
const C = SMALL_RANDOM_CONFIG.context_tokens;
const V = 256;
const text = 'In the beginning God created the heaven and the earth.\n';
const tokens = encodeText(text);

describe('loadLabModel(bytes)', () => {
  it('reads the config and tensors; the parameter count is V·d + C·d + L·(4d² + 2·d·d_mlp + 2d) + d', () => {
    expect(model.config).toEqual({
      vocabSize: 256,
      contextTokens: 16,
      dModel: 32,
      nLayers: 2,
      nHeads: 2,
      dMlp: 96,
      normEps: 1e-5,
    });
    // 256·32 + 16·32 + 2·(4·1024 + 2·32·96 + 2·32) + 32 = 8192 + 512 + 2·10304 + 32 = 29,344
    expect(parameterCount(model.config)).toBe(29344);
    expect(linearLayers(model).map((l) => l.name)).toEqual([
      'blocks.0.attn.qkv',
      'blocks.0.attn.proj',
      'blocks.0.mlp.fc',
      'blocks.0.mlp.proj',
      'blocks.1.attn.qkv',
      'blocks.1.attn.proj',
      'blocks.1.mlp.fc',
      'blocks.1.mlp.proj',
    ]);
  });

  it('counts the shipped model\'s parameters: 2,098,944 (bench/lab/labmodel.py param_count for the "lab" preset)', () => {
    expect(
      parameterCount({
        vocabSize: 256,
        contextTokens: 256,
        dModel: 256,
        nLayers: 3,
        nHeads: 4,
        dMlp: 768,
        normEps: 1e-5,
      }),
    ).toBe(2098944);
  });

  it('names a missing or misshapen tensor, a bad config and a non-finite weight', () => {
    expect(() => loadLabModel(randomModelBytes(7, SMALL_RANDOM_CONFIG, 'blocks.1.mlp.fc'))).toThrow(
      'weights file has no tensor blocks.1.mlp.fc',
    );
    expect(() => loadLabModel(randomModelBytes(7, { ...SMALL_RANDOM_CONFIG, n_heads: 3 }))).toThrow(
      'model config d_model (32) must be a multiple of n_heads (3)',
    );
    expect(() => loadLabModel(randomModelBytes(7, { ...SMALL_RANDOM_CONFIG, n_layers: 0 }))).toThrow(
      'model config n_layers must be an integer from 1 to 64 (got 0)',
    );
    const bytes = randomModelBytes();
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(0, true)));
    // Overwrite the first fp16 of norm_f (the last tensor) with NaN (0x7e00).
    const start = 8 + header.length + (JSON.parse(header).norm_f.data_offsets[0] as number);
    const nan = bytes.slice();
    nan[start] = 0x00;
    nan[start + 1] = 0x7e;
    expect(() => loadLabModel(nan)).toThrow('tensor norm_f[0] must be finite (got NaN)');
    // The same tensors under a config that says d_mlp = 95.
    const file = parseSafetensors(randomModelBytes());
    const relabelled = encodeSafetensorsF16(
      [...file.tensors].map(([name, t]) => ({ name, shape: t.shape, data: t.data })),
      { config: JSON.stringify({ ...SMALL_RANDOM_CONFIG, d_mlp: 95 }) },
    );
    expect(() => loadLabModel(relabelled)).toThrow(
      'tensor blocks.0.mlp.fc has shape [96, 32], the config needs [95, 32]',
    );
    expect(() => loadLabModel(encodeSafetensorsF16([{ name: 'w', shape: [1], data: [1] }]))).toThrow(
      'weights file has no __metadata__.config: not a lab model',
    );
  });
});

describe('forward pass', () => {
  it('matmulTransposed computes x Wᵀ (hand example) for any number of outputs (the unrolled and the leftover path)', () => {
    // x = [[1, 2]], W = [[1, 0], [0, 1], [1, 1], [2, −1], [3, 3]] → [1, 2, 3, 0, 9]
    const y = new Float32Array(5);
    matmulTransposed(Float32Array.of(1, 2), 1, Float32Array.of(1, 0, 0, 1, 1, 1, 2, -1, 3, 3), 5, 2, y);
    expect(Array.from(y)).toEqual([1, 2, 3, 0, 9]);
  });

  it('matmulTransposed equals a plain triple loop for every tile remainder (rows and outputs 1 … 9)', () => {
    const r = (k: number) => Math.fround(Math.sin(k * 12.9898) * 3);
    for (let rows = 1; rows <= 9; rows++) {
      for (let out = 1; out <= 9; out++) {
        const inF = 7;
        const x = Float32Array.from({ length: rows * inF }, (_, k) => r(k));
        const w = Float32Array.from({ length: out * inF }, (_, k) => r(k + 1000));
        const y = new Float32Array(rows * out);
        matmulTransposed(x, rows, w, out, inF, y);
        for (let a = 0; a < rows; a++) {
          for (let o = 0; o < out; o++) {
            let s = 0;
            for (let i = 0; i < inF; i++) s += (x[a * inF + i] as number) * (w[o * inF + i] as number);
            expect(y[a * out + o]).toBe(Math.fround(s));
          }
        }
      }
    }
  });

  it("geluTanh has GELU's values: 0 at 0, ≈ x for large x, ≈ 0 for very negative x, 0.8412 at 1 (tanh form)", () => {
    expect(geluTanh(0)).toBe(0);
    expect(geluTanh(10)).toBeCloseTo(10, 12);
    expect(geluTanh(-10)).toBeCloseTo(0, 12);
    // 0.5 · (1 + tanh(√(2/π) · 1.044715)) = 0.5 · (1 + tanh(0.833562)) = 0.5 · 1.682383 = 0.841192
    expect(geluTanh(1)).toBeCloseTo(0.841192, 6);
  });

  it('gives the same logits token by token with the KV cache as for the whole window at once', () => {
    const window = Array.from(tokens.subarray(0, C));
    const all = forward(model, window);
    const cache = createKvCache(model);
    for (let t = 0; t < C; t++) {
      const one = forward(model, [window[t] as number], cache);
      expect(Array.from(one)).toEqual(Array.from(all.subarray(t * V, (t + 1) * V)));
    }
    expect(cache.length).toBe(C);
    expect(() => forward(model, [1], cache)).toThrow("positions 16…16 pass the model's context of 16 tokens");
  });

  it("is causal: changing a later token never changes an earlier position's logits (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 2, maxLength: C }),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (seq, k, tok) => {
          const at = 1 + (k % (seq.length - 1));
          const changed = seq.slice();
          changed[at] = tok;
          const a = forward(model, seq);
          const b = forward(model, changed);
          expect(Array.from(b.subarray(0, at * V))).toEqual(Array.from(a.subarray(0, at * V)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('rejects tokens outside the vocabulary and an empty input', () => {
    expect(() => forward(model, [256])).toThrow('tokens[0] must be an integer from 0 to 255 (got 256)');
    expect(() => forward(model, [1.5])).toThrow('tokens[0] must be an integer from 0 to 255 (got 1.5)');
    expect(() => forward(model, [])).toThrow('tokens must hold at least one token');
  });
});

describe('tokenizer', () => {
  it('is UTF-8 bytes both ways; a broken sequence decodes to U+FFFD', () => {
    expect(Array.from(encodeText('In é'))).toEqual([73, 110, 32, 0xc3, 0xa9]);
    expect(decodeTokens(encodeText('In é'))).toBe('In é');
    expect(decodeTokens([0xc3])).toBe('\uFFFD');
    expect(() => decodeTokens([300])).toThrow('tokens[0] must be an integer from 0 to 255 (got 300)');
  });
});

describe('evaluation', () => {
  it('cuts n tokens into non-overlapping windows of C inputs covering the n − 1 predictions', () => {
    expect(evaluationWindows(600, 256)).toEqual([
      { start: 0, end: 256 },
      { start: 256, end: 512 },
      { start: 512, end: 599 },
    ]);
    expect(evaluationWindows(2, 256)).toEqual([{ start: 0, end: 1 }]);
    expect(() => evaluationWindows(1, 256)).toThrow('the text must have at least 2 tokens to predict one (got 1)');
  });

  it('computes perplexity as exp(mean −log p(next token)), checked against a direct forward of each window', () => {
    const ev = evaluateTokens(model, tokens);
    expect(ev.predictions).toBe(tokens.length - 1);
    let nll = 0;
    for (const w of evaluationWindows(tokens.length, C)) {
      const logits = forward(model, Array.from(tokens.subarray(w.start, w.end)));
      for (let t = 0; t < w.end - w.start; t++) {
        const row = Array.from(logits.subarray(t * V, (t + 1) * V));
        const lse = Math.log(row.reduce((s, z) => s + Math.exp(z), 0));
        nll -= (row[tokens[w.start + t + 1] as number] as number) - lse;
      }
    }
    expect(ev.meanNllNats).toBeCloseTo(nll / ev.predictions, 9);
    expect(ev.perplexity).toBeCloseTo(Math.exp(nll / ev.predictions), 6);
  });

  it('finds no flips and zero KL against itself, and a KL ≥ 0 against any quantized variant', () => {
    const ref = evaluateTokens(model, tokens);
    expect(compareToReference(ref, ref)).toEqual({ flips: 0, flipRate: 0, klMeanNats: 0 });
    for (const q of BUILTIN_QUANTIZERS) {
      const c = compareToReference(evaluateTokens(quantizeModel(model, q), tokens), ref);
      expect(c.klMeanNats).toBeGreaterThan(0);
      expect(c.flipRate).toBe(c.flips / ref.predictions);
    }
    expect(() => compareToReference(evaluateTokens(model, tokens.subarray(0, 10)), ref)).toThrow(
      /must be on the same tokens/,
    );
  });

  it('orders the RTN bit widths as expected on this model: KL(2-bit) > KL(3-bit) > KL(4-bit) > KL(INT8)', () => {
    const ref = evaluateTokens(model, tokens);
    const kl = (id: string) =>
      compareToReference(
        evaluateTokens(
          quantizeModel(
            model,
            BUILTIN_QUANTIZERS.find((q) => q.id === id)!,
          ),
          tokens,
        ),
        ref,
      ).klMeanNats;
    const [k2, k3, k4, k8] = ['int2-g128', 'int3-g128', 'int4-g128', 'int8'].map(kl) as [
      number,
      number,
      number,
      number,
    ];
    expect(k2).toBeGreaterThan(k3);
    expect(k3).toBeGreaterThan(k4);
    expect(k4).toBeGreaterThan(k8);
  });
});

describe('quantized variants', () => {
  it('replace only the linear layers; embeddings, norms and config are shared', () => {
    const q = quantizeModel(model, BUILTIN_QUANTIZERS[0]!);
    expect(q.tokEmb).toBe(model.tokEmb);
    expect(q.blocks[0]!.norm1).toBe(model.blocks[0]!.norm1);
    expect(q.blocks[0]!.qkv.weight).not.toBe(model.blocks[0]!.qkv.weight);
    expect(model.blocks[0]!.qkv.actQuant).toBeNull(); // the original is untouched
  });

  it('INT8 per channel = lib/quant quantizeInt8Absmax with one block per row; W8A8 adds per-token activation quantization', () => {
    const layer = model.blocks[1]!.mlpProj;
    const int8 = quantizeModel(
      model,
      BUILTIN_QUANTIZERS.find((q) => q.id === 'int8')!,
    );
    expect(Array.from(int8.blocks[1]!.mlpProj.weight)).toEqual(
      Array.from(quantizeInt8Absmax(layer.weight, { blockSize: 96 }).dequantized),
    );
    const w8a8 = quantizeModel(
      model,
      BUILTIN_QUANTIZERS.find((q) => q.id === 'w8a8')!,
    );
    expect(w8a8.blocks[1]!.mlpProj.actQuant).toBe('int8-per-token');
    expect(Array.from(forward(w8a8, [1, 2, 3]))).not.toEqual(Array.from(forward(int8, [1, 2, 3])));
  });

  it('RTN groups never straddle rows: rows of 96 get groups of 64 + 32 when the group is 64', () => {
    const layer = model.blocks[0]!.mlpProj; // [32, 96]
    const whole = rtnRowGroups(layer, 4, 64);
    const firstRow = rtnRowGroups({ ...layer, outFeatures: 1, weight: layer.weight.subarray(0, 96) }, 4, 64);
    expect(Array.from(whole.subarray(0, 96))).toEqual(Array.from(firstRow));
  });

  it('RTN on whole rows of groups (in % group = 0, one call on the flattened matrix) equals row by row', () => {
    const layer = model.blocks[0]!.qkv; // [96, 32]: groups of 16 fit each row twice
    const whole = rtnRowGroups(layer, 3, 16);
    const byRow = new Float32Array(layer.weight.length);
    for (let r = 0; r < 96; r++)
      byRow.set(
        rtnRowGroups({ ...layer, outFeatures: 1, weight: layer.weight.subarray(r * 32, (r + 1) * 32) }, 3, 16),
        r * 32,
      );
    expect(Array.from(whole)).toEqual(Array.from(byRow));
  });

  it('plug in: an identity quantizer changes nothing; a smoothing quantizer with Ŵ = W·diag(s) computes the same layer', () => {
    const identity: LabQuantizer = {
      id: 'id',
      label: 'identity',
      needsCalibration: false,
      quantizeLinear: (w) => ({ weight: w.weight.slice() }),
    };
    expect(Array.from(forward(quantizeModel(model, identity), Array.from(tokens.subarray(0, 8))))).toEqual(
      Array.from(forward(model, Array.from(tokens.subarray(0, 8)))),
    );
    const smooth: LabQuantizer = {
      id: 'smooth',
      label: 'smoothing by powers of two',
      needsCalibration: false,
      // s_j = 2^(j mod 3): x/s and W·s are exact in binary, so the result is bit for bit the same.
      quantizeLinear: (w) => {
        const s = Float32Array.from({ length: w.inFeatures }, (_, j) => 2 ** (j % 3));
        return { weight: w.weight.map((v, k) => v * (s[k % w.inFeatures] as number)), smoothing: s };
      },
    };
    expect(Array.from(forward(quantizeModel(model, smooth), Array.from(tokens.subarray(0, 8))))).toEqual(
      Array.from(forward(model, Array.from(tokens.subarray(0, 8)))),
    );
  });

  it('hands calibration inputs to a quantizer that needs them, and refuses to run one without', () => {
    const cal = captureLinearInputs(model, tokens, { maxTokens: 20 });
    // 20 inputs in windows of 16 + 4: each layer sees 20 rows.
    expect(cal.get('blocks.0.attn.qkv')).toMatchObject({ rows: 20, inFeatures: 32 });
    expect(cal.get('blocks.1.mlp.proj')!.x.length).toBe(20 * 96);
    // The first rows of blocks.0.attn.qkv's input are rmsNorm(tokEmb + posEmb): check one value by hand.
    const d = 32;
    const h0 = Array.from({ length: d }, (_, i) =>
      Math.fround((model.tokEmb[(tokens[0] as number) * d + i] as number) + (model.posEmb[i] as number)),
    );
    const rms = Math.sqrt(h0.reduce((s, v) => s + v * v, 0) / d + 1e-5);
    expect(cal.get('blocks.0.attn.qkv')!.x[0]).toBeCloseTo(
      ((h0[0] as number) / rms) * (model.blocks[0]!.norm1[0] as number),
      6,
    );
    const seen: number[] = [];
    const needs: LabQuantizer = {
      id: 'needs',
      label: 'calibrated',
      needsCalibration: true,
      quantizeLinear: (w, c) => {
        seen.push(c!.rows);
        return { weight: w.weight };
      },
    };
    quantizeModel(model, needs, cal);
    expect(seen).toEqual(new Array(8).fill(20));
    expect(() => quantizeModel(model, needs)).toThrow('calibrated needs calibration inputs for blocks.0.attn.qkv');
    const bad: LabQuantizer = {
      ...needs,
      needsCalibration: false,
      quantizeLinear: () => ({ weight: new Float32Array(3) }),
    };
    expect(() => quantizeModel(model, bad)).toThrow(
      'calibrated returned 3 weights for blocks.0.attn.qkv, which has 3072',
    );
  });
});

describe('continuePrompt', () => {
  it('greedy: each new token is the argmax of a fresh full forward over the text so far (KV cache and sliding window agree)', () => {
    const out = continuePrompt(model, 'And God said', { maxNewTokens: 30, mode: 'greedy' }); // 12 + 30 > 16: slides twice
    const history = Array.from(encodeText('And God said'));
    for (const next of out.tokens) {
      // Reproduce the window rule: the cache is rebuilt from the last C/2 tokens when full.
      expect(next).toBe(greedyNext(history));
      history.push(next);
    }
    expect(out.text).toBe(decodeTokens(out.tokens));
  });

  it('sample: the same seed gives the same text, another seed (almost surely) another', () => {
    const a = continuePrompt(model, 'In', { maxNewTokens: 40, mode: 'sample', seed: 1 });
    expect(continuePrompt(model, 'In', { maxNewTokens: 40, mode: 'sample', seed: 1 }).text).toBe(a.text);
    expect(continuePrompt(model, 'In', { maxNewTokens: 40, mode: 'sample', seed: 2 }).text).not.toBe(a.text);
  });

  it('rejects bad options with the field named', () => {
    expect(() => continuePrompt(model, 'x', { maxNewTokens: 0, mode: 'greedy' })).toThrow(
      'maxNewTokens must be an integer from 1 to 2048 (got 0)',
    );
    expect(() => continuePrompt(model, 'x', { maxNewTokens: 1, mode: 'beam' as 'greedy' })).toThrow(
      "mode must be 'greedy' or 'sample' (got beam)",
    );
    expect(() => continuePrompt(model, 'x', { maxNewTokens: 1, mode: 'sample', temperature: 0 })).toThrow(
      /temperature must be a number above 0/,
    );
    expect(() => continuePrompt(model, 'x', { maxNewTokens: 1, mode: 'sample', seed: -1 })).toThrow(
      /seed must be an integer/,
    );
  });
});

/**
 * The window rule of continuePrompt, recomputed without a cache: the model sees the tokens since the last
 * rebuild; rebuilds happen when all C positions are filled and keep the last C/2 tokens.
 */
function greedyNext(history: number[]): number {
  const keep = C / 2;
  // The prompt (≤ C) is read whole; positions fill up to C; the token predicted at position C − 1 makes C + 1
  // tokens, and the rebuild keeps the last `keep` of them: the window start moves by C + 1 − keep.
  let start = 0;
  while (history.length - start > C) start += C + 1 - keep;
  const window = history.slice(start);
  const logits = forward(model, window);
  return argmaxRow(logits, (window.length - 1) * V, V);
}
