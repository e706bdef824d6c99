/**
 * lib/quant against PyTorch, bit for bit. The expected values in
 * fixtures/torch-reference.json were computed with torch 2.11.0 (x86-64 CPU)
 * by fixtures/torch-reference.py, which transcribes bitsandbytes'
 * reference kernels (backends/default/ops.py: quantize_4bit, quantize_blockwise;
 * functional.py: get_4bit_type, create_dynamic_map, quantize_4bit with
 * compress_statistics=True) and GPTQ's quant.py (find_params with sym=False,
 * quantize). The input is fixtures/golden-input.ts: 20,517 heavy-tailed
 * weights (320 blocks of 64 + a partial block of 37) with ties, zeros,
 * ±3.4e38 and subnormal blocks written in.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import reference from './fixtures/torch-reference.json';
import { goldenAbsmaxInput, goldenInput, GOLDEN_N } from './fixtures/golden-input';
import { createDynamicMap } from './dynamic-map';
import { doubleQuantizeAbsmax } from './double-quantize-absmax';
import { quantizeAffine } from './quantize-affine';
import { quantizeFP4 } from './quantize-fp4';
import { quantizeInt8Absmax } from './quantize-int8-absmax';
import { quantizeNF4 } from './quantize-nf4';
import { roundHalfEven } from './round-half-even';

const fromBits = (bits: number[]) => new Float32Array(Int32Array.from(bits).buffer);
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
const sha256 = (bytes: Uint8Array | Int8Array) =>
  createHash('sha256')
    .update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    .digest('hex');
const without = <T extends Float32Array | Uint8Array | Int8Array>(a: T, start: number, end: number): T => {
  const out = new (a.constructor as new (n: number) => T)(a.length - (end - start));
  out.set(a.subarray(0, start) as unknown as ArrayLike<number>, 0);
  out.set(a.subarray(end) as unknown as ArrayLike<number>, start);
  return out;
};

const x = goldenInput();

describe('lib/quant matches PyTorch + bitsandbytes / GPTQ reference code', () => {
  it('uses the same input as the fixture', () => {
    expect(x.length).toBe(GOLDEN_N);
    expect(reference.n).toBe(GOLDEN_N);
  });

  it('createDynamicMap() equals bitsandbytes create_dynamic_map() in all 256 float32 entries', () => {
    expect(Array.from(createDynamicMap())).toEqual(Array.from(fromBits(reference.dynamicMapBits)));
  });

  it('quantizeNF4 gives the same codes and absmax as bitsandbytes quantize_4bit (nf4, block 64), ties included', () => {
    const r = quantizeNF4(x, { blockSize: 64 });
    expect(Array.from(r.absmax)).toEqual(Array.from(fromBits(reference.nf4.absmaxBits)));
    expect(Array.from(r.codes)).toEqual(Array.from(fromHex(reference.nf4.codes)));
  });

  it('quantizeFP4 matches bitsandbytes quantize_4bit (fp4) up to which of the two zero codes is stored', () => {
    // The fixture sorts FP4's table with a stable argsort (+0, code 0, before −0, code 8), so bitsandbytes'
    // bucketize sends tiny positive values to code 8 and tiny negative ones to code 0. lib/quant stores the
    // sign instead, as bitsandbytes' CUDA kernel does (dQuantizeFP4). Both codes decode to 0.
    const r = quantizeFP4(x, { blockSize: 64 });
    const expected = fromHex(reference.fp4.codes);
    expect(Array.from(r.absmax)).toEqual(Array.from(fromBits(reference.fp4.absmaxBits)));
    let zeroSwaps = 0;
    for (let i = 0; i < x.length; i++) {
      if (r.codes[i] === expected[i]) continue;
      expect([r.codes[i], expected[i]].sort()).toEqual([0, 8]);
      expect(r.codes[i]).toBe((x[i] as number) < 0 ? 8 : 0);
      zeroSwaps++;
    }
    expect(zeroSwaps).toBeGreaterThan(0); // the case exists in this input, so the comparison above was exercised
  });

  it('doubleQuantizeAbsmax matches quantize_4bit(compress_statistics=True) on 700 absmax values', () => {
    const r = doubleQuantizeAbsmax(goldenAbsmaxInput(), { blockSize: 256 });
    const dq = reference.doubleQuant;
    // The mean: torch sums in float32 in its own order, lib/quant in float64; allow one float32 step.
    const offset = fromBits([dq.offsetBits])[0] as number;
    expect(Math.abs(r.offset - offset)).toBeLessThanOrEqual(Math.abs(offset) * 2 ** -23);
    expect(Array.from(r.secondLevelAbsmax)).toEqual(Array.from(fromBits(dq.secondLevelAbsmaxBits)));
    expect(Array.from(r.codes)).toEqual(Array.from(fromHex(dq.codes)));
    const expected = fromBits(dq.dequantizedBits);
    for (let i = 0; i < expected.length; i++)
      expect(Math.abs((r.dequantized[i] as number) - (expected[i] as number))).toBeLessThanOrEqual(
        Math.abs(offset) * 2 ** -22,
      );
  });

  it('quantizeInt8Absmax equals torch.round(x / (absmax / 127)) per block of 64 (except subnormal block 10)', () => {
    const r = quantizeInt8Absmax(x, { blockSize: 64 });
    // Block 10 holds subnormal values: torch keeps a subnormal scale; lib/quant raises it to 2^-126 (documented).
    expect(sha256(without(r.q, 640, 704))).toBe(reference.int8Block64.qSha256WithoutBlock10);
    expect(Array.from(without(r.scales, 10, 11))).toEqual(
      Array.from(fromBits(reference.int8Block64.scaleBitsWithoutBlock10)),
    );
    expect(r.scales[10]).toBe(2 ** -126);
  });

  it("quantizeInt8Absmax per tensor equals torch, and bitsandbytes' multiply form agrees on every value", () => {
    const r = quantizeInt8Absmax(x);
    expect(sha256(r.q)).toBe(reference.int8PerTensor.qSha256);
    expect(Array.from(r.scales)).toEqual(Array.from(fromBits(reference.int8PerTensor.scaleBits)));
    expect(reference.int8PerTensor.qDiffersFromBnbMultiplyForm).toBe(0);
  });

  for (const bits of [3, 4, 8] as const) {
    it(`quantizeAffine (${bits} bits, group 128) equals GPTQ find_params + quantize (except group 4)`, () => {
      const expected = reference[`affine${bits}`];
      const r = quantizeAffine(x, { bits, groupSize: 128 });
      // Group 4 spans −3.4e38…3.4e38: GPTQ's float32 (max − min) overflows to inf and its outputs become NaN;
      // lib/quant keeps that one range in float64 (tested in quantize-affine.test.ts).
      expect(sha256(without(r.q, 512, 640))).toBe(expected.qSha256WithoutGroup4);
      expect(Array.from(without(r.scales, 4, 5))).toEqual(Array.from(fromBits(expected.scaleBitsWithoutGroup4)));
      expect(Array.from(without(r.zeroPoints, 4, 5))).toEqual(expected.zeroWithoutGroup4);
      expect(Number.isFinite(r.scales[4])).toBe(true);
    });
  }

  it('roundHalfEven agrees with torch.round on ties', () => {
    expect(reference.torchRoundTies.input.map(roundHalfEven)).toEqual(
      reference.torchRoundTies.output.map((v) => v + 0),
    );
  });
});
