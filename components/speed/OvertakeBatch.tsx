import { overtakeBatch } from './model/examples';
import { formatCount } from '@/lib/units';

/**
 * Inline, build-time smallest batch where format `faster` out-runs format `slower`
 * (components/speed/model `overtakeBatch`), or "never (up to 4,096)". Server component.
 *
 * @example <OvertakeBatch gpu="h200-sxm" context={256} faster="fp8-w8a8" slower="int4-g128" /> → "119"
 */
export function OvertakeBatch({
  model = 'llama-3.1-70b',
  gpu = 'h100-sxm',
  gpus = 1,
  context,
  kvBits = 16,
  faster,
  slower,
}: {
  model?: string;
  gpu?: string;
  gpus?: number;
  context: number;
  kvBits?: number;
  faster: string;
  slower: string;
}) {
  const b = overtakeBatch({ model, gpu, gpuCount: gpus, contextTokens: context, kvBits, faster, slower });
  return <span className="num">{b === null ? 'never (up to 4,096)' : formatCount(b)}</span>;
}
