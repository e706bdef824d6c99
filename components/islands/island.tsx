import type { ComponentType } from 'react';
import type { IslandName } from './registry';

const OFF = 'which is off or blocked in this browser';

/** What each island says when JavaScript is off (shown in a <noscript> beside it). */
export const NEEDS_JS: Readonly<Record<IslandName, string>> = {
  'memory-calculator': `This calculator needs JavaScript, ${OFF}: the figures below are for its default set-up and the fields do not respond.`,
  'speed-calculator': `This calculator needs JavaScript, ${OFF}: the figures below are for its default set-up and the fields do not respond.`,
  'rounding-demo': `This demo needs JavaScript, ${OFF}: the results below are for its default set-up and the fields do not respond.`,
  'group-size-explorer': `This explorer needs JavaScript, ${OFF}: what is shown is its default set-up and the controls do not respond.`,
  'deployment-planner': `This planner needs JavaScript, ${OFF}: the figures below are for its default set-up and the fields do not respond.`,
  'decision-checklist': `This checklist needs JavaScript, ${OFF}: the verdict below is for its default answers and the fields do not respond.`,
  quiz: `Checking answers needs JavaScript, ${OFF}. The questions are here to read, but the buttons do not respond.`,
  'deck-controller': `The slide controls need JavaScript, ${OFF}. Turn it on for this site to present; the lesson pages work without it.`,
  interview: `The mock interview needs JavaScript, ${OFF}. Turn it on for this site to run the interview; the lessons work without it.`,
  'practice-app': `Practice needs JavaScript, ${OFF}, so the question bank cannot load. Turn it on for this site; the lessons work without it.`,
  'vllm-log-check': `Checking a log needs JavaScript, ${OFF}: the field and the Compare button do not respond.`,
};

/**
 * Mounts a client widget as an "island". The server renders the widget's HTML inside
 * `<div data-island=name data-props=json>`; after `next build`, scripts/islands.mjs
 * strips Next's client runtime from every page and a small Preact bundle re-renders
 * just these elements from their JSON props. Pages without islands ship no JavaScript.
 *
 * Props must be JSON: strings, numbers, booleans, null, arrays and plain objects.
 * Anything else (a React element, a function, a Date) throws at build time, naming
 * the island and the prop, rather than breaking silently in the browser.
 */
export function island<P extends object>(name: IslandName, Component: ComponentType<P>): ComponentType<P> {
  function Island(props: P) {
    assertJson(props, `${name} props`);
    // Without JavaScript the server HTML stays as it is ("Loading…", fields that do nothing): the <noscript>
    // note says why. It sits beside the island, so mounting never touches it, and browsers running scripts hide it.
    return (
      <>
        <noscript>
          <p className="needs-js">{NEEDS_JS[name]}</p>
        </noscript>
        <div className="island" data-island={name} data-props={JSON.stringify(props)}>
          <Component {...props} />
        </div>
      </>
    );
  }
  Island.displayName = `Island(${name})`;
  return Island;
}

/** Throws unless `value` survives JSON.stringify/parse unchanged (undefined object fields are dropped, as JSON does). */
export function assertJson(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Island prop ${path} is ${value}, which JSON cannot carry`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJson(v, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) assertJson(v, `${path}.${k}`);
    return;
  }
  throw new Error(`Island prop ${path} is not JSON (got ${typeof value === 'object' ? 'a non-plain object' : typeof value}); pass strings, numbers, booleans, arrays or plain objects`);
}
