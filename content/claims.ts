/**
 * The viral post's claims, as checked by the fact-check lesson (content/lessons/fact-check.mdx).
 * Data only: each claim's anchor on the lesson page, a short label, and the verdict.
 * Verdicts are argued, with their sources, in the claim's section of the lesson (g128 GPTQ = 4.15625 bits/weight →
 * ≈39.8 GB; A100 8×4k fits only at 100% memory; the formula is convention-dependent; claim 11 holds for W4A16 at
 * small batch only; the RTX 4090 runs 70B only with CPU offload or 2-bit-class files; "5x" has no source or set-up
 * but is not impossible; "8-bit wins batch inference" needs memory headroom and 8-bit tensor cores).
 */

/**
 * The verdict scale the lesson uses, from worst to best. 'unsupported': asserted without a source or
 * a set-up that would make it checkable, yet not impossible; 'conditional': right only under conditions
 * the claim leaves out (the lesson states them).
 */
export const VERDICTS = ['wrong', 'misleading', 'unsupported', 'oversimplified', 'conditional', 'right'] as const;
export type VerdictValue = (typeof VERDICTS)[number];

/** Human word for a verdict, as shown in the badge (the word carries the meaning, not the colour). */
export function verdictLabel(v: VerdictValue): string {
  switch (v) {
    case 'wrong':
      return 'Wrong';
    case 'misleading':
      return 'Misleading';
    case 'unsupported':
      return 'Unsupported';
    case 'oversimplified':
      return 'Oversimplified';
    case 'conditional':
      return 'Conditionally right';
    case 'right':
      return 'Right';
  }
}

export interface CheckedClaim {
  /** Anchor id of the claim's section on the lesson page. */
  id: string;
  /** Short paraphrase of the claim (quotes stay in the lesson, kept short). */
  claim: string;
  verdict: VerdictValue;
}

/** Every claim of the post the lesson checks, in the post's order. */
export const CHECKED_CLAIMS: readonly CheckedClaim[] = [
  { id: 'int8-under-1', claim: 'INT8 loses under 1%', verdict: 'oversimplified' },
  { id: 'int4-2-5', claim: '4-bit loses 2–5%', verdict: 'misleading' },
  { id: 'formula', claim: 'Q = round(scale × W + zero_point)', verdict: 'oversimplified' },
  { id: 'sizes', claim: 'FP32 280 GB, INT8 70 GB, INT4 35 GB', verdict: 'oversimplified' },
  { id: 'gradients', claim: 'Inference needs memory for gradients', verdict: 'wrong' },
  { id: 'int4-48-60', claim: 'INT4 70B needs 48–60 GB minimum', verdict: 'misleading' },
  { id: 'ptq-hours', claim: 'PTQ: fast setup (hours)', verdict: 'oversimplified' },
  { id: 'qat-required', claim: 'QAT is required for mission-critical 4-bit', verdict: 'misleading' },
  { id: 'five-x', claim: '“5x throughput”', verdict: 'unsupported' },
  { id: 'int8-1-5-2x', claim: '8-bit: 1.5–2× throughput vs FP16', verdict: 'oversimplified' },
  { id: 'dequant', claim: '4-bit dequantises to FP16, is bandwidth-bound', verdict: 'oversimplified' },
  { id: 'a100', claim: 'A100 80GB fits 8-bit 70B comfortably, batch 8–16', verdict: 'misleading' },
  { id: 'rtx-4090', claim: 'RTX 4090 24GB runs 70B at 4-bit (barely)', verdict: 'misleading' },
  { id: 'batch-8bit', claim: '8-bit wins for batch inference', verdict: 'conditional' },
];

/** Look a claim up by its anchor id; throws on an unknown id so a typo fails the build. */
export function getCheckedClaim(id: string): CheckedClaim {
  const c = CHECKED_CLAIMS.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown fact-check claim id: ${id}`);
  return c;
}
