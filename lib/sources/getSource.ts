import { SOURCES } from './catalog';
import type { SourceEntry } from './types';

const BY_ID: ReadonlyMap<string, SourceEntry> = new Map(SOURCES.map((entry) => [entry.id, entry]));

/**
 * The sources-list entry with this id.
 *
 * @throws {Error} "Unknown source: <id>" when no entry has that id.
 * @example getSource('qlora-2305.14314').url // 'https://arxiv.org/abs/2305.14314'
 */
export function getSource(id: string): SourceEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`Unknown source: ${id}`);
  return entry;
}

/** Whether a source with this id exists. @example hasSource('gptq-2210.17323') // true */
export function hasSource(id: string): boolean {
  return BY_ID.has(id);
}
