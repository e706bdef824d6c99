import { describe, expect, it } from 'vitest';
import { GPUS } from '@/lib/hardware';
import { hasSource } from '@/lib/sources/getSource';
import { gpuSheetRow, SHEET_LOW_BIT_DTYPES } from './gpuRow';

describe('gpuSheetRow', () => {
  it('reads Hopper as FP8 and INT8 but no INT4 (docs/provenance.md §6: the H100 datasheet lists FP8 and INT8 only)', () => {
    const r = gpuSheetRow('h100-sxm');
    expect(r.tensorCores).toEqual({ fp8: 'yes', int8: 'yes', int4: 'no' });
    expect(r.unverified).toEqual([]);
    // nvidia-smi: 81,559 MiB (NVIDIA/nccl#1264); datasheet 3.35 TB/s.
    expect(r.usableMemoryBytes).toBe(81_559 * 2 ** 20);
    expect(r.bandwidthBytesPerSecond).toBe(3.35e12);
    expect(r.sourceIds[0]).toBe('nvidia-h100-datasheet');
  });

  it('reads Ampere as INT8 and INT4 without FP8', () => {
    expect(gpuSheetRow('a100-80gb-sxm').tensorCores).toEqual({ fp8: 'no', int8: 'yes', int4: 'yes' });
  });

  it("flags the L40S's INT8 and INT4 figures as unverified (docs/provenance.md §6 ⚠️)", () => {
    const r = gpuSheetRow('l40s');
    expect(r.tensorCores).toEqual({ fp8: 'yes', int8: 'yes-unverified', int4: 'yes-unverified' });
    expect(r.unverified).toEqual(['int8', 'int4']);
  });

  it('notes FP4 on Blackwell only', () => {
    expect(gpuSheetRow('b200').fp4).toBe(true);
    expect(gpuSheetRow('h200-sxm').fp4).toBe(false);
  });

  it('agrees with the catalog for every GPU, and every source it names exists', () => {
    for (const g of GPUS) {
      const r = gpuSheetRow(g.id);
      for (const d of SHEET_LOW_BIT_DTYPES) expect(r.tensorCores[d] === 'no').toBe(g.denseTflops[d] === undefined);
      expect(r.sourceIds.length).toBeGreaterThan(0);
      expect(r.sourceIds.every(hasSource)).toBe(true);
    }
  });

  it('throws for an unknown GPU', () => {
    expect(() => gpuSheetRow('h900')).toThrow();
  });
});
