import { describe, expect, it } from 'vitest';
import { CHECKED_CLAIMS } from './claims';
import { annotatedPost, CLAIM_LINES, readThePost } from './thePost';

describe('the post', () => {
  const lines = readThePost();

  it('is the whole post: from the interview set-up to the last "when 4-bit wins" line', () => {
    expect(lines[0]).toMatch(/^You're in a GenAI Engineer interview/);
    expect(lines.at(-1)).toBe('- Using GPTQ/AWQ with proper calibration');
    for (const heading of [
      '1. The Precision',
      '2. The Memory',
      '3. The Quantization',
      '4. The Inference',
      '5. The Deployment',
    ])
      expect(
        lines.some((l) => l.startsWith(heading)),
        heading,
      ).toBe(true);
  });

  it('links every claim the fact-check lesson checks from exactly one line of the post', () => {
    const annotated = annotatedPost(lines);
    for (const claim of CHECKED_CLAIMS) {
      expect(lines, `line for ${claim.id}`).toContain(CLAIM_LINES[claim.id]);
      expect(
        annotated.filter((l) => l.claim?.id === claim.id),
        claim.id,
      ).toHaveLength(1);
    }
    expect(Object.keys(CLAIM_LINES).sort()).toEqual(CHECKED_CLAIMS.map((c) => c.id).sort());
  });

  it('leaves lines that make no checked claim unlinked, and links a repeated line only once', () => {
    const annotated = annotatedPost(['Here is how you can answer:', 'Fast setup (hours)', 'Fast setup (hours)']);
    expect(annotated.map((l) => l.claim?.id)).toEqual([undefined, 'ptq-hours', undefined]);
  });
});
