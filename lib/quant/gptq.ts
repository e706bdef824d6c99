/**
 * GPTQ (Frantar, Ashkboos, Hoefler & Alistarh, "GPTQ: Accurate Post-Training
 * Quantization for Generative Pre-trained Transformers", ICLR 2023, arXiv
 * 2210.17323), step for step as the authors' `gptq.py` (`GPTQ.add_batch`,
 * `GPTQ.fasterquant`) and `quant.py` (IST-DASLab/gptq, commit 2d65066).
 */
import { assertMatrix, cholesky, choleskyInverse, choleskyUpper, gram, type Matrix } from './matrix';
import { affineCode, affineGrid } from './quantize-affine';
import { checkIntWeightOptions, type IntWeightOptions, type QuantizedMatrix } from './rtn';
import { assertNumberInRange, assertPositiveInteger } from './validate';

const f32 = Math.fround;

/**
 * GPTQ's Hessian of the layer-wise loss ‖W·X − Ŵ·X‖² for calibration inputs
 * X (tokens × in): H = (2 / n) · Σ_t x_t·x_tᵀ = (2 / n) · XᵀX (in × in), n = tokens.
 *
 * The reference accumulates it batch by batch (`add_batch`: H *= n_old / n_new,
 * then H += (√(2 / n_new)·X_b)ᵀ(√(2 / n_new)·X_b)); here it is one product, in
 * float64. Its n counts the batches' first dimension (sequences, e.g. 128 × 2048
 * tokens gives n = 128), so fed whole sequences it equals this H times tokens per
 * sequence. That scale changes the reported loss but not the result: each update
 * err·U_jk = (w − q)/U_jj · U_jk is unchanged when H is multiplied by a constant, and
 * the dampening is relative to mean(diag H). Fed one token per batch it is this H exactly.
 *
 * Source: IST-DASLab/gptq `gptq.py` `GPTQ.add_batch`; paper §3 ("H_F = 2·X_F·X_Fᵀ").
 *
 * @throws {RangeError} if X is malformed
 */
export function gptqHessian(x: Matrix): Matrix {
  assertMatrix(x, 'X');
  return gram(x, 2 / x.rows);
}

/** One column of GPTQ's pass, for showing the algorithm step by step. */
export interface GptqStep {
  /** Position in the processing order, 0-based (equals `column` without act-order). */
  readonly step: number;
  /** The input column quantized at this step (index in the original W). */
  readonly column: number;
  /** d = [H⁻¹]_jj: the Cholesky factor's diagonal entry that scales this column's error. */
  readonly hinvDiag: number;
  /** ‖w_j − q_j‖₂ over the output rows: how far this column moved when rounded. */
  readonly errorNorm: number;
  /** The reference's loss for the column: Σ_r (w_rj − q_rj)² / d² / 2 (its `Losses[:, j]` summed). */
  readonly loss: number;
  /**
   * ‖(w_j − q_j) / d · H⁻¹[j, j+1:]‖_F: the size of the correction pushed into the
   * not-yet-quantized columns (the reference applies it within the block at once and
   * to later blocks lazily; the total is the same).
   */
  readonly updateNorm: number;
}

/** Options of `gptqQuantize`. */
export interface GptqOptions extends IntWeightOptions {
  /** Quantize columns in order of decreasing H_jj (the reference's `--act-order`, `desc_act` in AutoGPTQ). Default false. */
  actOrder?: boolean;
  /** Dampening λ = percDamp · mean(diag H) added to H's diagonal; default 0.01 (`--percdamp`). From 0 to 1. */
  percDamp?: number;
  /** Columns per lazy-batch block; default 128 (`fasterquant(blocksize=128)`). */
  blockSize?: number;
  /** Return the per-column steps in `trace`. Default false. */
  trace?: boolean;
  /** Called after each column, in processing order (for progress or a step-by-step view). */
  onStep?: (step: GptqStep) => void;
}

/** GPTQ's output: the quantized matrix plus what the algorithm did. */
export interface GptqResult extends QuantizedMatrix {
  /** Processing order (perm[step] = column); the identity without act-order. */
  readonly order: Int32Array;
  /** The dampening added to H's diagonal, λ. */
  readonly damp: number;
  /** Columns with H_jj = 0 (no calibration signal): their weights are set to 0, as in the reference. */
  readonly deadColumns: readonly number[];
  /** The reference's printed `error`: Σ over all weights of (w − q)² / d² / 2. */
  readonly loss: number;
  /** Per-column steps, in processing order, when `trace` was set. */
  readonly trace: readonly GptqStep[] | null;
}

