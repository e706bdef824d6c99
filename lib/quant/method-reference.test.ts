/**
 * GPTQ and AWQ against the authors' code. The fixtures were computed by
 * bench/lab/make_method_fixtures.py, which runs IST-DASLab/gptq `gptq.py` +
 * `quant.py` (commit 2d65066) and mit-han-lab/llm-awq `auto_scale.py`
 * `_search_module_scale` + `quantizer.py` (commit d6e797a) unmodified with
 * PyTorch 1.13 on CPU in float32, on the layer of fixtures/method-input.ts
 * (32 × 160 weights, 256 calibration tokens with 3 outlier channels).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import awqRef from './fixtures/awq-reference.json';
import gptqRef from './fixtures/gptq-reference.json';
import { float32Bytes, methodFixtureInput } from './fixtures/method-input';
import { awqSearchScales } from './awq';
import { gptqHessian, gptqQuantize } from './gptq';

const { weights, calibration } = methodFixtureInput();
const fromB64 = (s: string) => new Float32Array(new Uint8Array(Buffer.from(s, 'base64')).buffer);
const fromHex = (s: string) => Array.from(s, (c) => parseInt(c, 16));

describe('method lab vs the reference implementations', () => {
  it('uses the same input as the fixtures (SHA-256 of the float32 W and X)', () => {
    const sha = createHash('sha256').update(float32Bytes(weights)).update(float32Bytes(calibration)).digest('hex');
    expect(sha).toBe(gptqRef.provenance.inputSha256);
    expect(sha).toBe(awqRef.provenance.inputSha256);
  });

  const H = gptqHessian(calibration);
  describe.each(gptqRef.runs)('GPTQ bits $bits, groupSize $groupSize, actOrder $actOrder', (run) => {
    const r = gptqQuantize(weights, H, {
      bits: run.bits,
      groupSize: run.groupSize ?? undefined,
      actOrder: run.actOrder,
    });
    const codes = fromHex(run.codes);
    const deq = fromB64(run.dequantized);

    it('processes the columns in the same order', () => {
      expect(Array.from(r.order)).toEqual(run.order);
    });

    it('gives the same integer codes, all 5,120 of them', () => {
      // H, its Cholesky factors and the error feedback are float64 here and float32 in the reference, so a
      // weight within float32 noise of a rounding tie could flip by ±1; on this fixture none does.
      expect(Array.from(r.codes)).toEqual(codes);
    });

    it('gives the same zero points, scales to 1e−5 relative, and the same loss to 1e−4 relative', () => {
      // Group grids are fitted to weights already corrected by error feedback (float64 here, float32 there).
      const scales = fromB64(run.scales);
      for (let i = 0; i < scales.length; i++)
        expect(Math.abs(r.scales[i]! - scales[i]!)).toBeLessThanOrEqual(scales[i]! * 1e-5);
      expect(Array.from(r.zeros)).toEqual(run.zeros);
      expect(Math.abs(r.loss - run.loss) / run.loss).toBeLessThan(1e-4);
    });

    it('dequantizes to the same weights: ‖Ŵ − Ŵ_ref‖ / ‖W‖ below 1e−5', () => {
      let num = 0;
      let den = 0;
      for (let i = 0; i < deq.length; i++) {
        num += (r.dequantized.data[i]! - deq[i]!) ** 2;
        den += weights.data[i]! ** 2;
      }
      expect(Math.sqrt(num / den)).toBeLessThan(1e-5);
    });
  });

  describe.each(awqRef.runs)('AWQ bits $bits, groupSize $groupSize', (run) => {
    const r = awqSearchScales(weights, calibration, { bits: run.bits, groupSize: run.groupSize ?? undefined });

    it('has the same activation statistic mean |x| (float32, to 1e−6 relative)', () => {
      const ref = fromB64(run.activationMean);
      for (let j = 0; j < ref.length; j++)
        expect(Math.abs(r.activationMean[j]! - ref[j]!)).toBeLessThanOrEqual(ref[j]! * 1e-6);
    });

    it('has the same loss at every ratio (to 1e−4 relative) and picks the same best ratio', () => {
      expect(r.grid.map((p) => p.ratio)).toEqual(run.history.map((_, k) => k / 20));
      r.grid.forEach((p, k) => expect(Math.abs(p.loss - run.history[k]!) / run.history[k]!).toBeLessThan(1e-4));
      expect(r.bestRatio).toBe(run.bestRatio);
    });

    it('returns the same scales and codes', () => {
      const ref = fromB64(run.scales);
      for (let j = 0; j < ref.length; j++) expect(Math.abs(r.scales[j]! - ref[j]!)).toBeLessThanOrEqual(ref[j]! * 1e-6);
      const codes = fromHex(run.codes);
      expect(Array.from(r.quantized.codes)).toEqual(codes);
    });
  });
});
