import Link from 'next/link';
import { getSource } from '@/lib/sources';

/**
 * A citation: `<Cite id="qlora-2305.14314" />` renders a short link to the
 * entry on /sources. An unknown id throws at build time, so a citation can
 * never point nowhere. `label` overrides the short text.
 */
export function Cite({ id, label }: { id: string; label?: string }) {
  const s = getSource(id);
  const short = label ?? shortLabel(s.title, s.year);
  return (
    <sup className="cite">
      <Link href={`/sources#${id}`} title={s.title}>[{short}]</Link>
    </sup>
  );
}

function shortLabel(title: string, year?: number): string {
  const head = title.split(/[:(—–-]/)[0]!.trim();
  const words = head.split(/\s+/).slice(0, 4).join(' ');
  return year ? `${words}, ${year}` : words;
}
