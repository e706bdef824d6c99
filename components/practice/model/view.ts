/**
 * View-model helpers for the `/practice` page: which keys the filters leave, counts
 * for the filter labels, the queue summary line, "practise ahead" and mistakes
 * sessions, the page's own saved preferences, and the keyboard-shortcut map.
 * Pure (no DOM, no storage): the page passes strings and plain objects in.
 */
import { buildQueue, mistakesDeck, type Queue } from '@/lib/practice/schedule';
import type { Progress } from '@/lib/practice/progress';
import { TOPIC_FACTOR } from '@/lib/practice/interview';
import {
  FACTORS,
  LEVELS,
  QUESTION_TYPES,
  TOPICS,
  type Factor,
  type Level,
  type Question,
  type QuestionType,
  type Topic,
} from '@/lib/practice/types';

/** One schedulable thing: a bank question (key = id) or a generator template (key = `gen:<template>`). */
export interface BankEntry {
  key: string;
  factor: Topic;
  level: Level;
  /** A human label for lists (the question id, or the template title). */
  label: string;
  generated: boolean;
  /** The question type (a template's, for generated questions). */
  type: QuestionType;
}

/** What the page needs from a generator template (a subset of `GeneratorInfo`). */
export interface TemplateInfo {
  id: string;
  title: string;
  factor: Topic;
  level: Level;
  /** The type of the questions it generates (numeric when absent). */
  type?: QuestionType;
}

/**
 * Bank questions then generator templates (as `gen:<template>` keys), in bank order:
 * the order new cards are introduced.
 * @example bankEntries([q], [{ id: 'kv-per-token', … }]).map((e) => e.key) // [q.id, 'gen:kv-per-token']
 */
export function bankEntries(
  questions: readonly Pick<Question, 'id' | 'factor' | 'level' | 'type'>[],
  templates: readonly TemplateInfo[],
): BankEntry[] {
  return [
    ...questions.map((q) => ({
      key: q.id,
      factor: q.factor,
      level: q.level,
      label: q.id,
      generated: false,
      type: q.type,
    })),
    ...templates.map((t) => ({
      key: `gen:${t.id}`,
      factor: t.factor,
      level: t.level,
      label: t.title,
      generated: true,
      type: t.type ?? ('numeric' as const),
    })),
  ];
}

/**
 * The order new cards are introduced in: junior before mid before senior, and within
 * a level one topic after another in turn (precision, memory, method, speed, cost, then
 * the extra topics), so a first session touches every factor instead of one file.
 * Stable: entries of the same level and topic keep their bank order.
 * @example introductionOrder(entries).map((e) => e.factor).slice(0, 3) // ['precision', 'memory', 'method'] when each has a junior question
 */
export function introductionOrder(entries: readonly BankEntry[]): BankEntry[] {
  const out: BankEntry[] = [];
  for (const level of LEVELS) {
    const byTopic = TOPICS.map((t) => entries.filter((e) => e.level === level && e.factor === t));
    for (let i = 0; byTopic.some((list) => i < list.length); i++) {
      for (const list of byTopic) {
        const e = list[i];
        if (e) out.push(e);
      }
    }
  }
  return out;
}

/** The learner's filter: the topics and levels to practise (an empty list means none), and optionally the types (from a link). */
export interface PracticeFilter {
  topics: Topic[];
  levels: Level[];
  /** Question types to keep; absent = every type. Only deep links set it (the panel has no type boxes). */
  types?: QuestionType[];
}

/** Every topic and level selected. */
export const ALL_FILTER: PracticeFilter = { topics: [...TOPICS], levels: [...LEVELS] };

/** Keys that pass the filter, in entry order. */
export function filterKeys(entries: readonly BankEntry[], filter: PracticeFilter): string[] {
  const topics = new Set<string>(filter.topics);
  const levels = new Set<string>(filter.levels);
  const types = filter.types ? new Set<string>(filter.types) : null;
  return entries
    .filter((e) => topics.has(e.factor) && levels.has(e.level) && (types === null || types.has(e.type)))
    .map((e) => e.key);
}

/** A filter read from `/practice?factor=…&level=…&type=…`, and the values it could not use. */
export interface LinkFilter {
  /** Null when the link sets no filter (no factor, level or type parameter, or none usable). */
  filter: PracticeFilter | null;
  /** Parameter values that are not a factor, topic, level or type, for a notice. */
  ignored: string[];
}

const listParam = (params: URLSearchParams, name: string): string[] =>
  params
    .getAll(name)
    .flatMap((v) => v.slice(0, 200).split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '')
    .slice(0, 20);

