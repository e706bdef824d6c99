/**
 * Evaluation statistics for comparing a quantized model with its baseline: the noise
 * on a benchmark accuracy and the share of answers that flip.
 */
export { accuracyStandardError, flipRate, MMLU_TEST, Z_95 } from './accuracyNoise';
export type { BenchmarkSize } from './accuracyNoise';
