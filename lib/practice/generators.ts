/**
 * Parametric questions. A template draws a model, format, GPU, context and batch
 * from a seed, computes the answer with `lib/` (models, formats, sizing, perf),
 * writes the prompt, stepped hints and a worked solution with the same numbers, and
 * rejects draws that make no sense (the model does not fit, the headroom is
 * negligible, the answer would be trivial…) by drawing again, deterministically.
 *
 *     generateQuestion('weights-memory', 'abc-0') // the same Question on every machine
 *
 * Question ids are `gen:<template>:<seed>`; seeds are `[A-Za-z0-9_.-]+` so an id can
 * be split back (`parseGeneratedId`). The HTML is plain (no KaTeX), so this module
 * can run in the browser with the learner's seed.
 *
 * Every figure shown in a prompt is rounded so that working from the shown numbers
 * lands well inside the tolerance (tests check the worked solution against the
 * answer for every template).
 */
import {
  countParams,
  getModel,
  kvCacheBytesPerSequence,
  kvCacheBytesPerToken,
  kvCacheFormula,
  MODELS,
  type CatalogModel,
} from '../models';
import { getFormat } from '../formats';
import { getGpu, GPUS } from '../hardware';
import type { Gpu } from '../hardware/types';
import { cudaTotalBytes, fitOnGpu, weightBytes, type FitResult } from '../sizing';
import { costPerMillionTokens, decodeStep } from '../perf';
import { BYTES_PER_GB, BYTES_PER_GIB, BYTES_PER_MIB, formatFixed, groupDigits } from '../units';
import { GENERATOR_SEED_PATTERN, generatedId } from './ids';
import { randomInt, seededPrng } from './shuffle';
import { withSourceLinks } from './source-links';
import type { Prng } from '../quant/prng';
import type { Level, NumericQuestion, Question, RichText, SingleQuestion, Tolerance, Topic } from './types';
import type { UnitSymbol } from './units';

/** Draws tried before a template gives up (tests show far fewer are needed). */
export const MAX_DRAWS = 500;

/** What the UI needs to list templates without generating one. */
export interface GeneratorInfo {
  id: string;
  title: string;
  type: 'numeric' | 'single';
  factor: Topic;
  level: Level;
}

type Built = Question | { reject: string };

interface Template<P> extends GeneratorInfo {
  draw(rng: Prng): P;
  build(p: P, id: string): Built;
}

// ── small helpers ────────────────────────────────────────────────────────────

function pick<T>(rng: Prng, xs: readonly T[]): T {
  return xs[randomInt(rng, xs.length)] as T;
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** RichText from trusted HTML built here; `md` is its plain text. */
function rich(html: string): RichText {
  const md = html
    .replace(/<\/(p|li)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n+$/, '')
    .trim();
  return { md, html };
}

const int = (n: number): string => groupDigits(Math.round(n));
const fixed = (x: number, d: number): string => formatFixed(x, d);
/** x rounded to `s` significant digits, grouped ("3,350", "0.0123"). */
const sig = (x: number, s: number): string =>
  Number(x.toPrecision(s)).toLocaleString('en-US', { maximumSignificantDigits: s });
const GB = (bytes: number, d = 2) => `${fixed(bytes / BYTES_PER_GB, d)} GB`;
const GiB = (bytes: number, d = 2) => `${fixed(bytes / BYTES_PER_GIB, d)} GiB`;
const UNIT_LABEL = { GB: 'GB (10⁹ bytes)', GiB: 'GiB (2³⁰ bytes)' } as const;

/**
 * Source ids, deduplicated. Catalog entries cite ids of lib/sources (their own tests
 * check that), and generators.test.ts checks every id of every generated question, so
 * the 24 kB sources catalog need not ship with the generators.
 */
function sourcesOf(...ids: Array<string | readonly { id: string }[]>): string[] {
  const out: string[] = [];
  for (const x of ids) {
    for (const id of typeof x === 'string' ? [x] : x.map((s) => s.id)) if (!out.includes(id)) out.push(id);
  }
  return out;
}

function gpuSources(gpu: Gpu, figures: readonly string[]): { id: string }[] {
  return gpu.sources.filter((s) => s.figures.some((f) => figures.includes(f)) && s.status !== 'unverified');
}

interface Common {
  id: string;
  factor: Topic;
  level: Level;
  tags: string[];
  sources: string[];
  prompt: string;
  hints: [string, string, string];
  explain: string;
}

function numeric(c: Common, answer: { value: number; unit: UnitSymbol }, tolerance: Tolerance): NumericQuestion {
  return {
    id: c.id,
    type: 'numeric',
    factor: c.factor,
    level: c.level,
    tags: c.tags,
    sources: c.sources,
    prompt: rich(c.prompt),
    hints: c.hints.map(rich),
    explain: rich(c.explain),
    pin: false,
    answer,
    tolerance,
  };
}

function describeStorage(
  spec: CatalogModel,
  formatId: string,
): { q: number; s: number; bpw: number; bytes: number; sentence: string } {
  const w = weightBytes(spec.spec, formatId);
  const format = getFormat(formatId);
  const total = countParams(spec.spec).total;
  const what = !w.embeddingsAt16Bit
    ? 'the norms'
    : spec.spec.tieWordEmbeddings
      ? 'the embedding, shared with the output head, and the norms'
      : 'the input embedding, the output head and the norms';
  const sentence =
    w.sixteenBitParams === 0
      ? `All ${int(total)} parameters take ${w.bitsPerWeight} bits each in <strong>${esc(format.name)}</strong>.`
      : `Stored as <strong>${esc(format.name)}</strong>, ${int(w.quantizedParams)} of them take ${w.bitsPerWeight} bits each (scales and zero-points included) and ${int(w.sixteenBitParams)} (${what}) stay at 16 bits.`;
  return { q: w.quantizedParams, s: w.sixteenBitParams, bpw: w.bitsPerWeight, bytes: w.bytes, sentence };
}

function attentionShape(m: CatalogModel): string {
  const a = m.spec.attention;
  if (a.kind === 'mla') {
    return `${esc(m.name)} has ${m.spec.numLayers} layers and ${a.numHeads} attention heads, and uses multi-head latent attention: per layer and token it caches one compressed latent of kv_lora_rank = ${a.kvLoraRank} values plus one RoPE key of qk_rope_head_dim = ${a.qkRopeHeadDim} values, shared by all heads (the absorbed mode of DeepSeek's inference code).`;
  }
  return `${esc(m.name)} has ${m.spec.numLayers} layers, hidden size ${int(m.spec.hiddenSize)}, ${a.numHeads} attention heads, ${a.numKvHeads} KV heads and head_dim ${a.headDim}.`;
}

function kvFormula(m: CatalogModel): string {
  return m.spec.attention.kind === 'mla'
    ? 'KV bytes per token = layers × (kv_lora_rank + qk_rope_head_dim) × bytes per element.'
    : 'KV bytes per token = 2 (K and V) × layers × KV heads × head_dim × bytes per element — KV heads, not attention heads.';
}

const KV_NAMES: Record<number, string> = { 16: 'BF16', 8: 'FP8', 4: 'INT4' };
const kvName = (bits: number) => KV_NAMES[bits] ?? `${bits}-bit`;

const LLM_MODELS = MODELS.map((m) => m.id);
const DENSE_MODELS = MODELS.filter((m) => m.spec.mlp.kind === 'dense').map((m) => m.id);
/** Models whose KV cache grows with the whole context on every layer (no sliding window). */
const FULL_ATTENTION_MODELS = MODELS.filter((m) => !m.spec.slidingWindow).map((m) => m.id);
const GPU_IDS = GPUS.map((g) => g.id);
const CONTEXTS = [1024, 2048, 4096, 8192, 16384, 32768, 131072] as const;
const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128] as const;
const GPU_COUNTS = [1, 2, 4, 8] as const;

