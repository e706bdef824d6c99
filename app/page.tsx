import Link from 'next/link';
import { allLessons } from '@/content/lessons';
import type { LessonMeta } from '@/content/schema';
import { Cite } from '@/components/mdx/Cite';
import { homeAnswer, type HomeFormatRow } from '@/components/home/model/homeAnswer';
import { pathMinutes, studyPaths } from '@/components/home/model/paths';
import { FIT_VERDICT_WORDS } from '@/lib/sizing';
import { formatBytesBoth, formatCount, formatRate } from '@/lib/units';

/** The five factor cards, each leading to the lesson of its factor (found by the lesson's `factor`). */
const FACTORS: Array<{ factor: LessonMeta['factor']; title: string; text: string }> = [
  {
    factor: 'precision',
    title: '1. Precision vs accuracy',
    text: 'What rounding to 8 or 4 bits does to the weights, and what the published benchmarks of 70B models say it costs.',
  },
  {
    factor: 'memory',
    title: '2. Memory footprint',
    text: 'Bytes per weight with scale overhead, KV cache, activations and runtime — and why inference holds no gradients.',
  },
  {
    factor: 'method',
    title: '3. Quantization method',
    text: 'Round-to-nearest, GPTQ, AWQ, SmoothQuant and QAT: what calibration buys you and what it costs.',
  },
  {
    factor: 'speed',
    title: '4. Speed and hardware',
    text: 'The roofline: why decode is bandwidth-bound, where weight-only 4-bit wins and where 8-bit tensor cores take over.',
  },
  {
    factor: 'cost',
    title: '5. Deployment cost',
    text: 'Which GPUs, how many concurrent sequences, and dollars per million tokens.',
  },
];

/** "is tight (2 sequences of 4,096 tokens)", or "does not fit". */
function fitText(row: HomeFormatRow, ctx: string): string {
  if (row.maxSequences === 0) return FIT_VERDICT_WORDS['does-not-fit'];
  const n = formatCount(row.maxSequences);
  return `${FIT_VERDICT_WORDS[row.verdict]} (${n} sequence${row.maxSequences === 1 ? '' : 's'} of ${ctx} tokens)`;
}

export default function Home() {
  const lessons = allLessons();
  const answer = homeAnswer();
  const paths = studyPaths(lessons);
  const [bf16, fp8, int4] = answer.rows as [HomeFormatRow, HomeFormatRow, HomeFormatRow];
  const ctx = formatCount(answer.contextTokens);
  const lessonOf = (factor: LessonMeta['factor']) => lessons.find((l) => l.meta.factor === factor);
  return (
    <div className="prose home">
      <h1>Should we deploy a 70B LLM at 4-bit or 8-bit?</h1>
      <p className="lede">
        It is a favourite interview question, and the popular answers get parts of it wrong. Here you can work it out:
        five factors, with calculators that show every step, numbers computed from real model configs and datasheets,
        and a source for everything else.
      </p>

      <section aria-labelledby="answer" className="home-answer">
        <h2 id="answer">The two-minute answer</h2>
        <p>
          <strong>Neither by default: first ask what the traffic is and which GPU serves it.</strong> For{' '}
          {answer.modelName} on one {answer.gpuName}, at {ctx} tokens per sequence:
        </p>
        <ol>
          <li>
            <strong>Memory decides what is possible.</strong> The weights take{' '}
            <span className="nowrap">{formatBytesBoth(bf16.weightBytes)}</span> in {bf16.formatName},{' '}
            <span className="nowrap">{formatBytesBoth(fp8.weightBytes)}</span> in FP8 and{' '}
            <span className="nowrap">{formatBytesBoth(int4.weightBytes)}</span> in 4-bit with group size 128. At
            vLLM&apos;s default memory setting, BF16 {fitText(bf16, ctx)}, FP8 {fitText(fp8, ctx)} and 4-bit{' '}
            {fitText(int4, ctx)}.
          </li>
          <li>
            <strong>Latency-bound traffic (a few users waiting for tokens): 4-bit.</strong> Each decode step reads every
            weight once, so fewer bytes are faster: the roofline gives one sequence{' '}
            <span className="nowrap">{formatRate(int4.decodeTokensPerSecond ?? 0)} tokens/s</span> with 4-bit weights
            against <span className="nowrap">{formatRate(fp8.decodeTokensPerSecond ?? 0)} tokens/s</span> with FP8. The
            decision checklist picks <strong>{answer.latencyPick}</strong>.
          </li>
          <li>
            <strong>Throughput-bound traffic (large batches, long prompts): 8-bit.</strong> Past the crossover batch the
            matrix multiplications are limited by compute; W8A8 runs them on 8-bit tensor cores, while weight-only 4-bit
            multiplies in 16 bits. The checklist picks <strong>{answer.throughputPick}</strong>
            {answer.throughputGpusNeeded ? ` on ${answer.throughputGpusNeeded} GPUs` : ''} for{' '}
            {formatCount(answer.concurrency)} sequences.
          </li>
          <li>
            <strong>Accuracy is measured, not assumed.</strong> FP8 W8A8 was effectively lossless across the Llama-3.1
            family in the largest published study; 4-bit loses more, by an amount that depends on the task, the method
            and the model, so evaluate it on your own task against the BF16 baseline
            <Cite id="bf16-or-death-2411.02355" label="Kurtic et al., 2024" />.
          </li>
          <li>
            <strong>The GPU decides which 8-bit.</strong> FP8 needs FP8 tensor cores (Hopper, Ada, Blackwell); on an
            A100 the 8-bit choice is INT8 W8A8 or weight-only W8A16.
          </li>
        </ol>
        <p>
          The <Link href="/lessons/decision">decision lesson</Link> builds this answer from your own constraints, and{' '}
          <Link href="/the-post">the post</Link> that every lesson checks shows what the popular answer gets wrong.
        </p>
      </section>

      <section aria-labelledby="start-here">
        <h2 id="start-here">Start here</h2>
        <p>Pick the time you have; each path is in order.</p>
        <div className="study-paths">
          {paths.map((path) => (
            <section key={path.id} aria-labelledby={`path-${path.id}`} className="study-path">
              <h3 id={`path-${path.id}`}>{path.title}</h3>
              <ol>
                {path.steps.map((step) => (
                  <li key={step.href}>
                    <a href={step.href}>{step.title}</a> <span className="muted">— {step.note}</span>
                  </li>
                ))}
              </ol>
              <p className="muted">About {formatCount(pathMinutes(path))} minutes.</p>
            </section>
          ))}
        </div>
      </section>

      <h2>The five factors</h2>
      <ul className="factor-grid">
        {FACTORS.map((f) => {
          const lesson = lessonOf(f.factor);
          return (
            <li key={f.title} className="factor-card">
              <h3>{lesson ? <a href={`/lessons/${lesson.slug}`}>{f.title}</a> : f.title}</h3>
              <p>{f.text}</p>
            </li>
          );
        })}
      </ul>
      <h2>Study</h2>
      <ul>
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link href={`/lessons/${l.slug}`}>{l.meta.title}</Link> — <span className="muted">{l.meta.summary}</span>
          </li>
        ))}
        <li>
          <Link href="/glossary">Glossary</Link> —{' '}
          <span className="muted">every term the lessons use, with sources.</span>
        </li>
        <li>
          <Link href="/the-post">The post&apos;s claims</Link> —{' '}
          <span className="muted">each claim of the popular answer every lesson argues with, and its verdict.</span>
        </li>
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
