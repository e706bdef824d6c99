import type { Metadata } from 'next';
import Link from 'next/link';
import { MemoryCalculator, VllmLogCheck } from '@/components/islands/widgets';

export const metadata: Metadata = {
  title: 'Inference memory calculator',
  description:
    'GPU memory for serving an LLM: weights in any format (FP32 to GGUF), KV cache at its own precision, activations and runtime overhead, on 1–8 GPUs — with every formula shown and the set-up in the link.',
};

export default function MemoryToolPage() {
  return (
    <>
      <div className="prose">
        <h1>Inference memory calculator</h1>
        <p className="lede">
          How much GPU memory does serving a model take? Pick a model (or paste its <code>config.json</code>), a weight
          format, a KV-cache precision, a load and a GPU group: the calculator adds up weights, KV cache, activation
          workspace and runtime overhead, says whether it fits and what would, and shows every formula. The link holds
          the whole set-up. The reasoning behind each term is in the <Link href="/lessons/memory">memory lesson</Link>.
        </p>
      </div>
      <MemoryCalculator syncUrl headingLevel={2} title="Your set-up" />
      <VllmLogCheck followCalculatorUrl headingLevel={2} />
    </>
  );
}