import { vllmRunsFormatOn } from '../hardware/kernelPath';
export { vllmRunsFormatOn };

// ── templates ────────────────────────────────────────────────────────────────

interface WeightsParams {
  model: string;
  format: string;
  unit: 'GB' | 'GiB';
}

const weightsMemory: Template<WeightsParams> = {
  id: 'weights-memory',
  title: 'Weight memory of a model in a format',
  type: 'numeric',
  factor: 'memory',
  level: 'junior',
  draw: (rng) => ({
    model: pick(rng, LLM_MODELS),
    format: pick(rng, [
      'bf16',
      'fp8-w8a8',
      'int8-w8a16',
      'int8-w8a8',
      'int4-g128',
      'int4-g128-sym',
      'int4-g32',
      'nf4',
      'nf4-dq',
      'gguf-q8_0',
      'gguf-q4_k',
      'mxfp4',
    ]),
    unit: pick(rng, ['GB', 'GiB'] as const),
  }),
  build(p, id) {
    const m = getModel(p.model);
    const st = describeStorage(m, p.format);
    const total = countParams(m.spec).total;
    const per = p.unit === 'GB' ? BYTES_PER_GB : BYTES_PER_GIB;
    const value = st.bytes / per;
    if (!(value > 0) || !Number.isFinite(value)) return { reject: 'non-positive size' };
    const qBytes = (st.q * st.bpw) / 8;
    const sBytes = st.s * 2;
    const sum = st.s === 0 ? `${int(st.q)} × ${st.bpw} ÷ 8` : `${int(st.q)} × ${st.bpw} ÷ 8 + ${int(st.s)} × 2`;
    return numeric(
      {
        id,
        factor: 'memory',
        level: 'junior',
        tags: ['weights', 'generated', p.format],
        sources: sourcesOf(m.sources, getFormat(p.format).sources, 'lesson:memory'),
        prompt: `<p><strong>${esc(m.name)}</strong> has ${int(total)} parameters. ${st.sentence}</p><p>How much memory do its weights take, in <strong>${UNIT_LABEL[p.unit]}</strong>? Give 3 significant figures.</p>`,
        hints: [
          `<p>bytes = quantised params × bits per weight ÷ 8 + 16-bit params × 2 bytes. 1 GB = 10⁹ bytes; 1 GiB = 2³⁰ = 1,073,741,824 bytes.</p>`,
          `<p>${sum} = ${int(st.bytes)} bytes; divide by ${p.unit === 'GB' ? '10⁹' : '2³⁰'}.</p>`,
          `<p>≈ ${sig(value, 4)} ${p.unit}.</p>`,
        ],
        explain:
          `<p>${int(st.q)} × ${st.bpw} bits ÷ 8 = ${int(qBytes)} bytes` +
          (st.s === 0 ? '' : `; ${int(st.s)} × 2 bytes = ${int(sBytes)} bytes`) +
          `. Total ${int(st.bytes)} bytes = ${GB(st.bytes)} = ${GiB(st.bytes)}.</p>` +
          `<p>The two units differ by 7.4% (2³⁰ / 10⁹ = 1.0737): a size without its unit is ambiguous.</p>`,
      },
      { value, unit: p.unit },
      { kind: 'relative', fraction: 0.01 },
    );
  },
};

