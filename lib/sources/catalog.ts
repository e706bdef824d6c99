import type { SourceEntry } from './types';

const BNB = 'https://github.com/bitsandbytes-foundation/bitsandbytes/blob/95f9af3';
const LLAMA_CPP = 'https://github.com/ggml-org/llama.cpp/blob';

/**
 * Every source the site cites: papers, datasheets, repository files (pinned to the
 * commit that was read), model configs, blog posts, model cards and the GitHub
 * threads whose pasted `nvidia-smi` output is our evidence for usable GPU memory.
 *
 * Catalog entries (`FORMATS`, `KV_FORMATS`, `GPUS`, `GGUF_FILE_BPW`) cite these by
 * `id`; a test checks that every id they use exists here. The fact base these come
 * from is `docs/provenance.md` (§ numbers in `usedFor`).
 */
export const SOURCES: readonly SourceEntry[] = [
  // ── Papers ────────────────────────────────────────────────────────────────
  {
    id: 'qlora-2305.14314',
    title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
    authors: 'Dettmers, Pagnoni, Holtzman, Zettlemoyer',
    year: 2023,
    url: 'https://arxiv.org/abs/2305.14314',
    kind: 'paper',
    usedFor:
      'NF4 data type; §3 "Double Quantization": 32/64 = 0.5 → 8/64 + 32/(64·256) = 0.127 bits per parameter (docs/provenance.md §1)',
  },
  {
    id: 'llm-int8-2208.07339',
    title: 'LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale',
    authors: 'Dettmers, Lewis, Belkada, Zettlemoyer',
    year: 2022,
    url: 'https://arxiv.org/abs/2208.07339',
    kind: 'paper',
    usedFor:
      'Vector-wise INT8 quantisation with mixed-precision outlier decomposition; emergent outliers at ~6.7B (docs/provenance.md §2)',
  },
  {
    id: 'gptq-2210.17323',
    title: 'GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers',
    authors: 'Frantar, Ashkboos, Hoefler, Alistarh',
    year: 2022,
    url: 'https://arxiv.org/abs/2210.17323',
    kind: 'paper',
    usedFor:
      'Second-order weight-only PTQ; group size 128 costs ≈0.15 extra bits; 3/4-bit accuracy and batch-1 speed-ups (docs/provenance.md §3)',
  },
  {
    id: 'awq-2306.00978',
    title: 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
    authors: 'Lin et al.',
    year: 2023,
    url: 'https://arxiv.org/abs/2306.00978',
    kind: 'paper',
    usedFor:
      'Activation-aware INT4 group-128 weight quantisation; Llama-2-70B Wiki2 perplexity table (docs/provenance.md §3)',
  },
  {
    id: 'smoothquant-2211.10438',
    title: 'SmoothQuant: Accurate and Efficient Post-Training Quantization for Large Language Models',
    authors: 'Xiao, Lin, Seznec, Wu, Demouth, Han',
    year: 2022,
    url: 'https://arxiv.org/abs/2211.10438',
    kind: 'paper',
    usedFor: 'W8A8 INT8 by migrating activation outliers into the weights (docs/provenance.md §3)',
  },
  {
    id: 'llm-qat-2305.17888',
    title: 'LLM-QAT: Data-Free Quantization Aware Training for Large Language Models',
    authors: 'Liu et al.',
    year: 2023,
    url: 'https://arxiv.org/abs/2305.17888',
    kind: 'paper',
    usedFor: 'QAT of weights, activations and KV cache down to 4 bits, LLaMA 7B–30B (docs/provenance.md §3)',
  },
  {
    id: 'bf16-or-death-2411.02355',
    title: '"Give Me BF16 or Give Me Death"? Accuracy-Performance Trade-Offs in LLM Quantization',
    authors: 'Kurtic et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2411.02355',
    kind: 'paper',
    usedFor:
      'FP8 W8A8 ~lossless, INT8 W8A8 1–3% loss, W4A16 competitive; W4A16 for latency, W8A8 for throughput (docs/provenance.md §5)',
  },
  {
    id: 'llama3-quantization-2404.14047',
    title: 'How Good Are Low-bit Quantized LLaMA3 Models? An Empirical Study',
    authors: 'Huang et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2404.14047',
    kind: 'paper',
    usedFor: 'LLaMA3-70B PTQ results at 8/4/3/2 bits (RTN, GPTQ, AWQ, QuIP, SmoothQuant) (docs/provenance.md §5)',
  },
  {
    id: 'quarot-2404.00456',
    title: 'QuaRot: Outlier-Free 4-Bit Inference in Rotated LLMs',
    authors: 'Ashkboos et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2404.00456',
    kind: 'paper',
    usedFor: 'W4A4 with a 4-bit KV cache (KV4) on Llama-2-70B; INT8 RTN near-lossless (docs/provenance.md §5)',
  },
  {
    id: 'fp8-formats-2209.05433',
    title: 'FP8 Formats for Deep Learning',
    authors: 'Micikevicius et al.',
    year: 2022,
    url: 'https://arxiv.org/abs/2209.05433',
    kind: 'paper',
    usedFor: 'The E4M3 and E5M2 8-bit floating-point encodings',
  },
  {
    id: 'af4-2306.06965',
    title: "NF4 Isn't Information Theoretically Optimal (and that's Good)",
    authors: 'Yoshida',
    year: 2023,
    url: 'https://arxiv.org/abs/2306.06965',
    kind: 'paper',
    usedFor: 'AbnormalFloat (AF4), the alternative 4-bit code bitsandbytes also ships (docs/provenance.md §1)',
  },
  {
    id: 'deepseek-v3-report-2412.19437',
    title: 'DeepSeek-V3 Technical Report',
    authors: 'DeepSeek-AI',
    year: 2024,
    url: 'https://arxiv.org/abs/2412.19437',
    kind: 'paper',
    usedFor:
      'Official DeepSeek-V3 parameter counts: 671B total, 37B activated (docs/provenance.md §7); §3.3 FP8 training with fine-grained scales: 1 × 128 tiles (per token, per 128 channels) for activations, 128 × 128 blocks for weights',
  },
  {
    id: 'llama3-herd-2407.21783',
    title: 'The Llama 3 Herd of Models',
    authors: 'Llama Team, AI @ Meta',
    year: 2024,
    url: 'https://arxiv.org/abs/2407.21783',
    kind: 'paper',
    usedFor: 'Llama 3 architecture table (405B: 8 KV heads) (docs/provenance.md §7, unverified)',
  },

  {
    id: 'efficientqat-2407.11062',
    title: 'EfficientQAT: Efficient Quantization-Aware Training for Large Language Models',
    authors: 'Chen, Shao, Xu, Wang, Gao, Zhang, Luo',
    year: 2024,
    url: 'https://arxiv.org/abs/2407.11062',
    kind: 'paper',
    usedFor:
      'Abstract: QAT at 70B is feasible: a 2-bit Llama-2-70B on one A100-80GB in 41 hours, average zero-shot accuracy 69.48 vs 72.41 (FP16), 19.2 GB',
  },
  {
    id: 'aqlm-2401.06118',
    title: 'Extreme Compression of Large Language Models via Additive Quantization',
    authors: 'Egiazarian, Panferov, Kuznedelev, Frantar, Babenko, Alistarh',
    year: 2024,
    url: 'https://arxiv.org/abs/2401.06118',
    kind: 'paper',
    usedFor:
      'Abstract: AQLM at 2 bits per parameter brings Llama-2-70B to WikiText-2 perplexity 3.94 (FP16: 3.32 in the AWQ and EfficientQAT tables)',
  },
  {
    id: 'llama3-70b-per-channel-2408.15301',
    title: 'The Uniqueness of LLaMA3-70B Series with Per-Channel Quantization',
    authors: 'Qin',
    year: 2024,
    url: 'https://arxiv.org/abs/2408.15301',
    kind: 'paper',
    usedFor:
      'Abstract: LLaMA3/3.1-70B degrade under W8A8 per-channel PTQ, unlike Llama-2-70B, 8B, 405B, Qwen, Mixtral; cause is the weight distribution; fix: per-group W8A8 on <3% of layers or bi-smoothing (45.5% → 73.4% average accuracy, v1)',
  },
  {
    id: 'flips-2407.09141',
    title: 'Accuracy is Not All You Need',
    authors: 'Dutta, Krishnan, Kwatra, Ramjee',
    year: 2024,
    url: 'https://arxiv.org/abs/2407.09141',
    kind: 'paper',
    usedFor:
      'Abstract: compressed models with near-equal accuracy still "flip" answers (correct→incorrect and back); flips and KL divergence as distance metrics; MT-Bench shows free-form generation degrades',
  },
  {
    id: 'kivi-2402.02750',
    title: 'KIVI: A Tuning-Free Asymmetric 2bit Quantization for KV Cache',
    authors: 'Liu, Yuan, Jin, Zhong, Xu, Braverman, Chen, Hu',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.02750',
    kind: 'paper',
    usedFor:
      'Keys should be quantized per channel (a few fixed outlier channels), values per token; 2-bit KV with a full-precision residual window, up to 2.6× less peak memory',
  },
  {
    id: 'kvquant-2401.18079',
    title: 'KVQuant: Towards 10 Million Context Length LLM Inference with KV Cache Quantization',
    authors: 'Hooper, Kim, Mohammadzadeh, Mahoney, Shao, Keutzer, Gholami',
    year: 2024,
    url: 'https://arxiv.org/abs/2401.18079',
    kind: 'paper',
    usedFor:
      'Abstract: per-channel and pre-RoPE key quantization, non-uniform types, dense-and-sparse outliers; < 0.1 perplexity degradation at 3 bits (LLaMA, Llama-2, Mistral)',
  },
  {
    id: 'llm-viewer-2402.16363',
    title: 'LLM Inference Unveiled: Survey and Roofline Model Insights',
    authors: 'Yuan, Shang, Zhou, et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.16363',
    kind: 'paper',
    usedFor:
      'LLM-Viewer: a roofline applied layer by layer (each operator at its own memory or compute roof, times added) to explain why decode is memory-bound',
  },
  {
    id: 'speculative-decoding-2211.17192',
    title: 'Fast Inference from Transformers via Speculative Decoding',
    authors: 'Leviathan, Kalman, Matias',
    year: 2022,
    url: 'https://arxiv.org/abs/2211.17192',
    kind: 'paper',
    usedFor:
      'A draft model proposes tokens that the target model verifies in one parallel pass; outputs keep the target distribution',
  },
  {
    id: 'megatron-lm-1909.08053',
    title: 'Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism',
    authors: 'Shoeybi, Patwary, Puri, LeGresley, Casper, Catanzaro',
    year: 2019,
    url: 'https://arxiv.org/abs/1909.08053',
    kind: 'paper',
    usedFor:
      'Tensor parallelism of a transformer layer: attention heads and MLP columns/rows split across GPUs, two all-reduces per layer in the forward pass',
  },
  {
    id: 'distserve-2401.09670',
    title: 'DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving',
    authors: 'Zhong, Liu, Chen, Hu, Zhu, Liu, Jin, Zhang',
    year: 2024,
    url: 'https://arxiv.org/abs/2401.09670',
    kind: 'paper',
    usedFor:
      'Goodput: requests per second served within the TTFT and TPOT SLOs, the metric to optimise instead of raw throughput',
  },

  // ── Repository files ──────────────────────────────────────────────────────
  {
    id: 'bnb-functional-py',
    title: 'bitsandbytes/functional.py',
    url: `${BNB}/bitsandbytes/functional.py`,
    kind: 'repo',
    usedFor:
      'NF4/FP4 code tables, 4-bit block size 64 with fp32 absmax, double quantisation of absmax (block 256, 8-bit dynamic map) (docs/provenance.md §1)',
  },
  {
    id: 'bnb-modules-py',
    title: 'bitsandbytes/nn/modules.py',
    url: `${BNB}/bitsandbytes/nn/modules.py`,
    kind: 'repo',
    usedFor:
      'Linear4bit and Linear8bitLt defaults (compress_statistics, quant_type, threshold) (docs/provenance.md §1–2)',
  },
  {
    id: 'bnb-default-ops-py',
    title: 'bitsandbytes/backends/default/ops.py',
    url: `${BNB}/bitsandbytes/backends/default/ops.py`,
    kind: 'repo',
    usedFor: 'Row-wise INT8 absmax (int8_vectorwise_quant) and the 4-bit quantise kernel (docs/provenance.md §1–2)',
  },
  {
    id: 'gptq-quant-py',
    title: 'IST-DASLab/gptq quant.py',
    url: 'https://github.com/IST-DASLab/gptq/blob/2d65066/quant.py',
    kind: 'repo',
    usedFor: 'Asymmetric min-max grid: scale, zero-point, round, clamp (docs/provenance.md §2)',
  },
  {
    id: 'gptq-readme',
    title: 'IST-DASLab/gptq README',
    url: 'https://github.com/IST-DASLab/gptq/blob/2d65066/README.md',
    kind: 'repo',
    usedFor: 'LLaMA Wiki2 perplexities for RTN vs GPTQ at 4 and 3 bits; act-order results (docs/provenance.md §3)',
  },
  {
    id: 'autogptq-qlinear-cuda-py',
    title: 'AutoGPTQ auto_gptq/nn_modules/qlinear/qlinear_cuda.py',
    url: 'https://github.com/AutoGPTQ/AutoGPTQ/blob/058fd80a72d63d992347e3a23dcd5757449a9e2d/auto_gptq/nn_modules/qlinear/qlinear_cuda.py',
    kind: 'repo',
    usedFor:
      'GPTQ checkpoint layout: qweight int32-packed, scales fp16 per (group, output), qzeros packed at `bits` bits per (group, output) whether or not sym=True, g_idx int32 per input column',
  },
  {
    id: 'llm-awq-repo',
    title: 'mit-han-lab/llm-awq',
    url: 'https://github.com/mit-han-lab/llm-awq/tree/d6e797a',
    kind: 'repo',
    usedFor:
      'AWQ search (auto_scale.py) and calibration defaults; INT4 group-128 with zero points (docs/provenance.md §3)',
  },
  {
    id: 'smoothquant-repo',
    title: 'mit-han-lab/smoothquant',
    url: 'https://github.com/mit-han-lab/smoothquant/tree/c61476d',
    kind: 'repo',
    usedFor: 'smooth.py migration formula, α defaults, W8A8 perplexity table, speed-up claim (docs/provenance.md §3)',
  },
  {
    id: 'marlin-readme',
    title: 'IST-DASLab/marlin README',
    url: 'https://github.com/IST-DASLab/marlin/blob/2f6d7c1/README.md',
    kind: 'repo',
    usedFor:
      'FP16×INT4 kernel: ≈3.87× ideal speed-up (4 bits + 0.125-bit group-128 scale, no zero point) up to batch 16–32 (docs/provenance.md §6)',
  },
  {
    id: 'llama-cpp-ggml-common-h',
    title: 'llama.cpp ggml/src/ggml-common.h',
    url: `${LLAMA_CPP}/01243c587feceaa5d6a6c2305535ef2f549c48b8/ggml/src/ggml-common.h`,
    kind: 'repo',
    usedFor:
      'GGML block structs (Q8_0, Q4_0, Q2_K…Q6_K, IQ2_XXS…IQ4_XS, MXFP4) and their "effectively N bits per weight" comments (docs/provenance.md §4)',
  },
  {
    id: 'llama-cpp-quantize-readme',
    title: 'llama.cpp tools/quantize/README.md',
    url: `${LLAMA_CPP}/311c2c9f0ebd6e08f5b20e8827c654cebb7a41d6/tools/quantize/README.md`,
    kind: 'repo',
    usedFor:
      'Whole-file bits/weight and GiB of each quant type for Llama-3.1-8B; Llama 3.1 Q4_K_M file sizes (docs/provenance.md §4)',
  },
  {
    id: 'llama-cpp-llama-quant-cpp',
    title: 'llama.cpp src/llama-quant.cpp',
    url: `${LLAMA_CPP}/007dbbf3fd17eefe9b47fee45f48f7ba5e62b714/src/llama-quant.cpp`,
    kind: 'repo',
    usedFor:
      'Per-tensor GGML type of each GGUF file type (llama_tensor_get_type_impl: use_more_bits, GQA and 8-expert rules, 70B attn_v), tensor_type_fallback for rows not divisible by the block size',
  },
  {
    id: 'llama-cpp-convert-hf-to-gguf',
    title: 'llama.cpp convert_hf_to_gguf.py',
    url: 'https://github.com/ggml-org/llama.cpp/blob/master/convert_hf_to_gguf.py',
    kind: 'repo',
    usedFor:
      'ModelBase.prepare_tensors: 1-D tensors, norms, biases and the MoE router (ffn_gate_inp) are written as F32',
  },
  {
    id: 'bartowski-llama-3.1-8b-instruct-gguf',
    title: 'bartowski/Meta-Llama-3.1-8B-Instruct-GGUF',
    year: 2024,
    url: 'https://huggingface.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF',
    kind: 'model-card',
    usedFor:
      'Published GGUF file sizes (GB) per file type, llama.cpp b3472 imatrix quants: test of the per-tensor size rules',
  },
  {
    id: 'bartowski-llama-3.1-70b-instruct-gguf',
    title: 'bartowski/Meta-Llama-3.1-70B-Instruct-GGUF',
    year: 2024,
    url: 'https://huggingface.co/bartowski/Meta-Llama-3.1-70B-Instruct-GGUF',
    kind: 'model-card',
    usedFor:
      'Published GGUF file sizes (GB) per file type, llama.cpp b3472 imatrix quants: test of the per-tensor size rules',
  },
  {
    id: 'bartowski-qwen2.5-72b-instruct-gguf',
    title: 'bartowski/Qwen2.5-72B-Instruct-GGUF',
    year: 2024,
    url: 'https://huggingface.co/bartowski/Qwen2.5-72B-Instruct-GGUF',
    kind: 'model-card',
    usedFor:
      'Published GGUF file sizes (GB) per file type, llama.cpp b3772 imatrix quants: test of the row-size fallback (ffn_down 29,568 wide)',
  },
  {
    id: 'llama-cpp-quantize-cpp',
    title: 'llama.cpp tools/quantize/quantize.cpp',
    url: `${LLAMA_CPP}/03161a4/tools/quantize/quantize.cpp`,
    kind: 'repo',
    usedFor: 'QUANT_OPTIONS: size and perplexity increase per quant type on Llama-3-8B (docs/provenance.md §4)',
  },
  {
    id: 'torchao-qat-readme',
    title: 'pytorch/ao torchao/quantization/qat/README.md',
    url: 'https://github.com/pytorch/ao/blob/main/torchao/quantization/qat/README.md',
    kind: 'repo',
    usedFor: 'Fake-quant convention and Llama3-8B QAT vs PTQ results (docs/provenance.md §2–3)',
  },
  {
    id: 'transformers-quantization-config-py',
    title: 'transformers src/transformers/utils/quantization_config.py',
    url: 'https://github.com/huggingface/transformers/blob/000e223/src/transformers/utils/quantization_config.py',
    kind: 'repo',
    usedFor:
      'BitsAndBytesConfig and GPTQConfig defaults (fp4, no double quant, llm_int8_threshold 6.0, group_size 128, sym True) (docs/provenance.md §1–3)',
  },
  {
    id: 'llama3-quantization-repo',
    title: 'Macaronlin/LLaMA3-Quantization',
    url: 'https://github.com/Macaronlin/LLaMA3-Quantization/tree/3d3efe9',
    kind: 'repo',
    usedFor: 'LLaMA3-70B PTQ result table image (docs/provenance.md §5)',
  },

  // ── Datasheets and whitepapers ────────────────────────────────────────────
  {
    id: 'nvidia-a100-datasheet',
    title: 'NVIDIA A100 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
    kind: 'datasheet',
    usedFor:
      'A100 40GB/80GB SXM memory, bandwidth and tensor-core peaks (FP16 312, INT8 624, INT4 1,248 dense) (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-h100-datasheet',
    title: 'NVIDIA H100 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/h100/',
    kind: 'datasheet',
    usedFor:
      'H100 SXM/PCIe/NVL memory, bandwidth and tensor-core peaks (sparse figures, "1/2 lower without sparsity"); no INT4 row (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-h100-nvl-product-brief',
    title: 'NVIDIA H100 NVL GPU product brief (PB-11773-001)',
    url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/h100/PB-11773-001_v01.pdf',
    kind: 'datasheet',
    usedFor: 'H100 NVL specifications (not read; cited by vllm-project/recipes#365)',
  },
  {
    id: 'nvidia-h200-datasheet',
    title: 'NVIDIA H200 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/h200/',
    kind: 'datasheet',
    usedFor: 'H200 141 GB HBM3e, 4.8 TB/s; same tensor-core peaks as H100 SXM (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-l40s-datasheet',
    title: 'NVIDIA L40S datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/l40s/',
    kind: 'datasheet',
    usedFor: 'L40S 48 GB GDDR6, 864 GB/s, BF16 362.05 / FP8 733 dense TFLOPS (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-l4-datasheet',
    title: 'NVIDIA L4 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/l4/',
    kind: 'datasheet',
    usedFor: 'L4 24 GB GDDR6, 300 GB/s, FP16 242 / FP8 and INT8 485 sparse TFLOPS (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-t4-datasheet',
    title: 'NVIDIA T4 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/tesla-t4/',
    kind: 'datasheet',
    usedFor: 'T4 16 GB GDDR6, 320 GB/s, FP16 65 / INT8 130 / INT4 260 (no sparsity on Turing) (docs/provenance.md §6)',
  },
  {
    id: 'pci-sig-pcie-bandwidth',
    title: 'PCI Express Base Specification: link rates (Gen3 8 GT/s, Gen4 16 GT/s, Gen5 32 GT/s per lane)',
    url: 'https://pcisig.com/specifications',
    kind: 'datasheet',
    usedFor:
      'x16 link bandwidth: Gen4 ≈ 32 GB/s and Gen5 ≈ 64 GB/s per direction (64 and 128 GB/s bidirectional, as NVIDIA datasheets print them); the all-reduce term for cards without NVLink',
  },
  {
    id: 'nvidia-ada-whitepaper',
    title: 'NVIDIA Ada GPU Architecture whitepaper',
    url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf',
    kind: 'datasheet',
    usedFor:
      'RTX 4090 appendix: 1,008 GB/s; FP16 (FP32 acc.) 165.2, FP8 330.3, INT8 660.6, INT4 1,321.2 dense (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-ga102-whitepaper',
    title: 'NVIDIA Ampere GA102 GPU Architecture whitepaper (v2.0)',
    url: 'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf',
    kind: 'datasheet',
    usedFor:
      'RTX 3090 appendix A: 936 GB/s; FP16 (FP32 acc.) 71, INT8 284, INT4 568 dense (docs/provenance.md §6, unverified)',
  },
  {
    id: 'amd-mi300x-datasheet',
    title: 'AMD Instinct MI300X accelerator data sheet',
    url: 'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf',
    kind: 'datasheet',
    usedFor: 'MI300X 192 GB HBM3, 5.3 TB/s, FP16 1,307.4 / FP8 2,614.9 dense TFLOPS (docs/provenance.md §6)',
  },
  {
    id: 'nvidia-hgx-b200',
    title: 'NVIDIA HGX platform (HGX B200) specifications',
    url: 'https://www.nvidia.com/en-us/data-center/hgx/',
    kind: 'datasheet',
    usedFor: 'B200 180 GB HBM3e, 7.7 TB/s; sparse FP16/FP8/INT8/FP4 4.5/9/9/18 PFLOPS per GPU (docs/provenance.md §6)',
  },

  // ── nvidia-smi / rocm-smi evidence ────────────────────────────────────────
  {
    id: 'gh-modal-client-2797',
    title: 'modal-labs/modal-client PR #2797: "docs fix: nvidia quotes GB on their GPUs not GiB"',
    year: 2025,
    url: 'https://github.com/modal-labs/modal-client/pull/2797',
    kind: 'issue',
    usedFor:
      'nvidia-smi totals: H100 81,559 MiB; A100 80GB 81,920; A100 40GB 40,960; L40S 46,068; L4 23,034; T4 15,360 MiB',
  },
  {
    id: 'gh-nccl-1264',
    title: 'NVIDIA/nccl issue #1264 (HGX H100 SXM nvidia-smi output)',
    url: 'https://github.com/NVIDIA/nccl/issues/1264',
    kind: 'issue',
    usedFor: 'nvidia-smi: "NVIDIA H100 80GB HBM3 … 81559MiB"',
  },
  {
    id: 'gh-sglang-3196',
    title: 'sgl-project/sglang issue #3196 (8× H200 nvidia-smi output)',
    year: 2025,
    url: 'https://github.com/sgl-project/sglang/issues/3196',
    kind: 'issue',
    usedFor: 'nvidia-smi: "NVIDIA H200 … 143771MiB"',
  },
  {
    id: 'gh-gpu-admin-tools-4',
    title: 'NVIDIA/gpu-admin-tools issue #4 (H100 NVL nvidia-smi output)',
    year: 2024,
    url: 'https://github.com/NVIDIA/gpu-admin-tools/issues/4',
    kind: 'issue',
    usedFor: 'nvidia-smi: "NVIDIA H100 NVL … 95830MiB"',
  },
  {
    id: 'gh-rlinf-255',
    title: 'RLinf/RLinf issue #255 (RTX 4090 nvidia-smi output)',
    year: 2025,
    url: 'https://github.com/RLinf/RLinf/issues/255',
    kind: 'issue',
    usedFor: 'nvidia-smi: "NVIDIA GeForce RTX 4090 … 24564MiB"',
  },
  {
    id: 'gh-club-3090-1128',
    title: 'noonghunna/club-3090 issue #1128 (4× RTX 3090 nvidia-smi output)',
    year: 2026,
    url: 'https://github.com/noonghunna/club-3090/issues/1128',
    kind: 'issue',
    usedFor: 'nvidia-smi: "NVIDIA GeForce RTX 3090 … 24576MiB"',
  },
  {
    id: 'gh-rocm-4203',
    title: 'ROCm/ROCm issue #4203 (MI300X device properties)',
    url: 'https://github.com/ROCm/ROCm/issues/4203',
    kind: 'issue',
    usedFor:
      'torch.cuda.get_device_properties on MI300X: total_memory=196592MB (MiB); rocm-smi prints 206,141,652,992 B',
  },
  {
    id: 'gh-tensorrt-llm-10278',
    title: 'NVIDIA/TensorRT-LLM issue #10278 (8× B200 nvidia-smi output)',
    year: 2025,
    url: 'https://github.com/NVIDIA/TensorRT-LLM/issues/10278',
    kind: 'issue',
    usedFor: 'nvidia-smi: "NVIDIA B200 … 183359MiB"',
  },
  {
    id: 'gh-torchao-4002',
    title: 'pytorch/ao PR #4002: "update b200 peak memory bandwidth"',
    year: 2026,
    url: 'https://github.com/pytorch/ao/pull/4002',
    kind: 'issue',
    usedFor: 'B200 bandwidth from the driver: 7,680-bit bus × 3,996 MHz × 2 = 7.67 TB/s (not 8 TB/s)',
  },
  {
    id: 'gh-bottlerocket-3873',
    title: 'bottlerocket-os/bottlerocket PR #3873 (A100 40GB deviceQuery output)',
    url: 'https://github.com/bottlerocket-os/bottlerocket/pull/3873',
    kind: 'issue',
    usedFor:
      'CUDA deviceQuery on A100-SXM4-40GB: 42,298,834,944 B (40,339 MiB), less than the 40,960 MiB nvidia-smi total',
  },

  {
    id: 'measured-h100-sxm-memory',
    title: 'Measurement: total memory of an H100 SXM 80GB as nvidia-smi and CUDA report it',
    year: 2026,
    url: 'https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__MEMORY.html',
    kind: 'measurement',
    usedFor:
      "This project's H100 (driver 580.159.04): `nvidia-smi -q -d MEMORY` Total 81,559 MiB of which Reserved 480 MiB; `torch.cuda.get_device_properties(0).total_memory` (cudaMemGetInfo total) 85,017,493,504 B = 81,079 MiB",
  },

  // ── Blog posts ────────────────────────────────────────────────────────────
  {
    id: 'hf-blog-4bit-transformers-bitsandbytes',
    title: 'Making LLMs even more accessible with bitsandbytes, 4-bit quantization and QLoRA',
    year: 2023,
    url: 'https://huggingface.co/blog/4bit-transformers-bitsandbytes',
    kind: 'blog',
    usedFor:
      '4-bit weights are dequantised, "the computation is not done in 4bit"; DQ saves ≈0.4 bits per parameter (docs/provenance.md §1)',
  },
  {
    id: 'hf-blog-hf-bitsandbytes-integration',
    title: 'A Gentle Introduction to 8-bit Matrix Multiplication for transformers at scale',
    year: 2022,
    url: 'https://huggingface.co/blog/hf-bitsandbytes-integration',
    kind: 'blog',
    usedFor: 'Absmax worked example; LLM.int8() is 15–23% slower than FP16 on BLOOM-176B (docs/provenance.md §2)',
  },
  {
    id: 'redhat-blog-half-million-evaluations',
    title: "We ran over half a million evaluations on quantized LLMs—here's what we found",
    year: 2024,
    url: 'https://developers.redhat.com/articles/2024/10/17/we-ran-over-half-million-evaluations-quantized-llms',
    kind: 'blog',
    usedFor: 'Summary of the "Give Me BF16 or Give Me Death" study (docs/provenance.md §5)',
  },
  {
    id: 'pytorch-blog-native-architecture-optimization',
    title: 'PyTorch Native Architecture Optimization: torchao',
    year: 2024,
    url: 'https://pytorch.org/blog/pytorch-native-architecture-optimization/',
    kind: 'blog',
    usedFor: 'QAT recovers up to 96% of the hellaswag accuracy degradation (docs/provenance.md §3)',
  },
  {
    id: 'mistral-mixtral-of-experts',
    title: 'Mixtral of experts (Mistral AI announcement)',
    year: 2023,
    url: 'https://mistral.ai/news/mixtral-of-experts/',
    kind: 'blog',
    usedFor: 'Mixtral-8x7B official counts: 46.7B total, 12.9B active parameters (docs/provenance.md §7, unverified)',
  },

  // ── Model cards ───────────────────────────────────────────────────────────
  {
    id: 'nm-llama-3.1-70b-instruct-w4a16',
    title: 'neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w4a16',
    year: 2024,
    url: 'https://huggingface.co/neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w4a16',
    kind: 'model-card',
    usedFor: 'GPTQ INT4 W4A16: OpenLLM v1 78.54 vs 78.67 (≈99.8% recovery); 39.8 GB checkpoint (docs/provenance.md §5)',
  },
  {
    id: 'nm-llama-3.1-70b-instruct-w8a16',
    title: 'neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w8a16',
    year: 2024,
    url: 'https://huggingface.co/neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w8a16',
    kind: 'model-card',
    usedFor: 'INT8 weight-only W8A16: within 3.2% of unquantised on six benchmarks (docs/provenance.md §5)',
  },
  {
    id: 'nm-llama-3.1-405b-instruct-w8a8',
    title: 'neuralmagic/Meta-Llama-3.1-405B-Instruct-quantized.w8a8',
    year: 2024,
    url: 'https://huggingface.co/neuralmagic/Meta-Llama-3.1-405B-Instruct-quantized.w8a8',
    kind: 'model-card',
    usedFor:
      'INT8 W8A8 recovery: Arena-Hard 95.8%, OpenLLM v1 99.3%, v2 98.4%, HumanEval 100.1% (docs/provenance.md §5)',
  },
  {
    id: 'nm-llama-3.1-8b-instruct-w8a8',
    title: 'neuralmagic/Meta-Llama-3.1-8B-Instruct-quantized.w8a8',
    year: 2024,
    url: 'https://huggingface.co/neuralmagic/Meta-Llama-3.1-8B-Instruct-quantized.w8a8',
    kind: 'model-card',
    usedFor: 'INT8 W8A8 on an 8B model: Arena-Hard 105.4%, OpenLLM v1 100.3%, v2 101.5% (docs/provenance.md §5)',
  },
  {
    id: 'nm-llama-3.1-8b-instruct-w4a16',
    title: 'neuralmagic/Meta-Llama-3.1-8B-Instruct-quantized.w4a16',
    year: 2024,
    url: 'https://huggingface.co/neuralmagic/Meta-Llama-3.1-8B-Instruct-quantized.w4a16',
    kind: 'model-card',
    usedFor: 'INT4 W4A16 on an 8B model: MMLU 5-shot recovery 97.9% (docs/provenance.md §5)',
  },
  {
    id: 'qwen2.5-72b-model-card',
    title: 'Qwen/Qwen2.5-72B model card',
    year: 2024,
    url: 'https://huggingface.co/Qwen/Qwen2.5-72B',
    kind: 'model-card',
    usedFor: 'Official Qwen2.5-72B counts: 72.7B parameters, 70.0B non-embedding (docs/provenance.md §7, unverified)',
  },

  {
    id: 'hf-hub-safetensors-params',
    title: 'Hugging Face Hub safetensors metadata (parameter counts on model pages)',
    url: 'https://huggingface.co/docs/hub/en/api',
    kind: 'model-card',
    usedFor:
      "Parameter counts the Hub computes from each checkpoint's safetensors headers (e.g. Llama-3.1-70B 70,553,706,496)",
  },

  {
    id: 'compressed-tensors-quant-scheme-py',
    title: 'compressed-tensors src/compressed_tensors/quantization/quant_scheme.py',
    url: 'https://github.com/neuralmagic/compressed-tensors/blob/main/src/compressed_tensors/quantization/quant_scheme.py',
    kind: 'repo',
    usedFor: 'W4A16 preset scheme: 4-bit INT weights, GROUP strategy, group_size 128, symmetric (no zero points)',
  },
  {
    id: 'vllm-kv-cache-interface-py',
    title: 'vLLM vllm/v1/kv_cache_interface.py',
    url: 'https://github.com/vllm-project/vllm/blob/001cabc1be16a59a70d720ed61a13b678c060a18/vllm/v1/kv_cache_interface.py',
    kind: 'repo',
    usedFor:
      'KV reservation per layer: FullAttentionSpec, SlidingWindowSpec (window − 1 + max_num_batched_tokens, + 1 block), ChunkedLocalAttentionSpec; MLAAttentionSpec "fp8_ds_mla" = block_size × 656 bytes',
  },
  {
    id: 'llama-cpp-kv-cache-iswa-cpp',
    title: 'llama.cpp src/llama-kv-cache-iswa.cpp',
    url: `${LLAMA_CPP}/02c28f533ebba3e4ea944fc4a0719a012b3e7097/src/llama-kv-cache-iswa.cpp`,
    kind: 'repo',
    usedFor: 'SWA cache size: GGML_PAD(min(n_ctx, n_swa·(unified ? n_seq_max : 1) + n_ubatch), 256)',
  },
  {
    id: 'flashmla-readme',
    title: 'deepseek-ai/FlashMLA README (FP8 KV cache format)',
    url: 'https://github.com/deepseek-ai/FlashMLA/blob/main/README.md',
    kind: 'repo',
    usedFor:
      'DeepSeek-V3.2 FP8 sparse MLA cache: 656 B per token = 512 FP8 NoPE + 4 FP32 scales (16 B) + 64 BF16 RoPE (128 B)',
  },

  // ── Model code and docs (cited by lib/models) ────────────────────────────
  transformersFile(
    'transformers-modeling-llama',
    'llama/modeling_llama.py',
    'Llama layer structure: q/k/v/o projections, gate/up/down MLP, two RMSNorms per layer',
  ),
  transformersFile(
    'transformers-modeling-mixtral',
    'mixtral/modeling_mixtral.py',
    'Mixtral sparse MoE block: bias-free router Linear(hidden, experts), 8 SwiGLU experts',
  ),
  transformersFile(
    'transformers-modeling-qwen2',
    'qwen2/modeling_qwen2.py',
    'Qwen2 attention: q/k/v with bias, o_proj without',
  ),
  transformersFile(
    'transformers-modeling-deepseek-v2',
    'deepseek_v2/modeling_deepseek_v2.py',
    'DeepSeek-V2 MLA attention (q_proj when q_lora_rank is None) and MoE gate',
  ),
  transformersFile(
    'transformers-configuration-gemma',
    'gemma/configuration_gemma.py',
    'Gemma config defaults: tie_word_embeddings True, head_dim 256',
  ),
  transformersFile(
    'transformers-modeling-gemma2',
    'gemma2/modeling_gemma2.py',
    'Gemma 2 decoder layer: four RMSNorms per layer',
  ),
  {
    id: 'deepseek-v3-inference-model-py',
    title: 'deepseek-ai/DeepSeek-V3 inference/model.py',
    url: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/inference/model.py',
    kind: 'repo',
    usedFor:
      'Reference DeepSeek-V3 implementation: MLA projections, gate weight and bias, MoE, latent KV cache buffers',
  },
  {
    id: 'deepseek-v3-readme-weights',
    title: 'deepseek-ai/DeepSeek-V3 README_WEIGHTS.md',
    url: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md',
    kind: 'repo',
    usedFor:
      'Checkpoint breakdown: 671B main model (36.6B activated incl. output head) plus the 11.5B-unique MTP module; FP8 E4M3 weights with one FP32 weight_scale_inv per 128 × 128 block, activations quantized online per token per 128 channels',
  },
  {
    id: 'deepseek-v2-readme',
    title: 'deepseek-ai/DeepSeek-V2 README',
    url: 'https://github.com/deepseek-ai/DeepSeek-V2/blob/main/README.md',
    kind: 'repo',
    usedFor: 'DeepSeek-V2-Lite official counts: 15.7B total, 2.4B activated (unverified)',
  },
  {
    id: 'keras-hub-gemma-presets',
    title: 'keras-team/keras-hub gemma_presets.py',
    url: 'https://github.com/keras-team/keras-hub/blob/master/keras_hub/src/models/gemma/gemma_presets.py',
    kind: 'repo',
    usedFor: 'Gemma preset parameter counts (gemma_7b_en: 8,537,680,896)',
  },
  {
    id: 'gh-ollama-6303',
    title: 'ollama/ollama issue #6303 (Llama 3.1 405B KV heads changed from 16 to 8)',
    url: 'https://github.com/ollama/ollama/issues/6303',
    kind: 'issue',
    usedFor: 'Llama-3.1-405B config update: num_key_value_heads 16 → 8',
  },
  {
    id: 'gh-litgpt-1942',
    title: 'Lightning-AI/litgpt #1942 (Llama 3.1 405B config)',
    url: 'https://github.com/Lightning-AI/litgpt/issues/1942',
    kind: 'issue',
    usedFor: 'Quotes the Llama-3.1-405B config.json: "num_key_value_heads": 8',
  },

  // ── Model configs ─────────────────────────────────────────────────────────
  hfConfig(
    'llama-3.1-8b',
    'meta-llama/Llama-3.1-8B',
    'Llama-3.1-8B shape: hidden 4096, 32 layers, 32 heads, 8 KV heads, vocab 128,256',
  ),
  hfConfig(
    'llama-3.1-70b',
    'meta-llama/Llama-3.1-70B',
    'Llama-3.1-70B shape: hidden 8192, 80 layers, 64 heads, 8 KV heads, intermediate 28,672',
  ),
  hfConfig(
    'llama-3.1-405b',
    'meta-llama/Llama-3.1-405B',
    'Llama-3.1-405B shape: hidden 16,384, 126 layers, 128 heads, 8 KV heads',
  ),
  hfConfig(
    'llama-2-70b',
    'meta-llama/Llama-2-70b-hf',
    'Llama-2-70B shape: hidden 8192, 80 layers, 8 KV heads, vocab 32,000',
  ),
  hfConfig(
    'mixtral-8x7b',
    'mistralai/Mixtral-8x7B-v0.1',
    'Mixtral-8x7B shape: 8 experts of width 14,336, top-2 routing',
  ),
  hfConfig(
    'qwen2.5-72b',
    'Qwen/Qwen2.5-72B',
    'Qwen2.5-72B shape: hidden 8192, 80 layers, intermediate 29,568, QKV bias',
  ),
  hfConfig('qwen2.5-72b-instruct', 'Qwen/Qwen2.5-72B-Instruct', 'Qwen2.5-72B-Instruct shape (same as the base model)'),
  hfConfig(
    'llama-3.3-70b-instruct',
    'meta-llama/Llama-3.3-70B-Instruct',
    'Llama-3.3-70B-Instruct shape: as Llama-3.1-70B, explicit head_dim 128',
  ),
  hfConfig(
    'deepseek-v3',
    'deepseek-ai/DeepSeek-V3',
    'DeepSeek-V3 shape: MLA (kv_lora_rank 512, q_lora_rank 1536), 256 routed + 1 shared experts, top-8',
  ),
  hfConfig(
    'deepseek-v2-lite',
    'deepseek-ai/DeepSeek-V2-Lite',
    'DeepSeek-V2-Lite shape: MLA without query compression, 64 routed + 2 shared experts, top-6',
  ),
  hfConfig('gemma-7b', 'google/gemma-7b', 'Gemma-7B shape: head_dim 256 ≠ hidden 3072 / 16 heads'),
  hfConfig(
    'gemma-2-9b',
    'google/gemma-2-9b',
    'Gemma-2-9B shape: explicit head_dim (not hidden/heads), alternating sliding-window layers',
  ),

  // ── Serving engine (deployment and decision lessons) ──────────────────────
  {
    id: 'vllm-cache-config-py',
    title: 'vLLM vllm/config/cache.py (CacheConfig)',
    url: 'https://github.com/vllm-project/vllm/blob/main/vllm/config/cache.py',
    kind: 'repo',
    usedFor:
      'gpu_memory_utilization defaults to 0.92 (Field(default=0.92, gt=0, le=1)): the fraction of GPU memory vLLM fills by default',
  },
  {
    id: 'llm-d-planner-vllm-v0.19-logs',
    title: 'llm-d-incubation/llm-d-planner: vLLM v0.19.0 start-up logs on H100 80GB (accuracy/results/v0.19.0)',
    year: 2026,
    url: 'https://github.com/llm-d-incubation/llm-d-planner/tree/d3121e059da88662db39a926a3ead964be97359b/accuracy/results/v0.19.0',
    kind: 'repo',
    usedFor:
      'Calibration of the capacity model: CUDA total 79.19 GiB on H100; non-torch memory 0.25 GiB at TP 1 and 2.07–2.21 GiB at TP ≥ 2 (NCCL buffers, +1.8 GiB); torch peak 1.89 GiB (Llama-3.1-8B, TP 1/2/4), 1.96–1.97 GiB (Llama-3.3-70B FP8, TP 2/4), 0.77 GiB (CodeLlama-7B); "GPU KV cache size" 476,000 / 1,044,688 / 244,304 / 708,992 / 465,936 / 19,920 tokens reproduced within 5 % (Qwen2.5-72B: inside the 1.8 GiB band)',
  },
  {
    id: 'vllm-pr-10511',
    title: 'vllm-project/vllm PR #10511: overhaul memory profiling (profiling logs for Llama-3-8B at TP 1 and 2)',
    authors: 'youkaichao',
    year: 2024,
    url: 'https://github.com/vllm-project/vllm/pull/10511',
    kind: 'issue',
    usedFor:
      'vLLM v0.6.5 on H100: total_gpu_memory 79.22GiB × 0.90; weights 14.96 GiB; non_torch_memory 1.79 GiB at TP 1 and 3.58 GiB at TP 2 (the +1.79 GiB of communication buffers); activation peak 1.26 GiB; available_kv_cache_memory 53.29 GiB (reproduced within 5 %)',
  },
  {
    id: 'vllm-pr-25896',
    title: 'vllm-project/vllm PR #25896: [New Model] DeepSeek-V3.2 (sparse MLA, lightning indexer, "fp8_ds_mla" cache)',
    authors: 'zyongye',
    year: 2025,
    url: 'https://github.com/vllm-project/vllm/pull/25896',
    kind: 'issue',
    usedFor:
      'DeepSeek-V3.2 KV cache per token per layer: 656 B "fp8_ds_mla" entry (MLAAttentionSpec) + 132 B indexer key (vllm/model_executor/models/deepseek_v2.py Indexer k_cache: 128 FP8 values + 4 B scale)',
  },
  {
    id: 'vllm-pr-2031',
    title: 'vllm-project/vllm PR #2031: Fix peak memory profiling',
    authors: 'WoosukKwon',
    year: 2023,
    url: 'https://github.com/vllm-project/vllm/pull/2031',
    kind: 'issue',
    usedFor:
      'Before NCCL memory was profiled, TP > 1 runs exceeded gpu_memory_utilization (77.5 GB used at a 72 GiB cap, TP 4): per-GPU communication buffers are real memory',
  },
  {
    id: 'vllm-arg-utils-batch-defaults',
    title: 'vLLM vllm/engine/arg_utils.py (EngineArgs.get_batch_defaults)',
    url: 'https://github.com/vllm-project/vllm/blob/main/vllm/engine/arg_utils.py',
    kind: 'repo',
    usedFor:
      'Server defaults max_num_batched_tokens 8,192 and max_num_seqs 1,024 on ≥ 70 GiB GPUs other than A100; 2,048 and 256 otherwise: the sizes of the start-up profiling pass and sampler warm-up',
  },
  {
    id: 'sglang-deepseek-v3-usage',
    title: 'SGLang documentation: DeepSeek V3/V3.1/R1 Usage',
    url: 'https://docs.sglang.io/docs/basic_usage/deepseek_v3.md',
    kind: 'repo',
    usedFor:
      'Recommended hardware for DeepSeek-V3 in its native FP8: 8 × H200, 8 × B200, 8 × MI300X or 2 × 8 × H100 (two nodes); AWQ 4-bit on 8 × H100',
  },
  {
    id: 'vllm-docs-fp8',
    title: 'vLLM documentation: FP8 W8A8 (v0.5.5)',
    url: 'https://docs.vllm.ai/en/v0.5.5/quantization/fp8.html',
    kind: 'repo',
    usedFor:
      'FP8 W8A8 runs on Hopper and Ada; Ampere runs FP8 checkpoints weight-only (W8A16, FP8 Marlin); online dynamic FP8 needs no calibration data',
  },
  {
    id: 'vllm-docs-int8',
    title: 'vLLM documentation: INT8 W8A8 (v0.7.0)',
    url: 'https://docs.vllm.ai/en/v0.7.0/features/quantization/int8.html',
    kind: 'repo',
    usedFor:
      'INT8 W8A8 on Turing, Ampere, Ada and Hopper; activation scales are estimated from calibration data that should match deployment data',
  },

  {
    id: 'vllm-cutlass-w4a8-py',
    title: 'vLLM vllm/model_executor/layers/quantization/kernels/mixed_precision/cutlass.py (CutlassW4A8LinearKernel)',
    url: 'https://github.com/vllm-project/vllm/blob/main/vllm/model_executor/layers/quantization/kernels/mixed_precision/cutlass.py',
    kind: 'repo',
    usedFor:
      '"CUTLASS W4A8 requires compute capability of 90 (Hopper)"; "only supports FP8 (e4m3) activations", quantized per token at run time; no zero points or act-order',
  },
  {
    id: 'vllm-machete-readme',
    title: 'vLLM csrc/quantization/machete/Readme.md',
    url: 'https://github.com/vllm-project/vllm/blob/c0c69fb6884f680e7fd6fb1075bf71a66d1626c5/csrc/quantization/machete/Readme.md',
    kind: 'repo',
    usedFor:
      'Machete: "a spiritual successor to the Marlin kernel but optimized for Hopper architectures and based on Cutlass"; dequantises w_q·w_s − w_z inside the GEMM',
  },
  {
    id: 'machete-scale-ml-talk',
    title:
      'MIT Scale ML talk: L. Wilkinson (Neural Magic), "Machete: a cutting-edge mixed-input GEMM GPU kernel targeting NVIDIA Hopper GPUs"',
    year: 2024,
    url: 'https://csail.mit.edu/event/scale-ml-lucas-wilkinson-machete-cutting-edge-mixed-input-gemm-gpu-kernel-targeting-nvidia',
    kind: 'blog',
    usedFor:
      'Abstract: w4a16 needs mixed-input GEMM kernels that dequantise on the fly; Machete uses Hopper\'s TMA and WGMMA, "superior w4a16 model performance compared to Marlin kernels in high-load serving scenarios"',
  },
  {
    id: 'vllm-mixed-precision-kernels-py',
    title: 'vLLM vllm/model_executor/layers/quantization/kernels/mixed_precision/__init__.py (choose_mp_linear_kernel)',
    url: 'https://github.com/vllm-project/vllm/blob/main/vllm/model_executor/layers/quantization/kernels/mixed_precision/__init__.py',
    kind: 'repo',
    usedFor:
      'Weight-only kernels "in priority/performance order (when available)": Machete (compute capability ≥ 9.0), then Marlin (≥ 8.0), then ExLlama and others; used for compressed-tensors W4A16 checkpoints',
  },
  {
    id: 'qserve-2405.04532',
    title: 'QServe: W4A8KV4 Quantization and System Co-design for Efficient LLM Serving',
    authors: 'Lin, Tang, Yang, et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2405.04532',
    kind: 'paper',
    usedFor: 'W4A8: 4-bit weights, 8-bit activations, 8-bit tensor-core GEMMs',
  },
  {
    id: 'vllm-docs-int8-w4a8',
    title: 'vLLM documentation: INT8 W4A8 (llm-compressor)',
    url: 'https://docs.vllm.ai/en/latest/features/quantization/llm_compressor/int8_w4a8/',
    kind: 'repo',
    usedFor: 'vLLM runs INT4 weights with INT8 activations (W4A8); activation scales estimated from calibration data',
  },
  {
    id: 'vllm-docs-int8-latest',
    title: 'vLLM documentation: INT8 W8A8 (latest)',
    url: 'https://docs.vllm.ai/en/latest/features/quantization/int8/',
    kind: 'repo',
    usedFor: 'Warning: "INT8 is not supported on compute capability >= 10.0" (Blackwell): use FP8 instead',
  },
  {
    id: 'llm-compressor-w8a8-int8-example',
    title: 'llm-compressor example: int8 weight and activation quantization',
    url: 'https://blog.vllm.ai/llm-compressor/stable/examples/quantization_w8a8_int8',
    kind: 'repo',
    usedFor:
      'The INT8 W8A8 example (SmoothQuant + GPTQ, scheme W8A8) produces "…-W8A8-Dynamic-Per-Token": dynamic per-token activation scales; calibration data drives smoothing and GPTQ',
  },
  {
    id: 'llm-compressor-w8a8-fp8-example',
    title: 'llm-compressor example: fp8 weight and activation quantization (FP8_DYNAMIC)',
    url: 'https://docs.vllm.ai/projects/llm-compressor/en/stable/examples/quantization_w8a8_fp8/',
    kind: 'repo',
    usedFor:
      'FP8_DYNAMIC: "Static, per-channel quantization on the weights – Dynamic, per-token quantization on the activations"; no calibration data',
  },
  {
    id: 'vllm-w8a8-utils-py',
    title: 'vLLM vllm/model_executor/layers/quantization/utils/w8a8_utils.py',
    url: 'https://github.com/vllm-project/vllm/blob/main/vllm/model_executor/layers/quantization/utils/w8a8_utils.py',
    kind: 'repo',
    usedFor:
      'normalize_e4m3fn_to_e4m3fnuz: on ROCm (MI300X) OCP E4M3FN checkpoints are converted to E4M3FNUZ (bit pattern −128 is NaN there, set to 0) and rescaled at load',
  },
  {
    id: 'pytorch-float8-e4m3fnuz-h',
    title: 'PyTorch c10/util/Float8_e4m3fnuz.h',
    url: 'https://github.com/pytorch/pytorch/blob/main/c10/util/Float8_e4m3fnuz.h',
    kind: 'repo',
    usedFor:
      'E4M3FNUZ: same bit layout as E4M3FN but bias 8, no infinities or negative zero, NaN only 0x80; so the largest value is 1.875 × 2^(15−8) = 240 (E4M3FN: 448)',
  },
  {
    id: 'vllm-test-arg-utils-py',
    title: 'vLLM tests/engine/test_arg_utils.py (test_defaults_with_usage_context)',
    url: 'https://github.com/vllm-project/vllm/blob/main/tests/engine/test_arg_utils.py',
    kind: 'repo',
    usedFor:
      'max_num_batched_tokens default by usage context: ≥70 GiB non-A100 GPUs 16,384 (LLM class) / 8,192 (API server), max_num_seqs 1,024; others 8,192 / 2,048, max_num_seqs 256',
  },
  {
    id: 'vllm-recipes-deepseek-v3',
    title: 'vLLM recipes: DeepSeek-V3 (R1) usage guide',
    url: 'https://docs.vllm.ai/projects/recipes/en/latest/DeepSeek/DeepSeek-V3.html',
    kind: 'repo',
    usedFor:
      'The common DeepSeek-V3 configurations (8 × H200 with FP8, 4 × B200 with FP4); 8×H200 FP8 with TP8+EP or DP8+EP: "Tensor-parallel is usually better for low-latency / low-load scenarios, while data-parallel works better for high-load workloads"',
  },
  {
    id: 'sglang-docs-deepseek-v3',
    title: 'SGLang documentation: DeepSeek V3/V3.1/R1 usage',
    url: 'https://docs.sglang.ai/basic_usage/deepseek_v3.html',
    kind: 'repo',
    usedFor:
      'Recommended set-ups: FP8 on 8×H200, 8×B200, 8×MI300X or 2×8×H100; W4A8 on 8×H20/H100 or 4×H200; NVFP4 on 8 or 4×B200; MXFP4 on MI355X',
  },
  {
    id: 'nvidia-blog-nvfp4',
    title: 'NVIDIA Technical Blog: Introducing NVFP4 for Efficient and Accurate Low-Precision Inference',
    year: 2025,
    url: 'https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/',
    kind: 'blog',
    usedFor:
      'NVFP4 = FP4 E2M1 values, one FP8 E4M3 scale per 16-value micro-block plus one FP32 per-tensor scale; MXFP4 uses a power-of-two (E8M0) scale per 32 values; Blackwell tensor cores',
  },
  {
    id: 'gpt-oss-120b-model-card',
    title: 'openai/gpt-oss-120b model card',
    year: 2025,
    url: 'https://huggingface.co/openai/gpt-oss-120b',
    kind: 'model-card',
    usedFor:
      '"post-trained with MXFP4 quantization of the MoE weights, making gpt-oss-120b run on a single 80GB GPU"; the other weights are not MXFP4',
  },
  {
    id: 'llama-cpp-pr-6936',
    title: 'ggml-org/llama.cpp PR #6936 "perplexity: more statistics, added documentation"',
    year: 2024,
    url: 'https://github.com/ggml-org/llama.cpp/pull/6936',
    kind: 'issue',
    usedFor:
      'Same quant type hurts Llama-3-8B more than Llama-2-7B: mean PPL ratio q4_K_M 1.028 vs 1.014, q2_K 1.565 vs 1.108',
  },

  // ── Memory lesson ─────────────────────────────────────────────────────────
  {
    id: 'gqa-2305.13245',
    title: 'GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints',
    authors: 'Ainslie, Lee-Thorp, de Jong, Zemlyanskiy, Lebrón, Sanghai',
    year: 2023,
    url: 'https://arxiv.org/abs/2305.13245',
    kind: 'paper',
    usedFor:
      'Grouped-query attention: groups of query heads share one key/value head, between multi-head (one K/V head per query head) and multi-query (one K/V head in all) attention',
  },
  {
    id: 'vllm-docs-quantized-kv-cache',
    title: 'vLLM documentation: Quantized KV Cache (v0.11.2)',
    url: 'https://docs.vllm.ai/en/v0.11.2/features/quantization/quantized_kvcache/',
    kind: 'repo',
    usedFor:
      'The KV cache has its own dtype (kv_cache_dtype="fp8"), set independently of the weights; FP8 gives about twice the tokens of cache in the same memory',
  },

  // ── Parallelism, evaluation and serving under SLOs (lessons: deployment, precision) ──
  {
    id: 'nccl-tests-performance-md',
    title: 'NVIDIA/nccl-tests doc/PERFORMANCE.md: Performance reported by NCCL tests',
    url: 'https://github.com/NVIDIA/nccl-tests/blob/03a204a1f38aaea17f1a777885bb2d9600ba7eff/doc/PERFORMANCE.md',
    kind: 'repo',
    usedFor:
      'All-reduce of S bytes over n ranks of per-rank bandwidth B takes at best t = (S/B) · 2(n − 1)/n; at small sizes the time measures the constant overhead (latency), not bandwidth',
  },
  {
    id: 'vllm-docs-parallelism-scaling',
    title: 'vLLM documentation: Parallelism and Scaling',
    url: 'https://docs.vllm.ai/en/latest/serving/parallelism_scaling/',
    kind: 'repo',
    usedFor:
      'Tensor parallelism within a node when the model does not fit one GPU; pipeline parallelism across nodes (TP = GPUs per node, PP = nodes) when it does not fit one node',
  },
  {
    id: 'sglang-v0.4-blog',
    title: 'SGLang v0.4: Zero-Overhead Batch Scheduler, Cache-Aware Load Balancer, Faster Structured Outputs',
    authors: 'The SGLang Team',
    year: 2024,
    url: 'https://lmsys.org/blog/2024-12-04-sglang-v0-4/',
    kind: 'blog',
    usedFor:
      'Data-parallel attention for DeepSeek models: each DP worker keeps the MLA KV cache of its own requests (TP would replicate the single latent head on every GPU), synchronised around the MoE layer; up to 1.9× decoding throughput, for high-QPS serving',
  },
  {
    id: 'mmlu-2009.03300',
    title: 'Measuring Massive Multitask Language Understanding',
    authors: 'Hendrycks, Burns, Basart, Zou, Mazeika, Song, Steinhardt',
    year: 2020,
    url: 'https://arxiv.org/abs/2009.03300',
    kind: 'paper',
    usedFor: 'MMLU: four-option multiple-choice questions over 57 subjects',
  },
  {
    id: 'lm-eval-lessons-2405.14782',
    title: 'Lessons from the Trenches on Reproducible Evaluation of Language Models',
    authors: 'Biderman, Schoelkopf, Sutawika, Gao, Tow, Abbasi, et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2405.14782',
    kind: 'paper',
    usedFor:
      'Scores are sensitive to the evaluation set-up (prompts, formatting, implementation details); lm-eval scores tasks by log-likelihood or by generation; version tasks, log per-sample outputs and report standard errors',
  },
  {
    id: 'hf-dataset-cais-mmlu',
    title: 'cais/mmlu dataset card (Hugging Face)',
    url: 'https://huggingface.co/datasets/cais/mmlu',
    kind: 'repo',
    usedFor: 'dataset_info for config "all": test split 14,042 questions, validation 1,531, dev 285',
  },
];

function transformersFile(id: string, path: string, usedFor: string): SourceEntry {
  return {
    id,
    title: `transformers src/transformers/models/${path}`,
    url: `https://github.com/huggingface/transformers/blob/main/src/transformers/models/${path}`,
    kind: 'repo',
    usedFor,
  };
}

function hfConfig(model: string, repo: string, usedFor: string): SourceEntry {
  return {
    id: `hf-config-${model}`,
    title: `${repo} config.json`,
    url: `https://huggingface.co/${repo}/blob/main/config.json`,
    kind: 'config',
    usedFor,
  };
}
