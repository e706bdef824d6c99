/**
 * The learner's saved progress: schema, versioning, migration, export and import.
 * Pure: it takes and returns strings and plain objects; the UI reads and writes
 * `localStorage` (key {@link PROGRESS_STORAGE_KEY}) itself.
 *
 * Robustness rules:
 * - `loadProgress` never throws. Missing data → fresh progress. Version 1 →
 *   migrated. Damaged version-2 data → the valid parts are kept, the rest dropped.
 *   Unparseable, unknown or future data → fresh progress. Whenever data is changed
 *   or dropped, `notice` says so in a sentence the UI must show, and `discarded`
 *   holds the original text so the UI can offer it as a backup download.
 * - `importProgress` is strict: it never half-imports. A file that is not a valid
 *   export comes back as an error message; nothing is reset.
 * - Import policy: **replace**. The imported progress replaces the current one
 *   entirely (no merge), so the UI must confirm first.
 *
 * Dates are ISO-8601 strings (JSON-safe); FSRS card fields are kept as ts-fsrs
 * names them, in camelCase.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini (≈ 7 kB gzipped) instead of classic zod (≈ 100 kB): this module ships to the
// client. English messages for import errors.
z.config(en());

/** Current schema version. */
export const PROGRESS_VERSION = 2;
/** Identifies this site's exports. */
export const PROGRESS_APP_ID = 'quant-70b-practice';
/** Suggested localStorage key (versioned data lives inside; the key never changes). */
export const PROGRESS_STORAGE_KEY = 'quant-70b:practice-progress';

export const DEFAULT_SETTINGS = {
  /** New questions introduced per day. */
  dailyNewCap: 10,
  /** Reviews shown per day (the rest wait: a backlog is what makes people quit). */
  dailyReviewCap: 100,
  /**
   * FSRS desired retention (ts-fsrs `request_retention`): 0.9 is ts-fsrs's
   * exported `default_request_retention` (open-spaced-repetition/ts-fsrs v5.4.2, the version
   * package.json pins) and Anki's default "Desired retention" (ankitects/anki-manual,
   * src/deck-options.md). A test checks it against ts-fsrs.
   */
  desiredRetention: 0.9,
} as const;

/**
 * The range each setting may take (inclusive). Retention: Anki's manual recommends
 * keeping desired retention below 0.97, since the review load grows steeply towards 1
 * (at 0.97 intervals are about 3.7× shorter than at 0.90; ankitects/anki-manual,
 * src/deck-options.md, "Desired Retention"); 0.70 is this site's floor, below which
 * most answers would be forgotten between reviews. Caps: 0 pauses new questions or
 * reviews; the upper bounds only keep values sane.
 */
export const SETTINGS_BOUNDS = {
  dailyNewCap: { min: 0, max: 1000 },
  dailyReviewCap: { min: 0, max: 10000 },
  desiredRetention: { min: 0.7, max: 0.97 },
} as const;

