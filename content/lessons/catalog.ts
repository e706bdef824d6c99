import type { MDXContent } from 'mdx/types';
import { lessonMetaSchema, type LessonMeta } from '../schema';

/**
 * The lessons: slug → metadata, in lesson order. One place, typed: a slug is a literal type,
 * so a route, a link or a question source naming a lesson that does not exist fails typecheck
 * (or, for strings read from content, the bank parser's check against LESSON_SLUGS).
 *
 * Adding a lesson: write content/lessons/<slug>.mdx, add its entry here and its loader in
 * LESSON_MODULES below; content/lessons.test.ts checks that files and entries match.
 */
export const LESSON_META = {
  precision: {
    title: 'Precision: what rounding to 8 or 4 bits does to a weight',
    summary:
      'INT8 absmax and zero-point done right (divide by the scale, then clamp), NF4 as normal quantiles with a per-block absmax, why one outlier ruins a per-tensor scale, and what published 70B results measure.',
    factor: 'precision',
    order: 1,
    minutes: 15,
  },
  memory: {
    title: 'Memory: what a 70B model really needs',
    summary:
      'Bytes per weight with the scale overhead, a KV cache set by the attention shape and its own precision, activations and runtime overhead — and no gradients. Worked for Llama-3.1-70B on A100s and an H100.',
    factor: 'memory',
    order: 2,
    minutes: 16,
  },
  methods: {
    title: 'Methods: RTN, GPTQ, AWQ, SmoothQuant and QAT',
    summary:
      'What calibration data actually does, what each method costs, and what the published numbers say — with a live look at how group size buys back round-to-nearest error.',
    factor: 'method',
    order: 3,
    minutes: 14,
  },
  speed: {
    title: 'Speed: bytes, FLOPs and the roofline',
    summary:
      'A decode step is a sum of operators, each at its own roof: small batches are bandwidth-bound and reward fewer bytes (4-bit); past the weight GEMMs’ crossover, big batches and long prompts reward 8-bit tensor cores, and the memory 4-bit frees buys bigger batches.',
    factor: 'speed',
    order: 4,
    minutes: 16,
  },
  deployment: {
    title: 'Deployment: GPUs, capacity and cost per token',
    summary:
      'How many sequences a GPU holds at a context length, how fast it decodes them, what a million tokens costs at your price, and when to split a model across GPUs.',
    factor: 'cost',
    order: 5,
    minutes: 17,
  },
  decision: {
    title: 'The decision: when 8-bit wins, when 4-bit wins, and FP8',
    summary:
      'Turn GPU, workload, accuracy bar, evaluation budget and calibration data into a format choice you can defend, including the FP8 option the post leaves out.',
    factor: 'decision',
    order: 6,
    minutes: 12,
  },
  'fact-check': {
    title: 'Fact-check: the viral 4-bit vs 8-bit answer, claim by claim',
    summary:
      'Every claim in the widely shared interview answer, with a verdict and the evidence: numbers computed by the site’s own lib or cited to a paper, model card or source file.',
    factor: 'fact-check',
    order: 7,
    minutes: 14,
  },
} as const satisfies Record<string, LessonMeta>;

export type LessonSlug = keyof typeof LESSON_META;

/** Every lesson slug, in lesson order. */
export const LESSON_SLUGS = Object.keys(LESSON_META) as LessonSlug[];

/** True when `slug` names a lesson. */
export function isLessonSlug(slug: string): slug is LessonSlug {
  return Object.hasOwn(LESSON_META, slug);
}

/**
 * A lesson's metadata, validated by the schema (title, summary, factor, order, minutes).
 *
 * @throws {Error} naming the lesson and the field when an entry breaks the schema.
 */
export function lessonMeta(slug: LessonSlug): LessonMeta {
  const parsed = lessonMetaSchema.safeParse(LESSON_META[slug]);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(meta)'}: ${i.message}`).join('; ');
    throw new Error(`lesson "${slug}": invalid metadata: ${issues}`);
  }
  return parsed.data;
}

/** Every lesson with its metadata, in lesson order. */
export function allLessons(): Array<{ slug: LessonSlug; meta: LessonMeta }> {
  return LESSON_SLUGS.map((slug) => ({ slug, meta: lessonMeta(slug) })).sort((a, b) => a.meta.order - b.meta.order);
}

/** The compiled MDX of each lesson, loaded by the lesson and slide routes at build time. */
export const LESSON_MODULES: Record<LessonSlug, () => Promise<{ default: MDXContent }>> = {
  precision: () => import('./precision.mdx'),
  memory: () => import('./memory.mdx'),
  methods: () => import('./methods.mdx'),
  speed: () => import('./speed.mdx'),
  deployment: () => import('./deployment.mdx'),
  decision: () => import('./decision.mdx'),
  'fact-check': () => import('./fact-check.mdx'),
};
