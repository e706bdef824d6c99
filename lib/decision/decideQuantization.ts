import { gpuFigureStatus, lowBitTensorCoreSupport } from '../hardware';
import type { ComputeDtype, Gpu } from '../hardware/types';
import { getModel } from '../models';
import { costPerMillionTokens, decodeStep, prefillRoofline } from '../perf';
import { tensorParallelSizes } from '../sizing';
import { fitOnGpu, resolveGpu, VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, weightBytes } from '../sizing';
import { assertBatch, assertContextTokens, assertFraction, assertGpuCount, assertPositive } from '../sizing/inputs';
import { formatBytesBoth, formatCount, formatNumber } from '../units';
import { DECISION_SOURCES as S } from './sources';
import { isPerChannelW8A8Fragile, PER_CHANNEL_W8A8_CAVEAT } from './modelCaveats';
import type {
  Alternative,
  CandidateCheck,
  CandidateId,
  Decision,
  DecisionConstraints,
  DecisionMetric,
  Reason,
} from './types';

const SIXTEEN_BIT: readonly ComputeDtype[] = ['bf16', 'fp16', 'fp32', 'tf32'];

function label(id: CandidateId, calibrationData: boolean): string {
  switch (id) {
    case 'bf16':
      return 'BF16 (no quantisation)';
    case 'fp8-w8a8':
      return 'FP8 W8A8';
    case 'int8-w8a8':
      return 'INT8 W8A8 (SmoothQuant-style)';
    case 'int8-w8a16':
      return 'INT8 weight-only (W8A16)';
    case 'int4-g128':
      // Without task data, AWQ is the safer calibrator (less sensitive to the calibration domain).
      return calibrationData ? 'W4A16 GPTQ/AWQ g128' : 'W4A16 AWQ g128';
  }
}

const CANDIDATES: readonly CandidateId[] = ['bf16', 'fp8-w8a8', 'int8-w8a8', 'int8-w8a16', 'int4-g128'];

/**
 * The order in which formats are preferred for these constraints (first that fits wins).
 *
 * - No loss allowed and no evaluation budget: only the 8-bit format with the strongest
 *   "no loss" evidence on this hardware (FP8 W8A8 where FP8 tensor cores exist, else
 *   INT8 weight-only); 4-bit and INT8 W8A8 (1–3% loss) are never chosen blind.
 * - No loss allowed, can evaluate: 8-bit first (W8A8 for throughput, so the tensor
 *   cores help), 4-bit only as a fall-back that your evaluation must clear.
 * - Small loss acceptable: latency → 4-bit first (memory-bound decode), throughput →
 *   8-bit W8A8 first (compute-bound prefill and large-batch decode).
 */
function preferenceOrder(c: DecisionConstraints, fp8: boolean, int8: boolean): CandidateId[] {
  const safe8: CandidateId = fp8 ? 'fp8-w8a8' : 'int8-w8a16';
  const fast8: CandidateId = fp8 ? 'fp8-w8a8' : int8 ? 'int8-w8a8' : 'int8-w8a16';
  if (c.accuracyTolerance === 'none' && !c.evaluationBudget) return [safe8];
  if (c.accuracyTolerance === 'none') return c.workload === 'throughput' ? [fast8, 'int4-g128'] : [safe8, 'int4-g128'];
  return c.workload === 'latency' ? ['int4-g128', safe8] : [fast8, 'int4-g128'];
}

