/**
 * A small dense-matrix toolkit for the method lab (GPTQ, AWQ, SmoothQuant on
 * one linear layer): row-major `Float64Array` storage, the products those
 * methods need, and the Cholesky factorization GPTQ uses to invert its
 * Hessian. Sizes are a few hundred, so plain triple loops (ordered so the
 * innermost one walks memory contiguously) are fast enough; no blocking.
 *
 * Conventions: a weight matrix W is out × in (PyTorch `nn.Linear.weight`),
 * activations X are tokens × in, so the layer's output is Y = X·Wᵀ (tokens × out).
 */
import { assertPositiveInteger } from './validate';

/** A dense matrix, row-major: element (r, c) is `data[r * cols + c]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Largest rows × cols accepted: 2^24 elements (128 MiB of float64), to keep a browser tab alive. */
export const MAX_MATRIX_ELEMENTS = 2 ** 24;

/**
 * A rows × cols matrix, zero-filled, or holding a copy of `values` (row-major).
 *
 * @throws {RangeError} if a size is not a positive integer, the matrix is larger than 2^24 elements,
 *   or `values` has the wrong length or holds NaN/±Infinity
 * @example matrix(2, 2, [1, 2, 3, 4]).data[2] // 3 (row 1, column 0)
 */
export function matrix(rows: number, cols: number, values?: ArrayLike<number>): Matrix {
  assertPositiveInteger(rows, 'rows');
  assertPositiveInteger(cols, 'cols');
  if (rows * cols > MAX_MATRIX_ELEMENTS) {
    throw new RangeError(`rows × cols must be at most ${MAX_MATRIX_ELEMENTS} (got ${rows} × ${cols})`);
  }
  const data = new Float64Array(rows * cols);
  if (values !== undefined) {
    if (values.length !== rows * cols) {
      throw new RangeError(`values must have rows × cols = ${rows * cols} entries (got ${values.length})`);
    }
    for (let i = 0; i < data.length; i++) {
      const v = values[i]!;
      if (v - v !== 0) throw new RangeError(`values[${i}] must be a finite number (got ${v})`);
      data[i] = v;
    }
  }
  return { rows, cols, data };
}

/** Throws unless `m` is a well-formed `Matrix` (sizes match the data, all finite). */
export function assertMatrix(m: unknown, name: string): asserts m is Matrix {
  const x = m as Matrix | null;
  if (typeof x !== 'object' || x === null || !(x.data instanceof Float64Array)) {
    throw new TypeError(`${name} must be a matrix { rows, cols, data: Float64Array }`);
  }
  assertPositiveInteger(x.rows, `${name}.rows`);
  assertPositiveInteger(x.cols, `${name}.cols`);
  if (x.data.length !== x.rows * x.cols) {
    throw new RangeError(`${name}.data must have rows × cols = ${x.rows * x.cols} entries (got ${x.data.length})`);
  }
  for (let i = 0; i < x.data.length; i++) {
    const v = x.data[i]!;
    if (v - v !== 0) throw new RangeError(`${name}.data[${i}] must be a finite number (got ${v})`);
  }
}

/**
 * C = A·B (A is m × k, B is k × n).  C[i, j] = Σ_t A[i, t]·B[t, j].
 *
 * @throws {RangeError} if A.cols ≠ B.rows
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows)
    throw new RangeError(`matmul: A.cols must equal B.rows (got ${a.rows}×${a.cols} · ${b.rows}×${b.cols})`);
  const { rows: m, cols: k } = a;
  const n = b.cols;
  const c = new Float64Array(m * n);
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let t = 0; t < k; t++) {
      const av = A[i * k + t]!;
      if (av === 0) continue;
      const bt = t * n;
      for (let j = 0; j < n; j++) c[ci + j]! += av * B[bt + j]!;
    }
  }
  return { rows: m, cols: n, data: c };
}

/**
 * C = A·Bᵀ (A is m × k, B is n × k): C[i, j] = Σ_t A[i, t]·B[j, t], a dot
 * product of two rows. This is the layer output Y = X·Wᵀ with X = A, W = B.
 *
 * @throws {RangeError} if A.cols ≠ B.cols
 */
