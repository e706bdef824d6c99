import Link from 'next/link';
import { getSource, shortSourceLabel } from '@/lib/sources';

/**
 * A citation: `<Cite id="qlora-2305.14314" />` renders a short link to the
 * entry on /sources. An unknown id throws at build time, so a citation can
 * never point nowhere. `label` overrides the short text.
 */
export function Cite({ id, label }: { id: string; label?: string }) {
  const s = getSource(id);
  const short = label ?? shortSourceLabel(id);
  return (
    <sup className="cite">
      <Link href={`/sources#${id}`} title={s.title}>
        [{short}]
      </Link>
    </sup>
  );
}
