import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORMATS } from '../formats';
import { SOURCES } from '../sources';
import { GPUS } from './catalog';
import { getGpu } from './getGpu';
import { vllmKernelPath, vllmRunsFormatOn } from './kernelPath';

describe('vllmKernelPath(format, gpu)', () => {
  it('W4A16 on Hopper: Machete first (vLLM choose_mp_linear_kernel, Machete needs compute capability 9.0); Marlin on Ampere and Ada', () => {
    expect(vllmKernelPath('int4-g128-sym', getGpu('h100-sxm')).kernel).toMatch(/^Machete/);
    expect(vllmKernelPath('int4-g128', getGpu('a100-80gb-sxm')).kernel).toBe('Marlin');
    expect(vllmKernelPath('int4-g128', getGpu('l40s')).kernel).toBe('Marlin');
    expect(vllmKernelPath('int4-g128', getGpu('t4')).kernel).toBe('ExLlama'); // Marlin needs compute capability 8.0
  });

  it('FP8: CUTLASS scaled_mm on Ada/Hopper/Blackwell, FP8 Marlin weight-only on Ampere, refused on Turing (vLLM FP8 docs)', () => {
    expect(vllmKernelPath('fp8-w8a8', getGpu('h100-sxm'))).toMatchObject({
      support: 'native',
      kernel: 'CUTLASS scaled_mm (FP8)',
    });
    expect(vllmKernelPath('fp8-w8a8', getGpu('l4')).support).toBe('native');
    expect(vllmKernelPath('fp8-w8a8', getGpu('a100-80gb-sxm'))).toMatchObject({
      support: 'fallback',
      kernel: 'FP8 Marlin (W8A16)',
    });
    expect(vllmKernelPath('fp8-w8a8', getGpu('t4')).support).toBe('unsupported');
    expect(vllmKernelPath('fp8-w8a8', getGpu('mi300x')).kernel).toMatch(/E4M3FNUZ/);
  });

  it('INT8 W8A8 is refused on Blackwell ("not supported on compute capability >= 10.0") and native on Turing to Hopper', () => {
    expect(vllmRunsFormatOn('int8-w8a8', getGpu('b200'))).toBe(false);
    for (const id of ['t4', 'a100-80gb-sxm', 'l40s', 'h100-sxm'])
      expect(vllmKernelPath('int8-w8a8', getGpu(id)).support, id).toBe('native');
  });

  it('W4A8 (INT4 × FP8) runs on Hopper only; NVFP4 is native on Blackwell and weight-only elsewhere', () => {
    expect(vllmKernelPath('w4a8-fp8', getGpu('h100-sxm'))).toMatchObject({ support: 'native', kernel: 'CUTLASS W4A8' });
    expect(vllmKernelPath('w4a8-fp8', getGpu('a100-80gb-sxm')).support).toBe('unsupported');
    expect(vllmKernelPath('w4a8-fp8', getGpu('b200')).support).toBe('unsupported');
    expect(vllmKernelPath('nvfp4', getGpu('b200')).support).toBe('native');
    expect(vllmKernelPath('nvfp4', getGpu('h100-sxm')).support).toBe('fallback');
  });

  it('answers every (format, GPU) pair of the catalogs with a kernel or a reason, citing only known sources', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS.map((f) => f.id)), fc.constantFrom(...GPUS), (format, gpu) => {
        const p = vllmKernelPath(format, gpu);
        expect(p.kernel.length).toBeGreaterThan(0);
        if (p.support !== 'native') expect(p.note.length).toBeGreaterThan(10);
        expect(vllmRunsFormatOn(format, gpu)).toBe(p.support !== 'unsupported');
        for (const id of p.sources)
          expect(
            SOURCES.some((s) => s.id === id),
            id,
          ).toBe(true);
      }),
    );
  });
});
