/**
 * What the method lab's Web Worker does, kept apart from the worker's wiring so Node tests can run it: two
 * `compareMethods` runs (the shown calibration set first, then the other, for the calibration gap) with progress
 * messages, ending in one summary or one error message. The page never imports this module (it would pull the
 * quantizers into the page's JavaScript); only methodLab.worker.ts does.
 */
import { compareMethods } from '@/lib/quant';
import { summarizeLab, type LabInputs, type LabSummary } from './methodLab';
import type { LabStep } from '@/lib/quant';

/** A request to the worker. `size` shrinks the layer (tests); the page always uses the default 256 × 256. */
export interface LabRequest {
  readonly id: number;
  readonly inputs: LabInputs;
  readonly size?: { rows: number; cols: number; calibrationTokens: number; heldOutTokens: number };
}

/** What the worker posts back, each tagged with the request's id so the page can drop stale answers. */
export type LabMessage =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number; readonly step: LabStep }
  | { readonly type: 'result'; readonly id: number; readonly summary: LabSummary }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Progress is posted at most this often (ms), and always at the end of a step; GPTQ alone has 512 column steps. */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Runs one request and posts progress (overall fraction = (pass + fraction of this pass) / 2, passes 0 and 1)
 * and then the result, or an error message for bad input or a failure, never throwing.
 */
export function runLab(request: LabRequest, post: (m: LabMessage) => void, now: () => number = Date.now): void {
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    const inputs = request?.inputs;
    if (typeof inputs !== 'object' || inputs === null) throw new TypeError('the request has no inputs');
    const other = inputs.calibration === 'matched' ? 'shifted' : 'matched';
    const t0 = now();
    let lastPost = -Infinity;
    let lastStep: LabStep | null = null;
    const run = (calibration: 'matched' | 'shifted', pass: number) =>
      compareMethods({
        ...request.size,
        bits: inputs.bits,
        groupSize: inputs.groupSize,
        seed: inputs.seed,
        calibration,
        traceGptq: pass === 0,
        onProgress: (fraction, step) => {
          const t = now();
          if (t - lastPost < PROGRESS_INTERVAL_MS && step === lastStep && fraction < 1) return;
          lastPost = t;
          lastStep = step;
          post({ type: 'progress', id, fraction: (pass + fraction) / 2, step });
        },
      });
    const shown = run(inputs.calibration, 0);
    const rest = run(other, 1);
    post({ type: 'result', id, summary: summarizeLab(inputs, shown, rest, now() - t0) });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
