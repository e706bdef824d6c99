import { getModel } from '@/lib/models';
import { weightBytes } from '@/lib/sizing';
import { formatBytesBoth } from '@/lib/units';

/**
 * Inline, build-time number: the weight bytes of a catalog model in a format,
 * in GB and GiB. Server component — no client JavaScript.
 */
export function WeightBytes({ model, format }: { model: string; format: string }) {
  return <span className="num">{formatBytesBoth(weightBytes(getModel(model).spec, format).bytes)}</span>;
}
