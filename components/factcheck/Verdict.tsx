import { verdictLabel, type VerdictValue } from '@/content/claims';
import styles from './Verdict.module.css';

/**
 * A verdict badge: the word ("Verdict: Wrong") carries the meaning, colour only repeats it.
 * Server component. `block` puts it on its own line under a claim's heading.
 *
 * @example <Verdict value="wrong" />
 */
export function Verdict({ value, block = false }: { value: VerdictValue; block?: boolean }) {
  const badge = (
    <span className={`${styles.badge} ${styles[value]}`}>
      {block ? null : <span className="sr-only">Verdict: </span>}
      {verdictLabel(value)}
    </span>
  );
  return block ? <p className={styles.block}>Verdict: {badge}</p> : badge;
}
