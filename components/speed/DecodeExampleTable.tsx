import { exampleRows, type ExampleSetup } from './model/examples';
import { getGpu } from '@/lib/hardware/getGpu';
import { getModel } from '@/lib/models/catalog';
import { formatCount } from '@/lib/units';
import './tables.css';
import { prefixed } from '@/components/ui/prefixed';

const tableStyles = prefixed('st');

/**
 * A worked-example table of roofline decode speed (components/speed/model `exampleRows`): each
 * set-up (format × GPU count) at each batch, with time per step, tokens/s per
 * sequence, in total and per GPU, the bound, and whether the batch fits in memory.
 * Server component: numbers are computed at build time.
 *
 * @example <DecodeExampleTable setups={[{ weights: 'bf16', gpuCount: 2 }, { weights: 'int4-g128', gpuCount: 1 }]} batches={[1, 64]} context={1024} />
 */
export function DecodeExampleTable({
  model = 'llama-3.1-70b',
  gpu = 'h100-sxm',
  context,
  kvBits = 16,
  setups,
  batches,
}: {
  model?: string;
  gpu?: string;
  context: number;
  kvBits?: number;
  setups: ExampleSetup[];
  batches: number[];
}) {
  const rows = exampleRows({ model, gpu, contextTokens: context, kvBits, setups, batches });
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Worked example on ${getGpu(gpu).name}`}>
        <table className="table">
          <caption className="sr-only">
            Roofline decode speed of {getModel(model).name} on {getGpu(gpu).name} at {formatCount(context)} tokens of
            context
          </caption>
          <thead>
            <tr>
              <th scope="col">Weights</th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                GPUs
              </th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                Batch
              </th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                Step
              </th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                Per sequence
              </th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                Total
              </th>
              <th scope="col" className={`num ${tableStyles.numHead}`}>
                Per GPU
              </th>
              <th scope="col">Bound</th>
              <th scope="col">Memory</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.format}-${r.gpus}-${r.batch}`}>
                <th scope="row">{r.format}</th>
                <td className="num">{r.gpus}</td>
                <td className="num">{r.batch}</td>
                <td className="num">{r.stepTime}</td>
                <td className="num">{r.perSequence}</td>
                <td className="num">{r.total}</td>
                <td className="num">{r.perGpu}</td>
                <td>{r.bound}</td>
                <td>{r.fits ? r.fitText : <strong>{r.fitText}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`muted ${tableStyles.note}`}>
        {getModel(model).name} on {getGpu(gpu).name}, {formatCount(context)} cached tokens per sequence, {kvBits}-bit KV
        cache. Speeds in tokens/s; roofline upper bounds. “Memory”: whether weights, KV cache and workspace fit
        (lib/sizing).
      </p>
    </>
  );
}
