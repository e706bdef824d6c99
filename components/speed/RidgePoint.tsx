import { getGpu } from '@/lib/hardware/getGpu';
import type { ComputeDtype } from '@/lib/hardware/types';
import { expertsTouched, kvAttentionIntensity, ridgePoint, weightIntensity } from './model/figures';
import { formatCount, formatNumber } from '@/lib/units';

/**
 * Inline, build-time ridge point of a GPU's roofline: peak ops ÷ bandwidth, in
 * FLOP per byte (components/speed/model `ridgePoint`). Server component.
 *
 * @example <RidgePoint gpu="h100-sxm" dtype="bf16" /> → "295 FLOP/byte"
 */
export function RidgePoint({ gpu = 'h100-sxm', dtype = 'bf16' }: { gpu?: string; dtype?: ComputeDtype }) {
  return <span className="num">{formatNumber(ridgePoint(getGpu(gpu), dtype), 0)} FLOP/byte</span>;
}

/**
 * Inline, build-time arithmetic intensity of the weight matmuls in a decode step:
 * 2 × batch ÷ bytes per weight (components/speed/model `weightIntensity`). Server component.
 *
 * @example <WeightIntensity weights="bf16" batch={1} /> → "1 FLOP/byte"
 */
export function WeightIntensity({ weights, batch }: { weights: string; batch: number }) {
  const x = weightIntensity(weights, batch);
  return <span className="num">{formatNumber(x, Number.isInteger(x) ? 0 : 2)} FLOP/byte</span>;
}

/**
 * Inline, build-time intensity of decode attention over the KV cache, FLOP per byte
 * (components/speed/model `kvAttentionIntensity`). Server component.
 *
 * @example <KvIntensity model="llama-3.1-70b" /> → "8 FLOP/byte"
 */
export function KvIntensity({ model = 'llama-3.1-70b', kvBits = 16 }: { model?: string; kvBits?: number }) {
  const x = kvAttentionIntensity(model, kvBits);
  return <span className="num">{formatNumber(x, Number.isInteger(x) ? 0 : 1)} FLOP/byte</span>;
}

/**
 * Inline, build-time routed experts read per MoE layer at a batch, "7.2 of 8"
 * (components/speed/model `expertsTouched`, uniform routing). Server component.
 *
 * @example <ExpertsTouched model="mixtral-8x7b" batch={8} /> → "7.2 of 8"
 */
export function ExpertsTouched({ model = 'mixtral-8x7b', batch }: { model?: string; batch: number }) {
  const e = expertsTouched(model, batch);
  return (
    <span className="num">
      {formatNumber(e.touched, Number.isInteger(e.touched) ? 0 : 1)} of {formatCount(e.routedExperts)}
    </span>
  );
}
