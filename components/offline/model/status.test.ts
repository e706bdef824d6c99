import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECK_SLUG, offlineStatusText, readWorkerReply, stateOfReply } from './status';

describe('readWorkerReply', () => {
  it('reads the two shapes public/sw.js posts', () => {
    expect(readWorkerReply({ ok: true, count: 42 })).toEqual({ ok: true, count: 42 });
    expect(readWorkerReply({ ok: false, message: '2 of 40 files could not be stored' })).toEqual({
      ok: false,
      message: '2 of 40 files could not be stored',
    });
  });
  it('anything else is a failure with a plain reason, never a crash', () => {
    for (const data of [
      null,
      'x',
      3,
      {},
      { ok: true },
      { ok: true, count: -1 },
      { ok: true, count: 1.5 },
      { ok: false },
    ])
      expect(readWorkerReply(data)).toEqual({ ok: false, message: 'the offline helper gave an unreadable answer' });
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const r = readWorkerReply(data);
        expect(offlineStatusText(stateOfReply(r))).not.toMatch(/undefined|NaN|\[object/);
      }),
    );
  });
  it('a long reason is cut to 160 characters', () => {
    const r = readWorkerReply({ ok: false, message: 'x'.repeat(10_000) });
    expect(r.ok === false && r.message.length).toBe(160);
  });
});

describe('offlineStatusText', () => {
  it('says "Ready offline" with the count, or "Not available offline" with the reason', () => {
    expect(offlineStatusText({ kind: 'ready', files: 31 })).toBe('Ready offline (31 files stored).');
    expect(offlineStatusText({ kind: 'unavailable', reason: 'service workers are off in this browser' })).toBe(
      'Not available offline: service workers are off in this browser.',
    );
    expect(offlineStatusText({ kind: 'checking' })).toContain('offline');
  });
});

describe('DECK_SLUG', () => {
  it('accepts the deck slugs and nothing that could leave /_offline/', () => {
    for (const s of ['memory', 'fact-check', 'precision']) expect(DECK_SLUG.test(s)).toBe(true);
    for (const s of ['', '../x', 'a/b', 'Memory', 'x'.repeat(65)]) expect(DECK_SLUG.test(s)).toBe(false);
  });
});
