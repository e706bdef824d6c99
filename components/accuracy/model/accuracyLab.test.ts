import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffByPosition,
  firstDifference,
  LAB_FORMATS,
  labBits,
  PRECOMPUTED,
  promptProblem,
  readSessionResults,
  tableRows,
  type LabResult,
} from './accuracyLab';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const fixture = (f: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'lib', 'lab', 'fixtures', f), 'utf8')) as {
    weightsSha256: string;
    results: Record<string, { perplexity: number; flips?: number; klMeanNats?: number }>;
  };

describe('precomputed results (lab-results.json)', () => {
  it('are for the model the site ships (SHA-256 of public/lab/kjv-lab.safetensors)', () => {
    const bytes = readFileSync(path.join(ROOT, 'public', 'lab', 'kjv-lab.safetensors'));
    expect(PRECOMPUTED.weightsSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('equal the PyTorch fixtures that lib/lab is tested against, for every format', () => {
    // parity-lab.json: fp16 and the formats without calibration; calibrated-lab.json: GPTQ, AWQ, SmoothQuant.
    const pt = { ...fixture('parity-lab.json').results, ...fixture('calibrated-lab.json').results };
    for (const f of LAB_FORMATS) {
      const mine = PRECOMPUTED.results.get(f.id);
      const theirs = pt[f.id];
      expect(mine, f.id).toBeDefined();
      expect(theirs, f.id).toBeDefined();
      expect(Math.abs(mine!.perplexity - theirs!.perplexity) / theirs!.perplexity, f.id).toBeLessThan(1e-6);
      expect(mine!.flips, f.id).toBe(theirs!.flips ?? 0);
      const kl = theirs!.klMeanNats ?? 0;
      expect(Math.abs(mine!.klMeanNats - kl), f.id).toBeLessThanOrEqual(1e-4 * kl);
      expect(mine!.predictions).toBe(1024);
    }
  });
});

const r = (perplexity: number, flips = 0, klMeanNats = 0): LabResult => ({
  perplexity,
  flips,
  predictions: 1024,
  klMeanNats,
  seconds: 1,
});

describe('tableRows', () => {
  it('lists fp16 first and every format once', () => {
    const rows = tableRows(new Map(), new Map());
    expect(rows[0]!.id).toBe('fp16');
    expect(new Set(rows.map((x) => x.id)).size).toBe(LAB_FORMATS.length);
    expect(rows.every((x) => x.perplexity === null && x.source === 'none')).toBe(true);
  });

  it('prefers this browser’s numbers and computes Δ from the same source (hand calculation)', () => {
    const pre = new Map([
      ['fp16', r(2.8)],
      ['int4-g128', r(3.0, 10, 0.01)],
    ]);
    const browser = new Map([
      ['fp16', r(2.5)],
      ['int4-g128', r(2.75, 19, 0.0013126)],
    ]);
    const row = tableRows(browser, pre).find((x) => x.id === 'int4-g128')!;
    expect(row.source).toBe('browser');
    expect(row.perplexity).toBe('2.7500');
    // 2.75 − 2.5 = +0.25, 0.25 / 2.5 = +10 %; 19 / 1024 = 1.86 %.
    expect(row.delta).toBe('+0.2500 (+10.00 %)');
    expect(row.flipRate).toBe('1.9 % (19)');
    expect(row.kl).toBe('0.00131');
    expect(row.bitsPerWeight).toBe('4.156');
    const pre4 = tableRows(new Map(), pre).find((x) => x.id === 'int4-g128')!;
    expect(pre4.source).toBe('precomputed');
    expect(pre4.delta).toBe('+0.2000 (+7.14 %)'); // 3.0 − 2.8 = 0.2; 0.2 / 2.8 = 7.14 %
  });

  it('never shows NaN, whatever the results', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...LAB_FORMATS.map((f) => f.id)),
            fc.double({ noNaN: false }),
            fc.nat(1024),
            fc.double(),
          ),
        ),
        (entries) => {
          const m = new Map(entries.map(([id, p, f, kl]) => [id, r(p, f, kl)]));
          const text = JSON.stringify(tableRows(m, new Map()));
          return !text.includes('NaN') && !text.includes('Infinity');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the precomputed table numbers for every format', () => {
    const rows = tableRows(new Map());
    expect(rows.every((x) => x.source === 'precomputed' && x.perplexity !== null)).toBe(true);
    expect(rows.find((x) => x.id === 'fp16')!.delta).toBe('—');
  });

  it('labels bits per weight by lib/formats’ rule', () => {
    expect(labBits('fp16')).toBe('16');
    expect(labBits('int8')).toBe('8.1');
    expect(labBits('nf4')).toBe('4.5');
    expect(labBits('nope')).toBe('—');
  });
});

describe('diffByPosition', () => {
  it('marks the characters that differ at the same position', () => {
    expect(diffByPosition('the lord', 'the LORD')).toEqual([
      { text: 'the ', same: true },
      { text: 'lord', same: false },
    ]);
    expect(diffByPosition('abc', 'ab')).toEqual([
      { text: 'ab', same: true },
      { text: 'c', same: false },
    ]);
    expect(firstDifference('and God', 'and god')).toBe(4);
    expect(firstDifference('same', 'same')).toBeNull();
  });

  it('keeps every character exactly once, in order', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const segs = diffByPosition(a, b);
        return segs.map((s) => s.text).join('') === a && segs.every((s, i) => i === 0 || s.same !== segs[i - 1]!.same);
      }),
    );
  });
});

describe('prompt and session cache', () => {
  it('asks for a prompt, and caps its length', () => {
    expect(promptProblem('   ')).toMatch(/Type a prompt/);
    expect(promptProblem('x'.repeat(201))).toMatch(/200 characters \(it has 201\)/);
    expect(promptProblem('In the beginning')).toBeNull();
  });

  it('reads back what was stored and drops anything malformed', () => {
    const good = { 'int4-g128': r(2.79, 84, 0.03) };
    expect(readSessionResults(JSON.stringify(good)).get('int4-g128')).toEqual(good['int4-g128']);
    expect(readSessionResults('{not json').size).toBe(0);
    expect(readSessionResults(JSON.stringify({ 'int4-g128': { perplexity: 'x' }, bogus: r(1) })).size).toBe(0);
    expect(readSessionResults(null).size).toBe(0);
  });
});