interface KvTokenParams {
  model: string;
  kvBits: 16 | 8 | 4;
  weightFormat: string;
  unit: 'B' | 'KiB';
}

const kvPerToken: Template<KvTokenParams> = {
  id: 'kv-per-token',
  title: 'KV cache bytes per token',
  type: 'numeric',
  factor: 'kv-cache',
  level: 'mid',
  draw: (rng) => ({
    model: pick(rng, LLM_MODELS),
    kvBits: pick(rng, [16, 16, 8, 4] as const),
    weightFormat: pick(rng, ['bf16', 'fp8-w8a8', 'int4-g128', 'nf4', 'gguf-q4_k']),
    unit: pick(rng, ['B', 'KiB'] as const),
  }),
  build(p, id) {
    const m = getModel(p.model);
    const f = kvCacheFormula(m.spec, { bits: p.kvBits });
    const per = p.unit === 'B' ? 1 : 1024;
    const value = f.bytesPerToken / per;
    const isMla = m.spec.attention.kind === 'mla';
    return numeric(
      {
        id,
        factor: 'kv-cache',
        level: 'mid',
        tags: ['kv-cache', 'generated', isMla ? 'mla' : 'gqa'],
        sources: sourcesOf(
          isMla ? 'deepseek-v3-inference-model-py' : 'gqa-2305.13245',
          m.sources,
          'vllm-docs-quantized-kv-cache',
          'lesson:memory',
        ),
        prompt:
          `<p>${attentionShape(m)} Its weights are stored as ${esc(getFormat(p.weightFormat).name)}; the KV cache is kept in <strong>${kvName(p.kvBits)}</strong> (${p.kvBits} bits per element).</p>` +
          `<p>How many ${p.unit === 'B' ? '<strong>bytes</strong>' : '<strong>KiB</strong> (1,024 bytes)'} of KV cache does one token add, over all layers?</p>`,
        hints: [
          `<p>${kvFormula(m)} The weight format does not enter.</p>`,
          `<p>${esc(f.formula)}.</p>`,
          `<p>${int(f.bytesPerToken)} bytes = ${sig(f.bytesPerToken / 1024, 5)} KiB.</p>`,
        ],
        explain:
          `<p>${esc(f.formula)} = ${int(f.bytesPerToken)} bytes = ${sig(f.bytesPerToken / 1024, 5)} KiB per token.</p>` +
          `<p>The cache has its own precision: quantising the weights to ${esc(getFormat(p.weightFormat).name)} does not shrink it` +
          (m.spec.attention.kind === 'mla'
            ? ', and MLA caches one latent per layer, not K and V per head.'
            : `, and only the ${m.spec.attention.numKvHeads} KV heads are cached, not all ${m.spec.attention.numHeads} attention heads.`) +
          `</p>`,
      },
      { value, unit: p.unit },
      { kind: 'relative', fraction: 0.005 },
    );
  },
};

interface KvSeqParams {
  model: string;
  kvBits: 16 | 8;
  contextTokens: number;
  batch: number;
  unit: 'GB' | 'GiB';
}

const kvPerSequence: Template<KvSeqParams> = {
  id: 'kv-per-batch',
  title: 'KV cache of a batch of sequences',
  type: 'numeric',
  factor: 'memory',
  level: 'mid',
  draw: (rng) => ({
    model: pick(rng, FULL_ATTENTION_MODELS),
    kvBits: pick(rng, [16, 8] as const),
    contextTokens: pick(rng, CONTEXTS),
    batch: pick(rng, BATCHES),
    unit: pick(rng, ['GB', 'GiB'] as const),
  }),
  build(p, id) {
    const m = getModel(p.model);
    if (p.contextTokens > m.spec.maxContextTokens) return { reject: 'context beyond the model maximum' };
    const perToken = kvCacheBytesPerToken(m.spec, { bits: p.kvBits });
    const bytes = kvCacheBytesPerSequence(m.spec, { bits: p.kvBits, contextTokens: p.contextTokens }) * p.batch;
    if (bytes > 2e12) return { reject: 'more KV cache than any 8-GPU node holds' };
    if (bytes < 0.1e9) return { reject: 'negligible KV cache' };
    const value = bytes / (p.unit === 'GB' ? BYTES_PER_GB : BYTES_PER_GIB);
    const f = kvCacheFormula(m.spec, { bits: p.kvBits });
    return numeric(
      {
        id,
        factor: 'memory',
        level: 'mid',
        tags: ['kv-cache', 'generated', 'batch'],
        sources: sourcesOf(
          m.spec.attention.kind === 'mla' ? 'deepseek-v3-inference-model-py' : 'gqa-2305.13245',
          m.sources,
          'lesson:memory',
        ),
        prompt:
          `<p>${attentionShape(m)} The KV cache is kept in <strong>${kvName(p.kvBits)}</strong>.</p>` +
          `<p>How much KV cache do <strong>${p.batch} sequence${p.batch === 1 ? '' : 's'} of ${int(p.contextTokens)} tokens</strong> hold, in <strong>${UNIT_LABEL[p.unit]}</strong>?</p>`,
        hints: [
          `<p>${kvFormula(m)} Then × tokens per sequence × sequences.</p>`,
          `<p>${esc(f.formula)} = ${int(perToken)} bytes per token; × ${int(p.contextTokens)} × ${p.batch}.</p>`,
          `<p>${int(bytes)} bytes ≈ ${sig(value, 4)} ${p.unit}.</p>`,
        ],
        explain: `<p>${esc(f.formula)} = ${int(perToken)} bytes per token. × ${int(p.contextTokens)} tokens × ${p.batch} = ${int(bytes)} bytes = ${GB(bytes)} = ${GiB(bytes)}.</p>`,
      },
      { value, unit: p.unit },
      { kind: 'relative', fraction: 0.01 },
    );
  },
};

