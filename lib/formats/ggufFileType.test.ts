import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countParams, getModel, parseModelConfig } from '../models';
import {
  GEMMA_3_27B_IT_CONFIG,
  LLAMA_4_SCOUT_TEXT_CONFIG,
  OLMO_2_1124_7B_CONFIG,
  PHI_4_CONFIG,
  QWEN3_30B_A3B_CONFIG,
} from '../models/architectureConfigs';
import { arbDenseConfig } from '../models/testArbitraries';
import {
  GGUF_FILE_TYPES,
  ggmlBlock,
  ggufFileFormatId,
  ggufFileSize,
  ggufFileTypeOfId,
  ggufTensors,
  getsMoreBits,
  type GgufFileType,
} from './ggufFileType';
import { PUBLISHED_GGUF_GB } from './testGgufPublishedSizes';

const llama8b = getModel('llama-3.1-8b').spec;
const llama70b = getModel('llama-3.1-70b').spec;
const qwen72b = getModel('qwen2.5-72b-instruct').spec;
const mixtral = getModel('mixtral-8x7b').spec;

/** |ours / published − 1|. */
const relError = (ours: number, published: number) => Math.abs(ours / published - 1);

describe('ggufFileSize against published files', () => {
  for (const { model, rows } of PUBLISHED_GGUF_GB) {
    it(`${model}: every published file within 2% (in fact within 0.3%; the GGUF header, a few MB, is not counted)`, () => {
      const spec = getModel(model).spec;
      for (const [fileType, gb] of Object.entries(rows) as Array<[GgufFileType, number]>) {
        const ours = ggufFileSize(spec, fileType).totalBytes;
        expect(relError(ours, gb * 1e9), `${model} ${fileType}`).toBeLessThan(0.02);
        expect(relError(ours, gb * 1e9), `${model} ${fileType}`).toBeLessThan(0.003);
      }
    });
  }

  it("reproduces the whole-file bits/weight of llama.cpp's quantize README (Llama-3.1-8B) to 4 decimals", () => {
    // tools/quantize/README.md (commit 311c2c9), table "meta-llama/Llama-3.1-8B", bits/weight column.
    // Its IQ4_XS row (4.4597) was made without an importance matrix: with one, the first eighth
    // of ffn_down stays IQ4_XS instead of Q5_K and the file is 4.4231 bits/weight.
    const readme: Array<[GgufFileType, number, boolean]> = [
      ['IQ2_XXS', 2.3824, true],
      ['IQ2_XS', 2.5882, true],
      ['IQ3_XXS', 3.2548, true],
      ['IQ4_XS', 4.4597, false],
      ['Q2_K', 3.1593, true],
      ['Q3_K_S', 3.6429, true],
      ['Q3_K_L', 4.2979, true],
      ['Q4_K_S', 4.6672, true],
      ['Q4_K_M', 4.8944, true],
      ['Q5_K_S', 5.5704, true],
      ['Q5_K_M', 5.7036, true],
      ['Q6_K', 6.5633, true],
      ['Q8_0', 8.5008, true],
    ];
    for (const [fileType, bpw, imatrix] of readme) {
      expect(ggufFileSize(llama8b, fileType, { imatrix }).bitsPerWeight, fileType).toBeCloseTo(bpw, 4);
    }
    expect(ggufFileSize(llama8b, 'IQ4_XS').bitsPerWeight).toBeCloseTo(4.4231, 4);
  });
});

