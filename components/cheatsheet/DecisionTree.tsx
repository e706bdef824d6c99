import { decisionTree, type DecisionLeaf } from './model';
import { getGpu } from '@/lib/hardware/getGpu';
import { Ref } from './Ref';
import styles from './CheatSheet.module.css';

const FP8_GPU = 'h100-sxm';
const NO_FP8_GPU = 'a100-80gb-sxm';

/** "FP8 W8A8 on FP8 GPUs, INT8 W8A8 (SmoothQuant-style) on Ampere", or one label when both kinds of GPU pick the same. */
function Pick({ leaf }: { leaf: DecisionLeaf }) {
  if (leaf.withFp8.formatId === leaf.withoutFp8.formatId) return <strong>{leaf.withFp8.label}</strong>;
  return (
    <>
      <strong>{leaf.withFp8.label}</strong> on FP8 GPUs, <strong>{leaf.withoutFp8.label}</strong> on Ampere
    </>
  );
}

/**
 * lib/decision's branches as an accessible nested list; every leaf is a
 * `decideQuantization` call (components/cheatsheet/model `decisionTree`).
 */
export function DecisionTree() {
  const leaves = decisionTree({ withFp8Gpu: FP8_GPU, withoutFp8Gpu: NO_FP8_GPU });
  const find = (
    tolerance: DecisionLeaf['accuracyTolerance'],
    evaluation: boolean,
    workload: DecisionLeaf['workload'],
  ) =>
    leaves.find(
      (l) => l.accuracyTolerance === tolerance && l.evaluationBudget === evaluation && l.workload === workload,
    )!;
  return (
    <section className={styles.section} aria-labelledby="cs-decision">
      <h2 id="cs-decision">Decision tree</h2>
      <ol className={styles.tree}>
        <li>
          <span className={styles.q}>No measurable loss allowed</span>
          <ul>
            <li>
              and no time to evaluate: <Pick leaf={find('none', false, null)} />; never 4-bit blind.
            </li>
            <li>
              can evaluate, latency-bound: <Pick leaf={find('none', true, 'latency')} />
            </li>
            <li>
              can evaluate, throughput-bound: <Pick leaf={find('none', true, 'throughput')} />
            </li>
            <li>4-bit only as a fall-back that your evaluation clears.</li>
          </ul>
        </li>
        <li>
          <span className={styles.q}>Small measured loss acceptable</span>
          <ul>
            <li>
              latency-bound (few users): <Pick leaf={find('small', true, 'latency')} />
            </li>
            <li>
              throughput-bound (big batches): <Pick leaf={find('small', true, 'throughput')} />
            </li>
          </ul>
        </li>
        <li>
          <span className={styles.q}>Then</span> check the fit (weights + KV + overhead); if short, the next format or
          more GPUs. No task data to calibrate on: AWQ over GPTQ
          <Ref id="awq-2306.00978" />. Evaluate against BF16 on your data, then canary.
        </li>
      </ol>
      <p className={styles.note}>
        First picks of lib/decision, memory to spare. FP8 GPUs: Ada, Hopper, Blackwell; Ampere (e.g.{' '}
        {getGpu(NO_FP8_GPU).name}) runs FP8 weight-only
        <Ref id="vllm-docs-fp8" />. FP8 W8A8 “effectively lossless”, INT8 W8A8 −1–3%; W4A16 for latency, W8A8 for
        batching
        <Ref id="bf16-or-death-2411.02355" />. Llama-3/3.1-70B: per-channel INT8 W8A8 hurts; use per-group INT8 on a few
        layers, or W8A16
        <Ref id="llama3-70b-per-channel-2408.15301" />.
      </p>
    </section>
  );
}
