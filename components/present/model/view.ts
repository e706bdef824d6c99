/**
 * Which view of a deck a window shows, from its query string (`/present/<slug>?view=…`):
 * - `deck`: the slides with the site around them (the default);
 * - `audience`: the slides without the site's header and footer, for the projector;
 * - `presenter`: the slide, the notes, a preview of the next slide and the clock;
 * - `remote`: a clicker: two big buttons and the current slide's number and title.
 * Every view of one deck follows the same slide over the deck's BroadcastChannel (./sync.ts).
 */
export type DeckView = 'deck' | 'audience' | 'presenter' | 'remote';

const VIEWS: readonly DeckView[] = ['deck', 'audience', 'presenter', 'remote'];

/**
 * The view a query string asks for; anything else (no `view`, an unknown or repeated
 * value, different case) is the plain deck, so a mistyped link still shows the slides.
 *
 * @example deckView('?view=remote') // 'remote'
 * @example deckView('?view=Remote') // 'deck'
 * @example deckView('') // 'deck'
 */
export function deckView(search: string): DeckView {
  const values = new URLSearchParams(search).getAll('view');
  if (values.length !== 1) return 'deck';
  return VIEWS.find((v) => v === values[0]) ?? 'deck';
}

/**
 * The link to another view of the same deck on the same slide.
 *
 * @example deckViewHref('memory', 'presenter', '#3') // '/present/memory?view=presenter#3'
 * @example deckViewHref('memory', 'deck', '#3') // '/present/memory#3'
 */
export function deckViewHref(slug: string, view: DeckView, hash: string): string {
  return `/present/${slug}${view === 'deck' ? '' : `?view=${view}`}${hash}`;
}
