import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Calculators',
  description:
    'Memory, speed and rounding calculators, a quantization-method lab and an accuracy lab for a 70B LLM at 4-bit or 8-bit, each with its set-up in the link.',
};

const TOOLS = [
  {
    href: '/tools/memory',
    title: 'Memory calculator',
    text: 'Weights, KV cache, activations and overhead for a catalog model or your own config.json; which GPUs it fits on, and the largest batch × context that fits.',
  },
  {
    href: '/tools/speed',
    title: 'Speed calculator',
    text: 'The decode roofline per format and GPU: time per token, tokens per second per sequence and in total, and the batch where compute takes over.',
  },
  {
    href: '/tools/rounding',
    title: 'Rounding demo',
    text: 'INT8 (absmax and zero-point), INT4, NF4 and FP4 side by side on sample or pasted weights, with the arithmetic step by step.',
  },
  {
    href: '/tools/methods',
    title: 'Method lab',
    text: 'RTN, GPTQ, AWQ and SmoothQuant W8A8 on one synthetic layer in your browser: output error per method and bit width, calibrated on production-like or shifted data, and GPTQ column by column.',
  },
  {
    href: '/tools/accuracy',
    title: 'Accuracy lab',
    text: 'A small trained language model quantized in your browser (INT8, W8A8, SmoothQuant, NF4, RTN, GPTQ and AWQ at 4 and 3 bits, 2-bit): perplexity, next-token flips and KL against FP16, and your prompt continued side by side.',
  },
];

export default function ToolsIndex() {
  return (
    <div className="prose">
      <h1>Calculators</h1>
      <p>Each keeps its whole set-up in the link, so a shared link opens exactly what you see.</p>
      <ul className="lesson-list">
        {TOOLS.map((t) => (
          <li key={t.href}>
            <Link href={t.href}>{t.title}</Link>
            <p className="muted">{t.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
