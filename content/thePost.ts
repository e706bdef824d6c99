import { CHECKED_CLAIMS, type CheckedClaim } from './claims';

/**
 * The lines of the post every lesson argues with that the fact-check lesson checks: one short quote per claim,
 * exactly as the post words it. The post itself is not reproduced: we quote only what we check (the lessons
 * quote it briefly too). `/the-post` lists these quotes in the post's order, each linked to its verdict.
 */

/** Longest quote kept, in characters: a line, not a passage. */
export const MAX_QUOTE_CHARS = 120;

/**
 * For each claim the fact-check lesson checks, the first line of the post that makes it (exactly as in the file).
 * A test checks that each line is in the post and that every checked claim has one.
 */
export const CLAIM_LINES: Readonly<Record<string, string>> = {
  'int8-under-1': 'Performance degradation < 1% on most tasks',
  formula: 'Uses linear quantization: Q = round(scale × W + zero_point)',
  'int4-2-5': 'Performance degradation 2-5% depending on the architecture',
  sizes: 'FP32: 70B model = 280GB',
  gradients: "But here's the catch - you STILL need overhead for KV cache, activations, and gradients.",
  'int4-48-60': 'Real-world 70B INT4 deployment? Needs 48-60GB minimum, not 35GB.',
  'ptq-hours': 'Fast setup (hours)',
  'qat-required': 'Required for mission-critical 4-bit deployments',
  'five-x': '4. The Inference Speed Trade - 5x throughput, but why?',
  'int8-1-5-2x': '1.5-2x throughput vs FP16',
  dequant: 'Requires dequantization to FP16 for computation',
  a100: '8-bit: A100 80GB fits 70B comfortably, batch size 8-16 supported',
  'rtx-4090': '4-bit: RTX 4090 24GB runs 70B (barely), batch size 1-4 maximum',
  'batch-8bit': '- Batch inference workloads',
};

/** One checked claim with the line of the post that makes it. */
export interface QuotedClaim {
  quote: string;
  claim: CheckedClaim;
}

/** Every checked claim with its quote, in the post's order (the order of CHECKED_CLAIMS). */
export function quotedClaims(): QuotedClaim[] {
  return CHECKED_CLAIMS.map((claim) => {
    const quote = CLAIM_LINES[claim.id];
    if (quote === undefined) throw new Error(`content/thePost.ts: no quote for checked claim "${claim.id}"`);
    return { quote, claim };
  });
}
