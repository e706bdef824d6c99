export type { SourceEntry } from './types';
export { SOURCES } from './catalog';
export { getSource, hasSource } from './getSource';
export { shortSourceLabel, sourceLinksFor, type SourceLink } from './links';
