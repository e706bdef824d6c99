/**
 * The `identifierPrefix` of the React root for the `index`-th island on a page (document order). The build
 * renders each island's HTML with this prefix (scripts/islands.mjs) and the browser hydrates it with the same
 * one (./client.ts), so `useId` gives the same ids on both sides, and no two islands on a page share an id.
 */
export function identifierPrefix(name: string, index: number): string {
  return `${name}-${index}-`;
}
