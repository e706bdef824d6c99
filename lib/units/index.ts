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

// One Intl.NumberFormat per digit count, made on first use. `x.toLocaleString('en-US', …)`
// builds a new formatter on every call (~0.1 ms each in V8), which added up to a visible
// delay when a widget first renders a few hundred numbers.
const fixedFormats = new Map<number, Intl.NumberFormat>();
let groupedFormat: Intl.NumberFormat | undefined;

function fixed(x: number, digits: number): string {
  let f = fixedFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedFormats.set(digits, f);
  }
  return f.format(x);
}

/**
 * A number with en-US thousands separators and at most 3 decimals, exactly what
 * `x.toLocaleString('en-US')` gives (e.g. 131072 → "131,072", 0.12345 → "0.123"),
 * from one cached formatter. For messages and labels; does not check finiteness.
 */
export function groupDigits(x: number): string {
  groupedFormat ??= new Intl.NumberFormat('en-US');
  return groupedFormat.format(x);
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
