/**
 * The question bank's data model. Everything here is plain JSON (no Date, Map or
 * functions) so a parsed bank can be passed from a server component to a client
 * island as props. The markdown form authors write is described in
 * `content/questions/README.md`; `parse.ts` turns it into these types.
 */
import type { UnitSymbol } from './units';
import type { SourceLink } from '../sources/links';

/** The five factors of the 4-bit-or-8-bit decision. */
export const FACTORS = ['precision', 'memory', 'method', 'speed', 'cost'] as const;
export type Factor = (typeof FACTORS)[number];

/** Extra topics a question may be filed under instead of one of the five factors. */
export const EXTRA_TOPICS = ['kv-cache', 'fp8', 'outliers', 'calibration', 'serving'] as const;
export type ExtraTopic = (typeof EXTRA_TOPICS)[number];

/** What a question's `factor:` line may hold: a factor or an extra topic. */
export type Topic = Factor | ExtraTopic;
export const TOPICS: readonly Topic[] = [...FACTORS, ...EXTRA_TOPICS];

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'numeric', 'ordering', 'flaw', 'open'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A piece of authored markdown and its HTML (rendered at build time, KaTeX included). */
export interface RichText {
  md: string;
  html: string;
}

/** Where a question was written: `content/questions/<file>.md`, 1-based line of its `## id` heading. */
export interface QuestionLocation {
  file: string;
  line: number;
}

interface QuestionCommon {
  /** Unique across the bank; progress is keyed by it. Generated questions: `gen:<template>:<seed>`. */
  id: string;
  factor: Topic;
  level: Level;
  tags: readonly string[];
  /** Source ids (lib/sources catalog) and `lesson:<slug>` references; at least one. */
  sources: readonly string[];
  /** `sources` resolved to links for display (`withSourceLinks`); absent until resolved. */
  sourceLinks?: readonly SourceLink[];
  prompt: RichText;
  /** Up to three, shown one at a time: formula, numbers, answer. */
  hints: readonly RichText[];
  /** Shown after answering (worked solution for numeric questions). */
  explain?: RichText;
  /** Keep options in written order (never shuffle). Always true for `flaw`. */
  pin: boolean;
  /** Absent for generated questions. */
  location?: QuestionLocation;
  /**
   * Short hash of the bank files this question was loaded from (`bankVersionOf`, set at
   * build time by content/questions.ts), quoted in problem reports. Absent for generated questions.
   */
  bankVersion?: string;
}

/**
 * One option of a choice question or one step of a flaw question. Options are
 * identified by their index in written order (0-based); shuffling only changes
 * the order they are displayed in.
 */
export interface ChoiceOption {
  /** Inline HTML (no wrapping `<p>`). */
  text: RichText;
  /** Why it is right, or why it tempts and is wrong (for a flaw step: why the step is fine). */
  explanation: RichText;
  /** For `flaw`: true on the wrong step. */
  correct: boolean;
}

export interface SingleQuestion extends QuestionCommon {
  type: 'single';
  options: readonly ChoiceOption[];
}

export interface MultipleQuestion extends QuestionCommon {
  type: 'multiple';
  options: readonly ChoiceOption[];
}

/** "Spot the flaw": the options are the steps of a claim, in order; exactly one is wrong. */
export interface FlawQuestion extends QuestionCommon {
  type: 'flaw';
  options: readonly ChoiceOption[];
}

/** A number with a unit, as written in `answer:` (e.g. 39.8 GB). */
export interface Quantity {
  value: number;
  unit: UnitSymbol;
}

/**
 * `relative`: accept |x − a| ≤ fraction·|a|. `absolute`: accept |x − a| ≤ amount
 * (converted to the answer's unit). Both edges are inclusive (see `gradeNumeric`).
 */
export type Tolerance = { kind: 'relative'; fraction: number } | { kind: 'absolute'; amount: Quantity };

export interface NumericQuestion extends QuestionCommon {
  type: 'numeric';
  answer: Quantity;
  tolerance: Tolerance;
  explain: RichText;
}

export interface OrderingQuestion extends QuestionCommon {
  type: 'ordering';
  /** In the correct order; shown shuffled. Items are identified by this index. */
  items: readonly RichText[];
  explain: RichText;
}

export interface OpenQuestion extends QuestionCommon {
  type: 'open';
  /** The points a strong answer makes; the learner ticks the ones they made. */
  rubric: readonly RichText[];
  model: RichText;
}

export type ChoiceQuestion = SingleQuestion | MultipleQuestion | FlawQuestion;
export type Question = ChoiceQuestion | NumericQuestion | OrderingQuestion | OpenQuestion;
