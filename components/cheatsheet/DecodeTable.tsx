import { batchOneDecodeCeiling } from './model';
import { getGpu } from '@/lib/hardware/getGpu';
import { getModel } from '@/lib/models';
import { formatBandwidth } from '@/components/speed/model/figures';
import { formatRate } from '@/lib/units';
import { CHART_FORMAT_LABELS, type ChartFormat } from '@/components/speed/model/options';
import { VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing';
import { formatCount, formatNumber } from '@/lib/units';
import { Ref } from './Ref';
import { DECODE_GPUS } from './sources';
import styles from './CheatSheet.module.css';

const FORMATS: readonly ChartFormat[] = ['bf16', 'fp8-w8a8', 'int8-w8a16', 'int4-g128'];
const CONTEXT = 8192;

/** Batch-1 decode ceilings (components/cheatsheet/model `batchOneDecodeCeiling`) by format and GPU. */
export function DecodeTable({ model = 'llama-3.1-70b' }: { model?: string }) {
  const entry = getModel(model);
  const gpus = DECODE_GPUS.map((id) => getGpu(id));
  const h100 = getGpu('h100-sxm');
  const expected = FORMATS.map((f) => ({
    f,
    c: batchOneDecodeCeiling({ model: entry.spec, weights: f, gpu: h100, contextTokens: CONTEXT }),
  }));
  return (
    <section className={styles.section} aria-labelledby="cs-decode">
      <h2 id="cs-decode">Batch-1 decode ceiling, tokens/s</h2>
      <div className={`table-wrap ${styles.tableWrap}`} tabIndex={0} role="region" aria-label="Decode ceiling table">
        <table className={styles.table}>
          <caption className="sr-only">
            Roofline upper bound on the tokens per second one user sees, {entry.name}, one sequence of{' '}
            {formatCount(CONTEXT)} cached tokens, on the fewest GPUs that hold it
          </caption>
          <thead>
            <tr>
              <th scope="col">Weights</th>
              {gpus.map((g) => (
                <th key={g.id} scope="col" className={styles.n}>
                  {g.name}
                  <span className={styles.sub}>{formatBandwidth(g.bandwidthBytesPerSecond)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FORMATS.map((f) => (
              <tr key={f}>
                <th scope="row">{CHART_FORMAT_LABELS[f]}</th>
                {gpus.map((g) => {
                  const c = batchOneDecodeCeiling({ model: entry.spec, weights: f, gpu: g, contextTokens: CONTEXT });
                  return (
                    <td key={g.id} className={styles.n}>
                      {c.tokensPerSecond === null ? (
                        'over 8 GPUs'
                      ) : (
                        <>
                          {formatRate(c.tokensPerSecond)}
                          {c.fellBack ? '†' : ''}
                          {c.gpuCount !== 1 ? <span className={styles.gpus}> on {c.gpuCount}</span> : null}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>
        Ceilings: one sequence, {formatCount(CONTEXT)} BF16 KV tokens, fewest GPUs at vLLM’s{' '}
        {formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)} (“on 2”: tensor parallel). Our H100’s kernels:{' '}
        {expected.map(({ f, c }, i) => (
          <span key={f}>
            {i > 0 ? ', ' : ''}
            {CHART_FORMAT_LABELS[f].split(' ')[0]}{' '}
            {c.expectedTokensPerSecond === null ? '—' : formatRate(c.expectedTokensPerSecond)}
          </span>
        ))}{' '}
        (INT4: no Marlin, a floor). † weight-only. The 4-bit lead fades with batch (Marlin keeps it to ≈16–32)
        <Ref id="marlin-readme" />.
      </p>
    </section>
  );
}
