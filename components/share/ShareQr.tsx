'use client';

import { useEffect, useState } from 'react';
import type { QrSvg } from './model/qr';
import { absoluteLink, loopbackHost } from './model/link';
import './ShareQr.css';
import { prefixed } from '@/components/ui/prefixed';

const styles = prefixed('sq');

/**
 * A widget's set-up as a QR code and a visible link, so a room can open the same
 * set-up on their laptops. `path` is the root-relative link that reproduces the
 * set-up (e.g. `/tools/memory?model=…`), built by the widget from its current state;
 * the code holds the absolute URL, known only in the browser. Collapsed unless `open`
 * (on slides it is open). The encoder is loaded on first open, so pages that never
 * show a code do not download it.
 */
export function ShareQr({ path, open = false, note }: { path: string; open?: boolean; note?: string }) {
  const [origin, setOrigin] = useState<string | null>(null);
  const [isOpen, setIsOpen] = useState(open);
  const [drawn, setDrawn] = useState<{ url: string; qr: QrSvg | null; error: string | null } | null>(null);

  // The origin exists only in the browser; the server HTML shows the relative link.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOrigin(window.location.origin), []);

  let url: string | null = null;
  let linkError: string | null = null;
  if (origin !== null) {
    try {
      url = absoluteLink(origin, path);
    } catch (error) {
      linkError = error instanceof Error ? error.message : String(error);
    }
  }

  useEffect(() => {
    if (!isOpen || url === null || drawn?.url === url) return;
    let live = true;
    import('./model/qr').then(
      ({ qrSvg }) => {
        if (!live) return;
        try {
          setDrawn({ url, qr: qrSvg(url), error: null });
        } catch (error) {
          setDrawn({ url, qr: null, error: error instanceof Error ? error.message : String(error) });
        }
      },
      () => live && setDrawn({ url, qr: null, error: 'The QR encoder did not load; use the link.' }),
    );
    return () => {
      live = false;
    };
  }, [isOpen, url, drawn?.url]);

  const current = drawn !== null && drawn.url === url ? drawn : null;
  const href = url ?? path;
  const loopback = url === null ? null : loopbackHost(url);
  return (
    // On paper the box is worth printing only once its code is drawn.
    <details
      className={styles.box}
      open={open}
      onToggle={(e) => setIsOpen(e.currentTarget.open)}
      data-print={current?.qr ? undefined : 'hide'}
    >
      <summary className={styles.summary}>QR code for this set-up</summary>
      <div className={styles.body}>
        {current?.qr ? (
          <svg
            className={styles.code}
            role="img"
            aria-label={`QR code for ${current.url}`}
            viewBox={`0 0 ${current.qr.viewBoxModules} ${current.qr.viewBoxModules}`}
            shapeRendering="crispEdges"
          >
            <rect width={current.qr.viewBoxModules} height={current.qr.viewBoxModules} fill="#fff" />
            <path d={current.qr.path} fill="#000" />
          </svg>
        ) : (
          <div className={styles.placeholder}>{current?.error ?? linkError ?? 'Drawing the code…'}</div>
        )}
        <p className={styles.link}>
          Scan it, or open{' '}
          <a href={href} data-print-url="off">
            {href}
          </a>
          {note ? <span className={styles.note}> ({note})</span> : null}
        </p>
        {loopback ? (
          <p className={styles.warn}>
            <strong>This code points at {loopback}, this computer&apos;s own name:</strong> phones on the network cannot
            open localhost. Serve the site on this computer&apos;s network address or a public host before the room
            scans it.
          </p>
        ) : null}
      </div>
    </details>
  );
}
