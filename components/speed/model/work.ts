import { getGpu } from '@/lib/hardware';
import { getModel, kvAttendedTokens, kvCacheBytesPerToken } from '@/lib/models';
import { peakOpsPerSecond } from '@/lib/perf/computeDtype';
import type { DecodeStepResult } from '@/lib/perf/decodeStep';
import type { PrefillResult } from '@/lib/perf/prefillTime';
import { attentionFlopsPerTokenPair } from '@/lib/perf/work';
import { kvReplicationFactor } from '@/lib/sizing/kvReplication';
import { formatBytesBoth, formatCount, formatNumber } from '@/lib/units';
import { DTYPE_LABELS, formatBandwidth } from './figures';
import { formatDuration, formatPeak, formatSi, formatTokensPerSecond } from '@/lib/units';

/** One line of a "show the work" panel: what, how (with the numbers), and the result. */
export interface WorkLine {
  label: string;
  formula: string;
  value: string;
}

/** The set-up a decode step was computed for. */
export interface WorkInput {
  model: string;
  gpu: string;
  gpuCount: number;
  batch: number;
  contextTokens: number;
  kvBits: number;
}

function count(n: number): string {
  return Number.isInteger(n) ? formatCount(n) : formatNumber(n, 1);
}

/**
 * The arithmetic behind a decode step (lib/perf `decodeStep`), line by line with the
 * numbers filled in:
 *
 *     bytes   = weights read + batch × attended tokens × KV bytes per token (all copies)
 *     FLOPs   = 2 × linear params per token × batch + attention FLOPs per (query, cached token) × attended × batch
 *     t_step  = max(weights/BW, linear FLOPs/peak)          weight GEMMs
 *             + max(KV/BW, attention FLOPs/peak_16)         attention over the cache
 *             + small-op bytes/BW + all-reduce time          (lib/perf operators)
 *
 * Linear params per token are recovered as linearFlops / (2 × batch); everything
 * else is read from the catalogs.
 *
 * @throws {Error} for unknown model or GPU ids.
 * @example decodeWork(input, decodeStep(input)).map((l) => l.label)
 *   // ['Weights read', 'KV cache read', 'Bytes read per step', 'Linear-layer FLOPs', 'Attention FLOPs', 'Weight GEMMs', 'Attention over the KV cache', 'Norms, residuals, SiLU, RoPE', 'All-reduce', 'Step time (ceiling)']
 */
