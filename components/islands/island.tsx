import type { ComponentType } from 'react';
import type { IslandName } from './registry';

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
    return (
      <div className="island" data-island={name} data-props={JSON.stringify(props)}>
        <Component {...props} />
      </div>
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
