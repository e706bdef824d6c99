export type { SourceEntry } from './types';
export { SOURCES } from './catalog';
export { getSource, hasSource } from './getSource';
