import { getGpu } from '@/lib/hardware';
import { countParams, getModel, kvCacheBytesPerSequence, kvCacheBytesPerToken } from '@/lib/models';
import { weightBytes } from '@/lib/sizing';
import { decodeStep } from '@/lib/perf';
import { largestBatchWithinItl, tensorParallelAllReduce } from '@/lib/deploy';
import { accuracyStandardError, MMLU_TEST, Z_95 } from '@/lib/evaluation';
import { formatBytesBoth, formatCount, formatDuration, formatGB, formatNumber } from '@/lib/units';
import styles from '../memory/MemoryFigures.module.css';

/**
 * Build-time figures for the lesson sections on KV quantization below 8 bits,
 * parallelism, MoE quantization, evaluation noise and goodput. Server components: each
 * number is a lib/ call at build time, printed into static HTML (no client JS).
 */

/** Seconds as µs, ms or s, 3 significant digits (lib/units). */
const duration = formatDuration;

/** KV cache per token and per sequence at several bit widths (payload only: the per-group scales and zero-points of 2- and 4-bit caches are not counted). */
export function KvBitsTable({
  model = 'llama-3.1-70b',
  context,
  bits = [16, 8, 4, 2],
}: {
  model?: string;
  context: number;
  bits?: number[];
}) {
  const spec = getModel(model).spec;
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        {getModel(model).name}: KV cache by element width, lib/models <code>kvCacheBytesPerToken</code> and{' '}
        <code>kvCacheBytesPerSequence</code> (payload bits only; scales and zero-points add a little at 2 and 4 bits)
      </figcaption>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={`${getModel(model).name}: KV cache by element width`}
      >
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">KV element</th>
              <th scope="col" className="num">
                Per token
              </th>
              <th scope="col" className="num">
                One {formatCount(context)}-token sequence
              </th>
            </tr>
          </thead>
          <tbody>
            {bits.map((b) => (
              <tr key={b}>
                <th scope="row">{b === 16 ? 'BF16 (16 bits)' : b === 8 ? 'FP8 (8 bits)' : `${b} bits`}</th>
                <td className="num">{formatCount(kvCacheBytesPerToken(spec, { bits: b }))} B</td>
                <td className="num">
                  {formatBytesBoth(kvCacheBytesPerSequence(spec, { bits: b, contextTokens: context }), 2)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Bytes every layer all-reduces per token under TP (2 × hidden × 2 B), from lib/deploy `tensorParallelAllReduce`: "32,768 B". */
export function AllReducePerLayer({ model = 'llama-3.1-70b' }: { model?: string }) {
  const r = tensorParallelAllReduce({ model, weights: 'bf16', gpu: 'h100-sxm', gpuCount: 2 }, { decodeBatch: 1 });
  return <span className="nowrap">{formatCount(r.bytesPerLayerPerToken)} B</span>;
}

interface AllReducePass {
  label: string;
  decodeBatch?: number;
  promptTokens?: number;
}

/** All-reduce bytes and ring time of one pass on two interconnects, against the pass's whole ceiling time. */
export function AllReduceTable({
  model = 'llama-3.1-70b',
  format,
  gpus = 2,
  gpuIds,
  passes,
}: {
  model?: string;
  format: string;
  gpus?: number;
  gpuIds: string[];
  passes: AllReducePass[];
}) {
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        {getModel(model).name}, {format}, tensor parallel over {gpus} GPUs: all-reduce traffic of one pass and its ring
        time at the link&apos;s datasheet bandwidth (lib/deploy <code>tensorParallelAllReduce</code>, lib/perf). A
        floor: the fixed latency of each of the all-reduces is not included.
      </figcaption>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="All-reduce traffic per pass">
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">Pass</th>
              <th scope="col" className="num">
                All-reduced
              </th>
              {gpuIds.map((g) => (
                <th scope="col" className="num" key={g}>
                  {getGpu(g).name}
                  <br />
                  <span className={styles.gib}>{getGpu(g).interconnect.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {passes.map((p) => {
              const pass =
                p.promptTokens !== undefined ? { promptTokens: p.promptTokens } : { decodeBatch: p.decodeBatch ?? 1 };
              const first = tensorParallelAllReduce(
                { model, weights: format, gpu: gpuIds[0] as string, gpuCount: gpus, contextTokens: 4096 },
                pass,
              );
              return (
                <tr key={p.label}>
                  <th scope="row">{p.label}</th>
                  <td className="num">
                    {first.bytesPerPass < 1e9
                      ? `${formatNumber(first.bytesPerPass / 1e6, 1)} MB`
                      : formatGB(first.bytesPerPass, 2)}
                  </td>
                  {gpuIds.map((g) => {
                    const r = tensorParallelAllReduce(
                      { model, weights: format, gpu: g, gpuCount: gpus, contextTokens: 4096 },
                      pass,
                    );
                    return (
                      <td className="num" key={g}>
                        {duration(r.seconds)}
                        <br />
                        <span className={styles.gib}>of {duration(r.passSeconds)}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface MoeRow {
  model: string;
  format: string;
  gpu: string;
  gpus: number;
}

/** MoE: memory follows the total parameters, batch-1 weight reads follow the active ones (lib/models, lib/sizing, lib/perf). */
export function MoeBytesTable({ rows }: { rows: MoeRow[] }) {
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        Resident weights (lib/sizing <code>weightBytes</code>, every expert) against the weight bytes one decode step
        reads at batch 1 and batch 64 (lib/perf <code>decodeStep</code>: only the routed experts are read)
      </figcaption>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Resident versus read weights">
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">Model, format</th>
              <th scope="col" className="num">
                Parameters: total / active
              </th>
              <th scope="col" className="num">
                Resident weights
              </th>
              <th scope="col" className="num">
                Read per step, batch 1
              </th>
              <th scope="col" className="num">
                Read per step, batch 64
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const m = getModel(r.model);
              const p = countParams(m.spec);
              const read = (batch: number) =>
                decodeStep({
                  model: r.model,
                  weights: r.format,
                  gpu: r.gpu,
                  gpuCount: r.gpus,
                  batch,
                  contextTokens: 1,
                  kvBits: 16,
                }).weightBytesRead;
              return (
                <tr key={`${r.model}-${r.format}`}>
                  <th scope="row">
                    {m.name}, {r.format}
                  </th>
                  <td className="num">
                    {formatNumber(p.total / 1e9, 1)}B / {formatNumber(p.active / 1e9, 1)}B
                  </td>
                  <td className="num">{formatGB(weightBytes(m.spec, r.format).bytes, 1)}</td>
                  <td className="num">{formatGB(read(1), 1)}</td>
                  <td className="num">{formatGB(read(64), 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Standard error of an accuracy on a benchmark, in points, or its 95 % half-width: "0.34 points". */
export function AccuracyNoise({
  accuracy,
  questions = MMLU_TEST.questions,
  interval = false,
}: {
  accuracy: number;
  questions?: number;
  interval?: boolean;
}) {
  const se = accuracyStandardError(accuracy, questions);
  return (
    <span className="nowrap">
      {interval ? '±' : ''}
      {formatNumber((interval ? Z_95 * se : se) * 100, 2)} points
    </span>
  );
}

/** MMLU's test-split size from lib/evaluation: "14,042". */
export function MmluQuestions() {
  return <span className="nowrap">{formatCount(MMLU_TEST.questions)}</span>;
}

interface SloRow {
  format: string;
  gpu: string;
  gpus: number;
}

/** Largest batch that fits against the largest that meets an inter-token-latency target (lib/deploy `largestBatchWithinItl`). */
export function ItlBatchTable({
  model = 'llama-3.1-70b',
  context,
  itlMs,
  rows,
}: {
  model?: string;
  context: number;
  itlMs: number;
  rows: SloRow[];
}) {
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        {getModel(model).name}, {formatCount(context)} tokens per sequence, target {formatNumber(itlMs, 0)} ms per
        output token: the largest batch that fits (lib/sizing, vLLM&apos;s default utilisation) against the largest that
        meets the target, on the roofline ceiling and on the calibrated estimate (lib/perf). Tokens/s are the
        estimate&apos;s, per GPU.
      </figcaption>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label="Largest batch: memory against the latency target"
      >
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">Format, GPUs</th>
              <th scope="col" className="num">
                Fits
              </th>
              <th scope="col" className="num">
                Step at that batch: ceiling / estimate
              </th>
              <th scope="col" className="num">
                Within target: ceiling / estimate
              </th>
              <th scope="col" className="num">
                Tokens/s per GPU: at fit / within target
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const x = largestBatchWithinItl(
                { model, weights: r.format, gpu: r.gpu, gpuCount: r.gpus, contextTokens: context },
                itlMs / 1000,
              );
              const est = x.expected;
              const perGpu = (t: number | undefined) => (t === undefined ? '—' : formatCount(Math.round(t / r.gpus)));
              return (
                <tr key={`${r.format}-${r.gpu}-${r.gpus}`}>
                  <th scope="row">
                    {r.format}, {r.gpus} × {getGpu(r.gpu).name}
                  </th>
                  <td className="num">{formatCount(x.fitBatch)}</td>
                  <td className="num">
                    {duration(x.atFit.secondsPerToken)} / {est ? duration(est.atFit.secondsPerToken) : 'n/a'}
                  </td>
                  <td className="num">
                    {x.withinItl ? formatCount(x.withinItl.batch) : 'none'} /{' '}
                    {est ? (est.withinItl ? formatCount(est.withinItl.batch) : 'none') : 'n/a'}
                  </td>
                  <td className="num">
                    {perGpu(est?.atFit.tokensPerSecondTotal)} / {perGpu(est?.withinItl?.tokensPerSecondTotal)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
