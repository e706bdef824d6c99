import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertJson } from './island';
import { prefixed } from '../ui/prefixed';

describe('assertJson (island props must survive JSON)', () => {
  it('accepts JSON values and drops undefined fields the way JSON.stringify does', () => {
    expect(() => assertJson({ a: 1, b: 'x', c: [true, null, { d: 2.5 }], e: undefined }, 'p')).not.toThrow();
  });

  it('names the prop that is not JSON', () => {
    expect(() => assertJson({ onChange: () => 1 }, 'memory-calculator props')).toThrow(/memory-calculator props\.onChange is not JSON \(got function\)/);
    expect(() => assertJson({ when: new Date(0) }, 'p')).toThrow(/p\.when is not JSON \(got a non-plain object\)/);
    expect(() => assertJson({ list: [1, Number.NaN] }, 'p')).toThrow(/p\.list\[1\] is NaN/);
    expect(() => assertJson({ x: Infinity }, 'p')).toThrow(/p\.x is Infinity/);
  });

  it('accepts any JSON value, and rejects it once a function is nested anywhere inside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (v, depth) => {
        expect(() => assertJson(v, 'v')).not.toThrow();
        let poisoned: unknown = () => 0;
        for (let i = 0; i < depth % 4; i++) poisoned = i % 2 ? [v, poisoned] : { v, p: poisoned };
        expect(() => assertJson({ ok: v, bad: poisoned }, 'v')).toThrow(/is not JSON \(got function\)/);
      }),
    );
  });
});

describe('prefixed (class names for widget stylesheets)', () => {
  it('prefixes any key', () => {
    const s = prefixed('mc');
    expect(s.widget).toBe('mc-widget');
    expect(s['gpuTable']).toBe('mc-gpuTable');
  });
});
