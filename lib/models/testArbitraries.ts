/** fast-check generators shared by this module's tests (not exported from the barrel). */
import fc from 'fast-check';
import type { ModelSpec } from './types';

/** A valid Llama-style config.json: GQA/MHA/MQA, head_dim explicit or derived, tied or not. */
export function arbDenseConfig(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      kvHeads: fc.integer({ min: 1, max: 16 }),
      group: fc.integer({ min: 1, max: 8 }),
      headDim: fc.integer({ min: 1, max: 256 }),
      explicitHidden: fc.option(fc.integer({ min: 1, max: 16_384 }), { nil: undefined }),
      layers: fc.integer({ min: 1, max: 128 }),
      intermediate: fc.integer({ min: 1, max: 65_536 }),
      vocab: fc.integer({ min: 1, max: 262_144 }),
      context: fc.integer({ min: 1, max: 1_048_576 }),
      tie: fc.boolean(),
    })
    .map((a) => {
      const heads = a.kvHeads * a.group;
      return {
        model_type: 'llama',
        hidden_size: a.explicitHidden ?? heads * a.headDim,
        ...(a.explicitHidden === undefined ? {} : { head_dim: a.headDim }),
        num_hidden_layers: a.layers,
        num_attention_heads: heads,
        num_key_value_heads: a.kvHeads,
        intermediate_size: a.intermediate,
        vocab_size: a.vocab,
        max_position_embeddings: a.context,
        tie_word_embeddings: a.tie,
      };
    });
}

/** A valid MoE spec, with GQA or MLA attention, built directly (not through a config). */
export function arbMoeSpec(): fc.Arbitrary<ModelSpec> {
  const attention = fc.oneof(
    fc
      .record({
        kv: fc.integer({ min: 1, max: 8 }),
        group: fc.integer({ min: 1, max: 8 }),
        headDim: fc.integer({ min: 1, max: 256 }),
      })
      .map(
        ({ kv, group, headDim }) =>
          ({
            kind: group === 1 ? 'mha' : kv === 1 ? 'mqa' : 'gqa',
            numHeads: kv * group,
            numKvHeads: kv,
            headDim,
            qkvBias: false,
          }) as const,
      ),
    fc
      .record({
        numHeads: fc.integer({ min: 1, max: 128 }),
        kvLoraRank: fc.integer({ min: 1, max: 1024 }),
        qLoraRank: fc.option(fc.integer({ min: 1, max: 2048 }), { nil: null }),
        qkNopeHeadDim: fc.integer({ min: 1, max: 256 }),
        qkRopeHeadDim: fc.integer({ min: 1, max: 128 }),
        vHeadDim: fc.integer({ min: 1, max: 256 }),
      })
      .map((a) => ({ kind: 'mla', ...a }) as const),
  );
  return fc
    .record({
      hiddenSize: fc.integer({ min: 1, max: 8192 }),
      numLayers: fc.integer({ min: 1, max: 64 }),
      vocabSize: fc.integer({ min: 1, max: 200_000 }),
      tieWordEmbeddings: fc.boolean(),
      attention,
      experts: fc.integer({ min: 1, max: 256 }),
      kFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      expertIntermediateSize: fc.integer({ min: 1, max: 8192 }),
      numSharedExperts: fc.integer({ min: 0, max: 4 }),
      denseFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      denseIntermediateSize: fc.integer({ min: 1, max: 32_768 }),
      routerCorrectionBias: fc.boolean(),
    })
    .map((a) => ({
      modelType: 'synthetic',
      hiddenSize: a.hiddenSize,
      numLayers: a.numLayers,
      vocabSize: a.vocabSize,
      tieWordEmbeddings: a.tieWordEmbeddings,
      attention: a.attention,
      maxContextTokens: 4096,
      mlp: {
        kind: 'moe',
        numRoutedExperts: a.experts,
        expertsPerToken: 1 + Math.floor(a.kFraction * (a.experts - 1)),
        expertIntermediateSize: a.expertIntermediateSize,
        numSharedExperts: a.numSharedExperts,
        sharedExpertIntermediateSize: a.expertIntermediateSize,
        denseLayers: Math.floor(a.denseFraction * a.numLayers),
        denseIntermediateSize: a.denseIntermediateSize,
        routerCorrectionBias: a.routerCorrectionBias,
      },
    }));
}
