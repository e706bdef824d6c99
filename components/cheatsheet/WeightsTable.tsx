import { formatBitsBreakdown, GGUF_Q4_K_M_FILE_SIZES_GB } from '@/lib/formats';
import { countParams, getModel } from '@/lib/models';
import { weightBytes } from '@/lib/sizing';
import { averageBitsPerWeight, overheadExpression } from './model';
import { formatBitsPerWeight } from '@/lib/units';
import { BYTES_PER_GB, bytesToGB, bytesToGiB, formatCount, formatNumber } from '@/lib/units';
import { Ref } from './Ref';
import styles from './CheatSheet.module.css';

/** Rows of the table: [format id, short name, source of its storage layout]. */
const ROWS: ReadonlyArray<[string, string, string | null]> = [
  ['bf16', 'BF16', null],
  ['fp8-w8a8', 'FP8', null],
  ['int8-w8a16', 'INT8', null],
  ['int4-g128', 'INT4 g128', 'autogptq-qlinear-cuda-py'],
  ['nf4', 'NF4', 'qlora-2305.14314'],
  ['nf4-dq', 'NF4 + DQ', 'qlora-2305.14314'],
  ['gguf-q8_0', 'GGUF Q8_0', 'llama-cpp-ggml-common-h'],
  ['gguf-q4_k', 'GGUF Q4_K', 'llama-cpp-ggml-common-h'],
];

/**
 * Llama-3.1-70B weight memory by format (lib/sizing `weightBytes`, bits per weight from
 * lib/formats' storage layouts), plus the observed size of llama.cpp's Q4_K_M file,
 * which is a mix of types and so is cited, not computed.
 */
export function WeightsTable({ model = 'llama-3.1-70b' }: { model?: string }) {
  const entry = getModel(model);
  const params = countParams(entry.spec).total;
  const q4km = GGUF_Q4_K_M_FILE_SIZES_GB['70B'] * BYTES_PER_GB;
  return (
    <section className={styles.section} aria-labelledby="cs-weights">
      <h2 id="cs-weights">{entry.name} weights</h2>
      <div className={`table-wrap ${styles.tableWrap}`} tabIndex={0} role="region" aria-label="Weights table">
        <table className={styles.table}>
          <colgroup>
            <col />
            <col span={2} />
            <col />
            <col />
          </colgroup>
          <caption className="sr-only">
            {entry.name} weight memory by format: bits per weight with scale overhead, GB (10⁹ B) and GiB (2³⁰ B)
          </caption>
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="colgroup" colSpan={2}>
                Bits per weight
              </th>
              <th scope="col" className={styles.n}>
                GB
              </th>
              <th scope="col" className={styles.n}>
                GiB
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([id, name, source]) => {
              const w = weightBytes(entry.spec, id);
              return (
                <tr key={id}>
                  <th scope="row">
                    {name}
                    {source ? <Ref id={source} /> : null}
                  </th>
                  <td className={styles.expr}>{overheadExpression(formatBitsBreakdown(id).formula)}</td>
                  <td className={styles.n}>{formatBitsPerWeight(w.bitsPerWeight)}</td>
                  <td className={styles.n}>{formatNumber(bytesToGB(w.bytes), 1)}</td>
                  <td className={styles.n}>{formatNumber(bytesToGiB(w.bytes), 1)}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">
                Q4_K_M file
                <Ref id="llama-cpp-quantize-readme" />
              </th>
              <td className={styles.expr}>observed, mixed types</td>
              <td className={styles.n}>{formatNumber(averageBitsPerWeight(q4km, params), 2)}</td>
              <td className={styles.n}>{formatNumber(bytesToGB(q4km), 1)}</td>
              <td className={styles.n}>{formatNumber(bytesToGiB(q4km), 1)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className={styles.note}>
        {formatCount(params)} parameters. INT4 g128: GPTQ/AWQ, FP16 scale + 4-bit zero per 128; DQ: double quantization.
        All but GGUF keep embedding, lm_head and norms at 16 bits (GPTQ W4A16 checkpoint: 39.8 GB
        <Ref id="nm-llama-3.1-70b-instruct-w4a16" />
        ), so not “70B × 4 / 8 = 35 GB”.
      </p>
    </section>
  );
}
