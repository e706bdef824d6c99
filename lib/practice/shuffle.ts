/**
 * Seeded shuffling of options and ordering items: the same learner, question and
 * attempt always give the same order (stable across reloads and between server
 * and client render); a new attempt gives a new order.
 *
 * Random stream: `createPrng` (sfc32 seeded through SplitMix, lib/quant/prng.ts)
 * seeded with a 32-bit hash of the key `${learnerSeed}:${questionId}:${attempt}`.
 * Permutation: Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P), with an
 * unbiased integer draw (rejection sampling, no modulo bias).
 */
import { createPrng, type Prng } from '../quant/prng';
import type { Question } from './types';

/**
 * 32-bit hash of a string: FNV-1a over UTF-16 code units, then MurmurHash3's
 * fmix32 finalizer so that keys differing in the last character spread over all bits.
 * Not cryptographic.
 *
 * @example hashString('abc') === hashString('abc') // true
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded generator for a string key. @example seededPrng('s:q:0').nextUint32() // same on every machine */
export function seededPrng(key: string): Prng {
  return createPrng(hashString(key));
}

/**
 * A uniform integer in [0, n) from the generator, without modulo bias.
 * @throws RangeError if n is not a positive integer ≤ 2³².
 */
export function randomInt(prng: Prng, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32)
    throw new RangeError(`randomInt: n must be an integer from 1 to 2^32 (got ${n})`);
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const x = prng.nextUint32();
    if (x < limit) return x % n;
  }
}

/**
 * A permutation of 0…n−1, determined by `key`.
 * @throws RangeError if n is not a non-negative integer.
 * @example seededPermutation(4, 'k') // the same 4-permutation every time
 */
export function seededPermutation(n: number, key: string): number[] {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`seededPermutation: n must be a non-negative integer (got ${n})`);
  const prng = seededPrng(key);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(prng, i + 1);
    const tmp = p[i] as number;
    p[i] = p[j] as number;
    p[j] = tmp;
  }
  return p;
}

/** The key a question's shuffle is drawn from. */
export function shuffleKey(learnerSeed: string, questionId: string, attempt: number): string {
  return `${learnerSeed}:${questionId}:${attempt}`;
}

/**
 * The order to display a question's options (choice/flaw) or items (ordering),
 * as indices into written order: `displayOrder(...)[k]` is the option shown k-th.
 *
 * - `single`/`multiple`: shuffled, unless `pin: true`.
 * - `flaw`: never shuffled (the steps are a sequence).
 * - `ordering`: shuffled and never shown already solved (for n ≥ 2, an identity
 *   draw is replaced by the next draw, deterministically).
 * - `numeric`/`open`: `[]`.
 *
 * @throws RangeError if `attempt` is not a non-negative integer.
 * @example displayOrder(q, 'learner-seed', 0) // e.g. [2, 0, 1]; the same on every reload
 */
export function displayOrder(q: Question, learnerSeed: string, attempt: number): number[] {
  if (!Number.isInteger(attempt) || attempt < 0)
    throw new RangeError(`displayOrder: attempt must be a non-negative integer (got ${attempt})`);
  switch (q.type) {
    case 'numeric':
    case 'open':
      return [];
    case 'flaw':
      return q.options.map((_, i) => i);
    case 'single':
    case 'multiple':
      return q.pin
        ? q.options.map((_, i) => i)
        : seededPermutation(q.options.length, shuffleKey(learnerSeed, q.id, attempt));
    case 'ordering': {
      const n = q.items.length;
      const key = shuffleKey(learnerSeed, q.id, attempt);
      for (let redraw = 0; redraw < 16; redraw++) {
        const p = seededPermutation(n, redraw === 0 ? key : `${key}:${redraw}`);
        if (n < 2 || p.some((x, i) => x !== i)) return p;
      }
      // Practically unreachable for n ≥ 3 (probability (1/n!)^16); rotate by one.
      return Array.from({ length: n }, (_, i) => (i + 1) % n);
    }
  }
}
