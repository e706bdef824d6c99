import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { isLessonSlug, lessonMeta, LESSON_MODULES, LESSON_SLUGS } from '@/content/lessons';

/**
 * One route for every lesson (/lessons/<slug>), rendered to static HTML at build time. The
 * islands step after the build removes Next's client runtime and gives each page only the
 * widgets its own HTML shows, so a shared route costs no JavaScript.
 */
export const dynamicParams = false;

export function generateStaticParams(): Array<{ slug: string }> {
  return LESSON_SLUGS.map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  if (!isLessonSlug(slug)) return {};
  const meta = lessonMeta(slug);
  return { title: meta.title, description: meta.summary };
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  if (!isLessonSlug(slug)) notFound();
  const meta = lessonMeta(slug);
  const { default: Content } = await LESSON_MODULES[slug]();
  return (
    <article className="prose lesson">
      <p className="muted">
        Lesson {meta.order} · {meta.minutes} min read · <Link href={`/present/${slug}`}>Present this lesson</Link>
      </p>
      <h1>{meta.title}</h1>
      <p className="lede">{meta.summary}</p>
      <Content />
    </article>
  );
}
