/**
 * The printable cheat sheet's computations: batch-1 decode ceilings on the fewest GPUs
 * that hold a format, lib/decision's branches as a tree, GPU catalog rows with their
 * unverified flags, numbered citations, and small helpers. No React, no DOM.
 */
export { batchOneDecodeCeiling } from './decodeCeiling';
export type { DecodeCeiling, DecodeCeilingInput } from './decodeCeiling';
export { decisionTree } from './decisionTree';
export type { DecisionLeaf, DecisionTreeInput } from './decisionTree';
export { gpuSheetRow, SHEET_LOW_BIT_DTYPES } from './gpuRow';
export type { GpuSheetRow, SheetLowBitDtype, TensorCoreSupport } from './gpuRow';
export { numberSources, shortSourceLabel } from './citations';
export type { NumberedSource } from './citations';
export { averageBitsPerWeight, overheadExpression } from './averageBitsPerWeight';
