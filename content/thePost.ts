import fs from 'node:fs';
import path from 'node:path';
import { CHECKED_CLAIMS, type CheckedClaim } from './claims';

/**
 * The post every lesson argues with, as it circulated (content/the-post.txt, verbatim), and which of its lines
 * the fact-check lesson checks. `/the-post` shows it once, in full, with a link from each checked line to the
 * lesson's verdict (content/claims.ts). Build time only (reads the file).
 */

/** Where the text lives, relative to the repository root. */
export const THE_POST_FILE = path.join('content', 'the-post.txt');

/** The post's text, one entry per line, as it circulated (trailing newline dropped). */
export function readThePost(root: string = process.cwd()): string[] {
  return fs.readFileSync(path.join(root, THE_POST_FILE), 'utf8').replace(/\n$/, '').split('\n');
}

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

/** One line of the post and the checked claim it makes, if any. */
export interface PostLine {
  text: string;
  claim?: CheckedClaim;
}

/** The post's lines, each with the claim the fact-check lesson checks on it (on the first line that makes it). */
export function annotatedPost(lines: readonly string[] = readThePost()): PostLine[] {
  const byLine = new Map<string, CheckedClaim>();
  for (const claim of CHECKED_CLAIMS) {
    const line = CLAIM_LINES[claim.id];
    if (line !== undefined) byLine.set(line, claim);
  }
  const used = new Set<string>();
  return lines.map((text) => {
    const claim = byLine.get(text);
    if (!claim || used.has(claim.id)) return { text };
    used.add(claim.id);
    return { text, claim };
  });
}