/**
 * GPTQ on one weight matrix W (out × in) with Hessian H (in × in, e.g. from
 * `gptqHessian`). As `fasterquant` does it:
 *
 * 1. Grid for the whole row (used when there are no groups): `find_params(W)`.
 * 2. Dead columns (H_jj = 0): H_jj := 1, W[:, j] := 0.
 * 3. act-order: permute W's columns and H by H_jj, descending (`argsort`).
 * 4. Dampening: H += λI, λ = percDamp · mean(diag H).
 * 5. U = upper Cholesky factor of H⁻¹ (cholesky → cholesky_inverse → cholesky(upper)).
 * 6. For blocks of `blockSize` columns, for each column j (global index):
 *    - with groups, at j % groupSize = 0 fit a new grid per row to W[:, j : j + groupSize],
 *      read from the outer W, which holds the updates of earlier blocks but not yet
 *      those of this block (the reference's behaviour, kept);
 *    - q = quantize(w_j), err = (w_j − q) / U_jj,
 *    - W[:, k] −= err · U_jk for the block's remaining columns k > j (at once) and,
 *      after the block, W[:, later blocks] −= Err_block · U[block, later] (lazy batch).
 * 7. Undo the permutation.
 *
 * This minimizes ‖W·X − Ŵ·X‖² one column at a time, updating the rest optimally
 * (Optimal Brain Surgeon, paper eq. 2–3), with the Cholesky form of H⁻¹ (paper §4, step 3).
 *
 * Arithmetic: float64 for W, H and its factors (the reference: float32), and float32
 * for the grids and the rounding (`affineGrid`, `affineCode`), so codes agree with the
 * reference except where a weight sits within float32 noise of a rounding tie.
 *
 * Source: IST-DASLab/gptq `gptq.py` (`GPTQ.fasterquant`) and `quant.py`, commit 2d65066.
 *
 * @throws {RangeError} if W or H is malformed or their sizes disagree, an option is out of range,
 *   or H + λI is not positive definite (e.g. percDamp 0 with too few calibration tokens)
 */
