import { describe, expect, it } from 'vitest';
import { CHECKED_CLAIMS, VERDICTS, getCheckedClaim, verdictLabel } from './claims';

describe('fact-check claims', () => {
  it('has unique anchor ids that are valid HTML ids', () => {
    const ids = CHECKED_CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });
  it('uses only known verdicts, each with a non-empty word', () => {
    for (const c of CHECKED_CLAIMS) expect(VERDICTS).toContain(c.verdict);
    for (const v of VERDICTS) expect(verdictLabel(v).length).toBeGreaterThan(0);
  });
  it('looks claims up and rejects unknown ids', () => {
    // The RTX 4090 claim is "Misleading", not "Wrong": llama.cpp runs a 4-bit 70B GGUF on one 24 GB card with
    // partial CPU offload (slowly); only GPU-resident 4-bit does not fit (fact-check lesson, claim 13).
    expect(getCheckedClaim('rtx-4090').verdict).toBe('misleading');
    // Convention-dependent formula and "NOT compute bound" are oversimplified, not wrong / right (claims 3 and 11).
    expect(getCheckedClaim('formula').verdict).toBe('oversimplified');
    expect(getCheckedClaim('dequant').verdict).toBe('oversimplified');
    // "5x" names no format, GPU or batch, so it cannot be checked; it is not impossible either: GGUF Q2_K reads 16 / 2.625 = 6.1x
    // fewer bytes than BF16 (lib/perf speedupCeiling), and per-GPU throughput grows with the batch freed memory admits (claim 9).
    expect(getCheckedClaim('five-x').verdict).toBe('unsupported');
    // "8-bit wins for batch inference" holds only with memory for batches past the GEMM crossover and 8-bit tensor cores;
    // on one 80 GB H100, FP8 holds a handful of 4k sequences and W4A16 makes more tokens per GPU (claim 14).
    expect(getCheckedClaim('batch-8bit').verdict).toBe('conditional');
    expect(verdictLabel('conditional')).toBe('Conditionally right');
    expect(verdictLabel('unsupported')).toBe('Unsupported');
    expect(() => getCheckedClaim('nope')).toThrow(/Unknown/);
  });
});
