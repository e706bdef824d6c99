import type { Gpu, GpuFigure, Source } from './types';

const RANK: Record<Source['status'], number> = { verified: 0, secondary: 1, unverified: 2 };

/**
 * How sure we are of one figure of a GPU entry: the status of the sources backing
 * it. When several sources back the same figure the best one wins (a verified
 * nvidia-smi output outranks a secondary copy of the datasheet).
 *
 * @throws {Error} when the GPU states no such figure or no source backs it (a catalog bug).
 * @example gpuFigureStatus(getGpu('h100-sxm'), 'usableMemory') // 'verified'
 * @example gpuFigureStatus(getGpu('l40s'), 'int4') // 'unverified'
 */
export function gpuFigureStatus(gpu: Gpu, figure: GpuFigure): Source['status'] {
  if (!gpuStatesFigure(gpu, figure)) throw new Error(`figure: ${gpu.name} states no ${figure} figure`);
  const statuses = gpu.sources.filter((source) => source.figures.includes(figure)).map((source) => source.status);
  if (statuses.length === 0) throw new Error(`figure: no source backs ${gpu.name}'s ${figure} figure`);
  return statuses.reduce((best, status) => (RANK[status] < RANK[best] ? status : best));
}

/** Whether a GPU entry states this figure at all (e.g. a T4 has no bf16 peak). */
export function gpuStatesFigure(gpu: Gpu, figure: GpuFigure): boolean {
  switch (figure) {
    case 'memory':
    case 'usableMemory':
    case 'bandwidth':
    case 'interconnect':
      return true;
    case 'cudaVisibleMemory':
      return gpu.cudaVisibleMemoryBytes !== undefined;
    default:
      return gpu.denseTflops[figure] !== undefined;
  }
}
