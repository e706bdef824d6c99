import { describe, expect, it } from 'vitest';
import { allLessons } from '@/content/lessons';
import { weightBytes, fitOnGpu } from '@/lib/sizing';
import { homeAnswer, HOME_SCENARIO } from './homeAnswer';
import { pathMinutes, studyPaths } from './paths';

describe('homeAnswer', () => {
  const answer = homeAnswer();

  it('takes every weight size from lib/sizing, and BF16 is twice FP8 and about 3.5× INT4 g128', () => {
    for (const row of answer.rows) expect(row.weightBytes).toBe(weightBytes('llama-3.1-70b', row.formatId).bytes);
    const [bf16, fp8, int4] = answer.rows;
    // Hand check: 70,553,706,496 parameters (Hugging Face config, counted by lib/models) × 2 B = 141.1 GB for BF16;
    // FP8 keeps the 16-bit embeddings and head, so it is a little over half; INT4 g128 (4 bits + a 16-bit scale and a
    // 4-bit zero point per 128 weights = 4.15625 bits) with 16-bit embeddings is 39.8 GB, the size of the published
    // GPTQ checkpoint (neuralmagic Meta-Llama-3.1-70B-Instruct-quantized.w4a16 model card).
    expect(bf16!.weightBytes / 1e9).toBeCloseTo(141.1, 1);
    expect(fp8!.weightBytes / bf16!.weightBytes).toBeGreaterThan(0.5);
    expect(fp8!.weightBytes / bf16!.weightBytes).toBeLessThan(0.53);
    expect(int4!.weightBytes / 1e9).toBeCloseTo(39.8, 1);
  });

  it('says BF16 does not fit one H100, and 4-bit holds more sequences and decodes faster than FP8', () => {
    const [bf16, fp8, int4] = answer.rows;
    expect(bf16!.verdict).toBe('does-not-fit');
    expect(bf16!.decodeTokensPerSecond).toBeNull();
    expect(int4!.maxSequences).toBeGreaterThan(fp8!.maxSequences);
    expect(fp8!.maxSequences).toBeGreaterThan(0);
    expect(int4!.decodeTokensPerSecond!).toBeGreaterThan(fp8!.decodeTokensPerSecond!);
    const direct = fitOnGpu({
      model: HOME_SCENARIO.model,
      weights: 'int4-g128',
      gpu: HOME_SCENARIO.gpu,
      gpuCount: 1,
      contextTokens: HOME_SCENARIO.contextTokens,
      batch: 1,
      kvBits: 16,
    });
    expect(int4!.maxSequences).toBe(direct.maxBatchAtContext);
  });

  it("gives the decision checklist's picks: W4A16 for latency-bound, FP8 W8A8 for throughput-bound traffic", () => {
    expect(answer.latencyPick).toMatch(/W4A16/);
    expect(answer.throughputPick).toBe('FP8 W8A8');
    expect(answer.throughputGpusNeeded).toBe(2);
    expect(answer.gpuName).toMatch(/H100/);
  });
});

describe('studyPaths', () => {
  const lessons = allLessons();
  const paths = studyPaths(lessons);

  it('keeps each time-boxed path within its budget, with lesson minutes from the lessons themselves', () => {
    for (const path of paths.filter((p) => p.budgetMinutes !== null)) {
      expect(pathMinutes(path), path.id).toBeLessThanOrEqual(path.budgetMinutes!);
      expect(pathMinutes(path), path.id).toBeGreaterThan(path.budgetMinutes! / 2);
    }
    const decision = lessons.find((l) => l.slug === 'decision')!;
    expect(paths[0]!.steps.find((s) => s.href === '/lessons/decision')?.minutes).toBe(decision.meta.minutes);
  });

  it('lists every lesson, in lesson order, in "everything"', () => {
    const everything = paths.find((p) => p.id === 'everything')!;
    const lessonHrefs = everything.steps.map((s) => s.href).filter((h) => h.startsWith('/lessons/'));
    expect(lessonHrefs).toEqual(lessons.map((l) => `/lessons/${l.slug}`));
  });

  it('names the missing lesson when a path needs one that does not exist', () => {
    expect(() => studyPaths(lessons.filter((l) => l.slug !== 'decision'))).toThrow(/decision/);
  });
});
