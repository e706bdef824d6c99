import { describe, expect, it } from 'vitest';
import { decisionTree } from './decisionTree';

describe('decisionTree', () => {
  // Expected leaves: lib/decision `preferenceOrder` (FP8 tensor cores → FP8 W8A8 is both the
  // "safe" and the "fast" 8-bit; without them the safe 8-bit is INT8 W8A16 and the fast one INT8
  // W8A8), Red Hat / Kurtic et al. 2024: W4A16 for latency, W8A8 for throughput.
  const tree = decisionTree();

  it('covers five branches in a fixed order', () => {
    expect(tree.map((l) => [l.accuracyTolerance, l.evaluationBudget, l.workload])).toEqual([
      ['none', false, null],
      ['none', true, 'latency'],
      ['none', true, 'throughput'],
      ['small', true, 'latency'],
      ['small', true, 'throughput'],
    ]);
  });

  it('picks FP8 W8A8 on an H100 except for latency with a small loss allowed (W4A16)', () => {
    expect(tree.map((l) => l.withFp8.formatId)).toEqual(['fp8-w8a8', 'fp8-w8a8', 'fp8-w8a8', 'int4-g128', 'fp8-w8a8']);
  });

  it('picks INT8 on an A100: weight-only when no loss is allowed, W8A8 for throughput', () => {
    expect(tree.map((l) => l.withoutFp8.formatId)).toEqual([
      'int8-w8a16',
      'int8-w8a16',
      'int8-w8a8',
      'int4-g128',
      'int8-w8a8',
    ]);
  });

  it('never picks 4-bit when no loss is allowed and nothing will be evaluated', () => {
    const blind = tree.filter((l) => l.accuracyTolerance === 'none' && !l.evaluationBudget);
    expect(blind.every((l) => l.withFp8.formatId !== 'int4-g128' && l.withoutFp8.formatId !== 'int4-g128')).toBe(true);
  });

  it('gives the same no-loss leaves for other GPUs of the same kind; small-loss leaves are ranked by the metric, so memory can move them', () => {
    // L40S (Ada) has FP8 tensor cores; RTX 3090 (Ampere) has INT8 but no FP8.
    const other = decisionTree({ withFp8Gpu: 'l40s', withoutFp8Gpu: 'rtx-3090' });
    const pairs = (t: typeof tree) =>
      t.filter((l) => l.accuracyTolerance === 'none').map((l) => [l.withFp8.formatId, l.withoutFp8.formatId]);
    expect(pairs(other)).toEqual(pairs(tree));
    for (const l of other.filter((x) => x.accuracyTolerance === 'small')) {
      expect(['fp8-w8a8', 'int4-g128']).toContain(l.withFp8.formatId);
      expect(['int8-w8a8', 'int4-g128']).toContain(l.withoutFp8.formatId);
    }
  });

  it('rejects GPUs on the wrong side', () => {
    expect(() => decisionTree({ withFp8Gpu: 'a100-80gb-sxm' })).toThrow(/withFp8Gpu/);
    expect(() => decisionTree({ withoutFp8Gpu: 'h100-sxm' })).toThrow(/withoutFp8Gpu/);
  });
});
