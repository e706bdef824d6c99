import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSource } from '../sources/getSource';
import { BYTES_PER_GB, BYTES_PER_GIB } from '../units';
import { getGpu } from '../hardware';
import {
  buildQuestion,
  drawQuestion,
  GENERATORS,
  generateQuestion,
  generatedId,
  generatorSeed,
  parseGeneratedId,
  vllmRunsFormatOn,
} from './generators';
import { withSourceLinks } from './source-links';
import { gradeChoice } from './grade';
import { gradeNumeric } from './numeric';
import { QUESTION_TYPES, TOPICS, LEVELS, type NumericQuestion, type Question } from './types';

const LESSONS = fs
  .readdirSync(path.join(__dirname, '..', '..', 'content', 'lessons'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));
const SEEDS = Array.from({ length: 200 }, (_, i) => `seed${i}`);

function numericOf(q: Question): NumericQuestion {
  if (q.type !== 'numeric') throw new Error(`expected a numeric question, got ${q.type}`);
  return q;
}

/** The last "= x unit" / "≈ x unit" of a hint: the answer as the hint states it. */
function statedAnswer(md: string): string {
  const parts = md.split(/[=≈]/);
  return (parts[parts.length - 1] ?? '').trim().replace(/\.$/, '');
}

describe('generators: every template × 200 seeds', () => {
  it('has at least 6 templates with unique ids', () => {
    expect(GENERATORS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(GENERATORS.map((g) => g.id)).size).toBe(GENERATORS.length);
  });

  for (const g of GENERATORS) {
    describe(g.id, () => {
      const draws = SEEDS.map((seed) => ({ seed, ...drawQuestion(g.id, seed) }));

      it('produces valid questions with the generated id, metadata, 3 hints, a worked solution and known sources', () => {
        for (const { seed, question: q } of draws) {
          expect(q.id).toBe(`gen:${g.id}:${seed}`);
          expect(q.type).toBe(g.type);
          expect(QUESTION_TYPES).toContain(q.type);
          expect(TOPICS).toContain(q.factor);
          expect(LEVELS).toContain(q.level);
          expect(q.prompt.html).toMatch(/^<p>/);
          expect(q.prompt.md.length).toBeGreaterThan(40);
          expect(q.hints).toHaveLength(3);
          expect(q.explain?.html).toBeTruthy();
          expect(q.sources.length).toBeGreaterThan(1);
          for (const s of q.sources) {
            if (s.startsWith('lesson:')) expect(LESSONS).toContain(s.slice('lesson:'.length));
            else expect(hasSource(s), s).toBe(true);
          }
          expect(q.prompt.html).not.toMatch(/NaN|undefined|Infinity/);
          expect(q.explain?.html).not.toMatch(/NaN|undefined|Infinity/);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
        }
      });

      if (g.type === 'numeric') {
        it('computes finite, positive answers', () => {
          for (const { question } of draws) {
            const q = numericOf(question);
            expect(Number.isFinite(q.answer.value)).toBe(true);
            expect(q.answer.value).toBeGreaterThan(0);
          }
        });

        it('states an answer in the last hint that grades as correct (worked numbers = answer)', () => {
          for (const { question } of draws) {
            const q = numericOf(question);
            const stated = statedAnswer(q.hints[2]?.md ?? '');
            const grade = gradeNumeric(q, stated);
            expect(
              grade.status === 'graded' && grade.correct,
              `${q.id}: "${stated}" vs ${q.answer.value} ${q.answer.unit}`,
            ).toBe(true);
          }
        });
      } else {
        it('has exactly one right option, and the last hint agrees with it', () => {
          for (const { question: q } of draws) {
            if (q.type !== 'single') throw new Error('expected single');
            const right = q.options.findIndex((o) => o.correct);
            expect(q.options.filter((o) => o.correct)).toHaveLength(1);
            expect(gradeChoice(q, [right]).correct).toBe(true);
            expect(q.hints[2]?.md.startsWith(right === 0 ? 'Yes' : 'No')).toBe(true);
          }
        });
      }

      it('is deterministic: the same seed gives the same question', () => {
        // generateQuestion = the draw's question with its sources resolved to links.
        for (const { seed, question } of draws.slice(0, 20))
          expect(generateQuestion(g.id, seed)).toEqual(withSourceLinks(question));
        expect(generateQuestion(g.id, draws[0]!.seed).sourceLinks?.length).toBeGreaterThan(0);
      });

      it('varies with the seed', () => {
        const distinct = new Set(draws.map((d) => JSON.stringify(d.params)));
        expect(distinct.size).toBeGreaterThan(30);
      });
    });
  }

  it('fit-yes-no answers both ways', () => {
    const answers = SEEDS.map((s) => {
      const q = generateQuestion('fit-yes-no', s);
      return q.type === 'single' && q.options[0]?.correct;
    });
    expect(answers.filter(Boolean).length).toBeGreaterThan(30);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(30);
  });
});

