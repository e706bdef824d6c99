import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { lessonSlugs, loadLesson } from '@/content/lessons';

export const dynamicParams = false;

export function generateStaticParams() {
  return lessonSlugs().map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { meta } = await loadLesson(slug);
  return { title: meta.title, description: meta.summary };
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  if (!lessonSlugs().includes(slug)) notFound();
  const { meta, Content } = await loadLesson(slug);
  return (
    <article className="prose">
      <p className="muted">Lesson {meta.order} · {meta.minutes} min read</p>
      <h1>{meta.title}</h1>
      <p className="lede">{meta.summary}</p>
      <Content />
    </article>
  );
}
