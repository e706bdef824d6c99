import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NF4, NF4_CODEBOOK } from './nf4-codebook';
import { quantizeNF4 } from './quantize-nf4';

const finiteFloat32Arrays = fc.float32Array({ minLength: 1, maxLength: 300, noNaN: true, noDefaultInfinity: true });

describe('quantizeNF4(x, { blockSize })', () => {
  it('maps a hand-checked block to the nearest NF4 levels', () => {
    // absmax = 0.8, so x / absmax = [1, −0.5, 0.125, 0.025, −0.0625, 0.375, 0.75, −1].
    // Midpoints between NF4 levels (e.g. m8 = (0.0796 + 0.1609)/2 = 0.1203):
    //    1       → 15 (1.0)
    //   −0.5     → 2  (−0.5251): −0.6106 < −0.5 ≤ −0.4600
    //    0.125   → 9  (0.1609):   0.1203 < 0.125 ≤ 0.2035
    //    0.025   → 7  (0.0):     −0.0455 < 0.025 ≤ 0.0398
    //   −0.0625  → 6  (−0.0911): −0.1379 < −0.0625 ≤ −0.0455
    //    0.375   → 11 (0.3379):   0.2920 < 0.375 ≤ 0.3893
    //    0.75    → 14 (0.7230):   0.6428 < 0.75 ≤ 0.8615
    //   −1       → 0  (−1.0)
    const x = Float32Array.of(0.8, -0.4, 0.1, 0.02, -0.05, 0.3, 0.6, -0.8);
    const r = quantizeNF4(x, { blockSize: 8 });
    expect(Array.from(r.codes)).toEqual([15, 2, 9, 7, 6, 11, 14, 0]);
    expect(Array.from(r.absmax)).toEqual([Math.fround(0.8)]);
    // x̂ = level × absmax: code 9 → 0.16093020141124725 × 0.8 ≈ 0.12874
    expect(r.dequantized[2]).toBe(Math.fround(0.16093020141124725 * Math.fround(0.8)));
    expect(r.method).toBe('nf4');
    expect(r.blockSize).toBe(8);
    expect(r.doubleQuant).toBeNull();
  });

  it('matches the doc example', () => {
    const r = quantizeNF4(Float32Array.of(0.5, -0.25, 0.05, 0.01));
    expect(Array.from(r.codes)).toEqual([15, 2, 8, 7]);
    expect(r.dequantized[1]).toBe(-0.26253652572631836);
  });

  it('sends a value exactly on a midpoint to the lower level (bucketize, right=False)', () => {
    const m7 = NF4.midpoints[7] as number; // 0.0397901… between levels 7 (0) and 8 (0.0796)
    const m6 = NF4.midpoints[6] as number; // −0.0455… between levels 6 and 7
    const above = new Float32Array([m7]);
    new Int32Array(above.buffer)[0]! += 1; // the next float32 above m7
    const r = quantizeNF4(Float32Array.of(1, m7, m6, above[0] as number), { blockSize: 4 });
    expect(Array.from(r.codes)).toEqual([15, 7, 6, 8]);
  });

  it('dequantized[i] is exactly NF4_CODEBOOK[codes[i]] × absmax[block] in float32 (property)', () => {
    fc.assert(
      fc.property(finiteFloat32Arrays, fc.integer({ min: 1, max: 100 }), (x, blockSize) => {
        const r = quantizeNF4(x, { blockSize });
        for (let i = 0; i < x.length; i++) {
          const absmax = r.absmax[Math.floor(i / blockSize)] as number;
          expect(r.dequantized[i]).toBe(Math.fround((NF4_CODEBOOK[r.codes[i] as number] as number) * absmax));
        }
      }),
    );
  });

  it('picks the nearest level to x / absmax and stores max |x| per block (property)', () => {
    fc.assert(
      fc.property(
        fc.float32Array({
          minLength: 1,
          maxLength: 200,
          noNaN: true,
          noDefaultInfinity: true,
          min: Math.fround(-1e30),
          max: Math.fround(1e30),
        }),
        (x) => {
          const r = quantizeNF4(x, { blockSize: 16 });
          for (let b = 0; b < r.absmax.length; b++) {
            const block = Array.from(x.subarray(b * 16, b * 16 + 16));
            expect(r.absmax[b]).toBe(Math.max(...block.map(Math.abs)));
          }
          for (let i = 0; i < x.length; i++) {
            const absmax = r.absmax[Math.floor(i / 16)] as number;
            if (absmax < 1e-37) continue; // below bitsandbytes' 1e-38 floor the ratio is not x / absmax
            const v = (x[i] as number) / absmax;
            const chosen = Math.abs(v - (NF4_CODEBOOK[r.codes[i] as number] as number));
            for (const level of NF4_CODEBOOK) expect(chosen).toBeLessThanOrEqual(Math.abs(v - level) + 1e-6);
          }
        },
      ),
    );
  });

  it('is off by at most half the widest gap (between −1 and −0.6962) times absmax (property)', () => {
    const gaps = NF4_CODEBOOK.slice(1).map((v, i) => v - (NF4_CODEBOOK[i] as number));
    const halfWidestGap = Math.max(...gaps) / 2; // (−0.6962 − (−1)) / 2 = 0.1519…
    expect(halfWidestGap).toBe((1 - 0.6961928009986877) / 2);
    fc.assert(
      fc.property(finiteFloat32Arrays, (x) => {
        const r = quantizeNF4(x, { blockSize: 32 });
        for (let i = 0; i < x.length; i++) {
          const absmax = r.absmax[Math.floor(i / 32)] as number;
          // Below bitsandbytes' 1e-38 floor on absmax, values scale to ≈0 and come back as 0: error ≤ absmax.
          // (+ 2^-148: x̂ below 1.2e-38 is a subnormal float32, rounded to a multiple of 2^-149.)
          const bound = absmax >= 1e-37 ? absmax * (halfWidestGap + 1e-6) + 2 ** -148 : absmax;
          expect(Math.abs((x[i] as number) - (r.dequantized[i] as number))).toBeLessThanOrEqual(bound);
        }
      }),
    );
  });

  it('never produces NaN or ±Infinity for finite input, including all-zero blocks, ±3.4e38 and subnormals (property)', () => {
    fc.assert(
      fc.property(finiteFloat32Arrays, (x) => {
        const r = quantizeNF4(x, { blockSize: 7, doubleQuant: true });
        for (const v of r.dequantized) expect(Number.isFinite(v)).toBe(true);
        for (const v of r.absmax) expect(Number.isFinite(v)).toBe(true);
      }),
    );
    const extremes = Float32Array.of(3.4028234663852886e38, -3.4028234663852886e38, 1e38, 1.4e-45, 0, -0, 1e-40, 5e-39);
    const r = quantizeNF4(extremes, { blockSize: 4 });
    expect(Array.from(r.codes.subarray(0, 2))).toEqual([15, 0]);
    expect(r.dequantized[0]).toBe(3.4028234663852886e38);
    for (const v of r.dequantized) expect(Number.isFinite(v)).toBe(true);
  });

  it('stores code 7 (0.0) and dequantizes to 0 for an all-zero block (absmax 0, no NaN)', () => {
    const r = quantizeNF4(new Float32Array(64));
    expect(r.absmax[0]).toBe(0);
    expect(new Set(r.codes)).toEqual(new Set([7]));
    expect(new Set(r.dequantized)).toEqual(new Set([0]));
  });

  it('allows a partial last block with its own absmax (bitsandbytes: rem = n % blocksize)', () => {
    const x = new Float32Array(130).fill(0.5);
    x[129] = -0.25;
    x[128] = 0.125;
    const r = quantizeNF4(x, { blockSize: 64 });
    expect(r.absmax).toHaveLength(3);
    expect(r.absmax[2]).toBe(0.25);
    expect(r.codes[129]).toBe(0); // −0.25 / 0.25 = −1
    expect(r.codes[128]).toBe(12); // 0.125 / 0.25 = 0.5 → 0.4407 (0.4407 < 0.5 ≤ 0.5017)
  });

  it('with doubleQuant keeps the codes and dequantizes with the double-quantized absmax', () => {
    const x = Float32Array.from({ length: 64 * 300 }, (_, i) => Math.sin(i * 0.37) * (1 + (i % 640) / 64));
    const plain = quantizeNF4(x);
    const dq = quantizeNF4(x, { doubleQuant: true });
    expect(dq.codes).toEqual(plain.codes);
    expect(dq.absmax).toEqual(plain.absmax);
    expect(dq.doubleQuant?.blockSize).toBe(256);
    expect(dq.doubleQuant?.codes).toHaveLength(300);
    const absmaxUsed = dq.doubleQuant?.dequantized as Float32Array;
    for (let i = 0; i < x.length; i++) {
      expect(dq.dequantized[i]).toBe(
        Math.fround((NF4_CODEBOOK[dq.codes[i] as number] as number) * (absmaxUsed[Math.floor(i / 64)] as number)),
      );
    }
    expect(absmaxUsed).not.toEqual(plain.absmax); // 8-bit absmax is lossy
  });

  it('throws for bad input, naming the argument', () => {
    expect(() => quantizeNF4(new Float32Array(0))).toThrow('x must contain at least one value (got an empty array)');
    expect(() => quantizeNF4(Float32Array.of(1, 2, 3, Number.NaN))).toThrow('x[3] must be a finite number (got NaN)');
    expect(() => quantizeNF4(Float32Array.of(1, Infinity))).toThrow('x[1] must be a finite number (got Infinity)');
    expect(() => quantizeNF4(Float32Array.of(Number.NaN, -Infinity))).toThrow('x[0] must be a finite number (got NaN)');
    expect(() => quantizeNF4([1, 2] as unknown as Float32Array)).toThrow(TypeError);
    for (const blockSize of [0, -64, 1.5, Number.NaN, Infinity]) {
      expect(() => quantizeNF4(Float32Array.of(1), { blockSize })).toThrow(
        `blockSize must be a positive integer (got ${blockSize})`,
      );
    }
    expect(() => quantizeNF4(Float32Array.of(1), { blockSize: '64' as unknown as number })).toThrow(
      /blockSize must be a positive integer/,
    );
    expect(() => quantizeNF4(Float32Array.of(1), { doubleQuant: 'yes' as unknown as boolean })).toThrow(
      /doubleQuant must be true or false/,
    );
    expect(() => quantizeNF4(Float32Array.of(1), { doubleQuant: true, doubleQuantBlockSize: 0 })).toThrow(
      /blockSize must be a positive integer/,
    );
  });
});
