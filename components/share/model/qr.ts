/**
 * QR codes for shared set-ups: a calculator's link, drawn as one SVG path so a
 * slide can show it and the room can scan it. Encoding is done by
 * `qrcode-generator` (Kazuhiko Arase, MIT; an implementation of ISO/IEC 18004);
 * this module picks its parameters and turns the module matrix into a path.
 */
import qrcode from 'qrcode-generator';

/** Error-correction level used: M recovers about 15% of the symbol, the usual choice for screens. */
export const QR_ERROR_CORRECTION = 'M' as const;

/** Quiet zone around the symbol, in modules: 4, the minimum ISO/IEC 18004 §6.3.8 asks for. */
export const QR_QUIET_ZONE_MODULES = 4;

/** A QR symbol ready to draw. */
export interface QrSvg {
  /** QR version, 1–40: version v has 4v + 17 modules a side (ISO/IEC 18004 §6.3.1). */
  version: number;
  /** Modules a side of the symbol, without the quiet zone. */
  moduleCount: number;
  /** Side of the SVG viewBox, in modules: moduleCount + 2 × quiet zone. */
  viewBoxModules: number;
  /**
   * The dark modules as one path in viewBox units (one module = 1), quiet zone included:
   * each horizontal run of dark modules in a row is one rectangle `M x y h n v 1 h -n z`.
   */
  path: string;
}

/**
 * Encodes `text` (a URL) in byte mode at error-correction level M, at the smallest
 * version that holds it, and returns the symbol as an SVG path. The same text always
 * gives the same path (the encoder picks the mask by the standard's penalty score).
 *
 * @throws {TypeError} when `text` is empty or has a character outside printable ASCII
 *   (a URL from `new URL(...).href` is always ASCII: other characters are percent-encoded).
 * @throws {RangeError} when `text` exceeds the capacity of version 40-M (2,331 bytes).
 * @example
 * const qr = qrSvg('https://example.com/');
 * qr.version     // 2 (20 bytes: version 1-M holds 14, version 2-M holds 26)
 * qr.moduleCount // 25
 */
export function qrSvg(text: string): QrSvg {
  if (text.length === 0) throw new TypeError('url: nothing to encode');
  if (!/^[\x20-\x7e]+$/.test(text))
    throw new TypeError('url: only printable ASCII can be encoded; percent-encode other characters first');
  const code = qrcode(0, QR_ERROR_CORRECTION);
  code.addData(text, 'Byte');
  try {
    code.make();
  } catch (error) {
    throw new RangeError(
      `url: ${text.length} characters is too long for a QR code (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const moduleCount = code.getModuleCount();
  const version = (moduleCount - 17) / 4;
  const q = QR_QUIET_ZONE_MODULES;
  const parts: string[] = [];
  for (let row = 0; row < moduleCount; row += 1) {
    let col = 0;
    while (col < moduleCount) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < moduleCount && code.isDark(row, col)) col += 1;
      const run = col - start;
      parts.push(`M${start + q} ${row + q}h${run}v1h-${run}z`);
    }
  }
  return { version, moduleCount, viewBoxModules: moduleCount + 2 * q, path: parts.join('') };
}

/**
 * The dark modules of a symbol read back from its path, as a set of "row,col" keys
 * (quiet zone removed). The inverse of the path encoding, for tests and for checking
 * that a drawn code matches the encoder's matrix.
 *
 * @throws {SyntaxError} when the path is not made of `M x y h n v 1 h -n z` runs.
 * @example [...qrDarkModules(qrSvg('a'))].length > 0 // true
 */
export function qrDarkModules(qr: Pick<QrSvg, 'path'>): Set<string> {
  const dark = new Set<string>();
  const q = QR_QUIET_ZONE_MODULES;
  const re = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/gy;
  let consumed = 0;
  for (let m = re.exec(qr.path); m; m = re.exec(qr.path)) {
    const [x, y, run, back] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (run !== back || run < 1) throw new SyntaxError(`path: run at ${x},${y} does not close`);
    for (let i = 0; i < run; i += 1) dark.add(`${y - q},${x - q + i}`);
    consumed = re.lastIndex;
  }
  if (consumed !== qr.path.length) throw new SyntaxError(`path: unreadable from character ${consumed}`);
  return dark;
}
