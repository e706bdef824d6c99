/**
 * Reading and grading a learner's numeric answer: "39.8", "39.8 GB", "37 GiB",
 * "3.9e10 B", "1,234", "40k tokens", "70B params", "$1.20". Pure; the messages are
 * meant to be shown next to the answer field.
 */
import type { NumericQuestion, Quantity, Tolerance } from './types';
import { describeDimension, findUnit, unitDef, UNITS, type Dimension, type UnitDef } from './units';

/** A learner's input, read: the value in the unit they used and in the answer's unit. */
export interface ParsedAnswer {
  /** The number as typed, magnitude suffix applied ("40k" → 40000). */
  value: number;
  /** The unit it was read in (the answer's unit when none was typed). */
  unit: string;
  /** True when no unit was typed and the answer's unit was assumed. */
  unitAssumed: boolean;
  /** The same quantity in the answer's unit. */
  inAnswerUnit: number;
}

export type ParseAnswerResult = { ok: true; answer: ParsedAnswer } | { ok: false; error: string };

/** Count-like dimensions, where "40k", "70B", "1.5 million" are read as magnitudes. */
const MAGNITUDE_DIMENSIONS: ReadonlySet<Dimension> = new Set([
  'params',
  'tokens',
  'count',
  'throughput',
  'flop',
  'money',
]);

const MAGNITUDES: ReadonlyArray<[RegExp, number]> = [
  [/^(?:k|K|thousand)$/, 1e3],
  [/^(?:M|m|mn|million)$/, 1e6],
  [/^(?:B|b|bn|G|billion)$/, 1e9],
  [/^(?:T|t|tn|trillion)$/, 1e12],
];

/** The longest numeric answer read, in characters. */
export const MAX_ANSWER_CHARS = 200;

const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?/;
const TIMES_TEN_RE = /^\s*[x×*·]\s*10\s*\^\s*([+-]?\d+)/;

function magnitudeOf(word: string): number | undefined {
  for (const [re, m] of MAGNITUDES) if (re.test(word)) return m;
  return undefined;
}

function sameDimensionUnits(d: Dimension): string {
  return UNITS.filter((u) => u.dimension === d && u.symbol !== 'none')
    .map((u) => u.symbol)
    .join(', ');
}

/**
 * Reads a learner's numeric answer for a question whose answer is in `answerUnit`.
 *
 * - Number: `39.8`, `.5`, `1,234.5` (commas only between thousands), `3.9e10`,
 *   `3.9 × 10^10`; leading `~`/`≈` ignored; `−` (U+2212) accepted as minus.
 * - Unit: any spelling `findUnit` knows, of the answer's dimension (`GiB` for a GB
 *   answer, `s` for ms, `TB/s` for GB/s…); none typed → the answer's unit.
 * - For counts (params, tokens, tok/s, FLOP, USD, plain numbers) a magnitude
 *   suffix is allowed: `40k tokens`, `70B` (= 70 × 10⁹ params — for sizes `B` is
 *   bytes), `1.5 million`. `$1.20` reads as USD.
 *
 * Never throws; errors are sentences for the learner.
 *
 * @example parseNumericAnswer('37 GiB', 'GB') // ok, inAnswerUnit 39.728447488
 * @example parseNumericAnswer('40k', 'tokens') // ok, inAnswerUnit 40000
 * @example parseNumericAnswer('3 ms', 'GB') // { ok: false, error: '"ms" is a time (s, ms, …), but this answer is a size (B, GB, GiB, …).' }
 */
