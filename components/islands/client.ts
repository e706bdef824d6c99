/**
 * The island bundle's entry (built by scripts/islands.mjs with esbuild, React aliased
 * to preact/compat). Finds every `[data-island]` element the server rendered and
 * renders its widget over the server HTML from the JSON in `data-props`. Preact
 * reuses the existing DOM nodes where they match, so nothing moves on screen.
 */
import { createElement, render } from 'preact/compat';
import type { ComponentType } from 'preact';
import { ISLANDS, type IslandName } from './registry';

function mount(el: HTMLElement): void {
  const name = el.dataset.island as IslandName | undefined;
  const load = name ? ISLANDS[name] : undefined;
  if (!load) {
    console.error(`Unknown island "${name ?? ''}"`);
    return;
  }
  let props: Record<string, unknown>;
  try {
    props = JSON.parse(el.dataset.props ?? '{}') as Record<string, unknown>;
  } catch (err) {
    console.error(`Island "${name}" has unreadable props`, err);
    return;
  }
  load()
    .then((Component) => {
      // The widgets are typed against React; at run time react is preact/compat.
      render(createElement(Component as unknown as ComponentType<Record<string, unknown>>, props), el);
      el.dataset.hydrated = 'true';
    })
    .catch((err: unknown) => console.error(`Island "${name}" failed to load`, err));
}

document.querySelectorAll<HTMLElement>('[data-island]').forEach(mount);
