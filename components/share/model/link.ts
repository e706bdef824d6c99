/**
 * The absolute link a QR code carries: the site's origin plus a root-relative path
 * with its query, e.g. a calculator's `/tools/memory?model=…`. Someone scanning a code
 * has no page to resolve a relative link against, so the code must hold all of it.
 */

/**
 * `origin` + `path`, resolved and normalised by the URL parser (non-ASCII is
 * percent-encoded, so the result can go straight into {@link qrSvg}).
 *
 * @throws {TypeError} when `path` does not start with a single "/" (a relative or
 *   protocol-relative link would point elsewhere) or `origin` is not an http(s) origin.
 * @example absoluteLink('http://127.0.0.1:3100', '/tools/speed?batch=64') // 'http://127.0.0.1:3100/tools/speed?batch=64'
 */
export function absoluteLink(origin: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//'))
    throw new TypeError(`path must start with a single "/" (got ${JSON.stringify(path)})`);
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    throw new TypeError(`origin is not a URL (got ${JSON.stringify(origin)})`);
  }
  if ((base.protocol !== 'http:' && base.protocol !== 'https:') || base.origin !== origin.replace(/\/$/, '')) {
    throw new TypeError(`origin must be an http(s) origin such as https://example.com (got ${JSON.stringify(origin)})`);
  }
  return new URL(path, base).href;
}

/**
 * The host of `url` when it is this computer's own loopback name, which a phone or
 * another laptop scanning the code would resolve to itself: `localhost` (and any
 * `*.localhost`, RFC 6761 §6.3), an IPv4 address in 127.0.0.0/8 or the IPv6 `[::1]`
 * (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3). Null for any other host or a string that is
 * not a URL. ShareQr shows a warning beside such a code.
 *
 * @example loopbackHost('http://127.0.0.1:3100/tools/memory') // '127.0.0.1'
 * @example loopbackHost('http://localhost:3000/') // 'localhost'
 * @example loopbackHost('https://example.com/') // null
 */
export function loopbackHost(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  if (host === '[::1]') return host;
  // The URL parser has already normalised IPv4 forms (0x7f.1, 2130706433) to dotted decimal.
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return host;
  return null;
}
