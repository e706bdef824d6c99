/**
 * Questions carry their sources as ids; pages show them as links. Resolving needs the
 * sources catalog, so it happens where questions are made: at build time for the bank
 * (content/questions.ts) and in the generators for parametric questions.
 */
import { sourceLinksFor } from '../sources/links';
import type { Question } from './types';

/**
 * The question with `sourceLinks` set from its `sources`.
 * @example withSourceLinks(q).sourceLinks // [{ href: '/sources#gqa-2305.13245', label: 'GQA, 2023', … }, { href: '/lessons/memory', … }]
 */
export function withSourceLinks<Q extends Question>(q: Q): Q {
  return { ...q, sourceLinks: sourceLinksFor(q.sources) };
}
