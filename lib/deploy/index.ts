/**
 * Deployment planning: compare set-ups (weight format × GPU × GPU count) for one
 * model and load — fit, capacity, roofline speed at the batch that fits, and cost per
 * million tokens from a user-typed $/GPU-hour — plus the bits-per-weight budget of a
 * card. Every figure comes from lib/sizing and lib/perf; this module only composes them.
 */
export { parseDollarsPerHour, MIN_DOLLARS_PER_GPU_HOUR, MAX_DOLLARS_PER_GPU_HOUR } from './parseDollarsPerHour';
export type { DollarsPerHourInput } from './parseDollarsPerHour';
export { capBatchAtFit } from './capBatch';
export type { CappedBatch } from './capBatch';
export { tensorParallelSizes, tensorParallelNote } from './tensorParallel';
export type { TensorParallelNote } from './tensorParallel';
export { planDeploymentRow } from './planDeploymentRow';
export type { DeploymentRowInput, DeploymentRowPlan, DeploymentRowError, DeploymentDecode, DeploymentField } from './planDeploymentRow';
export { compareDeploymentRows } from './compareRows';
export type { DeploymentComparison } from './compareRows';
export { planDeployment } from './planDeployment';
export type { DeploymentCandidate, DeploymentInput, DeploymentPlan } from './planDeployment';
export { weightBudget, maxBitsPerWeightToFit, ggufTypesWithinBudget } from './weightBudget';
export type { WeightBudget, ReservedLoad, GgufFitRow } from './weightBudget';
export { formatDollars, formatDuration, formatTokensPerSecond } from './format';
export { batchCostRatio } from './batchCostRatio';
export type { BatchCostRatio } from './batchCostRatio';
export { largestBatchWithinItl } from './sloBatch';
export type { ServingSetup, BatchPoint, ItlBatch } from './sloBatch';
export { tensorParallelAllReduce } from './allReduceCost';
export type { AllReduceCost } from './allReduceCost';
