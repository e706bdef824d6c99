import { planDeploymentRow } from '@/lib/deploy/planDeploymentRow';
import { decodeStep } from '@/lib/perf/decodeStep';
import { prefillRoofline } from '@/lib/perf/prefillTime';
import { VLLM_DEFAULT_GPU_MEMORY_UTILIZATION } from '@/lib/sizing';
import { formatCount, formatNumber } from '@/lib/units';

/**
 * Inline, build-time share of one decode step's ceiling time spent in one operator
 * class (lib/perf `decodeStep(...).operators`): `operator="attention"` (attention over
 * the KV cache, default), `"gemm"` (weight GEMMs), `"smallOps"` or `"allReduce"`.
 * Server component.
 *
 * @example <OperatorShare weights="int4-g128" batch={64} context={4096} /> → "69%"
 */
export function OperatorShare({
  model = 'llama-3.1-70b',
  weights,
  gpu = 'h100-sxm',
  gpus = 1,
  batch,
  context,
  kvBits = 16,
  operator = 'attention',
}: {
  model?: string;
  weights: string;
  gpu?: string;
  gpus?: number;
  batch: number;
  context: number;
  kvBits?: number;
  operator?: 'gemm' | 'attention' | 'smallOps' | 'allReduce';
}) {
  const ops = decodeStep({ model, weights, gpu, gpuCount: gpus, batch, contextTokens: context, kvBits }).operators;
  return <span className="num">{formatNumber((ops[operator].seconds / ops.seconds) * 100, 0)}%</span>;
}

/**
 * Inline, build-time regime of a prefill's weight GEMMs (lib/perf `prefillRoofline(...).bound`):
 * "memory-bound" below the ridge (a short prompt), "compute-bound" above. Server component.
 *
 * @example <PrefillBound format="fp8-w8a8" gpu="h100-sxm" prompt={128} /> → "memory-bound"
 */
export function PrefillBound({
  model = 'llama-3.1-70b',
  format,
  gpu = 'h100-sxm',
  gpus = 1,
  prompt,
}: {
  model?: string;
  format: string;
  gpu?: string;
  gpus?: number;
  prompt: number;
}) {
  return (
    <span className="nowrap">
      {prefillRoofline({ model, weights: format, gpu, gpuCount: gpus, promptTokens: prompt }).bound}-bound
    </span>
  );
}

interface Setup {
  weights: string;
  gpus: number;
}

/** Decode tokens/s per GPU at the largest batch that fits at vLLM's default memory setting, and that batch. */
function fullBatchPerGpu(model: string, gpu: string, context: number, s: Setup): { perGpu: number; batch: number } {
  const row = planDeploymentRow({
    model,
    weights: s.weights,
    gpu,
    gpuCount: s.gpus,
    contextTokens: context,
    targetBatch: 100_000,
    kvBits: 16,
    memoryUtilization: VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
    dollarsPerGpuHour: null,
  });
  if (!row.ok) throw new Error(`PerGpuThroughput: ${row.message}`);
  if (!row.decode)
    throw new Error(`PerGpuThroughput: ${s.weights} on ${s.gpus} × ${gpu} holds no sequence of ${context} tokens`);
  return { perGpu: row.decode.tokensPerSecondTotal / s.gpus, batch: row.decode.batch };
}

/**
 * Inline, build-time ratio of decode tokens per GPU-second between two set-ups, each at
 * the largest batch its memory holds at vLLM's default utilisation (lib/deploy
 * `planDeploymentRow`, ceiling figures): what "throughput" means for batch work, where
 * freed memory buys batch. `show="detail"` adds both rates and batches. Server component.
 *
 * @example <PerGpuThroughputRatio context={1024} a={{ weights: 'int4-g128', gpus: 1 }} b={{ weights: 'bf16', gpus: 2 }} /> → "9.3×"
 */
export function PerGpuThroughputRatio({
  model = 'llama-3.1-70b',
  gpu = 'h100-sxm',
  context,
  a,
  b,
  show = 'ratio',
}: {
  model?: string;
  gpu?: string;
  context: number;
  a: Setup;
  b: Setup;
  show?: 'ratio' | 'detail';
}) {
  const x = fullBatchPerGpu(model, gpu, context, a);
  const y = fullBatchPerGpu(model, gpu, context, b);
  const ratio = `${formatNumber(x.perGpu / y.perGpu, 1)}×`;
  if (show === 'ratio') return <span className="num">{ratio}</span>;
  const rate = (r: number) => `${formatCount(Math.round(r))} tokens/s per GPU`;
  return (
    <span>
      <span className="num">{rate(x.perGpu)}</span> at {formatCount(x.batch)} sequences against{' '}
      <span className="num">{rate(y.perGpu)}</span> at {formatCount(y.batch)}: <span className="num">{ratio}</span>
    </span>
  );
}
