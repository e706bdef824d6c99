/**
 * Quantization micro-benchmark: nanoseconds per weight for quantize +
 * dequantize (one call of each lib/quant function does both) on Gaussian
 * weights. Run: `npx tsx scripts/bench.ts` (add `--quick` to skip 16M).
 *
 * Method: for each case, warm up (30 calls on 65,536 weights so that V8 has
 * optimised the hot loops, then 2 runs at full size so that the allocator
 * has memory to reuse), then time 7 runs with
 * `process.hrtime.bigint()` and report the median; garbage is collected
 * before every run, outside the timing. The weights are generated once per
 * size, outside the timing.
 *
 * Each call returns new arrays (codes or q: 1 byte/weight; dequantized: 4
 * bytes/weight), so every time includes allocating them. The first row per
 * size times only that allocation (and touching each page once): where fresh
 * memory is expensive, as in some VMs, it is a large part of the total, and
 * the quantizer's own work is the difference.
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { quantizeFP4, quantizeInt8Absmax, quantizeNF4, sampleWeights } from '../lib/quant';

// glibc malloc returns freed memory to the OS and takes fresh pages again on
// the next allocation; where a page fault is expensive (this VM: about 12
// ns/weight for the 5 bytes/weight of output), that swamps the quantizer and
// makes runs bimodal. Re-run this script with malloc told to keep and reuse
// memory (arrays up to 32 MiB; bigger ones are always fresh pages), unless
// the caller set these already.
if (process.env.MALLOC_TRIM_THRESHOLD_ === undefined) {
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20), MALLOC_TRIM_THRESHOLD_: String(2 ** 32) };
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  process.exit(child.status ?? 1);
}

// Collect garbage before each run so that one run's arrays are freed before the next
// allocates (otherwise the time depends on when V8 happens to collect).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const JIT_WARMUP_CALLS = 30; // on a small array: cheap, and enough for V8 to optimise the hot loops
const WARMUP_RUNS = 2; // then at full size
const TIMED_RUNS = 7;
const quick = process.argv.includes('--quick');
const sizes = quick ? [1 << 20] : [1 << 20, 1 << 24];

interface Case {
  name: string;
  run: (x: Float32Array) => unknown;
}

const cases: Case[] = [
  {
    name: 'allocate outputs only (5 bytes/weight)',
    run: (x) => {
      const codes = new Uint8Array(x.length);
      const dequantized = new Float32Array(x.length);
      for (let i = 0; i < x.length; i += 1024) codes[i] = dequantized[i] = 1;
      return [codes, dequantized];
    },
  },
  { name: 'NF4, block 64', run: (x) => quantizeNF4(x, { blockSize: 64 }) },
  { name: 'NF4, block 64 + double quant', run: (x) => quantizeNF4(x, { blockSize: 64, doubleQuant: true }) },
  { name: 'FP4, block 64', run: (x) => quantizeFP4(x, { blockSize: 64 }) },
  { name: 'INT8 absmax, block 64', run: (x) => quantizeInt8Absmax(x, { blockSize: 64 }) },
  { name: 'INT8 absmax, per tensor', run: (x) => quantizeInt8Absmax(x) },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const small = sampleWeights({ n: 1 << 16, distribution: 'gaussian', seed: 7 });

function nsPerWeight(run: (x: Float32Array) => unknown, x: Float32Array): number {
  for (let i = 0; i < JIT_WARMUP_CALLS; i++) run(small);
  for (let i = 0; i < WARMUP_RUNS; i++) {
    gc();
    run(x);
  }
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    gc();
    const t0 = process.hrtime.bigint();
    run(x);
    times.push(Number(process.hrtime.bigint() - t0) / x.length);
  }
  return median(times);
}

const label = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)}M` : String(n));
const rows: string[][] = [];
for (const n of sizes) {
  const x = sampleWeights({ n, distribution: 'gaussian', seed: 42 });
  for (const c of cases) rows.push([c.name, label(n), nsPerWeight(c.run, x).toFixed(2)]);
}

const header = ['method (quantize + dequantize)', 'weights', 'ns/weight'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
console.log(
  `node ${process.version}; median of ${TIMED_RUNS} runs after warm-up; MALLOC_TRIM_THRESHOLD_=${process.env.MALLOC_TRIM_THRESHOLD_}`,
);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
