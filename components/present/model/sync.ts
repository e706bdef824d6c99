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
 *
 * Every message carries the protocol version `v` ({@link DECK_PROTOCOL_VERSION}) and is
 * validated on receipt: a page of another version (a window left open across a
 * deploy), another app on the same channel name or a malformed object is ignored,
 * never acted on. Besides the slide (`goto`/`hello`/`state`), the same channel carries
 * widget state shared between the windows (`shared-*`, see {@link sharedReducer}):
 * a quiz reveal, a calculator's fields.
 */
import { nextSlideIndex, type DeckAction } from './keys';

/**
 * The version of the messages below. Bump it when a message changes shape: windows
 * of different versions then ignore each other instead of misreading each other.
 */
export const DECK_PROTOCOL_VERSION = 1;

/** A message on a deck's channel about the slide. `from` is the sender's window id. */
export type DeckMessage =
  /** The sender moved to `slideIndex`; everyone else follows. */
  | { v: typeof DECK_PROTOCOL_VERSION; type: 'goto'; from: string; slideIndex: number; slideCount: number }
  /** The sender just opened and asks which slide the deck is on. */
  | { v: typeof DECK_PROTOCOL_VERSION; type: 'hello'; from: string }
  /** The answer to a hello from `to`: the deck is on `slideIndex`. */
  | {
      v: typeof DECK_PROTOCOL_VERSION;
      type: 'state';
      from: string;
      to: string;
      slideIndex: number;
      slideCount: number;
    };

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
 * @example parseDeckMessage({ v: 1, type: 'hello', from: 'a' }) // { v: 1, type: 'hello', from: 'a' }
 * @example parseDeckMessage({ v: 1, type: 'goto', from: 'a', slideIndex: -1, slideCount: 3 }) // null
 * @example parseDeckMessage({ type: 'hello', from: 'a' }) // null (no version)
 */