function checkCandidate(
  c: Required<Pick<DecisionConstraints, 'model' | 'memoryUtilization'>> & DecisionConstraints,
  gpu: Gpu,
  formatId: CandidateId,
  eligible: boolean,
): CandidateCheck {
  const load = {
    model: c.model,
    weights: formatId,
    kvBits: 16,
    contextTokens: c.contextTokens,
    gpu,
    memoryUtilization: c.memoryUtilization,
  };
  const fit = fitOnGpu({ ...load, batch: c.concurrency, gpuCount: c.gpuCount });
  const batch = Math.min(c.concurrency, fit.maxBatchAtContext);
  const perf = {
    model: c.model,
    weights: formatId,
    gpu,
    gpuCount: c.gpuCount,
    contextTokens: c.contextTokens,
    kvBits: 16,
  };
  const step = batch > 0 ? decodeStep({ ...perf, batch }) : null;
  const computeDtype = step?.computeDtype ?? decodeStep({ ...perf, batch: 1, contextTokens: 1 }).computeDtype;
  // Throughput: the largest batch that fits (concurrency is an output for batch work).
  const full = fit.maxBatchAtContext > 0 ? decodeStep({ ...perf, batch: fit.maxBatchAtContext }) : null;
  const tokensPerGpuSecond = full ? full.tokensPerSecondTotal / c.gpuCount : null;
  const dollarsPerMillionTokens =
    full && c.dollarsPerGpuHour !== undefined
      ? costPerMillionTokens({
          tokensPerSecondTotal: full.tokensPerSecondTotal,
          dollarsPerHour: c.dollarsPerGpuHour,
          gpuCount: c.gpuCount,
        })
      : null;
  return {
    formatId,
    label: label(formatId, c.calibrationData),
    weightsBytes: weightBytes(c.model, formatId).bytes,
    fits: fit.fits,
    maxConcurrent: fit.maxBatchAtContext,
    decodeTokensPerSecondPerSequence: step?.tokensPerSecondPerSequence ?? null,
    crossoverBatch: step?.crossoverBatch ?? null,
    attentionShare: step ? step.operators.attention.seconds / step.operators.seconds : null,
    computeDtype,
    gpusNeeded: fit.fits ? c.gpuCount : gpusNeeded(c, load),
    verdict: fit.verdict,
    tokensPerGpuSecond,
    dollarsPerMillionTokens,
    secondsPerTokenAtConcurrency: fit.fits && step ? step.secondsPerToken : null,
    eligible,
  };
}

/**
 * The candidate the workload's metric prefers, among the eligible ones:
 *
 * - throughput: the most decode tokens per GPU-second at the largest batch that fits
 *   (equivalently the lowest $/Mtok at one GPU price); candidates that hold no sequence
 *   are out;
 * - latency: the lowest seconds per token at the requested concurrency, among those
 *   that hold it.
 *
 * Ties keep the accuracy preference order. Null when no eligible candidate qualifies.
 */
function bestByMetric(
  metric: DecisionMetric,
  order: readonly CandidateId[],
  get: (id: CandidateId) => CandidateCheck,
): CandidateId | null {
  let best: CandidateId | null = null;
  for (const id of order) {
    const x = get(id);
    if (metric === 'tokens-per-gpu-second') {
      if (x.tokensPerGpuSecond === null) continue;
      if (best === null || x.tokensPerGpuSecond > get(best).tokensPerGpuSecond!) best = id;
    } else {
      if (x.secondsPerTokenAtConcurrency === null) continue;
      if (best === null || x.secondsPerTokenAtConcurrency < get(best).secondsPerTokenAtConcurrency!) best = id;
    }
  }
  return best;
}

const tokS = (x: number) => `${formatNumber(x, x < 10 ? 1 : 0)} tokens/s per GPU`;
const msTok = (seconds: number) => `${formatNumber(seconds * 1000, seconds < 0.01 ? 1 : 0)} ms per token`;

