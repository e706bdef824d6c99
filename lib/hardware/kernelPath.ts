import { getFormat } from '../formats';
import type { WeightFormat } from '../formats/types';
import type { Gpu } from './types';

/** Whether vLLM runs a weight format on a GPU, and how. */
export interface KernelPath {
  /**
   * - 'native': the format's own math path (W8A8 on INT8/FP8 tensor cores, W4A4 on FP4 ones, weight-only kernels for W4A16).
   * - 'fallback': it runs, but not as the format intends (FP8 on Ampere runs weight-only, dequantised to 16 bits).
   * - 'unsupported': vLLM refuses it on this GPU.
   * - 'other-engine': not a vLLM format (GGUF and bitsandbytes files are llama.cpp's and transformers' first).
   */
  support: 'native' | 'fallback' | 'unsupported' | 'other-engine';
  /** The kernel, as a reader would look it up ("Machete", "CUTLASS scaled_mm (FP8)"). */
  kernel: string;
  /** One sentence: why this kernel, or why not. */
  note: string;
  /** Ids in lib/sources. */
  sources: readonly string[];
}

const FP8_DOCS = 'vllm-docs-fp8';
const INT8_DOCS = 'vllm-docs-int8';
const INT8_LATEST = 'vllm-docs-int8-latest';
const MP_KERNELS = 'vllm-mixed-precision-kernels-py';

/** 4-bit (or 8-bit) integer weights dequantised in the kernel, 16-bit math. */
function isWeightOnlyInteger(f: WeightFormat): boolean {
  return f.storage.kind === 'integer' && (f.computeDtype === 'bf16' || f.computeDtype === 'fp16');
}

/**
 * Which vLLM kernel path runs a weight format on a GPU generation — the column
 * "kernel" of the GPU tables, and the rule the practice generators use to draw only
 * pairs that exist. One home for the rule:
 *
 * - BF16/FP16: cuBLAS (hipBLASLt on AMD); FP16 on Turing, which has no BF16.
 * - FP8 W8A8: CUTLASS scaled_mm on Ada, Hopper and Blackwell (compute capability ≥ 8.9);
 *   on Ampere, weight-only W8A16 through FP8 Marlin; not on Turing (vLLM FP8 docs:
 *   "FP8 models will run on compute capability > 8.0 (Ampere) as weight-only W8A16");
 *   on MI300X as E4M3FNUZ, the checkpoint rescaled at load (vLLM w8a8_utils).
 * - INT8 W8A8: CUTLASS scaled_mm on Turing to Hopper; "INT8 is not supported on compute
 *   capability >= 10.0" (Blackwell: use FP8).
 * - Weight-only INT4/INT8 (GPTQ, AWQ, compressed-tensors W4A16/W8A16): vLLM's kernel
 *   selector tries Machete first (compute capability ≥ 9.0, Hopper), then Marlin (≥ 8.0);
 *   GPTQ/AWQ-format checkpoints go to gptq_marlin/awq_marlin directly, Marlin also on
 *   Hopper, where its README says it is "not yet optimized". Turing: ExLlama kernels.
 * - W4A8 (INT4 × FP8): CUTLASS W4A8, Hopper only ("requires compute capability of 90").
 * - NVFP4 / MXFP4: FP4 tensor cores on Blackwell; elsewhere dequantised to 16 bits
 *   (weight-only), so the 4-bit bytes help but not the math.
 * - GGUF and bitsandbytes (NF4/FP4) files: other engines' formats (llama.cpp,
 *   transformers); vLLM's support for them is partial, so the site does not model it.
 *
 * @throws {Error} for an unknown format id.
 * @example vllmKernelPath('int4-g128-sym', getGpu('h100-sxm')).kernel // 'Machete (Marlin for GPTQ/AWQ-format checkpoints)'
 * @example vllmKernelPath('fp8-w8a8', getGpu('t4')).support // 'unsupported'
 */
