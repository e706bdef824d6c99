/**
 * Roofline performance model: decode and prefill time, throughput against batch,
 * cost per token, and speed-up ceilings of weight formats. Peak figures: every
 * result is an upper bound on speed unless `efficiency` is lowered.
 */
export { decodeStep } from './decodeStep';
export type { DecodeInput, DecodeStepResult, Efficiency } from './decodeStep';
export { prefillTime, prefillRoofline } from './prefillTime';
export type { PrefillInput, PrefillResult } from './prefillTime';
export { decodeCurve } from './decodeCurve';
export type { DecodeCurveInput, DecodeCurveSeries, DecodeCurvePoint } from './decodeCurve';
export { costPerMillionTokens } from './costPerMillionTokens';
export { speedupCeiling } from './speedupCeiling';
export type { SpeedupCeiling } from './speedupCeiling';
export { effectiveComputeDtype, peakOpsPerSecond, attentionComputeDtype } from './computeDtype';
export type { EffectiveComputeDtype } from './computeDtype';
export { expectedExpertsTouched, attentionFlopsPerTokenPair } from './work';