/**
 * Reads a deep link's filter (the interview scorecard's "Practise memory questions"
 * links to `/practice?factor=memory`). Each parameter takes one value or a comma list:
 *
 * - `factor`: a factor selects it and the topics scored under it in the interview
 *   (`TOPIC_FACTOR`: memory → memory + kv-cache); an extra topic selects just itself.
 * - `level`: junior, mid, senior. `type`: single, multiple, numeric, ordering, flaw, open.
 *
 * A parameter that is absent, or whose values are all unknown, does not narrow that
 * dimension; unknown values are listed in `ignored`. Values are read case-insensitively
 * and capped (200 characters, 20 values) like every other value read from a URL.
 *
 * @example readLinkFilter('?factor=memory').filter // { topics: ['memory', 'kv-cache'], levels: ['junior', 'mid', 'senior'] }
 * @example readLinkFilter('?factor=speed&level=senior&type=numeric').filter?.types // ['numeric']
 */
export function readLinkFilter(search: string): LinkFilter {
  const params = new URLSearchParams(search);
  const ignored: string[] = [];
  const topics = new Set<Topic>();
  for (const v of listParam(params, 'factor')) {
    if ((FACTORS as readonly string[]).includes(v)) {
      for (const t of TOPICS) if (TOPIC_FACTOR[t] === (v as Factor)) topics.add(t);
    } else if ((TOPICS as readonly string[]).includes(v)) topics.add(v as Topic);
    else ignored.push(`factor=${v}`);
  }
  const known = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const out: T[] = [];
    for (const v of listParam(params, name)) {
      if ((allowed as readonly string[]).includes(v)) out.push(v as T);
      else ignored.push(`${name}=${v}`);
    }
    return out;
  };
  const levels = known('level', LEVELS);
  const types = known('type', QUESTION_TYPES);
  if (topics.size === 0 && levels.length === 0 && types.length === 0) return { filter: null, ignored };
  return {
    filter: {
      topics: topics.size > 0 ? TOPICS.filter((t) => topics.has(t)) : [...TOPICS],
      levels: levels.length > 0 ? LEVELS.filter((l) => levels.includes(l)) : [...LEVELS],
      ...(types.length > 0 ? { types: QUESTION_TYPES.filter((t) => types.includes(t)) } : {}),
    },
    ignored,
  };
}

/**
 * Counts for the filter labels: per topic (under the selected levels) and per level
 * (under the selected topics), so each number says what ticking that box adds.
 */
export function filterCounts(
  entries: readonly BankEntry[],
  filter: PracticeFilter,
): { topics: Record<Topic, number>; levels: Record<Level, number> } {
  const topics = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>;
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  const selTopics = new Set<string>(filter.topics);
  const selLevels = new Set<string>(filter.levels);
  for (const e of entries) {
    if (selLevels.has(e.level)) topics[e.factor]++;
    if (selTopics.has(e.factor)) levels[e.level]++;
  }
  return { topics, levels };
}

/** The numbers for the "n due, n new left today" line. */
export interface QueueSummary {
  /** Learning and review cards to do now (reviews capped by the daily cap). */
  due: number;
  /** New cards still allowed today among the candidates. */
  newLeft: number;
  /** Reviews due beyond today's review cap. */
  overCap: number;
  text: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * @example queueSummary({ learning: ['a'], review: ['b'], new: ['c'], reviewDueTotal: 1 }).text // '2 due, 1 new left today'
 */
export function queueSummary(queue: Queue): QueueSummary {
  const due = queue.learning.length + queue.review.length;
  const newLeft = queue.new.length;
  const overCap = Math.max(0, queue.reviewDueTotal - queue.review.length);
  const text = `${due} due, ${newLeft} new left today${overCap > 0 ? ` (${plural(overCap, 'more review')} wait for tomorrow: daily cap reached)` : ''}`;
  return { due, newLeft, overCap, text };
}

/**
 * "Practise ahead" once today's queue is empty: cards of the candidates that were
 * answered before but are not due yet (soonest first), then new cards beyond the daily
 * cap (in candidate order). Excludes what today's queue still holds.
 */
export function aheadKeys(progress: Progress, candidates: readonly string[], now: Date): string[] {
  const queue = buildQueue(progress, { candidates, now });
  const inQueue = new Set([...queue.learning, ...queue.review, ...queue.new]);
  const seen: Array<{ key: string; due: number }> = [];
  const fresh: string[] = [];
  for (const key of new Set(candidates)) {
    if (inQueue.has(key)) continue;
    const item = progress.items[key];
    if (!item || item.card.state === 'new') fresh.push(key);
    else seen.push({ key, due: Date.parse(item.card.due) });
  }
  seen.sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : 1));
  return [...seen.map((s) => s.key), ...fresh];
}

