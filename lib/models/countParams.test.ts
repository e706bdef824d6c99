import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countParams } from './countParams';
import { getModel, MODELS } from './catalog';
import { parseModelConfig } from './parseModelConfig';
import { arbDenseConfig, arbMoeSpec } from './testArbitraries';

const spec = (id: string) => getModel(id).spec;

describe('countParams(model) on the catalog', () => {
  test('Llama-3.1-70B: 70,553,706,496, worked by hand', () => {
    // config.json: hidden 8192, 80 layers, 64 heads, 8 KV heads, head_dim 128,
    // intermediate 28672, vocab 128256, untied.
    //   embedding  128,256 × 8,192                                  =  1,050,673,152
    //   lm_head    128,256 × 8,192 (untied)                         =  1,050,673,152
    //   attention  80 × (q 8192·8192 + k 8192·1024 + v 8192·1024 + o 8192·8192)
    //            = 80 × 150,994,944                                 = 12,079,595,520
    //   mlp        80 × 3 × 8,192 × 28,672 = 80 × 704,643,072       = 56,371,445,760
    //   norms      80 × 2 × 8,192 + 8,192 (final)                   =      1,318,912
    //   total                                                       = 70,553,706,496
    // The hub reports the same total for meta-llama/Llama-3.1-70B (docs/provenance.md §7: 70,553,706,496).
    expect(countParams(spec('llama-3.1-70b'))).toEqual({
      total: 70_553_706_496,
      active: 70_553_706_496,
      embedding: 1_050_673_152,
      lmHead: 1_050_673_152,
      attention: 12_079_595_520,
      mlp: 56_371_445_760,
      norms: 1_318_912,
    });
  });

  // Expected totals: docs/provenance.md §7 (computed from the configs) and, where given, the total the
  // Hugging Face hub reports from the safetensors metadata (quoted in third-party code).
  test.each([
    ['llama-3.1-8b', 8_030_261_248], // docs/provenance.md §7; hub meta-llama/Llama-3.1-8B
    ['llama-3.1-405b', 405_853_388_800], // docs/provenance.md §7 (8 KV heads); hub meta-llama/Llama-3.1-405B
    ['llama-3.3-70b-instruct', 70_553_706_496], // same shape as 3.1-70B; hub 70,553,706,496
    ['llama-2-70b', 68_976_648_192], // docs/provenance.md §7; hub 68,976,648,192
    ['qwen2.5-72b-instruct', 72_706_203_648], // docs/provenance.md §7 (incl. QKV bias); keras-hub / hub 72,706,203,648
    ['gemma-7b', 8_537_680_896], // hub / keras-hub gemma_7b_en: 8,537,680,896 (tied embeddings)
    ['gemma-2-9b', 9_241_705_984], // hub google/gemma-2-9b safetensors total 9,241,705,984
  ])('%s total is %d', (id, total) => {
    expect(countParams(spec(id)).total).toBe(total);
  });

  test('Qwen2.5-72B counts the q/k/v biases (80 × (8192 + 2 × 1024) = 819,200 params)', () => {
    const withBias = countParams(spec('qwen2.5-72b-instruct'));
    const a = spec('qwen2.5-72b-instruct').attention;
    if (a.kind === 'mla') throw new Error('unexpected MLA');
    const noBias = countParams({ ...spec('qwen2.5-72b-instruct'), attention: { ...a, qkvBias: false } });
    expect(withBias.attention - noBias.attention).toBe(819_200);
  });

  test('Gemma-2-9B: tied embeddings and 4 norms per layer', () => {
    // 42 layers × 4 × 3,584 + 3,584 (final) = 605,696 norm weights; no lm_head.
    const c = countParams(spec('gemma-2-9b'));
    expect(c.lmHead).toBe(0);
    expect(c.norms).toBe(605_696);
  });

  test('Mixtral-8x7B: 46,702,792,704 total, 12,879,925,248 active (docs/provenance.md §7)', () => {
    // Per layer: 8 experts × 3 × 4096 × 14336 = 1,409,286,144 + router 8 × 4096 = 32,768.
    // Active keeps 2 of the 8 experts: 32 × 6 × 176,160,768 = 33,822,867,456 fewer.
    // Hub: mistralai/Mixtral-8x7B-Instruct-v0.1 46,702,792,704.
    const c = countParams(spec('mixtral-8x7b'));
    expect(c.total).toBe(46_702_792_704);
    expect(c.active).toBe(12_879_925_248);
    expect(c.total - c.active).toBe(33_822_867_456);
  });

  test('DeepSeek-V3: 671,026,419,200 total, 37,552,297,472 active', () => {
    // Shapes: DeepSeek-V3 inference/model.py (MLA, Gate, MoE) and config.json.
    //   embedding, lm_head  129,280 × 7,168                      = 926,679,040 each
    //   attention / layer   wq_a 7168·1536 + wq_b 1536·128·192 + wkv_a 7168·576
    //                       + wkv_b 512·128·256 + wo 128·128·7168 = 187,105,280; × 61 = 11,413,422,080
    //   norms               61 × (2·7168 + 512 kv_norm + 1536 q_norm) + 7168 = 1,006,592
    //   dense layers        3 × 3 × 7168 × 18432                  = 1,189,085,184
    //   MoE layer           256 experts × 44,040,192 + 1 shared × 44,040,192
    //                       + gate 256 × 7168 + e_score_correction_bias 256 = 11,320,164,608; × 58
    //   total = 671,026,419,200 (docs/provenance.md §7 🧮, which includes the correction bias)
    // Active: 8 routed + 1 shared expert per MoE layer. docs/provenance.md gives 37,552,282,624, which
    // leaves out the 58 × 256 = 14,848 correction-bias values; they are read for every token,
    // so they are active. Minus the input embedding (a lookup) this is 36,625,618,432,
    // DeepSeek's "36.6B activated" (README_WEIGHTS.md).
    const c = countParams(spec('deepseek-v3'));
    expect(c.total).toBe(671_026_419_200);
    expect(c.attention).toBe(11_413_422_080);
    expect(c.norms).toBe(1_006_592);
    expect(c.active).toBe(37_552_297_472);
    expect(c.active).toBe(37_552_282_624 + 58 * 256);
    expect(c.active - c.embedding).toBe(36_625_618_432);
  });

  test('DeepSeek-V2-Lite: 15,706,484,224 total (hub), not docs/provenance.md 15,706,485,888', () => {
    // V2-Lite's router (topk_method "greedy") has no correction bias: transformers
    // DeepseekV2Moe.gate = nn.Linear(hidden, n_routed_experts, bias=False). docs/provenance.md's figure
    // is 26 MoE layers × 64 = 1,664 higher, as if it had one. The hub (safetensors metadata,
    // quoted in third-party tables) reports 15,706,484,224.
    //   embedding + lm_head 2 × 102,400 × 2,048                   =    419,430,400
    //   attention 27 × (q 2048·16·192 + kv_a 2048·576 + kv_b 512·16·256 + o 16·128·2048)
    //           = 27 × 13,762,560                                  =    371,589,120
    //   dense layer 0: 3 × 2048 × 10944                            =     67,239,936
    //   MoE layers 1-26: 26 × (66 experts × 3 × 2048 × 1408 + gate 64 × 2048)
    //           = 26 × 571,080,704                                 = 14,848,098,304
    //   norms 27 × (2 × 2048 + 512 kv_a_layernorm) + 2048          =        126,464
    //   total                                                      = 15,706,484,224
    const c = countParams(spec('deepseek-v2-lite'));
    expect(c.total).toBe(15_706_484_224);
    expect(c.attention).toBe(371_589_120);
    expect(c.mlp).toBe(67_239_936 + 14_848_098_304);
    expect(c.norms).toBe(126_464);
    expect(c.active).toBe(2_661_150_208);
  });

  test('Qwen3-8B (q/k norms, explicit head_dim) matches the hub total 8,190,735,360', () => {
    // Qwen/Qwen3-8B config.json shape: hidden 4096, 36 layers, 32 heads, 8 KV heads,
    // head_dim 128, intermediate 12288, vocab 151936, untied. Each layer adds q_norm and
    // k_norm (128 each). Hub total as quoted in third-party tables: 8,190,735,360.
    const qwen3 = parseModelConfig({
      model_type: 'qwen3',
      hidden_size: 4096,
      num_hidden_layers: 36,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 128,
      intermediate_size: 12288,
      vocab_size: 151936,
      max_position_embeddings: 40960,
      tie_word_embeddings: false,
    });
    expect(countParams(qwen3).total).toBe(8_190_735_360);
  });
});

