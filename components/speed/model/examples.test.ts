import { describe, expect, it } from 'vitest';
import { decodeStep } from '@/lib/perf/decodeStep';
import { exampleRows, overtakeBatch } from './examples';
import { gpuSourceTitles } from './sourceTitles';

const h100 = { model: 'llama-3.1-70b', gpu: 'h100-sxm', contextTokens: 1024, kvBits: 16 };

describe('exampleRows(input)', () => {
  it('Llama-3.1-70B at 1,024 tokens: BF16 on 2 × H100 vs INT4 g128 on 1 × H100 at batch 1 and 64', () => {
    const rows = exampleRows({
      ...h100,
      setups: [
        { weights: 'bf16', gpuCount: 2 },
        { weights: 'int4-g128', gpuCount: 1 },
      ],
      batches: [1, 64],
    });
    expect(rows).toHaveLength(4);
    const bf16At64 = decodeStep({ ...h100, weights: 'bf16', gpuCount: 2, batch: 64 });
    // per operator, with two NVLink all-reduces per layer (160 × 1.5 × 64·8,192·2 B / 450e9 B/s ≈ 0.56 ms) and small ops;
    // 2 × H100 at vLLM's 0.92: 2 × 72.84 − 131.4 GiB weights − 2 × (1.97 + 2.05) GiB = 6.2 GiB of KV ≈ 19 × 1k: batch 64 does not fit
    expect(rows[1]).toMatchObject({
      format: 'BF16',
      gpus: '2',
      batch: '64',
      fits: false,
      bound: 'memory',
      total: '2,603',
      perGpu: '1,302',
    });
    expect(bf16At64.tokensPerSecondTotal).toBeCloseTo(2603, 0);
    expect(rows[2]).toMatchObject({
      format: 'INT4 g128 W4A16',
      gpus: '1',
      batch: '1',
      total: '88.1',
      stepTime: '11.4 ms',
    });
  });
  it('uses the catalog name for formats the chart does not plot', () => {
    expect(exampleRows({ ...h100, setups: [{ weights: 'nf4', gpuCount: 1 }], batches: [1] })[0]!.format).toBe(
      'NF4 (bitsandbytes)',
    );
  });
  it('says when a batch does not fit, with the largest that does (FP8 on one H100: 9 sequences of 1,024 tokens at vLLM’s 0.92)', () => {
    const [row] = exampleRows({ ...h100, setups: [{ weights: 'fp8-w8a8', gpuCount: 1 }], batches: [64] });
    expect(row!.fits).toBe(false);
    // 0.92 × 79.18 − 67.67 − 1.97 − 0.25 = 2.95 GiB ÷ 0.3125 GiB per 1,024-token sequence = 9.4
    expect(row!.fitText).toBe('Does not fit (at most 9)');
    const [bf16] = exampleRows({ ...h100, setups: [{ weights: 'bf16', gpuCount: 1 }], batches: [1] });
    expect(bf16!.fitText).toBe('Does not fit');
  });
});

describe('overtakeBatch(input)', () => {
  it('FP8 W8A8 overtakes INT4 W4A16 once the 4-bit GEMMs hit their compute roof (H200, 256-token contexts: batch 105)', () => {
    // per operator: INT4's GEMMs turn compute-bound near batch 56 on an H200 (ridge 206 × 4.156/16 + BF16 lm_head),
    // FP8's only near 209, and the attention and small-op terms are the same for both
    const base = { model: 'llama-3.1-70b', gpu: 'h200-sxm', gpuCount: 1, contextTokens: 256, kvBits: 16 };
    const b = overtakeBatch({ ...base, faster: 'fp8-w8a8', slower: 'int4-g128' })!;
    expect(b).toBe(105);
    const at = (weights: string, batch: number) => decodeStep({ ...base, weights, batch }).tokensPerSecondTotal;
    expect(at('fp8-w8a8', b)).toBeGreaterThan(at('int4-g128', b));
    expect(at('fp8-w8a8', b - 1)).toBeLessThanOrEqual(at('int4-g128', b - 1));
  });
  it('null when it never happens in range (BF16 never beats INT4 W4A16: same compute roof, more bytes)', () => {
    expect(overtakeBatch({ ...h100, gpuCount: 1, faster: 'bf16', slower: 'int4-g128', maxBatch: 2048 })).toBeNull();
    expect(() => overtakeBatch({ ...h100, gpuCount: 1, faster: 'bf16', slower: 'int4-g128', maxBatch: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('gpuSourceTitles()', () => {
  it('titles every source the GPU catalog cites', () => {
    const titles = gpuSourceTitles();
    expect(titles['nvidia-h100-datasheet']).toBe('NVIDIA H100 Tensor Core GPU datasheet');
    expect(Object.values(titles).every((t) => t.length > 0)).toBe(true);
  });
});
