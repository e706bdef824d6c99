'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { deckChannelName, openShared, sharedReducer, type SharedSlot, type SharedValue } from './model/sync';

/** A random id for one copy of a shared value (per widget, per page load). */
function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`;
}

/**
 * `useState` that, on a slide deck page (`/present/<slug>`, any view), is shared with
 * every other window of the same deck in this browser: the presenter reveals a quiz
 * answer, the audience window shows it. Outside a deck (a lesson, a tool page), or with
 * `key` null, or without BroadcastChannel, it is plain local state.
 *
 * `key` names the value within the deck (e.g. `quiz:<question id>:revealed`); `isValid`
 * checks a value that arrives from another window before it is adopted (a boolean, a
 * calculator's field names): anything it rejects is ignored. The protocol (versioned,
 * validated messages, late joiners ask for the current value) is components/present/model/sync.ts.
 *
 * The deck is found in the DOM (`[data-deck]`, rendered by components/present/Deck):
 * each island is its own React root, so no context reaches across them.
 */
export function useSharedState<T extends SharedValue>(
  key: string | null,
  initial: T,
  isValid: (value: unknown) => value is T,
): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(initial);
  const valueRef = useRef<T>(initial);
  const slotRef = useRef<SharedSlot<T> | null>(null);
  const channelRef = useRef<BroadcastChannel | null>(null);
  const guardRef = useRef(isValid);
  useEffect(() => {
    guardRef.current = isValid;
  });

  useEffect(() => {
    if (key === null || typeof BroadcastChannel === 'undefined') return;
    const slug = document.querySelector<HTMLElement>('[data-deck]')?.dataset.deck;
    if (!slug) return;
    let channel: BroadcastChannel;
    let opened: ReturnType<typeof openShared<T>>;
    try {
      opened = openShared(newId(), key, valueRef.current);
      channel = new BroadcastChannel(deckChannelName(slug));
    } catch {
      return; // a key or slug the protocol refuses: stay local rather than break the widget
    }
    slotRef.current = opened.slot;
    channelRef.current = channel;
    channel.onmessage = (e: MessageEvent) => {
      const slot = slotRef.current;
      if (!slot) return;
      const step = sharedReducer(slot, { kind: 'receive', data: e.data }, guardRef.current);
      slotRef.current = step.slot;
      if (step.send) channel.postMessage(step.send);
      if (step.changed) {
        valueRef.current = step.slot.value;
        setValue(step.slot.value);
      }
    };
    channel.postMessage(opened.send);
    return () => {
      channel.close();
      channelRef.current = null;
      slotRef.current = null;
    };
  }, [key]);

  const set = useCallback((next: T | ((prev: T) => T)) => {
    const resolved = typeof next === 'function' ? (next as (prev: T) => T)(valueRef.current) : next;
    valueRef.current = resolved;
    setValue(resolved);
    const slot = slotRef.current;
    if (!slot) return;
    const step = sharedReducer(slot, { kind: 'set', value: resolved }, guardRef.current);
    slotRef.current = step.slot;
    if (step.send) channelRef.current?.postMessage(step.send);
  }, []);

  return [value, set];
}
