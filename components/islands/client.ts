/**
 * The browser side of the islands: hydrates each `[data-island]` element's server HTML with React 19.
 * scripts/islands.mjs generates the bundle's entry, which calls `hydrateIslands` with one lazy loader per
 * widget in ./registry.ts (each its own chunk), so a page downloads only the widgets it shows.
 *
 * Each island is its own React root (`hydrateRoot`, with its own `identifierPrefix`), the way Astro's React
 * integration does it: the build rendered the island's HTML as such a root with the same prefix (./prefix.ts),
 * so the ids `useId` gives match the server HTML and never collide between islands. Islands on
 * screen hydrate first, one per task; the others when they scroll near the viewport or the browser is idle.
 */
import { createElement, startTransition, useLayoutEffect, type ComponentType, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { captureEdits, replayEdits } from './carry-edits';
import { identifierPrefix } from './prefix';

/** Loads one widget's component (a dynamic import of its chunk). */
export type IslandLoader = () => Promise<ComponentType<Record<string, unknown>>>;

/** Calls `onCommit` once React has committed the hydrated tree (layout effects run right after the commit). */
function OnCommit({ onCommit, children }: { onCommit: () => void; children?: ReactNode }): ReactNode {
  useLayoutEffect(() => onCommit(), [onCommit]);
  return children;
}

/** Loads one island's component and hydrates its server HTML; resolves once the hydration has committed. */
async function hydrate(el: HTMLElement, index: number, loaders: Readonly<Record<string, IslandLoader>>): Promise<void> {
  const name = el.dataset.island ?? '';
  const load = loaders[name];
  if (!load) {
    console.error(`Unknown island "${name}"`);
    return;
  }
  let props: Record<string, unknown>;
  try {
    props = JSON.parse(el.dataset.props ?? '{}') as Record<string, unknown>;
  } catch (err) {
    console.error(`Island "${name}" has unreadable props`, err);
    return;
  }
  let Component: ComponentType<Record<string, unknown>>;
  try {
    Component = await load();
  } catch (err) {
    console.error(`Island "${name}" failed to load`, err);
    return;
  }
  await new Promise<void>((committed) => {
    const onCommit = () => {
      // Read what the visitor changed now, before a re-render can reset a controlled field; tell React after the commit.
      const edits = captureEdits(el);
      queueMicrotask(() => {
        replayEdits(edits);
        el.dataset.hydrated = 'true';
        committed();
      });
    };
    const element = createElement(OnCommit, { onCommit }, createElement(Component, props));
    const options = {
      identifierPrefix: identifierPrefix(name, index),
      onRecoverableError: (err: unknown) =>
        console.error(`Island "${name}" did not match its server HTML and was rendered again`, err),
      onUncaughtError: (err: unknown) => {
        console.error(`Island "${name}" failed to render`, err);
        committed(); // the islands after it still hydrate
      },
    };
    // A transition: React hydrates in slices and yields to input, rather than in one long task.
    startTransition(() => {
      if (el.firstChild) hydrateRoot(el, element, options);
      // No server HTML to hydrate (a page that sets data-props in the browser, as e2e/quiz.spec.ts does): render it.
      else createRoot(el, options).render(element);
    });
  });
}

/** True when any of `el`'s box is in the viewport (an island is `display: contents`, so its first child is measured). */
function onScreen(el: HTMLElement): boolean {
  const r = (el.firstElementChild ?? el).getBoundingClientRect();
  return r.top < window.innerHeight && r.bottom > 0;
}

/** Calls `run` once, when `el` comes within 200 px of the viewport or the browser is next idle, whichever is first. */
function whenNearOrIdle(el: HTMLElement, run: () => void): void {
  let done = false;
  let observer: IntersectionObserver | undefined;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    run();
  };
  if (typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(), {
      rootMargin: '200px',
    });
    observer.observe(el.firstElementChild ?? el);
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(once, { timeout: 5000 });
  else setTimeout(once, 1000);
}

/** Lets the browser handle input and paint between two islands' hydrations. */
const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Hydrates every island on the page: those on screen now, one per task; the rest when near the viewport or idle. */
export function hydrateIslands(loaders: Readonly<Record<string, IslandLoader>>): void {
  const els = [...document.querySelectorAll<HTMLElement>('[data-island]')];
  let queue = Promise.resolve();
  const enqueue = (el: HTMLElement) => {
    const index = els.indexOf(el);
    queue = queue.then(() => hydrate(el, index, loaders)).then(yieldToBrowser);
  };
  const now = els.filter(onScreen);
  const later = els.filter((el) => !now.includes(el));
  // Start the on-screen widgets' imports together (import() caches each module); hydrate them one by one.
  for (const el of now) void loaders[el.dataset.island ?? '']?.().catch(() => undefined);
  for (const el of now) enqueue(el);
  // The rest wait until the on-screen ones are live, so they never compete with them for the main thread.
  void queue.then(() => {
    for (const el of later) whenNearOrIdle(el, () => enqueue(el));
  });
}
