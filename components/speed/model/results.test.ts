import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStep } from '@/lib/perf/decodeStep';
import { computeSentence, speedResults } from './results';
import { parseSpeedState, SPEED_DEFAULTS } from './urlState';
import { speedFormatIds } from './options';
import { GPUS } from '@/lib/hardware';

describe('speedResults(state)', () => {
  it('the defaults: Llama-3.1-70B INT4 g128 on one H100 SXM, 16 × 1,024 tokens — memory-bound, fits, ≤ 3.85× over BF16', () => {
    const out = speedResults(parseSpeedState(SPEED_DEFAULTS));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.results;
    expect(r.step.bound).toBe('memory');
    // operators: GEMMs, attention and small ops on one GPU (no all-reduce row), shares summing to 1
    expect(r.operators.map((o) => o.label)).toEqual([
      'Weight GEMMs',
      'Attention over the KV cache',
      'Norms, residuals, SiLU, RoPE',
    ]);
    expect(r.operators.reduce((sum, o) => sum + o.share, 0)).toBeCloseTo(1, 12);
    expect(r.operators[1]!.bound).toBe('memory');
    expect(r.kernel.kernel).toMatch(/^Machete/); // W4A16 on Hopper (vLLM's kernel selector)
    expect(r.expectedText).not.toMatch(/NaN|undefined/);
    expect(r.fit.fits).toBe(true);
    expect(r.fit.maxBatchAtContext).toBe(107); // lib/sizing at vLLM's 0.92: 33.58 GiB of KV ÷ 0.3125 GiB
    expect(r.ceiling.memoryBoundRatio).toBeCloseTo(16 / 4.15625, 12);
    expect(r.prefill.bound).toBe('compute');
    expect(r.figures.map((f) => f.figure)).toEqual(['bandwidth', 'fp16', 'bf16']);
  });
  it('reports the field to fix when a number is missing', () => {
    const out = speedResults(parseSpeedState({ ...SPEED_DEFAULTS, batch: '' }));
    expect(out).toEqual({ ok: false, field: 'batch', message: 'Batch size is required (1–100,000).' });
    const ctx = speedResults(parseSpeedState({ ...SPEED_DEFAULTS, context: '1e9' }));
    expect(ctx.ok === false && ctx.field).toBe('context');
  });
  it('never throws for any catalog format × GPU × GPU count', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...speedFormatIds()),
        fc.constantFrom(...GPUS.map((g) => g.id)),
        fc.constantFrom('1', '2', '4', '8'),
        (weights, gpu, gpus) => {
          const out = speedResults(parseSpeedState({ ...SPEED_DEFAULTS, weights, gpu, gpus }));
          expect(out.ok).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('computeSentence(weights, step)', () => {
  const step = (weights: string, gpu: string) =>
    decodeStep({ model: 'llama-3.1-70b', weights, gpu, batch: 1, contextTokens: 1, kvBits: 16 });
  it('says weight-only for W4A16, 8-bit tensor cores for W8A8, and the fallback for FP8 on A100', () => {
    expect(computeSentence('int4-g128', step('int4-g128', 'h100-sxm'))).toMatch(
      /^Linear layers: FP16 tensor cores — weight-only/,
    );
    expect(computeSentence('int8-w8a8', step('int8-w8a8', 'h100-sxm'))).toMatch(
      /^Linear layers: INT8 tensor cores — weights and activations both in INT8/,
    );
    expect(computeSentence('fp8-w8a8', step('fp8-w8a8', 'a100-80gb-sxm'))).toMatch(
      /no fp8 tensor cores; the fp8 weights are dequantised/,
    );
    expect(computeSentence('bf16', step('bf16', 'h100-sxm'))).toBe(
      'Linear layers: BF16 tensor cores. Attention over the KV cache: BF16.',
    );
  });
});
