/**
 * Units. Numbers carry their unit in their type (and in their name): a `Bytes`
 * value cannot be passed where `GiB` is expected. The brand is optional, so a
 * plain number literal or an arithmetic result is accepted anywhere, but two
 * differently branded values are not interchangeable.
 */

declare const unit: unique symbol;
/** A number tagged with its unit. */
export type Quantity<U extends string> = number & { readonly [unit]?: U };

export type Bytes = Quantity<'bytes'>;
export type Bits = Quantity<'bits'>;
/** Bytes per second. */
export type BytesPerSecond = Quantity<'bytes/s'>;
/** Floating-point (or integer) operations per second. */
export type OpsPerSecond = Quantity<'ops/s'>;
export type Params = Quantity<'params'>;
export type Tokens = Quantity<'tokens'>;
export type Seconds = Quantity<'s'>;
export type TokensPerSecond = Quantity<'tokens/s'>;
export type GB = Quantity<'GB'>;
export type GiB = Quantity<'GiB'>;
export type Usd = Quantity<'USD'>;

/** 1 GB = 10^9 bytes (SI, as on datasheets and disk sizes). */
export const BYTES_PER_GB = 1e9;
/** 1 GiB = 2^30 bytes (binary, as `nvidia-smi` and most allocators report). */
export const BYTES_PER_GIB = 2 ** 30;
export const BYTES_PER_MIB = 2 ** 20;

/** bytes → GB (10^9). @example bytesToGB(141_107_412_992) // 141.107412992 */
export function bytesToGB(bytes: Bytes): GB {
  return bytes / BYTES_PER_GB;
}

/** bytes → GiB (2^30). @example bytesToGiB(2 ** 31) // 2 */
export function bytesToGiB(bytes: Bytes): GiB {
  return bytes / BYTES_PER_GIB;
}

/** GB (10^9) → bytes. */
export function gbToBytes(gb: GB): Bytes {
  return gb * BYTES_PER_GB;
}

/** GiB (2^30) → bytes. */
export function gibToBytes(gib: GiB): Bytes {
  return gib * BYTES_PER_GIB;
}

// Number formatting without Intl. The first `new Intl.NumberFormat` on a page costs
// ~40 ms of ICU set-up in V8 (measured with scripts/profile.mjs on /tools/memory), and
// `toLocaleString` builds a formatter on every call; widgets render hundreds of numbers
// on first paint. en-US grouping is simple enough to do by hand.

/** Inserts en-US thousands separators into a string of digits: "131072" → "131,072". */
function groupInteger(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * |x| rounded to `digits` decimals as [integer digits, fraction digits], the way
 * Intl does it: round the shortest decimal that prints x (`String(x)`), half away
 * from zero — not the binary value (`toFixed` prints 991378878929446.6 with 3
 * decimals as …446.625). Needs |x| < 1e21.
 */
function roundAbs(x: number, digits: number): [string, string] {
  const s = String(Math.abs(x));
  if (s.includes('e')) {
    // |x| < 1e-6: no decimal this short lies on a rounding boundary.
    const [i = '0', f = ''] = Math.abs(x).toFixed(digits).split('.');
    return [i, f];
  }
  const [int = '0', frac = ''] = s.split('.');
  if (frac.length <= digits) return [int, frac.padEnd(digits, '0')];
  let all = int + frac.slice(0, digits);
  if (frac.charCodeAt(digits) - 48 >= 5) {
    const chars = all.split('');
    let i = chars.length - 1;
    for (; i >= 0; i--) {
      if (chars[i] === '9') chars[i] = '0';
      else {
        chars[i] = String(Number(chars[i]) + 1);
        break;
      }
    }
    all = (i < 0 ? '1' : '') + chars.join('');
  }
  return [all.slice(0, all.length - digits) || '0', all.slice(all.length - digits)];
}

/** `x` with exactly `digits` decimals and thousands separators (as Intl en-US with min = max fraction digits). */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21)
    return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [int, frac] = roundAbs(x, digits);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${groupInteger(int)}${frac ? `.${frac}` : ''}`;
}
const fixed = formatFixed;

/**
 * A number with en-US thousands separators and at most 3 decimals, as
 * `x.toLocaleString('en-US')` gives it (e.g. 131072 → "131,072", 0.12345 → "0.123"),
 * without Intl's set-up cost. For messages and labels; does not check finiteness.
 */
export function groupDigits(x: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x.toLocaleString('en-US');
  const [int, frac] = roundAbs(x, 3);
  const trimmed = frac.replace(/0+$/, '');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${groupInteger(int)}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * Formats a byte count in both units so nobody confuses them,
 * e.g. `formatBytesBoth(72_700_000_000)` → "72.7 GB (67.7 GiB)".
 * Throws for NaN or infinite input: a blank or NaN must never reach a page.
 */
export function formatBytesBoth(bytes: Bytes, digits = 1): string {
  assertFinite(bytes, 'bytes');
  return `${fixed(bytesToGB(bytes), digits)} GB (${fixed(bytesToGiB(bytes), digits)} GiB)`;
}

/** "67.7 GiB" */
export function formatGiB(bytes: Bytes, digits = 1): string {
  assertFinite(bytes, 'bytes');
  return `${fixed(bytesToGiB(bytes), digits)} GiB`;
}

/** "72.7 GB" */
export function formatGB(bytes: Bytes, digits = 1): string {
  assertFinite(bytes, 'bytes');
  return `${fixed(bytesToGB(bytes), digits)} GB`;
}

/** Formats an integer count with thousands separators: 70553706496 → "70,553,706,496". */
export function formatCount(n: number): string {
  assertFinite(n, 'count');
  return groupDigits(Math.round(n));
}

/** Formats a number with a fixed number of significant decimals, for display. */
export function formatNumber(x: number, digits = 1): string {
  assertFinite(x, 'value');
  return fixed(x, digits);
}

/** Throws a RangeError naming `what` when `x` is NaN or ±Infinity. */
export function assertFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new RangeError(`${what} must be a finite number (got ${x})`);
}

export {
  formatDuration,
  formatTokensPerSecond,
  formatRate,
  formatSi,
  formatRatio,
  formatPeak,
  formatDollars,
  formatBitsPerWeight,
} from './format';
