import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasSource } from '../sources';
import { decodeStep } from '../perf';
import { fitOnGpu, minGpusToFit, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '../sizing';
import { decideQuantization } from './decideQuantization';
import { DECISION_SOURCES } from './sources';
import type { DecisionConstraints } from './types';

const BASE: DecisionConstraints = {
  gpu: 'h100-sxm',
  gpuCount: 2,
  workload: 'throughput',
  accuracyTolerance: 'small',
  evaluationBudget: true,
  calibrationData: true,
  contextTokens: 4096,
  concurrency: 32,
};

/** Sentences of a paragraph: split after . ! ? followed by a space and a capital or digit. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9])/);
}

const everyText = (d: ReturnType<typeof decideQuantization>) =>
  [d.spokenAnswer, d.recommendation.label, ...d.reasons.map((r) => r.text), ...d.alternatives.map((a) => a.why)].join(
    '\n',
  );

describe('decideQuantization(constraints): the main branches', () => {
  it('throughput: the winner has the most decode tokens per GPU-second at the largest batch that fits (decodeStep, computed here)', () => {
    const d = decideQuantization(BASE);
    expect(d.metric).toBe('tokens-per-gpu-second');
    const eligible = d.candidates.filter((c) => c.eligible);
    expect(eligible.map((c) => c.formatId).sort()).toEqual(['fp8-w8a8', 'int4-g128']); // small loss OK, FP8 tensor cores
    for (const c of d.candidates) {
      // the largest batch is lib/sizing's, at vLLM's 0.92; the rate is lib/perf decodeStep's at that batch, per GPU
      const fit = fitOnGpu({
        model: 'llama-3.1-70b',
        weights: c.formatId,
        kvBits: 16,
        contextTokens: 4096,
        batch: 1,
        gpu: 'h100-sxm',
        gpuCount: 2,
        memoryUtilization: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
      });
      expect(c.maxConcurrent).toBe(fit.maxBatchAtContext);
      const step = decodeStep({
        model: 'llama-3.1-70b',
        weights: c.formatId,
        gpu: 'h100-sxm',
        gpuCount: 2,
        batch: fit.maxBatchAtContext,
        contextTokens: 4096,
        kvBits: 16,
      });
      expect(c.tokensPerGpuSecond).toBeCloseTo(step.tokensPerSecondTotal / 2, 6);
    }
    const best = eligible.reduce((a, b) => (b.tokensPerGpuSecond! > a.tokensPerGpuSecond! ? b : a));
    expect(d.recommendation.formatId).toBe(best.formatId);
    expect(d.reasons[0]!.text).toBe(d.winnerReason);
    expect(d.winnerReason).toMatch(
      /wins on throughput: .* tokens\/s per GPU at its largest batch .* against .* tokens\/s per GPU for /,
    );
    expect(d.reasons.some((r) => r.sources.some((s) => s.id === DECISION_SOURCES.redHat.id))).toBe(true);
  });

  it('review F04: one H100, 4k context, throughput ⇒ not FP8 (2 sequences) but the format with more tokens per GPU-second', () => {
    const d = decideQuantization({ ...BASE, gpuCount: 1, concurrency: 2 });
    const fp8 = d.candidates.find((c) => c.formatId === 'fp8-w8a8')!;
    const w4 = d.candidates.find((c) => c.formatId === 'int4-g128')!;
    expect(fp8.maxConcurrent).toBeLessThanOrEqual(2); // 72.84 − 67.67 − 1.97 − 0.25 = 2.95 GiB of KV: 2 × 1.25 GiB
    expect(w4.maxConcurrent).toBeGreaterThan(10 * fp8.maxConcurrent);
    expect(w4.tokensPerGpuSecond!).toBeGreaterThan(fp8.tokensPerGpuSecond!);
    expect(d.recommendation.formatId).toBe('int4-g128');
    expect(d.spokenAnswer).toMatch(/holds only \d+ sequences? of this length here/);
  });

  it('throughput with a GPU price: $/Mtok for every candidate that fits, and the same ranking', () => {
    const d = decideQuantization({ ...BASE, dollarsPerGpuHour: 2.5 });
    for (const c of d.candidates) {
      if (c.tokensPerGpuSecond === null) expect(c.dollarsPerMillionTokens).toBeNull();
      else expect(c.dollarsPerMillionTokens).toBeCloseTo((2.5 / 3600 / c.tokensPerGpuSecond) * 1e6, 6);
    }
    expect(d.winnerReason).toMatch(/\$[\d.]+ against \$[\d.]+ per million tokens/);
    expect(d.recommendation.formatId).toBe(decideQuantization(BASE).recommendation.formatId);
    expect(() => decideQuantization({ ...BASE, dollarsPerGpuHour: -1 })).toThrow(/dollarsPerGpuHour/);
  });

  it('latency: the winner has the lowest time per token at the requested concurrency, among formats that hold it', () => {
    const d = decideQuantization({ ...BASE, workload: 'latency', concurrency: 8 });
    expect(d.metric).toBe('seconds-per-token');
    const holding = d.candidates.filter((c) => c.eligible && c.secondsPerTokenAtConcurrency !== null);
    for (const c of holding) {
      const step = decodeStep({
        model: 'llama-3.1-70b',
        weights: c.formatId,
        gpu: 'h100-sxm',
        gpuCount: 2,
        batch: 8,
        contextTokens: 4096,
        kvBits: 16,
      });
      expect(c.secondsPerTokenAtConcurrency).toBeCloseTo(step.secondsPerToken, 12);
    }
    const best = holding.reduce((a, b) => (b.secondsPerTokenAtConcurrency! < a.secondsPerTokenAtConcurrency! ? b : a));
    expect(d.recommendation.formatId).toBe(best.formatId);
    expect(d.winnerReason).toMatch(/wins on latency: .* ms per token at your 8 sequences against .* ms per token for /);
  });

  it('returns both metrics for every candidate (null only where nothing fits)', () => {
    const d = decideQuantization({ ...BASE, gpuCount: 1, concurrency: 4 });
    for (const c of d.candidates) {
      expect(c.tokensPerGpuSecond === null).toBe(c.maxConcurrent === 0);
      expect(c.secondsPerTokenAtConcurrency === null).toBe(!c.fits);
    }
  });

  it('one 48 GB L40S + latency ⇒ W4A16 (8-bit 70B does not even fit)', () => {
    const d = decideQuantization({ ...BASE, gpu: 'l40s', gpuCount: 1, workload: 'latency', concurrency: 1 });
    expect(d.recommendation.formatId).toBe('int4-g128');
    const fp8 = d.candidates.find((c) => c.formatId === 'fp8-w8a8')!;
    expect(fp8.maxConcurrent).toBe(0); // 67.7 GiB of weights > 46,068 MiB × 0.92
    expect(fp8.gpusNeeded).toBe(2);
    expect(d.spokenAnswer).toContain('8-bit would not even hold the load');
  });

  it('A100 (no FP8 tensor cores) + throughput: INT8 W8A8 is the eligible 8-bit format, and FP8 is flagged as weight-only there', () => {
    const d = decideQuantization({ ...BASE, gpu: 'a100-80gb-sxm', concurrency: 16 });
    expect(d.hardware.fp8TensorCores).toBe(false);
    expect(d.hardware.lowBitDtypes).toEqual(['int8', 'int4']);
    expect(
      d.candidates
        .filter((c) => c.eligible)
        .map((c) => c.formatId)
        .sort(),
    ).toEqual(['int4-g128', 'int8-w8a8']);
    expect(['int8-w8a8', 'int4-g128']).toContain(d.recommendation.formatId);
    expect(d.alternatives.find((a) => a.formatId === 'fp8-w8a8')!.why).toMatch(/No FP8 tensor cores .* weight-only/);
    // with a no-loss tolerance and an evaluation budget only 8-bit comes first on A100 throughput: INT8 W8A8's citation
    const int8 = decideQuantization({ ...BASE, gpu: 'a100-80gb-sxm', concurrency: 16, accuracyTolerance: 'none' });
    if (int8.recommendation.formatId === 'int8-w8a8')
      expect(int8.reasons.some((r) => /1–3%/.test(r.text) && r.basis === 'cited')).toBe(true);
  });

  it('accuracy non-negotiable with no evaluation budget ⇒ 8-bit, never 4-bit — even when only 4-bit fits', () => {
    const strict = { ...BASE, accuracyTolerance: 'none', evaluationBudget: false } as const;
    expect(decideQuantization({ ...strict, gpuCount: 2 }).recommendation.formatId).toBe('fp8-w8a8');
    // Ampere: the near-lossless 8-bit option is weight-only INT8, not INT8 W8A8 (1–3%)
    expect(decideQuantization({ ...strict, gpu: 'a100-80gb-sxm', concurrency: 8 }).recommendation.formatId).toBe(
      'int8-w8a16',
    );
    const l40s = decideQuantization({ ...strict, gpu: 'l40s', gpuCount: 1, workload: 'latency', concurrency: 1 });
    expect(l40s.recommendation.formatId).toBe('fp8-w8a8');
    expect(l40s.shortfall).toEqual({ maxConcurrent: 0, gpusNeeded: 2 });
    expect(l40s.spokenAnswer).toMatch(/on 2 GPUs rather than 1/);
    expect(l40s.spokenAnswer).toMatch(/would not go to 4-bit without an evaluation budget/);
  });

  it('small loss allowed + latency on one H100 ⇒ W4A16, with the per-user decode speed compared', () => {
    const d = decideQuantization({ ...BASE, gpuCount: 1, workload: 'latency', concurrency: 4 });
    expect(d.recommendation.formatId).toBe('int4-g128');
    const w4 = d.candidates.find((c) => c.formatId === 'int4-g128')!;
    const fp8 = d.candidates.find((c) => c.formatId === 'fp8-w8a8')!;
    // roofline: 39.8 GB vs 72.7 GB read per step → 4-bit is faster per user
    expect(w4.decodeTokensPerSecondPerSequence!).toBeGreaterThan(fp8.decodeTokensPerSecondPerSequence!);
    expect(d.reasons.some((r) => r.text.startsWith('Roofline decode per user'))).toBe(true);
  });

  it('throughput when 8-bit cannot hold the concurrency but 4-bit can ⇒ W4A16, naming the 8-bit shortfall', () => {
    const d = decideQuantization({ ...BASE, gpuCount: 1, concurrency: 16 });
    const fp8 = d.candidates.find((c) => c.formatId === 'fp8-w8a8')!;
    expect(d.recommendation.formatId).toBe('int4-g128');
    expect(
      d.reasons.some((r) =>
        new RegExp(`^FP8 W8A8 .* holds only ${fp8.maxConcurrent} of your 16 sequences here; it needs 2 × H100`).test(
          r.text,
        ),
      ),
    ).toBe(true);
  });

  it('no representative calibration data ⇒ AWQ for 4-bit, and a calibration reason for INT8 W8A8 when it is chosen', () => {
    const w4 = decideQuantization({
      ...BASE,
      gpu: 'l40s',
      gpuCount: 1,
      workload: 'latency',
      concurrency: 1,
      calibrationData: false,
    });
    expect(w4.recommendation.label).toBe('W4A16 AWQ g128');
    expect(w4.reasons.some((r) => r.sources.some((s) => s.id === DECISION_SOURCES.awq.id))).toBe(true);
    expect(w4.spokenAnswer).toMatch(/AWQ/);
    const w4cal = decideQuantization({
      ...BASE,
      gpu: 'l40s',
      gpuCount: 1,
      workload: 'latency',
      concurrency: 1,
      calibrationData: true,
    });
    expect(w4cal.recommendation.label).toBe('W4A16 GPTQ/AWQ g128');
    const int8 = decideQuantization({
      ...BASE,
      gpu: 'a100-80gb-sxm',
      gpuCount: 8,
      concurrency: 16,
      accuracyTolerance: 'none',
      calibrationData: false,
    });
    if (int8.recommendation.formatId === 'int8-w8a8') {
      expect(
        int8.reasons.some(
          (r) => r.sources.some((s) => s.id === DECISION_SOURCES.vllmInt8.id) && /without it/.test(r.text),
        ),
      ).toBe(true);
    }
  });

  it('no loss allowed but an evaluation budget, latency-bound ⇒ 8-bit first, with 4-bit named as the faster option to evaluate', () => {
    const d = decideQuantization({ ...BASE, workload: 'latency', accuracyTolerance: 'none', concurrency: 8 });
    expect(d.recommendation.formatId).toBe('fp8-w8a8');
    expect(d.spokenAnswer).toMatch(/W4A16 would decode each user's tokens faster, \d+ against \d+ tokens per second/);
    expect(d.spokenAnswer).toMatch(/only if our evaluation shows it holds/);
  });

  it('the spoken answer is 4–6 sentences built from the inputs', () => {
    const d = decideQuantization(BASE);
    const s = sentences(d.spokenAnswer);
    expect(s.length).toBeGreaterThanOrEqual(4);
    expect(s.length).toBeLessThanOrEqual(6);
    expect(d.spokenAnswer).toContain('2 × H100 SXM 80GB');
    expect(d.spokenAnswer).toContain('32 concurrent sequences of 4,096 tokens');
    expect(d.spokenAnswer).toContain(d.recommendation.label);
  });

  it('derives tensor-core support from the GPU catalog', () => {
    const flags = (gpu: string) => decideQuantization({ ...BASE, gpu, gpuCount: 8, concurrency: 1 }).hardware;
    expect(flags('h100-sxm')).toMatchObject({ fp8TensorCores: true, int8TensorCores: true });
    expect(flags('l40s')).toMatchObject({ fp8TensorCores: true });
    expect(flags('rtx-3090')).toMatchObject({ fp8TensorCores: false, int8TensorCores: true });
    expect(flags('b200').lowBitDtypes).toContain('fp4');
  });

  it('flags tensor-core figures the GPU catalog marks unverified (L40S INT8/INT4, RTX 3090 INT8/INT4)', () => {
    const l40s = decideQuantization({ ...BASE, gpu: 'l40s', gpuCount: 2, concurrency: 1 });
    expect(l40s.hardware.unverifiedDtypes).toEqual(['int8', 'int4']);
    expect(l40s.reasons.some((r) => r.text.includes('INT4 (figure unverified)'))).toBe(true);
    expect(decideQuantization(BASE).hardware.unverifiedDtypes).toEqual([]);
  });

  it('rejects bad constraints, naming the field', () => {
    expect(() => decideQuantization({ ...BASE, gpuCount: 3 })).toThrow(/gpuCount/);
    expect(() => decideQuantization({ ...BASE, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => decideQuantization({ ...BASE, contextTokens: 1.5 })).toThrow(/contextTokens/);
    expect(() => decideQuantization({ ...BASE, gpu: 'tpu-v5' })).toThrow(/gpu/);
    expect(() => decideQuantization({ ...BASE, memoryUtilization: 0 })).toThrow(/memoryUtilization/);
  });

  it("the regime reason names the weight GEMMs' crossover, which does not move with the context, and the attention share, which does (review F01)", () => {
    // One H200, latency-bound, 8 sequences: W4A16 at 1k and at 8k tokens of context.
    const at = (contextTokens: number) =>
      decideQuantization({ ...BASE, gpu: 'h200-sxm', gpuCount: 1, workload: 'latency', concurrency: 8, contextTokens });
    const regime = (d: ReturnType<typeof decideQuantization>) =>
      d.reasons.find((r) => r.text.startsWith('The weight GEMMs'))!.text;
    const short = at(1024);
    const long = at(8192);
    expect(short.recommendation.formatId).toBe('int4-g128');
    expect(long.recommendation.formatId).toBe('int4-g128');
    // Crossover: lib/perf crossoverBatch of W4A16 g128 on an H200, 4.8 TB/s vs 989 TFLOPS: ≈ 56, the same at any context.
    const crossover = Math.ceil(
      decodeStep({
        model: 'llama-3.1-70b',
        weights: 'int4-g128',
        gpu: 'h200-sxm',
        batch: 1,
        contextTokens: 1,
        kvBits: 16,
      }).crossoverBatch,
    );
    expect(crossover).toBeGreaterThan(50);
    expect(crossover).toBeLessThan(60);
    for (const d of [short, long]) {
      expect(regime(d)).toContain(
        `memory-bound at 8 sequences (they turn compute-bound near ${crossover}, at any context)`,
      );
      expect(everyText(d)).not.toMatch(/at this context/);
    }
    // Attention share: t_attention / t_step from decodeStep's operator breakdown, at the 8 sequences; larger at 8k than at 1k.
    const share = (contextTokens: number) => {
      const ops = decodeStep({
        model: 'llama-3.1-70b',
        weights: 'int4-g128',
        gpu: 'h200-sxm',
        batch: 8,
        contextTokens,
        kvBits: 16,
      }).operators;
      return ops.attention.seconds / ops.seconds;
    };
    expect(share(8192)).toBeGreaterThan(share(1024));
    expect(regime(short)).toContain(
      `Attention over the 1,024-token KV cache, memory-bound at any batch, takes ${Math.round(share(1024) * 100)}% of the step`,
    );
    expect(regime(long)).toContain(
      `Attention over the 8,192-token KV cache, memory-bound at any batch, takes ${Math.round(share(8192) * 100)}% of the step`,
    );
    expect(long.candidates.find((c) => c.formatId === 'int4-g128')!.attentionShare).toBeCloseTo(share(8192), 12);
  });

  it("past the crossover the regime reason says the tensor-core peak sets the GEMMs' speed", () => {
    // FP8 on one H200 at 256 tokens holds hundreds of sequences; 300 is past its ≈ 209 crossover (lib/perf crossoverBatch).
    const d = decideQuantization({ ...BASE, gpu: 'h200-sxm', gpuCount: 1, contextTokens: 256, concurrency: 300 });
    const fp8 = d.candidates.find((c) => c.formatId === 'fp8-w8a8')!;
    expect(fp8.maxConcurrent).toBeGreaterThanOrEqual(300);
    expect(d.recommendation.formatId).toBe('fp8-w8a8');
    const at = Math.ceil(fp8.crossoverBatch!);
    expect(
      d.reasons.some((r) =>
        r.text.startsWith(
          `The weight GEMMs turn compute-bound from about ${at} sequences at any context, and you run 300: the tensor-core peak (FP8`,
        ),
      ),
    ).toBe(true);
  });

  it('says "vLLM\'s default" only when the utilisation is vLLM\'s default', () => {
    expect(decideQuantization(BASE).spokenAnswer).toMatch(/vLLM's default memory setting/);
    const full = decideQuantization({ ...BASE, memoryUtilization: 1 });
    expect(full.spokenAnswer).not.toMatch(/vLLM's default/);
    expect(full.spokenAnswer).toMatch(/100% of GPU memory in use/);
  });

  it('cites only sources that exist on /sources', () => {
    for (const source of Object.values(DECISION_SOURCES)) expect(hasSource(source.id), source.id).toBe(true);
  });
});

describe('decideQuantization: invariants (fast-check)', () => {
  const gpus = [
    'h100-sxm',
    'h200-sxm',
    'a100-80gb-sxm',
    'a100-40gb-sxm',
    'l40s',
    'l4',
    'rtx-4090',
    'rtx-3090',
    'mi300x',
    'b200',
    't4',
  ];
  const constraints = fc.record({
    gpu: fc.constantFrom(...gpus),
    gpuCount: fc.constantFrom(1, 2, 4, 8),
    workload: fc.constantFrom('latency' as const, 'throughput' as const),
    accuracyTolerance: fc.constantFrom('none' as const, 'small' as const),
    evaluationBudget: fc.boolean(),
    calibrationData: fc.boolean(),
    contextTokens: fc.integer({ min: 1, max: 131_072 }),
    concurrency: fc.integer({ min: 1, max: 512 }),
  });

  it('always answers with a candidate, 4–6 sentences, and no NaN/Infinity/undefined in any text', () => {
    fc.assert(
      fc.property(constraints, (c) => {
        const d = decideQuantization(c);
        expect(d.candidates.map((x) => x.formatId)).toContain(d.recommendation.formatId);
        const n = sentences(d.spokenAnswer).length;
        expect(n).toBeGreaterThanOrEqual(4);
        expect(n).toBeLessThanOrEqual(6);
        expect(everyText(d)).not.toMatch(/NaN|Infinity|undefined|null/);
        expect(d.reasons.length).toBeGreaterThanOrEqual(3);
        for (const r of d.reasons) if (r.basis === 'cited') expect(r.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('never recommends 4-bit or INT8 W8A8 when no loss is allowed and nothing can be evaluated', () => {
    fc.assert(
      fc.property(constraints, (c) => {
        const d = decideQuantization({ ...c, accuracyTolerance: 'none', evaluationBudget: false });
        expect(['fp8-w8a8', 'int8-w8a16']).toContain(d.recommendation.formatId);
        expect(d.recommendation.formatId === 'fp8-w8a8').toBe(d.hardware.fp8TensorCores);
      }),
      { numRuns: 30 },
    );
  });

  it('gpusNeeded agrees with lib/sizing minGpusToFit for every candidate', () => {
    fc.assert(
      fc.property(constraints, (c) => {
        const d = decideQuantization(c);
        for (const check of d.candidates) {
          const min = minGpusToFit({
            model: 'llama-3.1-70b',
            weights: check.formatId,
            kvBits: 16,
            contextTokens: c.contextTokens,
            batch: c.concurrency,
            gpu: c.gpu,
            memoryUtilization: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
            maxGpuCount: 8,
          }).gpuCount;
          expect(check.gpusNeeded).toBe(check.fits ? c.gpuCount : min);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('a recommendation that holds the load reports no shortfall, and one that does not says how many GPUs it needs', () => {
    fc.assert(
      fc.property(constraints, (c) => {
        const d = decideQuantization(c);
        const rec = d.candidates.find((x) => x.formatId === d.recommendation.formatId)!;
        if (rec.fits) expect(d.shortfall).toBeNull();
        else {
          expect(d.shortfall).toEqual({ maxConcurrent: rec.maxConcurrent, gpusNeeded: rec.gpusNeeded });
          if (rec.gpusNeeded !== null) expect(rec.gpusNeeded).toBeGreaterThan(c.gpuCount);
        }
      }),
      { numRuns: 30 },
    );
  });
});
