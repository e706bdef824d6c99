/**
 * How a lesson becomes slides (the `/present/<slug>` pages). The MDX renderer
 * classifies each top-level element of a lesson as one {@link SlideItem}; this
 * module decides where slides begin, what each slide is called and which heading
 * it shows. Pure: no React, no DOM, so the rules are tested on their own.
 *
 * The rules, in the order an author meets them:
 *   1. Slide 1 is the title slide (the lesson title and summary). `<Notes>` placed
 *      before any other content belong to it.
 *   2. Content before the first heading or marker becomes an introduction slide,
 *      titled "Introduction" unless the author opened it with `<Slide title="…" />`.
 *   3. Every `## heading` starts a slide.
 *   4. Every `### heading` and every standalone block (the quiz) starts a slide too,
 *      except when the current slide holds nothing but its heading: then it joins it
 *      (so "## Check yourself" followed by the quiz stays one slide).
 *   5. `<Slide />` starts a slide wherever an author puts it. It shows its `title`, or
 *      "<title of the slide before> (continued)". A marker with nothing after it
 *      before the next break makes no slide.
 *   6. `<Notes>` belong to the slide they appear in.
 */

/** A top-level element of a lesson, as the splitter sees it. */
export type SlideItem =
  /** A `##` (level 2) or `###` (level 3) heading; `title` is its text. */
  | { kind: 'heading'; level: 2 | 3; title: string }
  /** An explicit `<Slide />` marker, with its optional `title`. */
  | { kind: 'marker'; title: string | null }
  /** A block that carries its own heading and deserves its own slide (a quiz); `title` names it. */
  | { kind: 'block'; title: string }
  /** Speaker notes: they stay with the slide they are in. */
  | { kind: 'notes' }
  /** Anything else: prose, math, a table, a widget. */
  | { kind: 'content' };

/**
 * Where a slide's heading comes from:
 * - `item`: its first item is a heading (rendered as the slide's `h2`);
 * - `block`: its first item is a block that renders its own heading;
 * - `generated`: the slide has no heading of its own and shows `title` as an `h2`.
 */
export type SlideHeadingSource = 'item' | 'block' | 'generated';

/** One slide of a lesson (the title slide is not included; it is always slide 1). */
export interface SlidePlan {
  /** What the slide is called: its heading text, the marker's title, or a generated one. */
  title: string;
  headingSource: SlideHeadingSource;
  /** For a slide that starts at a `###`, the title of the `##` section it belongs to (shown above it); else null. */
  sectionTitle: string | null;
  /** The index of the item rendered as the slide's heading (a heading or block), or null when `generated`. */
  headingItem: number | null;
  /** Indices into the item list, in order. */
  items: number[];
}

/** The result of {@link planSlides}: the title slide's notes, then the other slides. */
export interface DeckPlan {
  /** Indices of `<Notes>` that precede every other item: they belong to the title slide. */
  titleSlideItems: number[];
  slides: SlidePlan[];
}

/** Title of the slide made of the content before the first heading, unless a marker names it. */
export const INTRO_TITLE = 'Introduction';

/** The title of a slide continued by an untitled `<Slide />` marker. @example continuedTitle('Try it') // 'Try it (continued)' */
export function continuedTitle(title: string): string {
  return `${title.replace(/ \(continued\)$/, '')} (continued)`;
}

/**
 * Splits a lesson's top-level items into slides by the rules in this module's
 * header comment. Every item lands in exactly one slide (or in the title slide's
 * notes), in its original order; no slide is empty.
 *
 * @throws {TypeError} when a heading or block has an empty title (the slide would have no name).
 * @example
 * planSlides([{ kind: 'content' }, { kind: 'heading', level: 2, title: 'Memory' }, { kind: 'content' }]).slides
 * // [{ title: 'Introduction', headingSource: 'generated', sectionTitle: null, headingItem: null, items: [0] },
 * //  { title: 'Memory', headingSource: 'item', sectionTitle: null, headingItem: 1, items: [1, 2] }]
 */
