import type { Metadata } from 'next';
import Link from 'next/link';
import { AccuracyLab } from '@/components/islands/widgets';

export const metadata: Metadata = {
  title: 'Accuracy lab: a small model quantized in your browser',
  description:
    'A 2.1 M-parameter language model quantized in your browser to INT8, W8A8, SmoothQuant, NF4, RTN, GPTQ and AWQ at 4 and 3 bits and 2 bits: held-out perplexity, next-token flips and KL divergence against FP16, and your prompt continued side by side.',
};

export default function AccuracyToolPage() {
  return (
    <>
      <div className="prose">
        <h1>Accuracy lab</h1>
        <p className="lede">
          A small language model trained on the King James Bible, quantized in your browser by the same code as the{' '}
          <Link href="/tools/methods">method lab</Link>, and judged the way the{' '}
          <Link href="/lessons/precision">precision lesson</Link> says a quantized model should be: perplexity, the
          share of next-token predictions that flip, and the KL divergence from full precision. The table starts with
          numbers this site&apos;s code computed on this model; run a format to compute it again here. The published 70B
          results are in the precision and <Link href="/lessons/methods">methods</Link> lessons.
        </p>
        {/* The widget's own heading is an h3 (it sits under a lesson's h2); this keeps the outline in order here. */}
        <h2 className="sr-only">The lab</h2>
      </div>
      <AccuracyLab />
    </>
  );
}
