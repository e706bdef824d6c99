import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { LabResults, MethodLab } from './MethodLab';
import { runLab, type LabMessage } from './model/labRun';
import type { LabInputs, LabSummary } from './model/methodLab';

const size = { rows: 16, cols: 64, calibrationTokens: 128, heldOutTokens: 128 };
function summaryFor(inputs: LabInputs): LabSummary {
  let out: LabMessage | null = null;
  runLab({ id: 1, inputs, size }, (m) => (out = m));
  const m = out as LabMessage | null;
  if (m?.type !== 'result') throw new Error(`no result: ${JSON.stringify(m)}`);
  return m.summary;
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('MethodLab (server render)', () => {
  it('renders the controls and a computing state before the worker answers (the static HTML)', () => {
    const html = renderToString(createElement(MethodLab, { syncUrl: true }));
    for (const label of ['Weight bits', 'Group size', 'Calibration data', 'Seed']) expect(html).toContain(label);
    expect(text(html)).toContain('Computing…');
  });

  it('renders every section from a real summary, with no NaN or Infinity anywhere', () => {
    for (const inputs of [
      { bits: 4, groupSize: 32, calibration: 'matched', seed: 1 },
      { bits: 8, groupSize: null, calibration: 'shifted', seed: 2 },
      { bits: 2, groupSize: 64, calibration: 'matched', seed: 0 },
    ] as const) {
      const html = renderToString(createElement(LabResults, { summary: summaryFor(inputs), pending: false }));
      const t = text(html);
      expect(t).not.toMatch(/NaN|Infinity|undefined/);
      expect(t).toContain('Held-out output error');
      expect(t).toContain('GPTQ step by step');
      expect(t).toMatch(/Step 1 ?: column 0/);
      expect(t).toContain('AWQ: loss against α');
      expect(html).toContain('role="img"');
      if (inputs.bits === 8) {
        expect(t).toContain('SmoothQuant W8A8');
        expect(t).toContain('Activation max, before');
      } else expect(t).toContain('Choose 8 weight bits');
    }
  });
});
