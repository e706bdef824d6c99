import type { ComputeDtype, Gpu } from '../hardware/types';
import type { OpsPerSecond } from '../units';

/** The matmul dtype a format actually runs in on a given GPU. */
export interface EffectiveComputeDtype {
  /** The dtype whose tensor-core peak applies. */
  dtype: ComputeDtype;
  /** The dtype the format asks for (`WeightFormat.computeDtype`). */
  requested: ComputeDtype;
  /** True when the GPU lacks tensor cores for `requested`. */
  fellBack: boolean;
  /** Why, in a sentence, when it fell back. */
  note: string | null;
}

/** 16-bit dtypes tried, in order, when a GPU lacks the requested one. */
const SIXTEEN_BIT: readonly ComputeDtype[] = ['bf16', 'fp16'];

/**
 * The compute dtype a weight format runs in on a GPU, falling back when the GPU has
 * no tensor cores for it.
 *
 * - The GPU lists a dense peak for the format's `computeDtype` → that dtype.
 * - FP8 (and INT8/INT4/FP4) on a GPU without those tensor cores → BF16 (or FP16 where
 *   the GPU has no BF16, e.g. T4): the low-bit weights stay in memory and are
 *   dequantised in the kernel, then multiplied in 16 bits. This is what vLLM does for
 *   FP8 checkpoints on Ampere (weight-only FP8 through the Marlin kernel); the
 *   activations are not quantised, so the compute peak is the 16-bit one.
 * - BF16 on a GPU without BF16 (T4, V100) → FP16, same tensor-core rate.
 *
 * Source: peaks from lib/hardware (`denseTflops`, absent = no tensor-core support);
 * A100 has no FP8 and H100 no INT4 tensor cores (NVIDIA A100 and H100 datasheets: no such rows).
 *
 * @throws {Error} when the GPU lists neither the requested dtype nor BF16/FP16.
 * @example effectiveComputeDtype('fp8', a100).dtype  // 'bf16' (fellBack: true)
 * @example effectiveComputeDtype('fp8', h100).dtype  // 'fp8'
 */
export function effectiveComputeDtype(requested: ComputeDtype, gpu: Gpu): EffectiveComputeDtype {
  if (hasPeak(gpu, requested)) return { dtype: requested, requested, fellBack: false, note: null };
  const fallback = SIXTEEN_BIT.find((dtype) => hasPeak(gpu, dtype));
  if (!fallback) {
    throw new Error(`gpu: ${gpu.name} lists no tensor-core peak for ${requested}, bf16 or fp16`);
  }
  const note =
    requested === 'bf16' || requested === 'fp16'
      ? `${gpu.name} has no ${requested} tensor cores; the matmuls run in ${fallback} at the same rate.`
      : `${gpu.name} has no ${requested} tensor cores; the ${requested} weights are dequantised in the kernel and multiplied in ${fallback} (weight-only, as vLLM runs FP8 on Ampere via Marlin).`;
  return { dtype: fallback, requested, fellBack: true, note };
}

function hasPeak(gpu: Gpu, dtype: ComputeDtype): boolean {
  const tflops = gpu.denseTflops[dtype];
  return tflops !== undefined && Number.isFinite(tflops) && tflops > 0;
}

/**
 * Dense tensor-core peak of one GPU in a dtype, in operations per second
 * (TFLOPS × 10¹²).
 *
 * @throws {Error} when the GPU lists no peak for that dtype.
 * @example peakOpsPerSecond(h100, 'bf16') // 989e12
 */
export function peakOpsPerSecond(gpu: Gpu, dtype: ComputeDtype): OpsPerSecond {
  const tflops = gpu.denseTflops[dtype];
  if (tflops === undefined || !(tflops > 0)) throw new Error(`gpu: ${gpu.name} lists no ${dtype} tensor-core peak`);
  return tflops * 1e12;
}

/**
 * The dtype attention (QKᵀ and softmax·V over the KV cache) runs in: the 16-bit
 * one, whatever the weight format. W8A8 formats quantise the linear layers only;
 * FlashAttention-style kernels multiply in BF16/FP16.
 *
 * @example attentionComputeDtype(t4) // 'fp16'
 */
export function attentionComputeDtype(gpu: Gpu): ComputeDtype {
  return effectiveComputeDtype('bf16', gpu).dtype;
}
