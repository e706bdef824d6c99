import { getKvFormat } from '@/lib/formats';
import { getModel, kvCacheBytesPerToken } from '@/lib/models';
import { estimateMemory } from '@/lib/sizing';
import { formatCount, formatGB, formatGiB } from '@/lib/units';
import { Ref } from './Ref';
import styles from './CheatSheet.module.css';

const KV = [
  ['bf16', 'BF16'],
  ['fp8', 'FP8'],
] as const;
const CONTEXTS = [8192, 131_072] as const;

/** KV cache of one token and of one long sequence, BF16 and FP8 (lib/models, lib/sizing). */
export function KvTable({ model = 'llama-3.1-70b' }: { model?: string }) {
  const entry = getModel(model);
  const attention = entry.spec.attention;
  const kvOf = (bits: number, context: number) =>
    estimateMemory({ model: entry.spec, weights: 'bf16', kvBits: bits, contextTokens: context, batch: 1 }).kvCacheBytes;
  return (
    <section className={styles.section} aria-labelledby="cs-kv">
      <h2 id="cs-kv">KV cache</h2>
      <div className={`table-wrap ${styles.tableWrap}`} tabIndex={0} role="region" aria-label="KV cache table">
        <table className={styles.table}>
          <caption className="sr-only">KV cache of {entry.name} per token and per sequence, by cache precision</caption>
          <thead>
            <tr>
              <th scope="col">Cache</th>
              <th scope="col" className={styles.n}>
                per token
              </th>
              {CONTEXTS.map((c) => (
                <th key={c} scope="col" className={styles.n}>
                  {formatCount(c)} tokens
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {KV.map(([id, name]) => {
              const bits = getKvFormat(id).bitsPerElement;
              return (
                <tr key={id}>
                  <th scope="row">{name}</th>
                  <td className={styles.n}>{formatCount(kvCacheBytesPerToken(entry.spec, { bits }))} B</td>
                  {CONTEXTS.map((c) => (
                    <td key={c} className={styles.n}>
                      {formatGB(kvOf(bits, c), 2)}
                      <span className={styles.sub}>{formatGiB(kvOf(bits, c), 2)}</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>
        One sequence; multiply by sequences in flight. Whatever the weight format: FP8 is its own switch (vLLM{' '}
        <code>kv_cache_dtype</code>)
        <Ref id="vllm-docs-quantized-kv-cache" />.
        {attention.kind === 'gqa'
          ? ` GQA: ${attention.numKvHeads} KV heads serve ${attention.numHeads} query heads.`
          : null}
      </p>
    </section>
  );
}
