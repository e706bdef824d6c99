import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantizeInt8Absmax } from './quantize-int8-absmax';

const normalRange = fc.float32Array({
  minLength: 1,
  maxLength: 300,
  noNaN: true,
  min: Math.fround(-1e30),
  max: Math.fround(1e30),
});

describe('quantizeInt8Absmax(x, { blockSize })', () => {
  it("reproduces the Hugging Face blog's worked example (hf-bitsandbytes-integration.md; docs/provenance.md §2)", () => {
    // absmax 5.4, scale 5.4/127 ≈ 0.04252: 1.2/0.04252 = 28.2 → 28; −4.3 → −101.1 → −101; 5.4 → 127.
    const r = quantizeInt8Absmax(Float32Array.of(1.2, -0.5, -4.3, 1.2, -3.1, 0.8, 2.4, 5.4));
    expect(Array.from(r.q)).toEqual([28, -12, -101, 28, -73, 19, 56, 127]);
    expect(r.scales[0]).toBe(Math.fround(Math.fround(5.4) / 127));
    expect(r.blockSize).toBeNull();
    expect(r.method).toBe('int8-absmax');
  });

  it('rounds ties half to even, like torch.round (not half up, like Math.round)', () => {
    // absmax 127 → scale exactly 1, so q = round(x): 2.5 → 2 (Math.round: 3), 3.5 → 4, −2.5 → −2, 0.5 → 0, 126.5 → 126.
    const r = quantizeInt8Absmax(Float32Array.of(127, 2.5, 3.5, -2.5, 0.5, 126.5));
    expect(r.scales[0]).toBe(1);
    expect(Array.from(r.q)).toEqual([127, 2, 4, -2, 0, 126]);
  });

  it('has one scale per block, the last block partial, or one per tensor without blockSize', () => {
    const x = Float32Array.from({ length: 130 }, (_, i) => i - 65);
    expect(quantizeInt8Absmax(x, { blockSize: 64 }).scales).toHaveLength(3);
    expect(quantizeInt8Absmax(x).scales).toHaveLength(1);
    const r = quantizeInt8Absmax(x, { blockSize: 64 });
    expect(r.scales[2]).toBe(Math.fround(64 / 127)); // last block: values 63, 64
    expect(r.q[129]).toBe(127);
  });

  it('is off by at most scale / 2 for every value, and |q| ≤ 127 (property)', () => {
    fc.assert(
      fc.property(normalRange, fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }), (x, blockSize) => {
        const r = quantizeInt8Absmax(x, { blockSize });
        const size = blockSize ?? x.length;
        for (let i = 0; i < x.length; i++) {
          const scale = r.scales[Math.floor(i / size)] as number;
          const v = x[i] as number;
          expect(Math.abs(r.q[i] as number)).toBeLessThanOrEqual(127);
          expect(r.dequantized[i]).toBe(Math.fround((r.q[i] as number) * scale));
          // float32 rounding of x/scale and of x̂ adds a few parts in 2^24
          expect(Math.abs(v - (r.dequantized[i] as number))).toBeLessThanOrEqual(
            scale * 0.5 * (1 + 2 ** -20) + Math.abs(v) * 2 ** -22,
          );
        }
      }),
    );
  });

  it('never overflows or returns NaN: ±3.4e38, all-zero blocks and subnormals (property + cases)', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 200, noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = quantizeInt8Absmax(x, { blockSize: 8 });
        for (const v of r.dequantized) expect(Number.isFinite(v)).toBe(true);
        for (const s of r.scales) expect(Number.isFinite(s)).toBe(true);
      }),
    );
    const huge = quantizeInt8Absmax(Float32Array.of(3.4028234663852886e38, -3.4028234663852886e38, 1));
    expect(Array.from(huge.q)).toEqual([127, -127, 0]);
    // 127 × float32(3.4028e38 / 127) rounds past the float32 maximum: stored as 3.4028e38, not Infinity.
    expect(huge.dequantized[0]).toBe(3.4028234663852886e38);
    expect(huge.dequantized[1]).toBe(-3.4028234663852886e38);
    const zeros = quantizeInt8Absmax(new Float32Array(5));
    expect(zeros.scales[0]).toBe(0);
    expect(Array.from(zeros.dequantized)).toEqual([0, 0, 0, 0, 0]);
    // absmax 1e-40: absmax/127 underflows float32, so the scale is raised to 2^-126 (documented).
    const tiny = quantizeInt8Absmax(Float32Array.of(1e-40, -2e-41));
    expect(tiny.scales[0]).toBe(2 ** -126);
    expect(Array.from(tiny.q)).toEqual([0, 0]);
  });

  it('throws for bad input, naming the argument', () => {
    expect(() => quantizeInt8Absmax(new Float32Array(0))).toThrow(
      'x must contain at least one value (got an empty array)',
    );
    expect(() => quantizeInt8Absmax(Float32Array.of(1, Number.NaN))).toThrow('x[1] must be a finite number (got NaN)');
    expect(() => quantizeInt8Absmax(Float32Array.of(-Infinity, 1))).toThrow(
      'x[0] must be a finite number (got -Infinity)',
    );
    expect(() => quantizeInt8Absmax(Float32Array.of(1), { blockSize: 0 })).toThrow(
      'blockSize must be a positive integer (got 0)',
    );
    expect(() => quantizeInt8Absmax(Float32Array.of(1), { blockSize: 2.5 })).toThrow(
      'blockSize must be a positive integer (got 2.5)',
    );
  });
});
