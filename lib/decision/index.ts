/**
 * The decision: from a reader's constraints (GPU, workload, accuracy tolerance,
 * evaluation budget, calibration data, context and concurrency) to a recommended
 * weight format, the reasons (lib computations or citations), the alternatives and a
 * spoken interview answer.
 */
export { decideQuantization } from './decideQuantization';
export { DECISION_SOURCES } from './sources';
export type {
  AccuracyTolerance,
  Alternative,
  CandidateCheck,
  CandidateId,
  Decision,
  DecisionConstraints,
  Reason,
  ReasonSource,
  Workload,
} from './types';
