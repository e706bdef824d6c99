/**
 * Shrinking a slide to fit the screen (issue 15 item 8): a slide whose content is
 * taller than the stage is zoomed out (CSS `zoom`, which scales layout, so the stage
 * stops scrolling) until it fits, never below {@link MIN_SLIDE_ZOOM}. The component
 * measures; this decides the next zoom to try.
 */

/**
 * The smallest zoom a slide is shrunk to: half size. At 1280×720 slide text is then
 * about 10.5 px (the slide's 0.55rem + 0.95vw = 20.96 px, halved): the limit of what a
 * room can read. A slide that needs more is too long and should be split (`<Slide />`).
 */
export const MIN_SLIDE_ZOOM = 0.5;

/** Overflow the fit tolerates, in CSS px: scroll sizes are whole pixels, layout sizes are not. */
export const FIT_TOLERANCE_PX = 1;

/**
 * The next zoom to try for a slide shown at `zoom` whose stage reports `scrollPx` of
 * content in `clientPx` of height, or null when there is nothing more to do (it fits,
 * or it is already at the minimum).
 *
 *   next = max(MIN_SLIDE_ZOOM, floor(100 × zoom × clientPx / scrollPx) / 100)
 *
 * Shrinking by the overflow ratio is enough or more than enough: the slide's width
 * is kept on screen (its max-width is divided by the zoom), so text reflows into
 * longer lines and the height falls faster than the zoom. Rounding down to 0.01 makes
 * each step shrink, so the caller's loop ends.
 *
 * @throws {RangeError} for a zoom outside (0, 1] or a negative or non-finite size.
 * @example nextFitZoom(1, 1200, 600) // 0.5
 * @example nextFitZoom(1, 700, 600) // 0.85
 * @example nextFitZoom(1, 600, 600) // null (fits)
 * @example nextFitZoom(0.5, 900, 600) // null (at the minimum)
 */
export function nextFitZoom(zoom: number, scrollPx: number, clientPx: number): number | null {
  if (!Number.isFinite(zoom) || zoom <= 0 || zoom > 1) throw new RangeError(`zoom must be in (0, 1] (got ${zoom})`);
  for (const [name, v] of [
    ['scrollPx', scrollPx],
    ['clientPx', clientPx],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite, non-negative size (got ${v})`);
  }
  if (scrollPx <= clientPx + FIT_TOLERANCE_PX) return null;
  if (zoom <= MIN_SLIDE_ZOOM) return null;
  const next = Math.floor((100 * zoom * clientPx) / scrollPx) / 100;
  return Math.max(MIN_SLIDE_ZOOM, Math.min(next, Math.round(zoom * 100 - 1) / 100));
}
