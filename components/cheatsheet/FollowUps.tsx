import { averageBitsPerWeight } from './model';
import { formatBitsPerWeight } from '@/lib/units';
import { getGpu } from '@/lib/hardware/getGpu';
import { countParams, getModel, kvCacheBytesPerToken } from '@/lib/models';
import { speedupCeiling } from '@/lib/perf/speedupCeiling';
import { estimateMemory, weightBytes } from '@/lib/sizing';
import { formatRatio } from '@/lib/units';
import { BYTES_PER_MIB, formatBytesBoth, formatCount, formatGB, formatNumber } from '@/lib/units';
import { Ref } from './Ref';
import styles from './CheatSheet.module.css';

/** Follow-up questions worth rehearsing, each with a one-line answer; numbers from lib/ at build time. */
export function FollowUps({ model = 'llama-3.1-70b' }: { model?: string }) {
  const spec = getModel(model).spec;
  const params = countParams(spec).total;
  const int4 = weightBytes(spec, 'int4-g128');
  const kv128k = estimateMemory({ model: spec, weights: 'int4-g128', kvBits: 16, contextTokens: 131_072, batch: 1 }).kvCacheBytes;
  const h100 = getGpu('h100-sxm');
  const rtx = getGpu('rtx-4090');
  const w4 = speedupCeiling({ gpu: h100, weights: 'int4-g128' });
  const fp8 = speedupCeiling({ gpu: h100, weights: 'fp8-w8a8' });
  return (
    <section className={styles.section} aria-labelledby="cs-followups">
      <h2 id="cs-followups">Follow-ups to rehearse</h2>
      <ol className={styles.qa}>
        <li>
          <strong>Isn’t a 4-bit 70B 35 GB?</strong> No: scales and zero-points make it {formatBitsPerWeight(int4.bitsPerWeight)} bits, and embedding and lm_head stay
          16-bit: {formatBytesBoth(int4.bytes)}.
        </li>
        <li>
          <strong>Do 4-bit weights shrink the KV cache?</strong> No: {formatCount(kvCacheBytesPerToken(spec, { bits: 16 }))} B per token in BF16 whatever the
          weights; an FP8 cache halves it.
        </li>
        <li>
          <strong>When does the cache outweigh the weights?</strong> One {formatCount(131_072)}-token sequence needs {formatGB(kv128k, 2)} of BF16 cache, more than the
          4-bit weights.
        </li>
        <li>
          <strong>No INT4 tensor cores on an H100: why is W4A16 faster?</strong> It multiplies in FP16 after dequantizing in the kernel; memory-bound decode pays for
          bytes, and BF16 reads {formatRatio(w4.memoryBoundRatio)} as many.
        </li>
        <li>
          <strong>When does 8-bit beat 4-bit on speed?</strong> Past the GEMM crossover (big batches it has memory for, long prompts): W8A8 gets{' '}
          {formatRatio(fp8.computeBoundRatio)} the BF16 peak on an H100, W4A16 at most {formatRatio(w4.computeBoundRatio)}.
        </li>
        <li>
          <strong>“4-bit loses 2–5%”?</strong> Which metric? LLaMA-3-70B, 4-bit GPTQ: WikiText-2 perplexity 2.9 → 3.3 (≈+14%), zero-shot average 75.3 → 74.9
          <Ref id="llama3-quantization-2404.14047" />.
        </li>
        <li>
          <strong>Memory for gradients at inference?</strong> None: weights, KV, activations, runtime (QLoRA: LoRA adapters only)
          <Ref id="hf-blog-4bit-transformers-bitsandbytes" />.
        </li>
        <li>
          <strong>Will a 24 GB RTX 4090 run it at 4-bit?</strong> Not GPU-resident: {formatCount(rtx.usableMemoryBytes / BYTES_PER_MIB)} MiB allow{' '}
          {formatNumber(averageBitsPerWeight(rtx.usableMemoryBytes, params), 2)} bits per weight, no KV cache: 2-bit quants, slow offload, or two cards.
        </li>
        <li>
          <strong>GB or GiB?</strong> An {h100.name} (“{h100.memoryLabel}”) reports {formatCount(h100.usableMemoryBytes / BYTES_PER_MIB)} MiB ={' '}
          {formatBytesBoth(h100.usableMemoryBytes)}.
        </li>
      </ol>
    </section>
  );
}
