/**
 * Pure logic of the slide decks (`/present/<slug>`, components/present): where a
 * lesson splits into slides, the keyboard map and slide arithmetic, the messages
 * that keep the audience and presenter windows (slide and widget state) in sync, the
 * views a window can show, and the presenter's clock.
 */
export { planSlides, slideLabel, continuedTitle, INTRO_TITLE } from './slides';
export type { SlideItem, SlidePlan, DeckPlan, SlideHeadingSource } from './slides';
export { keyAction, nextSlideIndex, slideIndexFromHash, slideHash } from './keys';
export type { DeckAction, KeyTarget, KeyPress } from './keys';
export {
  DECK_PROTOCOL_VERSION,
  deckChannelName,
  parseDeckMessage,
  openDeck,
  deckReducer,
  isSharedValue,
  stringRecordGuard,
  isBoolean,
  parseSharedMessage,
  openShared,
  sharedReducer,
} from './sync';
export type {
  DeckMessage,
  DeckSyncState,
  DeckEvent,
  DeckStep,
  SlideChangeOrigin,
  SharedValue,
  SharedMessage,
  SharedSlot,
  SharedEvent,
  SharedStep,
} from './sync';
export { deckView, deckViewHref } from './view';
export { nextFitZoom, MIN_SLIDE_ZOOM, FIT_TOLERANCE_PX } from './fit';
export type { DeckView } from './view';
export {
  TIMER_ZERO,
  timerElapsedMs,
  timerStart,
  timerPause,
  timerReset,
  parseTimerState,
  formatElapsed,
  elapsedInWords,
} from './timer';
export type { TimerState } from './timer';
