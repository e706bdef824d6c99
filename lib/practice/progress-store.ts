/**
 * The one way saved progress is read and written. /practice, the mock interview and
 * the lesson quizzes all go through here, so one rule holds for every writer:
 *
 *   **Saved data that could not be read whole is never overwritten** unless the caller
 *   passes that exact text back as `replaceUnreadable`, which a page does only after
 *   the learner was offered it as a download and chose to replace it.
 *
 * "Could not be read whole" is `loadProgress` returning `discarded`: invalid JSON, an
 * unknown or newer format, or version-2 data with damaged entries (a repair would drop
 * them). A version-1 migration keeps every answer, so it is not blocked.
 *
 * The guard re-reads storage at write time, so it also protects against data that
 * another tab (or a lesson quiz in the same tab) wrote after the page loaded.
 *
 * Pure: storage is passed in as a {@link KeyValueStorage} (the page adapts
 * `window.localStorage`); a storage that throws (blocked, full) is reported as a
 * reason, never thrown. Sentences for the learner live with the components.
 */
import { loadProgress, PROGRESS_STORAGE_KEY, serializeProgress, type Progress } from './progress';

/** The part of the Web Storage API the store uses; both methods may throw. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Why storage failed: `full` is a quota error, `blocked` anything else (privacy settings, sandboxed frames). */
export type StorageFailure = 'full' | 'blocked';

export type StoreRead =
  /** Readable (or nothing saved, or migrated from version 1 with every answer kept). */
  | { status: 'ok'; progress: Progress; notice?: string }
  /**
   * Saved data exists that could not be read whole. `progress` is what could be kept
   * (fresh, or the repaired part) for use in memory; `discarded` is the saved text,
   * to offer as a download and to pass back as `replaceUnreadable`.
   */
  | { status: 'unreadable'; progress: Progress; notice: string; discarded: string }
  /** Storage cannot be read at all; `progress` is fresh and saving will fail too. */
  | { status: 'blocked'; progress: Progress };

export type StoreWrite =
  | { ok: true; progress: Progress }
  /** Refused: storage holds data that could not be read, and the learner has not chosen to replace it. */
  | { ok: false; reason: 'unreadable'; discarded: string; notice: string }
  | { ok: false; reason: StorageFailure };

export interface WriteOptions {
  /**
   * The unreadable saved text the learner chose to replace (the `discarded` they were
   * offered). Only that exact text may be overwritten; anything else unreadable is kept.
   */
  replaceUnreadable?: string;
}

/**
 * Why a storage call threw. Quota errors have different names across browsers
 * (Chromium/WebKit: QuotaExceededError; old Firefox: NS_ERROR_DOM_QUOTA_REACHED);
 * anything else is `blocked`. Exported so the page's preference writes classify
 * failures the same way as progress writes.
 * @example storageFailureOf(Object.assign(new Error(), { name: 'QuotaExceededError' })) // 'full'
 */
export function storageFailureOf(e: unknown): StorageFailure {
  const name = typeof e === 'object' && e !== null && 'name' in e ? (e as { name: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'full' : 'blocked';
}

function getRaw(
  storage: KeyValueStorage,
  key: string,
): { ok: true; raw: string | null } | { ok: false; reason: StorageFailure } {
  try {
    return { ok: true, raw: storage.getItem(key) };
  } catch (e) {
    return { ok: false, reason: storageFailureOf(e) };
  }
}

/**
 * Reads saved progress. Never throws.
 *
 * @example readProgress(storageHolding('{oops'), now) // { status: 'unreadable', discarded: '{oops', notice: 'Your saved practice progress could not be read …', progress: fresh }
 */
export function readProgress(
  storage: KeyValueStorage,
  now: Date = new Date(),
  key: string = PROGRESS_STORAGE_KEY,
): StoreRead {
  const got = getRaw(storage, key);
  if (!got.ok) return { status: 'blocked', progress: loadProgress(null, now).progress };
  const loaded = loadProgress(got.raw, now);
  if (loaded.discarded !== undefined) {
    return {
      status: 'unreadable',
      progress: loaded.progress,
      notice: loaded.notice ?? '',
      discarded: loaded.discarded,
    };
  }
  return { status: 'ok', progress: loaded.progress, ...(loaded.notice ? { notice: loaded.notice } : {}) };
}

/**
 * Applies `change` to the saved progress and writes the result, unless the saved data
 * could not be read whole and `replaceUnreadable` is not that exact text (then
 * nothing is written). Use it for writers that add to progress (an interview record,
 * a lesson answer): the change is applied to what storage holds now. Never throws
 * for storage errors; `change` itself should not throw.
 *
 * @example updateProgress(storage, (p) => addInterviewRecord(p, record), now) // { ok: true, progress } or { ok: false, reason: 'unreadable', … }
 */
export function updateProgress(
  storage: KeyValueStorage,
  change: (progress: Progress) => Progress,
  now: Date = new Date(),
  options: WriteOptions = {},
  key: string = PROGRESS_STORAGE_KEY,
): StoreWrite {
  const got = getRaw(storage, key);
  if (!got.ok) return { ok: false, reason: got.reason };
  const loaded = loadProgress(got.raw, now);
  if (loaded.discarded !== undefined && loaded.discarded !== options.replaceUnreadable) {
    return { ok: false, reason: 'unreadable', discarded: loaded.discarded, notice: loaded.notice ?? '' };
  }
  return put(storage, key, change(loaded.progress));
}

/**
 * Writes `progress` in place of what is saved (a page that holds the whole progress in
 * memory, an import, a reset), with the same guard as {@link updateProgress}.
 *
 * @example writeProgress(storage, next, {}) // { ok: true, progress: next }
 */
export function writeProgress(
  storage: KeyValueStorage,
  progress: Progress,
  options: WriteOptions = {},
  key: string = PROGRESS_STORAGE_KEY,
): StoreWrite {
  const got = getRaw(storage, key);
  if (!got.ok) return { ok: false, reason: got.reason };
  const raw = got.raw;
  // Fast path: nothing saved, or exactly the text the learner chose to replace.
  if (raw !== null && raw !== options.replaceUnreadable) {
    const loaded = loadProgress(raw);
    if (loaded.discarded !== undefined)
      return { ok: false, reason: 'unreadable', discarded: loaded.discarded, notice: loaded.notice ?? '' };
  }
  return put(storage, key, progress);
}

function put(storage: KeyValueStorage, key: string, progress: Progress): StoreWrite {
  try {
    storage.setItem(key, serializeProgress(progress));
    return { ok: true, progress };
  } catch (e) {
    return { ok: false, reason: storageFailureOf(e) };
  }
}
