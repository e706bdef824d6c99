import Link from 'next/link';
import { countParams, getModel } from '@/lib/models';
import { formatCount } from '@/lib/units';
import { DecisionTree } from './DecisionTree';
import { DecodeTable } from './DecodeTable';
import { Formulas } from './Formulas';
import { FollowUps } from './FollowUps';
import { GpuTable } from './GpuTable';
import { KvTable } from './KvTable';
import { References } from './References';
import { Ref } from './Ref';
import { WeightsTable } from './WeightsTable';
import styles from './CheatSheet.module.css';

/**
 * The one-page cheat sheet: formulas, Llama-3.1-70B numbers by format, the GPU table,
 * the decision tree and follow-up questions. Server components only: every number is
 * a lib/ call at build time, and the page ships no JavaScript of its own. On screen
 * the three columns stack on narrow windows; in print they fill one A4 or Letter page.
 */
export function CheatSheet() {
  const entry = getModel('llama-3.1-70b');
  const a = entry.spec.attention;
  return (
    <article className={styles.sheet} aria-labelledby="cs-title">
      <header className={styles.header}>
        <h1 id="cs-title">4-bit or 8-bit for a 70B LLM? Cheat sheet</h1>
        <p className={styles.lede}>
          {entry.name}: {formatCount(countParams(entry.spec).total)} parameters, {entry.spec.numLayers} layers
          {a.kind === 'gqa' ? `, ${a.numHeads} query heads, ${a.numKvHeads} KV heads of ${a.headDim}` : ''}
          <Ref id="hf-config-llama-3.1-70b" />. Numbers computed by the site’s library at build time, or cited [n].
          Speeds are roofline upper bounds.
          <span className={styles.screenOnly}>
            {' '}
            Print it (A4 or Letter, one page), or work the numbers in the <Link href="/tools/memory">
              memory
            </Link> and <Link href="/tools/speed">speed</Link> calculators.
          </span>
        </p>
      </header>
      <div className={styles.columns}>
        <div className={styles.column}>
          <Formulas />
          <WeightsTable />
          <KvTable />
        </div>
        <div className={styles.column}>
          <GpuTable />
          <DecodeTable />
          <DecisionTree />
        </div>
        <div className={styles.column}>
          <FollowUps />
          <References />
        </div>
      </div>
    </article>
  );
}