export function parseNumericAnswer(text: string, answerUnit: string): ParseAnswerResult {
  // A bound on the work per keystroke-check: the longest sensible answer ("≈ 3.9 × 10^10 tokens per second") is under 40.
  if (text.length > MAX_ANSWER_CHARS)
    return {
      ok: false,
      error: `That is too long to be an answer (${text.length} characters; at most ${MAX_ANSWER_CHARS}).`,
    };
  const target = unitDef(answerUnit);
  let t = text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim()
    .replace(/^(?:~|≈|about|approx\.?|approximately)\s*/i, '');
  if (t === '') return { ok: false, error: 'Enter a number.' };

  let dollar = false;
  const dollarMatch = /^([+-]?)\s*\$\s*/.exec(t);
  if (dollarMatch) {
    dollar = true;
    t = (dollarMatch[1] ?? '') + t.slice(dollarMatch[0].length);
  }
  const m = NUMBER_RE.exec(t);
  if (!m) {
    return {
      ok: false,
      error:
        `"${clip(text)}" is not a number. Write it like 39.8 or 39.8 ${target.symbol === 'none' ? '' : target.symbol}`.trimEnd() +
        '.',
    };
  }
  let rest = t.slice(m[0].length);
  if (/^,\d/.test(rest)) {
    return { ok: false, error: 'Use a dot for decimals (39.8), and commas only between thousands (1,234).' };
  }
  if (/^[.,\d]/.test(rest)) return { ok: false, error: `"${clip(text)}" is not a number. Write it like 39.8.` };
  let value = Number(`${m[1]}${(m[2] ?? '').replace(/,/g, '')}${m[3] !== undefined ? `e${m[3]}` : ''}`);
  const times = TIMES_TEN_RE.exec(rest);
  if (times) {
    value *= 10 ** Number(times[1]);
    rest = rest.slice(times[0].length);
  }
  rest = rest.trim();
  if (dollar) {
    // "$1.2k" or "$1.20"; a unit after a $ amount must be USD again (or nothing).
    const mag = rest === '' ? 1 : magnitudeOf(rest.split(/\s+/)[0] ?? '');
    const afterMag = mag !== undefined && rest !== '' ? rest.slice((rest.split(/\s+/)[0] ?? '').length).trim() : rest;
    if (mag === undefined || (afterMag !== '' && findUnit(afterMag)?.dimension !== 'money')) {
      return { ok: false, error: `"${clip(text)}" is not an amount in USD. Write it like $1.20 or 1.20 USD.` };
    }
    value *= mag;
    rest = 'USD';
  }
  if (!Number.isFinite(value)) return { ok: false, error: 'That number is too large.' };

  let unit: UnitDef | undefined;
  let unitAssumed = false;
  if (rest === '') {
    unit = target;
    unitAssumed = true;
  } else {
    const direct = findUnit(rest);
    if (direct && direct.dimension === target.dimension) unit = direct;
    else if (MAGNITUDE_DIMENSIONS.has(target.dimension)) {
      // "40k", "40k tokens", "70 B params", "1.5 million"
      const mm = /^([A-Za-z]+)\s*(.*)$/.exec(rest);
      const mag = mm ? magnitudeOf(mm[1] ?? '') : undefined;
      if (mm && mag !== undefined) {
        const after = (mm[2] ?? '').trim();
        const u = after === '' ? target : findUnit(after);
        if (u && u.dimension === target.dimension) {
          value *= mag;
          unit = u;
          unitAssumed = after === '';
        } else if (u) {
          return { ok: false, error: wrongDimension(after, u, target) };
        }
      }
    }
    if (!unit) {
      if (direct) return { ok: false, error: wrongDimension(dollar ? '$' : rest, direct, target) };
      return {
        ok: false,
        error: `Unknown unit "${clip(rest)}". ${target.dimension === 'count' ? 'This answer is a plain number.' : `Use ${sameDimensionUnits(target.dimension)}.`}`,
      };
    }
  }
  if (!Number.isFinite(value)) return { ok: false, error: 'That number is too large.' };
  const inAnswerUnit = (value * unit.toBase) / target.toBase;
  return { ok: true, answer: { value, unit: unit.symbol, unitAssumed, inAnswerUnit } };
}