describe('generators: worked examples checked by hand', () => {
  // Llama-3.1-70B counts (docs/provenance.md §7, lib/sizing weightBytes doc): 70,553,706,496 params;
  // embedding = lm_head = 128,256 × 8,192 = 1,050,673,152; norms (2 × 80 + 1) × 8,192 = 1,318,912;
  // linear weights = 70,553,706,496 − 2 × 1,050,673,152 − 1,318,912 = 68,451,041,280.
  const LINEAR = 68_451_041_280;
  const EMBED = 1_050_673_152;
  const NORMS = 1_318_912;
  const KV_BF16 = 2 * 80 * 8 * 128 * 2; // 327,680 B per token (GQA: 8 KV heads)

  it('weights-memory: Llama-3.1-70B INT4 g128 = 39.77 GB (the 39.8 GB Neural Magic checkpoint)', () => {
    const q = numericOf(buildQuestion('weights-memory', { model: 'llama-3.1-70b', format: 'int4-g128', unit: 'GB' }));
    // linear at 4 + 16/128 + 4/128 = 4.15625 bits; embedding, lm_head and norms at 2 bytes
    const bytes = (LINEAR * 4.15625) / 8 + (2 * EMBED + NORMS) * 2;
    expect(bytes).toBe(39_767_785_472);
    expect(q.answer).toEqual({ value: bytes / 1e9, unit: 'GB' });
    expect(q.explain.md).toContain('39,767,785,472 bytes = 39.77 GB = 37.04 GiB');
    expect(gradeNumeric(q, '37.04 GiB')).toMatchObject({ status: 'graded', correct: true });
  });

  it('weights-memory: BF16 stores everything at 2 bytes (141.1 GB)', () => {
    const q = numericOf(buildQuestion('weights-memory', { model: 'llama-3.1-70b', format: 'bf16', unit: 'GiB' }));
    expect(q.answer.value).toBeCloseTo((70_553_706_496 * 2) / BYTES_PER_GIB, 9); // 131.42 GiB
  });

  it('kv-per-token: Llama-3.1-70B BF16 = 327,680 B; DeepSeek-V3 MLA = 61 × 576 × 2 B = 68.625 KiB', () => {
    const llama = numericOf(
      buildQuestion('kv-per-token', { model: 'llama-3.1-70b', kvBits: 16, weightFormat: 'int4-g128', unit: 'B' }),
    );
    expect(llama.answer).toEqual({ value: KV_BF16, unit: 'B' });
    expect(gradeNumeric(llama, '2621440')).toMatchObject({ status: 'graded', correct: false }); // 64 heads: the MHA mistake
    const ds = numericOf(
      buildQuestion('kv-per-token', { model: 'deepseek-v3', kvBits: 16, weightFormat: 'bf16', unit: 'KiB' }),
    );
    expect(ds.answer).toEqual({ value: (61 * (512 + 64) * 2) / 1024, unit: 'KiB' });
  });

  it('kv-per-batch: one 4,096-token Llama-3.1-70B sequence at BF16 = 1.342 GB', () => {
    const q = numericOf(
      buildQuestion('kv-per-batch', { model: 'llama-3.1-70b', kvBits: 16, contextTokens: 4096, batch: 1, unit: 'GB' }),
    );
    expect(q.answer.value).toBe((KV_BF16 * 4096) / BYTES_PER_GB); // 1.34217728
  });

  // Llama-3.1-70B INT8 W8A8 on one A100 80GB at vLLM's defaults: CUDA total 81,920 − 480 = 81,440 MiB × 0.92;
  // weights 68,451,041,280 × 1 + (2 × EMBED + NORMS) × 2 = 72,656,371,712 B; non-torch 0.25 GiB;
  // activation peak (A100 profile: 2,048 tokens, 256 sequences) max(2,048 × 3 × 28,672 × 2 × 1.5, 256 × 128,256 × 4 × 3.8) = 528,482,304 B.
  const A100 = 0.92 * 81_440 * 2 ** 20;
  const W8 = LINEAR + (2 * EMBED + NORMS) * 2;
  const NON_TORCH = 0.25 * 2 ** 30;
  const ACT = 2048 * 3 * 28672 * 2 * 1.5;
  const fitParams = {
    model: 'llama-3.1-70b',
    format: 'int8-w8a8',
    kvBits: 16,
    contextTokens: 4096,
    gpu: 'a100-80gb-sxm',
    gpuCount: 1,
  };

  it('fit-headroom: 2 × 4k sequences on an A100 80GB leave 2.26 GiB', () => {
    expect(W8).toBe(72_656_371_712);
    expect(ACT).toBe(528_482_304);
    const q = numericOf(buildQuestion('fit-headroom', { ...fitParams, batch: 2 }));
    const left = A100 - W8 - NON_TORCH - ACT - 2 * 4096 * KV_BF16; // ≈ 2,426 MB
    expect(left / BYTES_PER_GIB).toBeCloseTo(2.26, 2);
    expect(q.answer.value).toBeCloseTo(left / BYTES_PER_GIB, 9);
    expect(q.tolerance).toEqual({ kind: 'absolute', amount: { value: 0.25, unit: 'GiB' } });
    expect(q.prompt.md).toContain('gpu_memory_utilization');
  });

  it('fit-yes-no: 8 × 4k sequences do not fit (5.3 GiB short)', () => {
    const q = buildQuestion('fit-yes-no', { ...fitParams, batch: 8 });
    if (q.type !== 'single') throw new Error('expected single');
    const left = A100 - W8 - NON_TORCH - ACT - 8 * 4096 * KV_BF16;
    expect(left / BYTES_PER_GIB).toBeCloseTo(-5.24, 2);
    expect(q.options.map((o) => o.correct)).toEqual([false, true]);
    expect(q.options[1]?.explanation.md).toContain(`${(-left / BYTES_PER_GIB).toFixed(2)} GiB more than`);
  });

  it("max-concurrency: 3 sequences of 4k at vLLM's 0.92 (lib/sizing fitOnGpu test: 4.76 GiB of KV cache)", () => {
    const q = numericOf(buildQuestion('max-concurrency', { ...fitParams, batch: 1 }));
    // ⌊(0.92 × 79.53 GiB − weights − non-torch − activation peak) / (4,096 × 327,680 B)⌋ = ⌊4.76 / 1.25⌋ = ⌊3.81⌋
    expect(Math.floor((A100 - W8 - NON_TORCH - ACT) / (4096 * KV_BF16))).toBe(3);
    expect(q.answer).toEqual({ value: 3, unit: 'none' });
    expect(gradeNumeric(q, '3 sequences')).toMatchObject({ status: 'graded', correct: true });
  });

  // Decode at batch 1 reads the weights minus the BF16 embedding matrix (a gather of one
  // 8,192 × 2 B row), plus the KV cache: lib/perf decodeStep doc.
  const W4 = 39_767_785_472;
  const readPerToken = (ctx: number) => W4 - EMBED * 2 + 8192 * 2 + ctx * KV_BF16;

  it('decode-ceiling: Llama-3.1-70B W4A16 on an H100 SXM at 4k context ≈ 85.88 tok/s', () => {
    const q = numericOf(
      buildQuestion('decode-ceiling', {
        model: 'llama-3.1-70b',
        format: 'int4-g128',
        gpu: 'h100-sxm',
        contextTokens: 4096,
      }),
    );
    const tps = 3.35e12 / readPerToken(4096); // 3.35e12 / 39,008,632,832
    expect(tps).toBeCloseTo(85.879, 2);
    expect(q.answer.value).toBeCloseTo(tps, 9);
    expect(q.prompt.md).toContain('37.666 GB');
  });

  it('cost-per-mtok: the same at 2k context and $2/h ≈ $6.36 per million tokens', () => {
    const q = numericOf(
      buildQuestion('cost-per-mtok', {
        model: 'llama-3.1-70b',
        format: 'int4-g128',
        gpu: 'h100-sxm',
        gpuCount: 1,
        batch: 1,
        contextTokens: 2048,
        dollarsPerHour: 2,
      }),
    );
    // the step also moves 80 layers × 339,968 B of norm/activation traffic (lib/perf smallOpBytesPerTokenPerLayer)
    const tps = Number((3.35e12 / (readPerToken(2048) + 80 * 339_968)).toPrecision(4)); // 87.32 tok/s, as shown
    expect(tps).toBe(87.32);
    const usd = (2 / (tps * 3600)) * 1e6; // $6.3621
    expect(q.answer.value).toBeCloseTo(usd, 9);
    expect(q.prompt.md).toContain('87.32 tokens/s');
  });

  it('rejects parameters that make no sense', () => {
    // 405B in BF16 does not fit one 80 GB card: no headroom to ask about.
    expect(() =>
      buildQuestion('fit-headroom', { ...fitParams, model: 'llama-3.1-405b', format: 'bf16', batch: 1 }),
    ).toThrow(/rejected: does not fit/);
    // …nor to decode on.
    expect(() =>
      buildQuestion('decode-ceiling', {
        model: 'llama-3.1-405b',
        format: 'bf16',
        gpu: 'h100-sxm',
        contextTokens: 4096,
      }),
    ).toThrow(/does not fit/);
    // Splitting an 8B model over 8 H200s.
    expect(() =>
      buildQuestion('max-concurrency', { ...fitParams, model: 'llama-3.1-8b', gpu: 'h200-sxm', gpuCount: 8, batch: 1 }),
    ).toThrow(/needlessly many GPUs/);
  });

  it('never asks about a format vLLM does not run on the GPU (FP8 on Turing, INT8 W8A8 on Blackwell)', () => {
    // vLLM FP8 docs: FP8 checkpoints need compute capability ≥ 8.0; vLLM INT8 docs: no INT8 on compute capability ≥ 10.0.
    expect(vllmRunsFormatOn('fp8-w8a8', getGpu('t4'))).toBe(false);
    expect(vllmRunsFormatOn('int8-w8a8', getGpu('b200'))).toBe(false);
    expect(vllmRunsFormatOn('fp8-w8a8', getGpu('a100-80gb-sxm'))).toBe(true); // weight-only through FP8 Marlin
    expect(vllmRunsFormatOn('int8-w8a8', getGpu('a100-80gb-sxm'))).toBe(true);
    expect(vllmRunsFormatOn('fp8-w8a8', getGpu('b200'))).toBe(true);
    expect(() =>
      buildQuestion('decode-ceiling', { model: 'llama-3.1-8b', format: 'fp8-w8a8', gpu: 't4', contextTokens: 4096 }),
    ).toThrow(/does not run/);
    for (const g of GENERATORS) {
      for (const seed of SEEDS.slice(0, 60)) {
        const p = drawQuestion(g.id, seed).params as { format?: string; gpu?: string };
        if (p.format && p.gpu) expect(vllmRunsFormatOn(p.format, getGpu(p.gpu)), `${g.id} ${seed}`).toBe(true);
      }
    }
  });
});

describe('generated ids and seeds', () => {
  it('round-trips ids', () => {
    expect(generatedId('kv-per-token', 'abc-1')).toBe('gen:kv-per-token:abc-1');
    expect(parseGeneratedId('gen:kv-per-token:abc-1')).toEqual({ templateId: 'kv-per-token', seed: 'abc-1' });
    expect(parseGeneratedId('kv-bytes-gqa-70b')).toBeUndefined();
    expect(generatorSeed('k3j9', 2)).toBe('k3j9-2');
  });

  it('rejects unknown templates and bad seeds with a clear message', () => {
    expect(() => generateQuestion('nope', 'a')).toThrow(/unknown question template "nope"/);
    expect(() => generateQuestion('weights-memory', 'a:b')).toThrow(/seed must be/);
  });
});
