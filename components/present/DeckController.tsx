'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { keyAction, slideHash, slideIndexFromHash, type DeckAction, type KeyTarget } from './model/keys';
import { deckChannelName, deckReducer, openDeck, type DeckEvent, type DeckSyncState } from './model/sync';
import { deckView, deckViewHref, type DeckView } from './model/view';
import { nextFitZoom } from './model/fit';
import {
  TIMER_ZERO,
  elapsedInWords,
  formatElapsed,
  parseTimerState,
  timerElapsedMs,
  timerPause,
  timerReset,
  timerStart,
  type TimerState,
} from './model/timer';
import './DeckController.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('dk');

export interface DeckControllerProps {
  /** The lesson's slug: names the sync channel and the links. */
  slug: string;
  slideCount: number;
  /** Slide titles, slide 1 first (for the counter's neighbours and the "Next" preview). */
  titles: string[];
}

/** How a slide change should treat focus: move it to the new slide's heading, or leave it (a button was used). */
type FocusMove = 'heading' | 'stay';

/** Time for other windows to answer a hello before this window's slide counts as the deck's. */
const SETTLE_MS = 400;
/** The width the next-slide preview is laid out at before it is scaled down, in CSS px. */
const PREVIEW_LAYOUT_PX = 800;

/** Most measuring passes when fitting one slide (each shrinks the zoom by at least 0.01 from 1 to 0.5). */
const MAX_FIT_PASSES = 60;

/**
 * The slide deck's controls (one island per /present page): counter, previous/next,
 * full screen, a link to the presenter view and, in the presenter view
 * (`?view=presenter`), the notes, a preview of the next slide and the elapsed time.
 * `?view=audience` is the deck without the site's header and footer (for the
 * projector); `?view=remote` is a clicker: two big buttons and the current slide's
 * number and title (components/present/model/view.ts).
 * The slides themselves are server-rendered `section[data-slide]` elements outside the
 * island; effects show the current one, shrink it to fit the screen, keep it in the
 * URL hash, handle the keys and keep every window of this deck on the same slide over
 * a BroadcastChannel. The logic (keys, hash, sync messages, fit, clock) is in
 * components/present/model.
 */
