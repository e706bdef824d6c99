import type { ModelSpec } from './types';
import { groupDigits } from '../units';

function n(x: number): string {
  return groupDigits(x);
}

function count(x: number, one: string, many: string): string {
  return `${n(x)} ${x === 1 ? one : many}`;
}

/**
 * One line describing a model's shape, for labels and tooltips.
 *
 * Attention: heads, KV heads with the variant (MHA/GQA/MQA) and head_dim, or the MLA
 * ranks. MoE models add their experts; a sliding window is mentioned when present.
 *
 * @example
 * modelSummary(getModel('llama-3.1-70b').spec) // "80 layers, 64 heads, 8 KV heads (GQA), head_dim 128"
 * modelSummary(getModel('mixtral-8x7b').spec)
 * // "32 layers, 32 heads, 8 KV heads (GQA), head_dim 128; MoE: 8 experts, top-2"
 * modelSummary(getModel('deepseek-v3').spec)
 * // "61 layers, 128 heads, MLA (kv_lora_rank 512, q_lora_rank 1536, qk head_dim 128+64, v_head_dim 128);
 * //  MoE: 256 routed + 1 shared experts, top-8, 3 dense layers"
 */
export function modelSummary(spec: ModelSpec): string {
  const a = spec.attention;
  const parts = [count(spec.numLayers, 'layer', 'layers'), count(a.numHeads, 'head', 'heads')];
  if (a.kind === 'mla') {
    const q = a.qLoraRank === null ? 'no q compression' : `q_lora_rank ${a.qLoraRank}`;
    parts.push(
      `MLA (kv_lora_rank ${a.kvLoraRank}, ${q}, qk head_dim ${a.qkNopeHeadDim}+${a.qkRopeHeadDim}, v_head_dim ${a.vHeadDim})`,
    );
  } else {
    parts.push(`${count(a.numKvHeads, 'KV head', 'KV heads')} (${a.kind.toUpperCase()})`, `head_dim ${a.headDim}`);
  }
  let line = parts.join(', ');

  const m = spec.mlp;
  if (m.kind === 'moe') {
    const experts =
      m.numSharedExperts > 0
        ? `${n(m.numRoutedExperts)} routed + ${n(m.numSharedExperts)} shared experts`
        : count(m.numRoutedExperts, 'expert', 'experts');
    const dense = m.denseLayers > 0 ? `, ${count(m.denseLayers, 'dense layer', 'dense layers')}` : '';
    line += `; MoE: ${experts}, top-${m.expertsPerToken}${dense}`;
  }
  const chunked = spec.layerAttention?.some((l) => l.kind === 'chunked') === true;
  if (spec.slidingWindow && chunked) {
    line += `; chunked attention ${n(spec.slidingWindow.windowTokens)} tokens on ${count(spec.slidingWindow.numLayers, 'layer', 'layers')}`;
  } else if (spec.slidingWindow) {
    line += `; sliding window ${n(spec.slidingWindow.windowTokens)} tokens on ${count(spec.slidingWindow.numLayers, 'layer', 'layers')}`;
  }
  return line;
}
