/**
 * The memory calculator's pure logic: options for its selects, its URL state
 * (parse / validate / serialise), reading a pasted config.json, the stacked bar's
 * layout, the per-GPU fit table, and the results with the fields to fix when there
 * are none. No React, no DOM.
 */
export * from './options';
export * from './config';
export * from './urlState';
export * from './bar';
export * from './format';
export * from './results';
export * from './variants';
export * from './weightChoice';
export * from './vllmLogCheck';
