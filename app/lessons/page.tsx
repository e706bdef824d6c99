import type { Metadata } from 'next';
import Link from 'next/link';
import { allLessons } from '@/content/lessons';

export const metadata: Metadata = {
  title: 'Lessons',
  description: 'The five factors of the 4-bit vs 8-bit decision for a 70B LLM, each with a live calculator.',
};

export default function LessonsIndex() {
  const lessons = allLessons();
  return (
    <div className="prose">
      <h1>Lessons</h1>
      <ol className="lesson-list">
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link href={`/lessons/${l.slug}`}>{l.meta.title}</Link>
            <p className="muted">
              {l.meta.summary} <span className="nowrap">({l.meta.minutes} min)</span>
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
