import { GPUS } from './catalog';
import type { Gpu } from './types';

const BY_ID: ReadonlyMap<string, Gpu> = new Map(GPUS.map((gpu) => [gpu.id, gpu]));

/**
 * The catalog entry of a GPU.
 *
 * @throws {Error} "Unknown GPU: <id>" when the id is not in `GPUS`.
 * @example getGpu('h100-sxm').usableMemoryBytes // 85_520_809_984 (81,559 MiB)
 */
export function getGpu(id: string): Gpu {
  const gpu = BY_ID.get(id);
  if (!gpu) throw new Error(`Unknown GPU: ${id}`);
  return gpu;
}