const isoDate = z
  .string()
  .check(z.refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO date'));
const count = z.int().check(z.minimum(0), z.maximum(1e9));
const numberIn = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const dayString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const key = z.string().check(z.maxLength(200));

/** FSRS card state (ts-fsrs `Card`, dates as ISO strings). */
export const cardStateSchema = z.object({
  due: isoDate,
  stability: numberIn(0, 1e6),
  difficulty: numberIn(0, 11),
  elapsedDays: numberIn(0, 1e6),
  scheduledDays: numberIn(0, 1e6),
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: z.optional(isoDate),
});
export type CardState = z.infer<typeof cardStateSchema>;

/** Everything known about one question (or, for generated questions, one template: `gen:<template>`). */
export const itemProgressSchema = z
  .object({
    /** The question's factor or topic when last answered (so progress per factor survives bank edits). */
    factor: z.string().check(z.minLength(1), z.maxLength(40)),
    /** Answers given. */
    seen: count,
    /** Answers graded right / wrong. */
    correct: count,
    wrong: count,
    /** Answers given after opening at least one hint. */
    withHints: count,
    lastResult: z.optional(z.enum(['right', 'wrong'])),
    lastAnsweredAt: z.optional(isoDate),
    card: cardStateSchema,
  })
  .check(
    // Every answer is graded right or wrong (`recordAnswer`), so right + wrong ≤ answers given, and hints were
    // opened on at most every answer. Data breaking this was not written by this site (e.g. `correct > seen`
    // would show an accuracy over 100 %): it is dropped, like any other damaged entry.
    z.refine(
      (it) => it.correct + it.wrong <= it.seen && it.withHints <= it.seen,
      'right + wrong and answers with hints cannot exceed answers given',
    ),
  );
export type ItemProgress = z.infer<typeof itemProgressSchema>;

/** Rubric points: a learner cannot make more points than the questions offered (`scoreInterview`). */
const scoreSchema = z
  .object({ made: count, possible: count })
  .check(z.refine((sc) => sc.made <= sc.possible, 'points made cannot exceed points possible'));

/** One finished mock interview. */
export const interviewRecordSchema = z
  .object({
    finishedAt: isoDate,
    /** Rubric points made / possible per factor. */
    byFactor: z.record(z.string().check(z.maxLength(40)), scoreSchema),
    total: scoreSchema,
    questionIds: z.array(key).check(z.maxLength(50)),
  })
  .check(
    // The total is the sum over factors (`scoreInterview`); a record whose parts disagree with it is not ours.
    z.refine((r) => {
      const scores = Object.values(r.byFactor);
      return (
        scores.reduce((s, x) => s + x.made, 0) === r.total.made &&
        scores.reduce((s, x) => s + x.possible, 0) === r.total.possible
      );
    }, 'the total must be the sum of the points per factor'),
  );
export type InterviewRecord = z.infer<typeof interviewRecordSchema>;

export const settingsSchema = z.object({
  dailyNewCap: z.int().check(z.minimum(SETTINGS_BOUNDS.dailyNewCap.min), z.maximum(SETTINGS_BOUNDS.dailyNewCap.max)),
  dailyReviewCap: z
    .int()
    .check(z.minimum(SETTINGS_BOUNDS.dailyReviewCap.min), z.maximum(SETTINGS_BOUNDS.dailyReviewCap.max)),
  desiredRetention: numberIn(SETTINGS_BOUNDS.desiredRetention.min, SETTINGS_BOUNDS.desiredRetention.max),
});
export type PracticeSettings = z.infer<typeof settingsSchema>;

/**
 * Progress with new settings, validated against {@link SETTINGS_BOUNDS}; never half-applied.
 * The new caps apply to what is left of today (answers already given still count);
 * a new retention target applies to each card's next review (due dates already set stay).
 *
 * @example withSettings(p, { dailyNewCap: 20, dailyReviewCap: 100, desiredRetention: 0.9 }).ok // true
 * @example withSettings(p, { dailyNewCap: 20, dailyReviewCap: 100, desiredRetention: 0.99 }).ok // false
 */
export function withSettings(
  progress: Progress,
  settings: PracticeSettings,
): { ok: true; progress: Progress } | { ok: false; field: keyof PracticeSettings } {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return { ok: false, field: (typeof field === 'string' ? field : 'dailyNewCap') as keyof PracticeSettings };
  }
  return { ok: true, progress: { ...progress, settings: parsed.data } };
}

const dailySchema = z.object({ day: dayString, newSeen: count, reviewsDone: count });

/** What was changed by the last answer, so it can be undone (a mis-tap). */
const undoSchema = z.object({
  key,
  attemptsKey: key,
  previous: z.nullable(itemProgressSchema),
  previousAttempts: count,
  previousDaily: dailySchema,
});

