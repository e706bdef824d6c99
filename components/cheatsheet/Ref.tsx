import Link from 'next/link';
import { sheetSource } from './sources';
import type { NumberedSource } from './model';
import styles from './CheatSheet.module.css';

/** Runs of consecutive numbers: [10, 11, 12, 15] → [[10, 11, 12], [15]]. */
function runs(sources: NumberedSource[]): NumberedSource[][] {
  const out: NumberedSource[][] = [];
  for (const s of [...sources].sort((a, b) => a.n - b.n)) {
    const last = out.at(-1);
    if (last && last.at(-1)!.n === s.n - 1) last.push(s);
    else out.push([s]);
  }
  return out;
}

function One({ s }: { s: NumberedSource }) {
  return (
    <Link href={`/sources#${s.id}`} title={s.title} aria-label={`Source ${s.n}: ${s.label}`}>
      {s.n}
    </Link>
  );
}

/**
 * A numbered citation linking to the entries on /sources: "[3]", "[8, 9]", or "[10–12]"
 * for three or more consecutive sources (each number still its own link; the dash
 * stands for the middle ones, which stay reachable as hidden-from-sight links).
 */
export function Ref({ id }: { id: string | string[] }) {
  const sources = (Array.isArray(id) ? id : [id]).map(sheetSource);
  return (
    <sup className={styles.ref}>
      [
      {runs(sources).map((run, i) => (
        <span key={run[0]!.id}>
          {i > 0 ? ', ' : null}
          {run.length < 3 ? (
            run.map((s, j) => (
              <span key={s.id}>
                {j > 0 ? ', ' : null}
                <One s={s} />
              </span>
            ))
          ) : (
            <>
              <One s={run[0]!} />
              {run.slice(1, -1).map((s) => (
                <span key={s.id} className="sr-only">
                  , <One s={s} />
                </span>
              ))}
              <span aria-hidden="true">–</span>
              <span className="sr-only">, </span>
              <One s={run.at(-1)!} />
            </>
          )}
        </span>
      ))}
      ]
    </sup>
  );
}
