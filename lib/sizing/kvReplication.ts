import type { ModelSpec } from '../models/types';

/**
 * How many copies of each token's KV cache exist across `gpuCount` tensor-parallel
 * GPUs (1 = the cache is split, each GPU holding its share of the heads).
 *
 * - MHA/GQA/MQA: the cache is split by KV head. With more GPUs than KV heads each
 *   head is replicated, so the total grows by gpuCount / numKvHeads
 *   (cli99/llm-analysis uses max(Hkv / tp, 1) heads per GPU).
 * - MLA: the compressed latent is shared by all heads and cannot be split, so every
 *   GPU keeps the whole cache: "MLA is always replicated as the hidden dim can't be
 *   split" (vLLM `vllm/distributed/kv_transfer/kv_connector/utils.py`, quoted in
 *   vllm-project/vllm#47929; same in TensorRT-LLM#15162).
 *
 * @example kvReplicationFactor(llama70b, 8)   // 1  (8 KV heads, one per GPU)
 * @example kvReplicationFactor(llama70b, 16)  // 2
 * @example kvReplicationFactor(deepseekV3, 8) // 8  (MLA latent on every GPU)
 */
export function kvReplicationFactor(spec: ModelSpec, gpuCount: number): number {
  const attention = spec.attention;
  if (attention.kind === 'mla') return gpuCount;
  return Math.max(1, gpuCount / attention.numKvHeads);
}
