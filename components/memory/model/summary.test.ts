import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGB } from '@/lib/units';
import { MAX_SUMMARY_FIGURES } from '@/components/ui/model/summary';
import { memoryOutcome } from './results';
import { memorySummary, memoryVerdictLabel } from './summary';
import { MEMORY_DEFAULTS, parseMemoryState } from './urlState';

const summaryOf = (text: Partial<typeof MEMORY_DEFAULTS>) => {
  const state = parseMemoryState({ ...MEMORY_DEFAULTS, ...text });
  const outcome = memoryOutcome(state);
  return { outcome, summary: memorySummary(outcome, state.contextTokens) };
};

describe('memorySummary', () => {
  it('the default set-up: the verdict and the same "needs … of …" figures as the result line', () => {
    // Llama-3.1-70B INT4 g128, 8 × 4,096 tokens on one A100 80GB at 0.92: the result line says
    // "needs 51.3 GB (47.8 GiB) of 78.6 GB (73.2 GiB)" (e2e/memory.spec.ts, from lib/sizing fitOnGpu), so it fits.
    const { outcome, summary } = summaryOf({});
    if (!outcome.ok) throw new Error('expected results');
    expect(summary.tone).toBe('good');
    expect(summary.verdict).toBe('Fits');
    expect(summary.figures[0]).toEqual({ label: 'Needs', value: '51.3 GB of 78.6 GB' });
    const fit = outcome.results.fit;
    expect(summary.figures[1]).toEqual({ label: 'To spare', value: formatGB(fit.availableBytes - fit.requiredBytes) });
    expect(summary.figures[2]!.label).toBe('Largest batch at 4,096 tokens');
    expect(summary.figures[2]!.value).toMatch(/^\d[\d,]* sequences?$/);
  });

  it('BF16 weights on one A100 (141.1 GB of weights alone) do not fit: "Short by", bad tone, no batch', () => {
    const { summary } = summaryOf({ weights: 'bf16' });
    expect(summary.verdict).toBe('Does not fit');
    expect(summary.tone).toBe('bad');
    expect(summary.figures[1]!.label).toBe('Short by');
    expect(summary.figures[2]!.value).toBe('none');
  });

  it('no result: names the field to fix by its label, never a number', () => {
    const { summary } = summaryOf({ batch: 'abc' });
    expect(summary).toEqual({
      tone: 'neutral',
      verdict: 'No result yet',
      figures: [{ label: 'Fix', value: 'Batch size' }],
    });
  });

  it('every batch and context gives a verdict the result area shows, at most three figures, no NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 131_072 }), (batch, context) => {
        const { outcome, summary } = summaryOf({ batch: String(batch), context: String(context) });
        expect(summary.figures.length).toBeLessThanOrEqual(MAX_SUMMARY_FIGURES);
        for (const f of summary.figures) expect(f.value).not.toMatch(/NaN|Infinity|undefined/);
        if (outcome.ok) expect(summary.verdict).toBe(memoryVerdictLabel(outcome.results.fit));
      }),
      { numRuns: 40 },
    );
  });
});

describe('memoryVerdictLabel', () => {
  it('the four readings of lib/sizing fitOnGpu verdicts', () => {
    expect(memoryVerdictLabel({ verdict: 'fits', fits: true })).toBe('Fits');
    expect(memoryVerdictLabel({ verdict: 'does-not-fit', fits: false })).toBe('Does not fit');
    expect(memoryVerdictLabel({ verdict: 'tight', fits: true })).toBe('Tight: fits by the estimate');
    expect(memoryVerdictLabel({ verdict: 'tight', fits: false })).toBe('Tight: short by the estimate');
  });
});
