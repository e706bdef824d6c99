import { getGpu } from '@/lib/hardware/getGpu';
import { getModel, kvCacheFormula } from '@/lib/models';
import { decodeStep } from '@/lib/perf/decodeStep';
import { ridgePoint, weightIntensity } from '@/components/speed/model/figures';
import {
  NVIDIA_DRIVER_RESERVED_BYTES,
  VLLM_DEFAULT_GPU_MEMORY_UTILIZATION,
  VLLM_KV_UNCERTAINTY_BYTES_PER_GPU,
  VLLM_NON_TORCH_BYTES_PER_GPU,
  VLLM_TP_COMM_BYTES_PER_GPU,
} from '@/lib/sizing';
import { formatCount, formatGiB, formatNumber } from '@/lib/units';
import { Tex } from './Tex';
import styles from './CheatSheet.module.css';

/**
 * The four formulas of the sheet, typeset at build time, each with its Llama-3.1-70B
 * instance computed by lib/ (KV bytes per token from lib/models, the H100 ridge point
 * and the batch-1 intensity from components/speed/model, the GEMM crossover from lib/perf).
 */
export function Formulas({ model = 'llama-3.1-70b' }: { model?: string }) {
  const spec = getModel(model).spec;
  const kv = kvCacheFormula(spec, { bits: 16 });
  const h100 = getGpu('h100-sxm');
  // The weight GEMMs' crossover batch on an H100 (lib/perf): independent of the context.
  const crossover = (weights: string) =>
    formatNumber(decodeStep({ model, weights, gpu: h100, batch: 1, contextTokens: 1, kvBits: 16 }).crossoverBatch, 0);
  return (
    <section className={styles.section} aria-labelledby="cs-formulas">
      <h2 id="cs-formulas">Formulas</h2>
      <dl className={styles.formulas}>
        <dt>Weights (bits include the scales)</dt>
        <dd>
          <Tex
            display
            className={styles.math}
            tex={String.raw`b_w = b + \frac{b_\text{scale} + b_\text{zero}}{g},\;\; W = \frac{P_q\,b_w + 16\,P_{16}}{8}\,\text{B}`}
          />
          <p className={styles.note}>
            <Tex tex="g" /> weights share a scale; <Tex tex={String.raw`P_{16}`} />: embedding, lm_head, norms left at
            16 bits.
          </p>
        </dd>
        <dt>KV cache per token (its own precision)</dt>
        <dd>
          <Tex
            display
            className={styles.math}
            tex={String.raw`k = 2\,L\,H_\text{kv}\,d_\text{head}\,\frac{b_\text{kv}}{8}\ \text{B}`}
          />
          <p className={styles.note}>
            70B: {kv.formula} = <strong>{formatCount(kv.bytesPerToken)} B</strong>.
          </p>
        </dd>
        <dt>Fits on N GPUs that report M to CUDA (vLLM)</dt>
        <dd>
          <Tex display className={styles.math} tex={String.raw`W + k\,c\,B + N\,(A + O) \le N\,M\,u`} />
          <p className={styles.note}>
            <Tex tex="c" /> tokens per sequence, <Tex tex="B" /> sequences, <Tex tex="A" /> profiled activation peak per
            GPU, <Tex tex="O" /> non-torch memory per GPU ({formatGiB(VLLM_NON_TORCH_BYTES_PER_GPU, 2)}; +
            {formatGiB(VLLM_TP_COMM_BYTES_PER_GPU, 1)} NCCL at TP ≥ 2), <Tex tex="M" /> = nvidia-smi total −{' '}
            {formatCount(NVIDIA_DRIVER_RESERVED_BYTES / 2 ** 20)} MiB, <Tex tex="u" /> = gpu_memory_utilization (vLLM{' '}
            {formatNumber(VLLM_DEFAULT_GPU_MEMORY_UTILIZATION, 2)}). Within{' '}
            {formatGiB(VLLM_KV_UNCERTAINTY_BYTES_PER_GPU, 1)} per GPU of the edge: tight. No gradients.
          </p>
        </dd>
        <dt>Decode step (one token per sequence)</dt>
        <dd>
          <Tex
            display
            className={styles.math}
            tex={String.raw`t \approx \max\!\left(\frac{W}{N\,\text{BW}},\ \frac{2\,P\,B}{N\,\text{peak}}\right) + \frac{B\,c\,k}{N\,\text{BW}}`}
          />
          <Tex
            display
            className={styles.math}
            tex={String.raw`\text{tokens/s at } B{=}1 \;\le\; \frac{N\,\text{BW}}{W + c\,k}`}
          />
          <p className={styles.note}>
            GEMMs + attention (memory-bound at any <Tex tex="B" />) + small ops, all-reduce. <Tex tex="B=1" />:{' '}
            {formatNumber(weightIntensity('bf16', 1), 0)} FLOP/B vs ridge {formatNumber(ridgePoint(h100, 'bf16'), 0)};
            GEMMs compute-bound from <Tex tex="B" /> ≈ {crossover('bf16')} (BF16, FP8), {crossover('int4-g128')}{' '}
            (W4A16), any <Tex tex="c" />.
          </p>
        </dd>
      </dl>
    </section>
  );
}
