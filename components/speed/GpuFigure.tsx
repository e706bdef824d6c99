import Link from 'next/link';
import { getGpu } from '@/lib/hardware/getGpu';
import { gpuFigureStatus } from '@/lib/hardware/gpuFigureStatus';
import type { ComputeDtype } from '@/lib/hardware/types';
import { formatBandwidth } from './model/figures';
import { formatPeak } from '@/lib/units';

/**
 * Inline, build-time datasheet figure of a GPU from the catalog: `figure="bandwidth"`
 * ("3.35 TB/s") or a dtype's dense tensor peak ("989 TFLOPS"), linked to its source
 * on /sources and flagged when its status is 'unverified'. Server component.
 *
 * @example <GpuFigure gpu="h100-sxm" figure="bf16" /> → "989 TFLOPS"
 */
export function GpuFigure({ gpu = 'h100-sxm', figure }: { gpu?: string; figure: 'bandwidth' | ComputeDtype }) {
  const card = getGpu(gpu);
  let value: string;
  if (figure === 'bandwidth') value = formatBandwidth(card.bandwidthBytesPerSecond);
  else {
    const tflops = card.denseTflops[figure];
    if (tflops === undefined) throw new Error(`GpuFigure: ${card.name} lists no ${figure} peak`);
    value = formatPeak(tflops, figure);
  }
  const status = gpuFigureStatus(card, figure);
  const source = card.sources.find((s) => s.figures.includes(figure))!;
  return (
    <span className="num">
      <Link href={`/sources#${source.id}`}>{value}</Link>
      {status === 'unverified' ? ' (⚠ unverified)' : null}
    </span>
  );
}
