import { getGpu, gpuFigureStatus, lowBitTensorCoreSupport } from '@/lib/hardware';
import { kvCacheBytesPerToken, getModel } from '@/lib/models';
import {
  fitOnGpu,
  FIT_VERDICT_WORDS,
  VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  ggufTypesWithinBudget,
  maxBitsPerWeightToFit,
  weightBudget,
} from '@/lib/sizing';
import { prefillRoofline } from '@/lib/perf';
import { batchCostRatio, planDeploymentRow } from '@/lib/deploy';
import { formatDuration, formatRate } from '@/lib/units';
import { BYTES_PER_MIB, formatBytesBoth, formatCount, formatNumber } from '@/lib/units';

/**
 * Inline, build-time numbers for the deployment lesson. Server components: every
 * figure is a lib/ call at build time, printed into static HTML (no client JS).
 * Every fit uses vLLM's default gpu_memory_utilization (0.92, lib/sizing's default);
 * `util="full"` asks for every byte CUDA reports.
 */
type Util = 'full' | 'vllm';
const utilOf = (util?: Util) => (util === 'full' ? 1 : VLLM_DEFAULT_GPU_MEMORY_UTILIZATION);

interface LoadProps {
  model?: string;
  format: string;
  gpu: string;
  gpus?: number;
  context: number;
  util?: Util;
}

function fit({ model = 'llama-3.1-70b', format, gpu, gpus = 1, context, util }: LoadProps, batch: number) {
  return fitOnGpu({
    model,
    weights: format,
    gpu,
    gpuCount: gpus,
    contextTokens: context,
    batch,
    kvBits: 16,
    memoryUtilization: utilOf(util),
  });
}

/** "fits: it needs 84.8 GB (79.0 GiB) of 85.9 GB (80.0 GiB)" or "does not fit: it needs …". */
export function FitVerdict(props: LoadProps & { batch: number }) {
  const f = fit(props, props.batch);
  return (
    <span>
      <strong>{FIT_VERDICT_WORDS[f.verdict]}</strong>: it needs {formatBytesBoth(f.requiredBytes)} of{' '}
      {formatBytesBoth(f.availableBytes)}
    </span>
  );
}

/** The most sequences of `context` tokens that fit, e.g. "8". */
export function MaxBatch(props: LoadProps) {
  return <span className="nowrap">{formatCount(fit(props, 1).maxBatchAtContext)}</span>;
}

/** Free memory after weights, overhead and workspace, as KV-cache tokens in all: e.g. "36,126". */
export function KvPoolTokens(props: LoadProps & { batch?: number }) {
  return <span className="nowrap">{formatCount(fit(props, props.batch ?? 1).maxTotalKvTokens)}</span>;
}

/** KV cache of one sequence, BF16 unless `kvBits` says otherwise: "1.3 GB (1.3 GiB)". */
export function KvPerSequence({
  model = 'llama-3.1-70b',
  context,
  kvBits = 16,
}: {
  model?: string;
  context: number;
  kvBits?: number;
}) {
  return (
    <span className="nowrap">
      {formatBytesBoth(kvCacheBytesPerToken(getModel(model).spec, { bits: kvBits }) * context, 2)}
    </span>
  );
}

/** vLLM's default gpu_memory_utilization, from lib/sizing: "0.92". */
export function VllmUtilization() {
  return <span className="nowrap">{formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}</span>;
}

/** The memory the driver reports for a GPU: "25.8 GB (24.0 GiB; 24,564 MiB in nvidia-smi)". */
export function UsableMemory({ gpu }: { gpu: string }) {
  const bytes = getGpu(gpu).usableMemoryBytes;
  return (
    <span>
      {formatBytesBoth(bytes)}; {formatCount(bytes / BYTES_PER_MIB)} MiB in nvidia-smi
    </span>
  );
}

/** Low-bit tensor-core dtypes of a GPU (lib/hardware): "FP8, INT8"; a dtype whose figure is unverified says so. */
export function TensorCores({ gpu }: { gpu: string }) {
  const card = getGpu(gpu);
  const dtypes = lowBitTensorCoreSupport(card);
  const label = (d: (typeof dtypes)[number]) =>
    `${d.toUpperCase()}${gpuFigureStatus(card, d) === 'unverified' ? ' (unverified)' : ''}`;
  return <span>{dtypes.length ? dtypes.map(label).join(', ') : 'none'}</span>;
}

