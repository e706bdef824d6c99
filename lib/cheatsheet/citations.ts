import { getSource } from '../sources';
import type { SourceEntry } from '../sources/types';

/** A numbered reference of a printed page: its number, its /sources id and a short label. */
export interface NumberedSource {
  /** 1-based, in order of first citation. */
  n: number;
  id: string;
  /** "Kurtic et al., 2024" or a short title, for a compact reference list. */
  label: string;
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
    const first = s.authors.split(/,| and /)[0]!.trim().replace(/ et al\.?$/, '');
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
