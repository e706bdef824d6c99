import { describe, expect, it } from 'vitest';
import { nf4BitsPerWeight } from './bits-per-weight';

describe('nf4BitsPerWeight({ blockSize, doubleQuant })', () => {
  it('is 4.5 bits for block 64 without double quantization (4 + 32/64; docs/provenance.md §1)', () => {
    expect(nf4BitsPerWeight({ blockSize: 64 })).toBe(4.5);
    expect(nf4BitsPerWeight()).toBe(4.5);
  });

  it('is 4 + 8/64 + 32/(64·256) = 4.126953125 ≈ 4.127 bits with double quantization (QLoRA §3: 0.127 bits of constants)', () => {
    expect(nf4BitsPerWeight({ blockSize: 64, doubleQuant: true })).toBe(4.126953125);
    expect(nf4BitsPerWeight({ blockSize: 64, doubleQuant: true }) - 4).toBeCloseTo(0.127, 3);
  });

  it('saves 0.373 bits per parameter, about 3 GB on a 65B model (QLoRA §3)', () => {
    const saved = nf4BitsPerWeight({ blockSize: 64 }) - nf4BitsPerWeight({ blockSize: 64, doubleQuant: true });
    expect(saved).toBeCloseTo(0.373, 3);
    expect((65e9 * saved) / 8 / 1e9).toBeCloseTo(3.03, 2); // QLoRA: "approximately 3 GB for a 65B model"
  });

  it('scales with the block size: 4 + 32/128 = 4.25', () => {
    expect(nf4BitsPerWeight({ blockSize: 128 })).toBe(4.25);
  });

  it('throws for a bad blockSize', () => {
    expect(() => nf4BitsPerWeight({ blockSize: 0 })).toThrow('blockSize must be a positive integer (got 0)');
  });
});
