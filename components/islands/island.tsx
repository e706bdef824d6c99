import type { ComponentProps, ComponentType } from 'react';
import { ISLANDS, type IslandName } from './registry';

/** What each island says when JavaScript is off (shown in a <noscript> beside it), from the registry. */
export const NEEDS_JS = Object.fromEntries(
  Object.entries(ISLANDS).map(([name, spec]) => [name, spec.needsJs]),
) as Readonly<Record<IslandName, string>>;

/** The props of the widget registered as `name`. */
export type IslandProps<N extends IslandName> = ComponentProps<(typeof ISLANDS)[N]['Component']>;

/**
 * The server side of an island: the widget registered as `name` (./registry.ts), rendered inside
 * `<div data-island=name data-props=json>`. In development Next hydrates the whole page as usual; after
 * `next build`, scripts/islands.mjs strips Next's client runtime from every page and React 19 hydrates just
 * these elements from their JSON props (./client.ts). Pages without islands ship no JavaScript.
 *
 * Props must be JSON: strings, numbers, booleans, null, arrays and plain objects.
 * Anything else (a React element, a function, a Date) throws at build time, naming
 * the island and the prop, rather than breaking silently in the browser.
 */
export function island<N extends IslandName>(name: N): ComponentType<IslandProps<N>> {
  // The registry's components take different props; `IslandProps<N>` is the props of this one.
  return islandOf(name, ISLANDS[name].Component as ComponentType<object>) as unknown as ComponentType<IslandProps<N>>;
}

/** `island(name)` with the component given rather than read from the registry (for tests). */
export function islandOf<P extends object>(name: IslandName, Component: ComponentType<P>): ComponentType<P> {
  function Island(props: P) {
    assertJson(props, `${name} props`);
    // Without JavaScript the server HTML stays as it is ("Loading…", fields that do nothing): the <noscript>
    // note says why. It sits beside the island, so hydration never touches it, and browsers running scripts hide it.
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
  throw new Error(
    `Island prop ${path} is not JSON (got ${typeof value === 'object' ? 'a non-plain object' : typeof value}); pass strings, numbers, booleans, arrays or plain objects`,
  );
}
