import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storageBitsBreakdown } from './storageBitsBreakdown';
import type { WeightStorage } from './types';

const integerStorage = fc.record({
  kind: fc.constant('integer' as const),
  bits: fc.integer({ min: 1, max: 8 }),
  groupSize: fc.integer({ min: 1, max: 4096 }),
  scaleBits: fc.constantFrom(8, 16, 32),
  zeroPointBits: fc.integer({ min: 0, max: 8 }),
});

const codebookStorage = fc.record({
  kind: fc.constant('codebook' as const),
  codebook: fc.constantFrom('nf4' as const, 'fp4' as const),
  blockSize: fc.integer({ min: 16, max: 4096 }),
  absmaxBits: fc.constantFrom(16, 32),
  doubleQuant: fc.option(
    fc.record({
      blockSize: fc.integer({ min: 2, max: 1024 }),
      codeBits: fc.constantFrom(4, 8),
      secondLevelAbsmaxBits: fc.constant(32),
    }),
    { nil: null },
  ),
});

const ggufStorage = fc
  .tuple(
    fc.integer({ min: 1, max: 256 }),
    fc.integer({ min: 0, max: 64 }),
    fc.integer({ min: 0, max: 64 }),
    fc.integer({ min: 0, max: 8 }),
  )
  .map(([payload, scale, zero, second]): WeightStorage => ({
    kind: 'gguf',
    ggmlType: 'TEST',
    blockWeights: 256,
    fields: [
      { name: 'qs', bytes: payload, role: 'payload' },
      { name: 'scales', bytes: scale, role: 'scale' },
      { name: 'mins', bytes: zero, role: 'zeroPoint' },
      { name: 'd', bytes: second, role: 'secondLevel' },
    ],
  }));

const anyStorage: fc.Arbitrary<WeightStorage> = fc.oneof(integerStorage, codebookStorage, ggufStorage);

describe('storageBitsBreakdown(storage)', () => {
  it('total = payload + scales + zero-points + second level, and the formula ends with the total', () => {
    fc.assert(
      fc.property(anyStorage, (storage) => {
        const b = storageBitsBreakdown(storage);
        expect(b.totalBits).toBeCloseTo(b.payloadBits + b.scaleBits + b.zeroPointBits + b.secondLevelBits, 12);
        expect(b.formula.endsWith(String(Number(b.totalBits.toPrecision(12))))).toBe(true);
      }),
    );
  });

  it('costs more than the payload whenever a group or block stores a scale', () => {
    fc.assert(
      fc.property(fc.oneof(integerStorage, codebookStorage), (storage) => {
        const b = storageBitsBreakdown(storage);
        expect(b.totalBits).toBeGreaterThan(b.payloadBits);
      }),
    );
  });

  it('gets cheaper as groups get larger (the scale is shared by more weights)', () => {
    fc.assert(
      fc.property(integerStorage, fc.integer({ min: 2, max: 16 }), (storage, factor) => {
        const small = storageBitsBreakdown(storage).totalBits;
        const large = storageBitsBreakdown({ ...storage, groupSize: storage.groupSize * factor }).totalBits;
        expect(large).toBeLessThan(small);
        expect(large).toBeGreaterThan(storage.bits);
      }),
    );
  });

  it('double quantisation costs less than an FP32 absmax whenever codeBits < absmaxBits', () => {
    fc.assert(
      fc.property(codebookStorage, fc.integer({ min: 2, max: 1024 }), (storage, dqBlock) => {
        const plain = storageBitsBreakdown({ ...storage, absmaxBits: 32, doubleQuant: null }).totalBits;
        const dq = storageBitsBreakdown({
          ...storage,
          absmaxBits: 32,
          doubleQuant: { blockSize: dqBlock, codeBits: 8, secondLevelAbsmaxBits: 32 },
        }).totalBits;
        expect(dq).toBeLessThan(plain);
      }),
    );
  });

  it('a GGUF block costs its bytes × 8 / weights', () => {
    fc.assert(
      fc.property(ggufStorage, (storage) => {
        if (storage.kind !== 'gguf') return;
        const bytes = storage.fields.reduce((sum, field) => sum + field.bytes, 0);
        expect(storageBitsBreakdown(storage).totalBits).toBeCloseTo((bytes * 8) / storage.blockWeights, 12);
      }),
    );
  });

  it('per-channel overhead is scaleBits/inFeatures and vanishes as rows get wide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 20 }), (inFeatures) => {
        const storage: WeightStorage = {
          kind: 'integer',
          bits: 8,
          groupSize: 'channel',
          scaleBits: 16,
          zeroPointBits: 0,
        };
        expect(storageBitsBreakdown(storage, { inFeatures }).totalBits).toBeCloseTo(8 + 16 / inFeatures, 12);
      }),
    );
  });

  it('rejects a group size that is not a positive integer, naming the field', () => {
    const bad: WeightStorage = { kind: 'integer', bits: 4, groupSize: 0, scaleBits: 16, zeroPointBits: 4 };
    expect(() => storageBitsBreakdown(bad)).toThrow('groupSize must be a positive integer (got 0)');
    expect(() => storageBitsBreakdown({ ...bad, groupSize: 12.5 })).toThrow(/^groupSize/);
  });
});
