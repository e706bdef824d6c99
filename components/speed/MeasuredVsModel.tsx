import measurements from '@/lib/perf/data/measurements.json';
import { measuredProvenance, measuredRows, type CommittedMeasurements } from './model/measuredTable';
import { formatCount } from '@/lib/units';
import './tables.css';

const TOKENS = [1, 16, 64, 256, 1024, 8192] as const;

/**
 * Our GPU benchmark beside the model: one Llama-3.1-70B transformer layer's four
 * GEMMs (qkv, o, gate_up, down) per kernel and batch, measured on the H100 SXM,
 * with the calibrated expected time, the roofline ceiling and the model's error.
 * Server component: rendered at build time from the committed results, no client JS.
 */
/** On a slide the table keeps the two ends of the batch range (present.css hides the other rows). */
const SLIDE_TOKENS: readonly number[] = [1, 8192];

export function MeasuredVsModel({ tp = 1 }: { tp?: number }) {
  const data = measurements.find((m) => m.gpuId === 'h100-sxm') as unknown as CommittedMeasurements | undefined;
  if (!data) return <p className="muted">No committed GPU measurements.</p>;
  const rows = measuredRows(data, { tp, tokens: TOKENS });
  const worst = rows.reduce((w, r) => Math.max(w, r.absError), 0);
  return (
    <figure style={{ margin: '1rem 0' }}>
      <p>
        <strong>Measured versus model</strong>: one Llama-3.1-70B layer&rsquo;s four GEMMs
        {tp > 1 ? ` at tensor parallel ${tp}` : ''}, H100 SXM.
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Measured versus model, one transformer layer">
        <table className="table">
          <caption className="sr-only">
            One Llama-3.1-70B layer&rsquo;s GEMMs (qkv + o + gate_up + down{tp > 1 ? `, tensor parallel ${tp}` : ''}) on
            an H100 SXM: measured, expected by the calibrated model, and the roofline ceiling
          </caption>
          <thead>
            <tr>
              <th scope="col">Kernel</th>
              <th scope="col" className="num">
                Batch
              </th>
              <th scope="col" className="num">
                Measured
              </th>
              <th scope="col" className="num">
                Expected
              </th>
              <th scope="col" className="num">
                Ceiling
              </th>
              <th scope="col" className="num">
                Model error
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.format}-${r.tokens}`}
                data-slide-row={SLIDE_TOKENS.includes(r.tokens) ? undefined : 'secondary'}
              >
                <th scope="row">{r.format}</th>
                <td className="num">{formatCount(r.tokens)}</td>
                <td className="num">{r.measured}</td>
                <td className="num">{r.expected}</td>
                <td className="num">{r.ceiling}</td>
                <td className="num">{r.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="muted">
        Measured with <code>bench/gpu/bench.py</code> (CUDA-graph replays, weights rotated past the L2 cache, every
        kernel checked against a dequantised BF16 matmul first): {measuredProvenance('h100-sxm')} Largest model error in
        this table: {(100 * worst).toFixed(1)} %; a unit test holds all 252 measured layers to 15 %. GEMM-level numbers,
        not a serving engine: the machine had no vLLM, Marlin or Machete.
      </figcaption>
    </figure>
  );
}
