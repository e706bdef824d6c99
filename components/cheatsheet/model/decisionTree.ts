import { decideQuantization, type AccuracyTolerance, type CandidateId, type Workload } from '@/lib/decision';
import { getGpu, lowBitTensorCoreSupport } from '@/lib/hardware';

/** One leaf of the printed decision tree: a branch of lib/decision and what it picks first. */
export interface DecisionLeaf {
  accuracyTolerance: AccuracyTolerance;
  evaluationBudget: boolean;
  /** null when the branch does not depend on the workload. */
  workload: Workload | null;
  /** First choice on a GPU with FP8 tensor cores (`withFp8Gpu`). */
  withFp8: { formatId: CandidateId; label: string };
  /** First choice on a GPU without them (`withoutFp8Gpu`). */
  withoutFp8: { formatId: CandidateId; label: string };
}

/** The two GPUs the tree is evaluated on, and the model. */
export interface DecisionTreeInput {
  /** A GPU with FP8 tensor cores (default "h100-sxm"). */
  withFp8Gpu?: string;
  /** A GPU without them (default "a100-80gb-sxm"). */
  withoutFp8Gpu?: string;
  /** Catalog model id (default "llama-3.1-70b"). */
  model?: string;
}

/** The GPU count and load at which memory never decides: every candidate fits, so lib/decision returns its first preference. */
const ROOMY = { gpuCount: 8, contextTokens: 1024, concurrency: 1 } as const;

/**
 * The branches of lib/decision `decideQuantization` as a tree for print: for each
 * accuracy tolerance × evaluation budget × workload, the format it prefers first on a
 * GPU with FP8 tensor cores and on one without. Each leaf is a real call of
 * `decideQuantization` on 8 GPUs with one 1,024-token sequence, where every candidate
 * fits. No-loss leaves are the branch's first preference; small-loss leaves are the
 * eligible format that wins the workload's metric (tokens per GPU-second at the largest
 * batch that fits, or time per token), so on GPUs with less memory they can move.
 *
 * Branches with no loss allowed and no evaluation budget ignore the workload and are
 * returned once (`workload: null`); with a small loss allowed lib/decision ignores the
 * evaluation budget, so those leaves are computed with `evaluationBudget: true`.
 *
 * @throws {Error} when `withFp8Gpu` has no FP8 tensor cores or `withoutFp8Gpu` has them
 *   (lib/hardware `lowBitTensorCoreSupport`), or for unknown ids.
 * @example
 * decisionTree().map((l) => l.withFp8.formatId)
 * // ['fp8-w8a8', 'fp8-w8a8', 'fp8-w8a8', 'int4-g128', 'fp8-w8a8']
 * decisionTree().map((l) => l.withoutFp8.formatId)
 * // ['int8-w8a16', 'int8-w8a16', 'int8-w8a8', 'int4-g128', 'int8-w8a8']
 */
export function decisionTree(input: DecisionTreeInput = {}): DecisionLeaf[] {
  const { withFp8Gpu = 'h100-sxm', withoutFp8Gpu = 'a100-80gb-sxm', model = 'llama-3.1-70b' } = input;
  if (!lowBitTensorCoreSupport(getGpu(withFp8Gpu)).includes('fp8'))
    throw new Error(`withFp8Gpu: ${withFp8Gpu} has no FP8 tensor cores`);
  if (lowBitTensorCoreSupport(getGpu(withoutFp8Gpu)).includes('fp8'))
    throw new Error(`withoutFp8Gpu: ${withoutFp8Gpu} has FP8 tensor cores`);
  const branches: Array<Pick<DecisionLeaf, 'accuracyTolerance' | 'evaluationBudget' | 'workload'>> = [
    { accuracyTolerance: 'none', evaluationBudget: false, workload: null },
    { accuracyTolerance: 'none', evaluationBudget: true, workload: 'latency' },
    { accuracyTolerance: 'none', evaluationBudget: true, workload: 'throughput' },
    { accuracyTolerance: 'small', evaluationBudget: true, workload: 'latency' },
    { accuracyTolerance: 'small', evaluationBudget: true, workload: 'throughput' },
  ];
  const pick = (gpu: string, b: (typeof branches)[number]) =>
    decideQuantization({
      model,
      gpu,
      ...ROOMY,
      workload: b.workload ?? 'latency',
      accuracyTolerance: b.accuracyTolerance,
      evaluationBudget: b.evaluationBudget,
      calibrationData: true,
    }).recommendation;
  return branches.map((b) => ({ ...b, withFp8: pick(withFp8Gpu, b), withoutFp8: pick(withoutFp8Gpu, b) }));
}
