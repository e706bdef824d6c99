/**
 * Class names for a component's plain global stylesheet: `prefixed('mc').widget` is
 * `'mc-widget'`. Client widgets use this instead of CSS modules because they are
 * hydrated by the island bundle (scripts/islands.mjs), which cannot reproduce the
 * hashed names Next gives CSS modules. Each stylesheet prefixes every class with its
 * own short prefix, so names cannot collide across widgets.
 */
export function prefixed(prefix: string): Readonly<Record<string, string>> {
  return new Proxy({} as Record<string, string>, {
    get: (_target, key) => (typeof key === 'string' ? `${prefix}-${key}` : undefined),
  });
}
