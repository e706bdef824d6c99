import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import qrcode from 'qrcode-generator';
import { qrDarkModules, qrSvg, QR_QUIET_ZONE_MODULES } from './qr';
import { absoluteLink } from './link';

/**
 * Byte-mode capacity at error-correction level M for versions 1–15, from
 * ISO/IEC 18004:2015 Table 7 (the same table is printed at thonky.com's
 * "QR Code Tutorial: Character Capacities"): the most 8-bit bytes version v holds.
 */
const BYTE_CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412];

/** The smallest version whose capacity holds n bytes. */
const versionFor = (n: number) => BYTE_CAPACITY_M.findIndex((c) => c >= n) + 1;

describe('qrSvg', () => {
  it('is deterministic: the same link always draws the same code', () => {
    const url =
      'http://127.0.0.1:3100/tools/memory?model=llama-3.1-70b&weights=int4-g128&kv=bf16&context=4096&batch=8&gpu=a100-80gb-sxm&gpus=1&util=full';
    expect(qrSvg(url)).toEqual(qrSvg(url));
    expect(qrSvg(url).path).not.toBe(qrSvg(url.replace('batch=8', 'batch=9')).path);
  });

  it('picks the smallest version for the link length, with 4v + 17 modules a side', () => {
    // Lengths at and just past each capacity boundary of versions 1–15.
    for (const cap of BYTE_CAPACITY_M) {
      for (const n of cap === BYTE_CAPACITY_M.at(-1) ? [cap] : [cap, cap + 1]) {
        const qr = qrSvg(`https://x.io/${'a'.repeat(n - 13)}`);
        expect(qr.version).toBe(versionFor(n));
        expect(qr.moduleCount).toBe(4 * qr.version + 17);
        expect(qr.viewBoxModules).toBe(qr.moduleCount + 2 * QR_QUIET_ZONE_MODULES);
      }
    }
    // A typical calculator link on this site (≈ 190 characters with the speed calculator's chart formats) → version 10 at M.
    const speed =
      'https://example.github.io/tools/speed?model=llama-3.1-70b&weights=int4-g128&gpu=h100-sxm&gpus=1&batch=16&context=1024&kv=bf16&show=bf16%2Cint8-w8a8%2Cfp8-w8a8%2Cint8-w8a16%2Cint4-g128';
    expect(qrSvg(speed).version).toBe(versionFor(speed.length));
  });

  it('draws exactly the encoder matrix, with the three finder patterns in place', () => {
    const text = 'https://example.com/';
    const qr = qrSvg(text);
    const ref = qrcode(0, 'M');
    ref.addData(text, 'Byte');
    ref.make();
    const dark = qrDarkModules(qr);
    for (let r = 0; r < qr.moduleCount; r += 1)
      for (let c = 0; c < qr.moduleCount; c += 1) expect(dark.has(`${r},${c}`)).toBe(ref.isDark(r, c));
    // Finder pattern corners (ISO/IEC 18004 §6.3.3): 7×7 dark outer ring at three corners.
    const n = qr.moduleCount;
    for (const [r, c] of [
      [0, 0],
      [0, 6],
      [6, 0],
      [6, 6],
      [0, n - 1],
      [6, n - 7],
      [n - 1, 0],
      [n - 7, 6],
    ] as const)
      expect(dark.has(`${r},${c}`)).toBe(true);
    expect(dark.has('1,1')).toBe(false); // the light ring inside the finder
  });

  it('round-trips the path for any printable link (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{1,120}$/), (text) => {
        const qr = qrSvg(text);
        const dark = qrDarkModules(qr);
        for (const key of dark) {
          const [r, c] = key.split(',').map(Number) as [number, number];
          expect(r).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThan(qr.moduleCount);
        }
        expect(qr.version).toBe(versionFor(text.length));
      }),
      { numRuns: 60 },
    );
  });

  it('rejects what it cannot encode, naming the field', () => {
    expect(() => qrSvg('')).toThrow(/url: nothing to encode/);
    expect(() => qrSvg('https://example.com/é')).toThrow(/url: only printable ASCII/);
    expect(() => qrSvg(`https://x.io/${'a'.repeat(3000)}`)).toThrow(/url: .* too long/);
  });
});

describe('absoluteLink', () => {
  it('joins origin and path', () => {
    expect(absoluteLink('http://127.0.0.1:3100', '/tools/speed?batch=64')).toBe(
      'http://127.0.0.1:3100/tools/speed?batch=64',
    );
    expect(absoluteLink('https://example.com/', '/tools/memory?model=a')).toBe(
      'https://example.com/tools/memory?model=a',
    );
  });
  it('percent-encodes so the result is QR-safe', () => {
    expect(absoluteLink('https://example.com', '/tools/x?q=é')).toBe('https://example.com/tools/x?q=%C3%A9');
  });
  it('refuses links that would leave the site', () => {
    expect(() => absoluteLink('https://example.com', '//evil.com/x')).toThrow(/path must start/);
    expect(() => absoluteLink('https://example.com', 'tools/x')).toThrow(/path must start/);
    expect(() => absoluteLink('javascript:alert(1)', '/x')).toThrow(/origin/);
    expect(() => absoluteLink('https://example.com/sub', '/x')).toThrow(/origin/);
  });
});
