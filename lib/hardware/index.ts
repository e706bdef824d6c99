export type { ComputeDtype, Gpu, GpuArchitecture, GpuFigure, GpuSource, Source } from './types';
export { GPUS } from './catalog';
export { getGpu } from './getGpu';
export { LOW_BIT_DTYPES, lowBitTensorCoreSupport } from './lowBitTensorCoreSupport';
export { gpuFigureStatus, gpuStatesFigure } from './gpuFigureStatus';
export { vllmKernelPath, vllmRunsFormatOn } from './kernelPath';
export type { KernelPath } from './kernelPath';
