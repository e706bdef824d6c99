import type { Metadata } from 'next';
import Link from 'next/link';
import { MethodLab } from '@/components/islands/widgets';

export const metadata: Metadata = {
  title: 'Method lab: RTN, GPTQ, AWQ and SmoothQuant',
  description:
    'Quantize one synthetic LLM-like layer with RTN, GPTQ, AWQ and SmoothQuant W8A8 in your browser, at 8, 4, 3 or 2 bits, calibrated on production-like or shifted data, and watch GPTQ column by column.',
};

export default function MethodsToolPage() {
  return (
    <>
      <div className="prose">
        <h1>Method lab</h1>
        <p className="lede">
          One linear layer with LLM-like outlier channels, quantized in your browser by round-to-nearest, GPTQ, AWQ and,
          at 8 bits, W8A8 with and without SmoothQuant. Pick the bits, the group size and the calibration data: each
          method is judged on held-out production-like inputs, so calibrating on another domain shows its cost. The link
          holds the set-up. The reasoning and the published 70B results are in the{' '}
          <Link href="/lessons/methods">methods lesson</Link>.
        </p>
        {/* The widget's own heading is an h3 (it sits under a lesson's h2); this keeps the outline in order here. */}
        <h2 className="sr-only">The lab</h2>
      </div>
      <MethodLab syncUrl />
    </>
  );
}