/** One sentence saying why the winner beats the best other eligible candidate on the metric, with both numbers. */
function winnerSentence(
  metric: DecisionMetric,
  winner: CandidateCheck,
  others: CandidateCheck[],
  concurrency: number,
  byMetric: boolean,
): string {
  if (!byMetric) {
    return others.length === 0
      ? `${winner.label} is the only format your accuracy constraints allow.`
      : `No allowed format ${metric === 'seconds-per-token' ? `holds ${plural(concurrency, 'sequence')} here` : 'holds a sequence here'}, so the choice follows the accuracy order.`;
  }
  if (metric === 'tokens-per-gpu-second') {
    const runner = others
      .filter((o) => o.tokensPerGpuSecond !== null)
      .sort((a, b) => b.tokensPerGpuSecond! - a.tokensPerGpuSecond!)[0];
    const mine = `${tokS(winner.tokensPerGpuSecond!)} at its largest batch (${plural(winner.maxConcurrent, 'sequence')})`;
    if (!runner) return `${winner.label} wins on throughput: ${mine}; no other allowed format holds a sequence.`;
    const cost =
      winner.dollarsPerMillionTokens !== null && runner.dollarsPerMillionTokens !== null
        ? `, $${formatNumber(winner.dollarsPerMillionTokens, 2)} against $${formatNumber(runner.dollarsPerMillionTokens, 2)} per million tokens`
        : '';
    return `${winner.label} wins on throughput: ${mine} against ${tokS(runner.tokensPerGpuSecond!)} for ${runner.label} (${plural(runner.maxConcurrent, 'sequence')})${cost}. For batch work the concurrency is what memory allows, so capacity counts as much as the tensor cores.`;
  }
  const runner = others
    .filter((o) => o.secondsPerTokenAtConcurrency !== null)
    .sort((a, b) => a.secondsPerTokenAtConcurrency! - b.secondsPerTokenAtConcurrency!)[0];
  const mine = `${msTok(winner.secondsPerTokenAtConcurrency!)} at your ${plural(concurrency, 'sequence')}`;
  if (!runner) return `${winner.label} wins on latency: ${mine}; no other allowed format holds that load.`;
  return `${winner.label} wins on latency: ${mine} against ${msTok(runner.secondsPerTokenAtConcurrency!)} for ${runner.label}.`;
}

/**
 * Smallest tensor-parallel size ≤ 8 that holds the load, trying only sizes above the
 * one given (fewer GPUs never hold more). Same answer as lib/sizing `minGpusToFit`,
 * with fewer fits to compute.
 */