export function DeckController({ slug, slideCount, titles }: DeckControllerProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const notesRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const syncRef = useRef<DeckSyncState | null>(null);
  const channelRef = useRef<BroadcastChannel | null>(null);
  const focusRef = useRef<FocusMove>('stay');
  const historyRef = useRef<'push' | 'replace' | 'none'>('none');

  const [slideIndex, setSlideIndex] = useState(0);
  const [view, setView] = useState<DeckView>('deck');
  const presenter = view === 'presenter';
  const remote = view === 'remote';
  const [fullscreen, setFullscreen] = useState(false);
  const [canFullscreen, setCanFullscreen] = useState(true);
  const [hasNotes, setHasNotes] = useState(false);
  const [timer, setTimer] = useState<TimerState>(TIMER_ZERO);
  const [nowMs, setNowMs] = useState(0);

  const deck = () => rootRef.current?.closest<HTMLElement>('.pv-deck') ?? null;
  const sections = () => Array.from(deck()?.querySelectorAll<HTMLElement>('section[data-slide]') ?? []);

  /** Runs one event through the sync reducer: posts its message, applies its slide change. */
  const dispatch = useCallback((event: DeckEvent, focus: FocusMove, history: 'push' | 'replace' | 'none') => {
    const state = syncRef.current;
    if (!state) return;
    const step = deckReducer(state, event);
    syncRef.current = step.state;
    if (step.send) channelRef.current?.postMessage(step.send);
    if (step.changed) {
      focusRef.current = step.changed === 'remote' ? 'heading' : focus;
      historyRef.current = step.changed === 'remote' ? 'replace' : history;
      setSlideIndex(step.state.slideIndex);
    }
  }, []);

  const toggleFullscreen = useCallback(() => {
    const el = rootRef.current?.closest<HTMLElement>('.pv-deck');
    if (!el) return;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    else el.requestFullscreen?.().catch(() => undefined);
  }, []);

  const act = useCallback(
    (action: DeckAction, focus: FocusMove) => {
      if (action === 'fullscreen') toggleFullscreen();
      else dispatch({ kind: 'navigate', action }, focus, 'push');
    },
    [dispatch, toggleFullscreen],
  );

  // Open: read the view and the hash, join the channel, ask which slide the deck is on.
  useEffect(() => {
    const openedView = deckView(window.location.search);
    const isPresenter = openedView === 'presenter';
    const root = deck();
    if (root) root.dataset.view = openedView;
    const start = indexFromLocation(slideCount);
    const selfId =
      typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    const opened = openDeck(selfId, start, slideCount);
    syncRef.current = opened.state;
    focusRef.current = 'stay';
    historyRef.current = 'none';
    // Browser state (URL, fullscreen support, saved clock) exists only after hydration.
    /* eslint-disable react-hooks/set-state-in-effect */
    setView(openedView);
    setSlideIndex(start);
    setCanFullscreen(Boolean(document.fullscreenEnabled));
    if (isPresenter) {
      const key = `present-timer:${slug}`;
      // Validated on read (session storage can be edited): anything implausible starts a fresh clock.
      const saved = parseTimerState(sessionStorage.getItem(key), Date.now());
      setTimer(saved ?? timerStart(TIMER_ZERO, Date.now()));
      setNowMs(Date.now());
    }
    /* eslint-enable react-hooks/set-state-in-effect */

    let channel: BroadcastChannel | null = null;
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(deckChannelName(slug));
      channel.onmessage = (e: MessageEvent) => dispatch({ kind: 'receive', data: e.data }, 'heading', 'replace');
      channelRef.current = channel;
      channel.postMessage(opened.send);
    }
    const settle = window.setTimeout(() => dispatch({ kind: 'settled' }, 'stay', 'none'), SETTLE_MS);
    return () => {
      window.clearTimeout(settle);
      channel?.close();
      channelRef.current = null;
    };
    // Runs once per page: slug and slideCount are fixed for a page.
  }, [slug, slideCount, dispatch]);

  // Keys, Back/Forward and full-screen changes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target: KeyTarget = e.defaultPrevented ? 'widget' : keyTargetOf(e.target);
      const action = keyAction(e, target);
      if (!action) return;
      e.preventDefault();
      act(action, 'heading');
    };
    const onHash = () => {
      const i = indexFromLocation(slideCount, null);
      if (i !== null) dispatch({ kind: 'goto', slideIndex: i }, 'heading', 'none');
    };
    const onFullscreen = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [act, dispatch, slideCount]);

  // Show the current slide; hash, focus and scroll follow.
  useEffect(() => {
    const all = sections();
    const root = deck();
    if (!root || all.length === 0) return;
    all.forEach((s, i) => {
      s.hidden = i !== slideIndex;
    });
    root.dataset.current = String(slideIndex + 1);
    const current = all[slideIndex];
    const stage = current?.parentElement;
    if (stage) stage.scrollTop = 0;

    const hash = slideHash(slideIndex);
    if (historyRef.current !== 'none' && window.location.hash !== hash) {
      const url = `${window.location.pathname}${window.location.search}${hash}`;
      if (historyRef.current === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    historyRef.current = 'none';

    if (current && focusRef.current === 'heading') {
      const heading =
        current.querySelector<HTMLElement>('[data-slide-heading]') ?? current.querySelector<HTMLElement>('h1, h2, h3');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
    }
    focusRef.current = 'stay';
    if (root.getBoundingClientRect().top < 0) root.scrollIntoView({ block: 'start' });
    // sections() and deck() read the DOM; only the slide index matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slideIndex]);

  // Fit: where the stage scrolls (screens from 48rem wide), a slide taller than the stage is zoomed out until it
  // fits (model/fit.ts), and again whenever the stage or the slide changes size (a window resize, a quiz
  // reveal, a calculator's result). Phones read the slide in the page flow, unzoomed.
  useEffect(() => {
    if (remote) return;
    const slide = sections()[slideIndex];
    const stage = slide?.parentElement;
    if (!slide || !stage) return;
    const fit = () => {
      slide.style.removeProperty('--pv-fit');
      if (slide.hidden || getComputedStyle(stage).overflowY === 'visible') {
        delete slide.dataset.fit;
        return;
      }
      let zoom = 1;
      for (let pass = 0; pass < MAX_FIT_PASSES; pass += 1) {
        const next = nextFitZoom(zoom, stage.scrollHeight, stage.clientHeight);
        if (next === null) break;
        zoom = next;
        slide.style.setProperty('--pv-fit', String(zoom));
      }
      slide.dataset.fit = String(zoom);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    // The final size of a fit is the same each time, so refitting does not notify the observer again.
    const observer = new ResizeObserver(() => {
      window.cancelAnimationFrame(frame);
      frame = window.requestAnimationFrame(fit);
    });
    observer.observe(stage);
    observer.observe(slide);
    return () => {
      observer.disconnect();
      window.cancelAnimationFrame(frame);
    };
    // sections() reads the DOM; the slide and the view decide what to fit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slideIndex, remote]);

  // Presenter view: this slide's notes and a preview of the next slide, copied from the slides.
  useEffect(() => {
    if (!presenter) return;
    const all = sections();
    const notesBox = notesRef.current;
    if (notesBox) {
      notesBox.replaceChildren();
      const notes = all[slideIndex]?.querySelectorAll<HTMLElement>('aside[data-notes]') ?? [];
      notes.forEach((aside) => aside.childNodes.forEach((n) => notesBox.appendChild(n.cloneNode(true))));
      // Notes live in the slides' DOM, outside React; the panel mirrors whether there are any.
      setHasNotes(notes.length > 0);
    }
    const preview = previewRef.current;
    if (!preview) return;
    preview.replaceChildren();
    const next = all[slideIndex + 1];
    if (!next) return;
    const clone = staticCopy(next);
    clone.style.width = `${PREVIEW_LAYOUT_PX}px`;
    preview.appendChild(clone);
    const fit = () => {
      clone.style.zoom = String(preview.clientWidth / PREVIEW_LAYOUT_PX);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(preview);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presenter, slideIndex]);

  // Presenter clock: saved per tab (survives a reload, not a new tab), redrawn every second.
  useEffect(() => {
    if (!presenter) return;
    sessionStorage.setItem(`present-timer:${slug}`, JSON.stringify(timer));
    if (timer.runningSinceMs === null) return;
    const id = window.setInterval(() => setNowMs(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [presenter, slug, timer]);

  const atFirst = slideIndex === 0;
  const atLast = slideIndex === slideCount - 1;
  const hash = slideHash(slideIndex);
  const elapsedMs = timerElapsedMs(timer, Math.max(nowMs, timer.runningSinceMs ?? 0));
  const nextTitle = titles[slideIndex + 1];

  if (remote) {
    return (
      <div ref={rootRef} className={styles.root}>
        <section className={styles.remote} aria-labelledby="dk-remote-h">
          <h2 id="dk-remote-h" className={styles.h}>
            Clicker
          </h2>
          <p className={styles.counter} role="status" aria-live="polite" aria-atomic="true">
            Slide {slideIndex + 1} of {slideCount}
          </p>
          <p className={styles.remoteTitle}>{titles[slideIndex]}</p>
          <div className={styles.remoteButtons}>
            <button
              type="button"
              className={`${styles.button} ${styles.remoteButton}`}
              aria-disabled={atFirst}
              onClick={() => !atFirst && act('prev', 'stay')}
            >
              <span aria-hidden="true">←</span> Previous
            </button>
            <button
              type="button"
              className={`${styles.button} ${styles.remoteButton}`}
              aria-disabled={atLast}
              onClick={() => !atLast && act('next', 'stay')}
            >
              Next <span aria-hidden="true">→</span>
            </button>
          </div>
          <p className={styles.muted}>
            This clicker moves the windows of this deck that are open in this browser, on this device (they talk over
            the browser&apos;s BroadcastChannel). It cannot reach another device: a phone driving a laptop&apos;s slides
            needs a server to relay the clicks, and this static site does not run one.
          </p>
          <p className={styles.muted}>
            <a href={deckViewHref(slug, 'deck', hash)}>Back to the slides</a>
          </p>
        </section>
      </div>
    );
  }

  return (
    <div ref={rootRef} className={styles.root}>
      <nav className={styles.toolbar} aria-label="Slides">
        <button
          type="button"
          className={styles.button}
          aria-disabled={atFirst}
          onClick={() => !atFirst && act('prev', 'stay')}
        >
          <span aria-hidden="true">←</span> Previous
        </button>
        <p className={styles.counter} role="status" aria-live="polite" aria-atomic="true">
          Slide {slideIndex + 1} of {slideCount}
        </p>
        <button
          type="button"
          className={styles.button}
          aria-disabled={atLast}
          onClick={() => !atLast && act('next', 'stay')}
        >
          Next <span aria-hidden="true">→</span>
        </button>
        <span className={styles.spacer} />
        {canFullscreen ? (
          <button
            type="button"
            className={`${styles.button} ${styles.extra}`}
            aria-pressed={fullscreen}
            onClick={toggleFullscreen}
          >
            Full screen
          </button>
        ) : null}
        {presenter ? (
          <>
            <a className={styles.button} href={deckViewHref(slug, 'audience', hash)} target={`audience-${slug}`}>
              Audience window
            </a>
            <a
              className={`${styles.button} ${styles.extra}`}
              href={deckViewHref(slug, 'remote', hash)}
              target={`remote-${slug}`}
            >
              Clicker
            </a>
          </>
        ) : (
          <a
            className={`${styles.button} ${styles.extra}`}
            href={deckViewHref(slug, 'presenter', hash)}
            target={`presenter-${slug}`}
          >
            Presenter view
          </a>
        )}
      </nav>
      {presenter ? (
        <div className={styles.panel}>
          <section className={styles.block} aria-labelledby="dk-timer-h">
            <h2 id="dk-timer-h" className={styles.h}>
              Elapsed time
            </h2>
            <div className={styles.timerRow}>
              <span className={styles.clock} role="timer" aria-label={elapsedInWords(elapsedMs)}>
                {formatElapsed(elapsedMs)}
              </span>
              <button
                type="button"
                className={styles.button}
                onClick={() => {
                  const now = Date.now();
                  setNowMs(now);
                  setTimer((t) => (t.runningSinceMs === null ? timerStart(t, now) : timerPause(t, now)));
                }}
              >
                {timer.runningSinceMs === null ? 'Resume' : 'Pause'}
              </button>
              <button
                type="button"
                className={styles.button}
                onClick={() => {
                  const now = Date.now();
                  setNowMs(now);
                  setTimer((t) => timerReset(t.runningSinceMs !== null, now));
                }}
              >
                Reset
              </button>
            </div>
          </section>
          <section className={styles.block} aria-labelledby="dk-notes-h">
            <h2 id="dk-notes-h" className={styles.h}>
              Notes
            </h2>
            <div ref={notesRef} className={styles.notes} />
            {hasNotes ? null : <p className={styles.muted}>No notes for this slide.</p>}
          </section>
          <section className={styles.block} aria-labelledby="dk-next-h">
            <h2 id="dk-next-h" className={styles.h}>
              {nextTitle ? `Next: ${nextTitle}` : 'Last slide'}
            </h2>
            <div ref={previewRef} className={styles.preview} inert aria-hidden="true" />
          </section>
        </div>
      ) : null}
    </div>
  );
}

/** The slide the URL points at: "#3", or an element id inside a slide ("#int8-under-1"); else `fallback`. */
function indexFromLocation(slideCount: number): number;
function indexFromLocation(slideCount: number, fallback: null): number | null;
function indexFromLocation(slideCount: number, fallback: number | null = 0): number | null {
  const hash = window.location.hash;
  const byNumber = slideIndexFromHash(hash, slideCount);
  if (byNumber !== null) return byNumber;
  if (hash.length > 1) {
    let id = hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep it raw */
    }
    const section = document.getElementById(id)?.closest('section[data-slide]');
    if (section) {
      const i = Array.from(document.querySelectorAll('section[data-slide]')).indexOf(section);
      if (i >= 0 && i < slideCount) return i;
    }
  }
  return fallback;
}

/** Classifies where a key was pressed (see components/present/model `KeyTarget`). */
function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element)) return 'page';
  if (target.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])')) return 'text-entry';
  if (
    target.closest(
      '[role="radio"], [role="radiogroup"], [role="tab"], [role="tablist"], [role="listbox"], [role="option"], [role="slider"], [role="menu"], [role="menuitem"], [role="grid"], [role="tree"], [aria-activedescendant]',
    )
  ) {
    return 'widget';
  }
  if (target.closest('button, a[href], summary, [role="button"], [role="link"]')) return 'control';
  return 'page';
}

/**
 * A copy of a slide for the preview: visible, with no ids (they would repeat), no
 * references to ids, no form names (a copied checked radio would uncheck its original)
 * and no island markers. The preview box is inert and hidden from assistive technology.
 */
function staticCopy(slide: HTMLElement): HTMLElement {
  const clone = slide.cloneNode(true) as HTMLElement;
  clone.hidden = false;
  for (const attr of ['data-slide', 'data-fit', 'aria-roledescription', 'aria-label', 'id'])
    clone.removeAttribute(attr);
  clone.style.removeProperty('--pv-fit');
  clone.querySelectorAll('aside[data-notes]').forEach((n) => n.remove());
  const refAttrs = [
    'id',
    'name',
    'for',
    'headers',
    'aria-labelledby',
    'aria-describedby',
    'aria-controls',
    'aria-owns',
    'tabindex',
    'data-island',
    'data-props',
    'data-slide-heading',
  ];
  clone.querySelectorAll('*').forEach((el) => {
    for (const attr of refAttrs) el.removeAttribute(attr);
  });
  return clone;
}