export const LEARNER_SEED_PATTERN = /^[A-Za-z0-9]{6,32}$/;

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  /** Random once per browser; seeds parametric questions and option shuffles. */
  learnerSeed: z.string().check(z.regex(LEARNER_SEED_PATTERN)),
  createdAt: isoDate,
  /** Keyed by question id (or `gen:<template>` for generated questions: see `scheduleKey`). */
  items: z.record(key, itemProgressSchema),
  /** Attempts per question id (shuffle attempt number) and per template (generator seed counter). */
  attempts: z.record(key, count),
  /** Counters for the daily caps; reset when `day` (local date) changes. */
  daily: dailySchema,
  settings: settingsSchema,
  /** Finished mock interviews, newest last (at most 50 kept). */
  interviews: z.array(interviewRecordSchema).check(z.maxLength(50)),
  undo: z.optional(undoSchema),
});
export type Progress = z.infer<typeof progressSchema>;

/** Version 1, as the first release stored it: right/wrong counts per question. */
export const progressV1Schema = z.object({
  version: z.literal(1),
  answers: z.record(z.string(), z.object({ right: count, wrong: count })),
});
export type ProgressV1 = z.infer<typeof progressV1Schema>;

/** The learner's local calendar day, "YYYY-MM-DD" (the daily caps reset at local midnight). */
export function localDay(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const SEED_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A new random learner seed: 12 characters from a 32-letter alphabet (60 bits).
 * Uses `crypto.getRandomValues` when present (browsers, Node ≥ 19), else Math.random.
 * @example LEARNER_SEED_PATTERN.test(newLearnerSeed()) // true
 */
export function newLearnerSeed(randomBytes?: (n: number) => Uint8Array): string {
  const bytes =
    randomBytes?.(12) ??
    (globalThis.crypto?.getRandomValues
      ? globalThis.crypto.getRandomValues(new Uint8Array(12))
      : Uint8Array.from({ length: 12 }, () => Math.floor(Math.random() * 256)));
  return Array.from(bytes.slice(0, 12), (b) => SEED_ALPHABET[b % 32]).join('');
}

/** Fresh progress for a new learner. */
export function createProgress(now: Date, learnerSeed: string = newLearnerSeed()): Progress {
  return {
    version: PROGRESS_VERSION,
    learnerSeed: LEARNER_SEED_PATTERN.test(learnerSeed) ? learnerSeed : newLearnerSeed(),
    createdAt: now.toISOString(),
    items: {},
    attempts: {},
    daily: { day: localDay(now), newSeen: 0, reviewsDone: 0 },
    settings: { ...DEFAULT_SETTINGS },
    interviews: [],
  };
}

/** An FSRS card that has never been reviewed, due now. */
export function emptyCardState(now: Date): CardState {
  return {
    due: now.toISOString(),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'new',
  };
}

export interface LoadResult {
  progress: Progress;
  /** A sentence to show the learner when their data was migrated, repaired or reset. */
  notice?: string;
  /** The original text when anything was dropped, for a "download the old data" link. */
  discarded?: string;
}

function migrateV1(v1: ProgressV1, now: Date): { progress: Progress; kept: number } {
  const progress = createProgress(now);
  let kept = 0;
  for (const [id, { right, wrong }] of Object.entries(v1.answers)) {
    if (id.length > 200 || right + wrong === 0) continue;
    progress.items[id] = {
      // v1 did not store factors; the UI fills them in from the bank on the next answer.
      factor: 'unknown',
      seen: right + wrong,
      correct: right,
      wrong,
      withHints: 0,
      card: emptyCardState(now),
    };
    kept++;
  }
  return { progress, kept };
}

/** Keeps every valid part of damaged version-2 data. Returns undefined when nothing is worth keeping. */
function salvageV2(data: Record<string, unknown>, now: Date): { progress: Progress; dropped: number } | undefined {
  const fresh = createProgress(now);
  let dropped = 0;
  const seed =
    typeof data.learnerSeed === 'string' && LEARNER_SEED_PATTERN.test(data.learnerSeed) ? data.learnerSeed : undefined;
  if (!seed) dropped++;
  const progress: Progress = { ...fresh, learnerSeed: seed ?? fresh.learnerSeed };
  const created = isoDate.safeParse(data.createdAt);
  if (created.success) progress.createdAt = created.data;
  if (data.items && typeof data.items === 'object' && !Array.isArray(data.items)) {
    for (const [id, raw] of Object.entries(data.items as Record<string, unknown>)) {
      const item = itemProgressSchema.safeParse(raw);
      if (item.success && id.length <= 200) progress.items[id] = item.data;
      else dropped++;
    }
  } else if (data.items !== undefined) dropped++;
  if (data.attempts && typeof data.attempts === 'object' && !Array.isArray(data.attempts)) {
    for (const [id, raw] of Object.entries(data.attempts as Record<string, unknown>)) {
      const n = count.safeParse(raw);
      if (n.success && id.length <= 200) progress.attempts[id] = n.data;
      else dropped++;
    }
  }
  const settings = settingsSchema.safeParse(data.settings);
  if (settings.success) progress.settings = settings.data;
  else if (data.settings !== undefined) dropped++;
  const daily = dailySchema.safeParse(data.daily);
  if (daily.success) progress.daily = daily.data;
  if (Array.isArray(data.interviews)) {
    for (const raw of data.interviews.slice(-50)) {
      const r = interviewRecordSchema.safeParse(raw);
      if (r.success) progress.interviews.push(r.data);
      else dropped++;
    }
  }
  const worthKeeping = seed !== undefined || Object.keys(progress.items).length > 0;
  return worthKeeping ? { progress, dropped } : undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Reads saved progress (the string from localStorage, or null). Never throws.
 *
 * @example loadProgress(null, now).notice // undefined (a new learner)
 * @example loadProgress('{oops', now).notice // 'Your saved practice progress could not be read (…) and has been reset. …'
 */
export function loadProgress(raw: string | null | undefined, now: Date = new Date()): LoadResult {
  try {
    return loadProgressUnsafe(raw, now);
  } catch {
    // Unreachable by design (every step is guarded); this keeps the promise "never throws".
    return {
      progress: createProgress(now),
      notice: 'Your saved practice progress could not be read and has been reset.',
      ...(typeof raw === 'string' ? { discarded: raw } : {}),
    };
  }
}

/** JSON.parse reviver: drops `__proto__` keys so parsed data can never set an object's prototype. */
function dropProtoKeys(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

const RESET_TAIL = 'You can download the old data below before it is overwritten.';

function loadProgressUnsafe(raw: string | null | undefined, now: Date): LoadResult {
  if (raw === null || raw === undefined || raw.trim() === '') return { progress: createProgress(now) };
  let data: unknown;
  try {
    data = JSON.parse(raw, dropProtoKeys);
  } catch {
    return {
      progress: createProgress(now),
      notice: `Your saved practice progress could not be read (it is not valid JSON) and has been reset. ${RESET_TAIL}`,
      discarded: raw,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      progress: createProgress(now),
      notice: `Your saved practice progress was in an unknown format and has been reset. ${RESET_TAIL}`,
      discarded: raw,
    };
  }
  const version = (data as { version?: unknown }).version;
  if (version === PROGRESS_VERSION) {
    const parsed = progressSchema.safeParse(data);
    if (parsed.success) return { progress: rollDay(parsed.data, now) };
    const salvaged = salvageV2(data as Record<string, unknown>, now);
    if (salvaged) {
      return {
        progress: rollDay(salvaged.progress, now),
        notice: `Part of your saved practice progress was damaged and has been repaired: ${plural(salvaged.dropped, 'entry', 'entries')} could not be read and ${salvaged.dropped === 1 ? 'was' : 'were'} removed; the rest is kept.`,
        discarded: raw,
      };
    }
    return {
      progress: createProgress(now),
      notice: `Your saved practice progress was damaged and has been reset. ${RESET_TAIL}`,
      discarded: raw,
    };
  }
  if (version === 1) {
    const v1 = progressV1Schema.safeParse(data);
    if (v1.success) {
      const { progress, kept } = migrateV1(v1.data, now);
      return {
        progress,
        notice: `Your practice progress was upgraded to the new format: answers to ${plural(kept, 'question')} are kept; review scheduling starts fresh.`,
      };
    }
    return {
      progress: createProgress(now),
      notice: `Your saved practice progress (old format) was damaged and has been reset. ${RESET_TAIL}`,
      discarded: raw,
    };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return {
      progress: createProgress(now),
      notice: `Your saved practice progress was written by a newer version of this site (format ${version}) and cannot be read here, so practice starts fresh. ${RESET_TAIL}`,
      discarded: raw,
    };
  }
  return {
    progress: createProgress(now),
    notice: `Your saved practice progress was in an unknown format and has been reset. ${RESET_TAIL}`,
    discarded: raw,
  };
}

/** Resets the daily counters when the local day has changed. */
export function rollDay(progress: Progress, now: Date): Progress {
  const day = localDay(now);
  return progress.daily.day === day ? progress : { ...progress, daily: { day, newSeen: 0, reviewsDone: 0 } };
}

/** Compact JSON for localStorage. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/**
 * A pretty-printed export file: `{ app, exportedAt, progress }`.
 * @example JSON.parse(exportProgress(p, now)).app // 'quant-70b-practice'
 */
export function exportProgress(progress: Progress, now: Date = new Date()): string {
  const { undo: _undo, ...rest } = progress;
  void _undo;
  return `${JSON.stringify({ app: PROGRESS_APP_ID, exportedAt: now.toISOString(), progress: rest }, null, 2)}\n`;
}

/** A suggested file name for an export: `quant-70b-progress-2025-03-01.json`. */
export function exportFileName(now: Date = new Date()): string {
  return `quant-70b-progress-${localDay(now)}.json`;
}

export type ImportResult = { ok: true; progress: Progress; notice?: string } | { ok: false; error: string };

/**
 * Reads an export file. Strict: returns an error message (never a partial import)
 * for text that is not JSON, not an export of this site, damaged, or from a newer
 * version. Also accepts a bare progress object (as stored in localStorage).
 * Policy: the result **replaces** the current progress.
 *
 * @example importProgress('hello').ok // false, error 'This file is not valid JSON: …'
 */
export function importProgress(text: string, now: Date = new Date()): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text, dropProtoKeys);
  } catch (e) {
    return { ok: false, error: `This file is not valid JSON: ${(e as Error).message}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'This file is not a progress export from this site.' };
  }
  const obj = data as Record<string, unknown>;
  let payload: unknown = obj;
  if ('app' in obj || 'progress' in obj) {
    if (obj.app !== PROGRESS_APP_ID) {
      return {
        ok: false,
        error: `This file is not a progress export from this site (expected app "${PROGRESS_APP_ID}", found ${JSON.stringify(obj.app ?? null)}).`,
      };
    }
    payload = obj.progress;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, error: 'The file has no progress data in it.' };
  }
  const version = (payload as { version?: unknown }).version;
  if (version === PROGRESS_VERSION) {
    const parsed = progressSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? issue.path.map(String).join('.') || '(top level)' : '?';
      return {
        ok: false,
        error: `The progress data in this file is damaged (${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? '' : 's'}; first at "${where}": ${issue?.message ?? 'invalid'}). Nothing was imported.`,
      };
    }
    return { ok: true, progress: rollDay(parsed.data, now) };
  }
  if (version === 1) {
    const v1 = progressV1Schema.safeParse(payload);
    if (!v1.success)
      return { ok: false, error: 'The progress data in this file (old format) is damaged. Nothing was imported.' };
    const { progress, kept } = migrateV1(v1.data, now);
    return {
      ok: true,
      progress,
      notice: `Imported an old-format export: answers to ${plural(kept, 'question')}; review scheduling starts fresh.`,
    };
  }
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return {
      ok: false,
      error: `This export comes from a newer version of the site (format ${version}); this page reads format ${PROGRESS_VERSION}. Nothing was imported.`,
    };
  }
  return { ok: false, error: 'The file has no recognisable progress data (missing "version").' };
}
