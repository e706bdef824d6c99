/**
 * Browser storage for the pages that keep practice progress (/practice, /interview,
 * lesson quizzes). Progress itself is read and written only through
 * `lib/practice/progress-store` (which refuses to overwrite data it could not read);
 * this file adapts `window.localStorage` to it and words its outcomes for the learner.
 */
import {
  storageFailureOf,
  type KeyValueStorage,
  type StorageFailure,
  type StoreWrite,
} from '@/lib/practice/progress-store';

/**
 * `window.localStorage`, looked up on each call: merely reading the property throws
 * where storage is blocked (privacy settings, sandboxed iframes), and the store turns
 * that throw into a reason.
 */
export const browserStorage: KeyValueStorage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
};

export type StorageRead = { ok: true; value: string | null } | { ok: false; error: string };

export const BLOCKED_READ_MESSAGE =
  'This browser blocks storage for this site, so progress cannot be loaded or kept after you leave. Practice still works; use Export to keep a copy.';

/** Reads a non-progress value (preferences). */
export function readStorage(key: string): StorageRead {
  try {
    return { ok: true, value: window.localStorage.getItem(key) };
  } catch {
    return { ok: false, error: BLOCKED_READ_MESSAGE };
  }
}

/** The sentence for a storage failure. */
export function failureMessage(reason: StorageFailure): string {
  return reason === 'full'
    ? 'Your progress could not be saved: browser storage for this site is full. Use Export to keep a copy.'
    : 'Your progress could not be saved: this browser blocks storage for this site. Use Export to keep a copy before you leave.';
}

/** Writes a non-progress value (preferences). Undefined when written, else the message to show. */
export function writeStorage(key: string, value: string): string | undefined {
  try {
    window.localStorage.setItem(key, value);
    return undefined;
  } catch (e) {
    return failureMessage(storageFailureOf(e));
  }
}

/** Undefined when the store wrote, else the sentence saying why nothing was saved. */
export function writeMessage(r: StoreWrite): string | undefined {
  if (r.ok) return undefined;
  if (r.reason === 'unreadable') {
    return 'Not saved: the progress already saved in this browser could not be read, and it is kept as it is until you choose (see the notice above: download it, then replace it).';
  }
  return failureMessage(r.reason);
}

/** Offers `text` as a file download (an object URL on a temporary link). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
