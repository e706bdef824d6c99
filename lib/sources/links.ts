import { getSource } from './getSource';

/** A citation ready to show as a link: where it goes, its short text, and the full title. */
export interface SourceLink {
  /** `/sources#<id>` for a catalog entry, `/lessons/<slug>` for a lesson of this site. */
  href: string;
  /** Short text, e.g. "QLoRA, 2023" or "Memory lesson". */
  label: string;
  /** Full title (for the link's tooltip and for screen readers that read titles). */
  title: string;
}

/**
 * The short form of a source used in citations. The part of the title before the
 * first colon, parenthesis or spaced dash when that is a name (four words or fewer:
 * "QLoRA", "LLM-QAT"); otherwise the first author ("Kurtic et al.")
 * when authors are known; otherwise the first six words. Then the year.
 * @example shortSourceLabel('QLoRA: Efficient Finetuning of Quantized LLMs', 2023) // 'QLoRA, 2023'
 * @example shortSourceLabel('FP8 Formats for Deep Learning', 2022, 'Micikevicius, Stosic, Burgess') // 'Micikevicius et al., 2022'
 * @example shortSourceLabel('meta-llama/Llama-3.1-70B config.json') // 'meta-llama/Llama-3.1-70B config.json'
 */
export function shortSourceLabel(title: string, year?: number, authors?: string): string {
  // Hyphens inside names ("meta-llama/Llama-3.1-70B", "Post-Training") are part of the words.
  const head = title.split(/:|\(|\s[—–-]\s/)[0]!.trim();
  const words = head.split(/\s+/);
  const names = (authors ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const text =
    words.length <= 4 ? head : names.length > 0 ? `${names[0]}${names.length > 1 ? ' et al.' : ''}` : `${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}`;
  return year ? `${text}, ${year}` : text;
}

/** "fact-check" → "Fact-check lesson". */
function lessonLabel(slug: string): string {
  return `${slug.charAt(0).toUpperCase()}${slug.slice(1)} lesson`;
}

/**
 * Links for a list of source references as questions write them: catalog ids
 * (lib/sources/catalog.ts) and `lesson:<slug>`. Duplicates are dropped, order kept.
 * @throws {Error} "Unknown source: <id>" for an id not in the catalog (the bank parser rejects those earlier).
 * @example sourceLinksFor(['qlora-2305.14314', 'lesson:memory'])
 *   // [{ href: '/sources#qlora-2305.14314', label: 'QLoRA, 2023', title: 'QLoRA: …' },
 *   //  { href: '/lessons/memory', label: 'Memory lesson', title: 'Memory lesson' }]
 */
export function sourceLinksFor(refs: readonly string[]): SourceLink[] {
  const seen = new Set<string>();
  const links: SourceLink[] = [];
  for (const ref of refs) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (ref.startsWith('lesson:')) {
      const slug = ref.slice('lesson:'.length);
      links.push({ href: `/lessons/${slug}`, label: lessonLabel(slug), title: lessonLabel(slug) });
    } else {
      const s = getSource(ref);
      links.push({ href: `/sources#${ref}`, label: shortSourceLabel(s.title, s.year, s.authors), title: s.title });
    }
  }
  return links;
}
