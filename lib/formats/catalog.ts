import type { Source } from '../hardware/types';
import type { GgufField, WeightFormat, WeightStorage } from './types';

// ── Shared sources ──────────────────────────────────────────────────────────
const GGML_COMMON: Source = {
  id: 'llama-cpp-ggml-common-h',
  note: 'Block struct, its static_assert size and "Effectively N bits per weight" comment (commit 01243c5)',
  status: 'verified',
};
const GPTQ_LAYOUT: Source = {
  id: 'autogptq-qlinear-cuda-py',
  note: 'qzeros buffer is (⌈in/group⌉, out·bits/32) int32 — `bits` bits per group per output column, written even when sym=True; scales are fp16 per group per output column',
  status: 'verified',
};
const FLOAT_SOURCE: Source = {
  id: 'hf-blog-hf-bitsandbytes-integration',
  note: '"Common data types used in Machine Learning": FP32 4 bytes, FP16/BF16 2 bytes per parameter',
  status: 'verified',
};

const WEIGHT_ONLY_GGUF =
  'GGUF _S/_M/_L files are mixes: attention-V, FFN-down and output tensors get a higher type, so a whole file averages more than this base type: to size a downloaded file, pick its file type (Q4_K_M, …), which follows the per-tensor rules of llama.cpp.';
const GGUF_COMPUTE =
  'llama.cpp multiplies these either by dequantising to FP16 (cuBLAS) or, in its MMQ kernels, by quantising activations to 8 bits and using integer dot products; FP16 is used here as the compute dtype.';

function gguf(ggmlType: string, blockWeights: number, fields: GgufField[]): Extract<WeightStorage, { kind: 'gguf' }> {
  return { kind: 'gguf', ggmlType, blockWeights, fields };
}

/** A GGUF base-type entry; every one is weight-only and quantises embeddings too. */
function ggufFormat(
  id: string,
  name: string,
  summary: string,
  storage: Extract<WeightStorage, { kind: 'gguf' }>,
  extraCaveats: string[] = [],
): WeightFormat {
  return {
    id,
    name,
    summary,
    storage,
    computeDtype: 'fp16',
    embeddingsAt16Bit: false,
    caveats: [...extraCaveats, WEIGHT_ONLY_GGUF, GGUF_COMPUTE],
    sources: [GGML_COMMON],
  };
}

/**
 * The weight-format catalog. Each entry's storage layout determines its bits per
 * weight (`bitsPerWeight`, `formatBitsBreakdown`); nothing here is a typed-in
 * bits-per-weight number.
 *
 * Sources per entry; the fact base is docs/provenance.md §1–4.
 *
 * @example FORMATS.map((f) => f.id).includes('nf4-dq') // true
 */