export function gptqQuantize(w: Matrix, h: Matrix, options: GptqOptions): GptqResult {
  const { size, groups, maxq, symmetric } = checkIntWeightOptions(w, options);
  assertMatrix(h, 'H');
  const { rows, cols } = w;
  if (h.rows !== cols || h.cols !== cols)
    throw new RangeError(
      `H must be in × in = ${cols} × ${cols} for W of ${rows} × ${cols} (got ${h.rows} × ${h.cols})`,
    );
  const percDamp = options.percDamp ?? 0.01;
  assertNumberInRange(percDamp, 'percDamp', 0, 1);
  const blockSize = options.blockSize ?? 128;
  assertPositiveInteger(blockSize, 'blockSize');
  const grouped = options.groupSize !== undefined;

  // 1. Grid per row over the whole (original) row.
  const rowScale = new Float64Array(rows);
  const rowZero = new Float64Array(rows);
  fitGrids(w.data, cols, 0, cols, maxq, symmetric, rowScale, rowZero);

  // 2. Dead columns.
  const H = Float64Array.from(h.data);
  const W0 = Float64Array.from(w.data, f32);
  const deadColumns: number[] = [];
  for (let j = 0; j < cols; j++) {
    if (H[j * cols + j] === 0) {
      deadColumns.push(j);
      H[j * cols + j] = 1;
      for (let r = 0; r < rows; r++) W0[r * cols + j] = 0;
    }
  }

  // 3. act-order: stable sort by diag H descending (ties keep column order).
  const order = Int32Array.from({ length: cols }, (_, j) => j);
  if (options.actOrder === true) order.sort((a, b) => H[b * cols + b]! - H[a * cols + a]! || a - b);
  const Hp = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) Hp[i * cols + j] = H[order[i]! * cols + order[j]!]!;
  const W = new Float64Array(rows * cols); // permuted working copy ("outer W")
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) W[r * cols + j] = W0[r * cols + order[j]!]!;

  // 4. Dampening.
  let meanDiag = 0;
  for (let j = 0; j < cols; j++) meanDiag += Hp[j * cols + j]!;
  const damp = (percDamp * meanDiag) / cols;
  for (let j = 0; j < cols; j++) Hp[j * cols + j]! += damp;

  // 5. U: upper Cholesky factor of H⁻¹.
  let U: Float64Array;
  try {
    U = choleskyUpper(choleskyInverse(cholesky({ rows: cols, cols, data: Hp }))).data;
  } catch (e) {
    throw new RangeError(
      `H + λI is not positive definite (${(e as Error).message}); raise percDamp or use more calibration tokens`,
    );
  }

  // 6. Column by column, in lazy-batch blocks.
  const codesP = new Uint8Array(rows * cols);
  const gScale = new Float32Array(rows * groups);
  const gZero = new Uint8Array(rows * groups);
  const scale = Float64Array.from(rowScale);
  const zero = Float64Array.from(rowZero);
  const trace: GptqStep[] | null = options.trace === true ? [] : null;
  const wantSteps = trace !== null || options.onStep !== undefined;
  let totalLoss = 0;
  const err = new Float64Array(rows);
  for (let i1 = 0; i1 < cols; i1 += blockSize) {
    const i2 = Math.min(i1 + blockSize, cols);
    const count = i2 - i1;
    const W1 = new Float64Array(rows * count);
    for (let r = 0; r < rows; r++) for (let k = 0; k < count; k++) W1[r * count + k] = W[r * cols + i1 + k]!;
    const Err1 = new Float64Array(rows * count);
    for (let i = 0; i < count; i++) {
      const j = i1 + i;
      if (grouped && j % size === 0) fitGrids(W, cols, j, Math.min(j + size, cols), maxq, symmetric, scale, zero);
      const g = Math.floor(j / size);
      if (j % size === 0) {
        for (let r = 0; r < rows; r++) {
          gScale[r * groups + g] = scale[r]!;
          gZero[r * groups + g] = zero[r]!;
        }
      }
      const d = U[j * cols + j]!;
      let errSq = 0;
      let loss = 0;
      for (let r = 0; r < rows; r++) {
        const wv = W1[r * count + i]!;
        const s = scale[r]!;
        const z = zero[r]!;
        const code = affineCode(wv, s, z, maxq);
        codesP[r * cols + j] = code;
        const q = f32(s * (code - z));
        const diff = wv - q;
        errSq += diff * diff;
        loss += (diff * diff) / (d * d);
        const e = diff / d;
        err[r] = e;
        Err1[r * count + i] = e;
        const row = r * count;
        const uj = j * cols + i1;
        for (let k = i; k < count; k++) W1[row + k]! -= e * U[uj + k]!;
      }
      totalLoss += loss / 2;
      if (wantSteps) {
        let errNorm = 0;
        for (let r = 0; r < rows; r++) errNorm += err[r]! * err[r]!;
        let uNorm = 0;
        for (let k = j + 1; k < cols; k++) uNorm += U[j * cols + k]! ** 2;
        const step: GptqStep = {
          step: j,
          column: order[j]!,
          hinvDiag: d,
          errorNorm: Math.sqrt(errSq),
          loss: loss / 2,
          updateNorm: Math.sqrt(errNorm * uNorm),
        };
        trace?.push(step);
        options.onStep?.(step);
      }
    }
    // Lazy batch: W[:, i2:] −= Err1 · U[i1:i2, i2:].
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < count; i++) {
        const e = Err1[r * count + i]!;
        if (e === 0) continue;
        const uRow = (i1 + i) * cols;
        const wRow = r * cols;
        for (let k = i2; k < cols; k++) W[wRow + k]! -= e * U[uRow + k]!;
      }
    }
  }

  // 7. Back to the original column order.
  const codes = new Uint8Array(rows * cols);
  const deq = new Float64Array(rows * cols);
  const groupIndex = new Int32Array(cols);
  for (let j = 0; j < cols; j++) groupIndex[order[j]!] = Math.floor(j / size);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) {
      const c = order[j]!;
      const code = codesP[r * cols + j]!;
      codes[r * cols + c] = code;
      const g = r * groups + groupIndex[c]!;
      deq[r * cols + c] = f32(gScale[g]! * (code - gZero[g]!));
    }
  }
  return {
    bits: options.bits,
    groupSize: options.groupSize ?? null,
    symmetric,
    rows,
    cols,
    groups,
    codes,
    scales: gScale,
    zeros: gZero,
    groupIndex,
    dequantized: { rows, cols, data: deq },
    order,
    damp,
    deadColumns,
    loss: totalLoss,
    trace,
  };
}

/** Fits one grid per row to columns [c0, c1) of a row-major matrix with `cols` columns (GPTQ `find_params(W[:, c0:c1])`). */
function fitGrids(
  data: Float64Array,
  cols: number,
  c0: number,
  c1: number,
  maxq: number,
  symmetric: boolean,
  scale: Float64Array,
  zero: Float64Array,
): void {
  const rows = data.length / cols;
  for (let r = 0; r < rows; r++) {
    let min = Infinity;
    let max = -Infinity;
    for (let c = r * cols + c0, end = r * cols + c1; c < end; c++) {
      const v = f32(data[c]!);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const grid = affineGrid(min, max, maxq, symmetric);
    scale[r] = grid.scale;
    zero[r] = grid.zero;
  }
}
