'use client';

import { useEffect, useState } from 'react';
import { prefixed } from '@/components/ui/prefixed';
import { DECK_SLUG, offlineStatusText, readWorkerReply, stateOfReply, type OfflineState } from './model/status';
import './OfflineStatus.css';

const styles = prefixed('off');

/** How long the worker may take to store a deck (about 40 files, ~1 MB) before the page gives up waiting. */
const PREPARE_TIMEOUT_MS = 60_000;

/** Registers public/sw.js for /present/ and asks it to store this deck; resolves to the state to show. */
async function prepareOffline(slug: string): Promise<OfflineState> {
  if (!DECK_SLUG.test(slug)) return { kind: 'unavailable', reason: 'this page is not a deck' };
  if (!('serviceWorker' in navigator))
    return { kind: 'unavailable', reason: 'this browser does not allow service workers here' };
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/present/' });
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return { kind: 'unavailable', reason: 'the offline helper did not start' };
    const reply = await new Promise<unknown>((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(
        () => resolve({ ok: false, message: 'storing the deck took too long' }),
        PREPARE_TIMEOUT_MS,
      );
      channel.port1.onmessage = (e) => {
        clearTimeout(timer);
        resolve(e.data);
      };
      worker.postMessage({ type: 'offline-deck', slug }, [channel.port2]);
    });
    return stateOfReply(readWorkerReply(reply));
  } catch (err) {
    return {
      kind: 'unavailable',
      reason: `the offline helper could not be registered (${err instanceof Error ? err.message : String(err)})`,
    };
  }
}

/**
 * A deck's offline state, in a corner of the screen: "Preparing…", then "Ready offline" once the service worker has
 * stored the deck's page, fonts and island modules (after this one visit the deck and its widgets run with the
 * network off), or "Not available offline" with the reason. Deck pages only (app/present/presentRoute.tsx).
 */
export function OfflineStatus({ slug }: { slug: string }) {
  const [state, setState] = useState<OfflineState>({ kind: 'checking' });
  useEffect(() => {
    let live = true;
    void prepareOffline(slug).then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [slug]);
  return (
    <p className={styles.status} data-state={state.kind} role="status" data-print="hide">
      {offlineStatusText(state)}
    </p>
  );
}
