/**
 * Units of numeric answers. Each unit belongs to a dimension and has a factor to
 * that dimension's base unit (bytes, seconds, bytes/s, …), so an answer written in
 * GB can be compared with a learner's GiB: 1 GB = 10⁹ B, 1 GiB = 2³⁰ B
 * (`lib/units`, BYTES_PER_GB / BYTES_PER_GIB).
 */
import { BYTES_PER_GB, BYTES_PER_GIB } from '../units';

export type Dimension =
  | 'information'
  | 'params'
  | 'tokens'
  | 'throughput'
  | 'time'
  | 'flop'
  | 'flop-rate'
  | 'bandwidth'
  | 'money'
  | 'percent'
  | 'ratio'
  | 'count';

/** The units an author may write in `answer:` / `tolerance:` (content/questions/README.md). */
export const UNIT_SYMBOLS = [
  'B',
  'KB',
  'MB',
  'GB',
  'TB',
  'KiB',
  'MiB',
  'GiB',
  'TiB',
  'bits',
  'params',
  'tokens',
  'tok/s',
  's',
  'ms',
  'FLOP',
  'TFLOPS',
  'GB/s',
  'TB/s',
  'USD',
  '%',
  'x',
  'none',
] as const;
export type UnitSymbol = (typeof UNIT_SYMBOLS)[number];

export interface UnitDef {
  /** Canonical spelling, shown to learners. */
  symbol: string;
  dimension: Dimension;
  /** Multiply by this to get the dimension's base unit (bytes, s, bytes/s, FLOP, FLOP/s, USD, …). */
  toBase: number;
  /** Other spellings a learner may type (matched case-insensitively). */
  aliases: readonly string[];
}

const KIB = 1024;
/**
 * Every unit the grader understands. Authors are limited to `UNIT_SYMBOLS`; learners
 * may also type the extra ones (e.g. `µs`, `min`, `PB`, `MB/s`, `GFLOPS`).
 */
export const UNITS: readonly UnitDef[] = [
  { symbol: 'B', dimension: 'information', toBase: 1, aliases: ['byte', 'bytes'] },
  { symbol: 'KB', dimension: 'information', toBase: 1e3, aliases: ['kilobyte', 'kilobytes'] },
  { symbol: 'MB', dimension: 'information', toBase: 1e6, aliases: ['megabyte', 'megabytes'] },
  { symbol: 'GB', dimension: 'information', toBase: BYTES_PER_GB, aliases: ['gigabyte', 'gigabytes'] },
  { symbol: 'TB', dimension: 'information', toBase: 1e12, aliases: ['terabyte', 'terabytes'] },
  { symbol: 'PB', dimension: 'information', toBase: 1e15, aliases: [] },
  { symbol: 'KiB', dimension: 'information', toBase: KIB, aliases: ['kibibyte', 'kibibytes'] },
  { symbol: 'MiB', dimension: 'information', toBase: KIB ** 2, aliases: ['mebibyte', 'mebibytes'] },
  { symbol: 'GiB', dimension: 'information', toBase: BYTES_PER_GIB, aliases: ['gibibyte', 'gibibytes'] },
  { symbol: 'TiB', dimension: 'information', toBase: KIB ** 4, aliases: ['tebibyte', 'tebibytes'] },
  { symbol: 'bits', dimension: 'information', toBase: 1 / 8, aliases: ['bit'] },
  { symbol: 'params', dimension: 'params', toBase: 1, aliases: ['param', 'parameter', 'parameters', 'weights'] },
  { symbol: 'tokens', dimension: 'tokens', toBase: 1, aliases: ['token', 'tok', 'toks'] },
  {
    symbol: 'tok/s',
    dimension: 'throughput',
    toBase: 1,
    aliases: ['tokens/s', 'token/s', 'tokens/sec', 'tok/sec', 't/s', 'tps', 'tokens per second'],
  },
  { symbol: 's', dimension: 'time', toBase: 1, aliases: ['sec', 'secs', 'second', 'seconds'] },
  { symbol: 'ms', dimension: 'time', toBase: 1e-3, aliases: ['millisecond', 'milliseconds', 'msec'] },
  { symbol: 'µs', dimension: 'time', toBase: 1e-6, aliases: ['us', 'μs', 'microsecond', 'microseconds'] },
  { symbol: 'min', dimension: 'time', toBase: 60, aliases: ['mins', 'minute', 'minutes'] },
  { symbol: 'h', dimension: 'time', toBase: 3600, aliases: ['hr', 'hrs', 'hour', 'hours'] },
  { symbol: 'FLOP', dimension: 'flop', toBase: 1, aliases: [] },
  { symbol: 'GFLOP', dimension: 'flop', toBase: 1e9, aliases: [] },
  { symbol: 'TFLOP', dimension: 'flop', toBase: 1e12, aliases: [] },
  { symbol: 'PFLOP', dimension: 'flop', toBase: 1e15, aliases: [] },
  { symbol: 'FLOPS', dimension: 'flop-rate', toBase: 1, aliases: ['FLOP/s'] },
  { symbol: 'GFLOPS', dimension: 'flop-rate', toBase: 1e9, aliases: ['GFLOP/s'] },
  { symbol: 'TFLOPS', dimension: 'flop-rate', toBase: 1e12, aliases: ['TFLOP/s', 'TOPS'] },
  { symbol: 'PFLOPS', dimension: 'flop-rate', toBase: 1e15, aliases: ['PFLOP/s'] },
  { symbol: 'B/s', dimension: 'bandwidth', toBase: 1, aliases: ['bytes/s'] },
  { symbol: 'MB/s', dimension: 'bandwidth', toBase: 1e6, aliases: [] },
  { symbol: 'GB/s', dimension: 'bandwidth', toBase: BYTES_PER_GB, aliases: ['GBps'] },
  { symbol: 'TB/s', dimension: 'bandwidth', toBase: 1e12, aliases: ['TBps'] },
  { symbol: 'GiB/s', dimension: 'bandwidth', toBase: BYTES_PER_GIB, aliases: [] },
  { symbol: 'USD', dimension: 'money', toBase: 1, aliases: ['$', 'dollar', 'dollars', 'us$'] },
  { symbol: '%', dimension: 'percent', toBase: 1, aliases: ['percent', 'pct'] },
  { symbol: 'x', dimension: 'ratio', toBase: 1, aliases: ['×', 'times'] },
  {
    symbol: 'none',
    dimension: 'count',
    toBase: 1,
    aliases: ['sequences', 'sequence', 'seqs', 'requests', 'users', 'GPUs', 'GPU'],
  },
];