export function planSlides(items: readonly SlideItem[]): DeckPlan {
  const titleSlideItems: number[] = [];
  /** Slides with a flag: does it hold anything besides its opening heading or marker? */
  const raw: Array<SlidePlan & { hasBody: boolean }> = [];
  let sectionTitle: string | null = null;
  const current = () => raw[raw.length - 1];
  const open = (slide: Omit<SlidePlan, 'items' | 'headingItem'>, index: number, hasBody: boolean) => {
    raw.push({ ...slide, headingItem: slide.headingSource === 'generated' ? null : index, items: [index], hasBody });
  };
  /** True when the current slide opened with a heading and holds nothing else yet. */
  const headingOnly = () => {
    const c = current();
    return c !== undefined && c.headingSource === 'item' && !c.hasBody;
  };

  items.forEach((item, index) => {
    switch (item.kind) {
      case 'heading': {
        const title = item.title.trim();
        if (!title) throw new TypeError(`item ${index}: heading has no text, so its slide would have no name`);
        if (item.level === 2) sectionTitle = title;
        if (item.level === 3 && headingOnly()) {
          current()!.items.push(index); // "## A" directly followed by "### B": one slide
          current()!.hasBody = true;
          return;
        }
        open({ title, headingSource: 'item', sectionTitle: item.level === 3 ? sectionTitle : null }, index, false);
        return;
      }
      case 'block': {
        const title = item.title.trim();
        if (!title) throw new TypeError(`item ${index}: block has no title, so its slide would have no name`);
        if (headingOnly()) {
          current()!.items.push(index); // "## Check yourself" followed by the quiz: one slide
          current()!.hasBody = true;
          return;
        }
        open({ title, headingSource: 'block', sectionTitle: null }, index, true);
        return;
      }
      case 'marker': {
        const before = [...raw].reverse().find((s) => s.hasBody || s.headingSource !== 'generated');
        const title = item.title?.trim() || (before ? continuedTitle(before.title) : INTRO_TITLE);
        open({ title, headingSource: 'generated', sectionTitle: null }, index, false);
        return;
      }
      case 'notes': {
        const c = current();
        if (c) c.items.push(index);
        else titleSlideItems.push(index);
        return;
      }
      case 'content': {
        const c = current();
        if (c) {
          c.items.push(index);
          c.hasBody = true;
        } else open({ title: INTRO_TITLE, headingSource: 'generated', sectionTitle: null }, index, true);
        return;
      }
    }
  });

  // A marker with no content after it makes no slide: its items (the marker, perhaps
  // notes) move to the next slide, or to the previous one at the end.
  const slides: SlidePlan[] = [];
  let carried: number[] = [];
  for (const { hasBody, ...slide } of raw) {
    if (slide.headingSource === 'generated' && !hasBody) {
      carried.push(...slide.items);
      continue;
    }
    slides.push({ ...slide, items: [...carried, ...slide.items] });
    carried = [];
  }
  if (carried.length) {
    const last = slides[slides.length - 1];
    if (last) last.items.push(...carried);
    else titleSlideItems.push(...carried);
  }
  return { titleSlideItems, slides };
}

/**
 * The accessible name of a slide: "n of N: title" (1-based), as screen readers
 * announce it with `aria-roledescription="slide"`.
 *
 * @throws {RangeError} unless 1 ≤ slideNumber ≤ slideCount, both integers.
 * @example slideLabel(3, 12, 'KV cache') // '3 of 12: KV cache'
 */
export function slideLabel(slideNumber: number, slideCount: number, title: string): string {
  if (!Number.isInteger(slideCount) || slideCount < 1)
    throw new RangeError(`slideCount must be a positive integer (got ${slideCount})`);
  if (!Number.isInteger(slideNumber) || slideNumber < 1 || slideNumber > slideCount) {
    throw new RangeError(`slideNumber must be an integer from 1 to ${slideCount} (got ${slideNumber})`);
  }
  return `${slideNumber} of ${slideCount}: ${title}`;
}
