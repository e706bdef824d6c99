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
    // provenance: facts.md §8 — the RTX 4090 claim is "Wrong"
    expect(getCheckedClaim('rtx-4090').verdict).toBe('wrong');
    expect(() => getCheckedClaim('nope')).toThrow(/Unknown/);
  });
});