interface FitParams {
  model: string;
  format: string;
  kvBits: 16 | 8;
  contextTokens: number;
  batch: number;
  gpu: string;
  gpuCount: number;
}

const FIT_FORMATS = ['bf16', 'fp8-w8a8', 'int8-w8a8', 'int4-g128', 'nf4', 'gguf-q4_k'];

function drawFit(rng: Prng): FitParams {
  return {
    model: pick(rng, FULL_ATTENTION_MODELS),
    format: pick(rng, FIT_FORMATS),
    kvBits: pick(rng, [16, 8] as const),
    contextTokens: pick(rng, CONTEXTS),
    batch: pick(rng, BATCHES),
    gpu: pick(rng, GPU_IDS),
    gpuCount: pick(rng, GPU_COUNTS),
  };
}

/** fitOnGpu for the draw, or a rejection (KV replication and other cases a learner cannot work by hand). */
function fitFor(p: FitParams): FitResult | { reject: string } {
  const m = getModel(p.model);
  if (p.contextTokens > m.spec.maxContextTokens) return { reject: 'context beyond the model maximum' };
  if (!vllmRunsFormatOn(p.format, getGpu(p.gpu))) return { reject: 'vLLM does not run this format on this GPU' };
  let fit: FitResult;
  try {
    fit = fitOnGpu({
      model: p.model,
      weights: p.format,
      kvBits: p.kvBits,
      contextTokens: p.contextTokens,
      batch: p.batch,
      gpu: p.gpu,
      gpuCount: p.gpuCount,
    });
  } catch (e) {
    return { reject: (e as Error).message };
  }
  if (fit.estimate.kvReplication !== 1) return { reject: 'KV cache replicated across GPUs' };
  // Nobody splits a model over 2k GPUs when k would hold its weights three times over.
  if (p.gpuCount > 1 && fit.estimate.weightsBytes < ((p.gpuCount / 2) * getGpu(p.gpu).usableMemoryBytes) / 3) {
    return { reject: 'needlessly many GPUs' };
  }
  return fit;
}

function fitGivens(p: FitParams, fit: FitResult): { html: string; gpu: Gpu; usableMiB: number } {
  const gpu = getGpu(p.gpu);
  const e = fit.estimate;
  const usableMiB = Math.round(cudaTotalBytes(gpu) / BYTES_PER_MIB);
  const html =
    `<ul>` +
    `<li>each GPU: ${int(usableMiB)} MiB as CUDA reports it (${GiB(cudaTotalBytes(gpu))}); vLLM's default <code>gpu_memory_utilization</code> ${fixed(fit.memoryUtilization, 2)}</li>` +
    `<li>weights: ${GiB(e.weightsBytes)} in total</li>` +
    `<li>KV cache (${kvName(p.kvBits)}): ${int(e.kvCacheBytesPerToken)} bytes per token, for ${p.batch} sequence${p.batch === 1 ? '' : 's'} × ${int(p.contextTokens)} tokens</li>` +
    `<li>activation peak (vLLM's start-up profile): ${GiB(e.activationBytes / p.gpuCount)} per GPU</li>` +
    `<li>non-torch memory: ${GiB(e.overheadBytes / p.gpuCount)} per GPU${p.gpuCount > 1 ? ' (NCCL buffers included)' : ''}</li>` +
    `</ul>`;
  return { html, gpu, usableMiB };
}

function fitWorking(p: FitParams, fit: FitResult): string {
  const e = fit.estimate;
  const gpu = getGpu(p.gpu);
  const kvBytes = e.kvCacheBytesPerToken * p.contextTokens * p.batch;
  return (
    `<p>Available: ${p.gpuCount} × ${GiB(cudaTotalBytes(gpu))} × ${fixed(fit.memoryUtilization, 2)} = ${GiB(fit.availableBytes)}. ` +
    `KV cache: ${int(e.kvCacheBytesPerToken)} × ${int(p.contextTokens)} × ${p.batch} = ${int(kvBytes)} bytes = ${GiB(kvBytes)}. ` +
    `Activation peak and non-torch memory, on every GPU: ${p.gpuCount} × (${GiB(e.activationBytes / p.gpuCount)} + ${GiB(e.overheadBytes / p.gpuCount)}) = ${GiB(e.activationBytes + e.overheadBytes)}. ` +
    `Needed: ${GiB(e.weightsBytes)} + ${GiB(kvBytes)} + ${GiB(e.activationBytes)} + ${GiB(e.overheadBytes)} = ${GiB(fit.requiredBytes)}. ` +
    `Left: ${GiB(fit.availableBytes)} − ${GiB(fit.requiredBytes)} = <strong>${GiB(fit.headroomBytes)}</strong>.</p>`
  );
}

function fitSources(p: FitParams): string[] {
  const gpu = getGpu(p.gpu);
  return sourcesOf(
    gpuSources(gpu, ['usableMemory']),
    getModel(p.model).sources,
    getFormat(p.format).sources,
    'llm-d-planner-vllm-v0.19-logs',
    'lesson:memory',
  );
}

