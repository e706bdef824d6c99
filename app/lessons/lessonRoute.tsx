import type { Metadata } from 'next';
import type { MDXContent } from 'mdx/types';
import Link from 'next/link';
import 'katex/dist/katex.min.css';
import { parseLessonMeta } from '@/content/schema';

/**
 * Builds a lesson route from its MDX module. Each lesson has its own tiny route
 * file (app/lessons/<slug>/page.tsx) that imports its MDX statically, so a page
 * ships only the widgets its own lesson uses (a shared [slug] route would load
 * every lesson's widgets on every lesson). A unit test checks that every
 * content/lessons/*.mdx has its route.
 */
export function lessonRoute(slug: string, mod: { default: MDXContent; meta?: unknown }) {
  const meta = parseLessonMeta(slug, mod.meta);
  const Content = mod.default;
  const metadata: Metadata = { title: meta.title, description: meta.summary };
  function LessonPage() {
    return (
      <article className="prose">
        <p className="muted">
          Lesson {meta.order} · {meta.minutes} min read · <Link href={`/present/${slug}`}>Present this lesson</Link>
        </p>
        <h1>{meta.title}</h1>
        <p className="lede">{meta.summary}</p>
        <Content />
      </article>
    );
  }
  return { metadata, LessonPage };
}
