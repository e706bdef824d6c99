/**
 * Quantization: turn float weights into a few bits each and back, the way
 * bitsandbytes (NF4, FP4, INT8 absmax, double quantization) and GPTQ
 * (zero-point integers) do, with error statistics, seeded sample weights and
 * a step-by-step explanation of any one weight.
 */
export { NF4_CODEBOOK, NF4 } from './nf4-codebook';
export { FP4_CODEBOOK, FP4_RAW_CODES, FP4 } from './fp4-codebook';
export { createDynamicMap, DYNAMIC_MAP_8BIT } from './dynamic-map';
export { makeCodebook, bucketize, nearestCode, type Codebook } from './codebook';
export { roundHalfEven } from './round-half-even';
export { blockCount } from './blocks';
export { quantizeNF4 } from './quantize-nf4';
export { quantizeFP4 } from './quantize-fp4';
export type { FourBitOptions } from './quantize-4bit';
export { doubleQuantizeAbsmax } from './double-quantize-absmax';
export { nf4BitsPerWeight, DOUBLE_QUANT_BLOCK_SIZE } from './bits-per-weight';
export { quantizeInt8Absmax } from './quantize-int8-absmax';
export { quantizeAffine, affineGrid, affineCode, type AffineOptions, type AffineGrid } from './quantize-affine';
export { errorStats, type ErrorStats } from './error-stats';
export {
  sampleWeights,
  WEIGHT_DISTRIBUTIONS,
  MAX_SAMPLE_WEIGHTS,
  DEFAULT_WEIGHT_STD,
  DEFAULT_STUDENT_T_DF,
  DEFAULT_OUTLIER_SCALE,
  type SampleWeightsOptions,
  type WeightDistribution,
} from './sample-weights';
export { createPrng, type Prng } from './prng';
export { parseWeights, MAX_PARSED_WEIGHTS, MAX_WEIGHT_TOKEN_CHARS, MAX_WEIGHTS_TEXT_CHARS } from './parse-weights';
export {
  explainWeight,
  type WeightExplanation,
  type Int8AbsmaxExplanation,
  type AffineExplanation,
  type FourBitExplanation,
} from './explain-weight';
export type {
  QuantizationResult,
  QuantizationMethod,
  Int8AbsmaxResult,
  AffineResult,
  FourBitResult,
  DoubleQuantResult,
} from './types';
// The method lab: one linear layer, RTN vs GPTQ vs AWQ vs SmoothQuant (see lib/quant/README.md).
export {
  matrix,
  matmul,
  matmulTransB,
  gram,
  transpose,
  cholesky,
  choleskyInverse,
  choleskyUpper,
  quadraticForm,
  frobeniusNorm,
  dot,
  MAX_MATRIX_ELEMENTS,
  type Matrix,
} from './matrix';
export { quantizeRtn, type IntWeightOptions, type QuantizedMatrix } from './rtn';
export { gptqHessian, gptqQuantize, type GptqOptions, type GptqResult, type GptqStep } from './gptq';
export {
  awqQuantize,
  awqSearchScales,
  type AwqQuantizerOptions,
  type AwqQuantized,
  type AwqSearchOptions,
  type AwqResult,
  type AwqGridPoint,
} from './awq';
export {
  smoothQuant,
  quantizeWeightsInt8PerRow,
  w8a8Output,
  type SmoothQuantOptions,
  type SmoothQuantResult,
  type ActivationQuant,
} from './smoothquant';
export { makeLabData, MAX_LAB_DIM, type LabData, type LabDataOptions, type ActivationDomain } from './lab-data';
export {
  compareMethods,
  outputNorms,
  outputError,
  type CompareMethodsOptions,
  type CompareMethodsResult,
  type MethodOutcome,
  type LabMethod,
  type LabStep,
  type CalibrationSet,
  type OutputNorms,
} from './method-lab';