function fitSetup(p: FitParams, gpu: Gpu): string {
  const m = getModel(p.model);
  return `<p>You serve <strong>${esc(m.name)}</strong> as ${esc(getFormat(p.format).name)} on <strong>${p.gpuCount} × ${esc(gpu.name)}</strong>${p.gpuCount > 1 ? ' (tensor parallel: weights and KV heads split evenly)' : ''}, with ${p.batch} concurrent sequence${p.batch === 1 ? '' : 's'} of ${int(p.contextTokens)} tokens.</p>`;
}

const fitHeadroom: Template<FitParams> = {
  id: 'fit-headroom',
  title: 'Memory left after weights, KV cache and overheads',
  type: 'numeric',
  factor: 'memory',
  level: 'senior',
  draw: drawFit,
  build(p, id) {
    const fit = fitFor(p);
    if ('reject' in fit) return fit;
    if (!fit.fits) return { reject: 'does not fit' };
    if (fit.headroomBytes < 0.5 * BYTES_PER_GIB) return { reject: 'headroom too small to grade' };
    if (fit.headroomBytes > 0.75 * fit.availableBytes) return { reject: 'trivially fits' };
    const g = fitGivens(p, fit);
    const value = fit.headroomBytes / BYTES_PER_GIB;
    return numeric(
      {
        id,
        factor: 'memory',
        level: 'senior',
        tags: ['fit', 'generated', 'headroom'],
        sources: fitSources(p),
        prompt:
          fitSetup(p, g.gpu) +
          g.html +
          `<p>How much memory is left over, in <strong>GiB (2³⁰ bytes)</strong>, summed over all ${p.gpuCount} GPU${p.gpuCount === 1 ? '' : 's'}?</p>`,
        hints: [
          `<p>left = GPUs × usable memory − (weights + KV bytes per token × tokens × sequences + workspace + GPUs × overhead).</p>`,
          `<p>Available ${GiB(fit.availableBytes)}; needed ${GiB(fit.estimate.weightsBytes)} + ${GiB(fit.estimate.kvCacheBytes)} + ${GiB(fit.estimate.activationBytes)} + ${GiB(fit.estimate.overheadBytes)}.</p>`,
          `<p>≈ ${fixed(value, 2)} GiB.</p>`,
        ],
        explain:
          fitWorking(p, fit) +
          `<p>An estimate: allocator fragmentation and CUDA graphs take some of this in practice.</p>`,
      },
      { value, unit: 'GiB' },
      { kind: 'absolute', amount: { value: 0.25, unit: 'GiB' } },
    );
  },
};

const fitYesNo: Template<FitParams> = {
  id: 'fit-yes-no',
  title: 'Does it fit?',
  type: 'single',
  factor: 'memory',
  level: 'mid',
  draw: drawFit,
  build(p, id) {
    const fit = fitFor(p);
    if ('reject' in fit) return fit;
    const ratio = fit.requiredBytes / fit.availableBytes;
    if (Math.abs(fit.headroomBytes) < 0.03 * fit.availableBytes)
      return { reject: 'too close to call with an estimate' };
    if (ratio < 0.4 || ratio > 2.5) return { reject: 'obvious' };
    const g = fitGivens(p, fit);
    const working = fitWorking(p, fit);
    const short = -fit.headroomBytes;
    const q: SingleQuestion = {
      id,
      type: 'single',
      factor: 'memory',
      level: 'mid',
      tags: ['fit', 'generated'],
      sources: fitSources(p),
      prompt: rich(fitSetup(p, g.gpu) + g.html + `<p>Does it fit in GPU memory?</p>`),
      hints: [
        `<p>needed = weights + KV bytes per token × tokens × sequences + workspace + GPUs × overhead; compare with GPUs × usable memory.</p>`,
        `<p>Available ${GiB(fit.availableBytes)}; needed ${GiB(fit.estimate.weightsBytes)} + ${GiB(fit.estimate.kvCacheBytes)} + ${GiB(fit.estimate.activationBytes)} + ${GiB(fit.estimate.overheadBytes)}.</p>`,
        `<p>${fit.fits ? `Yes, with ${GiB(fit.headroomBytes)} to spare.` : `No: ${GiB(short)} short.`}</p>`,
      ].map(rich),
      explain: rich(
        working +
          (fit.fits
            ? ''
            : `<p>At this context, at most ${fit.maxBatchAtContext} sequence${fit.maxBatchAtContext === 1 ? '' : 's'} would fit.</p>`),
      ),
      pin: true,
      options: [
        {
          text: rich('Yes, it fits'),
          explanation: rich(
            fit.fits
              ? `<p>Right: ${GiB(fit.requiredBytes)} needed of ${GiB(fit.availableBytes)}, ${GiB(fit.headroomBytes)} to spare.</p>`
              : `<p>It needs ${GiB(fit.requiredBytes)} but only ${GiB(fit.availableBytes)} is there. Did you forget the KV cache, or read GB as GiB?</p>`,
          ),
          correct: fit.fits,
        },
        {
          text: rich('No, it does not fit'),
          explanation: rich(
            fit.fits
              ? `<p>It does: ${GiB(fit.requiredBytes)} needed of ${GiB(fit.availableBytes)}. Did you count the KV cache at the weights' width, or use all attention heads instead of the KV heads?</p>`
              : `<p>Right: ${GiB(fit.requiredBytes)} needed, ${GiB(short)} more than the ${GiB(fit.availableBytes)} available.</p>`,
          ),
          correct: !fit.fits,
        },
      ],
    };
    return q;
  },
};

