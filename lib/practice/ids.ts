/**
 * Ids of generated questions, in a module of their own so that scheduling and
 * progress code can recognise them without importing the generators (which pull
 * in the model, format and GPU catalogs).
 */

/** Seeds allowed in generated ids. */
export const GENERATOR_SEED_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** The id of a generated question. @example generatedId('weights-memory', 'abc-0') // 'gen:weights-memory:abc-0' */
export function generatedId(templateId: string, seed: string): string {
  return `gen:${templateId}:${seed}`;
}

/** Splits a generated id; undefined for bank ids. @example parseGeneratedId('gen:kv-per-token:x1') // { templateId: 'kv-per-token', seed: 'x1' } */
export function parseGeneratedId(id: string): { templateId: string; seed: string } | undefined {
  const m = /^gen:([a-z0-9-]+):([A-Za-z0-9_.-]{1,64})$/.exec(id);
  return m ? { templateId: m[1] as string, seed: m[2] as string } : undefined;
}

/**
 * The seed for a learner's n-th question of a template: stable across reloads as
 * long as the learner seed and the count (`attemptOf(progress, 'gen:<template>')`) are.
 * @example generatorSeed('k3j9x2', 0) // 'k3j9x2-0'
 */
export function generatorSeed(learnerSeed: string, attempt: number): string {
  return `${learnerSeed}-${attempt}`;
}
