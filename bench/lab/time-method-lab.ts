/**
 * Times `compareMethods` on the default lab layer (256 × 256, 512 calibration and 512 held-out tokens,
 * group size 128), wall clock and this process's CPU time, median of 5 runs after one warm-up:
 *   npx tsx bench/lab/time-method-lab.ts [bits] [matched|shifted]
 * Also prints each method's relative output error on the held-out tokens.
 */
import { compareMethods, type CalibrationSet } from '../../lib/quant/method-lab';

const bits = Number(process.argv[2] ?? 4);
const calibration = (process.argv[3] ?? 'matched') as CalibrationSet;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
compareMethods({ bits, calibration, seed: 1 });
const wall: number[] = [];
const cpu: number[] = [];
let last = compareMethods({ bits, calibration, seed: 1 });
for (let i = 0; i < 5; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  last = compareMethods({ bits, calibration, seed: 1 });
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
console.log(
  `compareMethods bits ${bits}, ${calibration}: wall ${median(wall).toFixed(0)} ms, CPU ${median(cpu).toFixed(0)} ms (median of 5)`,
);
console.log(
  'steps (ms, last run):',
  Object.entries(last.timingsMs)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', '),
);
for (const o of last.outcomes)
  console.log(
    `  ${o.method.padEnd(18)} held-out ${o.relativeError.toFixed(4)}  calibration ${o.calibrationError?.toFixed(4) ?? '—'}`,
  );
console.log(`  AWQ best α ${last.awq.bestRatio}`);
