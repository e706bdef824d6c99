import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskyInverse,
  choleskyUpper,
  dot,
  frobeniusNorm,
  gram,
  matmul,
  matmulTransB,
  matrix,
  quadraticForm,
  transpose,
} from './matrix';

/** A random symmetric positive-definite n × n matrix: BᵀB + n·I with B's entries in [−1, 1]. */
const spd = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((b) => {
    const g = gram(matrix(n, n, b));
    for (let i = 0; i < n; i++) g.data[i * n + i]! += n;
    return g;
  }),
);

describe('matrix toolkit', () => {
  it('multiplies by hand-checked 2 × 3 · 3 × 2 example', () => {
    // [[1,2,3],[4,5,6]]·[[7,8],[9,10],[11,12]] = [[58, 64], [139, 154]] (1·7+2·9+3·11 = 58, …).
    const c = matmul(matrix(2, 3, [1, 2, 3, 4, 5, 6]), matrix(3, 2, [7, 8, 9, 10, 11, 12]));
    expect([c.rows, c.cols]).toEqual([2, 2]);
    expect(Array.from(c.data)).toEqual([58, 64, 139, 154]);
  });

  it('matmulTransB(A, B) = matmul(A, Bᵀ), and gram(A, f) = f·AᵀA (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (m, k, n, seed) => {
          const rnd = (i: number) => Math.sin(seed + i * 12.9898) * 3;
          const a = matrix(
            m,
            k,
            Array.from({ length: m * k }, (_, i) => rnd(i)),
          );
          const b = matrix(
            n,
            k,
            Array.from({ length: n * k }, (_, i) => rnd(i + 1000)),
          );
          const c1 = matmulTransB(a, b);
          const c2 = matmul(a, transpose(b));
          for (let i = 0; i < c1.data.length; i++) expect(c1.data[i]).toBeCloseTo(c2.data[i]!, 10);
          const g = gram(a, 0.5);
          const g2 = matmul(transpose(a), a);
          for (let i = 0; i < g.data.length; i++) expect(g.data[i]).toBeCloseTo(0.5 * g2.data[i]!, 10);
        },
      ),
    );
  });

  it('rejects mismatched shapes with a message naming them', () => {
    expect(() => matmul(matrix(2, 3), matrix(2, 3))).toThrow('A.cols must equal B.rows (got 2×3 · 2×3)');
    expect(() => matrix(2, 2, [1, 2, 3])).toThrow('values must have rows × cols = 4 entries (got 3)');
    expect(() => matrix(1, 2, [1, NaN])).toThrow('values[1] must be a finite number (got NaN)');
    expect(() => matrix(0, 2)).toThrow('rows must be a positive integer (got 0)');
  });

  it('factors a hand-checked SPD matrix: [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]', () => {
    const l = cholesky(matrix(2, 2, [4, 2, 2, 3]));
    expect(Array.from(l.data)).toEqual([2, 0, 1, Math.SQRT2]);
    // Inverse of [[4, 2], [2, 3]] is [[3, −2], [−2, 4]] / 8.
    const inv = choleskyInverse(l);
    [3 / 8, -2 / 8, -2 / 8, 4 / 8].forEach((v, i) => expect(inv.data[i]).toBeCloseTo(v, 14));
    expect(Array.from(choleskyUpper(matrix(2, 2, [4, 2, 2, 3])).data)).toEqual([2, 1, 0, Math.SQRT2]);
  });

  it('L·Lᵀ = A, L is lower triangular, and A·A⁻¹ = I for random SPD A (property)', () => {
    fc.assert(
      fc.property(spd, (a) => {
        const n = a.rows;
        const l = cholesky(a);
        const llt = matmulTransB(l, l);
        for (let i = 0; i < n * n; i++) expect(Math.abs(llt.data[i]! - a.data[i]!)).toBeLessThan(1e-10 * n);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l.data[i * n + j]).toBe(0);
        const prod = matmul(a, choleskyInverse(l));
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(Math.abs(prod.data[i * n + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-9);
        const u = choleskyUpper(a);
        const utu = matmul(transpose(u), u);
        for (let i = 0; i < n * n; i++) expect(Math.abs(utu.data[i]! - a.data[i]!)).toBeLessThan(1e-10 * n);
      }),
    );
  });

  it('refuses a matrix that is not positive definite, naming the row', () => {
    // [[1, 2], [2, 1]] has eigenvalues 3 and −1: the second pivot is 1 − 2² = −3.
    expect(() => cholesky(matrix(2, 2, [1, 2, 2, 1]))).toThrow('not positive definite (pivot -3 at row 1)');
  });

  it('frobeniusNorm: √(3² + 4²) = 5, and neither overflows nor underflows', () => {
    expect(frobeniusNorm([3, 4])).toBe(5);
    expect(frobeniusNorm([3e200, 4e200])).toBeCloseTo(5e200, -186);
    expect(frobeniusNorm([3e-200, 4e-200]) / 5e-200).toBeCloseTo(1, 12);
    expect(frobeniusNorm([0, 0])).toBe(0);
  });

  it('quadraticForm(gram(X))(v) = ‖X·vᵀ‖², through the Cholesky factor or (singular G) directly', () => {
    // X = [[1, 2], [3, 4], [0, 1]], v = [1, −1]: X·vᵀ = [−1, −1, −1], ‖·‖² = 3.
    expect(quadraticForm(gram(matrix(3, 2, [1, 2, 3, 4, 0, 1])))([1, -1])).toBeCloseTo(3, 12);
    // One token, two channels: G = [[1, 2], [2, 4]] is singular; X·vᵀ = 1·3 + 2·1 = 5, squared 25.
    expect(quadraticForm(gram(matrix(1, 2, [1, 2])))([3, 1])).toBe(25);
    expect(dot(Float64Array.of(1, 2, 3, 4, 5), 0, Float64Array.of(5, 4, 3, 2, 1), 0, 5)).toBe(35);
  });
});