function wrongDimension(typed: string, u: UnitDef, target: UnitDef): string {
  return `"${clip(typed)}" is ${describeDimension(u.dimension)}, but this answer is ${describeDimension(target.dimension)}.`;
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/**
 * Relative slack on the tolerance edges, to absorb binary floating point: with
 * answer 40 and tolerance 1%, 40 × 0.01 = 0.4 and 40.4 − 40 = 0.39999999999999858
 * in doubles, so without slack the exact edge could fall either way. The slack is
 * 10⁻⁹ of the larger of |answer| and the tolerance: far below any rounding a
 * learner can type, far above double rounding (≈ 10⁻¹⁶).
 */
export const TOLERANCE_EDGE_SLACK = 1e-9;

/**
 * The accepted interval for a numeric question, in the answer's unit:
 * [answer − t, answer + t], both edges included, where t = fraction × |answer|
 * (relative) or the absolute amount converted to the answer's unit.
 *
 * @example acceptedRange({ value: 40, unit: 'GB' }, { kind: 'relative', fraction: 0.01 }) // { low: 39.6, high: 40.4, halfWidth: 0.4 }
 */
export function acceptedRange(
  answer: Quantity,
  tolerance: Tolerance,
): { low: number; high: number; halfWidth: number } {
  const halfWidth =
    tolerance.kind === 'relative'
      ? tolerance.fraction * Math.abs(answer.value)
      : (tolerance.amount.value * unitDef(tolerance.amount.unit).toBase) / unitDef(answer.unit).toBase;
  return { low: answer.value - halfWidth, high: answer.value + halfWidth, halfWidth };
}

/**
 * Whether `x` (in the answer's unit) is within tolerance: |x − a| ≤ t, inclusive,
 * with `TOLERANCE_EDGE_SLACK`.
 *
 * @example withinTolerance(40.4, { value: 40, unit: 'GB' }, { kind: 'relative', fraction: 0.01 }) // true
 * @example withinTolerance(40.41, { value: 40, unit: 'GB' }, { kind: 'relative', fraction: 0.01 }) // false
 */
export function withinTolerance(x: number, answer: Quantity, tolerance: Tolerance): boolean {
  const { halfWidth } = acceptedRange(answer, tolerance);
  const slack = TOLERANCE_EDGE_SLACK * Math.max(Math.abs(answer.value), halfWidth);
  return Math.abs(x - answer.value) <= halfWidth + slack;
}

export type NumericGrade =
  | { status: 'invalid'; error: string }
  | {
      status: 'graded';
      correct: boolean;
      /** The learner's value in the answer's unit. */
      value: number;
      /** What was read (for "we read 37 GiB = 39.73 GB"). */
      parsed: ParsedAnswer;
      /** value − answer, in the answer's unit. */
      difference: number;
      /** (value − answer) / |answer|; Infinity-free: undefined when the answer is 0. */
      relativeError?: number;
      direction: 'low' | 'high' | 'exact';
      /** The accepted interval, inclusive, in the answer's unit. */
      range: { low: number; high: number };
      /** A likely mistake, when the wrong value matches one (GB vs GiB, bits vs bytes, ×1000…). */
      diagnosis?: string;
    };

const DIAGNOSES: ReadonlyArray<{ factor: number; dimensions: readonly Dimension[]; message: string }> = [
  {
    factor: 2 ** 30 / 1e9,
    dimensions: ['information', 'bandwidth'],
    message: 'Off by 2³⁰/10⁹ ≈ 1.074: GB (10⁹ bytes) and GiB (2³⁰ bytes) mixed up?',
  },
  {
    factor: 1e9 / 2 ** 30,
    dimensions: ['information', 'bandwidth'],
    message: 'Off by 10⁹/2³⁰ ≈ 0.931: GB (10⁹ bytes) and GiB (2³⁰ bytes) mixed up?',
  },
  { factor: 8, dimensions: ['information', 'bandwidth'], message: 'Off by a factor of 8: bits and bytes mixed up?' },
  {
    factor: 1 / 8,
    dimensions: ['information', 'bandwidth'],
    message: 'Off by a factor of 8: bits and bytes mixed up?',
  },
  { factor: 1000, dimensions: [], message: 'Off by a factor of 1,000: check the unit prefix.' },
  { factor: 1 / 1000, dimensions: [], message: 'Off by a factor of 1,000: check the unit prefix.' },
  {
    factor: 2,
    dimensions: [],
    message: 'Off by a factor of 2: a doubled or missing ×2 (K and V? 2 bytes per BF16 value?).',
  },
  {
    factor: 1 / 2,
    dimensions: [],
    message: 'Off by a factor of 2: a doubled or missing ×2 (K and V? 2 bytes per BF16 value?).',
  },
];

/**
 * Grades a numeric answer. Unparseable input, a unit of another dimension, and a
 * negative value when the answer is not negative come back as `invalid` with a
 * message (nothing is recorded for those). Otherwise `correct` follows
 * `withinTolerance`.
 *
 * @example gradeNumeric(q /* answer 140 GB ± 1% *\/, '130.4 GiB').status // 'graded', correct: true (140.02 GB)
 */
export function gradeNumeric(q: Pick<NumericQuestion, 'answer' | 'tolerance'>, text: string): NumericGrade {
  const r = parseNumericAnswer(text, q.answer.unit);
  if (!r.ok) return { status: 'invalid', error: r.error };
  const value = r.answer.inAnswerUnit;
  if (value < 0 && q.answer.value >= 0) return { status: 'invalid', error: 'The answer cannot be negative here.' };
  const correct = withinTolerance(value, q.answer, q.tolerance);
  const difference = value - q.answer.value;
  const { low, high } = acceptedRange(q.answer, q.tolerance);
  const grade: NumericGrade = {
    status: 'graded',
    correct,
    value,
    parsed: r.answer,
    difference,
    direction: correct && difference === 0 ? 'exact' : difference < 0 ? 'low' : difference > 0 ? 'high' : 'exact',
    range: { low, high },
  };
  if (q.answer.value !== 0) grade.relativeError = difference / Math.abs(q.answer.value);
  if (!correct) {
    const dim = unitDef(q.answer.unit).dimension;
    const d = DIAGNOSES.find(
      (c) =>
        (c.dimensions.length === 0 || c.dimensions.includes(dim)) &&
        withinTolerance(value / c.factor, q.answer, q.tolerance),
    );
    if (d) grade.diagnosis = d.message;
  }
  return grade;
}
