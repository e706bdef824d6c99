/**
 * The island bundle's entry (built by scripts/islands.mjs with esbuild, React aliased
 * to preact/compat). Finds every `[data-island]` element the server rendered and
 * renders its widget over the server HTML from the JSON in `data-props`. The render
 * replaces the server's nodes with identical ones (same markup from the same props),
 * so nothing moves on screen; anything typed or ticked before then is carried over
 * (./carry-edits).
 */
import { createElement, render } from 'preact/compat';
import type { ComponentType } from 'preact';
import { ISLANDS, type IslandName } from './registry';
import { captureEdits, replayEdits } from './carry-edits';

/** Loads one island's component and renders it over its server HTML. */
async function mount(el: HTMLElement): Promise<void> {
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
  try {
    const Component = await load();
    const early = captureEdits(el);
    // The widgets are typed against React; at run time react is preact/compat.
    render(createElement(Component as unknown as ComponentType<Record<string, unknown>>, props), el);
    replayEdits(el, early);
    el.dataset.hydrated = 'true';
  } catch (err) {
    console.error(`Island "${name}" failed to load`, err);
  }
}

/** Lets the browser handle input and paint between two islands' renders. */
const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Every island, one render per task: a lesson with a calculator and a quiz would
 * otherwise render them all in one long task and block input (Lighthouse's TBT).
 * Components load in parallel; the ones on screen render first.
 */
async function mountAll(): Promise<void> {
  const els = [...document.querySelectorAll<HTMLElement>('[data-island]')];
  const onScreen = (el: HTMLElement) => {
    const r = (el.firstElementChild ?? el).getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  };
  const ordered = [...els.filter(onScreen), ...els.filter((el) => !onScreen(el))];
  // Start every download now (import() caches the module), render one by one below.
  for (const el of ordered) void ISLANDS[el.dataset.island as IslandName]?.().catch(() => undefined);
  for (const el of ordered) {
    await mount(el);
    await yieldToBrowser();
  }
}

void mountAll();
