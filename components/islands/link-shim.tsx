import type { AnchorHTMLAttributes } from 'react';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: boolean; replace?: boolean; scroll?: boolean };

/**
 * What `next/link` becomes inside the island bundle: the plain anchor Next renders
 * on the server. Pages are static HTML, so a normal navigation is all a link needs.
 */
export default function Link(props: LinkProps) {
  const anchor: AnchorHTMLAttributes<HTMLAnchorElement> = { ...props };
  for (const key of ['prefetch', 'replace', 'scroll'] as const) delete (anchor as Record<string, unknown>)[key];
  return <a {...anchor} />;
}
