/**
 * The accuracy lab: a small byte-level language model (trained by
 * bench/lab/train.py on the King James Bible), run in the browser at full
 * precision and quantized, with perplexity, next-token flip rate and KL
 * divergence against full precision, and prompt continuations.
 */
export { decodeHalf, decodeHalfArray, encodeHalf } from './fp16';
export { parseSafetensors, encodeSafetensorsF16, MAX_HEADER_BYTES, type SafetensorsFile } from './safetensors';
export {
  loadLabModel,
  linearLayers,
  parameterCount,
  BLOCK_LINEARS,
  type LabConfig,
  type LabModel,
  type LabBlock,
  type LinearLayer,
  type ActivationQuant,
} from './model';
export { encodeText, decodeTokens } from './tokenizer';
export {
  forward,
  createKvCache,
  applyLinear,
  matmulTransposed,
  rmsNorm,
  geluTanh,
  type KvCache,
  type LinearInputHook,
} from './forward';
export {
  evaluationWindows,
  evaluateTokens,
  compareToReference,
  logSoftmaxRow,
  type EvalWindow,
  type TokenEvaluation,
  type ReferenceComparison,
} from './metrics';
export {
  BUILTIN_QUANTIZERS,
  quantizeModel,
  captureLinearInputs,
  rtnRowGroups,
  int8PerChannel,
  RTN_GROUP_SIZE,
  NF4_BLOCK_SIZE,
  type LabQuantizer,
  type LinearWeight,
  type LinearQuantization,
  type LinearQuantizeFn,
  type CalibrationInputs,
} from './quantize-model';
export { continuePrompt, argmaxRow, type ContinueOptions, type Continuation } from './generate';
export {
  CALIBRATED_QUANTIZERS,
  CALIBRATION_TOKENS,
  gptqQuantizer,
  awqQuantizer,
  smoothQuantQuantizer,
  quantizeModelCalibrated,
  isCalibrated,
  type CalibratedQuantizer,
  type CalibrationMode,
  type CalibrationProgress,
} from './calibrated';
export { LAB_STORAGE, labBitsPerWeight } from './storage';
