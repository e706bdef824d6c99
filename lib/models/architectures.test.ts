import { describe, expect, test } from 'vitest';

import {
  FALCON_7B_CONFIG,
  GEMMA_3_27B_IT_CONFIG,
  GEMMA_3_4B_IT_CONFIG,
  GLM_4_5_AIR_CONFIG,
  GPT_OSS_120B_CONFIG,
  GPT_OSS_20B_CONFIG,
  KIMI_K2_INSTRUCT_CONFIG,
  LLAMA_4_SCOUT_CONFIG,
  LLAMA_4_SCOUT_TEXT_CONFIG,
  OLMO_2_1124_7B_CONFIG,
  PHI_3_MINI_4K_CONFIG,
  PHI_4_CONFIG,
  QWEN3_30B_A3B_CONFIG,
} from './architectureConfigs';
import { countParams } from './countParams';
import { kvCacheBytesPerToken } from './kvCache';
import { parseModelConfig, parseModelConfigText } from './parseModelConfig';
import { PUBLISHED_TOTALS } from './testPublishedTotals';

const count = (config: Readonly<Record<string, unknown>>) => countParams(parseModelConfig(config));
const kv16 = (config: Readonly<Record<string, unknown>>) =>
  kvCacheBytesPerToken(parseModelConfig(config), { bits: 16 });

/**
 * "hub" = the Hugging Face API `safetensors.total` of the checkpoint (the parameter count on its
 * model page), as quoted with the repository in third-party code; "card" = the publisher's figure.
 * KV bytes per token follow vLLM's page size per layer: 2 · kvHeads · headDim · 2 B (FullAttentionSpec
 * `real_page_size_bytes` / block_size), MLA (kv_lora_rank + qk_rope_head_dim) · 2 B.
 */
