import { getSource } from './getSource';
import type { SourceEntry } from './types';

/** A citation ready to show as a link: where it goes, its short text, and the full title. */
export interface SourceLink {
  /** `/sources#<id>` for a catalog entry, `/lessons/<slug>` for a lesson of this site. */
  href: string;
  /** Short text, e.g. "QLoRA, 2023" or "Memory lesson". */
  label: string;
  /** Full title (for the link's tooltip and for screen readers that read titles). */
  title: string;
}

/** Longest label {@link shortSourceLabel} returns before the year. */
const MAX_LABEL = 44;

/**
 * A short label for a compact reference list. Papers: the first author's surname,
 * "et al." when there are several, and the year. Everything else: the title up to
 * its first " (" (an issue's description) or ': "' (a pull request's quoted title), cut
 * to at most 44 characters: at a word boundary when one falls in the second half, else
 * in the middle (a path or model id keeps its distinctive end), with the year when known.
 *
 * @throws {Error} "Unknown source: <id>" for an id not in lib/sources.
 * @example shortSourceLabel('bf16-or-death-2411.02355') // "Kurtic et al., 2024"
 * @example shortSourceLabel('gh-nccl-1264')             // "NVIDIA/nccl issue #1264"
 * @example shortSourceLabel('vllm-docs-fp8')            // "vLLM documentation: FP8 W8A8"
 * @example shortSourceLabel('nm-llama-3.1-70b-instruct-w4a16') // "neuralmagic/Me…-70B-Instruct-quantized.w4a16, 2024"
 */
export function shortSourceLabel(id: string): string {
  const s: SourceEntry = getSource(id);
  const year = s.year ? `, ${s.year}` : '';
  if (s.kind === 'paper' && s.authors && !/team|@/i.test(s.authors)) {
    const first = s.authors
      .split(/,| and /)[0]!
      .trim()
      .replace(/ et al\.?$/, '');
    const surname = first.split(/\s+/).pop()!;
    const several = /,| and |et al/.test(s.authors);
    return `${surname}${several ? ' et al.' : ''}${year}`;
  }
  let head = s.title.split(' (')[0]!.split(': "')[0]!.trim();
  if (head.length > MAX_LABEL) {
    const space = head.lastIndexOf(' ', MAX_LABEL - 1);
    head =
      space >= MAX_LABEL / 2
        ? `${head.slice(0, space).replace(/[\s:,;—–-]+$/, '')}…`
        : // A long unbroken name (a file path, a model id): its end tells entries apart.
          `${head.slice(0, 14)}…${head.slice(head.length - (MAX_LABEL - 15))}`;
  }
  return `${head}${year}`;
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
      links.push({ href: `/sources#${ref}`, label: shortSourceLabel(ref), title: s.title });
    }
  }
  return links;
}
