import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MODELS } from '@/lib/models';
import { GPUS } from '@/lib/hardware';
import { CHART_FORMATS, speedFormatIds } from './options';
import {
  contextRule,
  parseSpeedState,
  SPEED_DEFAULTS,
  speedStateFromQuery,
  speedStateQuery,
  toggleShownFormat,
  type SpeedStateText,
} from './urlState';

describe('parseSpeedState(text)', () => {
  it('reads the defaults with no errors', () => {
    const s = parseSpeedState(SPEED_DEFAULTS);
    expect(s).toMatchObject({
      model: 'llama-3.1-70b',
      weights: 'int4-g128',
      gpu: 'h100-sxm',
      gpuCount: 1,
      batch: 16,
      contextTokens: 1024,
      kvBits: 16,
    });
    expect(s.show).toEqual([...CHART_FORMATS]);
    expect(s.errors).toEqual({});
  });
  it('accepts "8k" and "64" as numbers (components/ui/model)', () => {
    const s = parseSpeedState({ ...SPEED_DEFAULTS, context: '8k', batch: '64' });
    expect(s.contextTokens).toBe(8000);
    expect(s.batch).toBe(64);
  });
  it('gives a message per bad field and never a NaN', () => {
    const s = parseSpeedState({
      ...SPEED_DEFAULTS,
      batch: 'abc',
      context: '0',
      gpus: '3',
      model: 'gpt-5',
      gpu: 'tpu',
      weights: 'llm-int8',
      kv: 'int2',
      show: 'bf16,nope',
    });
    expect(s.batch).toBeNull();
    expect(s.contextTokens).toBeNull();
    expect(s.errors.batch).toBe('Batch size must be a number (got "abc").');
    expect(s.errors.context).toBe('Context length must be at least 1.');
    expect(s.errors.gpus).toMatch(/must be one of 1, 2, 4, 8/);
    expect(s.errors.model).toMatch(/Unknown model "gpt-5"/);
    expect(s.errors.gpu).toMatch(/Unknown GPU "tpu"/);
    expect(s.errors.weights).toMatch(/"llm-int8"/);
    expect(s.errors.kv).toMatch(/"int2"/);
    expect(s.errors.show).toMatch(/"nope"/);
    expect(s).toMatchObject({
      model: 'llama-3.1-70b',
      gpu: 'h100-sxm',
      gpuCount: 1,
      weights: 'int4-g128',
      kv: 'bf16',
      show: ['bf16'],
    });
  });
  it("caps the context at the model's maximum (Llama-2-70B: 4,096)", () => {
    expect(parseSpeedState({ ...SPEED_DEFAULTS, model: 'llama-2-70b', context: '8192' }).errors.context).toBe(
      'Context length must be at most 4,096.',
    );
    expect(contextRule('llama-3.1-70b').max).toBe(131_072);
  });
  it('an empty show list is valid (nothing plotted)', () => {
    const s = parseSpeedState({ ...SPEED_DEFAULTS, show: '' });
    expect(s.show).toEqual([]);
    expect(s.errors.show).toBeUndefined();
  });
  it('never throws, and always resolves the selects to catalog values', () => {
    fc.assert(
      fc.property(
        fc.record({
          model: fc.string(),
          weights: fc.string(),
          gpu: fc.string(),
          gpus: fc.string(),
          batch: fc.string(),
          context: fc.string(),
          kv: fc.string(),
          show: fc.string(),
        }),
        (text: SpeedStateText) => {
          const s = parseSpeedState(text);
          expect(MODELS.some((m) => m.id === s.model)).toBe(true);
          expect(GPUS.some((g) => g.id === s.gpu)).toBe(true);
          expect(speedFormatIds()).toContain(s.weights);
          expect([1, 2, 4, 8, 16]).toContain(s.gpuCount);
          expect(s.batch === null || Number.isInteger(s.batch)).toBe(true);
          expect(s.contextTokens === null || Number.isInteger(s.contextTokens)).toBe(true);
        },
      ),
    );
  });
});

describe('speedStateQuery / speedStateFromQuery', () => {
  it('round-trips any state', () => {
    fc.assert(
      fc.property(
        fc.record({
          model: fc.string(),
          weights: fc.string(),
          gpu: fc.string(),
          gpus: fc.string(),
          batch: fc.string(),
          context: fc.string(),
          kv: fc.string(),
          show: fc.string(),
        }),
        (text) => {
          const t = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.slice(0, 200)])) as SpeedStateText;
          expect(speedStateFromQuery(speedStateQuery(t))).toEqual(t);
        },
      ),
    );
  });
  it('fills missing keys with defaults and ignores unknown ones', () => {
    expect(speedStateFromQuery('?batch=64&foo=1')).toEqual({ ...SPEED_DEFAULTS, batch: '64' });
  });
});

describe('toggleShownFormat(show, format, on)', () => {
  it('keeps legend order', () => {
    expect(toggleShownFormat('bf16,int4-g128', 'int8-w8a8', true)).toBe('bf16,int8-w8a8,int4-g128');
    expect(toggleShownFormat('bf16,int4-g128', 'bf16', false)).toBe('int4-g128');
    expect(toggleShownFormat('', 'bf16', true)).toBe('bf16');
  });
});
