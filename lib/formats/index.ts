export type { BitRole, BitsBreakdown, BitsPerWeight, GgufField, KvFormat, WeightFormat, WeightStorage } from './types';
export { FORMATS, FORMAT_ALIASES } from './catalog';
export { getFormat } from './getFormat';
export { bitsPerWeight } from './bitsPerWeight';
export { formatBitsBreakdown } from './formatBitsBreakdown';
export { storageBitsBreakdown, ggufBlockBytes } from './storageBitsBreakdown';
export type { BitsOptions } from './storageBitsBreakdown';
export { DEEPSEEK_V32_FP8_MLA_LAYOUT, KV_FORMATS, getKvFormat, type KvCacheLayout } from './kvFormats';
export {
  GGUF_FILE_BPW,
  GGUF_FILE_BPW_MODEL,
  GGUF_FILE_BPW_SOURCE,
  GGUF_Q4_K_M_FILE_SIZES_GB,
  ggufFileBitsPerWeight,
} from './ggufFileBpw';
export type { GgufFileBpw } from './ggufFileBpw';
export {
  GGUF_FILE_ID_PREFIX,
  GGUF_FILE_TYPES,
  GGUF_FILE_TYPE_SOURCES,
  ggmlBlock,
  ggufFileFormatId,
  ggufFileSize,
  ggufFileTypeOfId,
  ggufTensors,
  getsMoreBits,
} from './ggufFileType';
export type {
  GgmlBlock,
  GgmlType,
  GgufFileOptions,
  GgufFileSize,
  GgufFileType,
  GgufTensor,
  GgufTensorPlan,
  GgufTypeShare,
  TensorCategory,
} from './ggufFileType';
