import { storageBitsBreakdown } from '../formats/storageBitsBreakdown';
import type { WeightStorage } from '../formats/types';
import type { LabConfig } from './model';

/**
 * How each lab format would be stored, in lib/formats' terms, so that the lab
 * reports bits per weight by the same rule as the rest of the site
 * (`storageBitsBreakdown`): payload bits + scale bits / group + zero-point bits / group.
 *
 * - fp16: the exported file itself, 16 bits.
 * - int8, w8a8, smoothquant-w8a8: INT8 codes, one float32 absmax scale per output row (lib/quant
 *   `quantizeInt8Absmax` keeps float32 scales), so 8 + 32 / inFeatures. SmoothQuant's s folds into the
 *   preceding norm's weight and costs nothing (Xiao et al., arXiv 2211.10438 §4).
 * - nf4: 4-bit codes, one float32 absmax per 64 weights: 4 + 32/64 = 4.5 (QLoRA, arXiv 2305.14314 §3).
 * - INT4/3/2 RTN, GPTQ, AWQ with group 128: b-bit codes, an fp16 scale and a b-bit zero point per group,
 *   as GPTQ/AWQ checkpoints pack them: b + 16/128 + b/128 (4.15625 at 4 bits; AutoGPTQ `qlinear_cuda.py`
 *   stores fp16 scales and packed `bits`-bit zeros). The lab computes with float32 scales; the storage
 *   count is that of the deployable format.
 */
export const LAB_STORAGE: Readonly<Record<string, WeightStorage>> = {
  fp16: { kind: 'float', dtype: 'fp16' },
  int8: { kind: 'integer', bits: 8, groupSize: 'channel', scaleBits: 32, zeroPointBits: 0 },
  w8a8: { kind: 'integer', bits: 8, groupSize: 'channel', scaleBits: 32, zeroPointBits: 0 },
  'smoothquant-w8a8': { kind: 'integer', bits: 8, groupSize: 'channel', scaleBits: 32, zeroPointBits: 0 },
  nf4: { kind: 'codebook', codebook: 'nf4', blockSize: 64, absmaxBits: 32, doubleQuant: null },
  ...Object.fromEntries(
    [4, 3, 2].flatMap((b) =>
      ['int', 'gptq', 'awq']
        .filter((m) => m === 'int' || b > 2)
        .map((m) => [
          `${m}${b}-g128`,
          { kind: 'integer', bits: b, groupSize: 128, scaleBits: 16, zeroPointBits: b } satisfies WeightStorage,
        ]),
    ),
  ),
};

/**
 * Bits per weight of the lab model's quantized linear layers in format `id`:
 * Σ_layers weights · bits(layer) / Σ_layers weights, with bits(layer) from
 * `storageBitsBreakdown` (per-row scales depend on the layer's inFeatures:
 * 256 for attn.qkv, attn.proj and mlp.fc, 768 for mlp.proj in the lab model).
 * Embeddings, LM head and norms stay fp16 and are not counted.
 *
 * @example labBitsPerWeight(labConfig, 'int4-g128') // 4.15625
 * @throws {RangeError} for an id with no storage rule
 */
export function labBitsPerWeight(config: LabConfig, id: string): number {
  const storage = LAB_STORAGE[id];
  if (!storage) throw new RangeError(`no storage rule for the lab format "${id}"`);
  const d = config.dModel;
  const layers: [rows: number, inFeatures: number][] = [
    [3 * d, d],
    [d, d],
    [config.dMlp, d],
    [d, config.dMlp],
  ];
  let bits = 0;
  let weights = 0;
  for (const [rows, inFeatures] of layers) {
    const n = rows * inFeatures;
    bits += n * storageBitsBreakdown(storage, { inFeatures }).totalBits;
    weights += n;
  }
  return bits / weights;
}
