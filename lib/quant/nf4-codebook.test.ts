import { describe, expect, it } from 'vitest';
import { NF4, NF4_CODEBOOK } from './nf4-codebook';

describe('NF4_CODEBOOK', () => {
  it('has the 16 values of bitsandbytes get_4bit_type("nf4") (functional.py), index 0 = −1, 7 = 0, 15 = 1', () => {
    expect(NF4_CODEBOOK).toHaveLength(16);
    expect(NF4_CODEBOOK[0]).toBe(-1);
    expect(NF4_CODEBOOK[7]).toBe(0);
    expect(NF4_CODEBOOK[15]).toBe(1);
    // Values copied from functional.py (docs/provenance.md §1); spot-check three against the source text.
    expect(NF4_CODEBOOK[1]).toBe(-0.6961928009986877);
    expect(NF4_CODEBOOK[8]).toBe(0.07958029955625534);
    expect(NF4_CODEBOOK[14]).toBe(0.7229568362236023);
  });

  it('is sorted, with 7 negative and 8 positive levels (asymmetric so that 0 is exact)', () => {
    for (let i = 1; i < 16; i++) expect(NF4_CODEBOOK[i] as number).toBeGreaterThan(NF4_CODEBOOK[i - 1] as number);
    expect(NF4_CODEBOOK.filter((v) => v < 0)).toHaveLength(7);
    expect(NF4_CODEBOOK.filter((v) => v > 0)).toHaveLength(8);
  });

  it('holds float32 numbers (bitsandbytes keeps the table as a float32 tensor)', () => {
    for (const v of NF4_CODEBOOK) expect(Math.fround(v)).toBe(v);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(NF4_CODEBOOK)).toBe(true);
  });

  it("has the decision points of bitsandbytes' CUDA kernel as midpoints (csrc/kernels.cu dQuantizeNF4)", () => {
    // dQuantizeNF4: "if (x > 0.03979014977812767f)", "x > 0.3893125355243683f", "x > 0.6427869200706482f", "x > 0.8614784181118011f".
    expect(NF4.midpoints[7]).toBe(Math.fround(0.03979014977812767));
    expect(NF4.midpoints[11]).toBe(Math.fround(0.3893125355243683));
    expect(NF4.midpoints[13]).toBe(Math.fround(0.6427869200706482));
    expect(NF4.midpoints[14]).toBe(Math.fround(0.8614784181118011));
    expect(Array.from(NF4.sortedCodes)).toEqual([...Array(16).keys()]);
  });
});
