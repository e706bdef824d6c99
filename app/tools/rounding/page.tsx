import type { Metadata } from 'next';
import Link from 'next/link';
import { RoundingDemo } from '@/components/islands/widgets';

export const metadata: Metadata = {
  title: 'Rounding demo: INT8, INT4, NF4, FP4',
  description:
    'Quantize sample or pasted weights with INT8 absmax, INT8/INT4 zero-point, NF4 and FP4, per tensor or block-wise, and see the error, the grid and the arithmetic for each weight.',
};

export default function RoundingToolPage() {
  return (
    <>
      <div className="prose">
        <h1>Rounding demo</h1>
        <p className="lede">
          Generate weights (or paste your own), pick a block size, and watch five quantizers round them: the histogram,
          the representable levels, the arithmetic for a few weights, and the error. Add one outlier to see a per-tensor
          scale break and block-wise scales rescue it. The link holds the set-up, except pasted numbers. The reasoning
          is in the <Link href="/lessons/precision">precision lesson</Link>.
        </p>
      </div>
      <RoundingDemo syncUrl />
    </>
  );
}