describe('countParams(model) invariants', () => {
  test('total is the sum of its parts, for every catalog model', () => {
    for (const m of MODELS) {
      const c = countParams(m.spec);
      expect(c.embedding + c.lmHead + c.attention + c.mlp + c.norms, m.id).toBe(c.total);
    }
  });

  test('dense models: active = total; MoE: active < total', () => {
    fc.assert(
      fc.property(arbDenseConfig(), (config) => {
        const c = countParams(parseModelConfig(config));
        expect(c.active).toBe(c.total);
      }),
    );
    fc.assert(
      fc.property(arbMoeSpec(), (s) => {
        const c = countParams(s);
        expect(c.active).toBeLessThanOrEqual(c.total);
        if (s.mlp.kind === 'moe' && s.mlp.expertsPerToken < s.mlp.numRoutedExperts && s.mlp.denseLayers < s.numLayers) {
          expect(c.active).toBeLessThan(c.total);
        }
      }),
    );
  });

  test('tied embeddings ⇒ lmHead 0 and total smaller by exactly vocab × hidden', () => {
    fc.assert(
      fc.property(arbDenseConfig(), (config) => {
        const tied = countParams(parseModelConfig({ ...config, tie_word_embeddings: true }));
        const untied = countParams(parseModelConfig({ ...config, tie_word_embeddings: false }));
        expect(tied.lmHead).toBe(0);
        expect(untied.lmHead).toBe(untied.embedding);
        expect(untied.total - tied.total).toBe((config.vocab_size as number) * (config.hidden_size as number));
      }),
    );
  });

  test('counts are exact non-negative integers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbDenseConfig().map((c) => parseModelConfig(c)),
          arbMoeSpec(),
        ),
        (s) => {
          for (const value of Object.values(countParams(s))) {
            expect(Number.isSafeInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