/** The mistakes deck's keys that still exist (in the bank or as a template), most recent first. */
export function mistakeKeys(progress: Progress, known: ReadonlySet<string>): string[] {
  return mistakesDeck(progress)
    .map((m) => m.key)
    .filter((k) => known.has(k));
}

/** The page's own preferences (not part of the versioned progress): filters and shortcuts. */
export interface PracticePrefs {
  filter: PracticeFilter;
  shortcuts: boolean;
}

/** localStorage key for {@link PracticePrefs}. */
export const PREFS_STORAGE_KEY = 'quant-70b:practice-prefs';

export const DEFAULT_PREFS: PracticePrefs = { filter: ALL_FILTER, shortcuts: true };

/**
 * Reads saved preferences; anything missing or malformed falls back to the default
 * (never throws). Unknown topics and levels are dropped.
 * @example parsePrefs('{oops').shortcuts // true
 */
export function parsePrefs(raw: string | null | undefined): PracticePrefs {
  if (!raw) return DEFAULT_PREFS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return DEFAULT_PREFS;
  const d = data as { filter?: { topics?: unknown; levels?: unknown }; shortcuts?: unknown };
  const pickList = <T extends string>(value: unknown, allowed: readonly T[], fallback: T[]): T[] =>
    Array.isArray(value) ? allowed.filter((a) => value.includes(a)) : fallback;
  return {
    filter: {
      topics: pickList(d.filter?.topics, TOPICS, ALL_FILTER.topics),
      levels: pickList(d.filter?.levels, LEVELS, ALL_FILTER.levels),
    },
    shortcuts: typeof d.shortcuts === 'boolean' ? d.shortcuts : true,
  };
}

export function serializePrefs(prefs: PracticePrefs): string {
  return JSON.stringify(prefs);
}

/** What a key press does on the practice page. */
export type ShortcutAction =
  { kind: 'grade'; rating: 1 | 2 | 3 | 4 } | { kind: 'hint' } | { kind: 'next' } | { kind: 'undo' } | { kind: 'help' };

/** The shortcuts, for the on-screen list. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: '1 2 3 4', does: 'Grade: Again, Hard, Good, Easy (after checking)' },
  { keys: 'N', does: 'Next: accept the suggested grade' },
  { keys: 'H', does: 'Show the next hint' },
  { keys: 'U', does: 'Undo the last answer' },
  { keys: '?', does: 'Show or hide this list' },
];

/** Where a key press happened (the event target), reduced to what matters. */
export interface KeyTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

const TEXT_INPUT_TYPES = new Set([
  '',
  'text',
  'number',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

/** True when typing into this element (shortcuts must not fire there). */
export function isTypingTarget(t: KeyTarget): boolean {
  const tag = t.tagName.toUpperCase();
  if (t.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((t.type ?? '').toLowerCase());
}

/**
 * The action for a key press, or undefined (not a shortcut, a modifier held, or
 * typing in a field).
 * @example shortcutFor({ key: '3' }, { tagName: 'BODY' }) // { kind: 'grade', rating: 3 }
 */
export function shortcutFor(
  e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  target: KeyTarget,
): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (isTypingTarget(target)) return undefined;
  switch (e.key) {
    case '1':
    case '2':
    case '3':
    case '4':
      return { kind: 'grade', rating: Number(e.key) as 1 | 2 | 3 | 4 };
    case 'n':
    case 'N':
      return { kind: 'next' };
    case 'h':
    case 'H':
      return { kind: 'hint' };
    case 'u':
    case 'U':
      return { kind: 'undo' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}

/** "Accuracy 67%" style percentage; "–" when there were no answers. */
export function percentText(fraction: number, answered: boolean): string {
  return answered && Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : '–';
}

/**
 * How far through a topic's questions the learner is, as a CSS width for the
 * progress bar: round(100 × seen / total) %, "0%" for an empty topic.
 * @example seenBarWidth({ seen: 3, total: 24 }) // '13%'
 */
export function seenBarWidth({ seen, total }: { seen: number; total: number }): string {
  const share = total > 0 && Number.isFinite(seen) ? Math.min(1, Math.max(0, seen / total)) : 0;
  return `${Math.round(share * 100)}%`;
}

/** Display names of the topics (factors and extra topics). */
export const TOPIC_LABELS: Record<Topic, string> = {
  precision: 'Precision',
  memory: 'Memory',
  method: 'Method',
  speed: 'Speed',
  cost: 'Cost',
  'kv-cache': 'KV cache',
  fp8: 'FP8',
  outliers: 'Outliers',
  calibration: 'Calibration',
  serving: 'Serving',
};

/** Display names of the levels. */
export const LEVEL_LABELS: Record<Level, string> = { junior: 'Junior', mid: 'Mid', senior: 'Senior' };
