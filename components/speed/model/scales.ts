/** A map from data values to pixels and back. */
export interface Scale {
  (value: number): number;
  invert(pixel: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

/**
 * A logarithmic scale: equal ratios take equal distances.
 *
 *     px = r0 + (log(v) − log(d0)) / (log(d1) − log(d0)) × (r1 − r0)
 *
 * Values outside the domain extrapolate (the caller clips). The range may be
 * reversed (SVG y grows downwards: range [bottom, top]).
 *
 * @throws {RangeError} when a domain end is not a finite number > 0, or the ends are equal.
 * @example logScale([1, 1024], [0, 100])(32) // 50
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  for (const [name, d] of [
    ['domain[0]', d0],
    ['domain[1]', d1],
  ] as const) {
    if (!Number.isFinite(d) || d <= 0)
      throw new RangeError(`${name} of a log scale must be a finite number > 0 (got ${d})`);
  }
  if (d0 === d1) throw new RangeError(`a log scale needs two different domain ends (got ${d0} twice)`);
  const [r0, r1] = range;
  const l0 = Math.log(d0);
  const span = Math.log(d1) - l0;
  const scale = ((value: number) => {
    if (!(value > 0)) throw new RangeError(`a log scale maps only values > 0 (got ${value})`);
    return r0 + ((Math.log(value) - l0) / span) * (r1 - r0);
  }) as Scale;
  scale.invert = (pixel: number) => Math.exp(l0 + ((pixel - r0) / (r1 - r0)) * span);
  scale.domain = [d0, d1];
  scale.range = [r0, r1];
  return scale;
}

/**
 * Powers of two from `min` to `max` inclusive, for a batch-size axis.
 *
 * @throws {RangeError} unless 1 ≤ min ≤ max are powers of two.
 * @example powerOfTwoTicks(1, 16) // [1, 2, 4, 8, 16]
 */
export function powerOfTwoTicks(min: number, max: number): number[] {
  const isPow2 = (x: number) => Number.isInteger(Math.log2(x)) && x >= 1;
  if (!isPow2(min) || !isPow2(max) || min > max) {
    throw new RangeError(`powerOfTwoTicks needs powers of two 1 ≤ min ≤ max (got ${min}, ${max})`);
  }
  const ticks: number[] = [];
  for (let t = min; t <= max; t *= 2) ticks.push(t);
  return ticks;
}

/**
 * The smallest decade range [10^a, 10^b] that contains every value, b > a: the y
 * domain of a log chart.
 *
 * @throws {RangeError} for an empty list or any value not finite and > 0.
 * @example decadeDomain([24.1, 5688.7]) // [10, 10000]
 * @example decadeDomain([100])          // [100, 1000]
 */
export function decadeDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) throw new RangeError('decadeDomain needs at least one value');
  for (const v of values) {
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`decadeDomain needs finite values > 0 (got ${v})`);
  }
  // Round the exponents first so 1000 (log10 = 2.9999999999999996) counts as 10³.
  const exponent = (v: number) => Math.round(Math.log10(v) * 1e9) / 1e9;
  const lo = Math.floor(exponent(Math.min(...values)));
  let hi = Math.ceil(exponent(Math.max(...values)));
  if (hi === lo) hi = lo + 1;
  return [10 ** lo, 10 ** hi];
}

/** A tick of a log axis: decades are major (labelled); 2× and 5× minor ones are labelled only when `labelled`. */
export interface LogTick {
  value: number;
  major: boolean;
  labelled: boolean;
}

/**
 * Ticks of a decade domain: every decade, plus 2× and 5× inside each decade, which
 * are labelled only when the domain spans at most `maxLabelledDecades` decades (so a
 * short axis still gets several labels and a long one does not crowd).
 *
 * @throws {RangeError} when the domain is not [10^a, 10^b] with b > a.
 * @example logTicks([10, 1000]).map((t) => t.value) // [10, 20, 50, 100, 200, 500, 1000]
 */
export function logTicks(domain: readonly [number, number], maxLabelledDecades = 2): LogTick[] {
  const [lo, hi] = domain.map((d) => Math.log10(d)) as [number, number];
  const a = Math.round(lo);
  const b = Math.round(hi);
  if (Math.abs(lo - a) > 1e-9 || Math.abs(hi - b) > 1e-9 || b <= a) {
    throw new RangeError(`logTicks needs a decade domain [10^a, 10^b], b > a (got [${domain.join(', ')}])`);
  }
  const labelMinor = b - a <= maxLabelledDecades;
  const ticks: LogTick[] = [];
  for (let e = a; e <= b; e++) {
    const decade = 10 ** e;
    ticks.push({ value: decade, major: true, labelled: true });
    if (e < b) {
      ticks.push({ value: 2 * decade, major: false, labelled: labelMinor });
      ticks.push({ value: 5 * decade, major: false, labelled: labelMinor });
    }
  }
  return ticks;
}

/**
 * A compact axis label for a count: 1 → "1", 500 → "500", 2000 → "2k", 10000 → "10k",
 * 2e6 → "2M". Exact for the 1-2-5 ticks of {@link logTicks}; other values are rounded
 * to 3 significant digits.
 *
 * @throws {RangeError} for NaN, ±Infinity or a negative value.
 * @example compactTickLabel(20000) // "20k"
 */
export function compactTickLabel(value: number): string {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`tick value must be a finite number ≥ 0 (got ${value})`);
  const units: ReadonlyArray<[number, string]> = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, suffix] of units) {
    if (value >= scale) return `${Number((value / scale).toPrecision(3))}${suffix}`;
  }
  return `${Number(value.toPrecision(3))}`;
}

/**
 * Integer batch sizes from `min` to `max`, spaced evenly on a log axis
 * (`perOctave` per doubling), rounded and de-duplicated, plus any `extra` sizes in
 * range: the sample points of a throughput-vs-batch curve. Every power of two in
 * range is included.
 *
 * @throws {RangeError} unless 1 ≤ min ≤ max are integers and perOctave is an integer ≥ 1.
 * @example logSpacedBatches(1, 8, 2) // [1, 2, 3, 4, 6, 8]
 */
export function logSpacedBatches(min: number, max: number, perOctave = 4, extra: readonly number[] = []): number[] {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || min > max) {
    throw new RangeError(`logSpacedBatches needs integers 1 ≤ min ≤ max (got ${min}, ${max})`);
  }
  if (!Number.isInteger(perOctave) || perOctave < 1)
    throw new RangeError(`perOctave must be a whole number ≥ 1 (got ${perOctave})`);
  const set = new Set<number>([min, max]);
  const steps = Math.ceil(Math.log2(max / min) * perOctave);
  for (let i = 0; i <= steps; i++) {
    const b = Math.round(min * 2 ** (i / perOctave));
    if (b >= min && b <= max) set.add(b);
  }
  for (const b of extra) if (Number.isInteger(b) && b >= min && b <= max) set.add(b);
  return [...set].sort((x, y) => x - y);
}