interface DecodeParams {
  model: string;
  format: string;
  gpu: string;
  contextTokens: number;
}

const decodeCeiling: Template<DecodeParams> = {
  id: 'decode-ceiling',
  title: 'Batch-1 decode speed ceiling',
  type: 'numeric',
  factor: 'speed',
  level: 'mid',
  draw: (rng) => ({
    model: pick(
      rng,
      DENSE_MODELS.filter((id) => FULL_ATTENTION_MODELS.includes(id)),
    ),
    format: pick(rng, ['bf16', 'fp8-w8a8', 'int8-w8a16', 'int4-g128', 'nf4']),
    gpu: pick(rng, GPU_IDS),
    contextTokens: pick(rng, [1024, 2048, 4096, 8192, 32768] as const),
  }),
  build(p, id) {
    const m = getModel(p.model);
    if (p.contextTokens > m.spec.maxContextTokens) return { reject: 'context beyond the model maximum' };
    if (!vllmRunsFormatOn(p.format, getGpu(p.gpu))) return { reject: 'vLLM does not run this format on this GPU' };
    const fit = fitOnGpu({
      model: p.model,
      weights: p.format,
      kvBits: 16,
      contextTokens: p.contextTokens,
      batch: 1,
      gpu: p.gpu,
    });
    if (!fit.fits) return { reject: 'does not fit on one GPU' };
    const gpu = getGpu(p.gpu);
    const r = decodeStep({
      model: p.model,
      weights: p.format,
      gpu: p.gpu,
      batch: 1,
      contextTokens: p.contextTokens,
      kvBits: 16,
    });
    if (r.bound !== 'memory') return { reject: 'compute-bound at batch 1' };
    const kvPerToken = kvCacheBytesPerToken(m.spec, { bits: 16 });
    const bwTB = gpu.bandwidthBytesPerSecond / 1e12;
    // The bound the question defines: bandwidth ÷ (weights + KV). lib/perf also counts the
    // activation traffic of norms, residuals and SiLU (≈ 0.1 % of it at batch 1), which a
    // learner cannot be asked to derive; the worked solution says so.
    const value = gpu.bandwidthBytesPerSecond / r.bytesRead;
    return numeric(
      {
        id,
        factor: 'speed',
        level: 'mid',
        tags: ['decode', 'bandwidth', 'generated', 'roofline'],
        sources: sourcesOf(gpuSources(gpu, ['bandwidth']), 'marlin-readme', m.sources, 'lesson:speed'),
        prompt:
          `<p>One user talks to <strong>${esc(m.name)}</strong> (${esc(getFormat(p.format).name)}) on one <strong>${esc(gpu.name)}</strong> (${sig(bwTB, 4)} TB/s peak memory bandwidth). The conversation holds ${int(p.contextTokens)} tokens; the KV cache is BF16, ${int(kvPerToken)} bytes per token.</p>` +
          `<p>Each decode step reads all the weights once — ${fixed(r.weightBytesRead / BYTES_PER_GB, 3)} GB (everything except the input embedding, of which only one row is read) — plus the whole KV cache of the conversation.</p>` +
          `<p>What is the upper bound on decode speed, in <strong>tokens per second</strong>, if memory bandwidth is the only limit?</p>`,
        hints: [
          `<p>tokens/s ≤ bandwidth ÷ bytes read per token; bytes read = weights + context × KV bytes per token.</p>`,
          `<p>${sig(bwTB, 4)} × 10¹² ÷ (${fixed(r.weightBytesRead / BYTES_PER_GB, 3)} × 10⁹ + ${int(p.contextTokens)} × ${int(kvPerToken)}).</p>`,
          `<p>≈ ${sig(value, 4)} tokens/s.</p>`,
        ],
        explain:
          `<p>Bytes per token: ${fixed(r.weightBytesRead / BYTES_PER_GB, 3)} GB + ${int(p.contextTokens)} × ${int(kvPerToken)} B = ${fixed(r.bytesRead / BYTES_PER_GB, 3)} GB. ` +
          `${sig(bwTB, 4)} TB/s ÷ ${fixed(r.bytesRead / BYTES_PER_GB, 3)} GB = <strong>${sig(value, 4)} tokens/s</strong>.</p>` +
          `<p>At batch 1 compute is nowhere near its limit (the step would take ${sig(r.computeTimeSeconds * 1e3, 3)} ms of math against ${sig(r.memoryTimeSeconds * 1e3, 3)} ms of memory traffic), so fewer bytes per weight means proportionally more tokens/s. This is a ceiling: the site's per-operator model adds ${fixed((r.operators.smallOps.bytes / BYTES_PER_GB) * 1e3, 1)} MB of norm and activation traffic per token (${sig(r.tokensPerSecondPerSequence, 4)} tokens/s), and the kernels our GPU benchmark measured reach less than the peak bandwidth (the speed lesson's "expected" figures).</p>`,
      },
      { value, unit: 'tok/s' },
      { kind: 'relative', fraction: 0.02 },
    );
  },
};

