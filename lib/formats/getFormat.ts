import { FORMAT_ALIASES, FORMATS } from './catalog';
import type { WeightFormat } from './types';

const BY_ID: ReadonlyMap<string, WeightFormat> = new Map(FORMATS.map((format) => [format.id, format]));

/**
 * The catalog entry of a weight format, by id or alias (`FORMAT_ALIASES`:
 * "w8a8-int8" → "int8-w8a8").
 *
 * @throws {Error} "Unknown weight format: <id>" when neither an id nor an alias matches.
 * @example getFormat('nf4-dq').storage.kind // 'codebook'
 * @example getFormat('w8a8-int8').id // 'int8-w8a8'
 */
export function getFormat(id: string): WeightFormat {
  const format = BY_ID.get(id) ?? BY_ID.get(FORMAT_ALIASES[id] ?? '');
  if (!format) throw new Error(`Unknown weight format: ${id}`);
  return format;
}
