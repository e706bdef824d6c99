import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DECK_PROTOCOL_VERSION,
  MAX_SHARED_NODES,
  MAX_SHARED_STRING_CHARS,
  deckChannelName,
  deckReducer,
  isBoolean,
  isSharedValue,
  openDeck,
  openShared,
  parseDeckMessage,
  parseSharedMessage,
  sharedReducer,
  stringRecordGuard,
  type DeckMessage,
  type DeckSyncState,
  type SharedMessage,
  type SharedSlot,
  type SharedValue,
} from './sync';

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
      deliver(who === 'audience' ? 'presenter' : 'audience', { v: 1, type: 'hello', from: who });
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
    expect(local.send).toEqual({ v: 1, type: 'goto', from: 'a', slideIndex: 1, slideCount: 5 });
    expect(local.changed).toBe('local');
    const remote = deckReducer(state, {
      kind: 'receive',
      data: { v: 1, type: 'goto', from: 'b', slideIndex: 3, slideCount: 5 },
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
    expect(answer.send).toEqual({ v: 1, type: 'state', from: 'a', to: 'b', slideIndex: 7, slideCount: 8 });
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
      deckReducer(state, {
        kind: 'receive',
        data: { v: 1, type: 'state', from: 'b', to: 'z', slideIndex: 3, slideCount: 5 },
      }).state,
    ).toBe(state);
    expect(
      deckReducer(state, { kind: 'receive', data: { v: 1, type: 'goto', from: 'b', slideIndex: 3, slideCount: 6 } })
        .state,
    ).toBe(state);
  });

  it('a local goto (Back, a typed hash) outside the deck is ignored', () => {
    const { state } = openDeck('a', 1, 5);
    expect(deckReducer(state, { kind: 'goto', slideIndex: 5 }).state).toBe(state);
    expect(deckReducer(state, { kind: 'goto', slideIndex: 3 }).send).toMatchObject({
      v: 1,
      type: 'goto',
      slideIndex: 3,
    });
  });

  it('parses only well-formed messages', () => {
    expect(parseDeckMessage({ v: 1, type: 'hello', from: 'x' })).toEqual({ v: 1, type: 'hello', from: 'x' });
    for (const bad of [
      null,
      'goto',
      3,
      {},
      { v: 1, type: 'hello' },
      { v: 1, type: 'hello', from: '' },
      { v: 1, type: 'goto', from: 'x', slideIndex: 5, slideCount: 5 },
      { v: 1, type: 'goto', from: 'x', slideIndex: 1.5, slideCount: 5 },
      { v: 1, type: 'state', from: 'x', slideIndex: 1, slideCount: 5 },
      { v: 1, type: 'reload', from: 'x' },
      // The version is checked first: a page of another version (open across a deploy) is not read.
      { type: 'hello', from: 'x' },
      { v: 2, type: 'hello', from: 'x' },
      { v: '1', type: 'goto', from: 'x', slideIndex: 1, slideCount: 5 },
      { v: 1, type: 'hello', from: 'x'.repeat(121) },
      [{ v: 1, type: 'hello', from: 'x' }],
    ]) {
      expect(parseDeckMessage(bad)).toBeNull();
    }
  });

  it('ignores a slide message of another protocol version (a window left open across a deploy)', () => {
    const { state } = openDeck('a', 0, 5);
    const old = { type: 'goto', from: 'b', slideIndex: 3, slideCount: 5 }; // the unversioned messages before v1
    expect(deckReducer(state, { kind: 'receive', data: old }).state).toBe(state);
    expect(deckReducer(state, { kind: 'receive', data: { ...old, v: 2 } }).state).toBe(state);
    expect(deckReducer(state, { kind: 'receive', data: { ...old, v: DECK_PROTOCOL_VERSION } }).state.slideIndex).toBe(
      3,
    );
  });

  it('leaves shared-state messages to the widgets, and slide messages to the deck', () => {
    const ask = { v: 1, type: 'shared-ask', from: 'b', key: 'quiz:q1:revealed' };
    expect(parseDeckMessage(ask)).toBeNull();
    expect(parseSharedMessage({ v: 1, type: 'goto', from: 'b', slideIndex: 1, slideCount: 5 })).toBeNull();
    const { state } = openDeck('a', 0, 5);
    expect(deckReducer(state, { kind: 'receive', data: ask })).toEqual({ state, send: null, changed: null });
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

/**
 * Windows each holding one copy of a shared value, on one channel: a posted message
 * reaches every other copy (BroadcastChannel does not deliver to its sender), and the
 * answers it causes are delivered in turn.
 */
function sharedWindows<T extends SharedValue>(
  names: string[],
  key: string,
  initial: T,
  isValid: (v: unknown) => v is T,
) {
  const slots = new Map<string, SharedSlot<T>>();
  const post = (from: string, msg: SharedMessage | null) => {
    if (!msg) return;
    for (const [name, slot] of slots) {
      if (name === from) continue;
      const step = sharedReducer(slot, { kind: 'receive', data: msg }, isValid);
      slots.set(name, step.slot);
      post(name, step.send);
    }
  };
  const open = (name: string) => {
    const { slot, send } = openShared(name, key, initial);
    slots.set(name, slot);
    post(name, send);
  };
  for (const name of names) open(name);
  return {
    open,
    value: (name: string) => slots.get(name)!.value,
    set(name: string, value: T) {
      const step = sharedReducer(slots.get(name)!, { kind: 'set', value }, isValid);
      slots.set(name, step.slot);
      post(name, step.send);
      return step;
    },
  };
}

describe('shared widget state', () => {
  const KEY = 'quiz:kv-gqa-vs-mha-ratio:revealed';

  it('a reveal in the presenter window shows in the audience window, and hiding it too', () => {
    const w = sharedWindows(['audience', 'presenter'], KEY, false, isBoolean);
    const step = w.set('presenter', true);
    expect(step.send).toEqual({ v: 1, type: 'shared-set', from: 'presenter', key: KEY, value: true });
    expect(w.value('audience')).toBe(true);
    w.set('audience', false);
    expect(w.value('presenter')).toBe(false);
  });

  it('a window that opens later asks and gets the current value; before any change nobody answers', () => {
    const w = sharedWindows(['audience'], KEY, false, isBoolean);
    w.open('presenter'); // nothing changed yet: the audience copy is untouched and stays quiet
    expect(w.value('presenter')).toBe(false);
    w.set('audience', true);
    w.open('remote');
    expect(w.value('remote')).toBe(true);
  });

  it('a late answer does not undo a change made here', () => {
    const { slot } = openShared('me', KEY, false);
    const mine = sharedReducer(slot, { kind: 'set', value: true }, isBoolean).slot;
    const answer = { v: 1, type: 'shared-state', from: 'other', to: 'me', key: KEY, value: false };
    expect(sharedReducer(mine, { kind: 'receive', data: answer }, isBoolean).slot.value).toBe(true);
    // …but an untouched copy adopts it, and only an answer addressed to it.
    expect(sharedReducer(slot, { kind: 'receive', data: answer }, isBoolean).slot.value).toBe(false);
    expect(sharedReducer(slot, { kind: 'receive', data: { ...answer, value: true } }, isBoolean).changed).toBe(true);
    expect(sharedReducer(slot, { kind: 'receive', data: { ...answer, to: 'x', value: true } }, isBoolean).slot).toBe(
      slot,
    );
  });

  it('posts nothing when the value does not change, and never echoes a received value', () => {
    const { slot } = openShared('a', KEY, false);
    expect(sharedReducer(slot, { kind: 'set', value: false }, isBoolean).send).toBeNull();
    const got = sharedReducer(
      slot,
      { kind: 'receive', data: { v: 1, type: 'shared-set', from: 'b', key: KEY, value: true } },
      isBoolean,
    );
    expect(got).toMatchObject({ send: null, changed: true });
    // Our own message coming back is ignored.
    const own = sharedReducer(slot, { kind: 'set', value: true }, isBoolean).send;
    expect(sharedReducer(slot, { kind: 'receive', data: own }, isBoolean).slot).toBe(slot);
  });

  it("ignores other keys, values the widget's guard rejects, other versions and malformed messages", () => {
    const { slot } = openShared('a', KEY, false);
    const set = { v: 1, type: 'shared-set', from: 'b', key: KEY, value: true };
    for (const bad of [
      { ...set, key: 'quiz:other:revealed' },
      { ...set, value: 'yes' }, // shareable, but not a boolean: isBoolean rejects it
      { ...set, v: 2 },
      { ...set, v: undefined },
      { ...set, key: 'has space' },
      { ...set, key: '' },
      { ...set, from: '' },
      { v: 1, type: 'shared-set', from: 'b', key: KEY }, // no value
      { v: 1, type: 'shared-state', from: 'b', key: KEY, value: true }, // no addressee
      { ...set, type: 'shared-delete' },
      null,
      'shared-set',
    ]) {
      expect(sharedReducer(slot, { kind: 'receive', data: bad }, isBoolean).slot, JSON.stringify(bad)).toBe(slot);
    }
  });

  it('syncs a calculator: field texts with exactly the expected names', () => {
    const fields = ['batch', 'context'] as const;
    const guard = stringRecordGuard(fields, 64);
    const w = sharedWindows(['audience', 'presenter'], 'memory-calculator', { batch: '1', context: '4096' }, guard);
    w.set('presenter', { batch: '16', context: '4096' });
    expect(w.value('audience')).toEqual({ batch: '16', context: '4096' });
    expect(guard({ batch: '16' })).toBe(false); // a field missing
    expect(guard({ batch: '16', context: '1', extra: 'x' })).toBe(false);
    expect(guard({ batch: 16, context: '1' })).toBe(false);
    expect(guard({ batch: 'x'.repeat(65), context: '1' })).toBe(false);
    expect(guard(['16', '1'])).toBe(false);
  });

  it('bounds what it reads: depth, size, string length, non-JSON values', () => {
    expect(isSharedValue({ a: [1, 'x', null, { b: true }] })).toBe(true);
    expect(isSharedValue([[[[1]]]])).toBe(true); // arrays or objects nested 4 deep: MAX_SHARED_DEPTH
    expect(isSharedValue([[[[[1]]]]])).toBe(false); // 5 deep
    expect(isSharedValue(Array.from({ length: MAX_SHARED_NODES }, () => 0))).toBe(false); // the array itself is a node
    expect(isSharedValue(Array.from({ length: MAX_SHARED_NODES - 1 }, () => 0))).toBe(true);
    expect(isSharedValue('x'.repeat(MAX_SHARED_STRING_CHARS + 1))).toBe(false);
    for (const bad of [Number.NaN, Infinity, undefined, () => 1, new Date(0), new Map(), Symbol('s'), 1n]) {
      expect(isSharedValue(bad)).toBe(false);
    }
    expect(() => openShared('a', 'bad key', false)).toThrow(/shared-state key must match/);
    expect(() => openShared('', KEY, false)).toThrow(/selfId/);
    expect(() => openShared('a', KEY, Number.NaN as unknown as SharedValue)).toThrow(/not shareable/);
  });

  it('a huge array is rejected without walking all of it (linear, bounded)', () => {
    const huge = Array.from({ length: 1_000_000 }, () => 0);
    const t0 = performance.now();
    expect(isSharedValue(huge)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('after any sequence of changes from any window, every window shows the last change (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('audience', 'presenter', 'remote'), fc.boolean()), {
          minLength: 1,
          maxLength: 30,
        }),
        (changes) => {
          const w = sharedWindows(['audience', 'presenter', 'remote'], KEY, false, isBoolean);
          for (const [who, value] of changes) w.set(who, value);
          const last = changes[changes.length - 1]![1];
          expect([w.value('audience'), w.value('presenter'), w.value('remote')]).toEqual([last, last, last]);
        },
      ),
    );
  });

  it('whatever arrives, the value stays one the widget accepts (property)', () => {
    const arb = fc.oneof(
      fc.anything(),
      fc.record({
        v: fc.constantFrom(1, 2, '1'),
        type: fc.constantFrom('shared-set', 'shared-state', 'shared-ask', 'goto'),
        from: fc.constantFrom('b', '', 'a'),
        to: fc.constantFrom('a', 'z'),
        key: fc.constantFrom(KEY, 'other'),
        value: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), (junk) => {
        let slot = openShared<boolean>('a', KEY, false).slot;
        for (const data of junk) slot = sharedReducer(slot, { kind: 'receive', data }, isBoolean).slot;
        expect(typeof slot.value).toBe('boolean');
      }),
    );
  });
});
