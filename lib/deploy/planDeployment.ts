import type { GpuRef, ModelRef } from '../sizing';
import type { Tokens, Usd } from '../units';
import { compareDeploymentRows, type DeploymentComparison } from './compareRows';
import { planDeploymentRow, type DeploymentRowError, type DeploymentRowPlan } from './planDeploymentRow';

/** One candidate set-up as the user edits it. */
export interface DeploymentCandidate {
  weights: string;
  gpu: GpuRef;
  gpuCount: number;
  /** $ per GPU-hour, null until typed. */
  dollarsPerGpuHour: Usd | null;
}

/** The shared load and the candidates to compare. */
export interface DeploymentInput {
  model: ModelRef;
  contextTokens: Tokens;
  targetBatch: number;
  kvBits: number;
  memoryUtilization?: number;
  candidates: readonly DeploymentCandidate[];
}

export interface DeploymentPlan {
  rows: Array<DeploymentRowPlan | DeploymentRowError>;
  comparison: DeploymentComparison;
}

/**
 * Plans several candidate set-ups for the same model and load, side by side:
 * {@link planDeploymentRow} for each, then {@link compareDeploymentRows}.
 *
 * @example
 * planDeployment({ model: 'llama-3.1-70b', contextTokens: 4096, targetBatch: 16, kvBits: 16, candidates: [
 *   { weights: 'int8-w8a8', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: null },
 *   { weights: 'int4-g128', gpu: 'h100-sxm', gpuCount: 1, dollarsPerGpuHour: null },
 * ] }).comparison.mostConcurrentIndex // 1 (4-bit leaves more memory for KV cache)
 */
export function planDeployment(input: DeploymentInput): DeploymentPlan {
  const rows = input.candidates.map((c) =>
    planDeploymentRow({
      model: input.model,
      contextTokens: input.contextTokens,
      targetBatch: input.targetBatch,
      kvBits: input.kvBits,
      memoryUtilization: input.memoryUtilization,
      weights: c.weights,
      gpu: c.gpu,
      gpuCount: c.gpuCount,
      dollarsPerGpuHour: c.dollarsPerGpuHour,
    }),
  );
  return { rows, comparison: compareDeploymentRows(rows) };
}