export function decodeWork(input: WorkInput, step: DecodeStepResult): WorkLine[] {
  const spec = getModel(input.model).spec;
  const gpu = getGpu(input.gpu);
  const n = input.gpuCount;
  const copies = kvReplicationFactor(spec, n);
  const kvPerToken = kvCacheBytesPerToken(spec, { bits: input.kvBits }) * copies;
  const attended = kvAttendedTokens(spec, input.contextTokens);
  const linearParams = step.linearFlops / (2 * input.batch);
  const perPair = attentionFlopsPerTokenPair(spec, 'decode');
  const gpus = n === 1 ? '' : ` × ${n} GPUs`;
  const peak = formatPeak(peakOpsPerSecond(gpu, step.computeDtype) / 1e12, step.computeDtype);
  const attentionPeak = formatPeak(peakOpsPerSecond(gpu, step.attentionDtype) / 1e12, step.attentionDtype);
  const o = step.operators;
  const moe =
    step.expertsTouchedPerLayer === null
      ? ''
      : `; MoE: ${formatNumber(step.expertsTouchedPerLayer, 2)} routed experts touched per MoE layer on average (uniform routing), the rest not read`;
  const sliding =
    attended === input.contextTokens
      ? ''
      : ` (sliding-window layers attend at most their window: ${count(attended)} tokens on average)`;

  return [
    {
      label: 'Weights read',
      formula: `every weight once per step, whatever the batch; the input embedding is a gather of one row per sequence${moe}`,
      value: formatBytesBoth(step.weightBytesRead, 2),
    },
    {
      label: 'KV cache read',
      formula: `${formatCount(input.batch)} sequences × ${count(attended)} cached tokens × ${formatCount(kvPerToken)} B per token${copies > 1 ? ` (${formatNumber(copies, 0)} copies across GPUs)` : ''}${sliding}`,
      value: formatBytesBoth(step.kvBytesRead, 2),
    },
    {
      label: 'Bytes read per step',
      formula: 'weights + KV cache',
      value: formatBytesBoth(step.bytesRead, 2),
    },
    {
      label: 'Linear-layer FLOPs',
      formula: `2 × ${formatCount(linearParams)} weights each token multiplies × ${formatCount(input.batch)} sequences`,
      value: formatSi(step.linearFlops, 'FLOP'),
    },
    {
      label: 'Attention FLOPs',
      formula: `${formatCount(perPair)} FLOP per (new token, cached token) pair × ${count(attended)} × ${formatCount(input.batch)}`,
      value: formatSi(step.attentionFlops, 'FLOP'),
    },
    {
      label: 'Weight GEMMs',
      formula: `max(${formatBytesBoth(o.gemm.bytes, 2)} ÷ (${formatBandwidth(gpu.bandwidthBytesPerSecond)}${gpus}), ${formatSi(step.linearFlops, 'FLOP')} ÷ (${DTYPE_LABELS[step.computeDtype]} ${peak}${gpus})) → ${o.gemm.bound}-bound`,
      value: formatDuration(o.gemm.seconds),
    },
    {
      label: 'Attention over the KV cache',
      formula: `max(${formatBytesBoth(o.attention.bytes, 2)} ÷ bandwidth, ${formatSi(step.attentionFlops, 'FLOP')} ÷ (${DTYPE_LABELS[step.attentionDtype]} ${attentionPeak}${gpus})) → ${o.attention.bound}-bound`,
      value: formatDuration(o.attention.seconds),
    },
    {
      label: 'Norms, residuals, SiLU, RoPE',
      formula: `${formatBytesBoth(o.smallOps.bytes, 2)} of activations ÷ bandwidth`,
      value: formatDuration(o.smallOps.seconds),
    },
    {
      label: 'All-reduce',
      formula:
        n === 1
          ? 'none on one GPU'
          : `2 per layer × ring 2(N − 1)/N × ${formatBytesBoth(o.allReduce.bytes / Math.max(1, 2 * spec.numLayers), 2)} ÷ ${gpu.interconnect.label} (half per direction)`,
      value: formatDuration(o.allReduce.seconds),
    },
    {
      label: 'Step time (ceiling)',
      formula: `the four run one after another, so their times add; one token per sequence, so ${formatTokensPerSecond(step.tokensPerSecondPerSequence)} per sequence and ${formatCount(input.batch)} × that in total`,
      value: formatDuration(step.secondsPerToken),
    },
  ];
}

/**
 * The arithmetic behind one prefill (lib/perf `prefillRoofline`) of a prompt of
 * `promptTokens` tokens, for the same panel.
 *
 * @example prefillWork({ gpu: 'h100-sxm', gpuCount: 1, promptTokens: 4096 }, prefillRoofline(…))[2].value // "598 ms"
 */
export function prefillWork(
  input: { gpu: string; gpuCount: number; promptTokens: number },
  result: PrefillResult,
): WorkLine[] {
  const gpu = getGpu(input.gpu);
  const gpus = input.gpuCount === 1 ? '' : ` × ${input.gpuCount} GPUs`;
  return [
    {
      label: 'Prefill FLOPs',
      formula: `linear: 2 × weights per token × ${formatCount(input.promptTokens)} prompt tokens; attention: causal, every token attends to those before it`,
      value: `${formatSi(result.linearFlops, 'FLOP')} + ${formatSi(result.attentionFlops, 'FLOP')}`,
    },
    {
      label: 'Prefill GEMMs',
      formula: `max(weights read once ÷ (${formatBandwidth(gpu.bandwidthBytesPerSecond)}${gpus}), linear FLOPs ÷ peak) → ${result.operators.gemm.bound}-bound (compute-bound only once the prompt is longer than the ridge point)`,
      value: formatDuration(result.operators.gemm.seconds),
    },
    {
      label: 'Prefill attention, small ops, all-reduce',
      formula:
        'causal attention at the 16-bit peak (KV written and read once); activation traffic ÷ bandwidth; all-reduces as in decode',
      value: formatDuration(
        result.operators.attention.seconds + result.operators.smallOps.seconds + result.operators.allReduce.seconds,
      ),
    },
    {
      label: 'Prefill time (ceiling)',
      formula: 'the sum',
      value: formatDuration(result.seconds),
    },
  ];
}
