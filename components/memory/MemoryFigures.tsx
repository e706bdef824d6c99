import { bitsPerWeight, formatBitsBreakdown, getFormat } from '@/lib/formats';
import { getGpu } from '@/lib/hardware';
import { countParams, getModel, kvCacheBytesPerToken, kvCacheFormula } from '@/lib/models';
import type { ModelSpec } from '@/lib/models';
import {
  estimateMemory,
  fitOnGpu,
  weightBytes,
  vllmDefaultMaxBatchedTokens,
  FIT_VERDICT_WORDS,
  VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
} from '@/lib/sizing';
import { BYTES_PER_MIB, formatBytesBoth, formatCount, formatGB, formatGiB, formatNumber } from '@/lib/units';
import { formatBytesPerToken, formatHeadroom } from './model/format';
import { withAttention } from './model/variants';
import styles from './MemoryFigures.module.css';

/**
 * Inline, build-time numbers for the memory lesson. Server components: each figure is
 * a lib/ call at build time printed into static HTML, so they cost no client JavaScript
 * and can never drift from the calculator.
 */

/** A catalog model, optionally with a hypothetical attention shape (components/memory/model `withAttention`). */
function specOf(model: string, kvHeads?: number, headDim?: number): ModelSpec {
  const spec = getModel(model).spec;
  return kvHeads === undefined && headDim === undefined ? spec : withAttention(spec, { numKvHeads: kvHeads, headDim });
}

/** Every fit uses vLLM's default gpu_memory_utilization (0.92) unless `util="full"` asks for every byte CUDA reports. */
const utilOf = (util?: 'full' | 'vllm') => (util === 'full' ? 1 : VLLM_DEFAULT_GPU_MEMORY_UTILIZATION);

/** KV-cache bytes one token adds, e.g. "327,680 B (320 KiB)". `kvHeads`/`headDim` make a hypothetical variant. */
export function KvBytesPerToken({
  model,
  bits = 16,
  kvHeads,
  headDim,
}: {
  model: string;
  bits?: number;
  kvHeads?: number;
  headDim?: number;
}) {
  return (
    <span className="nowrap">
      {formatBytesPerToken(kvCacheBytesPerToken(specOf(model, kvHeads, headDim), { bits }))}
    </span>
  );
}

/** KV cache of `batch` sequences of `context` tokens, in GB and GiB: "10.7 GB (10.0 GiB)". */
export function KvCacheBytes({
  model,
  bits = 16,
  context,
  batch = 1,
  kvHeads,
  headDim,
}: {
  model: string;
  bits?: number;
  context: number;
  batch?: number;
  kvHeads?: number;
  headDim?: number;
}) {
  const m = estimateMemory({
    model: specOf(model, kvHeads, headDim),
    weights: 'bf16',
    kvBits: bits,
    contextTokens: context,
    batch,
  });
  return <span className="nowrap">{formatBytesBoth(m.kvCacheBytes, 2)}</span>;
}

/** Storage bits per weight of a format, scales and zero-points included (lib/formats `bitsPerWeight`): "4.156 bits". */
export function BitsPerWeight({ format, digits = 3 }: { format: string; digits?: number }) {
  return <span className="nowrap">{formatNumber(bitsPerWeight(format), digits)} bits</span>;
}

/** vLLM's default per-step token budget on a GPU (lib/sizing `vllmDefaultMaxBatchedTokens`): "2,048 tokens". */
export function VllmTokenBudget({ gpu }: { gpu: string }) {
  return <span className="nowrap">{formatCount(vllmDefaultMaxBatchedTokens(getGpu(gpu)))} tokens</span>;
}

/** A model's parameter count (lib/models `countParams`): total (every expert), active per token, or the input embedding alone: "46,702,792,704". */
export function ParamCount({ model, which = 'total' }: { model: string; which?: 'total' | 'active' | 'embedding' }) {
  const counts = countParams(getModel(model).spec);
  return <span className="nowrap">{formatCount(counts[which])}</span>;
}

/** What the driver reports for a GPU, in three units: "81,920 MiB = 85.9 GB = 80.0 GiB". */
export function GpuMemory({ gpu }: { gpu: string }) {
  const bytes = getGpu(gpu).usableMemoryBytes;
  return (
    <span>
      {formatCount(bytes / BYTES_PER_MIB)} MiB = {formatGB(bytes)} = {formatGiB(bytes)}
    </span>
  );
}

interface LoadProps {
  model?: string;
  format: string;
  /** KV-cache bits (default 16). */
  kv?: number;
  context: number;
  batch: number;
}

