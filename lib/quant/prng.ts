/**
 * A small seeded pseudo-random number generator, so that "sample weights,
 * seed 42" gives the same numbers on every machine and in every browser
 * (`Math.random` cannot be seeded).
 *
 * sfc32 ("Small Fast Chaotic", Chris Doty-Humphrey, from the PractRand
 * suite): 128 bits of state, 32-bit output. The state is filled from the
 * seed by a SplitMix-style seeder (add the golden-ratio constant 0x9e3779b9,
 * then MurmurHash3's `fmix32` finalizer) so that nearby seeds give unrelated
 * streams. Not for cryptography.
 *
 * Sources: PractRand (pracrand.sourceforge.net) `sfc32`; SplitMix: Steele,
 * Lea & Flood, "Fast splittable pseudorandom number generators" (OOPSLA 2014).
 */
export interface Prng {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform number strictly inside (0, 1): never 0 or 1, so log() is always finite. */
  nextOpenUnit(): number;
  /** A standard normal N(0, 1) number (Box–Muller). */
  nextNormal(): number;
}

/** Turns one 32-bit seed into a stream of well-mixed 32-bit words (SplitMix-style). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates an sfc32 generator from a 32-bit unsigned integer seed.
 *
 * @example createPrng(42).nextUint32() === createPrng(42).nextUint32() // true
 */
export function createPrng(seed: number): Prng {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1; // sfc32's counter
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs, as the reference implementation does, to mix the state.
  for (let i = 0; i < 12; i++) nextUint32();

  const nextOpenUnit = (): number => (nextUint32() + 0.5) / 4294967296;

  // Box–Muller makes normals in pairs: u1, u2 uniform in (0, 1) give
  // r = √(−2 ln u1), and r·cos(2πu2), r·sin(2πu2) are independent N(0, 1).
  let spare: number | null = null;
  const nextNormal = (): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(nextOpenUnit()));
    const theta = 2 * Math.PI * nextOpenUnit();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { nextUint32, nextOpenUnit, nextNormal };
}
