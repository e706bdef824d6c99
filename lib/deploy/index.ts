/**
 * Deployment planning: compare set-ups (weight format × GPU × GPU count) for one
 * model and load — fit, capacity, roofline speed at the batch that fits, and cost per
 * million tokens from a user-typed $/GPU-hour — plus the bits-per-weight budget of a
 * card. Every figure comes from lib/sizing and lib/perf; this module only composes them.
 */
export { capBatchAtFit } from './capBatch';
export type { CappedBatch } from './capBatch';
export { planDeploymentRow } from './planDeploymentRow';
export type {
  DeploymentRowInput,
  DeploymentRowPlan,
  DeploymentRowError,
  DeploymentDecode,
  DeploymentField,
} from './planDeploymentRow';
export { compareDeploymentRows } from './compareRows';
export type { DeploymentComparison } from './compareRows';
export { planDeployment } from './planDeployment';
export type { DeploymentCandidate, DeploymentInput, DeploymentPlan } from './planDeployment';
export { batchCostRatio } from './batchCostRatio';
export type { BatchCostRatio } from './batchCostRatio';
export { largestBatchWithinItl } from './sloBatch';
export type { ServingSetup, BatchPoint, ItlBatch } from './sloBatch';
export { tensorParallelAllReduce } from './allReduceCost';
export type { AllReduceCost } from './allReduceCost';