export function matmulTransB(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.cols)
    throw new RangeError(`matmulTransB: A.cols must equal B.cols (got ${a.rows}×${a.cols} · (${b.rows}×${b.cols})ᵀ)`);
  const { rows: m, cols: k } = a;
  const n = b.rows;
  const c = new Float64Array(m * n);
  const A = a.data;
  const B = b.data;
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      c[i * n + j] = dot(A, ai, B, bj, k);
    }
  }
  return { rows: m, cols: n, data: c };
}

/**
 * The Gram matrix G = Aᵀ·A (A is m × k, G is k × k and symmetric), times
 * `factor`: G[i, j] = factor · Σ_t A[t, i]·A[t, j]. With A = X (tokens × in)
 * and factor 2/tokens this is GPTQ's Hessian H = (2/n)·Σ x·xᵀ.
 * Only the upper triangle is computed (dot products of A's columns); the lower one is mirrored.
 */
export function gram(a: Matrix, factor = 1): Matrix {
  const k = a.cols;
  const m = a.rows;
  const at = transpose(a).data; // column i of A is row i of Aᵀ: contiguous dot products
  const g = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const v = dot(at, i * m, at, j * m, m) * factor;
      g[i * k + j] = v;
      g[j * k + i] = v;
    }
  }
  return { rows: k, cols: k, data: g };
}

/** The transpose Aᵀ (cols × rows). */
export function transpose(a: Matrix): Matrix {
  const { rows, cols } = a;
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = a.data[r * cols + c]!;
  return { rows: cols, cols: rows, data: t };
}

/**
 * Cholesky factorization of a symmetric positive-definite A: the lower
 * triangular L with A = L·Lᵀ (Cholesky–Banachiewicz, row by row):
 *
 *   L[i, j] = (A[i, j] − Σ_{t<j} L[i, t]·L[j, t]) / L[j, j]     (j < i)
 *   L[i, i] = √(A[i, i] − Σ_{t<i} L[i, t]²)
 *
 * Only A's lower triangle is read. Source: Golub & Van Loan, "Matrix
 * Computations" (4th ed.), §4.2; the same factor as `torch.linalg.cholesky`.
 *
 * @throws {RangeError} if A is not square, or not positive definite (a pivot ≤ 0; the message names its row)
 */
export function cholesky(a: Matrix): Matrix {
  if (a.rows !== a.cols) throw new RangeError(`cholesky: the matrix must be square (got ${a.rows}×${a.cols})`);
  const n = a.rows;
  const A = a.data;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const li = i * n;
    for (let j = 0; j <= i; j++) {
      const lj = j * n;
      let s = A[li + j]!;
      for (let t = 0; t < j; t++) s -= L[li + t]! * L[lj + t]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError(`cholesky: the matrix is not positive definite (pivot ${s} at row ${i})`);
        L[li + i] = Math.sqrt(s);
      } else {
        L[li + j] = s / L[lj + j]!;
      }
    }
  }
  return { rows: n, cols: n, data: L };
}

/**
 * The inverse of A = L·Lᵀ from its lower Cholesky factor L, as
 * `torch.cholesky_inverse(L)` computes it: A⁻¹ = L⁻ᵀ·L⁻¹. L⁻¹ is found by
 * forward substitution (L·M = I, M lower triangular), then A⁻¹[i, j] =
 * Σ_{t ≥ max(i, j)} M[t, i]·M[t, j]. The result is symmetric.
 *
 * Source: Golub & Van Loan, "Matrix Computations" (4th ed.), §3.1 (triangular
 * systems) and §4.2; PyTorch docs, `torch.cholesky_inverse`.
 *
 * @throws {RangeError} if L is not square or has a zero on its diagonal
 */
