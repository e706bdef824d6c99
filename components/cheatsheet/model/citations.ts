import { getSource } from '@/lib/sources';
import { shortSourceLabel } from '@/lib/sources/links';

/** The label rule lives with the sources (one rule for citations, question sources and the sheet). */
export { shortSourceLabel };

/** A numbered reference of a printed page: its number, its /sources id and a short label. */
export interface NumberedSource {
  /** 1-based, in order of first citation. */
  n: number;
  id: string;
  /** "Kurtic et al., 2024" or a short title, for a compact reference list. */
  label: string;
  title: string;
}

/**
 * Numbers the sources a page cites, in order of first citation, duplicates kept at
 * their first number — the [1], [2] … of a printed sheet.
 *
 * @throws {Error} "Unknown source: <id>" when an id is not in lib/sources, so a
 *   citation can never point nowhere (checked at build time).
 * @example numberSources(['a100', 'h100', 'a100']).map((s) => s.n) // [1, 2] (ids must exist in lib/sources)
 */
export function numberSources(ids: readonly string[]): NumberedSource[] {
  const seen = new Map<string, NumberedSource>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    const s = getSource(id);
    seen.set(id, { n: seen.size + 1, id, label: shortSourceLabel(id), title: s.title });
  }
  return [...seen.values()];
}
