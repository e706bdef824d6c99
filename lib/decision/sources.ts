import type { ReasonSource } from './types';

/**
 * The citations reasons can carry: ids in lib/sources (checked by a test) with short
 * labels, kept here so a client widget need not ship the whole sources catalog.
 */
export const DECISION_SOURCES = {
  redHat: { id: 'bf16-or-death-2411.02355', label: 'Kurtic et al., 2024' },
  nmW4a16: { id: 'nm-llama-3.1-70b-instruct-w4a16', label: 'Neural Magic W4A16 model card' },
  llama3Quant: { id: 'llama3-quantization-2404.14047', label: 'Huang et al., 2024' },
  awq: { id: 'awq-2306.00978', label: 'AWQ, 2023' },
  gptq: { id: 'gptq-2210.17323', label: 'GPTQ, 2022' },
  hfInt8: { id: 'hf-blog-hf-bitsandbytes-integration', label: 'HF LLM.int8() blog' },
  smoothQuant: { id: 'smoothquant-repo', label: 'SmoothQuant repo' },
  llama3PerChannel: { id: 'llama3-70b-per-channel-2408.15301', label: 'Qin, 2024' },
  vllmFp8: { id: 'vllm-docs-fp8', label: 'vLLM FP8 docs' },
  llmCompressorFp8: { id: 'llm-compressor-w8a8-fp8-example', label: 'llm-compressor FP8_DYNAMIC' },
  vllmInt8: { id: 'vllm-docs-int8', label: 'vLLM INT8 docs' },
  vllmCache: { id: 'vllm-cache-config-py', label: 'vLLM cache config' },
} as const satisfies Record<string, ReasonSource>;
