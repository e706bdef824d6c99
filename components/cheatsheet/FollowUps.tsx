import { averageBitsPerWeight } from './model';
import { formatBitsPerWeight } from '@/lib/units';
import { getGpu } from '@/lib/hardware/getGpu';
import { countParams, getModel, kvCacheBytesPerToken } from '@/lib/models';
import { speedupCeiling } from '@/lib/perf/speedupCeiling';
import { estimateMemory, weightBytes } from '@/lib/sizing';
import { formatRatio } from '@/lib/units';
import { tensorParallelAllReduce } from '@/lib/deploy/allReduceCost';
import { accuracyStandardError, MMLU_TEST, Z_95 } from '@/lib/evaluation';
import { BYTES_PER_MIB, formatBytesBoth, formatCount, formatGB, formatNumber } from '@/lib/units';
import { Ref } from './Ref';
import styles from './CheatSheet.module.css';

/** Follow-up questions worth rehearsing, each with a one-line answer; numbers from lib/ at build time. */
export function FollowUps({ model = 'llama-3.1-70b' }: { model?: string }) {
  const spec = getModel(model).spec;
  const params = countParams(spec).total;
  const int4 = weightBytes(spec, 'int4-g128');
  const kv128k = estimateMemory({
    model: spec,
    weights: 'int4-g128',
    kvBits: 16,
    contextTokens: 131_072,
    batch: 1,
  }).kvCacheBytes;
  const h100 = getGpu('h100-sxm');
  const rtx = getGpu('rtx-4090');
  const w4 = speedupCeiling({ gpu: h100, weights: 'int4-g128' });
  const fp8 = speedupCeiling({ gpu: h100, weights: 'fp8-w8a8' });
  const allReduce = tensorParallelAllReduce({ model, weights: 'bf16', gpu: h100, gpuCount: 2 }, { decodeBatch: 1 });
  const moe = countParams(getModel('deepseek-v3').spec);
  return (
    <section className={styles.section} aria-labelledby="cs-followups">
      <h2 id="cs-followups">Follow-ups to rehearse</h2>
      <ol className={styles.qa}>
        <li>
          <strong>A 4-bit 70B is 35 GB?</strong> No: scales make it {formatBitsPerWeight(int4.bitsPerWeight)} bits, and
          embedding and lm_head stay 16-bit: {formatBytesBoth(int4.bytes)}.
        </li>
        <li>
          <strong>Do 4-bit weights shrink the KV cache?</strong> No:{' '}
          {formatCount(kvCacheBytesPerToken(spec, { bits: 16 }))} B per token in BF16 whatever the weights; an FP8 cache
          halves it.
        </li>
        <li>
          <strong>When does the cache outweigh the weights?</strong> At {formatCount(131_072)} tokens:{' '}
          {formatGB(kv128k, 2)} of BF16 cache. 2-bit: {formatCount(kvCacheBytesPerToken(spec, { bits: 2 }))} B/token,
          keys per channel (KIVI); test at served lengths.
        </li>
        <li>
          <strong>No INT4 tensor cores on an H100: why is W4A16 faster?</strong> Decode pays for bytes, not FLOPs: BF16
          reads {formatRatio(w4.memoryBoundRatio)} as many.
        </li>
        <li>
          <strong>When does 8-bit win on speed?</strong> Past the GEMM crossover: W8A8 gets{' '}
          {formatRatio(fp8.computeBoundRatio)} the BF16 peak on an H100, W4A16 at most{' '}
          {formatRatio(w4.computeBoundRatio)}. Price tokens/s within the latency SLO (goodput).
        </li>
        <li>
          <strong>“4-bit loses 2–5%”?</strong> Which metric? LLaMA-3-70B, 4-bit GPTQ: WikiText-2 perplexity 2.9 → 3.3,
          zero-shot 75.3 → 74.9
          <Ref id="llama3-quantization-2404.14047" />.
        </li>
        <li>
          <strong>Validate?</strong> Flips and KL vs BF16
          <Ref id="flips-2407.09141" />, generation evals, pinned harness and template; MMLU noise at 80%: ±
          {formatNumber(Z_95 * accuracyStandardError(0.8, MMLU_TEST.questions) * 100, 2)} pt.
        </li>
        <li>
          <strong>A 24 GB RTX 4090 at 4-bit?</strong> Not GPU-resident:{' '}
          {formatCount(rtx.usableMemoryBytes / BYTES_PER_MIB)} MiB allow{' '}
          {formatNumber(averageBitsPerWeight(rtx.usableMemoryBytes, params), 2)} bits per weight, no KV cache: 2-bit
          quants, slow offload, or two cards.
        </li>
        <li>
          <strong>RTN, GPTQ, AWQ, SmoothQuant?</strong> Round per group, no data · column by column, error pushed into
          later columns via H⁻¹ · scale salient input channels up first · move activation outliers into weights (W8A8).
          The last three calibrate: use production-like text.
        </li>
        <li>
          <strong>Split over GPUs?</strong> TP: 2 all-reduces/layer ({formatCount(allReduce.bytesPerLayerPerToken)}{' '}
          B/token), latency-bound: NVLink, not PCIe. PP: memory, not speed. MoE: memory follows the total (
          {formatNumber(moe.total / 1e9, 0)}B), batch 1 the active {formatNumber(moe.active / 1e9, 1)}B.
        </li>
      </ol>
    </section>
  );
}
