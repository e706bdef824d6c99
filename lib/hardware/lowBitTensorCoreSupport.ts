import type { ComputeDtype, Gpu } from './types';

/** Tensor-core dtypes of at most 8 bits, in the order the UI lists them. */
export const LOW_BIT_DTYPES: readonly ComputeDtype[] = ['fp8', 'int8', 'int4', 'fp4'];

/**
 * The dtypes of 8 bits or fewer that a GPU's tensor cores multiply natively: those
 * with a dense peak in `denseTflops`. A format whose `computeDtype` is missing here
 * cannot use low-bit math on that GPU; its weights are dequantised to 16 bits first.
 *
 * Architecture pattern (docs/provenance.md §6): Turing and Ampere have INT8 and INT4 but no FP8;
 * Ada has FP8, INT8 and INT4; Hopper has FP8 and INT8 but no INT4; Blackwell adds FP4.
 *
 * @example lowBitTensorCoreSupport(getGpu('h100-sxm')) // ['fp8', 'int8']
 * @example lowBitTensorCoreSupport(getGpu('a100-80gb-sxm')) // ['int8', 'int4']
 */
export function lowBitTensorCoreSupport(gpu: Gpu): ComputeDtype[] {
  return LOW_BIT_DTYPES.filter((dtype) => {
    const tflops = gpu.denseTflops[dtype];
    return tflops !== undefined && tflops > 0;
  });
}