function gpusNeeded(
  c: DecisionConstraints,
  load: Omit<Parameters<typeof fitOnGpu>[0], 'batch' | 'gpuCount'>,
): number | null {
  for (const n of tensorParallelSizes(load.model, 8)) {
    if (n <= c.gpuCount) continue;
    if (fitOnGpu({ ...load, batch: c.concurrency, gpuCount: n }).fits) return n;
  }
  return null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

function capacityText(check: CandidateCheck, gpu: Gpu, concurrency: number): string {
  if (check.fits) return `holds ${plural(check.maxConcurrent, 'sequence')} here`;
  const short =
    check.maxConcurrent === 0
      ? 'holds no sequence here'
      : `holds only ${formatCount(check.maxConcurrent)} of your ${formatCount(concurrency)} sequences here`;
  return check.gpusNeeded === null
    ? `${short}, and 8 × ${gpu.name} are not enough`
    : `${short}; it needs ${check.gpusNeeded} × ${gpu.name}`;
}

/**
 * The checklist's regime sentence: where the weight GEMMs turn compute-bound and how much of the step attention
 * over the KV cache takes at this context. The GEMM crossover does not depend on the context (lib/perf
 * `crossoverBatch`); attention is a separate kernel, memory-bound at any batch, whose share grows with the context
 * and dilutes whatever the weight format gains (review F01: per-operator roofline, Yuan et al., arXiv 2402.16363).
 *
 *     GEMMs past the crossover ⇔ concurrency ≥ ⌈crossoverBatch⌉
 *     attention share          = t_attention / t_step at that concurrency (ceiling figures)
 */
function crossoverText(check: CandidateCheck, contextTokens: number, concurrency: number): string | null {
  if (check.crossoverBatch === null) return null;
  const share =
    check.attentionShare === null
      ? ''
      : ` Attention over the ${formatCount(contextTokens)}-token KV cache, memory-bound at any batch, takes ${formatNumber(check.attentionShare * 100, 0)}% of the step at ${plural(concurrency, 'sequence')}; it costs every weight format the same.`;
  if (!Number.isFinite(check.crossoverBatch)) {
    return `The weight GEMMs of ${check.label} stay memory-bound at any batch here: bytes read per step set the speed.${share}`;
  }
  const at = Math.ceil(check.crossoverBatch);
  const gemms =
    concurrency >= at
      ? `The weight GEMMs turn compute-bound from about ${plural(at, 'sequence')} at any context, and you run ${formatCount(concurrency)}: the tensor-core peak (${check.computeDtype.toUpperCase()} for ${check.label}) sets their speed.`
      : `The weight GEMMs are still memory-bound at ${plural(concurrency, 'sequence')} (they turn compute-bound near ${formatCount(at)}, at any context): bytes read per step set their speed.`;
  return `${gemms}${share}`;
}

/**
 * Recommends a weight format for deploying a model under the reader's constraints,
 * with the reasons (each a lib/ computation on the inputs or a cited result), the
 * options not chosen, and a spoken answer for an interview.
 *
 *     candidates   = BF16, FP8 W8A8, INT8 W8A8, INT8 W8A16, W4A16 g128
 *     each checked = fitOnGpu(concurrency × context on gpuCount × gpu, vLLM's 0.92 utilisation)
 *                    + decodeStep at min(concurrency, max that fits) + minGpusToFit
 *     eligible     = the formats the accuracy constraints allow (tolerance, evaluation budget,
 *                    FP8/INT8 tensor cores: lowBitTensorCoreSupport), in preference order
 *     throughput   → the eligible format with the most decode tokens per GPU-second at the
 *                    largest batch that fits (decodeStep at maxBatchAtContext ÷ gpuCount; with a
 *                    GPU price, the same ranking in $/Mtok): batch work's concurrency is an output
 *     latency      → the eligible format with the lowest seconds per token at the requested
 *                    concurrency, among those that hold it
 *     fallback     = first in order that holds the concurrency; else that holds one sequence
 *
 * Eligibility: small loss allowed ⇒ the 8-bit W8A8 format the tensor cores run (FP8, else
 * INT8) and W4A16 (GPTQ/AWQ g128), ranked by the workload's metric; no loss allowed
 * and no evaluation budget ⇒ the 8-bit format with the strongest no-loss evidence
 * (FP8 W8A8, else INT8 W8A16), never 4-bit. Evidence: Red Hat / Neural Magic
 * (Kurtic et al., arXiv 2411.02355): FP8 W8A8 "effectively lossless", W8A8-INT
 * "1–3%", W4A16 best for synchronous serving, W8A8 for continuous batching.
 *
 * @throws {RangeError} naming the field for a bad gpuCount, contextTokens, concurrency or memoryUtilization;
 *   {@link Error} for an unknown model or GPU id.
 * @example
 * // One H100, 4k context, throughput: FP8 holds 2 sequences, W4A16 about 27, so W4A16 makes more tokens per GPU-second.
 * decideQuantization({ gpu: 'h100-sxm', gpuCount: 1, workload: 'throughput', accuracyTolerance: 'small',
 *   evaluationBudget: true, calibrationData: true, contextTokens: 4096, concurrency: 2 }).recommendation.formatId // 'int4-g128'
 */
export function decideQuantization(input: DecisionConstraints): Decision {
  const c = {
    ...input,
    model: input.model ?? 'llama-3.1-70b',
    memoryUtilization: input.memoryUtilization ?? VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  };
  const entry = getModel(c.model);
  const gpu = resolveGpu(c.gpu);
  assertGpuCount(c.gpuCount, entry.spec);
  assertContextTokens(c.contextTokens);
  assertBatch(c.concurrency, 'concurrency');
  assertFraction(c.memoryUtilization, 'memoryUtilization');
  if (c.dollarsPerGpuHour !== undefined) assertPositive(c.dollarsPerGpuHour, 'dollarsPerGpuHour', Infinity, true);

  const lowBitDtypes = lowBitTensorCoreSupport(gpu);
  const unverifiedDtypes = lowBitDtypes.filter((d) => gpuFigureStatus(gpu, d) === 'unverified');
  const fp8 = lowBitDtypes.includes('fp8');
  const int8 = lowBitDtypes.includes('int8');
  const order = preferenceOrder(c, fp8, int8);
  // With no loss allowed, only the first (8-bit) format may win; 4-bit stays the option to evaluate.
  const contenders = c.accuracyTolerance === 'none' ? order.slice(0, 1) : order;
  const checks = new Map(CANDIDATES.map((id) => [id, checkCandidate(c, gpu, id, contenders.includes(id))] as const));
  const get = (id: CandidateId) => checks.get(id)!;

  const metric: DecisionMetric = c.workload === 'throughput' ? 'tokens-per-gpu-second' : 'seconds-per-token';
  const byMetric = bestByMetric(metric, contenders, get);
  const chosenId =
    byMetric ?? order.find((id) => get(id).fits) ?? order.find((id) => get(id).maxConcurrent > 0) ?? order[0]!;
  const rec = get(chosenId);
  const shortfall = rec.fits ? null : { maxConcurrent: rec.maxConcurrent, gpusNeeded: rec.gpusNeeded };
  const pct = formatNumber(c.memoryUtilization * 100, 0);
  const setup = `${c.gpuCount} × ${gpu.name}`;
  const hold = c.gpuCount === 1 ? 'holds' : 'hold';
  const isVllmDefault = c.memoryUtilization === VLLM_DEFAULT_GPU_MEMORY_UTILIZATION;
  const utilSpoken = isVllmDefault ? "at vLLM's default memory setting" : `with ${pct}% of GPU memory in use`;
  const ctx = formatCount(c.contextTokens);

  // ── Reasons ───────────────────────────────────────────────────────────────
  const winnerReason = winnerSentence(
    metric,
    rec,
    contenders.filter((id) => id !== chosenId).map(get),
    c.concurrency,
    byMetric !== null && contenders.length > 1,
  );
  const reasons: Reason[] = [{ text: winnerReason, basis: 'computed', sources: [] }];
  const bf16Peak = gpu.denseTflops.bf16 ?? gpu.denseTflops.fp16;
  const peakOf = (d: ComputeDtype) => gpu.denseTflops[d];
  const listed = lowBitDtypes.length
    ? lowBitDtypes
        .map((d) => `${d.toUpperCase()}${unverifiedDtypes.includes(d) ? ' (figure unverified)' : ''}`)
        .join(', ')
    : 'none';
  const hwText = fp8
    ? `${gpu.name} has FP8 tensor cores (low-bit tensor cores: ${listed}): FP8 W8A8 multiplies at ${formatNumber(peakOf('fp8') ?? 0, 0)} dense TFLOPS against ${formatNumber(bf16Peak ?? 0, 0)} for BF16.`
    : int8
      ? `${gpu.name} has no FP8 tensor cores (low-bit tensor cores: ${listed}): an FP8 checkpoint would run weight-only, so the 8-bit format that uses the tensor cores is INT8 W8A8, at ${formatNumber(peakOf('int8') ?? 0, 0)} dense TOPS against ${formatNumber(bf16Peak ?? 0, 0)} TFLOPS for BF16.`
      : `${gpu.name} has no 8-bit tensor cores: every quantised format is weight-only here.`;
  reasons.push({ text: hwText, basis: 'computed', sources: [] });

  reasons.push({
    text: `${rec.label}: ${formatBytesBoth(rec.weightsBytes)} of weights. With ${pct}% of memory in use${isVllmDefault ? " (vLLM's default)" : ''}, ${setup} ${rec.fits ? `${hold} ${plural(rec.maxConcurrent, 'sequence')} of ${ctx} tokens; you need ${formatCount(c.concurrency)}` : `${hold} only ${plural(rec.maxConcurrent, 'sequence')} of ${ctx} tokens against your ${formatCount(c.concurrency)}${rec.gpusNeeded === null ? ' — even 8 GPUs are not enough' : ` — ${rec.gpusNeeded} GPUs would`}`}.`,
    basis: 'computed',
    sources: [S.vllmCache],
  });
  const rejected = order.filter((id) => id !== chosenId && !get(id).fits);
  for (const id of rejected) {
    const r = get(id);
    reasons.push({
      text: `${r.label} (${formatBytesBoth(r.weightsBytes)} of weights) ${capacityText(r, gpu, c.concurrency)}.`,
      basis: 'computed',
      sources: [],
    });
  }

  const other8: CandidateId = chosenId === 'int4-g128' ? (fp8 ? 'fp8-w8a8' : 'int8-w8a8') : 'int4-g128';
  const o = get(other8);
  if (
    c.workload === 'latency' &&
    rec.decodeTokensPerSecondPerSequence !== null &&
    o.decodeTokensPerSecondPerSequence !== null
  ) {
    reasons.push({
      text: `Roofline decode per user at your concurrency (capped at what fits): ${rec.label} ${formatNumber(rec.decodeTokensPerSecondPerSequence, 0)} tokens/s against ${formatNumber(o.decodeTokensPerSecondPerSequence, 0)} for ${o.label}. Upper bounds: at small batch decode reads every weight once per step, so fewer bytes per weight means faster tokens.`,
      basis: 'computed',
      sources: [],
    });
  }
  if (c.workload === 'throughput' && !SIXTEEN_BIT.includes(rec.computeDtype)) {
    const prompt = c.contextTokens;
    const mine = prefillRoofline({
      model: c.model,
      weights: chosenId,
      gpu,
      gpuCount: c.gpuCount,
      promptTokens: prompt,
    });
    const w4 = prefillRoofline({
      model: c.model,
      weights: 'int4-g128',
      gpu,
      gpuCount: c.gpuCount,
      promptTokens: prompt,
    });
    const ms = (seconds: number) => `${formatNumber(seconds * 1000, seconds < 0.01 ? 1 : 0)} ms`;
    const bothCompute = mine.bound === 'compute' && w4.bound === 'compute';
    const regime = bothCompute
      ? ' is compute-bound'
      : mine.bound === 'memory'
        ? ' is memory-bound (shorter than the ridge, it behaves like decode)'
        : '';
    reasons.push({
      text: `Prefill of one ${ctx}-token prompt${regime}: ${ms(mine.seconds)} with ${rec.label} against ${ms(w4.seconds)} with W4A16, which dequantises and multiplies in FP16 (roofline, ${setup}).`,
      basis: 'computed',
      sources: [],
    });
  }
  const cross = crossoverText(rec, c.contextTokens, Math.min(c.concurrency, Math.max(rec.maxConcurrent, 1)));
  if (cross) reasons.push({ text: cross, basis: 'computed', sources: [] });

  switch (chosenId) {
    case 'fp8-w8a8':
      reasons.push({
        text: 'FP8 W8A8 was "effectively lossless across all model scales" of Llama-3.1 (8B–405B) in a study of over 500,000 evaluations.',
        basis: 'cited',
        sources: [S.redHat],
      });
      reasons.push({
        text: "That result is for per-channel FP8 weight scales with per-token activation scales computed at run time (FP8-dynamic checkpoints), which need no calibration data; vLLM's online --quantization fp8 uses one scale per weight tensor instead.",
        basis: 'cited',
        sources: [S.llmCompressorFp8, S.vllmFp8],
      });
      break;
    case 'int8-w8a8':
      reasons.push({
        text: 'Well-tuned INT8 W8A8 loses about 1–3% accuracy in the same study; on Llama-2-70B, SmoothQuant W8A8 moves WikiText-2 perplexity from 3.320 to 3.359.',
        basis: 'cited',
        sources: [S.redHat, S.smoothQuant],
      });
      if (isPerChannelW8A8Fragile(c.model))
        reasons.push({ text: PER_CHANNEL_W8A8_CAVEAT, basis: 'cited', sources: [S.llama3PerChannel] });
      reasons.push({
        text: c.calibrationData
          ? "INT8 W8A8 calibrates on sample text (SmoothQuant factors and GPTQ; static activation scales too, if used); use your representative data, as vLLM's guide advises."
          : "INT8 W8A8 calibrates on sample text (SmoothQuant factors and GPTQ; static activation scales too, if used) and vLLM's guide asks for data close to deployment; without it, calibrate on generic chat data and check the result on your task.",
        basis: 'cited',
        sources: [S.vllmInt8],
      });
      break;
    case 'int8-w8a16':
      reasons.push({
        text: 'Weight-only INT8 is close to lossless: OPT-175B scored 0.7849 on HellaSwag in both INT8 and FP16. The matmuls still run in 16 bits, so it saves memory, not compute.',
        basis: 'cited',
        sources: [S.hfInt8],
      });
      break;
    case 'int4-g128':
      reasons.push({
        text: 'W4A16 "rivals 8-bit" on accuracy in the Red Hat study (Llama-3.1-70B-Instruct W4A16: 78.54 vs 78.67 OpenLLM v1 average), but the metric matters: 4-bit GPTQ on LLaMA-3-70B raised WikiText-2 perplexity 2.9 → 3.3 (about +14%) while average zero-shot accuracy fell 75.3 → 74.9.',
        basis: 'cited',
        sources: [S.redHat, S.nmW4a16, S.llama3Quant],
      });
      reasons.push({
        text: c.calibrationData
          ? 'GPTQ and AWQ both calibrate on sample text; calibrate on your representative data.'
          : 'No representative calibration data: prefer AWQ, which reached better perplexity with far less calibration data than GPTQ and is less sensitive to the calibration domain.',
        basis: 'cited',
        sources: c.calibrationData ? [S.gptq, S.awq] : [S.awq],
      });
      break;
    case 'bf16':
      break;
  }
  reasons.push(
    c.workload === 'latency'
      ? {
          text: 'Published serving results agree on latency: W4A16 was the most cost-efficient format for synchronous (one request at a time) serving.',
          basis: 'cited',
          sources: [S.redHat],
        }
      : {
          text: 'Published serving results agree on throughput: W8A8 formats dominated asynchronous continuous batching of mid-size and large models on high-end GPUs.',
          basis: 'cited',
          sources: [S.redHat],
        },
  );
  if (!c.evaluationBudget && chosenId === 'int4-g128') {
    reasons.push({
      text: 'Caution: with no evaluation budget you take 4-bit on the strength of published averages; a task-level loss would go unseen until production.',
      basis: 'cited',
      sources: [S.llama3Quant],
    });
  }

  // ── Alternatives ──────────────────────────────────────────────────────────
  const alternatives: Alternative[] = CANDIDATES.filter((id) => id !== chosenId).map((id) => {
    const a = get(id);
    const cap = capacityText(a, gpu, c.concurrency);
    const why: Record<CandidateId, string> = {
      bf16: `No quantisation risk at all, at twice the memory of 8-bit: ${cap}.`,
      'fp8-w8a8': fp8
        ? `Effectively lossless and uses the FP8 tensor cores: ${cap}.`
        : `No FP8 tensor cores on ${gpu.name}: it would run weight-only, like INT8 W8A16.`,
      'int8-w8a8': `Uses INT8 tensor cores but loses about 1–3% accuracy and needs activation calibration${isPerChannelW8A8Fragile(c.model) ? ' (on Llama-3/3.1-70B, per-group scales on a few sensitive layers: per-channel INT8 W8A8 degrades it)' : ''}: ${cap}.`,
      'int8-w8a16': `Near-lossless and needs no calibration, but multiplies in 16 bits (no compute gain): ${cap}.`,
      'int4-g128': `Half the weight bytes of 8-bit, fastest per user at low concurrency; accuracy must be checked on the task: ${cap}.`,
    };
    return { formatId: id, label: a.label, why: why[id] };
  });

  // ── Spoken answer ─────────────────────────────────────────────────────────
  const workloadPhrase =
    c.workload === 'latency' ? 'latency-bound interactive traffic' : 'throughput-bound batch traffic';
  const sentences: string[] = [];
  sentences.push(
    `For ${entry.name} on ${setup}, serving ${workloadPhrase} at ${plural(c.concurrency, 'concurrent sequence')} of ${ctx} tokens, I'd deploy ${rec.label}${shortfall && shortfall.gpusNeeded !== null && shortfall.gpusNeeded !== c.gpuCount ? ` on ${shortfall.gpusNeeded} GPUs rather than ${c.gpuCount}` : ''}.`,
  );
  const why: Record<CandidateId, string> = {
    'fp8-w8a8': `The ${gpu.name} has FP8 tensor cores, and FP8 W8A8 came out effectively lossless across the Llama-3.1 family in Red Hat's half-million-evaluation study, so we halve the weights without an accuracy argument.`,
    'int8-w8a8': `The ${gpu.name} has no FP8 tensor cores, so the 8-bit format that actually speeds up compute is INT8 W8A8 with SmoothQuant-style smoothing, which costs about 1–3% in published evaluations${isPerChannelW8A8Fragile(c.model) ? `; for ${entry.name} I'd use per-group scales on the few layers where per-channel INT8 is known to break it, and fall back to weight-only W8A16 if our evaluation still shows a loss` : ''}.`,
    'int8-w8a16': fp8
      ? 'With no room for any measurable loss and no way to evaluate, I want the 8-bit format with the strongest published evidence.'
      : `The ${gpu.name} has no FP8 tensor cores, and with no room for measurable loss I'd take weight-only INT8, which is close to lossless, over INT8 W8A8's 1–3%.`,
    'int4-g128':
      c.workload === 'throughput'
        ? `For batch work what counts is tokens per GPU-second at the largest batch memory allows, and 4-bit weights leave room for ${plural(rec.maxConcurrent, 'sequence')} of this length here, so it makes the most tokens per GPU in the roofline.`
        : "At low concurrency decode is memory-bound, so 4-bit weights at group size 128 read about half the bytes of 8-bit per token, and W4A16 was the most cost-efficient format for latency-bound serving in Red Hat's study.",
    bf16: 'Nothing smaller meets the accuracy bar here.',
  };
  sentences.push(why[chosenId]);
  sentences.push(
    rec.fits
      ? `Its weights take ${formatBytesBoth(rec.weightsBytes)}, which leaves room for ${plural(rec.maxConcurrent, 'such sequence')} ${utilSpoken}, against the ${formatCount(c.concurrency)} we need.`
      : `Its weights take ${formatBytesBoth(rec.weightsBytes)}, and ${utilSpoken} ${c.gpuCount === 1 ? 'one GPU holds' : `${c.gpuCount} GPUs hold`} only ${formatCount(rec.maxConcurrent)} of the ${formatCount(c.concurrency)} sequences, so ${rec.gpusNeeded === null ? 'I would shorten the context or split the load across replicas' : `I'd ask for ${rec.gpusNeeded} GPUs or shorten the context`}.`,
  );
  if (chosenId === 'int4-g128') {
    const e = get(fp8 ? 'fp8-w8a8' : 'int8-w8a8');
    sentences.push(
      c.workload === 'throughput' && e.maxConcurrent > 0
        ? `${e.label} would run on the 8-bit tensor cores, but it holds only ${plural(e.maxConcurrent, 'sequence')} of this length here, which leaves fewer tokens per GPU-second.`
        : e.fits
          ? `8-bit W8A8 is the better fit for large-batch throughput, where its 8-bit tensor cores matter, but for per-user latency fewer bytes win.`
          : `8-bit would not even hold the load: ${e.label} ${capacityText(e, gpu, c.concurrency)}.`,
    );
  } else if (c.accuracyTolerance === 'none' && !c.evaluationBudget) {
    sentences.push(
      'I would not go to 4-bit without an evaluation budget, because its loss depends on the task, the metric and the method: on LLaMA-3-70B, 4-bit GPTQ raised perplexity about 14% while average zero-shot accuracy fell only half a point.',
    );
  } else if (c.workload === 'latency') {
    const w4 = get('int4-g128');
    sentences.push(
      w4.decodeTokensPerSecondPerSequence !== null && rec.decodeTokensPerSecondPerSequence !== null
        ? `W4A16 would decode each user's tokens faster, ${formatNumber(w4.decodeTokensPerSecondPerSequence, 0)} against ${formatNumber(rec.decodeTokensPerSecondPerSequence, 0)} tokens per second in the roofline, but with no measurable loss allowed I'd switch only if our evaluation shows it holds.`
        : "W4A16 would decode each user's tokens faster, but with no measurable loss allowed I'd switch only if our evaluation shows it holds.",
    );
  } else {
    sentences.push(
      '4-bit would shrink the weights further, but W4A16 multiplies in FP16, so it gives up the 8-bit tensor-core rate that batched prefill and large-batch decode use.',
    );
  }
  sentences.push(
    c.evaluationBudget
      ? `Before launch I'd evaluate it on our own task against the BF16 baseline${chosenId === 'int4-g128' && !c.calibrationData ? ", and since we lack representative calibration data I'd use AWQ, which is less sensitive to the calibration set" : ''}.`
      : 'Without an evaluation budget I stay with the format whose published evidence is strongest and watch live quality metrics after launch.',
  );

  return {
    recommendation: { formatId: chosenId, label: rec.label },
    alternatives,
    reasons,
    spokenAnswer: sentences.join(' '),
    hardware: { gpuName: gpu.name, lowBitDtypes, unverifiedDtypes, fp8TensorCores: fp8, int8TensorCores: int8 },
    candidates: CANDIDATES.map(get),
    shortfall,
    memoryUtilization: c.memoryUtilization,
    metric,
    winnerReason,
  };
}