const BY_EXACT = new Map<string, UnitDef>();
const BY_LOWER = new Map<string, UnitDef>();
for (const u of UNITS) {
  BY_EXACT.set(u.symbol, u);
  for (const a of u.aliases) BY_EXACT.set(a, u);
}
for (const u of UNITS) {
  for (const s of [u.symbol, ...u.aliases]) {
    const k = s.toLowerCase();
    // First writer wins so `B` (bytes) is never shadowed; `b` alone stays unknown (bits or bytes?).
    if (!BY_LOWER.has(k) && k !== 'b') BY_LOWER.set(k, u);
  }
}

/** True for the spellings authors may use in `answer:`/`tolerance:`. */
export function isUnitSymbol(s: string): s is UnitSymbol {
  return (UNIT_SYMBOLS as readonly string[]).includes(s);
}

/**
 * Looks up a unit by spelling: exact first (so `B` is bytes and `MB` megabytes),
 * then case-insensitively (`gib` → GiB, `gb` → GB). A lone `b` is not accepted
 * (bits or bytes?). Returns undefined for unknown text.
 *
 * @example findUnit('GiB')?.toBase // 1073741824
 */
export function findUnit(text: string): UnitDef | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  return BY_EXACT.get(t) ?? BY_LOWER.get(t.toLowerCase());
}

/**
 * The definition of an author unit symbol.
 * @throws Error if `symbol` is not a known unit.
 * @example unitDef('GB').toBase // 1e9
 */
export function unitDef(symbol: string): UnitDef {
  const u = BY_EXACT.get(symbol);
  if (!u) throw new Error(`unknown unit "${symbol}"`);
  return u;
}

/** Human name of a dimension, for messages ("a size in bytes"). */
export function describeDimension(d: Dimension): string {
  switch (d) {
    case 'information':
      return 'a size (B, GB, GiB, …)';
    case 'params':
      return 'a parameter count';
    case 'tokens':
      return 'a number of tokens';
    case 'throughput':
      return 'a rate in tokens/s';
    case 'time':
      return 'a time (s, ms, …)';
    case 'flop':
      return 'an amount of compute (FLOP)';
    case 'flop-rate':
      return 'a compute rate (TFLOPS)';
    case 'bandwidth':
      return 'a bandwidth (GB/s, TB/s)';
    case 'money':
      return 'an amount in USD';
    case 'percent':
      return 'a percentage';
    case 'ratio':
      return 'a ratio (×)';
    case 'count':
      return 'a plain number';
  }
}
