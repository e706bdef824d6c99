import type { Metadata } from 'next';
import type { MDXContent } from 'mdx/types';
import 'katex/dist/katex.min.css';
import { parseLessonMeta } from '@/content/schema';
import { presentComponents } from '@/components/present/presentComponents';
import { OfflineStatus } from '@/components/islands/widgets';

/**
 * Builds a lesson's slide route (/present/<slug>) from its MDX module, like
 * app/lessons/lessonRoute.tsx: each lesson has its own tiny route file
 * (app/present/<slug>/page.tsx, written by scripts/lesson-routes.mjs), so a deck
 * page carries only its own lesson. The splitting into slides happens in
 * components/present (the MDX wrapper); this file only wires it.
 */
export function presentRoute(slug: string, mod: { default: MDXContent; meta?: unknown }) {
  const meta = parseLessonMeta(slug, mod.meta);
  const Content = mod.default;
  const metadata: Metadata = { title: `Slides: ${meta.title}`, description: meta.summary };
  const components = presentComponents({
    slug,
    title: meta.title,
    summary: meta.summary,
    order: meta.order,
    minutes: meta.minutes,
  });
  function PresentPage() {
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
  return { metadata, PresentPage };
}
