import Link from 'next/link';
import { allLessons } from '@/content/lessons';

const FACTORS: Array<{ title: string; text: string }> = [
  {
    title: '1. Precision vs accuracy',
    text: 'What rounding to 8 or 4 bits does to the weights, and what the published benchmarks of 70B models say it costs.',
  },
  {
    title: '2. Memory footprint',
    text: 'Bytes per weight with scale overhead, KV cache, activations and runtime — and why inference holds no gradients.',
  },
  {
    title: '3. Quantization method',
    text: 'Round-to-nearest, GPTQ, AWQ, SmoothQuant and QAT: what calibration buys you and what it costs.',
  },
  {
    title: '4. Speed and hardware',
    text: 'The roofline: why decode is bandwidth-bound, where weight-only 4-bit wins and where 8-bit tensor cores take over.',
  },
  { title: '5. Deployment cost', text: 'Which GPUs, how many concurrent sequences, and dollars per million tokens.' },
];

export default function Home() {
  const lessons = allLessons();
  return (
    <div className="prose home">
      <h1>Should we deploy a 70B LLM at 4-bit or 8-bit?</h1>
      <p className="lede">
        It is a favourite interview question, and the popular answers get parts of it wrong. Here you can work it out:
        five factors, with calculators that show every step, numbers computed live from real model configs and
        datasheets, and a source for everything else.
      </p>
      <h2>The five factors</h2>
      <ul className="factor-grid">
        {FACTORS.map((f) => (
          <li key={f.title}>
            <h3>{f.title}</h3>
            <p>{f.text}</p>
          </li>
        ))}
      </ul>
      <h2>Study</h2>
      <ul>
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link href={`/lessons/${l.slug}`}>{l.meta.title}</Link> — <span className="muted">{l.meta.summary}</span>
          </li>
        ))}
      </ul>
      <h2>Calculators</h2>
      <p>Each keeps its whole set-up in the link, so you can share exactly what you see.</p>
      <ul>
        <li>
          <Link href="/tools/memory">Memory calculator</Link> — weights, KV cache, activations and overhead; which GPUs
          it fits on.
        </li>
        <li>
          <Link href="/tools/speed">Speed calculator</Link> — the decode roofline, tokens per second and the crossover
          batch.
        </li>
        <li>
          <Link href="/tools/rounding">Rounding demo</Link> — INT8, INT4, NF4 and FP4 side by side on sample weights,
          step by step.
        </li>
      </ul>
      <h2>Practise</h2>
      <ul>
        <li>
          <Link href="/practice">Practice</Link> — the question bank with spaced repetition: choice, numeric, ordering,
          spot-the-flaw and open questions, plus numeric ones drawn fresh from the calculators.
        </li>
        <li>
          <Link href="/interview">Mock interview</Link> — the open question against the clock, then follow-ups; grade
          yourself on a rubric and get a scorecard per factor.
        </li>
      </ul>
      <h2>Teach</h2>
      <ul>
        <li>
          Every lesson runs as slides at <code>/present/&lt;lesson&gt;</code>, with a presenter window, live calculators
          and a QR code of each set-up — start from a lesson&apos;s “Present this lesson” link.
        </li>
        <li>
          <Link href="/cheatsheet">Cheat sheet</Link> — one printable page: the formulas, the 70B numbers by format, the
          GPU table and the decision tree.
        </li>
      </ul>
    </div>
  );
}
