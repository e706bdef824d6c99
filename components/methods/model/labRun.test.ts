import { describe, expect, it } from 'vitest';
import { compareMethods } from '@/lib/quant';
import { runLab, type LabMessage, type LabRequest } from './labRun';
import { rankMethods } from './methodLab';

const size = { rows: 16, cols: 64, calibrationTokens: 128, heldOutTokens: 128 };

function run(request: LabRequest): LabMessage[] {
  const out: LabMessage[] = [];
  runLab(request, (m) => out.push(m));
  return out;
}

describe('runLab(request) — what the worker does', () => {
  it('posts progress that never decreases, then one result equal to compareMethods run directly', () => {
    const inputs = { bits: 4, groupSize: 32, calibration: 'matched', seed: 3 } as const;
    const msgs = run({ id: 7, inputs, size });
    const progress = msgs.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    expect(progress.at(-1)!.fraction).toBe(1);
    const last = msgs.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.id).toBe(7);
    const s = last.summary;
    const matched = compareMethods({ ...size, ...inputs, calibration: 'matched' });
    const shifted = compareMethods({ ...size, ...inputs, calibration: 'shifted' });
    for (const m of s.methods) {
      expect(m.matched).toBe(matched.outcomes.find((o) => o.method === m.method)!.relativeError);
      expect(m.shifted).toBe(shifted.outcomes.find((o) => o.method === m.method)!.relativeError);
    }
    expect(s.gptqTrace).toHaveLength(64);
    expect(s.gptqActOrderTrace).toHaveLength(64);
    expect(s.awq.grid).toHaveLength(20);
    expect(s.channelError.rtn).toHaveLength(16);
    expect(s.smoothQuant).toBeNull();
    expect(s.outlierChannels.length).toBeGreaterThan(0);
    // RTN uses no calibration data, so its calibration gap is exactly zero.
    expect(rankMethods(s).find((r) => r.method === 'rtn')!.gap).toBe(0);
  });

  it('at 8 bits adds the W8A8 methods and SmoothQuant ranges; plain W8A8 uses no calibration (gap 0)', () => {
    const msgs = run({ id: 1, inputs: { bits: 8, groupSize: null, calibration: 'shifted', seed: 1 }, size });
    const last = msgs.at(-1)!;
    if (last.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(last)}`);
    const s = last.summary;
    expect(s.methods.map((m) => m.method)).toEqual([
      'rtn',
      'gptq',
      'gptq-act-order',
      'awq',
      'w8a8',
      'smoothquant-w8a8',
    ]);
    expect(s.smoothQuant?.activationBefore).toHaveLength(64);
    const w8a8 = s.methods.find((m) => m.method === 'w8a8')!;
    expect(w8a8.shifted).toBe(w8a8.matched);
    // SmoothQuant flattens the activation outliers: max / median of the per-channel maxima falls.
    const ratio = (v: readonly number[]) => Math.max(...v) / [...v].sort((a, b) => a - b)[v.length >> 1]!;
    expect(ratio(s.smoothQuant!.activationAfter)).toBeLessThan(ratio(s.smoothQuant!.activationBefore));
  });

  it('answers bad input with an error message naming the problem, never throwing', () => {
    const bad = run({ id: 2, inputs: { bits: 5, groupSize: 32, calibration: 'matched', seed: 1 } as never, size });
    expect(bad).toEqual([{ type: 'error', id: 2, message: 'bits must be 2, 3, 4 or 8 (got 5)' }]);
    expect(run({ id: 3 } as never)).toEqual([{ type: 'error', id: 3, message: 'the request has no inputs' }]);
    expect(run(null as never)).toEqual([{ type: 'error', id: -1, message: 'the request has no inputs' }]);
  });
});
