import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { isLessonSlug, lessonMeta, LESSON_MODULES, LESSON_SLUGS } from '@/content/lessons';
import { presentComponents } from '@/components/present/presentComponents';
import { OfflineStatus } from '@/components/islands/widgets';

/**
 * One route for every lesson's slides (/present/<slug>). The splitting into slides happens in
 * components/present (the MDX wrapper); this file only wires it.
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
  return { title: `Slides: ${meta.title}`, description: meta.summary };
}

export default async function PresentPage({ params }: Props) {
  const { slug } = await params;
  if (!isLessonSlug(slug)) notFound();
  const meta = lessonMeta(slug);
  const { default: Content } = await LESSON_MODULES[slug]();
  const components = presentComponents({
    slug,
    title: meta.title,
    summary: meta.summary,
    order: meta.order,
    minutes: meta.minutes,
  });
  return (
    <>
      <Content components={components} />
      {/* After one visit the deck works offline: public/sw.js stores what scripts/offline-build.mjs lists. */}
      <OfflineStatus slug={slug} />
      {/* Without JavaScript nothing is stored: the island's "Preparing…" would never change (its note says why). */}
      <noscript dangerouslySetInnerHTML={{ __html: '<style>.off-status{display:none}</style>' }} />
    </>
  );
}