/** Bits per weight (over every parameter) that fit a GPU group, before or after reserving one load. */
export function MaxBitsToFit({
  model = 'llama-3.1-70b',
  gpu,
  gpus = 1,
  context,
  batch = 1,
}: {
  model?: string;
  gpu: string;
  gpus?: number;
  context?: number;
  batch?: number;
}) {
  const budget = weightBudget({
    model,
    gpu,
    gpuCount: gpus,
    load: context === undefined ? null : { contextTokens: context, batch, kvBits: 16 },
  });
  return <span className="nowrap">{formatNumber(maxBitsPerWeightToFit(model, budget.budgetBytes), 2)} bits</span>;
}

/** The GGUF base types whose weights fit what is left after reserving one load. */
export function GgufTypesThatFit({
  model = 'llama-3.1-70b',
  gpu,
  gpus = 1,
  context,
  batch = 1,
}: {
  model?: string;
  gpu: string;
  gpus?: number;
  context: number;
  batch?: number;
}) {
  const budget = weightBudget({ model, gpu, gpuCount: gpus, load: { contextTokens: context, batch, kvBits: 16 } });
  const rows = ggufTypesWithinBudget(model, budget.budgetBytes).filter((r) => r.fits);
  if (rows.length === 0) return <span>none</span>;
  return (
    <span>
      {rows.map((r, i) => (
        <span key={r.formatId}>
          {i > 0 ? (i === rows.length - 1 ? ' and ' : ', ') : null}
          {r.ggmlType} ({formatNumber(r.bitsPerWeight, 4)} bits per weight, {formatBytesBoth(r.weightsBytes)} of
          weights)
        </span>
      ))}
    </span>
  );
}

/** Roofline decode rate at a batch capped at what fits: "69.2 tokens/s" (per sequence or in total). */
export function DecodeRate({
  model = 'llama-3.1-70b',
  format,
  gpu,
  gpus = 1,
  context,
  batch,
  util,
  per,
}: LoadProps & { batch: number; per: 'sequence' | 'total' }) {
  const row = planDeploymentRow({
    model,
    weights: format,
    gpu,
    gpuCount: gpus,
    contextTokens: context,
    targetBatch: batch,
    kvBits: 16,
    memoryUtilization: utilOf(util),
    dollarsPerGpuHour: null,
  });
  if (!row.ok) throw new Error(`DecodeRate: ${row.message}`);
  if (!row.decode) return <span>no tokens (nothing fits)</span>;
  const rate = per === 'sequence' ? row.decode.tokensPerSecondPerSequence : row.decode.tokensPerSecondTotal;
  return (
    <span>
      <span className="nowrap">{formatRate(rate)} tokens/s</span>
      {row.batchCapped ? ` (at ${formatCount(row.decode.batch)} sequences, the most that fit)` : ''}
    </span>
  );
}

/** How many times cheaper a token is at a large batch than a small one, same GPUs: "49×". */
export function BatchCostRatio({
  model = 'llama-3.1-70b',
  format,
  gpu,
  gpus = 1,
  context,
  small,
  large,
  util,
}: LoadProps & { small: number; large: number }) {
  const r = batchCostRatio(
    {
      model,
      weights: format,
      gpu,
      gpuCount: gpus,
      contextTokens: context,
      kvBits: 16,
      memoryUtilization: utilOf(util),
    },
    small,
    large,
  );
  return (
    <span>
      <span className="nowrap">{formatNumber(r.ratio, 0)}×</span>
      {r.large.batchCapped ? ` (batch capped at ${formatCount(r.large.decode!.batch)}, the most that fit)` : ''}
    </span>
  );
}

/** Roofline prefill time of one prompt (a lower bound on time to first token): "155 ms". */
export function PrefillTime({
  model = 'llama-3.1-70b',
  format,
  gpu,
  gpus = 1,
  prompt,
}: {
  model?: string;
  format: string;
  gpu: string;
  gpus?: number;
  prompt: number;
}) {
  return (
    <span className="nowrap">
      {formatDuration(prefillRoofline({ model, weights: format, gpu, gpuCount: gpus, promptTokens: prompt }).seconds)}
    </span>
  );
}
