/**
 * The browser side of the islands: hydrates a `[data-island]` element's server HTML with React 19.
 * scripts/islands.mjs generates the bundle's entry (./boot.ts, no React). When the first island comes near the
 * viewport, the entry imports this module and calls `hydrateIsland` for each island in turn, with one lazy loader
 * per widget in ./registry.ts (each its own chunk), so a page downloads only the widgets it shows.
 *
 * Each island is its own React root (`hydrateRoot`, with its own `identifierPrefix`), the way Astro's React
 * integration does it: the build rendered the island's HTML as such a root with the same prefix (./prefix.ts),
 * so the ids `useId` gives match the server HTML and never collide between islands.
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

/**
 * Loads one island's component and hydrates its server HTML; resolves once the hydration has committed (or the
 * island failed, which is logged: the islands after it still hydrate). `index` is the island's position among the
 * page's `[data-island]` elements, which its `identifierPrefix` carries.
 */
export async function hydrateIsland(
  el: HTMLElement,
  index: number,
  loaders: Readonly<Record<string, IslandLoader>>,
): Promise<void> {
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
