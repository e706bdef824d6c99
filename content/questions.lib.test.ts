/**
 * The bank's numeric answers are typed in markdown, so nothing stops them drifting
 * from what the calculators compute. Each case here recomputes one answer with lib/
 * and checks it lies within the question's own tolerance: if lib or the bank
 * changes, the two must agree again before the build passes.
 */
import { describe, expect, it } from 'vitest';
import { getQuestions } from './questions';
import { withinTolerance, acceptedRange } from '@/lib/practice/numeric';
import { unitDef } from '@/lib/practice/units';
import type { NumericQuestion } from '@/lib/practice/types';
import { countParams, getModel, kvCacheBytesPerSequence, kvCacheBytesPerToken } from '@/lib/models';
import { weightBytes } from '@/lib/sizing';
import { bitsPerWeight } from '@/lib/formats';
import { getGpu } from '@/lib/hardware';
import { BYTES_PER_GB, BYTES_PER_GIB } from '@/lib/units';

function numeric(id: string): NumericQuestion {
  const [q] = getQuestions([id]);
  if (!q || q.type !== 'numeric') throw new Error(`${id} is not a numeric question`);
  return q;
}

/** Checks `computed` (in the question's answer unit) is accepted by the question's tolerance. */
function expectAccepted(id: string, computed: number) {
  const q = numeric(id);
  const { low, high } = acceptedRange(q.answer, q.tolerance);
  expect(withinTolerance(computed, q.answer, q.tolerance), `${id}: lib computes ${computed} ${q.answer.unit}, bank accepts ${low}–${high}`).toBe(true);
}

const llama70 = getModel('llama-3.1-70b').spec;
const bf16 = { bits: 16 };

describe('numeric answers in the bank agree with lib/', () => {
  it('KV cache per token and per sequence (lib/models/kvCache)', () => {
    expectAccepted('kv-per-token-llama-70b', kvCacheBytesPerToken(llama70, bf16));
    expectAccepted('fp8-kv-cache-numeric', kvCacheBytesPerSequence(llama70, { bits: 8, contextTokens: 4096 }) / BYTES_PER_GB);
    expectAccepted('kv-128k-sequence', kvCacheBytesPerSequence(llama70, { bits: 16, contextTokens: 131_072 }) / BYTES_PER_GIB);
    expectAccepted('kv-mla-deepseek-v3', kvCacheBytesPerToken(getModel('deepseek-v3').spec, bf16));
  });

  it('weights by format (lib/sizing/weightBytes, lib/formats/bitsPerWeight)', () => {
    expectAccepted('mem-70b-bf16-gb', weightBytes('llama-3.1-70b', 'bf16').bytes / BYTES_PER_GB);
    expectAccepted('mem-70b-int4-g128-gib', weightBytes('llama-3.1-70b', 'int4-g128').bytes / BYTES_PER_GIB);
    expectAccepted('mem-int4-g128-bits', bitsPerWeight('int4-g128'));
    // Tokens of BF16 KV cache that weigh as much as the INT4 g128 weights.
    expectAccepted('kv-equals-weights-tokens', weightBytes('llama-3.1-70b', 'int4-g128').bytes / kvCacheBytesPerToken(llama70, bf16));
    expect(countParams(llama70).total).toBe(70_553_706_496); // the count the prompts quote (HF hub metadata)
  });

  it('the H100 ridge point and the batch-1 decode ceiling (lib/hardware catalog)', () => {
    const h100 = getGpu('h100-sxm');
    const ridgeFlopsPerByte = ((h100.denseTflops.bf16 ?? NaN) * 1e12) / h100.bandwidthBytesPerSecond;
    expectAccepted('speed-ridge-point-h100', ridgeFlopsPerByte);
    // One step reads the INT4 g128 linear weights (the embedding is a gather, not a full read): the prompt's 37.67 GB.
    const wb = weightBytes('llama-3.1-70b', 'int4-g128');
    const readBytes = wb.bytes - wb.embeddingBytes;
    expect(readBytes / BYTES_PER_GB).toBeCloseTo(37.67, 2);
    expectAccepted('speed-decode-bytes-over-bandwidth', h100.bandwidthBytesPerSecond / readBytes);
  });

  it('every numeric unit the checks above rely on is the one the question asks for', () => {
    expect(unitDef(numeric('mem-70b-bf16-gb').answer.unit).toBase).toBe(1e9);
    expect(unitDef(numeric('kv-128k-sequence').answer.unit).toBase).toBe(2 ** 30);
  });
});
