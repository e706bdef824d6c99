/**
 * Keyboard map and slide arithmetic of the slide deck (components/present). Pure:
 * the component tells {@link keyAction} what kind of element the key was pressed
 * in, so a calculator's fields, radios and buttons keep their own keys.
 */

/** What a key or a button asks the deck to do. */
export type DeckAction = 'next' | 'prev' | 'first' | 'last' | 'fullscreen';

/**
 * Where a key was pressed, as the component classifies the event target:
 * - `text-entry`: an input, select, textarea or contenteditable (typing; arrows move the caret or the choice);
 * - `widget`: an element that uses the arrow keys itself (a radio, a tab, a listbox, a slider, a menu,
 *   a grid), or a key a widget already handled (the event's default was prevented);
 * - `control`: a button, link or summary, in a widget or not (Space and Enter activate it, arrows are free);
 * - `page`: anywhere else (the slide body, the page).
 */
export type KeyTarget = 'text-entry' | 'widget' | 'control' | 'page';

/** The parts of a KeyboardEvent the map reads. */
export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The deck action for a key, or null to leave the key to the browser or the widget.
 *
 *   ArrowRight, PageDown, Space    → next
 *   ArrowLeft, PageUp, Shift+Space → prev
 *   Home / End                               → first / last
 *   f (or F)                                 → fullscreen
 *
 * Nothing happens with Ctrl, Alt or Meta held (browser shortcuts), in a text field or
 * a control that uses arrows (a calculator stays usable on a slide), and Space does not also
 * advance when it presses a focused button or link. ArrowUp/ArrowDown are left alone so
 * a long slide can scroll; presentation clickers send PageDown/PageUp.
 *
 * @example keyAction({ key: 'ArrowRight' }, 'page') // 'next'
 * @example keyAction({ key: ' ', shiftKey: true }, 'page') // 'prev'
 * @example keyAction({ key: 'ArrowRight' }, 'text-entry') // null
 */
export function keyAction(press: KeyPress, target: KeyTarget): DeckAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (target === 'text-entry' || target === 'widget') return null;
  switch (press.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case ' ':
    case 'Spacebar':
      if (target === 'control') return null;
      return press.shiftKey ? 'prev' : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return null;
  }
}

/**
 * The slide index (0-based) after a navigation action, clamped to the deck; `fullscreen` leaves it.
 *
 * @throws {RangeError} unless slideCount is a positive integer and slideIndex an integer in [0, slideCount).
 * @example nextSlideIndex(0, 5, 'prev') // 0
 * @example nextSlideIndex(2, 5, 'last') // 4
 */
export function nextSlideIndex(slideIndex: number, slideCount: number, action: DeckAction): number {
  assertSlide(slideIndex, slideCount);
  switch (action) {
    case 'next':
      return Math.min(slideIndex + 1, slideCount - 1);
    case 'prev':
      return Math.max(slideIndex - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return slideCount - 1;
    case 'fullscreen':
      return slideIndex;
  }
}

/**
 * The slide index a URL hash points at: "#3" is the third slide (index 2). Returns null
 * for a hash that is not a slide number in the deck ("#", "#0", "#x", "#99" of 12), so
 * the caller can fall back (to an element id, then to slide 1).
 *
 * @throws {RangeError} unless slideCount is a positive integer.
 * @example slideIndexFromHash('#3', 12) // 2
 * @example slideIndexFromHash('#13', 12) // null
 */
export function slideIndexFromHash(hash: string, slideCount: number): number | null {
  if (!Number.isInteger(slideCount) || slideCount < 1)
    throw new RangeError(`slideCount must be a positive integer (got ${slideCount})`);
  const m = /^#?([1-9][0-9]{0,5})$/.exec(hash);
  if (!m) return null;
  const slideNumber = Number(m[1]);
  return slideNumber <= slideCount ? slideNumber - 1 : null;
}

/**
 * The URL hash for a slide index: index 2 → "#3" (slide numbers are 1-based, as on the counter).
 *
 * @throws {RangeError} for a negative or fractional index.
 * @example slideHash(2) // '#3'
 */
export function slideHash(slideIndex: number): string {
  if (!Number.isInteger(slideIndex) || slideIndex < 0)
    throw new RangeError(`slideIndex must be a non-negative integer (got ${slideIndex})`);
  return `#${slideIndex + 1}`;
}

function assertSlide(slideIndex: number, slideCount: number): void {
  if (!Number.isInteger(slideCount) || slideCount < 1)
    throw new RangeError(`slideCount must be a positive integer (got ${slideCount})`);
  if (!Number.isInteger(slideIndex) || slideIndex < 0 || slideIndex >= slideCount) {
    throw new RangeError(`slideIndex must be an integer from 0 to ${slideCount - 1} (got ${slideIndex})`);
  }
}