/** Total inference memory of a load: weights + KV + activations + overhead on one GPU, "51.9 GB (48.3 GiB)". With `gpu`, the activation budget is that GPU's vLLM default. */
export function MemoryTotal({
  model = 'llama-3.1-70b',
  format,
  kv = 16,
  context,
  batch,
  gpu,
}: LoadProps & { gpu?: string }) {
  const bytes = gpu
    ? fitOnGpu({ model, weights: format, kvBits: kv, contextTokens: context, batch, gpu }).requiredBytes
    : estimateMemory({ model, weights: format, kvBits: kv, contextTokens: context, batch }).totalBytes;
  return <span className="nowrap">{formatBytesBoth(bytes)}</span>;
}

/** One term of the estimate for a load (on `gpu`, with that GPU's vLLM token budget, when given): "0.4 GB (0.3 GiB)". */
export function MemoryTerm({
  model = 'llama-3.1-70b',
  format,
  kv = 16,
  context,
  batch,
  gpu,
  term,
}: LoadProps & { gpu?: string; term: 'weights' | 'kvCache' | 'activations' | 'overhead' }) {
  const estimate = gpu
    ? fitOnGpu({ model, weights: format, kvBits: kv, contextTokens: context, batch, gpu }).estimate
    : estimateMemory({ model, weights: format, kvBits: kv, contextTokens: context, batch });
  return <span className="nowrap">{formatBytesBoth(estimate.terms.find((t) => t.id === term)!.bytes)}</span>;
}

/** "fits: 84.8 GB (79.0 GiB) of 85.9 GB (80.0 GiB), 1.1 GB (1.0 GiB) to spare", "tight: …" or "does not fit: … short" (lib/sizing verdict band). */
export function MemoryFit({
  model = 'llama-3.1-70b',
  format,
  kv = 16,
  context,
  batch,
  gpu,
  gpus = 1,
  util,
}: LoadProps & { gpu: string; gpus?: number; util?: 'full' | 'vllm' }) {
  const f = fitOnGpu({
    model,
    weights: format,
    kvBits: kv,
    contextTokens: context,
    batch,
    gpu,
    gpuCount: gpus,
    memoryUtilization: utilOf(util),
  });
  return (
    <span>
      <strong>{FIT_VERDICT_WORDS[f.verdict]}</strong>: {formatBytesBoth(f.requiredBytes)} of{' '}
      {formatBytesBoth(f.availableBytes)}, {formatHeadroom(f.headroomBytes)}
    </span>
  );
}

/** The largest batch of `context`-token sequences that fits: "8". */
export function MemoryMaxBatch({
  model = 'llama-3.1-70b',
  format,
  kv = 16,
  context,
  gpu,
  gpus = 1,
  util,
}: Omit<LoadProps, 'batch'> & { gpu: string; gpus?: number; util?: 'full' | 'vllm' }) {
  const f = fitOnGpu({
    model,
    weights: format,
    kvBits: kv,
    contextTokens: context,
    batch: 1,
    gpu,
    gpuCount: gpus,
    memoryUtilization: utilOf(util),
  });
  return <span className="nowrap">{formatCount(f.maxBatchAtContext)}</span>;
}

