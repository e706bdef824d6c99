import { batchOneDecodeCeiling, gpuSheetRow, SHEET_LOW_BIT_DTYPES, type TensorCoreSupport } from './model';
import { formatBandwidth, DTYPE_LABELS } from '@/components/speed/model/figures';
import { VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing';
import { formatCount, formatGB, formatGiB, formatNumber } from '@/lib/units';
import { Ref } from './Ref';
import { TABLE_GPUS } from './sources';
import styles from './CheatSheet.module.css';

function Support({ value }: { value: TensorCoreSupport }) {
  if (value === 'no') {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">no</span>
      </>
    );
  }
  return (
    <>
      <span aria-hidden="true">{value === 'yes' ? '✓' : '✓⚠'}</span>
      <span className="sr-only">{value === 'yes' ? 'yes' : 'yes (figure unverified)'}</span>
    </>
  );
}

const CONTEXT = 8192;

/** The fewest GPUs that hold Llama-3.1-70B in a format with one CONTEXT-token sequence at vLLM's default memory share (components/cheatsheet/model). */
function cardsFor(gpu: string, weights: string): string {
  const c = batchOneDecodeCeiling({ model: 'llama-3.1-70b', weights, gpu, contextTokens: CONTEXT });
  return c.gpuCount === null ? '>8' : String(c.gpuCount);
}

/** A compact GPU table from lib/hardware: reported memory, bandwidth, low-bit tensor cores, and how many hold a 70B. */
export function GpuTable() {
  const rows = TABLE_GPUS.map((id) => gpuSheetRow(id));
  const fp4 = rows.filter((r) => r.fp4).map((r) => r.name);
  return (
    <section className={styles.section} aria-labelledby="cs-gpus">
      <h2 id="cs-gpus">GPUs</h2>
      <div className={`table-wrap ${styles.tableWrap}`} tabIndex={0} role="region" aria-label="GPU table">
        <table className={`${styles.table} ${styles.gpuTable}`}>
          <caption className="sr-only">
            GPU memory as the driver reports it, peak bandwidth, FP8/INT8/INT4 tensor-core support, and how many GPUs
            hold Llama-3.1-70B at 4 and 8 bits
          </caption>
          <thead>
            <tr>
              <th scope="col">GPU</th>
              <th scope="col" className={styles.n}>
                Memory
              </th>
              <th scope="col" className={styles.n}>
                BW
              </th>
              {SHEET_LOW_BIT_DTYPES.map((d) => (
                <th key={d} scope="col" className={styles.c}>
                  {DTYPE_LABELS[d]}
                </th>
              ))}
              <th scope="col" className={styles.n}>
                70B<span className={styles.sub}>INT4 · FP8</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  <Ref id={r.sourceIds} />
                </th>
                <td className={styles.n}>
                  {formatGB(r.usableMemoryBytes)}
                  <span className={styles.sub}>{formatGiB(r.usableMemoryBytes)}</span>
                </td>
                <td className={styles.n}>{formatBandwidth(r.bandwidthBytesPerSecond)}</td>
                {SHEET_LOW_BIT_DTYPES.map((d) => (
                  <td key={d} className={styles.c}>
                    <Support value={r.tensorCores[d]} />
                  </td>
                ))}
                <td className={styles.n}>
                  {cardsFor(r.id, 'int4-g128')} · {cardsFor(r.id, 'fp8-w8a8')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>
        Memory as nvidia-smi/rocm-smi reports it, GB (10⁹ B) over GiB (2³⁰ B); BW: peak bandwidth. ✓ tensor cores for
        the type, — none (16-bit matmul), ⚠ figure unverified.{' '}
        {fp4.length ? `${fp4.join(', ')}: FP4 tensor cores too. ` : ''}B200: no INT8 in vLLM. MI300X FP8: E4M3FNUZ, max
        240. “70B”: fewest GPUs that hold INT4 g128 · FP8 weights and one {formatCount(CONTEXT)}-token sequence at
        vLLM’s {formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}.
      </p>
    </section>
  );
}