describe('ggufFileSize rules', () => {
  it('Mixtral-8x7B Q4_K_M by hand: 8-expert rules and use_more_bits on ffn_down_exps', () => {
    // 32 layers, hidden 4096, 32 heads / 8 KV heads × 128, 8 experts × 14,336, vocab 32,000, untied.
    // Block bytes per 256 weights: Q4_K 144, Q5_K 176, Q6_K 210; Q8_0 34 per 32; F32 4 per weight.
    const tokenEmbd = ((4096 * 32000) / 256) * 144; // Q4_K (base type)
    const output = ((4096 * 32000) / 256) * 210; // Q6_K
    const attnQ = ((4096 * 4096) / 256) * 144; // Q4_K
    const attnKV = 2 * ((4096 * 1024) / 32) * 34; // attn_k and attn_v: Q8_0 (n_expert == 8)
    const attnOut = ((4096 * 4096) / 256) * 176; // Q5_K (n_expert == 8)
    const gateUp = 2 * ((4096 * 14336 * 8) / 256) * 144; // Q4_K
    const downQ6 = ((14336 * 4096 * 8) / 256) * 210; // use_more_bits layers
    const downQ4 = ((14336 * 4096 * 8) / 256) * 144;
    const f32PerLayer = (2 * 4096 + 4096 * 8) * 4; // two norms + router
    // use_more_bits(i, 32): i < 4, i ≥ 28, or (i − 4) mod 3 = 2 → 0–3, 6, 9, …, 27, 28–31 = 16 layers.
    const expected =
      tokenEmbd +
      output +
      4096 * 4 +
      32 * (attnQ + attnKV + attnOut + gateUp + f32PerLayer) +
      16 * downQ6 +
      16 * downQ4;
    expect(expected).toBe(28_447_727_616);
    expect(ggufFileSize(mixtral, 'Q4_K_M').totalBytes).toBe(expected);
  });

  it('use_more_bits marks the first and last eighth and every third layer between', () => {
    const marked = Array.from({ length: 32 }, (_, i) => i).filter((i) => getsMoreBits(i, 32));
    expect(marked).toEqual([0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31]);
  });

  it("gives a 70B model's attn_v Q5_K where the 8B keeps Q4_K (llama.cpp LLM_TYPE_70B rule)", () => {
    const layer10 = (spec: typeof llama8b, name: string) =>
      ggufFileSize(spec, 'Q4_K_M').tensors.find((t) => t.name === name)!;
    // Layer 10 of 80: not use_more_bits ((10 − 10) mod 3 = 0); of 32: not either ((10 − 4) mod 3 = 0).
    expect(layer10(llama70b, 'blk.10.attn_v.weight').type).toBe('Q5_K');
    expect(layer10(llama8b, 'blk.10.attn_v.weight').type).toBe('Q4_K');
    expect(layer10(llama8b, 'blk.0.attn_v.weight').type).toBe('Q6_K');
  });

  it('Q3_K_M: attn_v Q5_K for the first two layers then Q4_K; ffn_down Q5_K for the first sixteenth', () => {
    const plan = ggufFileSize(llama8b, 'Q3_K_M').tensors;
    const typeOf = (name: string) => plan.find((t) => t.name === name)!.type;
    expect([0, 1, 2].map((i) => typeOf(`blk.${i}.attn_v.weight`))).toEqual(['Q5_K', 'Q5_K', 'Q4_K']);
    expect([0, 1, 2].map((i) => typeOf(`blk.${i}.ffn_down.weight`))).toEqual(['Q5_K', 'Q5_K', 'Q4_K']);
    expect(typeOf('blk.5.attn_output.weight')).toBe('Q4_K');
    expect(typeOf('blk.5.attn_q.weight')).toBe('Q3_K');
  });

  it('falls back when a row is not whole blocks: Qwen2.5-72B ffn_down (29,568 = 115.5 × 256)', () => {
    const typeOf = (fileType: GgufFileType, name: string) =>
      ggufFileSize(qwen72b, fileType).tensors.find((t) => t.name === name)!;
    expect(typeOf('Q4_K_M', 'blk.10.ffn_down.weight')).toMatchObject({ type: 'Q5_0', fellBack: true }); // Q4_K → Q5_0
    expect(typeOf('Q4_K_M', 'blk.0.ffn_down.weight')).toMatchObject({ type: 'Q8_0', fellBack: true }); // Q6_K → Q8_0
    expect(typeOf('Q5_K_S', 'blk.10.ffn_down.weight').type).toBe('Q5_1'); // Q5_K → Q5_1
    expect(typeOf('Q3_K_S', 'blk.10.ffn_down.weight').type).toBe('Q4_0'); // Q3_K → Q4_0
    expect(typeOf('IQ4_XS', 'blk.10.ffn_down.weight').type).toBe('IQ4_NL'); // IQ4_XS → IQ4_NL
    expect(typeOf('Q4_K_M', 'blk.10.ffn_gate.weight')).toMatchObject({ type: 'Q4_K', fellBack: false }); // 8,192-wide rows divide
  });

  it('keeps norms, biases and the MoE router in F32 and quantizes a tied embedding like the output', () => {
    const plan = ggufFileSize(getModel('gemma-7b').spec, 'Q4_K_M').tensors;
    expect(plan.find((t) => t.name === 'token_embd.weight')!.type).toBe('Q6_K'); // Gemma ties embeddings
    expect(plan.some((t) => t.name === 'output.weight')).toBe(false);
    const qwen = ggufFileSize(qwen72b, 'Q2_K').tensors;
    expect(qwen.find((t) => t.name === 'blk.3.attn_q.bias')!.type).toBe('F32');
    expect(qwen.find((t) => t.name === 'token_embd.weight')!.type).toBe('Q2_K');
    expect(qwen.find((t) => t.name === 'output.weight')!.type).toBe('Q6_K');
    expect(ggufFileSize(mixtral, 'Q2_K').tensors.find((t) => t.name === 'blk.7.ffn_gate_inp.weight')!.type).toBe('F32');
  });

  it('lays out the tensors of the newer architectures with exactly countParams(spec).total elements', () => {
    for (const config of [
      QWEN3_30B_A3B_CONFIG,
      GEMMA_3_27B_IT_CONFIG,
      PHI_4_CONFIG,
      LLAMA_4_SCOUT_TEXT_CONFIG,
      OLMO_2_1124_7B_CONFIG,
    ]) {
      const spec = parseModelConfig(config);
      expect(ggufFileSize(spec, 'Q4_K_M').params, spec.modelType).toBe(countParams(spec).total);
    }
    // Phi-4 stores one fused attn_qkv and a gate_up ffn_up, as llama.cpp's phi3 arch does.
    const phi4 = ggufTensors(parseModelConfig(PHI_4_CONFIG)).map((t) => t.name);
    expect(phi4).toContain('blk.0.attn_qkv.weight');
    expect(phi4).not.toContain('blk.0.ffn_gate.weight');
  });

  it('refuses MLA, Falcon and gpt-oss models and unknown file types with a message', () => {
    expect(() => ggufFileSize(getModel('deepseek-v3').spec, 'Q4_K_M')).toThrow(
      /deepseek_v3 uses multi-head latent attention/,
    );
    expect(() => ggufFileSize(llama8b, 'Q4_K_XL' as GgufFileType)).toThrow('Unknown GGUF file type: Q4_K_XL');
  });
});

