import { planDeploymentRow, type DeploymentRowInput, type DeploymentRowPlan } from './planDeploymentRow';

/** How much cheaper a token gets on the same GPUs when more sequences share each decode step. */
export interface BatchCostRatio {
  small: DeploymentRowPlan;
  large: DeploymentRowPlan;
  /**
   * tokensPerSecondTotal(large) / tokensPerSecondTotal(small): with the same GPUs at
   * the same $/hour, the cost per token falls by this factor. Each batch is first
   * capped at what fits (`large.decode.batch` may be below the asked-for batch).
   */
  ratio: number;
}

/**
 * Cost per token at a small batch against a large one, same model, format and GPUs:
 *
 *     $/token ∝ gpuCount × $/GPU-hour / tokensPerSecondTotal
 *     ratio   = tokensPerSecondTotal(large batch) / tokensPerSecondTotal(small batch)
 *
 * so no price is needed. In the memory-bound regime one decode step reads the weights
 * once whatever the batch, so more sequences per step means proportionally more
 * tokens for nearly the same time, until KV-cache reads or compute take over.
 *
 * @throws {RangeError} when a batch is invalid, when not even one sequence fits (no
 *   tokens to price), or when the row inputs are invalid (the message names the field).
 * @example
 * batchCostRatio({ model: 'llama-3.1-70b', weights: 'fp8-w8a8', gpu: 'h100-sxm', gpuCount: 2, contextTokens: 1024, kvBits: 16 }, 1, 64).ratio // ≈ 47.2
 */
export function batchCostRatio(
  row: Omit<DeploymentRowInput, 'targetBatch' | 'dollarsPerGpuHour'>,
  smallBatch: number,
  largeBatch: number,
): BatchCostRatio {
  const plan = (targetBatch: number, field: string) => {
    const r = planDeploymentRow({ ...row, targetBatch, dollarsPerGpuHour: null });
    if (!r.ok) throw new RangeError(r.field === 'targetBatch' ? `${field}: ${r.message}` : r.message);
    if (!r.decode)
      throw new RangeError(
        `${field}: not even one sequence of ${row.contextTokens} tokens fits, so there are no tokens to price`,
      );
    return r;
  };
  const small = plan(smallBatch, 'smallBatch');
  const large = plan(largeBatch, 'largeBatch');
  return { small, large, ratio: large.decode!.tokensPerSecondTotal / small.decode!.tokensPerSecondTotal };
}