const maxConcurrency: Template<FitParams> = {
  id: 'max-concurrency',
  title: 'Maximum concurrent sequences',
  type: 'numeric',
  factor: 'serving',
  level: 'senior',
  draw: (rng) => ({ ...drawFit(rng), batch: 1 }),
  build(p, id) {
    const first = fitFor(p);
    if ('reject' in first) return first;
    const best = first.maxBatchAtContext;
    if (best < 2 || best > 1000) return { reject: 'trivial or absurd concurrency' };
    const fit = fitFor({ ...p, batch: best });
    if ('reject' in fit) return fit;
    const e = fit.estimate;
    const kvPerSeq = e.kvCacheBytesPerToken * p.contextTokens;
    const pool = fit.availableBytes - e.weightsBytes - e.overheadBytes - e.activationBytes;
    const byHand = Math.floor(pool / kvPerSeq);
    if (Math.abs(byHand - best) > 1) return { reject: 'hand formula disagrees' };
    const gpu = getGpu(p.gpu);
    const g = fitGivens({ ...p, batch: best }, fit);
    const givens = g.html.replace(
      /<li>KV cache[^<]*<\/li>/,
      `<li>KV cache (${kvName(p.kvBits)}): ${int(e.kvCacheBytesPerToken)} bytes per token</li>`,
    );
    return numeric(
      {
        id,
        factor: 'serving',
        level: 'senior',
        tags: ['concurrency', 'kv-cache', 'generated', 'batch'],
        sources: fitSources(p),
        prompt:
          `<p>You serve <strong>${esc(getModel(p.model).name)}</strong> as ${esc(getFormat(p.format).name)} on <strong>${p.gpuCount} × ${esc(gpu.name)}</strong>${p.gpuCount > 1 ? ' (tensor parallel)' : ''}. Every request holds ${int(p.contextTokens)} tokens, and each sequence's KV cache must stay whole in GPU memory.</p>` +
          givens +
          `<p>How many sequences can run <strong>concurrently</strong>?</p>`,
        hints: [
          `<p>sequences = ⌊(GPUs × CUDA total × gpu_memory_utilization − weights − non-torch − activation peak) ÷ (tokens × KV bytes per token)⌋.</p>`,
          `<p>(${GiB(fit.availableBytes)} − ${GiB(e.weightsBytes)} − ${GiB(e.overheadBytes)} − ${GiB(e.activationBytes)}) ÷ (${int(p.contextTokens)} × ${int(e.kvCacheBytesPerToken)} B).</p>`,
          `<p>${best} sequences.</p>`,
        ],
        explain:
          `<p>Room for KV cache: ${GiB(fit.availableBytes)} − ${GiB(e.weightsBytes)} − ${GiB(e.overheadBytes)} − ${GiB(e.activationBytes)} = ${GiB(pool)}. ` +
          `One sequence: ${int(p.contextTokens)} × ${int(e.kvCacheBytesPerToken)} B = ${GiB(kvPerSeq, 3)}. ` +
          `${GiB(pool)} ÷ ${GiB(kvPerSeq, 3)} = ${fixed(pool / kvPerSeq, 2)} → <strong>${best}</strong> sequences.</p>` +
          `<p>Halving the KV cache (FP8) or the weights (4-bit) raises this; that is how quantisation buys throughput.</p>`,
      },
      { value: best, unit: 'none' },
      { kind: 'absolute', amount: { value: 1, unit: 'none' } },
    );
  },
};

interface CostParams {
  model: string;
  format: string;
  gpu: string;
  gpuCount: number;
  batch: number;
  contextTokens: number;
  dollarsPerHour: number;
}

