import { describe, expect, it } from 'vitest';
import { CHECKED_CLAIMS } from './claims';
import { CLAIM_LINES, MAX_QUOTE_CHARS, quotedClaims } from './thePost';

describe('the post, quoted only where we check it', () => {
  it('has one quote for every checked claim and none for anything else', () => {
    expect(Object.keys(CLAIM_LINES).sort()).toEqual(CHECKED_CLAIMS.map((c) => c.id).sort());
    expect(quotedClaims().map((q) => q.claim.id)).toEqual(CHECKED_CLAIMS.map((c) => c.id));
  });

  it('keeps every quote to one short line (the post is not reproduced)', () => {
    for (const { quote, claim } of quotedClaims()) {
      expect(quote.length, claim.id).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
      expect(quote, claim.id).not.toContain('\n');
    }
    const total = quotedClaims().reduce((n, q) => n + q.quote.length, 0);
    // 14 quotes of about 50 characters: a small fraction of the post, never the whole of it.
    expect(total).toBeLessThan(1200);
  });
});
