import { describe, expect, it } from 'vitest';
import { GPUS } from './catalog';
import { getGpu } from './getGpu';
import { gpuFigureStatus, gpuStatesFigure } from './gpuFigureStatus';
import { lowBitTensorCoreSupport } from './lowBitTensorCoreSupport';
import type { ComputeDtype, GpuFigure } from './types';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const ALL_DTYPES: ComputeDtype[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4'];
const ALL_FIGURES: GpuFigure[] = [
  'memory',
  'usableMemory',
  'cudaVisibleMemory',
  'bandwidth',
  'interconnect',
  ...ALL_DTYPES,
];

describe('GPUS', () => {
  it('has unique kebab-case ids and includes the GPUs the lessons use', () => {
    const ids = GPUS.map((gpu) => gpu.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    for (const id of [
      'a100-40gb-sxm',
      'a100-80gb-sxm',
      'h100-sxm',
      'h100-pcie',
      'h100-nvl',
      'h200-sxm',
      'l40s',
      'l4',
      'rtx-4090',
      'rtx-3090',
      'mi300x',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('gets H100 SXM units right: 3.35 TB/s = 3.35e12 B/s, 81,559 MiB usable (nvidia-smi, NVIDIA/nccl#1264)', () => {
    const h100 = getGpu('h100-sxm');
    expect(h100.bandwidthBytesPerSecond).toBe(3.35e12);
    expect(h100.usableMemoryBytes).toBe(81_559 * MiB); // 85,520,809,984 B = 85.5 GB = 79.6 GiB
    expect(h100.memoryBytes).toBe(80 * GiB);
    // Measured here (driver 580.159.04): CUDA sees 81,079 MiB; nvidia-smi's total includes 480 MiB reserved.
    expect(h100.cudaVisibleMemoryBytes).toBe(85_017_493_504);
    expect((h100.usableMemoryBytes - (h100.cudaVisibleMemoryBytes ?? 0)) / MiB).toBe(480);
  });

  it('uses the driver-reported totals read from public nvidia-smi/rocm-smi outputs', () => {
    // MiB figures: modal-labs/modal-client#2797 (A100s, L40S, L4, T4), sglang#3196 (H200),
    // gpu-admin-tools#4 (H100 NVL), RLinf#255 (4090), club-3090#1128 (3090), ROCm#4203 (MI300X), TensorRT-LLM#10278 (B200).
    const expected: Record<string, number> = {
      'a100-40gb-sxm': 40_960,
      'a100-80gb-sxm': 81_920,
      'h100-pcie': 81_559,
      'h100-nvl': 95_830,
      'h200-sxm': 143_771,
      l40s: 46_068,
      l4: 23_034,
      'rtx-4090': 24_564,
      'rtx-3090': 24_576,
      mi300x: 196_592,
      t4: 15_360,
      b200: 183_359,
    };
    for (const [id, usableMiB] of Object.entries(expected))
      expect(getGpu(id).usableMemoryBytes, id).toBe(usableMiB * MiB);
    // rocm-smi prints MI300X VRAM Total Memory (B): 206,141,652,992.
    expect(getGpu('mi300x').usableMemoryBytes).toBe(206_141_652_992);
  });

  it('gives every GPU an interconnect at half the bidirectional datasheet figure (H100 SXM NVLink 4: 900 GB/s → 450 GB/s per direction)', () => {
    expect(getGpu('h100-sxm').interconnect).toMatchObject({ kind: 'nvlink', bytesPerSecondPerDirection: 450e9 });
    expect(getGpu('b200').interconnect.bytesPerSecondPerDirection).toBe(900e9); // NVLink 5: 1.8 TB/s
    expect(getGpu('l40s').interconnect).toMatchObject({ kind: 'pcie', bytesPerSecondPerDirection: 32e9 }); // Gen4 x16: 64 GB/s
    for (const gpu of GPUS) {
      expect(gpu.interconnect.bytesPerSecondPerDirection, gpu.id).toBeGreaterThan(0);
      // a GPU link is slower than the GPU's own memory
      expect(gpu.interconnect.bytesPerSecondPerDirection, gpu.id).toBeLessThan(gpu.bandwidthBytesPerSecond);
    }
  });

  it('never reports more usable memory than the label read in GiB, nor CUDA more than the driver', () => {
    for (const gpu of GPUS) {
      expect(gpu.usableMemoryBytes, gpu.id).toBeLessThanOrEqual(gpu.memoryBytes);
      expect(gpu.usableMemoryBytes, gpu.id).toBeGreaterThan(0.9 * gpu.memoryBytes);
      if (gpu.cudaVisibleMemoryBytes !== undefined)
        expect(gpu.cudaVisibleMemoryBytes, gpu.id).toBeLessThan(gpu.usableMemoryBytes);
    }
  });

  it('states its memory label in GB, matching memoryBytes', () => {
    for (const gpu of GPUS) {
      const labelGB = Number(/^(\d+) GB /.exec(gpu.memoryLabel)?.[1]);
      expect(labelGB * GiB, gpu.id).toBe(gpu.memoryBytes);
    }
  });

  it('has bandwidths between 0.3 and 8 TB/s in bytes per second (a GB/s-vs-B/s slip would be off by 10⁹)', () => {
    for (const gpu of GPUS) {
      expect(gpu.bandwidthBytesPerSecond, gpu.id).toBeGreaterThanOrEqual(300e9);
      expect(gpu.bandwidthBytesPerSecond, gpu.id).toBeLessThanOrEqual(8e12);
    }
  });

  it('backs every stated figure with a source, and states every figure it sources', () => {
    for (const gpu of GPUS) {
      for (const figure of ALL_FIGURES) {
        const backed = gpu.sources.some((source) => source.figures.includes(figure));
        expect(backed, `${gpu.id} ${figure}`).toBe(gpuStatesFigure(gpu, figure));
      }
    }
  });

  it('lists BF16 and FP16 at the same dense rate wherever both exist', () => {
    for (const gpu of GPUS) {
      if (gpu.denseTflops.bf16 !== undefined) expect(gpu.denseTflops.bf16, gpu.id).toBe(gpu.denseTflops.fp16);
    }
  });

  it('has INT8 = 2× FP16 on datacenter parts and 4× on GeForce (whose FP16 is with half-rate FP32 accumulation)', () => {
    // A100 624/312, H100 1,979/989 (docs/provenance.md §6); RTX 4090 660.6/165.2 (Ada whitepaper appendix).
    // L40S prints BF16 as 362.05 dense next to 733 sparse, hence the 3% tolerance.
    for (const gpu of GPUS) {
      const { int8, fp16 } = gpu.denseTflops;
      if (int8 === undefined || fp16 === undefined) continue;
      const expected = gpu.id.startsWith('rtx-') ? 4 : 2;
      expect(Math.abs(int8 / fp16 / expected - 1), gpu.id).toBeLessThan(0.03);
    }
  });

  it('has FP8 at the INT8 rate wherever both exist (Ada, Hopper, Blackwell, MI300X), except GeForce FP8 with FP32 accumulate', () => {
    for (const gpu of GPUS) {
      const { int8, fp8 } = gpu.denseTflops;
      if (int8 === undefined || fp8 === undefined) continue;
      expect(fp8 / int8, gpu.id).toBe(gpu.id === 'rtx-4090' ? 0.5 : 1);
    }
  });
});

describe('lowBitTensorCoreSupport(gpu)', () => {
  it('follows the architecture: Ampere INT8+INT4, Ada FP8+INT8+INT4, Hopper FP8+INT8 (no INT4), Blackwell FP8+INT8+FP4', () => {
    expect(lowBitTensorCoreSupport(getGpu('a100-80gb-sxm'))).toEqual(['int8', 'int4']);
    expect(lowBitTensorCoreSupport(getGpu('rtx-3090'))).toEqual(['int8', 'int4']);
    expect(lowBitTensorCoreSupport(getGpu('t4'))).toEqual(['int8', 'int4']);
    expect(lowBitTensorCoreSupport(getGpu('l40s'))).toEqual(['fp8', 'int8', 'int4']);
    expect(lowBitTensorCoreSupport(getGpu('rtx-4090'))).toEqual(['fp8', 'int8', 'int4']);
    expect(lowBitTensorCoreSupport(getGpu('h100-sxm'))).toEqual(['fp8', 'int8']);
    expect(lowBitTensorCoreSupport(getGpu('b200'))).toEqual(['fp8', 'int8', 'fp4']);
    expect(lowBitTensorCoreSupport(getGpu('mi300x'))).toEqual(['fp8', 'int8']);
  });

  it('never lists INT4 for a Hopper GPU nor FP8 for an Ampere or Turing one', () => {
    for (const gpu of GPUS) {
      const support = lowBitTensorCoreSupport(gpu);
      if (gpu.architecture === 'hopper') expect(support, gpu.id).not.toContain('int4');
      if (gpu.architecture === 'ampere' || gpu.architecture === 'turing') expect(support, gpu.id).not.toContain('fp8');
      if (gpu.architecture !== 'blackwell') expect(support, gpu.id).not.toContain('fp4');
    }
  });
});

describe('gpuFigureStatus(gpu, figure)', () => {
  it('reports the best status among the sources backing the figure', () => {
    expect(gpuFigureStatus(getGpu('h100-sxm'), 'usableMemory')).toBe('verified');
    expect(gpuFigureStatus(getGpu('h100-sxm'), 'bf16')).toBe('secondary');
    expect(gpuFigureStatus(getGpu('l40s'), 'int4')).toBe('unverified');
    expect(gpuFigureStatus(getGpu('h100-nvl'), 'fp8')).toBe('unverified');
    expect(gpuFigureStatus(getGpu('rtx-3090'), 'int8')).toBe('unverified');
    expect(gpuFigureStatus(getGpu('mi300x'), 'int8')).toBe('unverified');
    expect(gpuFigureStatus(getGpu('mi300x'), 'fp16')).toBe('secondary');
  });

  it('has every usable-memory figure verified except the H100 PCIe one', () => {
    const notVerified = GPUS.filter((gpu) => gpuFigureStatus(gpu, 'usableMemory') !== 'verified').map((gpu) => gpu.id);
    expect(notVerified).toEqual(['h100-pcie']);
  });

  it('throws naming the figure a GPU does not state', () => {
    expect(() => gpuFigureStatus(getGpu('h100-sxm'), 'int4')).toThrow('figure: H100 SXM 80GB states no int4 figure');
    expect(() => gpuFigureStatus(getGpu('t4'), 'bf16')).toThrow(/^figure: /);
  });
});

describe('getGpu(id)', () => {
  it('throws "Unknown GPU: <id>"', () => {
    expect(() => getGpu('h100')).toThrow('Unknown GPU: h100');
    expect(() => getGpu('H100-SXM')).toThrow('Unknown GPU: H100-SXM');
  });
});