const costPerMtok: Template<CostParams> = {
  id: 'cost-per-mtok',
  title: 'Cost per million tokens at a given hourly price',
  type: 'numeric',
  factor: 'cost',
  level: 'mid',
  draw: (rng) => ({
    model: pick(
      rng,
      DENSE_MODELS.filter((id) => FULL_ATTENTION_MODELS.includes(id)),
    ),
    format: pick(rng, ['bf16', 'fp8-w8a8', 'int8-w8a8', 'int4-g128']),
    gpu: pick(rng, GPU_IDS),
    gpuCount: pick(rng, GPU_COUNTS),
    batch: pick(rng, [1, 8, 16, 32, 64] as const),
    contextTokens: pick(rng, [2048, 4096, 8192] as const),
    dollarsPerHour: pick(rng, [0.8, 1.2, 2, 2.5, 3, 3.5, 4.5] as const),
  }),
  build(p, id) {
    if (!vllmRunsFormatOn(p.format, getGpu(p.gpu))) return { reject: 'vLLM does not run this format on this GPU' };
    let fit: FitResult;
    try {
      fit = fitOnGpu({
        model: p.model,
        weights: p.format,
        kvBits: 16,
        contextTokens: p.contextTokens,
        batch: p.batch,
        gpu: p.gpu,
        gpuCount: p.gpuCount,
      });
    } catch (e) {
      return { reject: (e as Error).message };
    }
    if (!fit.fits) return { reject: 'does not fit' };
    if (p.gpuCount > 1) {
      const fewer = fitOnGpu({
        model: p.model,
        weights: p.format,
        kvBits: 16,
        contextTokens: p.contextTokens,
        batch: p.batch,
        gpu: p.gpu,
        gpuCount: p.gpuCount / 2,
      });
      if (fewer.fits) return { reject: 'half the GPUs would do' };
    }
    const r = decodeStep({
      model: p.model,
      weights: p.format,
      gpu: p.gpu,
      gpuCount: p.gpuCount,
      batch: p.batch,
      contextTokens: p.contextTokens,
      kvBits: 16,
    });
    // The learner is given the throughput to 4 significant figures; the answer uses that same figure.
    const shownTps = Number(r.tokensPerSecondTotal.toPrecision(4));
    const value = costPerMillionTokens({
      tokensPerSecondTotal: shownTps,
      dollarsPerHour: p.dollarsPerHour,
      gpuCount: p.gpuCount,
    });
    if (value < 0.005) return { reject: 'rounds to zero cents' };
    const gpu = getGpu(p.gpu);
    const m = getModel(p.model);
    const perHour = p.dollarsPerHour * p.gpuCount;
    const tokensPerHour = shownTps * 3600;
    return numeric(
      {
        id,
        factor: 'cost',
        level: 'mid',
        tags: ['cost', 'generated', 'throughput'],
        sources: sourcesOf(gpuSources(gpu, ['bandwidth']), m.sources, 'lesson:deployment'),
        prompt:
          `<p>A roofline estimate gives <strong>${sig(shownTps, 4)} tokens/s</strong> in total for ${esc(m.name)} (${esc(getFormat(p.format).name)}) on ${p.gpuCount} × ${esc(gpu.name)}, decoding ${p.batch} sequence${p.batch === 1 ? '' : 's'} of ${int(p.contextTokens)} tokens at once.</p>` +
          `<p>Suppose each GPU costs <strong>$${fixed(p.dollarsPerHour, 2)} per hour</strong> (a price made up for this exercise, not a quote). What does a million generated tokens cost, in <strong>USD</strong>, if the GPUs run flat out at that speed?</p>`,
        hints: [
          `<p>USD per 1M tokens = (price per GPU-hour × GPUs) ÷ (tokens/s × 3,600) × 10⁶.</p>`,
          `<p>$${fixed(perHour, 2)} per hour ÷ (${sig(shownTps, 4)} × 3,600 tokens per hour) × 10⁶.</p>`,
          `<p>≈ $${sig(value, 3)}.</p>`,
        ],
        explain:
          `<p>$${fixed(p.dollarsPerHour, 2)} × ${p.gpuCount} = $${fixed(perHour, 2)} per hour. ${sig(shownTps, 4)} tokens/s × 3,600 = ${int(tokensPerHour)} tokens per hour. ` +
          `$${fixed(perHour, 2)} ÷ ${int(tokensPerHour)} × 10⁶ = <strong>$${sig(value, 3)}</strong> per million tokens.</p>` +
          `<p>A floor on cost: peak speed (${r.bound === 'memory' ? 'bandwidth-bound' : 'compute-bound'} at this batch), 100% utilisation, decode only — no prefill, idle time or failed requests.</p>`,
      },
      { value, unit: 'USD' },
      { kind: 'relative', fraction: 0.01 },
    );
  },
};

// ── registry ─────────────────────────────────────────────────────────────────

export { GENERATOR_SEED_PATTERN, generatedId, generatorSeed, parseGeneratedId } from './ids';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous parameter types behind one interface
const TEMPLATES: ReadonlyArray<Template<any>> = [
  weightsMemory,
  kvPerToken,
  kvPerSequence,
  fitHeadroom,
  fitYesNo,
  decodeCeiling,
  maxConcurrency,
  costPerMtok,
];

/** Every template, for filters and menus. */
export const GENERATORS: readonly GeneratorInfo[] = TEMPLATES.map(({ id, title, type, factor, level }) => ({
  id,
  title,
  type,
  factor,
  level,
}));

/** A generated question plus how it was drawn (for tests and debugging). */
export interface GeneratedDraw {
  question: Question;
  params: unknown;
  /** Draws rejected before this one. */
  rejected: number;
}

/**
 * Draws a feasible question for `seed`: draw k uses the stream `${template}:${seed}:${k}`,
 * so the result depends only on the template and the seed.
 *
 * @throws Error for an unknown template, a seed outside `GENERATOR_SEED_PATTERN`, or
 *   (never seen in tests) no feasible draw in `MAX_DRAWS`.
 */
export function drawQuestion(templateId: string, seed: string): GeneratedDraw {
  const t = TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw new Error(`unknown question template "${templateId}"; known: ${TEMPLATES.map((x) => x.id).join(', ')}`);
  if (!GENERATOR_SEED_PATTERN.test(seed))
    throw new Error(`seed must be 1–64 characters of A–Z, a–z, 0–9, _ . - (got ${JSON.stringify(seed)})`);
  const id = generatedId(templateId, seed);
  for (let k = 0; k < MAX_DRAWS; k++) {
    const params = t.draw(seededPrng(`${templateId}:${seed}:${k}`));
    let built: Built;
    try {
      built = t.build(params, id);
    } catch {
      continue; // a combination lib/ rejects (e.g. GPU count not dividing the heads)
    }
    if (!('reject' in built)) return { question: built, params, rejected: k };
  }
  throw new Error(`template "${templateId}" found no feasible draw for seed "${seed}" in ${MAX_DRAWS} tries`);
}

/**
 * A generated question (see {@link drawQuestion}).
 * @example generateQuestion('weights-memory', 'abc-0').id // 'gen:weights-memory:abc-0'
 */
export function generateQuestion(templateId: string, seed: string): Question {
  return withSourceLinks(drawQuestion(templateId, seed).question);
}

/**
 * Builds a template's question from explicit parameters, bypassing the draw (for
 * worked-example tests and for authors previewing a case).
 * @throws Error when the template is unknown or the parameters are rejected.
 */
export function buildQuestion(templateId: string, params: Record<string, unknown>, seed = 'preview'): Question {
  const t = TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw new Error(`unknown question template "${templateId}"`);
  const built = t.build(params, generatedId(templateId, seed));
  if ('reject' in built) throw new Error(`parameters rejected: ${built.reject}`);
  return built;
}
