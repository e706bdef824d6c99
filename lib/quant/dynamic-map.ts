import { makeCodebook } from './codebook';

const f32 = Math.fround;

/**
 * `torch.linspace(start, end, steps, dtype=torch.float32)` on the CPU, step by
 * step: step = (end − start) / (steps − 1) in float32; the first half counts
 * up from `start`, the second half counts down from `end` (so both ends are
 * exact). Each value start + step·j is rounded once, as a fused multiply-add
 * (the product step·j is exact in float64, so one `fround` of the float64
 * sum is exactly an FMA's single rounding).
 *
 * Checked against torch 2.11.0 on x86-64 (all 256 entries of the map below
 * agree bit for bit); rounding the product separately gives 42 entries that
 * differ in the last bit, so a torch build that does not fuse these
 * operations would build a very slightly different map.
 */
function linspaceFloat32(start: number, end: number, steps: number): number[] {
  const s = f32(start);
  const e = f32(end);
  const step = f32(f32(e - s) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  const out: number[] = [];
  for (let j = 0; j < steps; j++) {
    out.push(j < halfway ? f32(s + step * j) : f32(e - step * (steps - j - 1)));
  }
  return out;
}

/**
 * bitsandbytes' signed 8-bit "dynamic" quantization map: 256 float32 values in
 * [−0.99296875, 1], sorted, with index = stored 8-bit code. Used to store the
 * absmax values in double quantization (`quantize_4bit(...,
 * compress_statistics=True)` → `quantize_blockwise(absmax, blocksize=256)`,
 * whose default code is this map).
 *
 * Construction (bitsandbytes `functional.py`, `create_dynamic_map(signed=True,
 * max_exponent_bits=7, total_bits=8)`; Dettmers, "8-Bit Approximations for
 * Parallelism in Deep Learning", arXiv 1511.04561): for each decade
 * i = 0…6 (scale 10^(i−6), i.e. 1e−6 … 1), split [0.1, 1] into 2^i equal
 * intervals with `linspace(0.1, 1, 2^i + 1)` and keep the interval midpoints,
 * times the decade's scale, with both signs. That is 1 + 2 + … + 64 = 127
 * positive and 127 negative values; add 0 and 1.0 to make 256, and sort.
 * The arithmetic is float32, as torch does it (see `linspaceFloat32`).
 *
 * Worked values, by hand:
 * - i = 0: linspace(0.1, 1, 2) = [0.1, 1] → midpoint 0.55 → ±0.55 × 10⁻⁶ = ±5.5e−7,
 *   the smallest non-zero magnitudes (codes 128 and 126; code 127 is 0).
 * - i = 6: 64 intervals of width 0.9/64 = 0.0140625; the last midpoint is
 *   1 − 0.0140625/2 = 0.99296875, the largest magnitude below 1; so the most
 *   negative level is −0.99296875 (code 0) and there is no −1: the map is
 *   asymmetric, with +1.0 (code 255) as its only extra level.
 *
 * @example createDynamicMap().length // 256
 * @example createDynamicMap()[255] // 1
 * @example createDynamicMap()[127] // 0
 */
export function createDynamicMap(): Float32Array {
  const maxExponentBits = 7;
  const data: number[] = [];
  for (let i = 0; i < maxExponentBits; i++) {
    const fractionItems = 2 ** i + 1;
    const boundaries = linspaceFloat32(0.1, 1, fractionItems);
    const scale = f32(10 ** (i - (maxExponentBits - 1)));
    for (let j = 0; j + 1 < boundaries.length; j++) {
      const mean = f32(f32((boundaries[j] as number) + (boundaries[j + 1] as number)) / 2);
      const value = f32(scale * mean);
      data.push(value, -value);
    }
  }
  data.push(0, 1);
  data.sort((a, b) => a - b);
  return Float32Array.from(data);
}

/** The signed dynamic map (see `createDynamicMap`) as a codebook: index = 8-bit code. */
export const DYNAMIC_MAP_8BIT = makeCodebook(Array.from(createDynamicMap()));