export function vllmKernelPath(formatId: string, gpu: Gpu): KernelPath {
  const f = getFormat(formatId);
  const arch = gpu.architecture;
  const amd = gpu.vendor === 'amd';

  if (f.storage.kind === 'float') {
    const blas = amd ? 'hipBLASLt' : 'cuBLAS';
    return arch === 'turing'
      ? {
          support: 'native',
          kernel: `${blas} (FP16)`,
          note: 'Turing has no BF16 tensor cores; vLLM runs FP16.',
          sources: [],
        }
      : {
          support: 'native',
          kernel: blas,
          note: '16-bit weights and activations: the dense GEMM library.',
          sources: [],
        };
  }

  if (f.storage.kind === 'gguf' || f.storage.kind === 'codebook') {
    return {
      support: 'other-engine',
      kernel: f.storage.kind === 'gguf' ? 'llama.cpp (MMQ / dequantise + GEMM)' : 'bitsandbytes (transformers)',
      note: 'A file format of another engine; vLLM loads some of these experimentally, so its speed is not modelled here.',
      sources: [],
    };
  }

  if (f.storage.kind === 'microscaling') {
    return arch === 'blackwell'
      ? {
          support: 'native',
          kernel: 'CUTLASS / FlashInfer FP4 GEMM',
          note: 'Blackwell multiplies FP4 on its tensor cores: 4-bit bytes and 4-bit math.',
          sources: ['nvidia-blog-nvfp4'],
        }
      : {
          support: 'fallback',
          kernel: 'dequantise to 16 bits (weight-only)',
          note: `${gpu.name} has no FP4 tensor cores: the 4-bit weights save memory and bandwidth, the math stays 16-bit.`,
          sources: ['nvidia-blog-nvfp4'],
        };
  }

  // Integer and FP8 storage from here.
  if (f.computeDtype === 'fp8' && f.storage.kind === 'integer') {
    // W4A8: INT4 weights × FP8 activations
    return arch === 'hopper'
      ? {
          support: 'native',
          kernel: 'CUTLASS W4A8',
          note: 'INT4 weights, FP8 activations quantised per token at run time, FP8 tensor-core math.',
          sources: ['vllm-cutlass-w4a8-py'],
        }
      : {
          support: 'unsupported',
          kernel: '—',
          note: "vLLM's CUTLASS W4A8 kernel requires compute capability 9.0 (Hopper).",
          sources: ['vllm-cutlass-w4a8-py'],
        };
  }

  if (f.computeDtype === 'fp8') {
    if (arch === 'turing')
      return {
        support: 'unsupported',
        kernel: '—',
        note: 'vLLM runs FP8 checkpoints only from compute capability 8.0 (Ampere) on.',
        sources: [FP8_DOCS],
      };
    if (arch === 'ampere') {
      return {
        support: 'fallback',
        kernel: 'FP8 Marlin (W8A16)',
        note: 'No FP8 tensor cores: weights stay FP8 in memory, the math runs in 16 bits (weight-only).',
        sources: [FP8_DOCS],
      };
    }
    if (amd) {
      return {
        support: 'native',
        kernel: 'FP8 GEMM (E4M3FNUZ)',
        note: 'MI300X uses E4M3FNUZ (largest value 240): OCP E4M3FN checkpoints are converted and rescaled at load.',
        sources: ['vllm-w8a8-utils-py'],
      };
    }
    return {
      support: 'native',
      kernel: 'CUTLASS scaled_mm (FP8)',
      note: 'FP8 weights and activations on FP8 tensor cores.',
      sources: [FP8_DOCS],
    };
  }

  if (f.computeDtype === 'int8') {
    if (arch === 'blackwell')
      return {
        support: 'unsupported',
        kernel: '—',
        note: 'vLLM: "INT8 is not supported on compute capability >= 10.0"; use FP8.',
        sources: [INT8_LATEST],
      };
    if (amd)
      return {
        support: 'unsupported',
        kernel: '—',
        note: 'vLLM documents INT8 W8A8 for NVIDIA Turing to Hopper only.',
        sources: [INT8_DOCS],
      };
    return {
      support: 'native',
      kernel: 'CUTLASS scaled_mm (INT8)',
      note: 'INT8 weights and activations on INT8 tensor cores.',
      sources: [INT8_DOCS],
    };
  }

  if (isWeightOnlyInteger(f)) {
    if (amd)
      return {
        support: 'fallback',
        kernel: 'ROCm weight-only kernels',
        note: 'Marlin and Machete are CUDA kernels; ROCm builds use their own.',
        sources: [MP_KERNELS],
      };
    if (arch === 'turing')
      return {
        support: 'fallback',
        kernel: 'ExLlama',
        note: 'Marlin needs compute capability 8.0; vLLM falls back to ExLlama kernels.',
        sources: [MP_KERNELS],
      };
    if (arch === 'hopper') {
      return {
        support: 'native',
        kernel: 'Machete (Marlin for GPTQ/AWQ-format checkpoints)',
        note: 'vLLM tries Machete first on Hopper (compute capability 9.0); Marlin also runs there but "is not yet optimized for Hopper".',
        sources: [MP_KERNELS, 'marlin-readme'],
      };
    }
    return {
      support: 'native',
      kernel: 'Marlin',
      note: 'FP16×INT4 kernel that dequantises in registers, near the bandwidth roof up to batch 16–32.',
      sources: [MP_KERNELS, 'marlin-readme'],
    };
  }

  return { support: 'native', kernel: 'vLLM default', note: '', sources: [] };
}

/**
 * Whether vLLM serves the pair at all (native or as a fallback): what generators and
 * checklists may draw. GGUF and bitsandbytes files count as served (by their own engine).
 *
 * @example vllmRunsFormatOn('int8-w8a8', getGpu('b200')) // false
 */
export function vllmRunsFormatOn(formatId: string, gpu: Gpu): boolean {
  return vllmKernelPath(formatId, gpu).support !== 'unsupported';
}
