import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyAction, nextSlideIndex, slideHash, slideIndexFromHash, type DeckAction, type KeyTarget } from './keys';

describe('keyAction', () => {
  it('maps the presentation keys on the page', () => {
    const cases: Array<[string, boolean, DeckAction]> = [
      ['ArrowRight', false, 'next'],
      ['PageDown', false, 'next'],
      [' ', false, 'next'],
      ['ArrowLeft', false, 'prev'],
      ['PageUp', false, 'prev'],
      [' ', true, 'prev'],
      ['Home', false, 'first'],
      ['End', false, 'last'],
      ['f', false, 'fullscreen'],
      ['F', true, 'fullscreen'],
    ];
    for (const [key, shiftKey, action] of cases) expect(keyAction({ key, shiftKey }, 'page')).toBe(action);
  });

  it('leaves keys to text fields and widgets, so a calculator on a slide still works', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', 'PageDown', 'f']) {
      expect(keyAction({ key }, 'text-entry')).toBeNull();
      expect(keyAction({ key }, 'widget')).toBeNull();
    }
  });

  it('lets Space press a focused button or link instead of also turning the slide', () => {
    expect(keyAction({ key: ' ' }, 'control')).toBeNull();
    expect(keyAction({ key: 'ArrowRight' }, 'control')).toBe('next');
  });

  it('ignores browser shortcuts and keys it does not know', () => {
    expect(keyAction({ key: 'ArrowLeft', altKey: true }, 'page')).toBeNull(); // Alt+← is Back
    expect(keyAction({ key: 'f', ctrlKey: true }, 'page')).toBeNull(); // Ctrl+F is Find
    expect(keyAction({ key: 'ArrowRight', metaKey: true }, 'page')).toBeNull();
    expect(keyAction({ key: 'ArrowDown' }, 'page')).toBeNull(); // scrolls a long slide
    expect(keyAction({ key: 'Enter' }, 'page')).toBeNull();
  });

  it('never acts inside a text field, whatever the key (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.boolean(),
        fc.constantFrom<KeyTarget>('text-entry', 'widget'),
        (key, shiftKey, target) => {
          expect(keyAction({ key, shiftKey }, target)).toBeNull();
        },
      ),
    );
  });
});

describe('nextSlideIndex', () => {
  it('moves and clamps', () => {
    expect(nextSlideIndex(0, 5, 'next')).toBe(1);
    expect(nextSlideIndex(4, 5, 'next')).toBe(4);
    expect(nextSlideIndex(0, 5, 'prev')).toBe(0);
    expect(nextSlideIndex(3, 5, 'first')).toBe(0);
    expect(nextSlideIndex(1, 5, 'last')).toBe(4);
    expect(nextSlideIndex(2, 5, 'fullscreen')).toBe(2);
  });
  it('rejects an index outside the deck, naming it', () => {
    expect(() => nextSlideIndex(5, 5, 'next')).toThrow(/slideIndex must be an integer from 0 to 4/);
    expect(() => nextSlideIndex(0, 0, 'next')).toThrow(/slideCount/);
  });
  it('stays in the deck and moves by at most one for next/prev (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))),
        fc.constantFrom<DeckAction>('next', 'prev', 'first', 'last', 'fullscreen'),
        ([n, i], a) => {
          const j = nextSlideIndex(i, n, a);
          expect(j).toBeGreaterThanOrEqual(0);
          expect(j).toBeLessThan(n);
          if (a === 'next' || a === 'prev') expect(Math.abs(j - i)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('slide hash', () => {
  it('reads 1-based slide numbers', () => {
    expect(slideIndexFromHash('#1', 12)).toBe(0);
    expect(slideIndexFromHash('#12', 12)).toBe(11);
    expect(slideIndexFromHash('3', 12)).toBe(2);
  });
  it('returns null for anything else', () => {
    for (const h of ['', '#', '#0', '#13', '#03', '#x', '#1.5', '#-1', '#int8-under-1', '#1e3'])
      expect(slideIndexFromHash(h, 12)).toBeNull();
  });
  it('round-trips with slideHash (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))),
        ([n, i]) => {
          expect(slideIndexFromHash(slideHash(i), n)).toBe(i);
        },
      ),
    );
    expect(() => slideHash(-1)).toThrow(/slideIndex/);
  });
});
