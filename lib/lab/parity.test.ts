/**
 * lib/lab against PyTorch. Each lib/lab/fixtures/parity-*.json was written by bench/lab/eval.py (its `command`
 * and `provenance` fields say how and with which torch): the same exported weights, quantized to the same rules
 * (bench/lab/quantref.py) and evaluated on the same tokens with the same windows. The committed fixture
 * parity-tiny.json uses tiny-kjv.safetensors, a 0.1 M-parameter model trained for 600 steps on the CPU
 * (tiny-kjv.train-log.json); after the real model is trained, eval.py writes parity-lab.json for it and this
 * test picks it up too.
 *
 * Required: every dequantized weight matrix bit for bit (SHA-256); perplexities within 1e−6 relative (far
 * stricter than the 3 significant digits issue 16 asks), the same number of flips, KL within 1e−4 relative.
 * eval.py runs with lib/lab's numeric rule (activations stored in float32, every sum in float64:
 * `--accumulate float64`, see bench/lab/labmodel.py `forward_eval`), so the two agree to about 1e−15.
 *
 * Why that rule and not torch's float32: W8A8 on the lab model is chaotic in the last bit. A float32 sum order
 * that moves one activation across an INT8 rounding boundary changes that token's next layers by a whole step,
 * which moves more activations. Measured on the lab model (W8A8 perplexity, torch 1.13 CPU unless said): float32
 * sums (`--accumulate float32`) 2.78582 with 22 flips, on 1 or 2 threads; torch 2.11, 1 thread, 2.78567; float64 sums 2.78351 (flips 19),
 * lib/lab 2.78351; float64 everywhere but one of {matmul, RMSNorm, attention, GELU} left in float32: 2.78441,
 * 2.78496, 2.78419, 2.78505. So W8A8's perplexity is only defined to about ±5e−4 unless the arithmetic is fixed,
 * and it straddles 2.785: no rule differed between lib/lab and eval.py (same per-token absmax, scale float32
 * absmax/127, x / scale rounded half to even, clamp ±127), only the summation precision.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareToReference, evaluateTokens, type TokenEvaluation } from './metrics';
import { linearLayers, loadLabModel } from './model';
import { BUILTIN_QUANTIZERS, quantizeModel } from './quantize-model';
import { encodeText } from './tokenizer';

interface Metrics {
  predictions: number;
  meanNllNats: number;
  perplexity: number;
  flips?: number;
  flipRate?: number;
  klMeanNats?: number;
}
interface ParityFixture {
  provenance: string;
  command: string;
  weights: string;
  weightsSha256: string;
  text: string;
  tokens: number;
  results: Record<string, Metrics>;
  dequantizedWeightSha256: Record<string, Record<string, string>>;
}

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const files = readdirSync(FIXTURES).filter((f) => /^parity-.*\.json$/.test(f));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

it('has the committed tiny-model fixture', () => {
  expect(files).toContain('parity-tiny.json');
});

for (const file of files) {
  describe(`${file}: lib/lab equals bench/lab/eval.py`, () => {
    const fx = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as ParityFixture;
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, fx.weights)));
    const model = loadLabModel(bytes);
    const text = (JSON.parse(readFileSync(path.join(ROOT, fx.text), 'utf8')) as { text: string }).text;
    const tokens = encodeText(text).subarray(0, fx.tokens);
    let reference: TokenEvaluation | null = null;
    const fp16 = () => (reference ??= evaluateTokens(model, tokens));

    it('reads the weights the fixture was made from', () => {
      expect(sha256(bytes)).toBe(fx.weightsSha256);
      expect(tokens.length).toBe(fx.tokens);
    });

    it(`fp16: perplexity ${fx.results.fp16!.perplexity.toPrecision(6)}`, () => {
      const ev = fp16();
      expect(ev.predictions).toBe(fx.results.fp16!.predictions);
      expect(relDiff(ev.perplexity, fx.results.fp16!.perplexity)).toBeLessThan(1e-6);
      expect(ev.perplexity.toPrecision(3)).toBe(fx.results.fp16!.perplexity.toPrecision(3));
    });

    for (const q of BUILTIN_QUANTIZERS) {
      const expected = fx.results[q.id];
      if (!expected) continue;
      it(`${q.id}: same dequantized weights, perplexity ${expected.perplexity.toPrecision(6)}, ${expected.flips} flips, KL ${expected.klMeanNats!.toPrecision(3)}`, () => {
        const qm = quantizeModel(model, q);
        for (const layer of linearLayers(qm)) {
          // −0 written as +0, as eval.py hashes it.
          const canon = layer.weight.map((v) => v + 0);
          expect(sha256(new Uint8Array(canon.buffer)), layer.name).toBe(fx.dequantizedWeightSha256[q.id]![layer.name]);
        }
        const ev = evaluateTokens(qm, tokens);
        const cmp = compareToReference(ev, fp16());
        expect(relDiff(ev.perplexity, expected.perplexity)).toBeLessThan(1e-6);
        expect(ev.perplexity.toPrecision(3)).toBe(expected.perplexity.toPrecision(3));
        expect(cmp.flips).toBe(expected.flips);
        expect(relDiff(cmp.klMeanNats, expected.klMeanNats!)).toBeLessThan(1e-4);
      });
    }
  });
}
