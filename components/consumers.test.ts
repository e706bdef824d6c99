import { describe, expect, it } from 'vitest';
import { batchOneDecodeCeiling } from '@/components/cheatsheet/model';
import { decideQuantization } from '@/lib/decision';
import { planDeploymentRow } from '@/lib/deploy';
import { getModel } from '@/lib/models';
import { MEMORY_DEFAULTS, memoryResults, parseMemoryState } from '@/components/memory/model';
import { buildQuestion } from '@/lib/practice/generators';
import { fitOnGpu } from '@/lib/sizing/fitOnGpu';
import { VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing/defaults';

/**
 * One budget everywhere: the same set-up, computed through every consumer that shows a
 * fit (memory calculator view model at its default cap, decision checklist, cheat sheet,
 * deployment planner, practice generator), must give the same capacity as lib/sizing
 * fitOnGpu at vLLM's defaults.
 */
describe('every consumer sizes the same set-up the same way (vLLM defaults)', () => {
  const SETUPS = [
    { weights: 'fp8-w8a8', gpu: 'h100-sxm', contextTokens: 4096 },
    { weights: 'int4-g128', gpu: 'h100-sxm', contextTokens: 4096 },
    { weights: 'int8-w8a8', gpu: 'a100-80gb-sxm', contextTokens: 4096 },
    { weights: 'int4-g128', gpu: 'l40s', contextTokens: 2048 },
  ] as const;

  for (const s of SETUPS) {
    it(`Llama-3.1-70B ${s.weights} on one ${s.gpu}, ${s.contextTokens}-token sequences`, () => {
      const truth = fitOnGpu({
        model: 'llama-3.1-70b',
        weights: s.weights,
        kvBits: 16,
        contextTokens: s.contextTokens,
        batch: 1,
        gpu: s.gpu,
      });
      expect(truth.memoryUtilization).toBe(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION);

      // memory calculator: its default cap, through its view model
      const cap = parseMemoryState(MEMORY_DEFAULTS).memoryUtilization;
      const calc = memoryResults({
        spec: getModel('llama-3.1-70b').spec,
        weights: s.weights,
        kvBits: 16,
        contextTokens: s.contextTokens,
        batch: 1,
        gpu: s.gpu,
        gpuCount: 1,
        memoryUtilization: cap,
      });
      expect(calc.fit.maxBatchAtContext).toBe(truth.maxBatchAtContext);
      expect(calc.fit.verdict).toBe(truth.verdict);

      // decision checklist: the candidate's capacity and band
      const d = decideQuantization({
        gpu: s.gpu,
        gpuCount: 1,
        workload: 'throughput',
        accuracyTolerance: 'small',
        evaluationBudget: true,
        calibrationData: true,
        contextTokens: s.contextTokens,
        concurrency: 1,
      });
      const cand = d.candidates.find((c) => c.formatId === s.weights);
      if (cand) {
        expect(cand.maxConcurrent).toBe(truth.maxBatchAtContext);
        expect(cand.verdict).toBe(truth.verdict);
      }

      // cheat sheet: fewest GPUs that hold one sequence (1 exactly when one GPU holds it)
      const sheet = batchOneDecodeCeiling({
        model: 'llama-3.1-70b',
        weights: s.weights,
        gpu: s.gpu,
        contextTokens: s.contextTokens,
      });
      expect(sheet.gpuCount === 1).toBe(truth.maxBatchAtContext >= 1);

      // deployment planner, default utilisation
      const row = planDeploymentRow({
        model: 'llama-3.1-70b',
        weights: s.weights,
        gpu: s.gpu,
        gpuCount: 1,
        contextTokens: s.contextTokens,
        targetBatch: 1,
        kvBits: 16,
        dollarsPerGpuHour: 0,
      });
      if (!row.ok) throw new Error(row.message);
      expect(row.maxBatchAtContext).toBe(truth.maxBatchAtContext);

      // practice generator: the "how many sequences" answer (it only asks when at least 2 fit)
      if (truth.maxBatchAtContext >= 2) {
        const q = buildQuestion('max-concurrency', {
          model: 'llama-3.1-70b',
          format: s.weights,
          kvBits: 16,
          contextTokens: s.contextTokens,
          gpu: s.gpu,
          gpuCount: 1,
          batch: 1,
        });
        if (q.type !== 'numeric') throw new Error('expected a numeric question');
        expect(q.answer.value).toBe(truth.maxBatchAtContext);
      }
    });
  }
});
