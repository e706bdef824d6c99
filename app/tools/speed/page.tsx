import type { Metadata } from 'next';
import Link from 'next/link';
import { SpeedCalculatorWithSources } from '@/components/speed/SpeedCalculatorWithSources';
import { MeasuredVsModel } from '@/components/speed/MeasuredVsModel';

export const metadata: Metadata = {
  title: 'Decode speed calculator',
  description:
    'LLM decode speed operator by operator: the roofline ceiling and the expected time from our H100 benchmark, tokens/s per sequence and in total, the GEMM crossover, prefill and the vLLM kernel for BF16, INT8/FP8 W8A8, W4A16, W4A8 and FP4 formats on real GPUs.',
};

export default function SpeedToolPage() {
  return (
    <>
      <div className="prose">
        <h1>Decode speed calculator</h1>
        <p className="lede">
          How fast can a GPU generate tokens for a given model, weight format and batch? Pick a set-up and read each
          operator&rsquo;s roofline (the longer of “bytes ÷ bandwidth” and “FLOPs ÷ peak”), their sum as the ceiling,
          and the expected time our GPU benchmark&rsquo;s kernels would take. The link in your address bar reproduces
          the set-up.
        </p>
        <p>
          Why small batches reward fewer bytes and large batches reward 8-bit tensor cores is explained in the{' '}
          <Link href="/lessons/speed">speed lesson</Link>.
        </p>
      </div>
      <SpeedCalculatorWithSources syncUrl headingLevel={2} />
      <div className="prose">
        <h2>Measured on our H100</h2>
        <MeasuredVsModel />
      </div>
    </>
  );
}
