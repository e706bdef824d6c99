import { describe, expect, it } from 'vitest';
import measurements from '@/lib/perf/data/measurements.json';
import { measuredProvenance, measuredRows, type CommittedMeasurements } from './measuredTable';

const h100 = measurements.find((m) => m.gpuId === 'h100-sxm') as unknown as CommittedMeasurements;

describe('measuredRows(data, opts)', () => {
  it('lists each kernel at the asked batches for one TP degree, every row within the 15 % the calibration test holds', () => {
    const rows = measuredRows(h100, { tp: 1, tokens: [1, 16, 256, 8192] });
    expect(rows).toHaveLength(6 * 4);
    expect(rows[0]!.format).toBe('BF16');
    for (const r of rows) {
      expect(r.absError).toBeLessThan(0.15);
      expect(`${r.measured} ${r.expected} ${r.ceiling} ${r.error}`).not.toMatch(/NaN|Infinity|undefined/);
    }
    // no measured layer ran faster than its roofline ceiling (datasheet bandwidth and peaks are upper bounds)
    for (const r of rows) expect(r.ceilingOverMeasured, `${r.format} ${r.tokens}`).toBeLessThanOrEqual(1);
  });
  it('names the GPU, driver, versions and date of the run', () => {
    expect(measuredProvenance('h100-sxm')).toMatch(/NVIDIA H100 80GB HBM3.*580\.159\.04.*PyTorch 2\.11\.0.*2026-12-06/);
    expect(measuredProvenance('a100-80gb-sxm')).toBeNull();
  });
});
