/**
 * What a deck page says about working offline (components/offline/OfflineStatus.tsx), and the checks on what the
 * service worker (public/sw.js) replies. Plain data, no DOM.
 */

export type OfflineState =
  { kind: 'checking' } | { kind: 'ready'; files: number } | { kind: 'unavailable'; reason: string };

/** The worker's reply to { type: 'offline-deck', slug }: `{ ok: true, count }` or `{ ok: false, message }`. */
export type WorkerReply = { ok: true; count: number } | { ok: false; message: string };

/** The longest reason shown (a reply is data from another context: never trusted to be short). */
const MAX_REASON_CHARS = 160;

/**
 * Reads a reply posted by the worker, never throwing: anything that is not one of the two shapes, or a count that is
 * not a whole number of files, reads as a failure with a plain reason.
 *
 * @example readWorkerReply({ ok: true, count: 42 }) // { ok: true, count: 42 }
 * @example readWorkerReply('nonsense') // { ok: false, message: 'the offline helper gave an unreadable answer' }
 */
export function readWorkerReply(data: unknown): WorkerReply {
  const bad: WorkerReply = { ok: false, message: 'the offline helper gave an unreadable answer' };
  if (typeof data !== 'object' || data === null) return bad;
  const r = data as Record<string, unknown>;
  if (r.ok === true) {
    const count = r.count;
    return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? { ok: true, count } : bad;
  }
  if (r.ok === false && typeof r.message === 'string' && r.message.length > 0)
    return { ok: false, message: r.message.slice(0, MAX_REASON_CHARS) };
  return bad;
}

/** The state a reply leads to. */
export function stateOfReply(reply: WorkerReply): OfflineState {
  return reply.ok ? { kind: 'ready', files: reply.count } : { kind: 'unavailable', reason: reply.message };
}

/**
 * The words on the page for each state: "Ready offline" is the phrase the e2e test and the presenter look for.
 *
 * @example offlineStatusText({ kind: 'ready', files: 31 }) // 'Ready offline (31 files stored).'
 */
export function offlineStatusText(state: OfflineState): string {
  switch (state.kind) {
    case 'checking':
      return 'Preparing an offline copy…';
    case 'ready':
      return `Ready offline (${state.files} files stored).`;
    case 'unavailable':
      return `Not available offline: ${state.reason}.`;
  }
}

/** Deck slugs as the worker accepts them (public/sw.js SLUG): lower-case letters, digits and '-'. */
export const DECK_SLUG = /^[a-z0-9-]{1,64}$/;
