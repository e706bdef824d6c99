import type { DecodeStepResult } from '@/lib/perf/decodeStep';
import type { ExpectedTime, OperatorBreakdown } from '@/lib/perf/operators';
import { getGpu } from '@/lib/hardware';
import { formatDuration, formatTokensPerSecond } from '@/lib/units';

/** One row of the "where the step's time goes" table. */
export interface OperatorRow {
  label: string;
  /** Ceiling time of this operator, formatted. */
  ceiling: string;
  /** Expected (calibrated) time, formatted; '—' where no calibration applies. */
  expected: string;
  bound: 'memory' | 'compute' | '—';
  /** Share of the ceiling step, 0 … 1, for a bar. */
  share: number;
}

const LABELS: Record<keyof Omit<OperatorBreakdown, 'seconds'>, string> = {
  gemm: 'Weight GEMMs',
  attention: 'Attention over the KV cache',
  smallOps: 'Norms, residuals, SiLU, RoPE',
  allReduce: 'All-reduce (tensor parallel)',
};

/**
 * The operators of a decode step (or prefill) as table rows: ceiling and expected
 * time per operator, which roof bounds it, and its share of the ceiling. Rows whose
 * ceiling is zero (all-reduce on one GPU) are left out.
 *
 * @example operatorRows(decodeStep({ …, gpuCount: 1 }).operators, null).map((r) => r.label) // ['Weight GEMMs', 'Attention over the KV cache', 'Norms, residuals, SiLU, RoPE']
 */
export function operatorRows(ceiling: OperatorBreakdown, expected: ExpectedTime | null): OperatorRow[] {
  return (Object.keys(LABELS) as (keyof typeof LABELS)[])
    .filter((key) => ceiling[key].seconds > 0)
    .map((key) => ({
      label: LABELS[key],
      ceiling: formatDuration(ceiling[key].seconds),
      expected: expected ? formatDuration(expected.breakdown[key].seconds) : '—',
      bound: key === 'smallOps' || key === 'allReduce' ? '—' : ceiling[key].bound,
      share: ceiling.seconds > 0 ? ceiling[key].seconds / ceiling.seconds : 0,
    }));
}

/**
 * One sentence on the expected figure: what it is calibrated on, or why there is none.
 *
 * @example expectedSentence(step, 'h200-sxm') // "Expected on the kernels we measured: … (calibrated on our H100 SXM benchmark; …)"
 */
export function expectedSentence(step: Pick<DecodeStepResult, 'expected' | 'computeDtype'>, gpuId: string): string {
  const gpu = getGpu(gpuId);
  const e = step.expected;
  if (!e) {
    return `Expected: not measured — our GPU benchmark covers neither ${gpu.name}'s generation nor this math path, so only the ceiling is shown.`;
  }
  const on = getGpu(e.calibratedOn).name;
  const basis =
    e.basis === 'measured'
      ? `measured on ${on}`
      : `measured on ${on}, the same ${gpu.architecture} generation, as fractions of the datasheet figures`;
  return `Expected on the kernels we measured: ${formatDuration(e.secondsPerToken)} per step, ${formatTokensPerSecond(e.tokensPerSecondTotal)} in total (${basis}; GEMM kernel: ${e.kernel}). GEMM-level measurements, not a serving engine.${e.caveat ? ` ${e.caveat}` : ''}`;
}
