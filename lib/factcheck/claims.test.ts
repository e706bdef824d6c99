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
    expect(() => getCheckedClaim('nope')).toThrow(/Unknown/);
  });
});
