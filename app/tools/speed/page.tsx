import type { Metadata } from 'next';
import Link from 'next/link';
import { SpeedCalculatorWithSources } from '@/components/speed/SpeedCalculatorWithSources';

export const metadata: Metadata = {
  title: 'Decode speed calculator',
  description:
    'Roofline upper bound on LLM decode speed: time per token, tokens/s per sequence and in total, memory- vs compute-bound, crossover batch and prefill time for BF16, INT8/FP8 W8A8 and 4-bit weight-only formats on real GPUs.',
};

export default function SpeedToolPage() {
  return (
    <>
      <div className="prose">
        <h1>Decode speed calculator</h1>
        <p className="lede">
          How fast can a GPU generate tokens for a given model, weight format and batch? Pick a set-up and read the roofline: the
          longer of “bytes ÷ bandwidth” and “FLOPs ÷ peak”. The link in your address bar reproduces the set-up.
        </p>
        <p>
          Why small batches reward fewer bytes and large batches reward 8-bit tensor cores is explained in the{' '}
          <Link href="/lessons/speed">speed lesson</Link>.
        </p>
      </div>
      <SpeedCalculatorWithSources syncUrl headingLevel={2} />
    </>
  );
}