describe('new architectures reproduce their published totals', () => {
  test('Qwen3-30B-A3B (qwen3_moe): hub 30,532,122,624; card "30.5B in total and 3.3B activated"', () => {
    const c = count(QWEN3_30B_A3B_CONFIG);
    expect(c.total).toBe(30_532_122_624);
    expect(c.active).toBe(3_353_032_704);
    expect(c.embedding).toBe(151_936 * 2048);
    expect(kv16(QWEN3_30B_A3B_CONFIG)).toBe(2 * 48 * 4 * 128 * 2); // 98,304
  });

  test('Gemma-3-4B-it (gemma3 wrapper): text + SigLIP tower + projector = hub 4,300,079,472', () => {
    const c = count(GEMMA_3_4B_IT_CONFIG);
    expect(c.total).toBe(3_880_263_168); // the language model, the main number
    expect(c.vision).toEqual({ tower: 416_866_032, projector: 2_950_272 });
    expect(c.total + c.vision!.tower + c.vision!.projector).toBe(4_300_079_472);
    expect(c.embedding).toBe(262_208 * 2560);
    expect(kv16(GEMMA_3_4B_IT_CONFIG)).toBe(2 * 34 * 4 * 256 * 2); // 139,264 (every layer cached; windows cap the count)
  });

  test('Gemma-3-27B-it: text + tower + projector = hub 27,432,406,640; 5 local : 1 global layers at a 1,024 window', () => {
    const spec = parseModelConfig(GEMMA_3_27B_IT_CONFIG);
    const c = countParams(spec);
    expect(c.total + c.vision!.tower + c.vision!.projector).toBe(27_432_406_640);
    expect(c.vision!.projector).toBe(1152 * 5376 + 1152);
    expect(spec.layerAttention?.filter((l) => l.kind === 'full')).toHaveLength(10); // layers 6, 12, …, 60
    expect(spec.layerAttention?.[5]).toEqual({ kind: 'full' });
    expect(spec.layerAttention?.[0]).toEqual({ kind: 'sliding', windowTokens: 1024 });
    expect(spec.slidingWindow).toEqual({ windowTokens: 1024, numLayers: 52 });
    expect(kv16(GEMMA_3_27B_IT_CONFIG)).toBe(2 * 62 * 16 * 128 * 2); // 507,904: 16 KV heads × head_dim 128 per layer
  });

  test('Llama-4-Scout text model (llama4_text): card "17B active, 109B total" (total includes the vision tower, not counted here)', () => {
    const spec = parseModelConfig(LLAMA_4_SCOUT_TEXT_CONFIG);
    const c = countParams(spec);
    // Hand calculation (no hub total of the text-only model found):
    //   embedding + lm_head 2 × 202,048 × 5,120 = 2,068,971,520
    //   attention 48 × (2 × 5,120 × 5,120 + 2 × 5,120 × 1,024) = 3,019,898,880
    //   MoE 48 × (16 × 3 × 5,120 × 8,192 + shared 3 × 5,120 × 8,192 + router 16 × 5,120) = 102,680,494,080
    //   norms 48 × 2 × 5,120 + 5,120 = 496,640
    expect(c.total).toBe(2_068_971_520 + 3_019_898_880 + 102_680_494_080 + 496_640);
    expect(c.active).toBe(17_172_894_720); // "17B active"
    // 109B − 107.77B ≈ 0.9B: the vision encoder and projector of the multimodal checkpoint.
    expect(109e9 - c.total).toBeGreaterThan(0.8e9);
    expect(spec.layerAttention?.filter((l) => l.kind === 'chunked')).toHaveLength(36);
    expect(spec.layerAttention?.[3]).toEqual({ kind: 'full' });
    expect(kv16(LLAMA_4_SCOUT_TEXT_CONFIG)).toBe(2 * 48 * 8 * 128 * 2); // 196,608
  });

  test('Llama-4-Scout (llama4 wrapper): text + vision tower + projector = hub 108,641,793,536', () => {
    // Hub total: safetensors total of meta-llama/Llama-4-Scout-17B-16E-Instruct, as quoted with the repo id in third-party code.
    const c = count(LLAMA_4_SCOUT_CONFIG);
    expect(c.total).toBe(107_769_861_120); // the text model, as above
    // Hand calculation (d 1,408, f 5,632, p 14, image 336, 34 layers):
    //   patch 3 × 14² × 1,408 = 827,904; class 1,408; positions (24² + 1) × 1,408 = 812,416; pre/post LayerNorms 5,632
    //   per layer 4 × (1,408² + 1,408) + (1,408 × 5,632 + 5,632) + (5,632 × 1,408 + 1,408) + 4 × 1,408 = 23,807,872; × 34 = 809,467,648
    //   pixel-shuffle adapter 5,632 × 4,096 + 4,096² = 39,845,888; projector 4,096 × 5,120 = 20,971,520
    expect(c.vision).toEqual({
      tower: 827_904 + 1408 + 812_416 + 5632 + 809_467_648 + 39_845_888,
      projector: 20_971_520,
    });
    expect(c.total + c.vision!.tower + c.vision!.projector).toBe(108_641_793_536);
    expect(kv16(LLAMA_4_SCOUT_CONFIG)).toBe(2 * 48 * 8 * 128 * 2);
  });

  test('Llama-4 interleaved dense/MoE (Maverick shape, interleave_moe_layer_step 2): 24 MoE + 24 dense layers', () => {
    const spec = parseModelConfig({
      ...LLAMA_4_SCOUT_TEXT_CONFIG,
      num_local_experts: 128,
      interleave_moe_layer_step: 2,
      moe_layers: undefined,
    });
    expect(spec.mlp).toMatchObject({
      kind: 'moe',
      numRoutedExperts: 128,
      denseLayers: 24,
      denseIntermediateSize: 16384,
    });
    // Card: "17B active, 400B total" (with vision). Text model: 400.71B total, 17.18B active.
    expect(countParams(spec).total).toBe(400_711_848_960);
    expect(countParams(spec).active).toBe(17_184_691_200);
  });

  test('Phi-3-mini-4k (phi3, fused qkv_proj and gate_up_proj): hub 3,821,079,552', () => {
    expect(count(PHI_3_MINI_4K_CONFIG).total).toBe(3_821_079_552);
    expect(parseModelConfig(PHI_3_MINI_4K_CONFIG).slidingWindow).toEqual({ windowTokens: 2047, numLayers: 32 });
    expect(kv16(PHI_3_MINI_4K_CONFIG)).toBe(2 * 32 * 32 * 96 * 2);
  });

  test('Phi-4 (phi3): hub 14,659,507,200', () => {
    expect(count(PHI_4_CONFIG).total).toBe(14_659_507_200);
    expect(count(PHI_4_CONFIG).embedding).toBe(100_352 * 5120);
    expect(kv16(PHI_4_CONFIG)).toBe(2 * 40 * 10 * 128 * 2); // 204,800
  });

  test('gpt-oss-120b / 20b (gpt_oss): OpenAI model card Table 1, 116.83B / 5.13B active and 20.91B / 3.61B active', () => {
    const big = count(GPT_OSS_120B_CONFIG);
    expect(big.total).toBe(116_829_156_672);
    // The card's active count leaves out the input embedding (a lookup, not a matmul).
    expect(((big.active - big.embedding) / 1e9).toFixed(2)).toBe('5.13');
    const small = count(GPT_OSS_20B_CONFIG);
    expect(small.total).toBe(20_914_757_184);
    expect(((small.active - small.embedding) / 1e9).toFixed(2)).toBe('3.61');
    const spec = parseModelConfig(GPT_OSS_20B_CONFIG);
    expect(spec.attention).toMatchObject({ sinks: true, qkvBias: true, outputBias: true });
    expect(spec.layerAttention?.slice(0, 2)).toEqual([{ kind: 'sliding', windowTokens: 128 }, { kind: 'full' }]);
    expect(kv16(GPT_OSS_120B_CONFIG)).toBe(2 * 36 * 8 * 64 * 2); // 73,728: sinks add no cache
  });

  test('GLM-4.5-Air (glm4_moe): 106,852,251,264 + the MTP layer = hub 110,468,824,832', () => {
    const c = count(GLM_4_5_AIR_CONFIG);
    expect(c.total).toBe(106_852_251_264);
    // The checkpoint also stores the next-token-prediction layer (num_nextn_predict_layers 1), not
    // counted (as for DeepSeek-V3): one MoE decoder layer 2,341,492,864 + eh_proj 8,192 × 4,096 +
    // enorm, hnorm, shared_head.norm 3 × 4,096 + its own embed_tokens and shared_head.head 2 × 151,552 × 4,096.
    const mtpLayer = 109_066_240 + 2_232_418_432 + 2 * 4096; // attention (q/k/v biases) + MoE + 2 norms
    expect(mtpLayer).toBe(2_341_492_864);
    expect(c.total + mtpLayer + 8192 * 4096 + 3 * 4096 + 2 * 151_552 * 4096).toBe(110_468_824_832);
    expect(kv16(GLM_4_5_AIR_CONFIG)).toBe(2 * 46 * 8 * 128 * 2);
  });

  test('Kimi-K2-Instruct (kimi_k2, DeepSeek-V3 shape): checkpoint total 1,026,408,232,448', () => {
    const c = count(KIMI_K2_INSTRUCT_CONFIG);
    expect(c.total).toBe(1_026_408_232_448);
    expect(c.active).toBe(32_861_500_928); // card: "32 billion activated"
    expect(kv16(KIMI_K2_INSTRUCT_CONFIG)).toBe(61 * (512 + 64) * 2); // 70,272
  });

  test('OLMo-2-1124-7B (olmo2, q/k norms over the whole projection, post-norms only): hub 7,298,617,344', () => {
    const c = count(OLMO_2_1124_7B_CONFIG);
    expect(c.total).toBe(7_298_617_344);
    expect(c.norms).toBe(32 * (2 * 4096 + 4096 + 4096) + 4096);
    expect(kv16(OLMO_2_1124_7B_CONFIG)).toBe(2 * 32 * 32 * 128 * 2); // 524,288: multi-head (32 KV heads)
  });

  test('Falcon-7B (falcon, multi-query, one shared LayerNorm with bias, ungated MLP, tied)', () => {
    // No hub total reachable here; card says "7B". Hand calculation:
    //   embedding 65,024 × 4,544 = 295,469,056 (lm_head tied)
    //   per layer: query_key_value 4,544 × (4,544 + 2 × 64) + dense 4,544² = 41,877,504
    //              MLP 2 × 4,544 × 18,176 = 165,183,488; input_layernorm 2 × 4,544 = 9,088
    //   32 layers: 6,626,242,560; ln_f 9,088
    const c = count(FALCON_7B_CONFIG);
    expect(c.total).toBe(295_469_056 + 32 * (41_877_504 + 165_183_488 + 9_088) + 9_088);
    expect(c.total).toBe(6_921_720_704);
    expect(kv16(FALCON_7B_CONFIG)).toBe(2 * 32 * 1 * 64 * 2); // 8,192: one KV head
  });

  test('configs pasted as text parse the same', () => {
    expect(parseModelConfigText(JSON.stringify(GEMMA_3_4B_IT_CONFIG)).vision?.kind).toBe('siglip');
  });
});

