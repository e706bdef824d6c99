import { z } from 'zod';

/** The five factors of the 4-bit vs 8-bit decision, plus the synthesis lessons. */
export const FACTORS = ['precision', 'memory', 'method', 'speed', 'cost', 'decision', 'fact-check'] as const;
export type Factor = (typeof FACTORS)[number];

/** Metadata every lesson exports as `export const meta = { ... }`. */
export const lessonMetaSchema = z
  .object({
    /** Page title and H1. */
    title: z.string().min(3).max(90),
    /** One or two sentences for the lesson list and the meta description. */
    summary: z.string().min(20).max(300),
    factor: z.enum(FACTORS),
    /** Position in the lesson sequence, 1-based. */
    order: z.number().int().positive(),
    /** Reading time in minutes. */
    minutes: z.number().int().positive().max(120),
  })
  .strict();

export type LessonMeta = z.infer<typeof lessonMetaSchema>;

/** Validates a lesson's metadata, naming the file and the field in the error. */
export function parseLessonMeta(slug: string, meta: unknown): LessonMeta {
  const parsed = lessonMetaSchema.safeParse(meta);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(meta)'}: ${i.message}`).join('; ');
    throw new Error(`content/lessons/${slug}.mdx: invalid \`export const meta\`: ${issues}`);
  }
  return parsed.data;
}
