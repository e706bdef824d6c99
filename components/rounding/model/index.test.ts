import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleWeights } from '@/lib/quant';
import {
  bitsPerWeightFor,
  BLOCK_SIZES,
  blockValue,
  histogram,
  levelsForBlock,
  levelsInRange,
  MAX_PASTE_CHARS,
  parseRoundingState,
  pickWeights,
  readPastedWeights,
  ROUNDING_DEFAULTS,
  runMethod,
  ROUNDING_METHODS,
  withOneOutlier,
} from './';

describe('bitsPerWeightFor', () => {
  it('NF4 block 64 is 4.5 bits (QLoRA §3: 32/64 = 0.5 bit overhead)', () => {
    expect(bitsPerWeightFor('nf4', 64, 4096)).toBe(4.5);
  });
  it('INT8 absmax per tensor adds 32/n', () => {
    expect(bitsPerWeightFor('int8-absmax', null, 4096)).toBe(8 + 32 / 4096);
  });
  it('affine counts scale and zero point', () => {
    expect(bitsPerWeightFor('int4-affine', 128, 4096)).toBe(4 + 36 / 128);
  });
});

describe('histogram', () => {
  it('bins two values into two bins', () => {
    expect(histogram([0, 1], [0, 1], 2).original).toEqual([1, 1]);
  });
  it('counts sum to the lengths (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 50 }),
        (xs, bins) => {
          const h = histogram(xs, xs, bins);
          expect(h.original.reduce((s, c) => s + c, 0)).toBe(xs.length);
        },
      ),
    );
  });
});

describe('runMethod / levels', () => {
  const x = sampleWeights({ n: 1024, distribution: 'gaussian', seed: 1 });
  it('every method reconstructs with finite stats', () => {
    for (const m of ROUNDING_METHODS) {
      const r = runMethod(m, x, 64);
      expect(Number.isFinite(r.stats.rmse)).toBe(true);
    }
  });
  it('NF4 has 16 levels; INT4 affine 16; INT8 absmax 255', () => {
    expect(levelsForBlock(runMethod('nf4', x, 64).result, 0)).toHaveLength(16);
    expect(levelsForBlock(runMethod('int4-affine', x, 64).result, 0)).toHaveLength(16);
    expect(levelsForBlock(runMethod('int8-absmax', x, 64).result, 0)).toHaveLength(255);
  });
  it('one outlier raises per-tensor INT8 error; block 64 recovers most of it', () => {
    const y = Float32Array.from(x);
    y[5] = 1; // 50σ outlier
    const clean = runMethod('int8-absmax', x, null).stats.rmse;
    const perTensor = runMethod('int8-absmax', y, null).stats.rmse;
    const block = runMethod('int8-absmax', y, 64).stats.rmse;
    expect(perTensor).toBeGreaterThan(5 * clean);
    expect(block).toBeLessThan(perTensor / 3);
  });
  it('pickWeights finds the biggest and smallest magnitudes', () => {
    expect(pickWeights(new Float32Array([0.1, -5, 0.01]))).toEqual([1, 2, 0]);
  });
});

