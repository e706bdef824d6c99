import { getFormat } from '@/lib/formats/getFormat';
import { getGpu } from '@/lib/hardware/getGpu';
import { speedupCeiling } from '@/lib/perf/speedupCeiling';
import { formatRatio } from '@/lib/units';
import { CHART_FORMAT_LABELS, isChartFormat } from './model/options';
import './tables.css';
import { prefixed } from '@/components/ui/prefixed';

const tableStyles = prefixed('st');

/**
 * Speed-up ceilings over BF16 (lib/perf `speedupCeiling`) for a list of format × GPU
 * pairs: memory-bound (bits ratio), compute-bound (peak ratio) and the larger.
 * Server component.
 *
 * @example <CeilingTable rows={[{ weights: 'int4-g128', gpu: 'h100-sxm' }]} />
 */
export function CeilingTable({
  rows,
  baseline = 'bf16',
}: {
  rows: Array<{ weights: string; gpu: string }>;
  baseline?: string;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Speed-up ceilings">
      <table className="table">
        <caption className="sr-only">
          Upper bounds on the speed-up over {getFormat(baseline).name} on the same GPU
        </caption>
        <thead>
          <tr>
            <th scope="col">Format</th>
            <th scope="col">GPU</th>
            <th scope="col" className={`num ${tableStyles.numHead}`}>
              Memory-bound (bits)
            </th>
            <th scope="col" className={`num ${tableStyles.numHead}`}>
              Compute-bound (peak)
            </th>
            <th scope="col" className={`num ${tableStyles.numHead}`}>
              Ceiling
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ weights, gpu }) => {
            const c = speedupCeiling({ gpu, weights, baseline });
            return (
              <tr key={`${weights}-${gpu}`}>
                <th scope="row">{isChartFormat(weights) ? CHART_FORMAT_LABELS[weights] : getFormat(weights).name}</th>
                <td>{getGpu(gpu).name}</td>
                <td className="num">{formatRatio(c.memoryBoundRatio)}</td>
                <td className="num">{formatRatio(c.computeBoundRatio)}</td>
                <td className="num">{formatRatio(c.ceiling)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