describe('ggufFileSize invariants', () => {
  const perTensor = (spec: ReturnType<typeof parseModelConfig>, fileType: GgufFileType) =>
    ggufFileSize(spec, fileType).tensors.map((t) => t.bytes);

  it('holds for any Llama-style shape: all parameters counted, rows whole blocks, Q8_0 largest, _S ≤ _M per tensor', () => {
    fc.assert(
      fc.property(arbDenseConfig(), fc.constantFrom(...GGUF_FILE_TYPES), (config, fileType) => {
        const spec = parseModelConfig(config);
        const file = ggufFileSize(spec, fileType);
        expect(file.params).toBe(countParams(spec).total);
        for (const t of file.tensors) expect(t.rowElements % ggmlBlock(t.type).weights, t.name).toBe(0);
        const q8 = perTensor(spec, 'Q8_0');
        file.tensors.forEach((t, i) => expect(t.bytes, `${fileType} ${t.name}`).toBeLessThanOrEqual(q8[i]!));
        for (const [small, medium] of [
          ['Q3_K_S', 'Q3_K_M'],
          ['Q5_K_S', 'Q5_K_M'],
        ] as const) {
          const m = perTensor(spec, medium);
          perTensor(spec, small).forEach((b, i) => expect(b).toBeLessThanOrEqual(m[i]!));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('GGUF file format ids', () => {
  it('round-trips every file type and leaves base-type ids alone', () => {
    for (const fileType of GGUF_FILE_TYPES) expect(ggufFileTypeOfId(ggufFileFormatId(fileType))).toBe(fileType);
    expect(ggufFileFormatId('Q4_K_M')).toBe('gguf-file-q4_k_m');
    expect(ggufFileTypeOfId('gguf-q4_k')).toBeNull();
    expect(ggufFileTypeOfId('gguf-file-q9_k')).toBeNull();
  });
});
