import { GPUS } from '@/lib/hardware';
import { getSource } from '@/lib/sources';

/**
 * Titles of every source the GPU catalog cites, by id: what the speed calculator
 * needs to label its "GPU figures used" links, computed on the server so the client
 * bundle does not carry the whole sources list.
 *
 * @throws {Error} when a GPU cites an id missing from the sources list (a catalog bug; lib/sources tests catch it).
 * @example gpuSourceTitles()['nvidia-h100-datasheet'] // 'NVIDIA H100 Tensor Core GPU datasheet' (as in lib/sources)
 */
export function gpuSourceTitles(): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const gpu of GPUS) for (const source of gpu.sources) titles[source.id] = getSource(source.id).title;
  return titles;
}
