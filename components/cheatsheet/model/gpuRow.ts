import { getGpu, gpuFigureStatus } from '@/lib/hardware';
import type { Gpu, GpuFigure } from '@/lib/hardware/types';
import type { Bytes, BytesPerSecond } from '@/lib/units';

/** The low-bit tensor-core types the cheat sheet's GPU table shows. */
export const SHEET_LOW_BIT_DTYPES = ['fp8', 'int8', 'int4'] as const;
export type SheetLowBitDtype = (typeof SHEET_LOW_BIT_DTYPES)[number];

/** Whether a GPU's tensor cores run a type: 'yes', 'yes-unverified' (a peak whose source is unverified), or 'no' (no peak listed). */
export type TensorCoreSupport = 'yes' | 'yes-unverified' | 'no';

/** One row of the cheat sheet's GPU table, read from the lib/hardware catalog. */
export interface GpuSheetRow {
  id: string;
  name: string;
  /** As the datasheet prints it, e.g. "80 GB HBM3". */
  memoryLabel: string;
  /** What the driver reports (nvidia-smi / rocm-smi total). */
  usableMemoryBytes: Bytes;
  bandwidthBytesPerSecond: BytesPerSecond;
  tensorCores: Record<SheetLowBitDtype, TensorCoreSupport>;
  /** Whether the GPU has FP4 tensor cores (Blackwell), for a footnote. */
  fp4: boolean;
  /** Figures shown in the row (usable memory, bandwidth, the low-bit peaks present) whose best source is 'unverified'. */
  unverified: GpuFigure[];
  /** Distinct source ids (lib/sources) behind the figures shown, datasheet first. */
  sourceIds: string[];
}

/**
 * A GPU catalog entry reduced to what the printed table shows: driver-reported
 * memory, peak bandwidth, and FP8 / INT8 / INT4 tensor-core support, each flagged
 * when its source is unverified (lib/hardware `gpuFigureStatus`).
 *
 *     tensorCores[d] = 'no'              when denseTflops[d] is absent (not on the datasheet)
 *                    = 'yes-unverified'  when present and its best source is 'unverified'
 *                    = 'yes'             otherwise
 *
 * Source: lib/hardware GPUS (datasheets via `sources[].figures`; usable memory from
 * nvidia-smi outputs).
 *
 * @throws {Error} for an unknown GPU id.
 * @example gpuSheetRow('h100-sxm').tensorCores // { fp8: 'yes', int8: 'yes', int4: 'no' }
 * @example gpuSheetRow('l40s').tensorCores     // { fp8: 'yes', int8: 'yes-unverified', int4: 'yes-unverified' }
 */
export function gpuSheetRow(gpu: string | Gpu): GpuSheetRow {
  const g = typeof gpu === 'string' ? getGpu(gpu) : gpu;
  const support = (d: SheetLowBitDtype): TensorCoreSupport => {
    const peak = g.denseTflops[d];
    if (peak === undefined || peak <= 0) return 'no';
    return gpuFigureStatus(g, d) === 'unverified' ? 'yes-unverified' : 'yes';
  };
  const tensorCores = { fp8: support('fp8'), int8: support('int8'), int4: support('int4') };
  const shown: GpuFigure[] = [
    'usableMemory',
    'bandwidth',
    ...SHEET_LOW_BIT_DTYPES.filter((d) => tensorCores[d] !== 'no'),
  ];
  const used = g.sources.filter((s) => s.figures.some((f) => shown.includes(f)));
  const datasheetFirst = [...used].sort(
    (a, b) => Number(b.figures.includes('bandwidth')) - Number(a.figures.includes('bandwidth')),
  );
  return {
    id: g.id,
    name: g.name,
    memoryLabel: g.memoryLabel,
    usableMemoryBytes: g.usableMemoryBytes,
    bandwidthBytesPerSecond: g.bandwidthBytesPerSecond,
    tensorCores,
    fp4: (g.denseTflops.fp4 ?? 0) > 0,
    unverified: shown.filter((f) => gpuFigureStatus(g, f) === 'unverified'),
    sourceIds: [...new Set(datasheetFirst.map((s) => s.id))],
  };
}
