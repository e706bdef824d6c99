/**
 * Keeping the windows of one deck on the same slide: the audience window (on the
 * projector) and the presenter window (notes, next slide, timer) talk over a
 * `BroadcastChannel` named {@link deckChannelName}(slug). Either one can be driven;
 * the other follows. This module holds the message types, their validation and the
 * reducer; components/present/DeckController wires it to the channel, the keys and
 * the URL hash.
 *
 * Lessons from other tools (presenter tools that keep two windows in sync over BroadcastChannel, e.g. reveal.js's speaker view):
 * - one channel per lesson, so two decks open at once do not share a slide index
 *   (mdx-deck #456);
 * - a window never acts on its own messages, and a slide change that came from the
 *   channel is not sent back (no echo loops);
 * - a window that opens late asks for the current slide ("hello") and only a window
 *   that has settled answers, so two windows opening together do not swap slides.
 */
import { nextSlideIndex, type DeckAction } from './keys';

/** A message on a deck's channel. `from` is the sender's window id. */
export type DeckMessage =
  /** The sender moved to `slideIndex`; everyone else follows. */
  | { type: 'goto'; from: string; slideIndex: number; slideCount: number }
  /** The sender just opened and asks which slide the deck is on. */
  | { type: 'hello'; from: string }
  /** The answer to a hello from `to`: the deck is on `slideIndex`. */
  | { type: 'state'; from: string; to: string; slideIndex: number; slideCount: number };

/** The channel name of a lesson's deck. @example deckChannelName('memory') // 'present:memory' */
export function deckChannelName(slug: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
    throw new TypeError(`slug must be kebab-case (got ${JSON.stringify(slug)})`);
  return `present:${slug}`;
}

/**
 * A deck message from anything a channel delivers, or null when it is not one
 * (another app on the same channel name, an older page version, a malformed object).
 *
 * @example parseDeckMessage({ type: 'hello', from: 'a' }) // { type: 'hello', from: 'a' }
 * @example parseDeckMessage({ type: 'goto', from: 'a', slideIndex: -1, slideCount: 3 }) // null
 */
export function parseDeckMessage(data: unknown): DeckMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.from !== 'string' || d.from === '') return null;
  const slideOk = () =>
    Number.isInteger(d.slideCount) &&
    (d.slideCount as number) >= 1 &&
    Number.isInteger(d.slideIndex) &&
    (d.slideIndex as number) >= 0 &&
    (d.slideIndex as number) < (d.slideCount as number);
  switch (d.type) {
    case 'hello':
      return { type: 'hello', from: d.from };
    case 'goto':
      return slideOk()
        ? { type: 'goto', from: d.from, slideIndex: d.slideIndex as number, slideCount: d.slideCount as number }
        : null;
    case 'state':
      return slideOk() && typeof d.to === 'string'
        ? {
            type: 'state',
            from: d.from,
            to: d.to,
            slideIndex: d.slideIndex as number,
            slideCount: d.slideCount as number,
          }
        : null;
    default:
      return null;
  }
}

/** One window's view of the deck. */
export interface DeckSyncState {
  /** This window's id (random per page load). */
  selfId: string;
  slideIndex: number;
  slideCount: number;
  /**
   * True from opening until another window answers our hello, we navigate, or the
   * wait is over (`settled`). A window that has not settled does not answer hellos.
   */
  awaitingState: boolean;
}

/** What can happen to a window's deck. */
export type DeckEvent =
  /** A key or button here. */
  | { kind: 'navigate'; action: DeckAction }
  /** A jump here to a slide (the hash changed: Back/Forward, a typed URL). */
  | { kind: 'goto'; slideIndex: number }
  /** Something arrived on the channel. */
  | { kind: 'receive'; data: unknown }
  /** Nobody answered our hello in time: this window's slide is the deck's slide. */
  | { kind: 'settled' };

/** Where a slide change came from: here (move focus, update the hash with a new history entry) or another window. */
export type SlideChangeOrigin = 'local' | 'remote';

/** The reducer's answer: the next state, the message to post (or null), and how the slide changed (or null). */
export interface DeckStep {
  state: DeckSyncState;
  send: DeckMessage | null;
  changed: SlideChangeOrigin | null;
}

/**
 * A window opening on `slideIndex` (from its hash) and the hello it posts.
 *
 * @throws {RangeError} unless 0 ≤ slideIndex < slideCount (integers).
 * @example openDeck('w1', 0, 12).send // { type: 'hello', from: 'w1' }
 */
export function openDeck(
  selfId: string,
  slideIndex: number,
  slideCount: number,
): { state: DeckSyncState; send: DeckMessage } {
  nextSlideIndex(slideIndex, slideCount, 'fullscreen'); // validates the pair
  if (!selfId) throw new TypeError('selfId must be a non-empty string');
  return { state: { selfId, slideIndex, slideCount, awaitingState: true }, send: { type: 'hello', from: selfId } };
}

/**
 * The deck reducer. Local moves are posted as `goto`; a `goto` from another window
 * moves this one without posting anything back; a `hello` gets a `state` reply once
 * this window has settled; a `state` addressed to us is adopted while we wait for one.
 * Messages from ourselves, for a deck of another size (a stale page) or malformed are
 * ignored.
 *
 * @example
 * const { state } = openDeck('a', 0, 5);
 * deckReducer(state, { kind: 'navigate', action: 'next' }).send
 * // { type: 'goto', from: 'a', slideIndex: 1, slideCount: 5 }
 */
export function deckReducer(state: DeckSyncState, event: DeckEvent): DeckStep {
  const none: DeckStep = { state, send: null, changed: null };
  const moveLocal = (slideIndex: number): DeckStep => {
    const next = { ...state, slideIndex, awaitingState: false };
    if (slideIndex === state.slideIndex) return { state: next, send: null, changed: null };
    return {
      state: next,
      send: { type: 'goto', from: state.selfId, slideIndex, slideCount: state.slideCount },
      changed: 'local',
    };
  };
  switch (event.kind) {
    case 'navigate':
      if (event.action === 'fullscreen') return none;
      return moveLocal(nextSlideIndex(state.slideIndex, state.slideCount, event.action));
    case 'goto':
      if (!Number.isInteger(event.slideIndex) || event.slideIndex < 0 || event.slideIndex >= state.slideCount)
        return none;
      return moveLocal(event.slideIndex);
    case 'settled':
      return state.awaitingState ? { state: { ...state, awaitingState: false }, send: null, changed: null } : none;
    case 'receive': {
      const msg = parseDeckMessage(event.data);
      if (!msg || msg.from === state.selfId) return none;
      if (msg.type === 'hello') {
        if (state.awaitingState) return none;
        return {
          state,
          send: {
            type: 'state',
            from: state.selfId,
            to: msg.from,
            slideIndex: state.slideIndex,
            slideCount: state.slideCount,
          },
          changed: null,
        };
      }
      if (msg.slideCount !== state.slideCount) return none;
      if (msg.type === 'state' && (msg.to !== state.selfId || !state.awaitingState)) return none;
      const next = { ...state, slideIndex: msg.slideIndex, awaitingState: false };
      return { state: next, send: null, changed: msg.slideIndex === state.slideIndex ? null : 'remote' };
    }
  }
}
