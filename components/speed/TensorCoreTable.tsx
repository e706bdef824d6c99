import Link from 'next/link';
import { GPUS } from '@/lib/hardware/catalog';
import { gpuFigureStatus } from '@/lib/hardware/gpuFigureStatus';
import { LOW_BIT_DTYPES, lowBitTensorCoreSupport } from '@/lib/hardware/lowBitTensorCoreSupport';
import type { ComputeDtype, Gpu, GpuArchitecture } from '@/lib/hardware/types';
import { DTYPE_LABELS } from './model/figures';
import { formatNumber } from '@/lib/units';
import './tables.css';
import { prefixed } from '@/components/ui/prefixed';

const tableStyles = prefixed('st');

const ARCHITECTURE: Record<GpuArchitecture, string> = {
  turing: 'Turing',
  ampere: 'Ampere',
  ada: 'Ada',
  hopper: 'Hopper',
  blackwell: 'Blackwell',
  cdna3: 'CDNA 3',
};

function peakText(gpu: Gpu, dtype: ComputeDtype): string {
  const tflops = gpu.denseTflops[dtype];
  if (tflops === undefined) return '—';
  const digits = Number.isInteger(tflops) ? 0 : Number.isInteger(tflops * 10) ? 1 : 2;
  return `${formatNumber(tflops, digits)}${gpuFigureStatus(gpu, dtype) === 'unverified' ? ' ⚠' : ''}`;
}

const sixteen = (g: Gpu): ComputeDtype => (g.denseTflops.bf16 !== undefined ? 'bf16' : 'fp16');

/**
 * Which low-bit formats each catalog GPU's tensor cores multiply natively
 * (lib/hardware `lowBitTensorCoreSupport`), with the dense peaks and the 16-bit
 * peak for comparison; ⚠ marks figures whose status is 'unverified'. Server
 * component: a static table, no client JavaScript.
 */
export function TensorCoreTable() {
  const unverified = GPUS.filter((g) =>
    [...LOW_BIT_DTYPES, sixteen(g)].some(
      (d) => g.denseTflops[d] !== undefined && gpuFigureStatus(g, d) === 'unverified',
    ),
  );
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Low-bit tensor cores by GPU">
        <table className="table">
          <caption className="sr-only">Low-bit tensor-core support and dense peaks of the GPUs in the catalog</caption>
          <thead>
            <tr>
              <th scope="col">GPU</th>
              <th scope="col">Low-bit tensor cores</th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                16-bit TFLOPS
              </th>
              {LOW_BIT_DTYPES.map((d) => (
                <th key={d} scope="col" className={`num ${tableStyles.numHead}`}>
                  {DTYPE_LABELS[d]} {d.startsWith('int') ? 'TOPS' : 'TFLOPS'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {GPUS.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  {g.name} <span className="muted">({ARCHITECTURE[g.architecture]})</span>
                </th>
                <td>
                  {lowBitTensorCoreSupport(g)
                    .map((d) => DTYPE_LABELS[d])
                    .join(', ') || 'none'}
                </td>
                <td className="num">
                  {peakText(g, sixteen(g))}
                  {sixteen(g) === 'fp16' ? ' (FP16)' : ''}
                </td>
                {LOW_BIT_DTYPES.map((d) => (
                  <td key={d} className="num">
                    {peakText(g, d)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`muted ${tableStyles.note}`}>
        Dense peaks (NVIDIA datasheets print 2:4-sparse figures, twice these). “—”: no peak on the datasheet, i.e. no
        tensor cores for that type. ⚠ unverified (commonly quoted, not checked against the datasheet):{' '}
        {unverified.map((g) => g.name).join(', ')}. Each figure’s source is on{' '}
        <Link href="/sources#kind-datasheet">Sources</Link>.
      </p>
    </>
  );
}
