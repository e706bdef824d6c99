import { speedupCeiling } from '@/lib/perf/speedupCeiling';
import { formatRatio } from '@/lib/units';

/**
 * Inline, build-time speed-up ceiling of a format over a baseline on one GPU
 * (lib/perf `speedupCeiling`): `regime="memory"` bits-per-weight ratio,
 * `"compute"` tensor-core peak ratio, `"ceiling"` the larger. Server component.
 *
 * @example <SpeedupCeiling weights="int4-g128" regime="memory" /> → "3.85×"
 */
export function SpeedupCeiling({
  gpu = 'h100-sxm',
  weights,
  baseline = 'bf16',
  regime = 'ceiling',
}: {
  gpu?: string;
  weights: string;
  baseline?: string;
  regime?: 'memory' | 'compute' | 'ceiling';
}) {
  const c = speedupCeiling({ gpu, weights, baseline });
  const ratio = regime === 'memory' ? c.memoryBoundRatio : regime === 'compute' ? c.computeBoundRatio : c.ceiling;
  return <span className="num">{formatRatio(ratio)}</span>;
}
