import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSource } from '@/lib/sources';

const text = readFileSync('docs/provenance.md', 'utf8');

describe("docs/provenance.md, the repository's own fact base", () => {
  it('cites only sources that are in lib/sources (every bracketed id resolves)', () => {
    const ids = [...text.matchAll(/\[([a-z0-9][^\]\s]*(?:, [a-z0-9][^\]\s]*)*)\]/g)].flatMap((m) => m[1]!.split(', '));
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(hasSource(id), id).toBe(true);
  });
  it('has the sections that code and pages cite (§1 … §8)', () => {
    for (let n = 1; n <= 8; n++) expect(text).toMatch(new RegExp(`^## §${n} `, 'm'));
  });
});