export function parseDeckMessage(data: unknown): DeckMessage | null {
  const d = envelope(data);
  if (!d) return null;
  const v = DECK_PROTOCOL_VERSION;
  const slideOk = () =>
    Number.isInteger(d.slideCount) &&
    (d.slideCount as number) >= 1 &&
    Number.isInteger(d.slideIndex) &&
    (d.slideIndex as number) >= 0 &&
    (d.slideIndex as number) < (d.slideCount as number);
  switch (d.type) {
    case 'hello':
      return { v, type: 'hello', from: d.from };
    case 'goto':
      return slideOk()
        ? { v, type: 'goto', from: d.from, slideIndex: d.slideIndex as number, slideCount: d.slideCount as number }
        : null;
    case 'state':
      return slideOk() && isId(d.to)
        ? {
            v,
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
 * @example openDeck('w1', 0, 12).send // { v: 1, type: 'hello', from: 'w1' }
 */
export function openDeck(
  selfId: string,
  slideIndex: number,
  slideCount: number,
): { state: DeckSyncState; send: DeckMessage } {
  nextSlideIndex(slideIndex, slideCount, 'fullscreen'); // validates the pair
  if (!selfId) throw new TypeError('selfId must be a non-empty string');
  return {
    state: { selfId, slideIndex, slideCount, awaitingState: true },
    send: { v: DECK_PROTOCOL_VERSION, type: 'hello', from: selfId },
  };
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
 * // { v: 1, type: 'goto', from: 'a', slideIndex: 1, slideCount: 5 }
 */
export function deckReducer(state: DeckSyncState, event: DeckEvent): DeckStep {
  const none: DeckStep = { state, send: null, changed: null };
  const moveLocal = (slideIndex: number): DeckStep => {
    const next = { ...state, slideIndex, awaitingState: false };
    if (slideIndex === state.slideIndex) return { state: next, send: null, changed: null };
    return {
      state: next,
      send: { v: DECK_PROTOCOL_VERSION, type: 'goto', from: state.selfId, slideIndex, slideCount: state.slideCount },
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
            v: DECK_PROTOCOL_VERSION,
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

/* ------------------------------------------------------------------------------------------------
 * Message envelope: shared by the slide messages and the widget-state messages.
 * --------------------------------------------------------------------------------------------- */

/** Longest window id or shared-state key read from a message; ours are UUIDs (36) and short keys. */
const MAX_ID_CHARS = 120;

function isId(x: unknown): x is string {
  return typeof x === 'string' && x !== '' && x.length <= MAX_ID_CHARS;
}

/**
 * The fields of a message with the right version and a sender id, or null. Every
 * message on a deck channel passes here first.
 */
function envelope(data: unknown): (Record<string, unknown> & { from: string }) | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.v !== DECK_PROTOCOL_VERSION || !isId(d.from)) return null;
  return d as Record<string, unknown> & { from: string };
}

/* ------------------------------------------------------------------------------------------------
 * Shared widget state: a quiz reveal, a calculator's fields, the same in every window of a deck.
 * --------------------------------------------------------------------------------------------- */

/**
 * A value a widget can share: JSON (null, a boolean, a finite number, a string, an
 * array or a plain object of these), as a BroadcastChannel carries it.
 */
export type SharedValue = null | boolean | number | string | SharedValue[] | { [key: string]: SharedValue };

/**
 * Limits on a shared value as received: at most {@link MAX_SHARED_NODES} values in all,
 * arrays and objects nested at most {@link MAX_SHARED_DEPTH} deep, strings of at most {@link MAX_SHARED_STRING_CHARS}
 * characters. A calculator's fields are about ten short strings; anything far larger
 * was not sent by this site, and checking it stays cheap.
 */
export const MAX_SHARED_NODES = 200;
export const MAX_SHARED_DEPTH = 4;
export const MAX_SHARED_STRING_CHARS = 2_000;

/** A shared-state key: letters, digits and `: . _ -`, at most 120 characters (e.g. `quiz:kv-gqa-vs-mha-ratio:revealed`). */
const SHARED_KEY = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,119}$/;

/**
 * Whether `value` is a {@link SharedValue} within the limits above. Linear in the
 * value's size and stops at the first node past {@link MAX_SHARED_NODES}.
 *
 * @example isSharedValue({ batch: '16', open: true }) // true
 * @example isSharedValue({ n: Number.NaN }) // false
 * @example isSharedValue(new Date()) // false
 */
export function isSharedValue(value: unknown): value is SharedValue {
  let nodes = 0;
  const ok = (x: unknown, depth: number): boolean => {
    nodes += 1;
    if (nodes > MAX_SHARED_NODES) return false;
    if (x === null || typeof x === 'boolean') return true;
    if (typeof x === 'number') return Number.isFinite(x);
    if (typeof x === 'string') return x.length <= MAX_SHARED_STRING_CHARS;
    if (typeof x !== 'object' || depth >= MAX_SHARED_DEPTH) return false;
    if (Array.isArray(x)) return x.every((y) => ok(y, depth + 1));
    const proto = Object.getPrototypeOf(x) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.entries(x).every(([k, y]) => k.length <= MAX_ID_CHARS && ok(y, depth + 1));
  };
  return ok(value, 0);
}

/**
 * A guard for a record of strings with exactly these keys, each at most `maxChars`
 * long: how a calculator checks fields that arrive from another window (its own
 * parser then validates the texts as it does a typed value).
 *
 * @example stringRecordGuard(['a'], 10)({ a: 'x' }) // true
 * @example stringRecordGuard(['a'], 10)({ a: 'x', b: 'y' }) // false
 */
export function stringRecordGuard<K extends string>(
  keys: readonly K[],
  maxChars: number,
): (value: unknown) => value is Record<K, string> {
  const wanted = new Set<string>(keys);
  return (value: unknown): value is Record<K, string> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return (
      entries.length === wanted.size &&
      entries.every(([k, v]) => wanted.has(k) && typeof v === 'string' && v.length <= maxChars)
    );
  };
}

/** A message on a deck's channel about one piece of shared widget state, named by `key`. */
export type SharedMessage =
  /** The sender changed the value (a click, a keystroke): everyone with this key adopts it. */
  | { v: typeof DECK_PROTOCOL_VERSION; type: 'shared-set'; from: string; key: string; value: SharedValue }
  /** The sender just opened and asks for the current value. */
  | { v: typeof DECK_PROTOCOL_VERSION; type: 'shared-ask'; from: string; key: string }
  /** The answer to an ask from `to`. */
  | {
      v: typeof DECK_PROTOCOL_VERSION;
      type: 'shared-state';
      from: string;
      to: string;
      key: string;
      value: SharedValue;
    };

/**
 * A shared-state message from anything a channel delivers, or null: wrong version,
 * unknown type, a key that is not a {@link SHARED_KEY}, or a value that is not a
 * {@link SharedValue} within its limits. (The slide messages parse as null here, and
 * these as null in {@link parseDeckMessage}, so both share one channel.)
 *
 * @example parseSharedMessage({ v: 1, type: 'shared-ask', from: 'a', key: 'quiz:q1:revealed' }) // the message
 * @example parseSharedMessage({ v: 2, type: 'shared-ask', from: 'a', key: 'k' }) // null
 */
export function parseSharedMessage(data: unknown): SharedMessage | null {
  const d = envelope(data);
  if (!d || typeof d.key !== 'string' || !SHARED_KEY.test(d.key)) return null;
  const v = DECK_PROTOCOL_VERSION;
  switch (d.type) {
    case 'shared-ask':
      return { v, type: 'shared-ask', from: d.from, key: d.key };
    case 'shared-set':
      return 'value' in d && isSharedValue(d.value)
        ? { v, type: 'shared-set', from: d.from, key: d.key, value: d.value }
        : null;
    case 'shared-state':
      return isId(d.to) && 'value' in d && isSharedValue(d.value)
        ? { v, type: 'shared-state', from: d.from, to: d.to, key: d.key, value: d.value }
        : null;
    default:
      return null;
  }
}

/** One window's copy of one shared value. */
export interface SharedSlot<T extends SharedValue> {
  /** This copy's id (random per widget per page load). */
  selfId: string;
  key: string;
  value: T;
  /**
   * True once the value was changed here or adopted from another window. Only a
   * touched copy answers an ask (an untouched one only knows the default), and an
   * answer is adopted only by an untouched copy (a change made here is not undone
   * by a late answer).
   */
  touched: boolean;
}

/** What can happen to a shared value: a change here, or something arriving on the channel. */
export type SharedEvent<T> = { kind: 'set'; value: T } | { kind: 'receive'; data: unknown };

/** The reducer's answer: the next slot, the message to post (or null), and whether the value shown must change. */
export interface SharedStep<T extends SharedValue> {
  slot: SharedSlot<T>;
  send: SharedMessage | null;
  changed: boolean;
}

/**
 * A widget's shared value opening with `initial`, and the ask it posts.
 *
 * @throws {TypeError} for an empty id, a key outside `[A-Za-z0-9:._-]` (≤ 120 characters), or an initial value that is not shareable.
 * @example openShared('w1', 'quiz:q1:revealed', false).send // { v: 1, type: 'shared-ask', from: 'w1', key: 'quiz:q1:revealed' }
 */
export function openShared<T extends SharedValue>(
  selfId: string,
  key: string,
  initial: T,
): { slot: SharedSlot<T>; send: SharedMessage } {
  if (!isId(selfId)) throw new TypeError('selfId must be a non-empty string of at most 120 characters');
  if (!SHARED_KEY.test(key))
    throw new TypeError(`shared-state key must match ${String(SHARED_KEY)} (got ${JSON.stringify(key)})`);
  if (!isSharedValue(initial)) throw new TypeError(`the initial value of "${key}" is not shareable JSON`);
  return {
    slot: { selfId, key, value: initial, touched: false },
    send: { v: DECK_PROTOCOL_VERSION, type: 'shared-ask', from: selfId, key },
  };
}

/**
 * The shared-state reducer, last writer wins:
 * - a change here is adopted and posted as `shared-set` (nothing is posted when the
 *   value is the same JSON);
 * - a `shared-set` for this key from another window is adopted if `isValid` accepts
 *   its value (the widget's own check: a boolean for a reveal, the field names for a
 *   calculator), and never posted back (no echo);
 * - a `shared-ask` is answered with `shared-state` by a touched copy;
 * - a `shared-state` addressed to this copy is adopted while it is untouched.
 * Anything else (another key, our own message, a malformed message, a value
 * `isValid` rejects) changes nothing.
 *
 * @example
 * const { slot } = openShared('a', 'quiz:q1:revealed', false);
 * sharedReducer(slot, { kind: 'set', value: true }, isBoolean).send
 * // { v: 1, type: 'shared-set', from: 'a', key: 'quiz:q1:revealed', value: true }
 */
export function sharedReducer<T extends SharedValue>(
  slot: SharedSlot<T>,
  event: SharedEvent<T>,
  isValid: (value: unknown) => value is T,
): SharedStep<T> {
  const none: SharedStep<T> = { slot, send: null, changed: false };
  const v = DECK_PROTOCOL_VERSION;
  if (event.kind === 'set') {
    if (!isSharedValue(event.value) || !isValid(event.value)) return none;
    const same = JSON.stringify(event.value) === JSON.stringify(slot.value);
    const next = { ...slot, value: event.value, touched: true };
    return {
      slot: next,
      send: same ? null : { v, type: 'shared-set', from: slot.selfId, key: slot.key, value: event.value },
      changed: !same,
    };
  }
  const msg = parseSharedMessage(event.data);
  if (!msg || msg.from === slot.selfId || msg.key !== slot.key) return none;
  switch (msg.type) {
    case 'shared-ask':
      return slot.touched
        ? {
            slot,
            send: { v, type: 'shared-state', from: slot.selfId, to: msg.from, key: slot.key, value: slot.value },
            changed: false,
          }
        : none;
    case 'shared-set':
    case 'shared-state': {
      if (msg.type === 'shared-state' && (msg.to !== slot.selfId || slot.touched)) return none;
      if (!isValid(msg.value)) return none;
      const same = JSON.stringify(msg.value) === JSON.stringify(slot.value);
      return { slot: { ...slot, value: msg.value, touched: true }, send: null, changed: !same };
    }
  }
}

/** A guard for booleans (a quiz reveal). @example isBoolean(true) // true */
export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}
