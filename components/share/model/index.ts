/** Sharing a set-up: absolute links and QR codes for them (components/share/ShareQr). */
export { qrSvg, qrDarkModules, QR_ERROR_CORRECTION, QR_QUIET_ZONE_MODULES } from './qr';
export type { QrSvg } from './qr';
export { absoluteLink, loopbackHost } from './link';
