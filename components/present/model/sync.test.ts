import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deckChannelName, deckReducer, openDeck, parseDeckMessage, type DeckMessage, type DeckSyncState } from './sync';

/** Two windows on one channel: deliver each posted message to the other window, as BroadcastChannel does. */
function pair(slideCount: number, audienceAt = 0, presenterAt = 0) {
  let audience = openDeck('audience', audienceAt, slideCount).state;
  let presenter = openDeck('presenter', presenterAt, slideCount).state;
  const deliver = (to: 'audience' | 'presenter', msg: DeckMessage | null) => {
    if (!msg) return;
    if (to === 'audience') {
      const step = deckReducer(audience, { kind: 'receive', data: msg });
      audience = step.state;
      deliver('presenter', step.send);
    } else {
      const step = deckReducer(presenter, { kind: 'receive', data: msg });
      presenter = step.state;
      deliver('audience', step.send);
    }
  };
  return {
    get audience() {
      return audience;
    },
    get presenter() {
      return presenter;
    },
    settle() {
      audience = deckReducer(audience, { kind: 'settled' }).state;
      presenter = deckReducer(presenter, { kind: 'settled' }).state;
    },
    drive(who: 'audience' | 'presenter', action: 'next' | 'prev' | 'first' | 'last') {
      const step = deckReducer(who === 'audience' ? audience : presenter, { kind: 'navigate', action });
      if (who === 'audience') audience = step.state;
      else presenter = step.state;
      deliver(who === 'audience' ? 'presenter' : 'audience', step.send);
      return step;
    },
    hello(who: 'audience' | 'presenter') {
      deliver(who === 'audience' ? 'presenter' : 'audience', { type: 'hello', from: who });
    },
  };
}

describe('deck sync', () => {
  it('names one channel per lesson, so two decks do not share a slide index', () => {
    expect(deckChannelName('memory')).toBe('present:memory');
    expect(deckChannelName('speed')).not.toBe(deckChannelName('memory'));
    expect(() => deckChannelName('Memory Lesson')).toThrow(/slug must be kebab-case/);
  });

  it('the presenter follows the audience window, and back', () => {
    const w = pair(10);
    w.drive('audience', 'next');
    w.drive('audience', 'next');
    expect([w.audience.slideIndex, w.presenter.slideIndex]).toEqual([2, 2]);
    w.drive('presenter', 'last');
    expect([w.audience.slideIndex, w.presenter.slideIndex]).toEqual([9, 9]);
    w.drive('presenter', 'prev');
    expect(w.audience.slideIndex).toBe(8);
  });

  it('does not echo: a remote move posts nothing, a local move posts one goto', () => {
    const { state } = openDeck('a', 0, 5);
    const local = deckReducer(state, { kind: 'navigate', action: 'next' });
    expect(local.send).toEqual({ type: 'goto', from: 'a', slideIndex: 1, slideCount: 5 });
    expect(local.changed).toBe('local');
    const remote = deckReducer(state, {
      kind: 'receive',
      data: { type: 'goto', from: 'b', slideIndex: 3, slideCount: 5 },
    });
    expect(remote.send).toBeNull();
    expect(remote.changed).toBe('remote');
    expect(remote.state.slideIndex).toBe(3);
    // Our own message coming back (two channel objects in one window) is ignored.
    expect(deckReducer(state, { kind: 'receive', data: local.send }).state).toBe(state);
  });

  it('posts nothing when a move stays put (first slide, prev)', () => {
    const { state } = openDeck('a', 0, 5);
    expect(deckReducer(state, { kind: 'navigate', action: 'prev' }).send).toBeNull();
    expect(deckReducer(state, { kind: 'navigate', action: 'fullscreen' }).send).toBeNull();
  });

  it('a window that opens late asks and adopts the current slide', () => {
    const { state: a0 } = openDeck('a', 0, 8);
    let a = deckReducer(a0, { kind: 'navigate', action: 'last' }).state; // a has been presenting: slide 8
    const { state: b0, send: hello } = openDeck('b', 0, 8); // b opens on slide 1
    const answer = deckReducer(a, { kind: 'receive', data: hello });
    a = answer.state;
    expect(answer.send).toEqual({ type: 'state', from: 'a', to: 'b', slideIndex: 7, slideCount: 8 });
    const b = deckReducer(b0, { kind: 'receive', data: answer.send });
    expect(b.state.slideIndex).toBe(7);
    expect(b.changed).toBe('remote');
    // A second answer (a third window) after b settled is ignored.
    expect(
      deckReducer(b.state, { kind: 'receive', data: { ...answer.send!, from: 'c', slideIndex: 2 } }).state.slideIndex,
    ).toBe(7);
  });

  it('two windows opening together do not swap slides: only a settled window answers', () => {
    const w = pair(10, 2, 5);
    w.hello('audience');
    w.hello('presenter');
    expect([w.audience.slideIndex, w.presenter.slideIndex]).toEqual([2, 5]);
    w.settle();
    w.drive('audience', 'next');
    expect([w.audience.slideIndex, w.presenter.slideIndex]).toEqual([3, 3]);
  });

  it('ignores state answers meant for another window, and decks of another size', () => {
    const { state } = openDeck('a', 0, 5);
    expect(
      deckReducer(state, { kind: 'receive', data: { type: 'state', from: 'b', to: 'z', slideIndex: 3, slideCount: 5 } })
        .state,
    ).toBe(state);
    expect(
      deckReducer(state, { kind: 'receive', data: { type: 'goto', from: 'b', slideIndex: 3, slideCount: 6 } }).state,
    ).toBe(state);
  });

  it('a local goto (Back, a typed hash) outside the deck is ignored', () => {
    const { state } = openDeck('a', 1, 5);
    expect(deckReducer(state, { kind: 'goto', slideIndex: 5 }).state).toBe(state);
    expect(deckReducer(state, { kind: 'goto', slideIndex: 3 }).send).toMatchObject({ type: 'goto', slideIndex: 3 });
  });

  it('parses only well-formed messages', () => {
    expect(parseDeckMessage({ type: 'hello', from: 'x' })).toEqual({ type: 'hello', from: 'x' });
    for (const bad of [
      null,
      'goto',
      3,
      {},
      { type: 'hello' },
      { type: 'hello', from: '' },
      { type: 'goto', from: 'x', slideIndex: 5, slideCount: 5 },
      { type: 'goto', from: 'x', slideIndex: 1.5, slideCount: 5 },
      { type: 'state', from: 'x', slideIndex: 1, slideCount: 5 },
      { type: 'reload', from: 'x' },
    ]) {
      expect(parseDeckMessage(bad)).toBeNull();
    }
  });

  it('after any sequence of drives from either side, both windows show the same slide (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(
          fc.tuple(
            fc.constantFrom<'audience' | 'presenter'>('audience', 'presenter'),
            fc.constantFrom<'next' | 'prev' | 'first' | 'last'>('next', 'prev', 'first', 'last'),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (n, drives) => {
          const w = pair(n);
          w.settle();
          for (const [who, action] of drives) w.drive(who, action);
          expect(w.audience.slideIndex).toBe(w.presenter.slideIndex);
        },
      ),
    );
  });

  it('never leaves the deck, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.anything(), { maxLength: 20 }), (n, junk) => {
        let s: DeckSyncState = openDeck('me', 0, n).state;
        for (const data of junk) s = deckReducer(s, { kind: 'receive', data }).state;
        expect(s.slideIndex).toBeGreaterThanOrEqual(0);
        expect(s.slideIndex).toBeLessThan(n);
      }),
    );
  });
});
