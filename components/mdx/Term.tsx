import type { ReactNode } from 'react';
import { glossaryTerm } from '@/content/glossary';

/**
 * A glossary link for the first use of a term in a lesson: `<Term id="w4a16">W4A16</Term>` renders a plain link to
 * `/glossary#w4a16` (no client JavaScript). An id that is not in content/glossary.ts throws at build time, so a
 * term link can never point nowhere; content/glossary.test.ts checks every lesson's ids as well.
 */
export function Term({ id, children }: { id: string; children?: ReactNode }) {
  const entry = glossaryTerm(id);
  if (!entry) throw new Error(`<Term id="${id}">: no such term in content/glossary.ts`);
  return (
    <a className="term" href={`/glossary#${id}`}>
      {children ?? entry.term}
    </a>
  );
}
