import Link from 'next/link';
import { SHEET_SOURCES } from './sources';
import styles from './CheatSheet.module.css';

/** The sheet's numbered sources, compact, each linking to its entry on /sources. */
export function References() {
  return (
    <section className={styles.section} aria-labelledby="cs-refs">
      <h2 id="cs-refs">Sources</h2>
      <ol className={styles.refs}>
        {SHEET_SOURCES.map((s) => (
          <li key={s.id} value={s.n}>
            <span aria-hidden="true">[{s.n}]</span>{' '}
            <Link href={`/sources#${s.id}`} title={s.title}>
              {s.label}
            </Link>
          </li>
        ))}
      </ol>
      <p className={styles.note}>
        Full titles, links and what each gave: <Link href="/sources">/sources</Link>. ⚠ = unverified in the GPU catalog.
      </p>
    </section>
  );
}
