/**
 * The glossary (`/glossary`): the terms the lessons use, each with a short definition and the sources in
 * lib/sources that define or introduce it. Data only; the page and the `<Term id>` MDX component
 * (components/mdx/Term.tsx) read it, and content/glossary.test.ts checks that every term has a definition and a
 * source (or says why it has none) and that every `<Term id>` in a lesson exists here.
 *
 * Definitions state what a term means, not figures a calculator computes: numbers stay in the lessons, where
 * lib/ computes them.
 */
export interface GlossaryTerm {
  /** Anchor on /glossary (`/glossary#<id>`), lowercase kebab-case; `<Term id>` uses it. */
  id: string;
  /** The term as written in the lessons, e.g. "W4A16". */
  term: string;
  /** What the abbreviation stands for, when it is one. */
  expansion?: string;
  /** Other spellings a search should find it by. */
  aliases?: readonly string[];
  /** One to three sentences of plain text. */
  definition: string;
  /** Ids in lib/sources that define, introduce or document the term. */
  sources: readonly string[];
  /** Why `sources` is empty, when it is. */
  noSourceReason?: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'w4a16',
    term: 'W4A16',
    expansion: '4-bit weights, 16-bit activations',
    aliases: ['weight-only 4-bit'],
    definition:
      'Weight-only quantization: the weights are stored in 4 bits (with a scale per group), the activations stay in FP16 or BF16. The kernel dequantises the weights to 16 bits and multiplies in 16 bits, so W4A16 saves memory and memory bandwidth but not arithmetic.',
    sources: ['compressed-tensors-quant-scheme-py', 'bf16-or-death-2411.02355', 'marlin-readme'],
  },
  {
    id: 'w8a16',
    term: 'W8A16',
    expansion: '8-bit weights, 16-bit activations',
    definition:
      'Weight-only 8-bit quantization: 8-bit weights, 16-bit activations and 16-bit matrix multiplications. It halves the weight bytes of BF16 without needing activation scales.',
    sources: ['nm-llama-3.1-70b-instruct-w8a16', 'bf16-or-death-2411.02355'],
  },
  {
    id: 'w8a8',
    term: 'W8A8',
    expansion: '8-bit weights, 8-bit activations',
    aliases: ['INT8 W8A8', 'FP8 W8A8'],
    definition:
      'Weights and activations both in 8 bits (INT8 or FP8), so the matrix multiplications run on 8-bit tensor cores at twice the 16-bit rate. Activations need scales too: computed per token at run time (dynamic) or fixed from calibration data (static).',
    sources: ['smoothquant-2211.10438', 'bf16-or-death-2411.02355', 'vllm-docs-fp8', 'vllm-docs-int8'],
  },
  {
    id: 'w4a8',
    term: 'W4A8',
    expansion: '4-bit weights, 8-bit activations',
    definition:
      '4-bit weights with 8-bit activations: the weights are widened to 8 bits inside the kernel and the product runs on 8-bit tensor cores, combining the memory of 4-bit with the 8-bit compute rate.',
    sources: ['qserve-2405.04532', 'vllm-docs-int8-w4a8'],
  },
  {
    id: 'fp8-e4m3',
    term: 'FP8 E4M3',
    expansion: '8-bit floating point: 1 sign, 4 exponent and 3 mantissa bits',
    aliases: ['FP8', 'E4M3', 'E5M2', 'E4M3FNUZ'],
    definition:
      'The 8-bit float used for weights and activations: more precision than E5M2 (5 exponent, 2 mantissa bits), less range. Its largest finite value is 448; AMD MI300 GPUs use the E4M3FNUZ variant, whose largest value is 240, so checkpoints are rescaled when they load there.',
    sources: ['fp8-formats-2209.05433', 'pytorch-float8-e4m3fnuz-h'],
  },
  {
    id: 'nf4',
    term: 'NF4',
    expansion: '4-bit NormalFloat',
    definition:
      'A 4-bit data type from QLoRA whose 16 levels are quantiles of a normal distribution, suited to normally distributed weights. Each block of weights (64 in bitsandbytes) is divided by its largest absolute value before rounding to the nearest level; the block scale is stored beside it.',
    sources: ['qlora-2305.14314', 'bnb-functional-py'],
  },
  {
    id: 'int4-g128',
    term: 'INT4 g128',
    expansion: '4-bit integers with group size 128',
    aliases: ['group size', 'group-wise quantization', 'g128'],
    definition:
      'Weights rounded to 4-bit integers with one scale (and, in asymmetric schemes, one zero point) for every 128 consecutive weights of an input row. Smaller groups follow the weights more closely and cost more bits per weight for scales; 128 is the usual compromise for GPTQ and AWQ checkpoints.',
    sources: ['gptq-2210.17323', 'awq-2306.00978', 'compressed-tensors-quant-scheme-py'],
  },
  {
    id: 'sqnr',
    term: 'SQNR',
    expansion: 'signal-to-quantization-noise ratio',
    definition:
      'How far the rounding error is below the signal, in decibels: 10 · log10(Σ w² / Σ (w − ŵ)²) over the original weights w and their rounded values ŵ. Higher is better; for a uniform quantizer each extra bit adds about 20 · log10(2) ≈ 6 dB.',
    sources: [],
    noSourceReason:
      'A textbook signal-processing definition rather than a result of any one paper; the rounding demo computes it with lib/quant errorStats, whose tests check the formula by hand.',
  },
  {
    id: 'rtn',
    term: 'RTN',
    expansion: 'round-to-nearest',
    definition:
      'The simplest quantization: scale each block of weights and round every weight to the nearest level, with no calibration data. It is the baseline GPTQ and AWQ are compared against.',
    sources: ['gptq-2210.17323', 'awq-2306.00978'],
  },
  {
    id: 'ptq',
    term: 'PTQ',
    expansion: 'post-training quantization',
    definition:
      'Quantizing a trained model without training it further, at most with a small calibration set to choose scales or correct errors. RTN, GPTQ, AWQ and SmoothQuant are all PTQ.',
    sources: ['gptq-2210.17323', 'smoothquant-2211.10438'],
  },
  {
    id: 'qat',
    term: 'QAT',
    expansion: 'quantization-aware training',
    definition:
      'Training or fine-tuning with the quantization simulated in the forward pass ("fake quantization"), with gradients passed through the rounding, so the weights learn to tolerate it. It costs a training run; PTQ does not.',
    sources: ['llm-qat-2305.17888', 'efficientqat-2407.11062', 'torchao-qat-readme'],
  },
  {
    id: 'gptq',
    term: 'GPTQ',
    definition:
      'A one-shot, weight-only PTQ method: it quantizes a layer one column at a time and updates the not-yet-quantized weights to cancel the error, using second-order information (the Hessian of the layer’s output error) from a few calibration inputs.',
    sources: ['gptq-2210.17323', 'gptq-readme'],
  },
  {
    id: 'awq',
    term: 'AWQ',
    expansion: 'activation-aware weight quantization',
    definition:
      'A weight-only PTQ method: calibration activations show which input channels matter most, and those weight channels are scaled up before rounding (and the activations scaled down to match), which protects them from rounding error without mixed precision.',
    sources: ['awq-2306.00978', 'llm-awq-repo'],
  },
  {
    id: 'smoothquant',
    term: 'SmoothQuant',
    definition:
      'A PTQ method for W8A8: activation outliers make activations hard to quantize, so it divides each activation channel j by s_j = max|X_j|^α / max|W_j|^(1−α) and multiplies the matching weight row by s_j, an exact rewrite that moves the difficulty from activations to weights.',
    sources: ['smoothquant-2211.10438', 'smoothquant-repo'],
  },
  {
    id: 'outlier-features',
    term: 'Outlier features',
    aliases: ['activation outliers', 'emergent outliers'],
    definition:
      'A few hidden-state dimensions whose activations are far larger than the rest, which appear systematically in large transformers. Per-tensor 8-bit activation scales sized for them round everything else to zero; LLM.int8() keeps them in 16 bits, SmoothQuant moves them into the weights.',
    sources: ['llm-int8-2208.07339', 'smoothquant-2211.10438'],
  },
  {
    id: 'kv-cache',
    term: 'KV cache',
    expansion: 'key–value cache',
    definition:
      'The attention keys and values of every token so far, at every layer, kept in GPU memory so that each new token attends to them without recomputing the prefix. It grows linearly with context length and with the number of sequences served: per token, 2 × layers × KV heads × head dimension × bytes per element.',
    sources: ['gqa-2305.13245', 'kivi-2402.02750', 'vllm-kv-cache-interface-py'],
  },
  {
    id: 'gqa',
    term: 'GQA',
    expansion: 'grouped-query attention',
    aliases: ['MQA', 'multi-query attention'],
    definition:
      'Attention in which groups of query heads share one key and one value head, so the KV cache shrinks by the ratio of query heads to KV heads with little loss of quality. Multi-query attention (MQA) is the extreme of one KV head.',
    sources: ['gqa-2305.13245', 'hf-config-llama-3.1-70b'],
  },
  {
    id: 'mla',
    term: 'MLA',
    expansion: 'multi-head latent attention',
    definition:
      'The attention of DeepSeek-V2 and V3: each token’s keys and values are compressed into one small latent vector (plus a small shared positional key), which is all the KV cache holds; the per-head keys and values are reconstructed from it.',
    sources: ['deepseek-v3-report-2412.19437', 'hf-config-deepseek-v3', 'flashmla-readme'],
  },
  {
    id: 'moe',
    term: 'MoE',
    expansion: 'mixture of experts',
    definition:
      'A model whose feed-forward layers each hold many expert networks and a router that sends each token to a few of them. Only the chosen experts’ weights are used per token, but all of them must be in memory.',
    sources: ['mistral-mixtral-of-experts', 'deepseek-v3-report-2412.19437'],
  },
  {
    id: 'roofline',
    term: 'Roofline',
    aliases: ['roofline model', 'memory-bound', 'compute-bound'],
    definition:
      'A performance bound: a kernel runs at most at min(peak FLOP/s, arithmetic intensity × memory bandwidth), where arithmetic intensity is FLOPs per byte moved. Below the ridge point it is memory-bound, above it compute-bound.',
    sources: ['llm-viewer-2402.16363'],
  },
  {
    id: 'ridge-point',
    term: 'Ridge point',
    definition:
      'The arithmetic intensity where the two roofs of the roofline meet: peak FLOP/s divided by memory bandwidth, in FLOPs per byte. A kernel needs at least that many FLOPs per byte it reads to be limited by compute.',
    sources: ['llm-viewer-2402.16363'],
  },
  {
    id: 'arithmetic-intensity',
    term: 'Arithmetic intensity',
    definition:
      'FLOPs done per byte read from or written to memory. A decode step of a dense model does about 2 FLOPs per weight per sequence, so its intensity grows with the batch and shrinks as weights get more bytes.',
    sources: ['llm-viewer-2402.16363'],
  },
  {
    id: 'prefill-decode',
    term: 'Prefill and decode',
    aliases: ['prefill', 'decode'],
    definition:
      'The two phases of generation. Prefill runs the whole prompt through the model at once and fills the KV cache; decode then produces one token per step for each sequence, reading every weight once per step.',
    sources: ['distserve-2401.09670'],
  },
  {
    id: 'ttft',
    term: 'TTFT',
    expansion: 'time to first token',
    definition:
      'Time from a request’s arrival to its first output token: queueing plus prefill. It is the latency a user feels before anything appears.',
    sources: ['distserve-2401.09670'],
  },
  {
    id: 'itl-tpot',
    term: 'ITL / TPOT',
    expansion: 'inter-token latency / time per output token',
    aliases: ['ITL', 'TPOT'],
    definition:
      'The time between successive output tokens of one request during decode (TPOT is its average over the request). It sets how fast text streams to the user.',
    sources: ['distserve-2401.09670'],
  },
  {
    id: 'goodput',
    term: 'Goodput',
    definition:
      'The highest request rate a system can serve while a target share of requests meets both latency objectives (TTFT and TPOT), rather than raw tokens per second regardless of latency.',
    sources: ['distserve-2401.09670'],
  },
  {
    id: 'tensor-parallelism',
    term: 'Tensor parallelism',
    aliases: ['TP'],
    definition:
      'Splitting each layer’s weight matrices across GPUs (columns of one matrix, rows of the next) so that every GPU holds and reads a shard; the GPUs sum their partial results with an all-reduce in every layer.',
    sources: ['megatron-lm-1909.08053', 'vllm-docs-parallelism-scaling'],
  },
  {
    id: 'marlin',
    term: 'Marlin',
    definition:
      'A GPU kernel for W4A16 matrix multiplication (FP16 activations times 4-bit weights) that stays close to the ideal memory-bound speed-up at small batches; vLLM uses it for GPTQ and AWQ checkpoints.',
    sources: ['marlin-readme'],
  },
  {
    id: 'gguf',
    term: 'GGUF',
    aliases: ['Q4_K_M', 'k-quants'],
    definition:
      'The model file format of llama.cpp. Its quantization types (Q8_0, Q4_K_M and others) mix block formats across tensors, so a file’s bits per weight are measured from the file rather than read off the type’s name.',
    sources: ['llama-cpp-quantize-readme', 'llama-cpp-ggml-common-h'],
  },
  {
    id: 'perplexity',
    term: 'Perplexity',
    definition:
      'The exponential of the mean negative log-likelihood per token on a text corpus (often WikiText-2): lower is better. Small perplexity changes do not tell how a task’s accuracy changes.',
    sources: ['awq-2306.00978', 'bf16-or-death-2411.02355'],
  },
  {
    id: 'fsrs',
    term: 'FSRS',
    expansion: 'Free Spaced Repetition Scheduler',
    definition:
      'The spaced-repetition algorithm the practice page uses: it models each question’s difficulty, stability and retrievability, and schedules the next review for when the predicted chance of recalling the answer falls to the target retention.',
    sources: [],
    noSourceReason:
      'It schedules this site’s practice, not a quantization fact, so the sources list does not carry it; lib/practice/schedule.ts cites Ye, Su & Cao (KDD 2022) and the ts-fsrs implementation it uses.',
  },
];

/** The glossary term with this id, or undefined. */
export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return GLOSSARY.find((t) => t.id === id);
}