export const FORMATS: readonly WeightFormat[] = [
  // ── Floats ────────────────────────────────────────────────────────────────
  {
    id: 'fp32',
    name: 'FP32',
    summary: 'IEEE single precision, 4 bytes per weight: how checkpoints are trained, rarely how they are served.',
    storage: { kind: 'float', dtype: 'fp32' },
    computeDtype: 'fp32',
    embeddingsAt16Bit: false,
    caveats: ['The GPU catalog lists tensor-core peaks only; plain FP32 matmuls have no entry there.'],
    sources: [
      FLOAT_SOURCE,
      {
        id: 'llama-cpp-quantize-readme',
        note: '"Original size" of Llama 3.1 is FP32: 70B → 280.9 GB ≈ 70.55B × 4 B',
        status: 'verified',
      },
    ],
  },
  {
    id: 'bf16',
    name: 'BF16',
    summary: "bfloat16: FP32's 8-bit exponent with a 7-bit mantissa; the usual unquantised serving format.",
    storage: { kind: 'float', dtype: 'bf16' },
    computeDtype: 'bf16',
    embeddingsAt16Bit: false,
    caveats: [],
    sources: [FLOAT_SOURCE],
  },
  {
    id: 'fp16',
    name: 'FP16',
    summary:
      'IEEE half precision: 5-bit exponent, 10-bit mantissa; same size and tensor-core rate as BF16, narrower range.',
    storage: { kind: 'float', dtype: 'fp16' },
    computeDtype: 'fp16',
    embeddingsAt16Bit: false,
    caveats: [],
    sources: [FLOAT_SOURCE],
  },

  // ── 8-bit ─────────────────────────────────────────────────────────────────
  {
    id: 'fp8-w8a8',
    name: 'FP8 E4M3 (W8A8)',
    summary:
      'Weights and activations in 8-bit floats (E4M3) with per-channel weight scales; runs on FP8 tensor cores (Ada, Hopper, Blackwell, MI300).',
    storage: { kind: 'fp8', dtype: 'fp8-e4m3', scaleGranularity: 'channel', scaleBits: 32 },
    computeDtype: 'fp8',
    embeddingsAt16Bit: true,
    caveats: [
      'Scale width assumed FP32; per-tensor scaling (one scale per matrix) is also common. Either way the scale costs < 0.01 bits per weight.',
      'No FP8 tensor cores on Ampere (A100, RTX 3090) or Turing: there FP8 checkpoints run weight-only.',
    ],
    sources: [
      { id: 'fp8-formats-2209.05433', note: 'E4M3 encoding', status: 'secondary' },
      {
        id: 'bf16-or-death-2411.02355',
        note: 'W8A8-FP8 "effectively lossless across all model scales" (abstract)',
        status: 'verified',
      },
    ],
  },
  {
    id: 'int8-w8a16',
    name: 'INT8 weight-only (W8A16)',
    summary:
      'Weights in INT8 with one scale per output channel, dequantised to 16 bits for the matmul: halves weight memory and traffic, not compute.',
    storage: { kind: 'integer', bits: 8, groupSize: 'channel', scaleBits: 16, zeroPointBits: 0 },
    computeDtype: 'bf16',
    embeddingsAt16Bit: true,
    caveats: [
      'Scale width assumed 16 bits (BF16/FP16); it costs 16/in_features ≈ 0.002 bits per weight on a 70B model.',
    ],
    sources: [
      {
        id: 'nm-llama-3.1-70b-instruct-w8a16',
        note: 'Llama-3.1-70B W8A16 "within 3.2%" of unquantised',
        status: 'verified',
      },
      { id: 'gptq-quant-py', note: 'Per-row (channel) affine grid', status: 'verified' },
    ],
  },
  {
    id: 'int8-w8a8',
    name: 'INT8 W8A8 (SmoothQuant-style)',
    summary:
      'Weights and activations in INT8, outliers smoothed into the weights first; runs on INT8 tensor cores at up to 2× the FP16 rate.',
    storage: { kind: 'integer', bits: 8, groupSize: 'channel', scaleBits: 16, zeroPointBits: 0 },
    computeDtype: 'int8',
    embeddingsAt16Bit: true,
    caveats: [
      "Scale width assumed 16 bits; per-tensor weight scales (SmoothQuant's original kernels) cost even less.",
      'Well-tuned W8A8-INT loses 1–3% accuracy (Red Hat study); naive activation quantisation without smoothing fails above ~6.7B parameters.',
    ],
    sources: [
      { id: 'smoothquant-2211.10438', note: 'W8A8 INT8 with per-channel smoothing factors', status: 'secondary' },
      { id: 'smoothquant-repo', note: 'smooth.py; Llama-2-70B W8A8 Wiki2 3.320 → 3.359', status: 'verified' },
      { id: 'bf16-or-death-2411.02355', note: 'W8A8-INT "1-3% accuracy degradation"', status: 'verified' },
    ],
  },
  {
    id: 'llm-int8',
    name: 'LLM.int8() (bitsandbytes)',
    summary:
      'INT8 weights with a per-row absmax; activation columns with outliers (|x| ≥ 6) are multiplied in FP16, the rest in INT8.',
    storage: { kind: 'integer', bits: 8, groupSize: 'channel', scaleBits: 32, zeroPointBits: 0 },
    computeDtype: 'int8',
    embeddingsAt16Bit: true,
    caveats: [
      "Marked INT8 compute, but bitsandbytes' implementation is slower than FP16: BLOOM-176B 15–23% slower, small models several times slower (HF blog). Do not use the INT8 tensor-core peak to predict its speed.",
      'Row absmax stored as FP32 (bitsandbytes row statistics); 32/in_features ≈ 0.004 bits per weight.',
      'Raw bnb.nn.Linear8bitLt defaults to threshold 0.0 (no outlier decomposition); transformers sets 6.0.',
    ],
    sources: [
      {
        id: 'llm-int8-2208.07339',
        note: 'Vector-wise quantisation + mixed-precision decomposition',
        status: 'secondary',
      },
      {
        id: 'bnb-default-ops-py',
        note: 'int8_vectorwise_quant: per-row absmax, q = round(127·A/rowmax)',
        status: 'verified',
      },
      {
        id: 'hf-blog-hf-bitsandbytes-integration',
        note: '"about 15% to 23% slower than the fp16 version"',
        status: 'verified',
      },
      { id: 'transformers-quantization-config-py', note: 'llm_int8_threshold default 6.0', status: 'verified' },
    ],
  },

  // ── 4-bit integers (GPTQ / AWQ layout) ────────────────────────────────────
  {
    id: 'int4-g128',
    name: 'INT4 group-128 (GPTQ/AWQ, W4A16)',
    summary:
      'Weights in 4-bit integers, one FP16 scale and one 4-bit zero-point per 128 weights, dequantised to FP16 in the kernel.',
    storage: { kind: 'integer', bits: 4, groupSize: 128, scaleBits: 16, zeroPointBits: 4 },
    computeDtype: 'fp16',
    embeddingsAt16Bit: true,
    caveats: [
      "GPTQ checkpoints store a packed 4-bit zero-point per group even with sym=True (transformers' default): the symmetric zero is written as a constant. Formats that drop it cost 4.125 bits (int4-g128-sym).",
      "Ignores GPTQ's g_idx (one int32 per input column, 32/out_features ≈ 0.004 bits per weight).",
      'Weight-only: the speed-up comes from moving fewer bytes, so it shrinks as batch size grows (Marlin keeps ~3.9× up to batch ≈16–32).',
    ],
    sources: [
      GPTQ_LAYOUT,
      { id: 'gptq-2210.17323', note: 'g128 costs "≈0.15 extra bits" (16/128 + 4/128 = 0.15625)', status: 'secondary' },
      { id: 'awq-2306.00978', note: 'INT4 group size 128 throughout', status: 'secondary' },
      { id: 'transformers-quantization-config-py', note: 'GPTQConfig group_size 128, sym True', status: 'verified' },
    ],
  },
  {
    id: 'int4-g128-sym',
    name: 'INT4 group-128 symmetric (W4A16, Marlin)',
    summary:
      "INT4 with one 16-bit scale per 128 weights and no stored zero-point: compressed-tensors W4A16 checkpoints (llm-compressor) and Marlin's kernel format.",
    storage: { kind: 'integer', bits: 4, groupSize: 128, scaleBits: 16, zeroPointBits: 0 },
    computeDtype: 'fp16',
    embeddingsAt16Bit: true,
    caveats: [
      'Weight-only: FP16×INT4 kernels on Ampere/Ada ("not yet optimized for Hopper").',
      "Scales are stored in the checkpoint's dtype (FP16 or BF16): 16 bits either way.",
    ],
    sources: [
      {
        id: 'marlin-readme',
        note: 'Ideal ≈3.87× = 16 / (4 + 0.125): the group-128 scale is the only overhead',
        status: 'verified',
      },
      {
        id: 'compressed-tensors-quant-scheme-py',
        note: 'W4A16 preset: num_bits=4, type=INT, strategy=GROUP, group_size=128, symmetric=True (no zero point stored)',
        status: 'verified',
      },
    ],
  },
  {
    id: 'int4-g64',
    name: 'INT4 group-64 (GPTQ layout)',
    summary: 'GPTQ/AWQ layout with a scale and zero-point per 64 weights: slightly more accurate, slightly larger.',
    storage: { kind: 'integer', bits: 4, groupSize: 64, scaleBits: 16, zeroPointBits: 4 },
    computeDtype: 'fp16',
    embeddingsAt16Bit: true,
    caveats: [],
    sources: [GPTQ_LAYOUT],
  },
  {
    id: 'int4-g32',
    name: 'INT4 group-32 (GPTQ layout)',
    summary: 'GPTQ/AWQ layout with a scale and zero-point per 32 weights.',
    storage: { kind: 'integer', bits: 4, groupSize: 32, scaleBits: 16, zeroPointBits: 4 },
    computeDtype: 'fp16',
    embeddingsAt16Bit: true,
    caveats: [],
    sources: [GPTQ_LAYOUT],
  },

  // ── bitsandbytes 4-bit ────────────────────────────────────────────────────
  {
    id: 'nf4',
    name: 'NF4 (bitsandbytes)',
    summary:
      '4-bit NormalFloat: each weight is the index of one of 16 normal-quantile levels, times an FP32 absmax per block of 64.',
    storage: { kind: 'codebook', codebook: 'nf4', blockSize: 64, absmaxBits: 32, doubleQuant: null },
    computeDtype: 'bf16',
    embeddingsAt16Bit: true,
    caveats: [
      'Compute is not 4-bit: weights are dequantised to the compute dtype. transformers defaults bnb_4bit_compute_dtype to float32; set bfloat16.',
      "transformers' BitsAndBytesConfig defaults to FP4 without double quantisation: NF4 must be asked for.",
    ],
    sources: [
      {
        id: 'qlora-2305.14314',
        note: '§3: FP32 block constants cost 32/64 = 0.5 bits per parameter',
        status: 'secondary',
      },
      {
        id: 'bnb-functional-py',
        note: 'quantize_4bit: blocksize 64, fp32 absmax; get_4bit_type("nf4")',
        status: 'verified',
      },
      {
        id: 'hf-blog-4bit-transformers-bitsandbytes',
        note: '"the computation is not done in 4bit"',
        status: 'verified',
      },
    ],
  },
  {
    id: 'nf4-dq',
    name: 'NF4 + double quantisation (QLoRA)',
    summary:
      'NF4 whose per-block absmax values are themselves quantised to 8 bits in blocks of 256, with one FP32 constant per 256 blocks.',
    storage: {
      kind: 'codebook',
      codebook: 'nf4',
      blockSize: 64,
      absmaxBits: 32,
      doubleQuant: { blockSize: 256, codeBits: 8, secondLevelAbsmaxBits: 32 },
    },
    computeDtype: 'bf16',
    embeddingsAt16Bit: true,
    caveats: [
      "The 8-bit absmax code is bitsandbytes' dynamic map, not IEEE FP8 as the paper words it.",
      'Saves 0.373 bits per parameter (QLoRA), about 3 GB on a 65B model.',
    ],
    sources: [
      { id: 'qlora-2305.14314', note: '§3: 8/64 + 32/(64·256) = 0.127 bits per parameter', status: 'secondary' },
      {
        id: 'bnb-functional-py',
        note: 'quantize_4bit(compress_statistics=True): absmax minus mean, quantize_blockwise(blocksize=256)',
        status: 'verified',
      },
    ],
  },
  {
    id: 'bnb-fp4',
    name: 'FP4 (bitsandbytes)',
    summary: "bitsandbytes' 4-bit float (1 sign, 2 exponent, 1 mantissa bit) scaled by an FP32 absmax per block of 64.",
    storage: { kind: 'codebook', codebook: 'fp4', blockSize: 64, absmaxBits: 32, doubleQuant: null },
    computeDtype: 'bf16',
    embeddingsAt16Bit: true,
    caveats: [
      'This is transformers\' default 4-bit type (bnb_4bit_quant_type="fp4", no double quant). Raw bnb.nn.Linear4bit defaults to compress_statistics=True, i.e. ≈4.127 bits.',
      'Not the same as OCP MXFP4 or NVIDIA FP4 tensor-core formats.',
    ],
    sources: [
      { id: 'bnb-functional-py', note: 'get_4bit_type("fp4") code table; blocksize 64', status: 'verified' },
      { id: 'transformers-quantization-config-py', note: 'BitsAndBytesConfig defaults', status: 'verified' },
    ],
  },

  // ── Microscaling ──────────────────────────────────────────────────────────
  {
    id: 'mxfp4',
    name: 'MXFP4',
    summary: 'OCP microscaling FP4: 32 E2M1 values share one 8-bit power-of-two (E8M0) scale.',
    storage: { kind: 'microscaling', element: 'fp4-e2m1', blockSize: 32, scaleBits: 8, scaleDtype: 'e8m0' },
    computeDtype: 'fp4',
    embeddingsAt16Bit: true,
    caveats: [
      'FP4 tensor cores exist on Blackwell only; elsewhere MXFP4 weights are dequantised to 16 bits.',
      'Checkpoints that use it (e.g. gpt-oss) quantise only some tensors, typically the MoE experts.',
    ],
    sources: [{ ...GGML_COMMON, note: 'block_mxfp4: uint8_t e (E8M0) + qs[32/2] = 17 bytes per 32 weights' }],
  },

  {
    id: 'nvfp4',
    name: 'NVFP4 (W4A4, Blackwell)',
    summary:
      'NVIDIA FP4: 16 E2M1 values share one FP8 E4M3 scale, plus one FP32 scale per tensor; weights and activations both FP4 on Blackwell tensor cores.',
    storage: { kind: 'microscaling', element: 'fp4-e2m1', blockSize: 16, scaleBits: 8, scaleDtype: 'e4m3' },
    computeDtype: 'fp4',
    embeddingsAt16Bit: true,
    caveats: [
      'FP4 tensor cores exist on Blackwell only (B200: 4× the BF16 peak): there 4-bit is compute-fast as well as small.',
      'The per-tensor FP32 scale adds 32 bits per matrix, not counted per weight.',
      'Activations in FP4 too (W4A4): accuracy must be measured on the task, not inferred from weight-only 4-bit results.',
    ],
    sources: [
      {
        id: 'nvidia-blog-nvfp4',
        note: 'E2M1 values, one E4M3 scale per 16-value block, one FP32 scale per tensor: 4 + 8/16 = 4.5 bits',
        status: 'verified',
      },
    ],
  },
  {
    id: 'w4a8-fp8',
    name: 'INT4 W4A8 (FP8 activations)',
    summary:
      'INT4 weights with one 16-bit scale per 128, multiplied on FP8 tensor cores after dynamic per-token FP8 activation quantization: 4-bit bytes and 8-bit math.',
    storage: { kind: 'integer', bits: 4, groupSize: 128, scaleBits: 16, zeroPointBits: 0 },
    computeDtype: 'fp8',
    embeddingsAt16Bit: true,
    caveats: [
      'vLLM runs it on Hopper only (CUTLASS W4A8, compute capability 9.0): symmetric weights, no act-order, FP8 E4M3 activations.',
      'Two sources of error at once (4-bit weights and 8-bit activations): validate accuracy like W4A16 and W8A8 together.',
    ],
    sources: [
      {
        id: 'vllm-cutlass-w4a8-py',
        note: 'CutlassW4A8LinearKernel: min capability 90; FP8 e4m3 activations, dynamic per token; no zero points, no g_idx',
        status: 'verified',
      },
      {
        id: 'qserve-2405.04532',
        note: 'W4A8KV4: 4-bit weights with 8-bit activations and tensor-core math',
        status: 'secondary',
      },
    ],
  },

  // ── GGUF base types ───────────────────────────────────────────────────────
  ggufFormat(
    'gguf-q8_0',
    'GGUF Q8_0',
    'llama.cpp 8-bit: blocks of 32 int8 weights sharing one FP16 scale.',
    gguf('Q8_0', 32, [
      { name: 'd', bytes: 2, role: 'scale', note: 'FP16 block scale' },
      { name: 'qs', bytes: 32, role: 'payload', note: '32 int8 quants' },
    ]),
  ),
  ggufFormat(
    'gguf-q6_k',
    'GGUF Q6_K',
    'llama.cpp k-quant, 6-bit: super-blocks of 256 with an 8-bit scale per 16 weights.',
    gguf('Q6_K', 256, [
      { name: 'ql', bytes: 128, role: 'payload', note: 'lower 4 bits of each quant' },
      { name: 'qh', bytes: 64, role: 'payload', note: 'upper 2 bits of each quant' },
      { name: 'scales', bytes: 16, role: 'scale', note: 'int8 scale per 16-weight sub-block' },
      { name: 'd', bytes: 2, role: 'secondLevel', note: 'FP16 super-block scale' },
    ]),
  ),
  ggufFormat(
    'gguf-q5_k',
    'GGUF Q5_K',
    'llama.cpp k-quant, 5-bit: super-blocks of 256, 6-bit scale and min per 32 weights.',
    gguf('Q5_K', 256, [
      { name: 'd, dmin', bytes: 4, role: 'secondLevel', note: 'FP16 super-block scales for the scales and the mins' },
      {
        name: 'scales (scale half)',
        bytes: 6,
        role: 'scale',
        note: 'eight 6-bit sub-block scales, packed in scales[12]',
      },
      {
        name: 'scales (min half)',
        bytes: 6,
        role: 'zeroPoint',
        note: 'eight 6-bit sub-block mins, packed in scales[12]',
      },
      { name: 'qh', bytes: 32, role: 'payload', note: 'fifth bit of each quant' },
      { name: 'qs', bytes: 128, role: 'payload', note: 'lower 4 bits of each quant' },
    ]),
  ),
  ggufFormat(
    'gguf-q5_0',
    'GGUF Q5_0',
    'llama.cpp legacy 5-bit: blocks of 32 sharing one FP16 scale.',
    gguf('Q5_0', 32, [
      { name: 'd', bytes: 2, role: 'scale', note: 'FP16 block scale' },
      { name: 'qh', bytes: 4, role: 'payload', note: 'fifth bit of each quant' },
      { name: 'qs', bytes: 16, role: 'payload', note: 'lower 4 bits of each quant' },
    ]),
  ),
  ggufFormat(
    'gguf-q4_k',
    'GGUF Q4_K',
    'llama.cpp k-quant, 4-bit: super-blocks of 256, 6-bit scale and min per 32 weights (x = a·q + b).',
    gguf('Q4_K', 256, [
      { name: 'd, dmin', bytes: 4, role: 'secondLevel', note: 'FP16 super-block scales for the scales and the mins' },
      {
        name: 'scales (scale half)',
        bytes: 6,
        role: 'scale',
        note: 'eight 6-bit sub-block scales, packed in scales[12]',
      },
      {
        name: 'scales (min half)',
        bytes: 6,
        role: 'zeroPoint',
        note: 'eight 6-bit sub-block mins, packed in scales[12]',
      },
      { name: 'qs', bytes: 128, role: 'payload', note: '256 4-bit quants' },
    ]),
  ),
  ggufFormat(
    'gguf-q4_0',
    'GGUF Q4_0',
    'llama.cpp legacy 4-bit: blocks of 32 sharing one FP16 scale (quants offset by 8, no stored zero-point).',
    gguf('Q4_0', 32, [
      { name: 'd', bytes: 2, role: 'scale', note: 'FP16 block scale' },
      { name: 'qs', bytes: 16, role: 'payload', note: '32 4-bit quants' },
    ]),
  ),
  ggufFormat(
    'gguf-q3_k',
    'GGUF Q3_K',
    'llama.cpp k-quant, 3-bit: super-blocks of 256, 6-bit scale per 16 weights (x = a·q).',
    gguf('Q3_K', 256, [
      { name: 'hmask', bytes: 32, role: 'payload', note: 'high bit of each quant' },
      { name: 'qs', bytes: 64, role: 'payload', note: 'low 2 bits of each quant' },
      { name: 'scales', bytes: 12, role: 'scale', note: 'sixteen 6-bit sub-block scales' },
      { name: 'd', bytes: 2, role: 'secondLevel', note: 'FP16 super-block scale' },
    ]),
  ),
  ggufFormat(
    'gguf-q2_k',
    'GGUF Q2_K',
    'llama.cpp k-quant, 2-bit: super-blocks of 256, 4-bit scale and min per 16 weights (x = a·q + b).',
    gguf('Q2_K', 256, [
      { name: 'scales (low nibbles)', bytes: 8, role: 'scale', note: '4-bit scale per 16-weight sub-block' },
      { name: 'scales (high nibbles)', bytes: 8, role: 'zeroPoint', note: '4-bit min per 16-weight sub-block' },
      { name: 'qs', bytes: 64, role: 'payload', note: '256 2-bit quants' },
      { name: 'd, dmin', bytes: 4, role: 'secondLevel', note: 'FP16 super-block scales for the scales and the mins' },
    ]),
  ),
  ggufFormat(
    'gguf-iq4_xs',
    'GGUF IQ4_XS',
    'llama.cpp i-quant: 4-bit indices into a 16-value non-linear table, 6-bit scale per 32 weights.',
    gguf('IQ4_XS', 256, [
      { name: 'd', bytes: 2, role: 'secondLevel', note: 'FP16 super-block scale' },
      { name: 'scales_h, scales_l', bytes: 6, role: 'scale', note: 'eight 6-bit sub-block scales' },
      { name: 'qs', bytes: 128, role: 'payload', note: '256 4-bit table indices' },
    ]),
  ),
  ggufFormat(
    'gguf-iq3_xxs',
    'GGUF IQ3_XXS',
    'llama.cpp i-quant, ~3 bits: 8-bit indices into a grid of 4-weight vectors, sign bits, 4-bit scale per 32 weights.',
    gguf('IQ3_XXS', 256, [
      { name: 'd', bytes: 2, role: 'secondLevel', note: 'FP16 super-block scale' },
      {
        name: 'qs (grid indices and signs)',
        bytes: 92,
        role: 'payload',
        note: '64 grid indices (8 bits → 4 weights) + 7 sign bits per 8 weights',
      },
      { name: 'qs (scales)', bytes: 4, role: 'scale', note: '4-bit scale per 32 weights, packed beside the signs' },
    ]),
    ['Needs an importance matrix (imatrix) to quantise well.'],
  ),
  ggufFormat(
    'gguf-iq2_xs',
    'GGUF IQ2_XS',
    'llama.cpp i-quant, ~2.3 bits: 9-bit grid index + 7 sign bits per 8 weights, 4-bit scale per 16 weights.',
    gguf('IQ2_XS', 256, [
      { name: 'd', bytes: 2, role: 'secondLevel', note: 'FP16 super-block scale' },
      { name: 'qs', bytes: 64, role: 'payload', note: 'per 8 weights: 9-bit grid index + 7 sign bits' },
      { name: 'scales', bytes: 8, role: 'scale', note: '4-bit scale per 16 weights' },
    ]),
    ['Needs an importance matrix (imatrix) to quantise well; quality loss at this width is large.'],
  ),
  ggufFormat(
    'gguf-iq2_xxs',
    'GGUF IQ2_XXS',
    'llama.cpp i-quant, "(almost) true 2-bit": grid indices, signs and a 4-bit scale per 32 weights, one FP16 scale per 256.',
    gguf('IQ2_XXS', 256, [
      { name: 'd', bytes: 2, role: 'secondLevel', note: 'FP16 super-block scale' },
      {
        name: 'qs (grid indices and signs)',
        bytes: 60,
        role: 'payload',
        note: 'per 32 weights: four 8-bit grid indices (8 weights each) + 4 × 7 sign bits',
      },
      { name: 'qs (scales)', bytes: 4, role: 'scale', note: '4-bit scale per 32 weights, packed beside the signs' },
    ]),
    ['Needs an importance matrix (imatrix) to quantise well; quality loss at this width is large.'],
  ),
];

/**
 * Other spellings of format ids accepted by `getFormat` (scheme-first names used in
 * the Red Hat study and in parts of this site). Canonical ids are dtype-first.
 */
export const FORMAT_ALIASES: Readonly<Record<string, string>> = {
  'w8a8-int8': 'int8-w8a8',
  'w8a16-int8': 'int8-w8a16',
  'w8a8-fp8': 'fp8-w8a8',
  // compressed-tensors' W4A16 preset is symmetric: no zero points (quant_scheme.py).
  'w4a16-int4': 'int4-g128-sym',
};
