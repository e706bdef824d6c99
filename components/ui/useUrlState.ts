'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { readUrlValues } from './model/urlValues';

/**
 * Widget state mirrored in the page's query string, so a link reproduces the
 * set-up. State is a flat record of strings (the raw field texts); the widget
 * validates them with lib/ like any other input, so a hand-edited or stale URL
 * shows field messages rather than breaking the page.
 *
 * Only widgets with `syncUrl` write to the URL (the standalone tools); lesson
 * embeds keep local state so two widgets on one page do not fight.
 */
export function useUrlState<T extends Record<string, string>>(
  defaults: T,
  syncUrl: boolean,
): [T, (patch: Partial<T>) => void] {
  const [state, setState] = useState<T>(defaults);
  const loaded = useRef(false);

  // Read the URL once, after hydration (static HTML renders the defaults).
  useEffect(() => {
    if (!syncUrl || loaded.current) return;
    loaded.current = true;
    // Each value is cut at MAX_URL_VALUE_CHARS: a crafted link cannot make the widget parse kilobytes.
    const fromUrl = readUrlValues(
      window.location.search,
      Object.keys(defaults) as Array<keyof T & string>,
    ) as Partial<T>;
    // The URL is an external system that only exists after hydration; reading it once here is the intended use.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (Object.keys(fromUrl).length) setState((s) => ({ ...s, ...fromUrl }));
  }, [defaults, syncUrl]);

  const update = useCallback(
    (patch: Partial<T>) => {
      setState((s) => {
        const next = { ...s, ...patch } as T;
        if (syncUrl) {
          const params = new URLSearchParams();
          for (const [k, v] of Object.entries(next)) params.set(k, v);
          window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
        }
        return next;
      });
    },
    [syncUrl],
  );

  return [state, update];
}
