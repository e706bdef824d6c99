/**
 * The islands' entry point in the browser. It holds no React, so it is small: the page's first paint never waits for
 * the island JavaScript, and the JavaScript is not fetched until the page has painted. Once it has, the entry:
 *  1. asks for every chunk this page's islands need (`modulepreload` links made from its own `data-chunks`
 *     attribute, written by scripts/islands.mjs), one per task, so that no island waits on an import waterfall;
 *  2. watches each island: when one comes within a screen of the viewport (at once for those on screen), it loads
 *     ./client (React 19 and the hydration; the first time only) and hydrates the islands one at a time, in the
 *     order they came near. An island that is not displayed (a slide not shown) waits until it is.
 *
 * Why after first paint: a lesson is long HTML. Started during parsing, the island JavaScript competes with the first
 * layout for the main thread and the network; Lighthouse's mobile run measured `/lessons/memory` first paint at
 * 2.8–3.4 s with 27 chunks preloaded in `<head>`, and about 1.5 s without them (scripts/lighthouse.mjs, Dec 2026).
 * Why only near the viewport, not also when the browser is idle: hydrating a widget is tens of milliseconds of
 * main thread on a phone (in Lighthouse's 4x-slowed trace, each widget hydrated at idle added a task of 60–160 ms),
 * and a visitor reading the top of a lesson gains nothing from widgets further down being live. The preloaded chunks
 * make a widget live quickly once it is near; anything typed into it before then is kept (./carry-edits.ts).
 */
import type { IslandLoader } from './client';

/** What ./client gives the entry. */
export interface IslandClient {
  hydrateIsland(el: HTMLElement, index: number, loaders: Readonly<Record<string, IslandLoader>>): Promise<void>;
}

/** How far outside the viewport an island starts hydrating: one screen height above and below. */
export const NEAR_VIEWPORT_MARGIN = '100% 0px';

/** The attribute on the entry's `<script>` that lists, space-separated, the module URLs this page's islands need. */
export const CHUNKS_ATTRIBUTE = 'data-chunks';

/** The URLs in a `data-chunks` value: space-separated, each a same-site path (anything else is dropped). */
export function parseChunkList(value: string | null | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((u) => u.startsWith('/') && !u.startsWith('//'));
}

/**
 * Resolves once the browser has painted the page: a frame's `requestAnimationFrame` callbacks run just before it is
 * painted, and a task queued from one runs after that paint. A hidden tab paints no frames, so there it resolves at once.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** One task's wait: lets the browser paint and handle input before the next step. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Adds a `modulepreload` link for each chunk the entry's `<script data-chunks>` names (none twice), one per task:
 * each link starts a fetch at once, and /tools/memory's 20 in one task held the main thread for about 110 ms on a
 * 4x-slowed CPU (Chrome's profiler).
 */
async function preloadChunks(): Promise<void> {
  const script = document.querySelector<HTMLScriptElement>(`script[${CHUNKS_ATTRIBUTE}]`);
  const have = new Set(
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.getAttribute('href')),
  );
  for (const href of parseChunkList(script?.getAttribute(CHUNKS_ATTRIBUTE))) {
    if (have.has(href)) continue;
    have.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
    await nextTask();
  }
}

/** The element whose box says where an island is: an island is `display: contents`, so its first child. */
const boxOf = (el: HTMLElement): Element | null => el.firstElementChild;

/**
 * Calls `run(el)` once for each element of `els`, when it comes within {@link NEAR_VIEWPORT_MARGIN} of the viewport
 * (at once for those already there). Elements with nothing to measure (an island emptied to be rendered afresh) run
 * at once; without IntersectionObserver, all do.
 */
export function whenNear(els: readonly HTMLElement[], run: (el: HTMLElement) => void): void {
  const byBox = new Map<Element, HTMLElement>();
  for (const el of els) {
    const box = boxOf(el);
    if (box && typeof IntersectionObserver === 'function') byBox.set(box, el);
    else run(el);
  }
  if (!byBox.size) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const el = byBox.get(entry.target);
        if (el) run(el);
      }
    },
    { rootMargin: NEAR_VIEWPORT_MARGIN },
  );
  for (const box of byBox.keys()) observer.observe(box);
}

/**
 * Starts the islands after first paint: preloads the page's chunks, and hydrates each island when it comes near the
 * viewport, loading the hydration runtime (`loadClient`, a dynamic import of ./client) for the first one.
 */
export function bootIslands(
  loaders: Readonly<Record<string, IslandLoader>>,
  loadClient: () => Promise<IslandClient>,
): void {
  void afterFirstPaint().then(() => {
    void preloadChunks();
    const els = [...document.querySelectorAll<HTMLElement>('[data-island]')];
    let client: Promise<IslandClient> | undefined;
    let queue: Promise<void> = Promise.resolve();
    whenNear(els, (el) => {
      const index = els.indexOf(el);
      queue = queue
        .then(() => (client ??= loadClient()))
        .then((c) => c.hydrateIsland(el, index, loaders))
        .catch((err: unknown) =>
          console.error(`Island "${el.dataset.island ?? ''}" failed to load; it stays as rendered`, err),
        )
        .then(nextTask);
    });
  });
}
