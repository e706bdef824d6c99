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