export function choleskyInverse(l: Matrix): Matrix {
  if (l.rows !== l.cols) throw new RangeError(`choleskyInverse: the factor must be square (got ${l.rows}×${l.cols})`);
  const n = l.rows;
  const L = l.data;
  const M = new Float64Array(n * n); // L⁻¹, lower triangular
  for (let i = 0; i < n; i++) {
    const d = L[i * n + i]!;
    if (d === 0) throw new RangeError(`choleskyInverse: the factor has a zero on its diagonal (row ${i})`);
    M[i * n + i] = 1 / d;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let t = j; t < i; t++) s += L[i * n + t]! * M[t * n + j]!;
      M[i * n + j] = -s / d;
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = i; t < n; t++) s += M[t * n + i]! * M[t * n + j]!;
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, data: inv };
}

/**
 * The upper Cholesky factor U of a symmetric positive-definite A: A = Uᵀ·U,
 * U = Lᵀ (`torch.linalg.cholesky(A, upper=True)`).
 *
 * @throws {RangeError} as `cholesky`
 */
export function choleskyUpper(a: Matrix): Matrix {
  return transpose(cholesky(a));
}

/**
 * The Frobenius norm ‖A‖_F = √(Σ A[i, j]²), summed after dividing by the
 * largest magnitude (as BLAS `nrm2` does) so that it neither overflows nor underflows.
 */
export function frobeniusNorm(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]!));
  if (max === 0) return 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (values[i]! / max) ** 2;
  return max * Math.sqrt(s);
}

/**
 * Σ_{t<n} a[ai + t]·b[bi + t], with four partial sums (the CPU can overlap them;
 * about 2× faster than one running sum in V8 for n in the hundreds).
 */
export function dot(a: Float64Array, ai: number, b: Float64Array, bi: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < n; t += 4) {
    s0 += a[ai + t]! * b[bi + t]!;
    s1 += a[ai + t + 1]! * b[bi + t + 1]!;
    s2 += a[ai + t + 2]! * b[bi + t + 2]!;
    s3 += a[ai + t + 3]! * b[bi + t + 3]!;
  }
  for (; t < n; t++) s0 += a[ai + t]! * b[bi + t]!;
  return s0 + s1 + s2 + s3;
}

/**
 * A quadratic form v·G·vᵀ for a symmetric positive semi-definite G = XᵀX, the
 * squared output norm ‖X·vᵀ‖² of a weight row v. Built once per G: with G's
 * Cholesky factor L (G = L·Lᵀ), v·G·vᵀ = ‖Lᵀ·vᵀ‖², which needs n²/2 multiply-adds
 * instead of n² (Golub & Van Loan §4.2). If G is singular (fewer tokens than
 * channels), it falls back to the plain double sum.
 */
export function quadraticForm(g: Matrix): (v: ArrayLike<number>) => number {
  const n = g.rows;
  let L: Float64Array | null = null;
  try {
    L = cholesky(g).data;
  } catch {
    L = null;
  }
  const u = new Float64Array(n);
  const vv = new Float64Array(n);
  if (L === null) {
    const G = g.data;
    return (v) => {
      for (let i = 0; i < n; i++) vv[i] = v[i]!;
      let total = 0;
      for (let i = 0; i < n; i++) total += vv[i]! * dot(G, i * n, vv, 0, n);
      return total;
    };
  }
  const U = transpose({ rows: n, cols: n, data: L }).data; // Lᵀ: row j holds L[j.., j]
  return (v) => {
    // u_j = Σ_{i ≥ j} L_ij·v_i = (Lᵀ·vᵀ)_j: a dot product along row j of Lᵀ, from its diagonal on.
    for (let i = 0; i < n; i++) vv[i] = v[i]!;
    for (let j = 0; j < n; j++) u[j] = dot(U, j * n + j, vv, j, n - j);
    return dot(u, 0, u, 0, n);
  };
}
