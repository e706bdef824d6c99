/**
 * Reduces the committed GPU benchmark results (bench/gpu/results/*.json) to the
 * performance model's calibration (lib/perf/data/calibration.json) and a compact copy
 * of every measurement (lib/perf/data/measurements.json) that the unit tests hold the
 * model to. Run after adding or replacing a results file:
 *
 *     npx tsx scripts/calibrate-perf.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GPUS } from '../lib/hardware';
import { attentionRows, calibrate, gemmRows, type BenchResults } from '../lib/perf/fit';

const RESULTS = 'bench/gpu/results';
const GPU_NAMES: Record<string, string> = { 'NVIDIA H100 80GB HBM3': 'h100-sxm', 'NVIDIA H200': 'h200-sxm' };

const calibrations = [];
const measurements = [];
for (const file of readdirSync(RESULTS)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const path = join(RESULTS, file);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
  const gpuId = GPU_NAMES[raw.provenance.gpu_name];
  const gpu = GPUS.find((g) => g.id === gpuId);
  if (!gpu) throw new Error(`${path}: no catalog GPU for "${raw.provenance.gpu_name}"; add it to GPU_NAMES`);
  const t0 = Date.now();
  const c = calibrate(raw, gpu, path);
  calibrations.push(c);
  measurements.push({
    gpuId,
    resultsFile: path,
    gemm: gemmRows(raw).map((r) => [r.format, r.layer, r.tp, r.n, r.k, r.tokens, r.seconds, r.weightBytes]),
    attention: attentionRows(raw).map((r) => [r.kernel, r.kv, r.context, r.batch, r.seconds, r.kvBytes]),
  });
  console.log(`${path} → ${gpuId} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const [format, g] of Object.entries(c.kernels)) {
    console.log(
      `  ${format.padEnd(12)} η_bw ${g.bandwidthFraction.toFixed(2)} η_c ${g.computeFraction.toFixed(2)} τ ${(g.launchSeconds * 1e6).toFixed(1)} µs  max err ${(100 * g.maxRelativeError).toFixed(1)} % over ${g.points}`,
    );
  }
  const a = c.attention;
  console.log(
    `  attention    η_kv bf16 ${a.bandwidthFraction.bf16.toFixed(3)} fp8 ${a.bandwidthFraction.fp8.toFixed(3)} τ ${(a.launchSeconds * 1e6).toFixed(1)} µs  max err ${(100 * a.maxRelativeError).toFixed(1)} % over ${a.points}`,
  );
  console.log(`  read bandwidth ${(100 * c.readBandwidthFraction).toFixed(1)} % of datasheet`);
}
writeFileSync('lib/perf/data/calibration.json', JSON.stringify(calibrations, null, 1) + '\n');
writeFileSync('lib/perf/data/measurements.json', JSON.stringify(measurements) + '\n');
