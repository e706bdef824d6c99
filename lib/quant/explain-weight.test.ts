import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestCode } from './codebook';
import { explainWeight } from './explain-weight';
import { FP4 } from './fp4-codebook';
import { NF4 } from './nf4-codebook';
import { quantizeAffine } from './quantize-affine';
import { quantizeFP4 } from './quantize-fp4';
import { quantizeInt8Absmax } from './quantize-int8-absmax';
import { quantizeNF4 } from './quantize-nf4';
import type { QuantizationResult } from './types';

describe('explainWeight(x, index, result)', () => {
  it('explains an NF4 weight: the doc example', () => {
    const x = Float32Array.of(0.5, -0.25, 0.05, 0.01);
    const e = explainWeight(x, 1, quantizeNF4(x));
    expect(e).toEqual({
      method: 'nf4',
      index: 1,
      value: -0.25,
      blockIndex: 0,
      blockStart: 0,
      blockLength: 4,
      scale: 0.5,
      code: 2,
      absmax: 0.5,
      absmaxUsed: 0.5,
      normalized: -0.5,
      level: -0.5250730514526367,
      neighbours: [-0.5250730514526367, -0.39491748809814453],
      codeBits: '0010',
      dequantized: -0.26253652572631836,
      error: -0.26253652572631836 + 0.25,
    });
  });

  it('uses the double-quantized absmax as the scale when double quantization is on', () => {
    const x = Float32Array.from({ length: 640 }, (_, i) => Math.sin(i) * (1 + (i % 128) / 64));
    const r = quantizeNF4(x, { doubleQuant: true });
    const e = explainWeight(x, 130, r);
    if (e.method !== 'nf4') throw new Error('expected nf4');
    expect(e.blockIndex).toBe(2);
    expect(e.absmax).toBe(r.absmax[2]);
    expect(e.absmaxUsed).toBe(r.doubleQuant?.dequantized[2]);
    expect(e.scale).toBe(e.absmaxUsed);
    expect(e.dequantized).toBe(Math.fround(e.level * e.absmaxUsed));
  });

  it('explains FP4 codes as bit patterns, −0 included', () => {
    const x = Float32Array.of(12, 6, -3, -0.012);
    const r = quantizeFP4(x);
    const e = explainWeight(x, 3, r);
    if (e.method !== 'fp4') throw new Error('expected fp4');
    expect([e.code, e.codeBits, e.level]).toEqual([8, '1000', -0]);
    expect(explainWeight(x, 2, r)).toMatchObject({ code: 15, codeBits: '1111', level: -0.25, normalized: -0.25 });
  });

  it("explains an INT8 absmax weight with the block's absmax and x / scale before rounding", () => {
    const x = Float32Array.of(1.2, -0.5, -4.3, 1.2, -3.1, 0.8, 2.4, 5.4);
    const e = explainWeight(x, 2, quantizeInt8Absmax(x));
    expect(e).toMatchObject({
      method: 'int8-absmax',
      blockIndex: 0,
      blockLength: 8,
      absmax: Math.fround(5.4),
      code: -101,
    });
    if (e.method !== 'int8-absmax') throw new Error('expected int8-absmax');
    expect(e.scaled).toBeCloseTo(-101.13, 2); // −4.3 / (5.4/127)
    expect(e.dequantized).toBe(Math.fround(-101 * e.scale));
  });

  it("explains an affine weight with GPTQ's range (including 0), zero point and code", () => {
    const x = Float32Array.of(-1, 0, 0.625, 0.875, 2.75, 0, 0, 0);
    const r = quantizeAffine(x, { bits: 4, groupSize: 5 });
    expect(explainWeight(x, 2, r)).toMatchObject({
      method: 'affine',
      bits: 4,
      maxCode: 15,
      rangeMin: -1,
      rangeMax: 2.75,
      zeroPoint: 4,
      scale: 0.25,
      code: 6,
      scaled: 2.5,
      dequantized: 0.5,
      error: -0.125,
    });
    // The second group is all zeros: GPTQ's range becomes [−1, 1].
    expect(explainWeight(x, 6, r)).toMatchObject({
      blockIndex: 1,
      blockStart: 5,
      blockLength: 3,
      rangeMin: -1,
      rangeMax: 1,
      dequantized: 0,
    });
  });

  it('is consistent with the result for every method (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 1, maxLength: 100, noNaN: true, min: Math.fround(-1e6), max: Math.fround(1e6) }),
        fc.nat(),
        (x, k) => {
          const results: QuantizationResult[] = [
            quantizeNF4(x, { blockSize: 8 }),
            quantizeFP4(x, { blockSize: 8 }),
            quantizeInt8Absmax(x, { blockSize: 8 }),
            quantizeInt8Absmax(x),
            quantizeAffine(x, { bits: 3, groupSize: 8 }),
          ];
          const i = k % x.length;
          for (const r of results) {
            const e = explainWeight(x, i, r);
            expect(e.value).toBe(x[i]);
            expect(e.dequantized).toBe(r.dequantized[i]);
            expect(e.error).toBe((r.dequantized[i] as number) - (x[i] as number));
            expect(e.blockStart).toBeLessThanOrEqual(i);
            expect(i).toBeLessThan(e.blockStart + e.blockLength);
            switch (e.method) {
              case 'nf4':
              case 'fp4':
                expect(e.dequantized).toBe(Math.fround(e.level * e.scale));
                expect(e.code).toBe(nearestCode(e.method === 'nf4' ? NF4 : FP4, e.normalized));
                expect(e.neighbours[0]).toBeLessThanOrEqual(Math.max(e.normalized, -1));
                expect(e.neighbours[1]).toBeGreaterThanOrEqual(Math.min(e.normalized, 1));
                break;
              case 'int8-absmax':
                expect(e.dequantized).toBe(Math.fround(e.code * e.scale));
                break;
              case 'affine':
                expect(e.dequantized).toBe(Math.fround(e.scale * (e.code - e.zeroPoint)));
                expect(e.rangeMin).toBeLessThanOrEqual(0);
                expect(e.rangeMax).toBeGreaterThanOrEqual(0);
                break;
            }
          }
        },
      ),
    );
  });

  it('throws for a bad index or a result of another array', () => {
    const x = Float32Array.of(1, 2, 3);
    const r = quantizeNF4(x);
    expect(() => explainWeight(x, 3, r)).toThrow('index must be an integer from 0 to 2 (got 3)');
    expect(() => explainWeight(x, -1, r)).toThrow('index must be an integer from 0 to 2 (got -1)');
    expect(() => explainWeight(x, 0.5, r)).toThrow('index must be an integer from 0 to 2 (got 0.5)');
    expect(() => explainWeight(Float32Array.of(1, 2), 0, r)).toThrow(
      'x must be the array that was quantized (got 2 values, the result has 3)',
    );
  });
});