describe('readPastedWeights', () => {
  it('reads up to 4,096 numbers, and refuses more with the count', () => {
    expect(Array.from(readPastedWeights('0.5, -0.25').x ?? [])).toEqual([0.5, -0.25]);
    expect(readPastedWeights(Array(4097).fill('1').join(' '))).toEqual({
      x: null,
      error: 'weights: 4,097 numbers; paste at most 4,096',
    });
  });

  it('refuses a paste over MAX_PASTE_CHARS before parsing, and a 60,000-digit token by its length', () => {
    expect(readPastedWeights(' '.repeat(MAX_PASTE_CHARS + 1)).error).toBe(
      'weights: the paste is too long (131,073 characters; at most 131,072)',
    );
    const t0 = performance.now();
    const r = readPastedWeights(`${'1'.repeat(60_000)}x`);
    expect(performance.now() - t0).toBeLessThan(20);
    expect(r.error).toMatch(/is too long to be a number \(60,001 characters/);
  });
});

describe('parseRoundingState (fields typed or from a link)', () => {
  it('reads the defaults with no errors', () => {
    expect(parseRoundingState(ROUNDING_DEFAULTS)).toEqual({
      dist: 'gaussian',
      n: 1024,
      seed: 1,
      outlierFraction: 0,
      outlierScale: 10,
      blockSize: null,
      spike: false,
      method: 'int8-absmax',
      errors: {},
    });
  });

  it('accepts exactly the block sizes the menu offers', () => {
    for (const b of BLOCK_SIZES)
      expect(parseRoundingState({ ...ROUNDING_DEFAULTS, block: blockValue(b) }).blockSize).toBe(b);
  });

  it('flags block, dist and m values the menus do not offer, by field, instead of falling back or running them', () => {
    // The probe's links: block=7 ran a block size the menu cannot show; block=abc gave a dead end with no field flagged;
    // dist=cauchy left the select blank; m=int3 silently showed INT8.
    const r = parseRoundingState({ ...ROUNDING_DEFAULTS, block: '7', dist: 'cauchy', m: 'int3' });
    expect(r.blockSize).toBeUndefined();
    expect(r.dist).toBeNull();
    expect(r.method).toBeNull();
    expect(r.errors).toEqual({
      block: 'Block (group) size “7” is not offered: choose per tensor, 32, 64, 128 or 256 weights.',
      dist: 'Distribution “cauchy” is not offered: choose Gaussian, Laplace, Student-t (5 dof).',
      m: 'Quantization method “int3” is not offered: choose INT8 absmax, INT8 zero-point, INT4 zero-point, NF4, FP4.',
    });
    for (const block of ['abc', '64.0', ' 64', '', '1e2', '-32'])
      expect(parseRoundingState({ ...ROUNDING_DEFAULTS, block }).errors.block).toBeDefined();
  });

  it('names the number fields at fault with their range', () => {
    const r = parseRoundingState({ ...ROUNDING_DEFAULTS, n: '5', of: 'x' });
    expect(r.n).toBeNull();
    expect(r.errors.n).toBe('Number of weights must be at least 64.');
    expect(r.errors.of).toMatch(/^Outlier fraction must be a number/);
  });

  it('property: never throws; every field is either a valid value or has an error', () => {
    const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('tensor', '64', 'nf4', 'laplace', '1'));
    fc.assert(
      fc.property(
        fc.record({ dist: field, n: field, seed: field, of: field, os: field, block: field, spike: field, m: field }),
        (text) => {
          const r = parseRoundingState(text);
          expect(r.blockSize === undefined).toBe(r.errors.block !== undefined);
          expect(r.dist === null).toBe(r.errors.dist !== undefined);
          expect(r.method === null).toBe(r.errors.m !== undefined);
          expect(r.n === null).toBe(r.errors.n !== undefined);
          if (r.method !== null) expect(ROUNDING_METHODS).toContain(r.method);
        },
      ),
    );
  });
});

describe('levelsInRange (the ticks the chart draws)', () => {
  it('keeps the levels within [min, max], bounds included', () => {
    expect(levelsInRange([-2, -1, 0, 1, 2], -1.5, 2)).toEqual([-1, 0, 1, 2]);
    expect(levelsInRange([-2, 2], 3, 1)).toEqual([]);
    expect(levelsInRange([0], Number.NaN, 1)).toEqual([]);
  });
  it('"Outlier, per tensor": the INT8 grid spans ±absmax, so the half below the weights is not drawn', () => {
    // Gaussian weights plus one positive outlier at 10 × max|x|: per-tensor absmax s = outlier / 127, so the grid is
    // q·s for q = −127…127 and runs to −outlier, far below the weights' minimum (about −3.5σ for 1,024 draws).
    const y = withOneOutlier(sampleWeights({ n: 1024, distribution: 'gaussian', seed: 1 }), 10);
    const run = runMethod('int8-absmax', y, null);
    const levels = levelsForBlock(run.result, 0);
    const h = histogram(y, run.result.dequantized, 40);
    const drawn = levelsInRange(levels, h.min, h.max);
    expect(levels).toHaveLength(255);
    expect(levels[0]!).toBeLessThan(h.min); // what used to be drawn left of the chart
    expect(drawn.length).toBeLessThan(levels.length);
    expect(drawn.length).toBeGreaterThan(127); // zero and every positive level up to the outlier stay
  });
  it('every drawn tick maps inside the chart (x in [0, W])', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (levels, min, span) => {
          const max = min + span;
          const W = 640;
          for (const l of levelsInRange(levels, min, max)) {
            const x = ((l - min) / (max - min || 1)) * W;
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(W + 1e-9);
          }
        },
      ),
    );
  });
});