/** Weights of a model in each format: bits per weight with the overhead spelled out, what stays at 16 bits, GB and GiB. */
export function WeightFormatTable({ model = 'llama-3.1-70b', formats }: { model?: string; formats: string[] }) {
  const entry = getModel(model);
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        {entry.name} ({formatCount(countParams(entry.spec).total)} parameters): weight memory by format, computed by
        lib/sizing
        <code> weightBytes</code>
      </figcaption>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${entry.name}: weight memory by format`}>
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col">Bits per weight</th>
              <th scope="col">Kept at 16 bits</th>
              <th scope="col" className="num">
                GB (10⁹ B)
              </th>
              <th scope="col" className="num">
                GiB (2³⁰ B)
              </th>
            </tr>
          </thead>
          <tbody>
            {formats.map((id) => {
              const w = weightBytes(entry.spec, id);
              return (
                <tr key={id}>
                  <th scope="row">{getFormat(id).name}</th>
                  <td>
                    <code>{formatBitsBreakdown(id).formula}</code>
                  </td>
                  <td>
                    {w.sixteenBitParams === 0
                      ? 'nothing'
                      : w.embeddingsAt16Bit
                        ? 'embedding, lm_head, norms'
                        : 'norms only'}
                  </td>
                  <td className="num">{formatGB(w.bytes)}</td>
                  <td className="num">{formatGiB(w.bytes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** One row of {@link KvAttentionTable}: a catalog model, or a hypothetical variant of one. */
interface KvRow {
  model: string;
  label: string;
  kvHeads?: number;
}

/** A byte count as GB over GiB, for narrow table cells. */
function TwoUnits({ bytes }: { bytes: number }) {
  return (
    <>
      {formatGB(bytes, 2)}
      <br />
      <span className={styles.gib}>{formatGiB(bytes, 2)}</span>
    </>
  );
}

/** KV cache per token and per sequence for several attention shapes (MHA / GQA / MLA), at BF16 and FP8. */
export function KvAttentionTable({ rows, context }: { rows: KvRow[]; context: number }) {
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        KV cache by attention type, per token and per {formatCount(context)}-token sequence: lib/models{' '}
        <code>kvCacheBytesPerToken</code>
      </figcaption>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="KV cache by attention type">
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">Model and per-token formula (BF16)</th>
              <th scope="col" className="num">
                Per token, BF16
              </th>
              <th scope="col" className="num">
                {formatCount(context)} tokens, BF16
              </th>
              <th scope="col" className="num">
                {formatCount(context)} tokens, FP8
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const spec = specOf(row.model, row.kvHeads);
              const at = (bits: number) =>
                estimateMemory({ model: spec, weights: 'bf16', kvBits: bits, contextTokens: context, batch: 1 });
              return (
                <tr key={row.label}>
                  <th scope="row">
                    {row.label}
                    <br />
                    <code className={styles.formula}>{kvCacheFormula(spec, { bits: 16 }).formula}</code>
                  </th>
                  <td className="num">{formatBytesPerToken(at(16).kvCacheBytesPerToken)}</td>
                  <td className="num">
                    <TwoUnits bytes={at(16).kvCacheBytes} />
                  </td>
                  <td className="num">
                    <TwoUnits bytes={at(8).kvCacheBytes} />
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

/** One column of {@link MemoryExampleTable}: a GPU group. */
interface Setup {
  gpu: string;
  gpus?: number;
}

/**
 * The worked example for one weight format: one column per GPU group, one row per term,
 * then the total against the memory available, the verdict and the largest batch that fits.
 */
export function MemoryExampleTable({
  model = 'llama-3.1-70b',
  format,
  kv = 16,
  context,
  batch,
  setups,
}: {
  model?: string;
  format: string;
  kv?: number;
  context: number;
  batch: number;
  setups: Setup[];
}) {
  const fits = setups.map(({ gpu, gpus = 1 }) => ({
    key: `${gpu}-${gpus}`,
    label: `${formatCount(gpus)} × ${getGpu(gpu).name}`,
    fit: fitOnGpu({ model, weights: format, kvBits: kv, contextTokens: context, batch, gpu, gpuCount: gpus }),
  }));
  const termIds = ['weights', 'kvCache', 'activations', 'overhead'] as const;
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        {getModel(model).name}, {getFormat(format).name} weights, {kv}-bit KV cache, {formatCount(batch)} sequences ×{' '}
        {formatCount(context)} tokens: lib/sizing <code>fitOnGpu</code> at vLLM&apos;s default gpu_memory_utilization{' '}
        {formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}
      </figcaption>
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={`${getModel(model).name}, ${getFormat(format).name} weights: memory by term`}
      >
        <table className={`table ${styles.table}`}>
          <thead>
            <tr>
              <th scope="col">Term</th>
              {fits.map((f) => (
                <th key={f.key} scope="col" className="num">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {termIds.map((id) => (
              <tr key={id}>
                <th scope="row">{fits[0]!.fit.estimate.terms.find((t) => t.id === id)!.label}</th>
                {fits.map((f) => (
                  <td key={f.key} className="num">
                    <TwoUnits bytes={f.fit.estimate.terms.find((t) => t.id === id)!.bytes} />
                  </td>
                ))}
              </tr>
            ))}
            <tr className={styles.strong}>
              <th scope="row">Total needed</th>
              {fits.map((f) => (
                <td key={f.key} className="num">
                  <TwoUnits bytes={f.fit.requiredBytes} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Available (usable memory)</th>
              {fits.map((f) => (
                <td key={f.key} className="num">
                  <TwoUnits bytes={f.fit.availableBytes} />
                </td>
              ))}
            </tr>
            <tr className={styles.strong}>
              <th scope="row">Verdict</th>
              {fits.map((f) => (
                <td key={f.key} className={styles.right}>
                  {FIT_VERDICT_WORDS[f.fit.verdict]}
                  <br />
                  <span className={styles.gib}>{formatHeadroom(f.fit.headroomBytes)}</span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Largest batch of {formatCount(context)} tokens</th>
              {fits.map((f) => (
                <td key={f.key} className="num">
                  {formatCount(f.fit.maxBatchAtContext)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
