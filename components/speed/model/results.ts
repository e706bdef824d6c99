import { getFormat } from '@/lib/formats';
import { getGpu, vllmKernelPath, type KernelPath } from '@/lib/hardware';
import { expectedSentence, operatorRows, type OperatorRow } from './operatorRows';
import { decodeStep, type DecodeStepResult } from '@/lib/perf/decodeStep';
import { prefillRoofline, type PrefillResult } from '@/lib/perf/prefillTime';
import { speedupCeiling, type SpeedupCeiling } from '@/lib/perf/speedupCeiling';
import { fitOnGpu, type FitResult } from '@/lib/sizing/fitOnGpu';
import { libErrorField } from './errors';
import { DTYPE_LABELS, figuresUsed, type FigureUsed } from './figures';
import type { SpeedField, SpeedState } from './urlState';
import { decodeWork, prefillWork, type WorkLine } from './work';

/** Everything the calculator shows for a valid set-up. */
export interface SpeedResults {
  /** One decode step at the chosen batch and context (lib/perf `decodeStep`). */
  step: DecodeStepResult;
  /** Prefill of one prompt as long as the context (lib/perf `prefillRoofline`, batch 1). */
  prefill: PrefillResult;
  /** Memory check at the chosen batch and context (lib/sizing `fitOnGpu`). */
  fit: FitResult;
  /** Best case versus BF16 on this GPU (lib/perf `speedupCeiling`). */
  ceiling: SpeedupCeiling;
  /** Where the step's time goes, operator by operator (ceiling and expected). */
  operators: OperatorRow[];
  /** The expected figure in a sentence, or why there is none. */
  expectedText: string;
  /** Which vLLM kernel runs this format on this GPU. */
  kernel: KernelPath;
  /** How the matmuls run, in a sentence. */
  computeSentence: string;
  work: WorkLine[];
  prefillWork: WorkLine[];
  /** The GPU figures used, with sources and status. */
  figures: FigureUsed[];
}

export type SpeedOutcome =
  | { ok: true; results: SpeedResults }
  /** `field`: the field to fix (its message is already shown next to it), or null for an error no field explains. */
  | { ok: false; field: SpeedField | null; message: string };

/**
 * How a format's matmuls run on a GPU, for people: W8A8 formats on 8-bit tensor
 * cores, weight-only formats dequantised to 16 bits in the kernel, and the fallback
 * when the GPU lacks the format's tensor cores (lib/perf `computeDtypeNote`).
 *
 * @example computeSentence('int4-g128', decodeStep({ …, weights: 'int4-g128' })) // "Linear layers: FP16 tensor cores — weight-only: …"
 */
export function computeSentence(
  weights: string,
  step: Pick<DecodeStepResult, 'computeDtype' | 'computeDtypeNote' | 'attentionDtype'>,
): string {
  const format = getFormat(weights);
  const dtype = DTYPE_LABELS[step.computeDtype];
  const attention = `Attention over the KV cache: ${DTYPE_LABELS[step.attentionDtype]}.`;
  if (step.computeDtypeNote) return `Linear layers: ${dtype} tensor cores. ${step.computeDtypeNote} ${attention}`;
  const sixteen = step.computeDtype === 'bf16' || step.computeDtype === 'fp16';
  const storedSixteen =
    format.storage.kind === 'float' && (format.storage.dtype === 'bf16' || format.storage.dtype === 'fp16');
  if (sixteen && !storedSixteen) {
    return `Linear layers: ${dtype} tensor cores — weight-only: the stored weights are dequantised to ${dtype} inside the kernel, so only the bytes read shrink, not the math. ${attention}`;
  }
  if (!sixteen) {
    return `Linear layers: ${dtype} tensor cores — weights and activations both in ${dtype}, so the compute peak rises as well as the bytes falling. ${attention}`;
  }
  return `Linear layers: ${dtype} tensor cores. ${attention}`;
}

/**
 * Computes every result of the speed calculator for a validated state. Never throws:
 * a missing number (its field already shows why) or a lib/ error becomes
 * `{ ok: false }` with the field the error names (components/speed/model `libErrorField`).
 *
 * @example speedResults(parseSpeedState(SPEED_DEFAULTS)).ok // true
 */
export function speedResults(state: SpeedState): SpeedOutcome {
  if (state.batch === null)
    return { ok: false, field: 'batch', message: state.errors.batch ?? 'Batch size is not valid.' };
  if (state.contextTokens === null)
    return { ok: false, field: 'context', message: state.errors.context ?? 'Context length is not valid.' };
  const input = {
    model: state.model,
    weights: state.weights,
    gpu: state.gpu,
    gpuCount: state.gpuCount,
    batch: state.batch,
    contextTokens: state.contextTokens,
    kvBits: state.kvBits,
  };
  try {
    const step = decodeStep(input);
    const prefill = prefillRoofline({ ...input, promptTokens: state.contextTokens, batch: 1 });
    const fit = fitOnGpu(input);
    const ceiling = speedupCeiling({ gpu: state.gpu, weights: state.weights });
    return {
      ok: true,
      results: {
        step,
        prefill,
        fit,
        ceiling,
        operators: operatorRows(step.operators, step.expected),
        expectedText: expectedSentence(step, state.gpu),
        kernel: vllmKernelPath(state.weights, getGpu(state.gpu)),
        computeSentence: computeSentence(state.weights, step),
        work: decodeWork(input, step),
        prefillWork: prefillWork(
          { gpu: state.gpu, gpuCount: state.gpuCount, promptTokens: state.contextTokens },
          prefill,
        ),
        figures: figuresUsed(getGpu(state.gpu), [step.computeDtype, step.attentionDtype]),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, field: libErrorField(message), message };
  }
}
