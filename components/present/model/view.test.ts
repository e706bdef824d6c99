import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deckView, deckViewHref, type DeckView } from './view';

describe('deckView', () => {
  it('reads the four views', () => {
    expect(deckView('')).toBe('deck');
    expect(deckView('?view=audience')).toBe('audience');
    expect(deckView('?view=presenter')).toBe('presenter');
    expect(deckView('?view=remote')).toBe('remote');
    expect(deckView('view=remote&x=1')).toBe('remote'); // URLSearchParams takes it with or without "?"
  });
  it('falls back to the plain deck for anything else', () => {
    for (const s of ['?view=', '?view=Remote', '?view=remote&view=presenter', '?view=speaker', '?views=remote'])
      expect(deckView(s)).toBe('deck');
  });
  it('always answers one of the four views (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(['deck', 'audience', 'presenter', 'remote']).toContain(deckView(s));
      }),
    );
  });
  it('links round-trip through deckView', () => {
    for (const v of ['deck', 'audience', 'presenter', 'remote'] as DeckView[]) {
      const href = deckViewHref('memory', v, '#3');
      expect(href.endsWith('#3')).toBe(true);
      expect(deckView(new URL(href, 'http://x').search)).toBe(v);
    }
    expect(deckViewHref('speed', 'remote', '#1')).toBe('/present/speed?view=remote#1');
  });
});
