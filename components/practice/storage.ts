/**
 * localStorage access for /practice that never throws: storage may be blocked
 * (privacy settings, sandboxed iframes) or full. Each call says what went wrong in a
 * sentence for the page to show.
 */
export type StorageRead = { ok: true; value: string | null } | { ok: false; error: string };

export function readStorage(key: string): StorageRead {
  try {
    return { ok: true, value: window.localStorage.getItem(key) };
  } catch {
    return { ok: false, error: 'This browser blocks storage for this site, so progress cannot be loaded or kept after you leave. Practice still works; use Export to keep a copy.' };
  }
}

/** Undefined when written, else the message to show. */
export function writeStorage(key: string, value: string): string | undefined {
  try {
    window.localStorage.setItem(key, value);
    return undefined;
  } catch (e) {
    const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
    return full
      ? 'Your progress could not be saved: browser storage for this site is full. Use Export to keep a copy.'
      : 'Your progress could not be saved: this browser blocks storage for this site. Use Export to keep a copy before you leave.';
  }
}

/** Offers `text` as a file download (an object URL on a temporary link). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