describe('the closing-note table (lib/models/testPublishedTotals.ts): every architecture against its published total', () => {
  for (const row of PUBLISHED_TOTALS) {
    test(`${row.model}: ${row.tolerance === 0 ? 'exact' : `within ${(row.tolerance * 100).toFixed(3)} % (the published rounding)`} (${row.source})`, () => {
      const c = count(row.config);
      const computed = c.total + (c.vision ? c.vision.tower + c.vision.projector : 0) + (row.computedExtra ?? 0);
      if (row.tolerance === 0) expect(computed).toBe(row.publishedTotal);
      else expect(Math.abs(computed / row.publishedTotal - 1)).toBeLessThanOrEqual(row.tolerance);
    });
  }
});

describe('new architectures reject bad input by field', () => {
  test('gemma3 vision_config with a pooling head is refused', () => {
    const bad = {
      ...GEMMA_3_4B_IT_CONFIG,
      vision_config: { ...(GEMMA_3_4B_IT_CONFIG.vision_config as object), vision_use_head: true },
    };
    expect(() => parseModelConfig(bad)).toThrow(/vision_config\.vision_use_head must be false/);
  });

  test('layer_types of the wrong length names the field', () => {
    expect(() => parseModelConfig({ ...GPT_OSS_20B_CONFIG, layer_types: ['full_attention'] })).toThrow(
      /^layer_types must list/,
    );
  });

  test('mlp_only_layers out of range names the field', () => {
    expect(() => parseModelConfig({ ...QWEN3_30B_A3B_CONFIG, mlp_only_layers: [48] })).toThrow(
      /^mlp_only_layers must be a list of layer indices/,
    );
  });

  test('Qwen3-MoE: mlp_only_layers become dense layers of intermediate_size', () => {
    const spec = parseModelConfig({ ...QWEN3_30B_A3B_CONFIG, mlp_only_layers: [0, 1] });
    expect(spec.mlp).toMatchObject({ kind: 'moe', denseLayers: 2, denseIntermediateSize: 6144 });
  });
});
